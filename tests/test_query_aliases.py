"""A page's copies under a query string, read from a real SQLite store: one page to the
duplicate counts, a canonical problem of their own, and the cause of what else is found on them."""

from __future__ import annotations

from auditor.audits import get_audit
from auditor.facts.runner import run_audits, site_from_store
from auditor.model import Link, PageRecord
from auditor.store.runs import Store

BASE = "https://med.example"
FORM = "Send us your request and our team answers within a day."


def page(path: str, title: str, text: str, description: str = "Surgical instruments") -> PageRecord:
    return PageRecord(url=BASE + path, status=200, is_html=True, content_type="text/html", title=title, text=text,
                      word_count=len(text.split()), meta={"description": description})


def stored(tmp_path) -> Store:
    store = Store(tmp_path / "run.sqlite")
    for record in (
        page("/contact.html", "Contact — Beytar", FORM),
        page("/contact.html?product=Forceps", "Contact — Beytar", FORM),  # a script prefills the form
        page("/contact.html?product=Scalpel", "Contact — Beytar", FORM),
        page("/news", "News — Beytar", "First page of news."),
        page("/news?page=2", "News — Beytar", "Second page of news."),  # other content: a page of its own
        page("/product?id=7", "Scalpel — Beytar", "A scalpel."),  # no page without the query
    ):
        store.add_page(record)
    store.commit()
    return store


def test_copies_showing_the_same_title_and_text_are_aliases_of_the_page(tmp_path):
    site = site_from_store(stored(tmp_path), [BASE + "/contact.html"])
    assert site.aliases == {BASE + "/contact.html?product=Forceps": BASE + "/contact.html",
                                  BASE + "/contact.html?product=Scalpel": BASE + "/contact.html"}
    # the contact page shares its title and description with nobody; the news pages do
    assert site.title_counts == {"News — Beytar": 2}
    assert site.description_counts == {"Surgical instruments": 4}  # contact, two news pages, the product


def test_a_copy_without_a_canonical_is_one_problem_in_the_fix_plan(tmp_path):
    store = stored(tmp_path)
    site = site_from_store(store, [BASE + "/contact.html"])
    audits = [get_audit(i) for i in ("canonical", "thin-content", "duplicate-title")]
    out = run_audits(store.iter_pages(), site, audits)["audits"]
    canonical = {f["url"][len(BASE):]: (f["message_key"], f["data"].get("target")) for f in out["canonical"]["findings"]}
    assert canonical["/contact.html?product=Forceps"] == ("query-alias", BASE + "/contact.html")
    assert canonical["/contact.html"] == ("missing", None)
    assert canonical["/news?page=2"] == ("missing", None)
    thin = {f["url"][len(BASE):]: f["data"].get("root_cause") for f in out["thin-content"]["findings"]}
    assert thin["/contact.html?product=Forceps"] == {"audit": "canonical", "message_key": "query-alias"}
    assert thin["/contact.html"] is None and thin["/news?page=2"] is None
    assert {f["url"][len(BASE):] for f in out["duplicate-title"]["findings"]} == {"/news", "/news?page=2"}


def test_language_versions_sharing_an_untranslated_title_are_one_page(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    alternates = [{"lang": "en", "href": BASE + "/docs/hr"}, {"lang": "ar", "href": BASE + "/ar/docs/hr/"}]
    for path in ("/docs/hr", "/ar/docs/hr/index.html"):  # the Arabic version reached at its index file
        record = page(path, "HR | Wiki", "Our HR guidelines.", description="HR guidelines")
        record.hreflang = alternates
        store.add_page(record)
    store.add_page(page("/docs/hr-old", "HR | Wiki", "Older HR guidelines.", description="HR guidelines"))
    site = site_from_store(store, [BASE + "/docs/hr"])
    assert site.title_counts == {"HR | Wiki": 2}  # the page (both languages) and the old page
    assert site.description_counts == {"HR guidelines": 2}


def test_a_file_served_with_and_without_html_is_one_page(tmp_path):
    """A static host serves /about/faq.html at /about/faq too; the site links to both."""
    store = Store(tmp_path / "run.sqlite")
    hub = page("/", "Home — Docs", "Welcome.")
    hub.links = [Link(BASE + "/about/faq.html", "FAQ"), Link(BASE + "/guide.html", "Guide")]
    side = page("/side", "Side — Docs", "Aside.")
    side.links = [Link(BASE + "/about/faq.html", "FAQ"), Link(BASE + "/about/faq", "FAQ")]
    for record in (
        hub, side,
        page("/about/faq.html", "FAQ — Docs", "Questions and answers."),
        page("/about/faq", "FAQ — Docs", "Questions and answers."),
        page("/about/faq.html?ref=menu", "FAQ — Docs", "Questions and answers."),
        page("/guide.html", "Guide — Docs", "The new guide."),
        page("/guide", "Guide — Docs", "The old guide, other text."),  # another page: not a copy
    ):
        store.add_page(record)
    store.commit()
    site = site_from_store(store, [BASE + "/"])
    # the name two pages link to is the page; the query copy is the same page's
    assert site.aliases == {BASE + "/about/faq": BASE + "/about/faq.html",
                            BASE + "/about/faq.html?ref=menu": BASE + "/about/faq.html"}
    assert site.title_counts == {"Guide — Docs": 2}
    out = run_audits(store.iter_pages(), site, [get_audit("canonical"), get_audit("duplicate-title")])["audits"]
    canonical = {f["url"][len(BASE):]: (f["message_key"], f["data"].get("target")) for f in out["canonical"]["findings"]}
    assert canonical["/about/faq"] == ("html-alias", BASE + "/about/faq.html")
    assert canonical["/about/faq.html?ref=menu"] == ("query-alias", BASE + "/about/faq.html")
    assert canonical["/about/faq.html"] == ("missing", None)
    assert canonical["/guide"] == ("missing", None)
