"""A run is complete when every URL it discovered has an outcome; result.json and the
report's first screen say when it is not, and why."""

from __future__ import annotations

from auditor.gather.crawl import CrawlOptions
from auditor.gather.outstanding import unchecked_files
from auditor.model import Link, PageRecord, Resource
from auditor.pipeline import crawl_completeness
from auditor.store.runs import Store
from auditor.urls import Scope
from reports.html import render
from tests.report_result import build_result

BASE = "https://shop.example"


def page(path, links=(), **kw) -> PageRecord:
    kw.setdefault("status", 200)
    kw.setdefault("is_html", True)
    return PageRecord(url=BASE + path, links=[Link(BASE + link, internal=True) for link in links], **kw)


def store_with(tmp_path, *records, sitemap=()) -> Store:
    store = Store(tmp_path / "run.sqlite")
    for record in records:
        store.add_page(record)
    store.add_sitemap_urls([BASE + u for u in sitemap], BASE + "/sitemap.xml")
    store.compute_site([BASE + "/"])
    return store


def completeness(store: Store, **options) -> dict:
    return crawl_completeness(store, {"finish_reason": "finished"}, CrawlOptions([BASE + "/"], str(store.path), **options))


def test_every_discovered_url_with_an_outcome_is_a_complete_run(tmp_path):
    store = store_with(tmp_path, page("/", ["/a", "/old"]), page("/a", ["/"]),
                       page("/old", status=301, redirect_to=BASE + "/gone", is_html=False),
                       PageRecord(url=BASE + "/gone", error="connection refused"))
    assert completeness(store) == {"complete": True, "incomplete_reason": None, "unreached": 0}


def test_a_linked_page_or_a_sitemap_entry_without_an_outcome_is_unreached(tmp_path):
    store = store_with(tmp_path, page("/", ["/a", "/lost"]), page("/a"), sitemap=["/only-listed"])
    assert completeness(store) == {"complete": False, "incomplete_reason": "unreached", "unreached": 2}


def test_the_files_pages_use_and_nobody_checked_are_found_in_scope_only(tmp_path):
    home = page("/", ["/a"])
    home.resources = [Resource(BASE + "/logo.png", "image"), Resource(BASE + "/checked.css", "stylesheet"),
                      Resource("https://cdn.example/lib.js", "script")]
    store = store_with(tmp_path, home, page("/a"))
    store.add_resource(BASE + "/checked.css", "stylesheet", 200)
    store.commit()
    assert unchecked_files(store, Scope([BASE + "/"])) == [(BASE + "/logo.png", "image")]


def test_out_of_scope_deeper_than_max_depth_and_trap_cut_urls_are_not_missing(tmp_path):
    store = store_with(tmp_path, page("/", ["/a", "/cart?x=1"]), page("/a", ["/a/deeper"]))
    store.add_trap(BASE + "/cart?x=1", "query", "/cart?*")
    store.commit()
    assert completeness(store, max_depth=1)["complete"] is True
    assert completeness(store, exclude=["/deeper"])["complete"] is True
    assert completeness(store) == {"complete": False, "incomplete_reason": "unreached", "unreached": 1}


def test_a_page_limit_that_left_urls_unfetched_is_named(tmp_path):
    store = store_with(tmp_path, page("/", ["/a", "/b"]), page("/a"))
    assert completeness(store, max_pages=2) == {"complete": False, "incomplete_reason": "max_pages", "unreached": 1}


def test_a_crawl_that_ended_early_is_incomplete(tmp_path):
    store = store_with(tmp_path, page("/"))
    options = CrawlOptions([BASE + "/"], str(store.path))
    assert crawl_completeness(store, {"finish_reason": "closespider_timeout"}, options)["incomplete_reason"] == "stopped"


def test_the_first_screen_says_an_audit_is_incomplete_in_either_language():
    result = build_result()
    assert 'role="status"' not in render(result, "en")  # a complete run (or one from before the field) says nothing
    result["run"].update(complete=False, incomplete_reason="max_pages", unreached=275)
    english, arabic = render(result, "en"), render(result, "ar")
    assert "Incomplete audit: the page limit (<bdi>--max-pages</bdi>) was reached. Discovered URLs not fetched: <bdi>275</bdi>." in english
    assert "تدقيق غير مكتمل: بلغ الزحف حدّ الصفحات (<bdi>--max-pages</bdi>). عناوين مكتشفة لم تُجلب: <bdi>275</bdi>." in arabic
    assert english.index("Incomplete audit") < english.index('id="summary"')  # before the scores
    result["run"].update(incomplete_reason="unreached", unreached=3)
    assert "discovered URLs with no stored outcome (page, redirect or error): <bdi>3</bdi>" in render(result, "en")
