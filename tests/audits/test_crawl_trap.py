"""crawl-trap: the URL families the crawl capped, one finding each."""

from __future__ import annotations

from auditor.audits import get_audit
from auditor.audits.base import SiteAudit
from auditor.facts.runner import run_audits
from tests.factories import BASE, make_site

CRAWL_TRAP = get_audit("crawl-trap")


def trap(kind, pattern, cut, example, source):
    return {"kind": kind, "pattern": pattern, "cut": cut, "example": example, "source": source}


def test_meta_declares_why_it_matters():
    meta = CRAWL_TRAP.meta
    assert isinstance(CRAWL_TRAP, SiteAudit)
    assert (meta.id, meta.category, meta.impact, meta.effort) == ("crawl-trap", "navigation", "serious", "medium")
    assert "crawl budget" in meta.seo_outcome.lower() and meta.cx_outcome
    assert set(meta.messages) == {"query-variants", "session-id", "repeated-path", "long-url"}


def test_no_traps_passes():
    site = make_site([], traps=[])
    assert list(CRAWL_TRAP.check_site(site)) == []
    assert CRAWL_TRAP.site_score(site, []) == 1.0


def test_each_capped_pattern_is_one_finding_on_the_page_that_links_to_it():
    site = make_site([], traps=[
        trap("query-variants", BASE + "/calendar?month=*", 12, BASE + "/calendar?month=101", BASE + "/calendar?month=100"),
        trap("long-url", BASE + "/grow\u2026 (over 2048 characters)", 1, BASE + "/grow/" + "g" * 5000, None),
    ])
    found = list(CRAWL_TRAP.check_site(site))
    assert [(f.url, f.message_key) for f in found] == [
        (BASE + "/calendar?month=100", "query-variants"),
        (BASE + "/", "long-url"),  # no linking page known: reported on the start URL
    ]
    assert found[0].data == {"pattern": BASE + "/calendar?month=*", "cut": 12, "example": BASE + "/calendar?month=101"}
    assert found[0].selector == f'a[href="{BASE}/calendar?month=101"]'
    assert len(found[1].data["example"]) == 301 and found[1].data["example"].endswith("\u2026")
    text = CRAWL_TRAP.meta.messages["query-variants"].format(**found[0].data)
    assert text.startswith(BASE + "/calendar?month=* keeps linking to new query variants of itself: 12 more URLs")


def test_in_the_result_the_audit_fails_with_its_findings():
    site = make_site([], traps=[trap("session-id", BASE + "/cart (jsessionid)", 3, BASE + "/cart;jsessionid=B", BASE + "/cart")])
    out = run_audits([], site, [CRAWL_TRAP])["audits"]["crawl-trap"]
    assert (out["score"], out["failing_pages"], len(out["findings"])) == (0.0, 1, 1)
