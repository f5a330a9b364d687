"""The generated benchmark sites (../shared/bench/make_site.py), served on loopback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_site_script() -> Path:
    """Where the site generator lives: $AUDITOR_BENCH_DIR, or shared/bench beside the repo."""
    candidates = [Path(os.environ["AUDITOR_BENCH_DIR"])] if os.environ.get("AUDITOR_BENCH_DIR") else []
    candidates.append(ROOT.parent / "shared" / "bench")
    for folder in candidates:
        if (folder / "make_site.py").is_file():
            return folder / "make_site.py"
    raise FileNotFoundError(
        "make_site.py not found: set AUDITOR_BENCH_DIR to the folder holding it "
        f"(looked in {', '.join(map(str, candidates))})"
    )


def generate(out: Path, pages: int, base_url: str, lang: str = "ar") -> None:
    subprocess.run(
        [sys.executable, str(make_site_script()), "--pages", str(pages), "--out", str(out),
         "--lang", lang, "--base-url", base_url],
        check=True, capture_output=True,
    )
