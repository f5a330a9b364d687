"""How long `--render sample` takes on a generated site, against `--render all`.

    python benchmarks/render_sample_vs_all.py [--pages 2000] [--profile mobile] [--full]

Audits the site once with `--render sample` and prints the templates found, the pages
measured and the render time. `--render all` on 2,000 pages takes hours at a few seconds
a page, so by default its time is estimated from the sample's seconds per page (labelled
as an estimate); `--full` runs it for real.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.crawl_throughput import free_port, static_server, timed  # noqa: E402
from benchmarks.sites import generate  # noqa: E402


def audit(base: str, out: Path, mode: str, profile: str) -> tuple[dict, float]:
    """result.json and the whole audit's wall seconds (start-up, crawl, render, audits, report)."""
    wall, _, _ = timed([sys.executable, "-m", "auditor", "audit", f"{base}/index.html", "--out", str(out),
                        "--render", mode, "--profile", profile, "--concurrency", "16"])
    return json.loads((out / "result.json").read_text()), wall


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--profile", default="mobile", choices=["mobile", "desktop"])
    parser.add_argument("--full", action="store_true", help="also run --render all for real")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-render-") as tmp:  # the site and its results go with it
        return measure(args, Path(tmp))


def measure(args, work: Path) -> int:
    work.chmod(0o755)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    generate(work / "site", args.pages, base, "ar")
    with static_server(work / "site", port):
        sample, sample_wall = audit(base, work / "sample", "sample", args.profile)
        render = sample["run"]["render"]
        seconds = sample["run"]["timings"]["render"]
        pages = sample["run"]["counts"]["html_pages"]
        per_page = seconds / max(render["pages_measured"], 1)
        print(f"site: {pages} HTML pages, {len(render['templates'])} templates; profile {args.profile}")
        print(f"--render sample: {render['pages_measured']} pages measured in {seconds:.1f} s ({per_page:.1f} s a page);"
              f" whole audit {sample_wall:.1f} s")
        if args.full:
            full, full_wall = audit(base, work / "all", "all", args.profile)
            print(f"--render all: {full['run']['render']['pages_measured']} pages measured in"
                  f" {full['run']['timings']['render']:.1f} s; whole audit {full_wall:.1f} s")
        else:
            print(f"--render all (estimated from the sample's {per_page:.1f} s a page): {pages * per_page / 60:.0f} min "
                  f"for {pages} pages, {pages * per_page / max(seconds, 1):.0f}x the sample")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
