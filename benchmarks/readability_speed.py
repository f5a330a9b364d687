"""Speed of language detection, sentence splitting and readability per page.

    python benchmarks/readability_speed.py [--pages 300] [--repeat 3] [--keep DIR]

Generates a 300-page Arabic site and a 300-page English site with
benchmarks/sitegen.py, takes each page's main text (the text of its
<p>, <h1>-<h3> and <li> elements, one paragraph each) and times, per page and
per 1,000 words:

* detect_language on the page's text;
* analyse(paragraphs, lang): sentences and readability in one pass;
* score_text + split_sentences, as called separately (same code underneath).

"cold" runs a pass over the whole site with every per-word cache emptied
first (a new audit), "warm" runs the same pass again. Each figure is the best
of --repeat runs; all variants run side by side in each round, so they are
measured under the same machine load. Times are CPU time of this process
(time.process_time), which other work on the machine disturbs less than
wall time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from any folder

from lxml import html as lxml_html  # noqa: E402

from auditor.text import analyse, detect_language, score_text, split_sentences  # noqa: E402
from auditor.text.readability import clear_caches  # noqa: E402
from benchmarks.sites import generate  # noqa: E402

BLOCK_XPATH = "//p | //h1 | //h2 | //h3 | //li"

def make_site(out: Path, pages: int, lang: str) -> None:
    generate(out, pages, "http://127.0.0.1:1", lang)

def page_paragraphs(site: Path) -> list[list[str]]:
    """Main-text paragraphs of every generated page (files under _* and assets skipped)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        if any(part.startswith("_") or part == "assets" for part in path.relative_to(site).parts):
            continue
        tree = lxml_html.fromstring(path.read_bytes())
        blocks = [" ".join(el.text_content().split()) for el in tree.xpath(BLOCK_XPATH)]
        blocks = [b for b in blocks if b]
        if blocks:
            pages.append(blocks)
    return pages

def run(pages: list[list[str]], repeat: int) -> dict[str, dict[str, float]]:
    texts = ["\n\n".join(p) for p in pages]
    langs = [detect_language(t).lang for t in texts]
    work = list(zip(pages, langs, strict=True))

    def detect() -> None:
        for text in texts:
            detect_language(text)

    def new() -> None:
        for blocks, lang in work:
            analyse(blocks, lang)

    def separate() -> None:
        for blocks, lang in work:
            score_text(blocks, lang)
            split_sentences(blocks, lang)

    variants = {
        "detect_language": (detect, lambda: None),
        "analyse": (new, clear_caches),
        "score_text+split_sentences": (separate, clear_caches),
    }
    best: dict[str, dict[str, float]] = {name: {"cold": float("inf"), "warm": float("inf")} for name in variants}
    for _ in range(repeat):
        for name, (fn, clear) in variants.items():
            clear()
            for phase in ("cold", "warm"):
                start = time.process_time()
                fn()
                best[name][phase] = min(best[name][phase], time.process_time() - start)
    return best

def report(label: str, pages: list[list[str]], best: dict[str, dict[str, float]]) -> None:
    words = sum(len(" ".join(p).split()) for p in pages)
    sentences = sum(len(split_sentences(p)) for p in pages)
    print(f"\n{label}: {len(pages)} pages, {words / len(pages):.0f} words, "
          f"{sum(map(len, pages)) / len(pages):.1f} paragraphs, {sentences / len(pages):.0f} sentences per page")
    print(f"  {'':40} {'ms/page':>17} {'ms/1000 words':>19}")
    print(f"  {'':40} {'cold':>8} {'warm':>8} {'cold':>9} {'warm':>9}")
    for name, times in best.items():
        per_page = {phase: 1000 * t / len(pages) for phase, t in times.items()}
        per_kw = {phase: 1000 * t / (words / 1000) for phase, t in times.items()}
        print(f"  {name:40} {per_page['cold']:8.3f} {per_page['warm']:8.3f} {per_kw['cold']:9.3f} {per_kw['warm']:9.3f}")
    apart, new = best["score_text+split_sentences"], best["analyse"]
    print(f"  analyse vs separate calls: {apart['cold'] / new['cold']:.1f}x faster cold, {apart['warm'] / new['warm']:.1f}x warm")

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate the sites under this directory and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        for lang, label in (("ar", "Arabic"), ("en", "English")):
            site = base / f"site-{lang}"
            if not (site / "index.html").exists():
                make_site(site, args.pages, lang)
            pages = page_paragraphs(site)
            report(label, pages, run(pages, args.repeat))

if __name__ == "__main__":
    main()
