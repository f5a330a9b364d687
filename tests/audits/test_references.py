"""Canonicals across languages and chains, sitemaps and what they list, robots.txt, and
files named by stylesheets and manifests: hand-built site facts, passing and failing."""

from __future__ import annotations

from auditor.audits import get_audit
from auditor.model import Resource
from tests.factories import BASE, findings, make_page, make_site

CANONICAL = get_audit("canonical")
SITEMAP = get_audit("sitemap")
ENTRIES = get_audit("sitemap-entries")
FILE_REFERENCE = get_audit("broken-file-reference")
BROKEN_RESOURCE = get_audit("broken-resource")

FA, EN = BASE + "/fa/p", BASE + "/en/p"
CLUSTER = [{"lang": "fa", "href": FA}, {"lang": "en", "href": EN}]


def keys(audit, page, site):
    return [f.message_key for f in findings(audit, page, site)]


def test_canonical_without_the_tracking_parameter_passes():
    page = make_page("/p?utm_source=mail", canonicals=[BASE + "/p"])
    assert keys(CANONICAL, page, make_site([page, make_page("/p")], lang_of={BASE + "/p": "ar"})) == []


def test_hreflang_cluster_with_self_canonicals_passes():
    fa = make_page("/fa/p", lang="fa", canonicals=[FA], hreflang=CLUSTER)
    en = make_page("/en/p", lang="en", canonicals=[EN], hreflang=CLUSTER)
    assert keys(CANONICAL, fa, make_site([fa, en])) == []


def test_canonical_to_the_twin_in_another_language_is_one_finding():
    fa = make_page("/fa/p", lang="fa", canonicals=[EN], hreflang=CLUSTER)
    en = make_page("/en/p", lang="en", canonicals=[EN], hreflang=CLUSTER)
    found = findings(CANONICAL, fa, make_site([fa, en], lang_of={EN: "en"}))
    assert [(f.message_key, f.data["target_lang"], f.data["hreflang_self"]) for f in found] == [
        ("other-language", "en", "fa")]


def test_canonical_to_a_page_of_the_same_language_with_a_region_passes():
    page = make_page("/a", lang="ar-SA", canonicals=[BASE + "/b"])
    assert keys(CANONICAL, page, make_site([page, make_page("/b")], lang_of={BASE + "/b": "ar"})) == []


def test_canonical_chain_names_the_final_target():
    page = make_page("/a", canonicals=[BASE + "/b"])
    found = findings(CANONICAL, page, make_site([page, make_page("/b")], canonical_of={BASE + "/b": BASE + "/c"}))
    assert [(f.message_key, f.data["final"]) for f in found] == [("chain", BASE + "/c")]


def test_canonical_to_a_noindex_page():
    page = make_page("/a", canonicals=[BASE + "/b"])
    assert keys(CANONICAL, page, make_site([page, make_page("/b")], noindex={BASE + "/b"})) == ["target-noindex"]


def _sitemap(**fields):
    return {"url": BASE + "/sitemap.xml", "source": "robots.txt", "status": 200, "error": None, "urls": 3,
            "offsite": 0, "bytes": 300, **fields}


def test_a_missing_default_sitemap_is_not_a_defect():
    site = make_site([], sitemaps=[_sitemap(source="default", status=404)])
    assert list(SITEMAP.check_site(site)) == []


def test_a_sitemap_named_in_robots_txt_that_fails():
    site = make_site([], sitemaps=[_sitemap(status=404), _sitemap(url=BASE + "/s2.xml", status=200)])
    assert [(f.url, f.message_key) for f in SITEMAP.check_site(site)] == [(BASE + "/sitemap.xml", "failed")]


def test_a_default_sitemap_that_is_html_is_not_reported_but_a_named_one_is():
    site = make_site([], sitemaps=[_sitemap(source="default", error="not a sitemap (its root element is <html>)"),
                                   _sitemap(url=BASE + "/s2.xml", error="not XML")])
    assert [(f.url, f.message_key) for f in SITEMAP.check_site(site)] == [(BASE + "/s2.xml", "not-sitemap")]


def test_sitemap_entries_that_are_fine_give_nothing():
    assert list(ENTRIES.check_site(make_site([], sitemap_problems=[]))) == []


def test_file_references_to_unfetched_targets_are_not_judged():
    site = make_site([], status={BASE + "/s.css": 200},
                     references={BASE + "/s.css": [("https://fonts.example/f.woff2", "font")]})
    assert list(FILE_REFERENCE.check_site(site)) == []


def test_a_robots_blocked_image_is_neither_broken_nor_a_render_problem():
    page = make_page("/", resources=[])
    page.resources.append(Resource(BASE + "/i.png", "image"))
    site = make_site([page], status={BASE + "/": 200, BASE + "/i.png": None},
                     errors={BASE + "/i.png": "disallowed by robots.txt"})
    assert keys(BROKEN_RESOURCE, page, site) == []


def test_a_listed_page_whose_canonical_is_broken_is_left_to_the_canonical_audit():
    entry = {"url": BASE + "/p", "sitemap": BASE + "/sitemap.xml", "line": 3, "status": 200, "error": None,
             "redirect_to": None}
    broken = make_site([make_page("/p"), make_page("/gone", status=404)], sitemap_problems=[
        {**entry, "canonical": BASE + "/gone"}, {**entry, "url": BASE + "/q", "canonical": "https://staging.example/q"}])
    assert list(ENTRIES.check_site(broken)) == []


def test_a_robots_blocked_script_names_the_rule_that_blocks_it():
    page = make_page("/", resources=[])
    page.resources += [Resource(BASE + "/_next/app.js", "script"), Resource(BASE + "/_next/site.css", "stylesheet")]
    blocked = {"status": {BASE + "/": 200, BASE + "/_next/app.js": None, BASE + "/_next/site.css": None},
               "errors": {BASE + "/_next/app.js": "disallowed by robots.txt", BASE + "/_next/site.css": "disallowed by robots.txt"}}
    site = make_site([page], **blocked, robots_txt={BASE: "User-agent: *\nDisallow: /api/\nDisallow: /_next/\n"})
    found = [(f.message_key, f.data["rule"], f.data["file"], f.data["line"]) for f in BROKEN_RESOURCE.check(page, site)]
    assert found == [("blocked-by-robots", "Disallow: /_next/", BASE + "/robots.txt", 3)] * 2
    # without the robots.txt read (an older store), the finding stands without a rule
    unread = list(BROKEN_RESOURCE.check(page, make_site([page], **blocked)))
    assert len(unread) == 2 and all("rule" not in f.data for f in unread)
