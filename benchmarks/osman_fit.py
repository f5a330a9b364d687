"""Fit the numbers of auditor/text/unmarked_syllables.py on vowelled Arabic paragraphs.

    python benchmarks/osman_fit.py DIR [--common 40] [--cap 30000]

DIR holds fully vowelled paragraphs, one per ``*.txt`` file, named ``SOURCE_N.txt``
as for benchmarks/osman_pairs.py (keep the paragraphs you measure with that script
out of DIR). Every vowelled word gives its letters and its weight in the formula as
read from its marks (syllables, plus 1 when complex, plus 1 more when faseeh). Each
source weighs alike (at most --cap words' worth), so one large book does not decide
the numbers. Prints WEIGHTS (least squares over the features of each distinct word)
and COMMON (the mean weight of the --common most frequent words), ready to paste.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from any folder

from auditor.text import osman  # noqa: E402
from auditor.text.scripts import strip_marks, words  # noqa: E402
from auditor.text.unmarked_syllables import expected_weight, features, is_faseeh_word  # noqa: E402
from benchmarks.osman_pairs import source_of  # noqa: E402


def marked_words(folder: Path) -> dict[str, Counter]:
    """Per source: (bare word, weight read from its marks) -> occurrences."""
    found: dict[str, Counter] = defaultdict(Counter)
    for path in sorted(folder.rglob("*.txt")):
        for token in words(path.read_text(encoding="utf-8")):
            word = osman.analyse_word(token)
            if word is None or not word.vocalised:
                continue
            bare = "".join(ch for ch in strip_marks(token) if osman.ARABIC_LETTER_RE.match(ch)).replace("ٱ", "ا")
            weight = word.syllables + (word.complex and 1 + is_faseeh_word(bare))
            found[source_of(path)][bare, weight] += 1
    return found


def least_squares(rows: list[tuple[dict[str, int], float, float]], ridge: float) -> dict[str, float]:
    """Weights minimising sum(w * (target - features . weights)^2) + ridge * sum(weights^2) (Gauss-Jordan)."""
    keys = sorted({key for feats, _, _ in rows for key in feats})
    index = {key: i for i, key in enumerate(keys)}
    size = len(keys)
    matrix = [[0.0] * (size + 1) for _ in range(size)]
    for feats, target, weight in rows:
        items = [(index[key], value) for key, value in feats.items()]
        for i, vi in items:
            matrix[i][size] += weight * vi * target
            for j, vj in items:
                matrix[i][j] += weight * vi * vj
    for i in range(size):
        matrix[i][i] += ridge  # pulls the numbers of rare features towards 0
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(matrix[r][col]))
        matrix[col], matrix[pivot] = matrix[pivot], matrix[col]
        for row in range(size):
            if row != col and matrix[row][col]:
                factor = matrix[row][col] / matrix[col][col]
                matrix[row] = [a - factor * b for a, b in zip(matrix[row], matrix[col], strict=True)]
    return {key: matrix[i][size] / matrix[i][i] for key, i in index.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--common", type=int, default=40, help="most frequent words given their own weight (40)")
    parser.add_argument("--ridge", type=float, default=20.0, help="pull towards 0 of rare features' numbers (20)")
    parser.add_argument("--cap", type=int, default=30000, help="words' worth each source weighs at most (30000)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"{args.folder} is not a folder")
    per_word: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])  # bare -> [weight, weight * target]
    for counts in marked_words(args.folder).values():
        scale = min(1.0, args.cap / sum(counts.values()))
        for (bare, target), n in counts.items():
            per_word[bare][0] += scale * n
            per_word[bare][1] += scale * n * target
    if not per_word:
        parser.error(f"no vowelled word in {args.folder}")
    rows = [(features(bare), total / weight, weight) for bare, (weight, total) in per_word.items()]
    fitted = least_squares(rows, args.ridge)
    print("WEIGHTS: dict[str, float] = {")
    ordered = sorted(fitted.items(), key=lambda kv: features_order(kv[0]))
    for start in range(0, len(ordered), 5):
        print("    " + " ".join(f'"{key}": {value:.2f},' for key, value in ordered[start:start + 5]))
    print("}")
    common = sorted(per_word.items(), key=lambda kv: -kv[1][0])[: args.common]
    print("COMMON: dict[str, float] = {")
    for start in range(0, len(common), 8):
        print("    " + " ".join(f'"{bare}": {total / weight:.1f},' for bare, (weight, total) in common[start:start + 8]))
    print("}")
    share = sum(w for _, (w, _) in common) / sum(w for w, _ in per_word.values())
    print(f"# {len(per_word)} distinct words; the common ones are {100 * share:.0f}% of all; "
          f"check: expected_weight('{common[0][0]}') = {expected_weight(common[0][0]):.2f}", file=sys.stderr)
    return 0


def features_order(key: str) -> tuple[int, int, str]:
    for rank, start in enumerate(("base", "letter", "length", "prefix", "article", "sun", "-")):
        if key.startswith(start):
            return rank, int(key.split()[1]) if start == "length" else 0, key
    return 7, 0, key


if __name__ == "__main__":
    raise SystemExit(main())
