"""Navigation audits: links, resources, redirects and how deep pages sit."""

from __future__ import annotations

import pytest

from auditor.audits import get_audit
from auditor.model import Link, Resource
from tests.factories import BASE, findings, make_page, make_site


def keyed(found) -> list[tuple[str, dict]]:
    return [(f.message_key, f.data) for f in found]


def redirect(path: str, to: str):
    return make_page(path, status=301, is_html=False, redirect_to=BASE + to)


# -- broken-link ---------------------------------------------------------------------

BROKEN_LINK = get_audit("broken-link")


def linking(*links: Link):
    return make_page("/", links=list(links))


def test_broken_link_working_and_redirected_links_pass():
    home = linking(Link(BASE + "/coffee", "قهوة"), Link(BASE + "/old", "قديم"))
    site = make_site([home, make_page("/coffee"), redirect("/old", "/new"), make_page("/new")])
    assert findings(BROKEN_LINK, home, site) == []


@pytest.mark.parametrize("status", [404, 410, 500])
def test_broken_link_to_an_error_page(status):
    home = linking(Link(BASE + "/gone", "منتج قديم"))
    site = make_site([home, make_page("/gone", status=status)])
    found = findings(BROKEN_LINK, home, site)
    assert keyed(found) == [("broken", {"target": BASE + "/gone", "status": status, "text": "منتج قديم"})]
    assert found[0].selector == f'a[href="{BASE}/gone"]'


def test_broken_link_through_a_redirect_to_a_404():
    home = linking(Link(BASE + "/old", "عروض"))
    site = make_site([home, redirect("/old", "/gone"), make_page("/gone", status=404)])
    assert keyed(findings(BROKEN_LINK, home, site)) == [
        ("broken", {"target": BASE + "/old", "status": 404, "text": "عروض"}),
    ]


def test_broken_link_into_a_redirect_loop():
    home = linking(Link(BASE + "/loop-a", "حلقة"))
    site = make_site([home, redirect("/loop-a", "/loop-b"), redirect("/loop-b", "/loop-a")])
    assert keyed(findings(BROKEN_LINK, home, site)) == [
        ("broken", {"target": BASE + "/loop-a", "status": "a redirect loop", "text": "حلقة"}),
    ]


def test_broken_link_to_a_page_that_never_answered():
    home = linking(Link(BASE + "/slow", "بطيء"))
    slow = make_page("/slow", status=None, is_html=False, error="TimeoutError: took too long")
    site = make_site([home, slow], errors={slow.url: slow.error})
    assert keyed(findings(BROKEN_LINK, home, site)) == [
        ("broken", {"target": BASE + "/slow", "status": "TimeoutError: took too long", "text": "بطيء"}),
    ]


def test_broken_link_same_target_linked_twice_is_reported_once():
    home = linking(Link(BASE + "/gone", "في القائمة", region="nav"), Link(BASE + "/gone", "في النص"))
    site = make_site([home, make_page("/gone", status=404)])
    assert keyed(findings(BROKEN_LINK, home, site)) == [
        ("broken", {"target": BASE + "/gone", "status": 404, "text": "في القائمة"}),
    ]


def test_broken_link_each_broken_target_is_reported():
    home = linking(Link(BASE + "/a", "a"), Link(BASE + "/ok", "ok"), Link(BASE + "/b", "b"))
    site = make_site([home, make_page("/a", status=404), make_page("/ok"), make_page("/b", status=500)])
    assert [f.data["target"] for f in findings(BROKEN_LINK, home, site)] == [BASE + "/a", BASE + "/b"]


def test_broken_link_external_links_are_ignored():
    external = "https://partner.example/missing"
    home = linking(Link(external, "شريك", internal=False))
    site = make_site([home], status={home.url: 200, external: 404})
    assert findings(BROKEN_LINK, home, site) == []


def test_broken_link_to_a_url_never_fetched_is_ignored():
    home = linking(Link(BASE + "/beyond-the-page-limit", "بعيد"))
    assert findings(BROKEN_LINK, home, make_site([home])) == []


def test_broken_link_to_a_page_disallowed_by_robots_txt_is_ignored():
    home = linking(Link(BASE + "/private", "خاص"))
    private = make_page("/private", status=None, is_html=False, error="disallowed by robots.txt")
    site = make_site([home, private], errors={private.url: private.error})
    assert findings(BROKEN_LINK, home, site) == []


def test_broken_link_not_applicable_on_an_error_page():
    page = make_page("/gone", status=404, links=[Link(BASE + "/also-gone")])
    assert not BROKEN_LINK.applies(page, make_site([page]))


