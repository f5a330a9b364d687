"""Customer touchpoints end to end: two small shops served on 127.0.0.1, audited by the real CLI."""

from __future__ import annotations

import pytest

from tests.e2e.cli import load_result, run_cli
from tests.server import serve

pytestmark = pytest.mark.e2e

CX = ("touchpoint-coverage", "touchpoint-depth", "contact-channels", "contact-consistency", "dead-end-pages", "trust-signals")
KINDS = ("contact", "support", "faq", "returns", "shipping", "privacy", "terms", "about", "account")


def audit(site: str, out):
    with serve(site) as (base, _):
        proc = run_cli("audit", "--render", "none", base + "/index.html", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return base, load_result(out), (out / "report.html").read_text(encoding="utf-8")


def cx_findings(result: dict, base: str) -> dict[str, list[tuple]]:
    """Audit id -> (page path, message key, data with the host left out), in finding order."""
    def local(value):
        return value.removeprefix(base) if isinstance(value, str) else value

    return in_any_order({
        audit_id: [(f["url"].removeprefix(base), f["message_key"], {k: local(v) for k, v in f["data"].items()})
                   for f in result["audits"][audit_id]["findings"]]
        for audit_id in CX
    })


def in_any_order(expected: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Findings come page by page in the order pages were stored, which rendering while
    crawling may change: compared as sorted lists."""
    return {audit_id: sorted(found, key=repr) for audit_id, found in expected.items()}


def found_touchpoints(result: dict, base: str) -> dict[str, list[str]]:
    return {kind: [u.removeprefix(base) for u in t["urls"]] for kind, t in result["run"]["touchpoints"].items()
            if t["count"]}


@pytest.fixture(scope="module")
def arabic(tmp_path_factory):
    return audit("cx-ar", tmp_path_factory.mktemp("cx-ar"))


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    return audit("cx-en", tmp_path_factory.mktemp("cx-en"))


def test_arabic_shop_touchpoints_are_found(arabic):
    base, result, _ = arabic
    assert found_touchpoints(result, base) == {
        "contact": ["/contact.html"], "faq": ["/faq.html"], "shipping": ["/shipping.html"],
        "privacy": ["/privacy.html"], "terms": ["/terms.html"],
    }
    assert list(result["run"]["touchpoints"]) == list(KINDS)


def test_arabic_shop_lacks_only_a_returns_page_and_https(arabic):
    base, result, _ = arabic
    assert cx_findings(result, base) == in_any_order({
        "touchpoint-coverage": [("/index.html", "missing-for-shop",
                                 {"kind": "returns", "signal": "ر.س", "evidence": "/index.html"})],
        "touchpoint-depth": [],
        "contact-channels": [],  # phone and WhatsApp links, a labelled form
        "contact-consistency": [],  # one phone, one WhatsApp number, one e-mail on every page
        "dead-end-pages": [],
        "trust-signals": [],  # the address is on the contact page; plain HTTP on 127.0.0.1 is no sign of the public site
    })
    assert result["audits"]["touchpoint-coverage"]["score"] == 0.833  # 5 of the 6 a shop needs
    assert result["categories"]["cx"]["audits"] == sorted(CX)


def test_arabic_shop_is_judged_a_shop_from_its_prices_and_cart_words_and_the_report_says_so(arabic):
    base, result, report = arabic
    kind = result["run"]["site_kind"]
    assert (kind["kind"], kind["assumed"]) == ("shop", False)
    assert [(s["signal"], s["value"], s["url"].removeprefix(base)) for s in kind["signals"]] == [
        ("price", "ر.س", "/index.html"), ("cart words", "أضف إلى السلة", "/index.html")]
    assert 'class="site-kind" data-kind="shop"' in report
    assert "نوع الموقع: متجر، بحسب هذه العلامات:" in report  # the report is in the site's language


def test_english_site_selling_nothing_is_assumed_content(english):
    _, result, report = english
    assert result["run"]["site_kind"] == {"kind": "content", "signals": [], "assumed": True}
    assert "Kind of site: content, assumed for want of clear signs." in report


def test_english_site_touchpoints_are_found(english):
    base, result, _ = english
    assert found_touchpoints(result, base) == {"contact": ["/contact.html"], "support": ["/help.html"]}


def test_english_site_buried_contact_without_channels_and_a_dead_end(english):
    base, result, _ = english
    assert cx_findings(result, base) == in_any_order({
        "touchpoint-coverage": [
            ("/index.html", "missing", {"kind": "privacy"}),
            ("/index.html", "recommended", {"kind": "faq"}),  # it sells nothing: no returns, shipping or terms needed
        ],
        "touchpoint-depth": [  # the nearer way to ask; the contact and help pages are one themselves
            ("/index.html", "far", {"kind": "contact", "clicks": 4, "max": 2}),
            ("/shop.html", "far", {"kind": "contact", "clicks": 3, "max": 2}),
            ("/product-1.html", "unreachable", {"kind": "contact or support"}),
        ],
        "contact-channels": [
            ("/contact.html", "no-direct-channel", {"forms": 1}),
            ("/contact.html", "unlabelled-field", {"name": "message", "type": "textarea"}),
        ],
        "contact-consistency": [("/help.html", "differs", {
            "kind": "phone number", "values": "+44 20 7946 0018 (2), +44 20 7946 0999 (1)",
            "shown": {"+44 20 7946 0018": [base + "/index.html", base + "/shop.html"],
                      "+44 20 7946 0999": [base + "/help.html"]},
            "pages": {"+44 20 7946 0018": 2, "+44 20 7946 0999": 1}})],  # the help page's number is another
        "dead-end-pages": [("/product-1.html", "dead-end", {})],
        "trust-signals": [
            ("/index.html", "no-address", {"checked": 1}),  # no privacy page: touchpoint-coverage says it
        ],
    })


def test_report_shows_touchpoints_and_cx_findings_in_the_journey(english):
    _, result, html = english
    assert 'id="touchpoints"' in html
    assert html.count('data-touchpoint="') == len(KINDS)
    assert '<div class="stage-col clear" data-touchpoint="contact">' in html
    assert '<div class="stage-col " data-touchpoint="privacy">' in html
    journey = html[html.index('id="journey"'):html.index('id="touchpoints"')]
    for audit_id in CX:
        title = result["audits"][audit_id]["failure_title"]
        assert f'href="#audit-{audit_id}"' in journey, audit_id
        assert title in journey or title.replace("'", "&#39;") in journey


def test_documentation_readers_ask_for_help_at_the_projects_tracker_and_chat(tmp_path):
    # No contact page, no e-mail: the footer's issue tracker and chat room are where
    # readers ask. The privacy page is a minor note, the FAQ a recommendation.
    base, result, report = audit("docs", tmp_path)
    assert result["run"]["site_kind"]["kind"] == "documentation"
    assert [(h["url"], h["venue"], h["page"].removeprefix(base), h["pages"]) for h in result["run"]["help_links"]] == [
        ("https://github.com/example/logtable/issues", "issue tracker", "/api.html", 3),
        ("https://gitter.im/example/logtable", "chat", "/api.html", 3)]
    coverage = result["audits"]["touchpoint-coverage"]
    assert [f["message_key"] for f in coverage["findings"]] == ["privacy-if-collecting", "recommended"]
    assert coverage["impacts"]["privacy-if-collecting"] == "minor"
    assert 'محادثة <code dir="ltr">https://gitter.im/example/logtable</code>، ترتبط بها <bdi>3</bdi> صفحات' in report
