"""Fit the numbers of auditor/text/unmarked_syllables.py on vowelled Arabic paragraphs.

    python benchmarks/osman_fit.py DIR [--out auditor/text/unmarked_weights.tsv] [--min-words 30]

DIR holds fully vowelled paragraphs, one per ``*.txt`` file, named ``SOURCE_N.txt``
as for benchmarks/osman_pairs.py (keep the paragraphs you measure with that script
out of DIR). Every vowelled word gives its letters and its weight in the formula as
read from its marks (syllables, plus 1 when complex, plus 1 more when faseeh). Each
source weighs alike (at most --cap words' worth), so one large book does not decide
the numbers. The numbers are a least-squares fit over the features of each distinct
word (``features()``); letter pairs and triples found in fewer than --min-words
distinct words are left out. Writes them as the estimate reads them, one
"feature<TAB>number" a line, to --out or to the standard output. Run
benchmarks/osman_lexicon.py on the same folder afterwards: the common words'
weights it keeps are those the letter estimate misses.
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
from auditor.text.unmarked_syllables import NGRAM_SIZES, features, is_faseeh_word  # noqa: E402
from benchmarks.osman_pairs import source_of  # noqa: E402

Row = tuple[dict[str, int], float, float]  # features, mean weight, how much the word counts


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


def kept_features(rows: list[Row], min_words: int) -> list[str]:
    """Every feature, but letter pairs and triples only when found in at least min_words distinct words."""
    found = Counter(key for feats, _, _ in rows for key in feats)
    return sorted(key for key, n in found.items() if n >= min_words or key[:2] not in NGRAM_SIZES)


def least_squares(rows: list[Row], keys: list[str], ridge: float, rounds: int = 2000) -> dict[str, float]:
    """Numbers minimising sum(w * (target - features . numbers)^2) + ridge * sum(numbers^2).

    Conjugate gradients on the normal equations, with the diagonal as
    preconditioner: thousands of features, each word holding a few dozen.
    """
    index = {key: i for i, key in enumerate(keys)}
    sparse = [([(index[k], v) for k, v in feats.items() if k in index], target, w) for feats, target, w in rows]
    size = len(keys)
    rhs, diagonal = [0.0] * size, [ridge] * size
    for items, target, w in sparse:
        for i, v in items:
            rhs[i] += w * target * v
            diagonal[i] += w * v * v

    def normal(vector: list[float]) -> list[float]:
        out = [ridge * x for x in vector]
        for items, _, w in sparse:
            dot = w * sum(vector[i] * v for i, v in items)
            for i, v in items:
                out[i] += dot * v
        return out

    def dot(a: list[float], b: list[float]) -> float:
        return sum(x * y for x, y in zip(a, b, strict=True))

    numbers, residual = [0.0] * size, rhs[:]
    z = [r / d for r, d in zip(residual, diagonal, strict=True)]
    direction, rz = z[:], dot(residual, z)
    goal = 1e-10 * dot(rhs, rhs)
    for _ in range(rounds):
        product = normal(direction)
        step = rz / dot(direction, product)
        numbers = [x + step * p for x, p in zip(numbers, direction, strict=True)]
        residual = [r - step * q for r, q in zip(residual, product, strict=True)]
        if dot(residual, residual) <= goal:
            break
        z = [r / d for r, d in zip(residual, diagonal, strict=True)]
        rz, previous = dot(residual, z), rz
        direction = [a + rz / previous * p for a, p in zip(z, direction, strict=True)]
    return dict(zip(keys, numbers, strict=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path, help="write the numbers to this file (the standard output)")
    parser.add_argument("--min-words", type=int, default=30,
                        help="distinct words a letter pair or triple must be found in to get a number (30)")
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
    fitted = least_squares(rows, kept_features(rows, args.min_words), args.ridge)
    lines = [f"# {len(fitted)} numbers fitted on {len(per_word)} distinct words of {args.folder.name}"]
    lines += [f"{key}\t{value:.3f}" for key, value in sorted(fitted.items(), key=lambda kv: features_order(kv[0]))]
    write(lines, args.out)
    return 0


def write(lines: list[str], out: Path | None) -> None:
    """The lines into `out`, or on standard output."""
    text = "\n".join(lines) + "\n"
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def features_order(key: str) -> tuple[int, int, str]:
    for rank, start in enumerate(("base", "letter", "length", "prefix", "article", "sun", "-", "b:", "t:")):
        if key.startswith(start):
            return rank, int(key.split()[1]) if start == "length" else 0, key
    return 6, 0, key


if __name__ == "__main__":
    raise SystemExit(main())
