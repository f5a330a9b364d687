"""`auditor report DIR --out FOLDER`: --out is a folder, as for every other command."""

from __future__ import annotations

import pytest

from auditor.result import write_result
from tests.e2e.cli import run_cli
from tests.report_result import build_result

pytestmark = pytest.mark.e2e


@pytest.fixture
def run_dir(tmp_path):
    (tmp_path / "run").mkdir()
    write_result(build_result(), tmp_path / "run" / "result.json")
    return tmp_path / "run"


def test_report_is_written_into_a_new_folder(run_dir, tmp_path):
    proc = run_cli("report", str(run_dir), "--out", str(tmp_path / "client" / "2026-12"))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "client" / "2026-12" / "report.html").stat().st_size > 5000


def test_report_next_to_its_result_by_default(run_dir):
    proc = run_cli("report", str(run_dir / "result.json"))
    assert proc.returncode == 0, proc.stderr
    assert (run_dir / "report.html").is_file()


def test_out_naming_a_file_is_a_clear_usage_error(run_dir, tmp_path):
    (tmp_path / "taken.html").write_text("x")
    proc = run_cli("report", str(run_dir), "--out", str(tmp_path / "taken.html"))
    assert proc.returncode == 2
    assert "is a file" in proc.stderr and "internal error" not in proc.stderr
