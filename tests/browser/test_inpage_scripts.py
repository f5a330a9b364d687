"""The in-page collectors kept as .js files beside their Python are JavaScript a parser accepts,
and the scripts built from them are what the Python modules hand to Chromium."""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest

from auditor.browser import axe, inpage, rtl_render

BROWSER = Path(rtl_render.__file__).parent
SCRIPTS = sorted(BROWSER.glob("*.js"))


def test_the_collectors_live_in_js_files():
    assert {p.name for p in SCRIPTS} >= {"rtl_common.js", "rtl_scan.js", "rtl_outline.js", "rtl_unoutline.js",
                                         "rtl_remove_probes.js", "selector_of.js", "perf_observers.js",
                                         "collect_timing.js", "collect_page.js", "axe_run.js"}
    assert "function layoutFacts" in rtl_render.LAYOUT_JS and "async function scanFacts" in rtl_render.SCAN_JS


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_each_script_parses_as_javascript(path):
    out = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_no_script_is_left_in_a_python_string():
    """Beyond a one-line expression, in-page JavaScript lives in a .js file."""
    for module in sorted(BROWSER.glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                      and node.body and isinstance(node.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                code = node.value.count("\n") > 2 and ("=>" in node.value or "function" in node.value)
                assert not code, f"{module.name}:{node.lineno} holds JavaScript: move it to a .js file"


BUILT = [(rtl_render, n) for n in ("LAYOUT_JS", "SCAN_JS", "OUTLINE_JS", "UNOUTLINE_JS", "REMOVE_PROBES_JS")] + [
    (inpage, "OBSERVERS"), (inpage, "COLLECT_TIMING"), (inpage, "COLLECT_PAGE"), (axe, "RUN_JS")]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.parametrize(("module", "name"), BUILT, ids=lambda x: x if isinstance(x, str) else x.__name__.rsplit(".")[-1])
def test_each_built_script_parses_as_javascript(module, name, tmp_path):
    path = tmp_path / f"{name}.js"
    path.write_text(f"({getattr(module, name)});\n", encoding="utf-8")
    out = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
