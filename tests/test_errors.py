"""Page errors: written from one template each, read back to be shown in the report's language."""

import re
import string

import pytest

from auditor.errors import TEMPLATES, error_text, read_error
from reports import html
from tests.report_result import build_result

SAMPLES = {"seconds": "30", "limit": "10 MB", "depth": "255", "detail": "ValueError: bad <b>byte</b>",
           "url": "https://elsewhere.example/x"}


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_each_error_reads_back_as_written(key):
    fields = {name for _, name, _, _ in string.Formatter().parse(TEMPLATES[key]) if name}
    data = {name: SAMPLES[name] for name in fields}
    assert read_error(error_text(key, **data)) == (key, data)


def test_other_texts_are_no_known_error():
    assert read_error("TimeoutError: took too long") is None
    assert read_error("disallowed by robots.txt, and more") is None
    assert read_error("") is None
    assert read_error(None) is None


def _row(page: str, url: str) -> str:
    """The page's row in the pages table."""
    return re.search(r'<tr class="s\d" data-item data-search="' + re.escape(url) + r'".*?</tr>', page, re.DOTALL).group(0)


def test_the_arabic_report_shows_known_errors_in_arabic_and_others_as_written():
    result = build_result()
    timed_out, given_up, other = result["pages"][2], result["pages"][3], result["pages"][4]
    timed_out.update(status=None, error=error_text("timeout", seconds=30))
    given_up["error"] = error_text("audit-given-up", seconds="120")
    other["error"] = "OSError: <b>disk</b> full"
    page = html.render(result, "ar")
    assert "<bdi>انتهت المهلة: لم يكتمل الرد خلال 30 ث (DOWNLOAD_TIMEOUT)</bdi>" in _row(page, timed_out["url"])
    assert "استغرقت حقائق الصفحة وتدقيقاتها أكثر من 120 ث" in _row(page, given_up["url"])
    assert "<bdi>OSError: &lt;b&gt;disk&lt;/b&gt; full</bdi>" in _row(page, other["url"])
    english = html.render(result, "en")
    assert "<bdi>timed out: no complete answer within 30 s (DOWNLOAD_TIMEOUT)</bdi>" in _row(english, timed_out["url"])


def test_a_findings_error_field_is_translated_and_escaped():
    result = build_result()
    audit = result["audits"]["http-status"]
    audit["findings"] = [{"url": result["pages"][5]["url"], "message_key": "no-response",
                          "data": {"error": error_text("unparseable", detail="<x> at line 1")}}]
    audit["failing_pages"] = 1
    page = html.render(result, "ar")
    assert "تعذّر تحليل HTML: &lt;x&gt; at line 1" in page