# -- broken-resource -----------------------------------------------------------------

BROKEN_RESOURCE = get_audit("broken-resource")
CSS, LOGO = BASE + "/style.css", BASE + "/logo.png"


def with_resources(*resources: Resource):
    return make_page("/", resources=list(resources))


def test_broken_resource_loaded_resources_pass():
    page = with_resources(Resource(CSS, "stylesheet", True), Resource(LOGO, "image"))
    site = make_site([page], status={page.url: 200, CSS: 200, LOGO: 200})
    assert findings(BROKEN_RESOURCE, page, site) == []


def test_broken_resource_answers_404():
    page = with_resources(Resource(CSS, "stylesheet", True), Resource(LOGO, "image"))
    site = make_site([page], status={page.url: 200, CSS: 200, LOGO: 404})
    found = findings(BROKEN_RESOURCE, page, site)
    assert keyed(found) == [("broken", {"kind": "image", "target": LOGO, "status": 404})]
    assert found[0].selector == f'[src="{LOGO}"], [href="{LOGO}"]'


def test_broken_resource_without_an_answer():
    page = with_resources(Resource(CSS, "stylesheet", True))
    site = make_site([page], status={page.url: 200, CSS: None}, errors={CSS: "ConnectionRefusedError: refused"})
    assert keyed(findings(BROKEN_RESOURCE, page, site)) == [
        ("broken", {"kind": "stylesheet", "target": CSS, "status": "ConnectionRefusedError: refused"}),
    ]


def test_broken_resource_through_a_redirect_to_a_404():
    old = BASE + "/old.js"
    page = with_resources(Resource(old, "script"))
    site = make_site([page], status={page.url: 200, old: 301, BASE + "/gone.js": 404},
                     redirects={old: BASE + "/gone.js"})
    assert keyed(findings(BROKEN_RESOURCE, page, site)) == [("broken", {"kind": "script", "target": old, "status": 404})]


def test_broken_resource_through_a_redirect_to_a_failed_fetch_gives_its_error():
    old, new = BASE + "/old.js", BASE + "/new.js"
    page = with_resources(Resource(old, "script"))
    site = make_site([page], status={page.url: 200, old: 301, new: None}, redirects={old: new},
                     errors={new: "TimeoutError: took too long"})
    assert keyed(findings(BROKEN_RESOURCE, page, site)) == [
        ("broken", {"kind": "script", "target": old, "status": "TimeoutError: took too long"}),
    ]


def test_broken_resource_in_a_redirect_loop():
    a, b = BASE + "/a.css", BASE + "/b.css"
    page = with_resources(Resource(a, "stylesheet"))
    site = make_site([page], status={page.url: 200, a: 301, b: 301}, redirects={a: b, b: a})
    assert keyed(findings(BROKEN_RESOURCE, page, site)) == [
        ("broken", {"kind": "stylesheet", "target": a, "status": "a redirect loop"}),
    ]


def test_broken_resource_referenced_twice_is_reported_once():
    page = with_resources(Resource(LOGO, "image"), Resource(LOGO, "image"))
    site = make_site([page], status={page.url: 200, LOGO: 404})
    assert len(findings(BROKEN_RESOURCE, page, site)) == 1


def test_broken_resource_never_fetched_or_disallowed_is_ignored():
    private = BASE + "/private/logo.png"
    page = with_resources(Resource(LOGO, "image"), Resource(private, "image"))
    site = make_site([page], status={page.url: 200, private: None}, errors={private: "disallowed by robots.txt"})
    assert findings(BROKEN_RESOURCE, page, site) == []


# -- script-redirect -----------------------------------------------------------------

SCRIPT_REDIRECT = get_audit("script-redirect")


def sent_on(path: str, to: str | None, html_title: str = "Redirecting...", words: int = 12):
    """A rendered page whose script sent the visitor on to `to` while it loaded."""
    return make_page(path, script_redirect=BASE + to if to else None, title=None, word_count=0, facts={
        "js": {"rendered": True, "reason": "shell", "html": {"title": html_title, "words": words, "links": 2}}})


def test_script_redirect_names_the_target_and_what_crawlers_without_scripts_read():
    page = sent_on("/", "/en/")
    site = make_site([page, make_page("/en/")])
    assert keyed(findings(SCRIPT_REDIRECT, page, site)) == [
        ("script-redirect", {"target": BASE + "/en/", "title": "Redirecting...", "words": 12})]


