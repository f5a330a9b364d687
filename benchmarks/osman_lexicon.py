"""Learn the weights of common unmarked Arabic words from vowelled paragraphs.

    python benchmarks/osman_lexicon.py DIR [--out auditor/text/unmarked_lexicon.tsv]
                                           [--min-count 2] [--shrink 1] [--min-change 0.3]

DIR holds fully vowelled paragraphs, one per ``*.txt`` file, as for
benchmarks/osman_fit.py (the same folder; keep the paragraphs you measure with
benchmarks/osman_pairs.py out of it). Run it after osman_fit.py: it reads the
fitted letter estimate (``unmarked_syllables.fitted_weight``).

Every vowelled word gives its bare letters and its weight in the formula as read
from its marks (syllables, plus 1 when complex, plus 1 more when faseeh). A word
written at least --min-count times gets the mean of its weights, pulled towards
the letter estimate by --shrink occurrences' worth (a word seen n times keeps
n / (n + shrink) of the difference), so a word seen twice counts less than one
seen a thousand times. Words whose number differs from the letter estimate by
less than --min-change are left out: the estimate already gives them. Writes
"word<TAB>number" a line to --out or to the standard output.

The bundled list (auditor/text/unmarked_lexicon.tsv, 2026-12: 24,904 words,
418 kB) was made with the defaults from the paragraphs unmarked_weights.tsv was
fitted on: 4,231 vowelled paragraphs of 100-300 words (613,116 vowelled words)
from public corpora (Tashkeela's classical and modern books, news and articles;
stories and news of tashkeela2), none from a document that the held-out
paragraphs of benchmarks/osman_pairs.py come from.

Each word's own mean weight carries what its letters cannot: the shadda and long
vowels of common words (إلا, الذي, هذا). It cannot carry what context decides: the
same letters vowelled two ways (أن is أَنْ or أَنَّ), which is why pairs of texts
still differ by a few points.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from any folder

from auditor.text.unmarked_syllables import fitted_weight  # noqa: E402
from benchmarks.osman_fit import marked_words, write  # noqa: E402


def learned(folder: Path, min_count: int, shrink: float, min_change: float) -> dict[str, float]:
    """Bare word -> its weight, for the words found often enough that differ from the letter estimate."""
    totals: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])  # bare -> [occurrences, sum of weights]
    for counts in marked_words(folder).values():
        for (bare, weight), n in counts.items():
            totals[bare][0] += n
            totals[bare][1] += n * weight
    found = {}
    for bare, (n, total) in totals.items():
        if n < min_count:
            continue
        estimate = fitted_weight(bare)
        number = estimate + n / (n + shrink) * (total / n - estimate)
        if abs(number - estimate) >= min_change:
            found[bare] = number
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path, help="write the words to this file (the standard output)")
    parser.add_argument("--min-count", type=int, default=2, help="times a word must be found (2)")
    parser.add_argument("--shrink", type=float, default=1.0,
                        help="occurrences' worth of pull towards the letter estimate (1)")
    parser.add_argument("--min-change", type=float, default=0.3,
                        help="keep a word only when it differs from the letter estimate by this much (0.3)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"{args.folder} is not a folder")
    found = learned(args.folder, args.min_count, args.shrink, args.min_change)
    if not found:
        parser.error(f"no vowelled word found {args.min_count} times in {args.folder}")
    lines = [f"# {len(found)} words of {args.folder.name} found at least {args.min_count} times "
             f"(shrink {args.shrink:g}, min change {args.min_change:g})"]
    lines += [f"{word}\t{number:.2f}" for word, number in sorted(found.items())]
    write(lines, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
