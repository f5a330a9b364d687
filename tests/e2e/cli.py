"""Run the real command line in a subprocess, as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, timeout: float = 300, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "1"}
    return subprocess.run(
        [sys.executable, "-m", "auditor", *args], capture_output=True, text=True, timeout=timeout, env=env, cwd=cwd,
    )


def load_result(out: Path) -> dict:
    return json.loads((out / "result.json").read_text(encoding="utf-8"))


def paths(findings: list[dict], base: str) -> list[str]:
    return sorted(f["url"].removeprefix(base) for f in findings)