def test_script_redirect_is_read_as_a_redirect_not_as_a_page_with_content():
    page = sent_on("/", "/en/")
    site = make_site([page, make_page("/en/")])
    for audit_id in ("heading-h1", "thin-content", "meta-description", "canonical", "dead-end-pages"):
        assert not get_audit(audit_id).applies(page, site) or findings(get_audit(audit_id), page, site) == [], audit_id


def test_script_redirect_passes_pages_that_stay_and_pages_sent_off_the_site():
    stays = make_page("/about")
    off_site = sent_on("/partner", None)  # its script went to another host: no script_redirect
    site = make_site([stays, off_site])
    assert not SCRIPT_REDIRECT.applies(stays, site) and not SCRIPT_REDIRECT.applies(off_site, site)
    assert get_audit("thin-content").applies(off_site, site)  # its page is what the visitor keeps


# -- redirect-chain ------------------------------------------------------------------

REDIRECT_CHAIN = get_audit("redirect-chain")


def test_redirect_chain_single_hop_passes():
    old = redirect("/old", "/new")
    site = make_site([old, make_page("/new")])
    assert REDIRECT_CHAIN.applies(old, site)
    assert findings(REDIRECT_CHAIN, old, site) == []


def test_redirect_chain_two_hops_fail():
    a, b = redirect("/a", "/b"), redirect("/b", "/c")
    site = make_site([a, b, make_page("/c")])
    assert keyed(findings(REDIRECT_CHAIN, a, site)) == [
        ("chain", {"path": f"{BASE}/a \u2192 {BASE}/b \u2192 {BASE}/c", "hops": 2}),
    ]


def test_redirect_chain_judged_only_from_where_it_starts():
    a, b = redirect("/a", "/b"), redirect("/b", "/c")
    site = make_site([a, b, make_page("/c")])
    assert BASE + "/b" in site.redirect_targets
    assert not REDIRECT_CHAIN.applies(b, site)


def test_redirect_chain_two_starts_into_one_chain_are_judged_each():
    a, d, b = redirect("/a", "/b"), redirect("/d", "/b"), redirect("/b", "/c")
    site = make_site([a, d, b, make_page("/c")])
    reported = {f.url: f.data["hops"] for p in (a, d, b) for f in findings(REDIRECT_CHAIN, p, site)}
    assert reported == {BASE + "/a": 2, BASE + "/d": 2}


def test_redirect_chain_pure_loop_is_reported_once_from_its_first_url():
    a, b = redirect("/loop-a", "/loop-b"), redirect("/loop-b", "/loop-a")
    site = make_site([a, b])
    assert keyed(findings(REDIRECT_CHAIN, a, site)) == [
        ("loop", {"path": f"{BASE}/loop-a \u2192 {BASE}/loop-b \u2192 {BASE}/loop-a", "hops": 2}),
    ]
    assert not REDIRECT_CHAIN.applies(b, site)


def test_redirect_chain_loop_entered_from_outside_is_reported_from_the_entry_only():
    entry, a, b = redirect("/x", "/loop-a"), redirect("/loop-a", "/loop-b"), redirect("/loop-b", "/loop-a")
    site = make_site([entry, a, b])
    assert keyed(findings(REDIRECT_CHAIN, entry, site)) == [
        ("loop", {"path": f"{BASE}/x \u2192 {BASE}/loop-a \u2192 {BASE}/loop-b \u2192 {BASE}/loop-a", "hops": 3}),
    ]
    assert not REDIRECT_CHAIN.applies(a, site)
    assert not REDIRECT_CHAIN.applies(b, site)


def test_redirect_chain_page_to_itself_is_a_loop():
    page = redirect("/self", "/self")
    assert keyed(findings(REDIRECT_CHAIN, page, make_site([page]))) == [
        ("loop", {"path": f"{BASE}/self \u2192 {BASE}/self", "hops": 1}),
    ]


def test_redirect_chain_not_applicable_to_a_page_that_does_not_redirect():
    page = make_page("/coffee")
    assert not REDIRECT_CHAIN.applies(page, make_site([page]))


# -- orphan-page ---------------------------------------------------------------------

ORPHAN_PAGE = get_audit("orphan-page")


def test_orphan_page_linked_sitemap_page_passes():
    assert findings(ORPHAN_PAGE, make_page("/coffee", in_sitemap=True, depth=2)) == []


def test_orphan_page_start_page_at_depth_zero_passes():
    assert findings(ORPHAN_PAGE, make_page("/", in_sitemap=True, depth=0)) == []


def test_orphan_page_in_the_sitemap_reached_by_no_link():
    assert keyed(findings(ORPHAN_PAGE, make_page("/island", in_sitemap=True, depth=None))) == [("orphan", {})]


