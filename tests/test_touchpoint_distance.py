"""Touchpoint facts read from a real SQLite run store: anchor texts per link, which
pages are touchpoints, and the clicks from every page to the nearest of each kind."""

from __future__ import annotations

import multiprocessing
import signal
import sqlite3
import time

import pytest

from auditor.model import Link, PageRecord
from auditor.facts import runner
from auditor.facts.runner import site_from_store
from auditor.store.runs import Store
from auditor.facts.touchpoint_facts import find_touchpoints, gather, summary

BASE = "https://shop.example"


def page(path, links=(), **kw) -> PageRecord:
    """A 200 HTML page; `links` are paths or (path, anchor text) pairs."""
    kw.setdefault("status", 200)
    kw.setdefault("is_html", True)
    pairs = [(l, "") if isinstance(l, str) else l for l in links]
    return PageRecord(url=BASE + path, links=[Link(BASE + p, text) for p, text in pairs], **kw)


def relative(distance: dict) -> dict:
    return {url.removeprefix(BASE): d for url, d in distance.items()}


def test_distance_is_a_reversed_breadth_first_search_from_every_touchpoint(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    store.add_page(page("/", ["/a", "/faq"]))
    store.add_page(page("/a", ["/b"]))
    store.add_page(page("/b", ["/contact", "/"]))
    store.add_page(page("/contact", ["/"]))
    store.add_page(page("/faq"))
    store.add_page(page("/island"))  # links nowhere: reaches no touchpoint
    store.commit()
    distance = store.touchpoint_distance({"contact": [BASE + "/contact"], "faq": [BASE + "/faq"]})
    assert relative(distance) == {
        "/contact": {"contact": 0, "faq": 2},
        "/faq": {"faq": 0},
        "/b": {"contact": 1, "faq": 2},
        "/": {"faq": 1, "contact": 3},
        "/a": {"contact": 2, "faq": 3},
    }
    store.close()


def test_nearest_of_several_pages_of_a_kind_wins(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    store.add_page(page("/", ["/x"]))
    store.add_page(page("/x", ["/y", "/help-2"]))
    store.add_page(page("/y", ["/help-1"]))
    store.add_page(page("/help-1"))
    store.add_page(page("/help-2"))
    store.commit()
    distance = store.touchpoint_distance({"support": [BASE + "/help-1", BASE + "/help-2"]})
    assert relative(distance) == {
        "/help-1": {"support": 0}, "/help-2": {"support": 0}, "/y": {"support": 1},
        "/x": {"support": 1}, "/": {"support": 2},
    }
    store.close()


def test_a_redirect_costs_no_click(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    store.add_page(page("/", ["/old-contact"]))
    store.add_page(page("/old-contact", status=301, is_html=False, redirect_to=BASE + "/contact-us"))
    store.add_page(page("/contact-us"))
    store.add_page(page("/deep", ["/"]))
    store.commit()
    distance = store.touchpoint_distance({"contact": [BASE + "/contact-us"]})
    assert relative(distance) == {
        "/contact-us": {"contact": 0}, "/old-contact": {"contact": 0}, "/": {"contact": 1}, "/deep": {"contact": 2},
    }
    store.close()


def test_pages_with_the_same_distances_share_one_dict(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    for path in ("/a", "/b", "/c"):
        store.add_page(page(path, ["/contact"]))
    store.add_page(page("/contact"))
    store.commit()
    distance = store.touchpoint_distance({"contact": [BASE + "/contact"]})
    assert distance[BASE + "/a"] == {"contact": 1}
    assert distance[BASE + "/a"] is distance[BASE + "/b"] is distance[BASE + "/c"]
    store.close()


def test_anchor_texts_are_stored_per_link_distinct_and_in_page_order(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    store.add_page(page("/", [("/contact", "اتصل بنا"), ("/contact", ""), ("/contact", "Contact"),
                              ("/contact", "اتصل بنا"), ("/logo", "")]))
    store.commit()
    rows = dict(store.db.execute("SELECT dst, text FROM links"))
    assert rows == {BASE + "/contact": "اتصل بنا\nContact", BASE + "/logo": None}
    assert sorted(store.link_labels()) == [(BASE + "/contact", "اتصل بنا\nContact")]
    store.close()


def test_a_run_database_from_before_anchor_texts_still_opens_and_gains_the_column(tmp_path):
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE links (src TEXT NOT NULL, dst TEXT NOT NULL, PRIMARY KEY (src, dst))")
    db.execute("INSERT INTO links VALUES (?, ?)", (BASE + "/", BASE + "/faq"))
    db.commit()
    db.close()
    store = Store(path)
    store.add_page(page("/", [("/faq", "الأسئلة الشائعة")]))  # the resumed crawl stores the page again
    store.commit()
    assert store.db.execute("SELECT src, dst, text FROM links").fetchall() == [
        (BASE + "/", BASE + "/faq", "الأسئلة الشائعة")]
    store.close()
    Store(path).close()  # opening it once more changes nothing


def test_touchpoints_come_from_urls_titles_h1_and_anchor_texts_of_200_html_pages(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    store.add_page(page("/", [("/p/1", "سياسة الخصوصية"), ("/old", "Returns"), ("/returns-gone", "Refunds"),
                              ("/x", "Read more")]))
    store.add_page(page("/contact-us"))  # its URL
    store.add_page(page("/p/2", title="الأسئلة الشائعة | متجر"))  # its title
    store.add_page(page("/p/3", headings=[{"level": 1, "text": "الشحن والتوصيل"}]))  # its h1
    store.add_page(page("/p/1"))  # the texts of the links to it
    store.add_page(page("/old", status=301, is_html=False, redirect_to=BASE + "/p/4"))
    store.add_page(page("/p/4"))  # reached through a redirect from a "Returns" link
    store.add_page(page("/returns-gone", status=404))  # a dead page is no touchpoint
    store.add_page(page("/x", headings=[{"level": 2, "text": "Contact us"}]))  # an h2 names no page
    store.commit()
    found = {kind: [u.removeprefix(BASE) for u in urls] for kind, urls in find_touchpoints(store).items()}
    assert found == {"contact": ["/contact-us"], "faq": ["/p/2"], "shipping": ["/p/3"], "privacy": ["/p/1"],
                     "returns": ["/p/4"]}
    store.close()


def test_gather_finds_the_site_kind_and_addresses_on_contact_and_about_pages(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    store.add_page(page("/", [("/contact", "اتصل بنا"), ("/about", "من نحن")], text="قهوة مختصة من الرياض"))
    store.add_page(page("/p", text="قهوة إثيوبية\n\nالسعر ٧٥ ر.س\n\nأضف إلى السلة"))
    store.add_page(page("/contact", text="العنوان: شارع التحلية، الرياض"))
    store.add_page(page("/about", text="بدأنا عام ٢٠١٩."))
    store.commit()
    facts = gather(store)
    assert facts["site_kind"] == {"kind": "shop", "assumed": False, "signals": [
        {"signal": "price", "value": "ر.س", "url": BASE + "/p", "pages": 1},
        {"signal": "cart words", "value": "أضف إلى السلة", "url": BASE + "/p", "pages": 1}]}
    assert facts["address_evidence"] == {BASE + "/contact": "العنوان"}  # the home page is not where it is looked for
    assert facts["touchpoints"] == {"contact": [BASE + "/contact"], "about": [BASE + "/about"]}
    assert relative(facts["touchpoint_distance"]) == {
        "/": {"contact": 1, "about": 1}, "/contact": {"contact": 0}, "/about": {"about": 0}}
    store.close()


def test_a_site_that_shows_no_price_or_cart_does_not_sell(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    store.add_page(page("/", text="Sarah's bag of stories: 12 chapters, told in 2024."))
    store.commit()
    assert gather(store)["site_kind"] == {"kind": "content", "signals": [], "assumed": True}
    store.close()


def test_site_from_store_fills_the_touchpoint_facts(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    store.add_page(page("/", [("/help", "Help centre")]))
    store.add_page(page("/help", ["/"]))
    store.commit()
    site = site_from_store(store, [BASE + "/"])
    assert site.touchpoints == {"support": [BASE + "/help"]}
    assert relative(site.touchpoint_distance) == {"/help": {"support": 0}, "/": {"support": 1}}
    assert site.site_kind["assumed"] and site.address_evidence == {}
    assert summary(site.touchpoints)["support"] == {"count": 1, "urls": [BASE + "/help"]}
    assert summary(site.touchpoints)["contact"] == {"count": 0, "urls": []}
    store.close()


def test_a_pages_table_of_contents_does_not_name_it(tmp_path):
    # a privacy policy's section "Contact us with your questions" makes it no contact page
    store = Store(tmp_path / "run.sqlite")
    store.add_page(page("/", [("/privacy", "Privacy policy")]))
    store.add_page(page("/privacy", [("/privacy", "Contact us with your questions"), ("/", "Home")]))
    store.commit()
    assert site_from_store(store, [BASE + "/"]).touchpoints == {"privacy": [BASE + "/privacy"]}


def test_a_one_page_sites_sections_are_its_touchpoints(tmp_path):
    # its menu leads to #about and #contact, sections of the one page
    store = Store(tmp_path / "run.sqlite")
    record = page("/", [("/", "Contact")], text="269 King St, Melbourne VIC 3000")
    record.headings = [{"level": 2, "text": "About us"}, {"level": 2, "text": "Contact & Orders"},
                       {"level": 2, "text": "Our menu"}]
    store.add_page(record)
    store.commit()
    site = site_from_store(store, [BASE + "/"])
    assert site.touchpoints == {"about": [BASE + "/"], "contact": [BASE + "/"]}
    assert site.address_evidence == {}  # "St" and a four-digit postcode are no pattern the text is read for
    record.facts["addresses"] = [{"text": "269 King St, Melbourne VIC 3000", "source": "address"}]  # <address>
    store.add_page(record)
    store.commit()
    assert site_from_store(store, [BASE + "/"]).address_evidence == {BASE + "/": "address"}
    # on a site of several pages, a section heading makes no page a touchpoint
    store.add_page(page("/menu", ["/"]))
    store.commit()
    assert site_from_store(store, [BASE + "/"]).touchpoints == {}


def test_site_facts_decode_the_stored_pages_in_one_pass(tmp_path, monkeypatch):
    """Touchpoints, fragment targets and contact details come from one read of the pages
    (made by a forked process: each read is counted in a file)."""
    store = Store(tmp_path / "run.sqlite")
    store.add_page(page("/", [("/help", "Help centre")], text="اتصل بنا 0551112222"))
    store.add_page(page("/help", ["/"], text="info@shop.example",
                        facts={"fragments": {"links": [[BASE + "/#top", "top", 1]], "ids": []}}))
    store.commit()
    reads = tmp_path / "reads"
    read = Store.page_dicts

    def counted(self):
        with reads.open("a") as out:
            out.write("read\n")
        yield from read(self)

    monkeypatch.setattr(Store, "page_dicts", counted)
    site = site_from_store(store, [BASE + "/"])
    assert reads.read_text().splitlines() == ["read"]
    assert site.touchpoints == {"support": [BASE + "/help"]}
    assert set(site.contacts) == {"phone", "email"} and site.contacts["phone"]["551112222"]["pages"] == [BASE + "/"]
    store.close()


def test_site_facts_are_the_same_made_here_where_nothing_forks(tmp_path, monkeypatch):
    store = Store(tmp_path / "run.sqlite")
    store.add_page(page("/", [("/help", "Help centre"), "/contact.html?product=a"], text="اتصل بنا 0551112222"))
    store.add_page(page("/help", ["/"], text="info@shop.example",
                        facts={"fragments": {"links": [[BASE + "/#top", "top", 1]], "ids": []}}))
    store.add_page(page("/contact.html", text="Write to us", title="Contact"))
    store.add_page(page("/contact.html?product=a", text="Write to us", title="Contact"))
    store.commit()
    forked = site_from_store(store, [BASE + "/"])
    monkeypatch.setattr(runner, "worker_pool", lambda *args, **kwargs: None)
    here = site_from_store(store, [BASE + "/"])
    assert forked.touchpoints["support"] == [BASE + "/help"]
    assert forked.aliases == {BASE + "/contact.html?product=a": BASE + "/contact.html"}
    assert set(forked.contacts) == {"phone", "email"}
    assert here == forked
    store.close()


def _slow_pass(path, passes):
    time.sleep(30)


def test_a_run_stopped_while_the_site_facts_are_read_does_not_wait_for_them(tmp_path, monkeypatch):
    store = Store(tmp_path / "run.sqlite")
    store.add_page(page("/", text="اتصل بنا 0551112222"))
    store.commit()
    monkeypatch.setattr(runner, "_fed_from", _slow_pass)  # the forked process's pass takes 30 s

    def ctrl_c(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, ctrl_c)
    signal.setitimer(signal.ITIMER_REAL, 0.5)
    started = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt), runner.PageFacts(store, [BASE + "/"]) as facts:
            site_from_store(store, [BASE + "/"], page_facts=facts)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - started < 5
    assert multiprocessing.active_children() == []
    store.close()


def test_a_manuals_topics_named_like_touchpoints_are_no_touchpoints(tmp_path):
    # an ERP's manual: its CRM section documents the Contact record, its selling section shipping
    # rules; its own help page, the FAQ under /about/ and the Arabic contact page are the site's
    base = BASE + "/manual"
    store = Store(tmp_path / "run.sqlite")
    docs = {"meta": {"generator": "mkdocs-1.6.1, mkdocs-material-9.5.3"}}
    links = [(p, text) for p, text in [("/manual/crm/contact/", "Contact"), ("/manual/selling/shipping-rule/", "Shipping Rule"),
                                       ("/manual/help/", "Help"), ("/manual/about/faq", "FAQ"), ("/manual/ar/contact", "اتصل بنا")]]
    store.add_page(page("/manual/", links, **docs))
    for path, _ in links:
        store.add_page(page(path, **docs))
    store.commit()
    site = site_from_store(store, [base + "/"])
    assert site.site_kind["kind"] == "documentation"
    assert site.touchpoints == {"support": [base + "/help/"], "faq": [base + "/about/faq"], "about": [base + "/about/faq"],
                                "contact": [base + "/ar/contact"]}
    store.close()
    # on a site that is no manual, the same pages are touchpoints
    store = Store(tmp_path / "shop.sqlite")
    store.add_page(page("/manual/", links))
    for path, _ in links:
        store.add_page(page(path))
    store.commit()
    assert site_from_store(store, [base + "/"]).touchpoints["contact"] == [base + "/ar/contact", base + "/crm/contact/"]


def test_a_manuals_root_is_the_folder_of_its_start_url():
    from auditor.facts.touchpoint_facts import in_a_topic_section

    assert not in_a_topic_section("https://u.github.io/project/contact", "/project/")
    assert in_a_topic_section("https://u.github.io/project/crm/contact", "/project/")
    assert in_a_topic_section("https://u.github.io/projectx/contact", "/project/")  # another folder, not the root
    assert not in_a_topic_section("https://u.github.io/en-us/contact/index.html")
