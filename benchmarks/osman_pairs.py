"""OSMAN on vowelled Arabic paragraphs and on the same paragraphs with their marks removed.

    python benchmarks/osman_pairs.py DIR [--limit 5] [--show 5]

DIR holds vowelled paragraphs, one per ``*.txt`` file (searched recursively); the
name's part before the last ``_`` names its source (``news_003.txt`` -> news). Each
paragraph is scored as written and with every mark removed (``strip_marks``), as
most web pages write it. The marks do not change how hard a text is, so the two
scores should agree. Prints, per source and over all paragraphs, the mean and the
largest |difference|, the share within --limit points, and the counts behind the
difference (syllables, complex and faseeh words per 100 words, both ways); then the
--show largest differences. Paragraphs the formula cannot score (fewer than 30
Arabic words or 2 sentences) are skipped and counted.

Figures (2026-12): 362 held-out paragraphs of 100-300 words from public vowelled
corpora (Tashkeela's classical and modern books, news and articles; stories and
news of tashkeela2), none from a document the fit read, with at least 95% of the
words vowelled and the case endings written:

    one weight per letter:                  mean |d| 3.82, max 18.4, 70.4% within 5 points
    single-letter features, checksum draws: mean |d| 2.73, max 12.4, 84.5% within 5 points
    letter pairs and triples, expected counts summed per text (osman_fit, 2026-12):
                                            mean |d| 2.27, max 10.5, 90.6% within 5 points
    the same, marks read as osman.py reads them since (an unwritten vowel under shadda
    or before a long alef, marks typed after an alef), refitted:
                                            mean |d| 1.94, max  8.0, 94.5% within 5 points
    with common words' own weights (osman_lexicon, 2026-12):
                                            mean |d| 1.52, max  8.0, 98.6% within 5 points
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from any folder

from auditor.text import score_text  # noqa: E402
from auditor.text.scripts import strip_marks  # noqa: E402


def strip_text(text: str) -> str:
    """The text as it is usually written: no vowel marks, alef wasla as a plain alef."""
    lines = (" ".join(strip_marks(token) for token in line.split()) for line in text.splitlines())
    return "\n".join(lines).replace("ٱ", "ا")


def source_of(path: Path) -> str:
    return path.stem.rsplit("_", 1)[0] if "_" in path.stem else path.stem


def measure(path: Path) -> dict | None:
    text = path.read_text(encoding="utf-8")
    marked, bare = score_text(text, "ar"), score_text(strip_text(text), "ar")
    if marked is None or bare is None:
        return None
    per100 = {key: (100 * marked.counts[key] / marked.words, 100 * bare.counts[key] / bare.words)
              for key in ("syllables", "complex", "faseeh")}
    return {"path": path, "marked": marked.score, "bare": bare.score, "diff": bare.score - marked.score, **per100}


def summary(rows: list[dict], limit: float) -> str:
    diffs = [abs(r["diff"]) for r in rows]
    within = sum(d <= limit for d in diffs)
    signed = sum(r["diff"] for r in rows) / len(rows)
    parts = [f"n={len(rows):4d}", f"mean|d|={sum(diffs) / len(diffs):5.2f}", f"max|d|={max(diffs):5.2f}",
             f"mean d={signed:+6.2f}", f"<={limit:g}: {100 * within / len(rows):5.1f}%"]
    for key in ("syllables", "complex", "faseeh"):
        marked = sum(r[key][0] for r in rows) / len(rows)
        bare = sum(r[key][1] for r in rows) / len(rows)
        parts.append(f"{key}/100w {marked:5.1f}->{bare:5.1f}")
    return "  ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=float, default=5.0, help="points two scores may differ by (5)")
    parser.add_argument("--show", type=int, default=5, help="list this many of the largest differences (5)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"{args.folder} is not a folder")
    files = sorted(args.folder.rglob("*.txt"))
    measured = [measure(path) for path in files]
    rows = [row for row in measured if row is not None]
    if not rows:
        parser.error(f"no paragraph in {args.folder} could be scored ({len(files)} .txt files)")
    by_source: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_source[source_of(row["path"])].append(row)
    width = max(map(len, by_source))
    for source, group in sorted(by_source.items()):
        print(f"{source:<{width}}  {summary(group, args.limit)}")
    print(f"{'all':<{width}}  {summary(rows, args.limit)}")
    print(f"skipped (too short to score): {len(files) - len(rows)}")
    for row in sorted(rows, key=lambda r: -abs(r["diff"]))[: args.show]:
        print(f"  {row['diff']:+6.1f}  marked {row['marked']:5.1f}  bare {row['bare']:5.1f}  {row['path']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
