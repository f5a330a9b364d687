"""The generated benchmark sites (benchmarks/sitegen.py), served on loopback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITEGEN = ROOT / "benchmarks" / "sitegen.py"


def generate(out: Path, pages: int, base_url: str, lang: str = "ar", js_links: str | None = None) -> None:
    """Write a generated site with its _truth.json into `out` (`js_links`: listing, item or all)."""
    command = [sys.executable, str(SITEGEN), "--pages", str(pages), "--out", str(out), "--lang", lang, "--base-url", base_url]
    if js_links:
        command += ["--js-links", js_links]
    proc = subprocess.run(command, capture_output=True, text=True)
    if proc.returncode:
        raise RuntimeError(f"site generation failed: {proc.stderr.strip()}")
