"""A meta refresh through the real CLI: the start URL's instant refresh is read as a
redirect (its target costs no click, its empty page is not audited as content), a timed
redirect and a timed reload are findings of their own."""

from __future__ import annotations

import pytest

from tests.e2e.cli import load_result, run_cli
from tests.server import serve

pytestmark = pytest.mark.e2e

CONTENT_AUDITS = ("thin-content", "heading-h1", "meta-description", "viewport", "dead-end-pages", "title-length")


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    out = tmp_path_factory.mktemp("refresh")
    with serve("refresh") as (base, _):
        proc = run_cli("audit", "--render", "none", f"{base}/", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return base, load_result(out)


def test_a_refresh_to_another_page_is_a_redirect_that_costs_no_click(audited):
    base, result = audited
    pages = {p["url"].removeprefix(base): p for p in result["pages"]}
    assert pages["/"]["depth"] == pages["/en/"]["depth"] == 0
    assert pages["/en/news.html"]["depth"] == pages["/old-offer.html"]["depth"] == 1


def test_the_refresh_page_is_not_audited_as_content_and_site_wide_findings_go_where_it_sends(audited):
    base, result = audited
    for audit_id in CONTENT_AUDITS:
        assert base + "/" not in {f["url"] for f in result["audits"][audit_id]["findings"]}, audit_id
    assert {f["url"] for f in result["audits"]["touchpoint-coverage"]["findings"]} == {base + "/en/"}
    assert result["audits"]["script-redirect"]["findings"] == []


def test_each_refresh_is_one_finding_of_its_kind(audited):
    base, result = audited
    found = [(f["url"].removeprefix(base), f["message_key"], f["data"]) for f in result["audits"]["meta-refresh"]["findings"]]
    assert sorted(found) == [
        ("/", "redirect", {"target": base + "/en/"}),
        ("/en/news.html", "timed-reload", {"delay": 60}),
        ("/old-offer.html", "timed-redirect", {"target": base + "/en/", "delay": 5}),
    ]


def test_where_the_start_urls_refresh_sends_the_visitor_is_the_site_too(tmp_path):
    # an old address whose only page refreshes to the site's new host (here another port)
    with serve("refresh") as (new, _):
        page = f'<html><head><meta http-equiv="refresh" content="0; url={new}/en/"></head></html>'.encode()
        with serve("refresh", routes={"/": (200, {"Content-Type": "text/html"}, page)}) as (old, _):
            proc = run_cli("audit", "--render", "none", f"{old}/", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    urls = {p["url"] for p in load_result(tmp_path)["pages"]}
    assert {f"{new}/en/", f"{new}/en/news.html", f"{new}/old-offer.html"} <= urls
