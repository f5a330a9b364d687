"""The OSMAN pair benchmark and the fit of the unmarked estimate run from any folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from auditor.text.unmarked_syllables import fitted_weight

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "tests" / "fixtures" / "osman_pairs"


def script(name: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "benchmarks" / name), *args], capture_output=True, text=True,
                          cwd="/", timeout=300, env={"PATH": "/usr/bin:/bin"})


def test_pairs_benchmark_reports_each_source_and_all():
    proc = script("osman_pairs.py", str(PAIRS), "--show", "2")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert sum(line.startswith(("story ", "news ", "fable ")) for line in lines) == 3
    overall = next(line for line in lines if line.startswith("all "))
    assert "n=  10" in overall and "max|d|=" in overall and "<=5:" in overall
    assert "skipped (too short to score): 0" in proc.stdout


def test_fit_writes_the_numbers_the_estimate_reads(tmp_path):
    out = tmp_path / "weights.tsv"
    proc = script("osman_fit.py", str(PAIRS), "--min-words", "5", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    fitted = {key: float(value) for key, value in rows}
    assert {"base", "letter", "sun"} <= fitted.keys()
    assert any(key.startswith("b:") for key in fitted) and any(key.startswith("t:") for key in fitted)
    # Without --out the same numbers go to the standard output.
    assert script("osman_fit.py", str(PAIRS), "--min-words", "5").stdout == out.read_text(encoding="utf-8")


def test_lexicon_writes_the_words_the_estimate_reads(tmp_path):
    out = tmp_path / "lexicon.tsv"
    proc = script("osman_lexicon.py", str(PAIRS), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    learned = {word: float(value) for word, value in rows}
    # الْبَحْرِ is written 2 times in the fixtures, 2 syllables each time; its letters alone say more.
    assert abs(learned["البحر"] - 2) < abs(fitted_weight("البحر") - 2)
    # Found once is not enough by default.
    assert len(learned) < len(read_words(script("osman_lexicon.py", str(PAIRS), "--min-count", "1").stdout))
    assert script("osman_lexicon.py", str(PAIRS)).stdout == out.read_text(encoding="utf-8")


def read_words(text: str) -> list[str]:
    return [line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#")]


def test_a_folder_without_paragraphs_is_a_usage_error(tmp_path):
    for name in ("osman_pairs.py", "osman_fit.py", "osman_lexicon.py"):
        missing = script(name, str(tmp_path / "nowhere"))
        assert missing.returncode == 2 and "is not a folder" in missing.stderr and "Traceback" not in missing.stderr
        empty = script(name, str(tmp_path))
        assert empty.returncode == 2 and "Traceback" not in empty.stderr
