"""The in-page collectors kept as .js files beside their Python are JavaScript a parser accepts,
and the scripts built from them are what the Python modules hand to Chromium."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from auditor.browser import rtl_render

BROWSER = Path(rtl_render.__file__).parent
SCRIPTS = sorted(BROWSER.glob("*.js"))


def test_the_collectors_live_in_js_files():
    assert {p.name for p in SCRIPTS} >= {"rtl_common.js", "rtl_scan.js", "rtl_outline.js", "rtl_unoutline.js",
                                         "rtl_remove_probes.js"}
    assert "function layoutFacts" in rtl_render.LAYOUT_JS and "async function scanFacts" in rtl_render.SCAN_JS


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_each_script_parses_as_javascript(path):
    out = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.parametrize("name", ["LAYOUT_JS", "SCAN_JS", "OUTLINE_JS", "UNOUTLINE_JS", "REMOVE_PROBES_JS"])
def test_each_built_script_parses_as_javascript(name, tmp_path):
    path = tmp_path / f"{name}.js"
    path.write_text(f"({getattr(rtl_render, name)});\n", encoding="utf-8")
    out = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
