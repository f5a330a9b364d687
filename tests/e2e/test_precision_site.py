"""Findings an expert signs, through the real CLI on a small Arabic documentation site:
code blocks, invisible marks, stylesheets made for right to left, placeholders, fragments,
English runs and the W3C encoding and language checks."""

from __future__ import annotations

import pytest

from tests.e2e.cli import load_result, run_cli
from tests.server import serve

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple]]:
    out = tmp_path_factory.mktemp("precision")
    with serve("precision") as (base, _):
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(out), "--concurrency", "2")
    assert proc.returncode == 0, proc.stderr
    result = load_result(out)
    return {audit_id: [(f["url"].removeprefix(base), f["message_key"], f.get("data") or {}) for f in a["findings"]]
            for audit_id, a in result["audits"].items()}


def test_only_real_bidi_defects(found):
    # the code block a stylesheet shows left to right, the heading's zero-width space and the
    # rocket at the line's start display as written; the phone number does not
    assert [(url, data["text"]) for url, _, data in found["bidi-isolation"] if url == "/index.html"] == [
        ("/index.html", "+966 11 234 5678")]


def test_css_direction_on_the_page_text_only(found):
    assert [(d["property"], d["value"]) for _, _, d in found["css-direction"]] == [("direction", "rtl")]


def test_a_stylesheet_named_for_right_to_left_is_not_judged(found):
    assert not [f for f in found["physical-css"] if "stylesRTL" in f[0]]


def test_new_checks(found):
    assert [(u, k, d["fragment"]) for u, k, d in found["broken-fragment"]] == [
        ("/index.html", "other-page", "upgrade"), ("/index.html", "same-page", "faq")]
    assert [(u, k) for u, k, _ in found["placeholder-content"]] == [("/guide.html", "text"), ("/guide.html", "image")]
    assert [(u, k, d["where"]) for u, k, d in found["lang-mismatch"]] == [("/index.html", "unmarked-run", "title")]
    assert ("/guide.html", "xml-lang-conflict") in {(u, k) for u, k, _ in found["html-lang"]}
    assert [(u, k) for u, k, _ in found["charset"]] == [("/guide.html", "several")]
