"""Fragment links and ids: extracted from HTML, kept in a real SQLite store, judged by broken-fragment."""

from __future__ import annotations

from auditor.audits import get_audit
from auditor.facts.fragment_facts import gather
from auditor.gather.extract import extract
from auditor.model import PageRecord
from auditor.store.runs import Store
from tests.factories import findings, make_site

BASE = "https://docs.example"
PAGES = {
    "/guide.html": '<nav><a href="#install">Install</a> <a href="#usage">Usage</a> <a href="#top">Top</a>'
                   ' <a href="#/app/route">App</a> <a href="#">Menu</a></nav><h2 id="install">Install</h2>'
                   '<a href="/faq.html#returns">Returns</a> <a href="/faq.html#%D8%B4%D8%AD%D9%86">شحن</a>'
                   ' <a href="/faq.html#refunds">Refunds</a> <a href="/old.html#returns">Old</a>'
                   ' <a href="https://elsewhere.example/#x">Elsewhere</a>',
    "/faq.html": '<h2 id="returns">Returns</h2><h2 id="شحن">الشحن</h2><a name="legacy"></a>',
}


def record(path: str, body: str) -> PageRecord:
    doc = f"<!DOCTYPE html><html lang='en'><head><title>t</title></head><body>{body}</body></html>"
    page = PageRecord(url=BASE + path, status=200, final_url=BASE + path, is_html=True, content_type="text/html")
    return extract(page, doc.encode("utf-8"), "text/html")


def test_fragment_links_and_ids_are_extracted():
    guide, faq = record("/guide.html", PAGES["/guide.html"]), record("/faq.html", PAGES["/faq.html"])
    assert guide.facts["fragments"]["links"][:2] == [[BASE + "/guide.html", "install", "Install"],
                                                     [BASE + "/guide.html", "usage", "Usage"]]
    assert "top" not in {f for _, f, _ in guide.facts["fragments"]["links"]}  # #top, #/route and # are not ids
    assert len(guide.facts["fragments"]["links"]) == 7
    assert faq.facts["fragments"] == {"ids": ["legacy", "returns", "شحن"], "links": []}


def test_share_buttons_a_script_rewrites_are_not_fragment_links():
    shared = record("/post.html", '<div class="a2a_kit"><a class="fb a2a_button_facebook" href="/#facebook">f</a>'
                                  '<a class="a2a_dd" href="/#share">+</a></div><a class="button" href="/#plans">Plans</a>')
    assert shared.facts["fragments"]["links"] == [[BASE + "/", "plans", "Plans"]]


def test_broken_fragments_on_the_page_and_on_the_pages_it_links_to(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    pages = [record(path, body) for path, body in PAGES.items()]
    for page in pages:
        store.add_page(page)
    store.add_page(PageRecord(url=BASE + "/old.html", status=301, redirect_to=BASE + "/faq.html"))
    store.commit()
    facts = gather(store)
    assert facts == {"fragment_ids": {BASE + "/faq.html": frozenset({"legacy", "returns", "شحن"})}}
    site = make_site(pages, fragment_ids=facts["fragment_ids"], redirects={BASE + "/old.html": BASE + "/faq.html"})
    found = findings(get_audit("broken-fragment"), pages[0], site)
    assert [(f.message_key, f.data) for f in found] == [
        ("same-page", {"fragment": "usage", "text": "Usage"}),
        ("other-page", {"target": BASE + "/faq.html", "fragment": "refunds", "text": "Refunds"}),
    ]
    assert findings(get_audit("broken-fragment"), pages[1], site) == []


def test_a_page_whose_scripts_show_a_view_per_fragment_has_none_broken(tmp_path):
    """An examples page picks the example its #fragment names (#hello-world); the guide
    links to one of them. Rendering found the page answering its fragments."""
    examples = record("/examples/", '<nav><a href="#hello-world">Hello</a> <a href="#grid">Grid</a></nav>'
                                    '<div id="repl"></div>')
    guide = record("/guide.html", '<a href="/examples/#grid">the grid example</a> <a href="#usage">Usage</a>')
    assert len(findings(get_audit("broken-fragment"), examples, make_site([examples]))) == 2  # read as sections
    examples.facts["fragments"]["routed"] = True
    store = Store(tmp_path / "run.sqlite")
    for page in (examples, guide):
        store.add_page(page)
    store.commit()
    facts = gather(store)
    assert facts == {"fragment_ids": {}}  # its views have no ids to check
    site = make_site([examples, guide], fragment_ids=facts["fragment_ids"])
    assert findings(get_audit("broken-fragment"), examples, site) == []
    assert [(f.message_key, f.data["fragment"]) for f in findings(get_audit("broken-fragment"), guide, site)] == [
        ("same-page", "usage")]