def test_orphan_page_named_only_as_an_hreflang_alternate_says_so():
    # a language menu of buttons: search engines find /ar/about through the alternates, visitors by script
    alternates = [{"lang": "en", "href": BASE + "/about"}, {"lang": "ar", "href": BASE + "/ar/about"}]
    arabic = make_page("/ar/about", in_sitemap=True, depth=None)
    site = make_site([arabic, make_page("/about", hreflang=alternates), make_page("/zh/about", hreflang=alternates)])
    found = findings(ORPHAN_PAGE, arabic, site)
    assert keyed(found) == [("alternate-only", {"named_by": BASE + "/about", "more": 1})]
    assert ORPHAN_PAGE.meta.impact_of("alternate-only") == "moderate"


def test_orphan_page_not_applicable_outside_the_sitemap_or_on_an_error_page():
    site = make_site([])
    assert not ORPHAN_PAGE.applies(make_page("/island", in_sitemap=False, depth=None), site)
    assert not ORPHAN_PAGE.applies(make_page("/island", status=404, in_sitemap=True, depth=None), site)


# -- click-depth ---------------------------------------------------------------------

CLICK_DEPTH = get_audit("click-depth")


@pytest.mark.parametrize("depth", [0, 1, 3])
def test_click_depth_within_the_default_limit_passes(depth):
    assert findings(CLICK_DEPTH, make_page("/p", depth=depth)) == []


def test_click_depth_beyond_the_default_limit():
    assert keyed(findings(CLICK_DEPTH, make_page("/p", depth=4))) == [("deep", {"depth": 4, "max": 3})]


def test_click_depth_limit_from_the_settings():
    page = make_page("/p", depth=3)
    strict = make_site([page], settings={"max_click_depth": 2})
    assert keyed(findings(CLICK_DEPTH, page, strict)) == [("deep", {"depth": 3, "max": 2})]
    assert findings(CLICK_DEPTH, make_page("/p", depth=2), strict) == []


@pytest.mark.parametrize("overrides", [
    {"meta": {"robots": "noindex"}},
    {"meta": {"robots": "NOINDEX, follow"}},
    {"meta": {"robots": "none"}},
    {"meta": {"googlebot": "noindex"}},
    {"headers": {"x-robots-tag": "noindex"}},
])
def test_click_depth_not_applicable_to_noindex_pages(overrides):
    page = make_page("/cart", depth=9, **overrides)
    assert not CLICK_DEPTH.applies(page, make_site([page]))


def test_click_depth_applies_to_a_deep_page_that_only_says_nofollow():
    page = make_page("/p", depth=9, meta={"robots": "nofollow"})
    assert keyed(findings(CLICK_DEPTH, page)) == [("deep", {"depth": 9, "max": 3})]


def test_click_depth_not_applicable_to_unreached_or_error_pages():
    site = make_site([])
    assert not CLICK_DEPTH.applies(make_page("/island", depth=None), site)
    assert not CLICK_DEPTH.applies(make_page("/gone", status=404, depth=9), site)


# -- meta-refresh --------------------------------------------------------------------

META_REFRESH = get_audit("meta-refresh")


def refreshed(delay: int, to: str | None):
    target = BASE + to if to else None
    return make_page("/p", script_redirect=target, facts={"refresh": {"delay": delay, "url": target}})


@pytest.mark.parametrize(("delay", "to", "expected"), [
    (0, "/en/", [("redirect", {"target": BASE + "/en/"})]),
    (5, "/en/", [("timed-redirect", {"target": BASE + "/en/", "delay": 5})]),
    (60, None, [("timed-reload", {"delay": 60})]),
    (72000, None, []),  # twenty hours or more: WCAG 2.2.1's exception
    (0, None, [("timed-reload", {"delay": 0})]),  # "0" alone reloads the page as soon as it loads, without end
])
def test_meta_refresh_by_delay_and_target(delay, to, expected):
    assert keyed(findings(META_REFRESH, refreshed(delay, to))) == expected


def test_a_page_without_a_refresh_passes_meta_refresh():
    assert findings(META_REFRESH, make_page("/p")) == []


def test_a_refresh_redirect_is_meta_refreshs_not_script_redirects():
    page = refreshed(0, "/en/")
    page.facts["js"] = {"rendered": True, "reason": "always", "html": {"title": "", "words": 0, "links": 0}}
    assert not SCRIPT_REDIRECT.applies(page, make_site([page]))
    assert [f.message_key for f in findings(META_REFRESH, page)] == ["redirect"]
