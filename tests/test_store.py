"""The run store on a real SQLite database."""

from __future__ import annotations

import json
import sqlite3

from auditor.model import Link, PageRecord
from auditor.store.runs import Store
from auditor.urls import INDEX_FILES

BASE = "https://shop.example"


def page(path, links=(), **kw) -> PageRecord:
    url = BASE + path
    kw.setdefault("status", 200)
    kw.setdefault("is_html", True)
    return PageRecord(url=url, links=[Link(BASE + l) for l in links], **kw)


def test_click_depth_is_breadth_first_and_redirects_cost_no_click(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    store.add_page(page("/", ["/a", "/old"]))
    store.add_page(page("/a", ["/b", "/"]))
    store.add_page(page("/b", ["/c"]))
    store.add_page(page("/c", ["/a"]))
    store.add_page(page("/old", status=301, redirect_to=BASE + "/new", is_html=False))
    store.add_page(page("/new", ["/deep-via-new"]))
    store.add_page(page("/deep-via-new"))
    store.add_page(page("/island", ["/"]))
    store.add_sitemap_urls([BASE + "/island", BASE + "/a"], BASE + "/sitemap.xml")
    store.compute_site([BASE + "/"])
    depths = {p.url.removeprefix(BASE): p.depth for p in store.iter_pages()}
    assert depths == {"/": 0, "/a": 1, "/b": 2, "/c": 3, "/old": 1, "/new": 1, "/deep-via-new": 2, "/island": None}
    in_sitemap = {p.url.removeprefix(BASE) for p in store.iter_pages() if p.in_sitemap}
    assert in_sitemap == {"/island", "/a"}
    store.close()


def test_a_script_redirect_costs_no_click_and_its_target_is_resumed(tmp_path):
    # "/" sends the visitor on to "/en/" with a script as it loads (read while rendering)
    store = Store(tmp_path / "run.sqlite")
    store.add_page(page("/", script_redirect=BASE + "/en/"))
    store.add_page(page("/en/", ["/en/about/"]))
    store.compute_site([BASE + "/"])
    assert {p.url.removeprefix(BASE): p.depth for p in store.iter_pages()} == {"/": 0, "/en/": 0}
    assert store.redirects() == {}  # to search engines it is no HTTP redirect
    assert store.frontier() == [(BASE + "/en/about/", 1)]
    store.close()
    resumed = Store(tmp_path / "other.sqlite")
    resumed.add_page(page("/", script_redirect=BASE + "/en/"))
    assert resumed.frontier() == [(BASE + "/en/", 0)]  # an interrupted crawl fetches the target next
    resumed.close()


def test_external_and_unfollowable_links_are_not_graph_edges(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    record = page("/", ["/a"])
    record.links.append(Link("https://other.example/", internal=False))
    record.links.append(Link("mailto:x@shop.example", kind="mailto", internal=False))
    store.add_page(record)
    store.commit()
    assert store.db.execute("SELECT dst FROM links").fetchall() == [(BASE + "/a",)]


def test_records_round_trip_and_are_replaced_not_duplicated(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    first = page("/", ["/a"], title="قديم", hreflang=[{"lang": "ar", "href": BASE + "/"}])
    store.add_page(first)
    second = page("/", ["/a"], title="جديد")
    store.add_page(second)
    (only,) = list(store.iter_pages())
    assert only.title == "جديد" and only.links[0].href == BASE + "/a"
    assert store.count_pages() == 1
    assert store.hreflang_map() == {}


def test_shared_titles_and_descriptions_are_counted_for_ok_html_only(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    for i in range(3):
        store.add_page(page(f"/p{i}", title="Welcome", meta={"description": "Same"}))
    store.add_page(page("/unique", title="Unique", meta={"description": "Same"}))
    store.add_page(page("/gone", title="Welcome", status=404))
    store.add_page(page("/empty", title=""))
    store.add_page(page("/empty2", title=""))
    assert store.value_counts("title", INDEX_FILES) == {"Welcome": 3}
    assert store.value_counts("meta_description", INDEX_FILES) == {"Same": 4}

    # a folder and its index file are one page: their title is not shared
    store.add_page(page("/guide/", title="Guide", meta={"description": "Guide"}))
    store.add_page(page("/guide/index.html", title="Guide", meta={"description": "Guide"}))
    store.add_page(page("/guide/index.htm", title="Welcome"))
    assert store.value_counts("title", INDEX_FILES) == {"Welcome": 4}
    assert "Guide" not in store.value_counts("meta_description", INDEX_FILES)


def test_statuses_cover_pages_and_resources_and_the_store_reopens(tmp_path):
    path = tmp_path / "run.sqlite"
    store = Store(path)
    store.add_page(page("/", status=200))
    store.add_page(PageRecord(url=BASE + "/down", error="ConnectionRefusedError: refused"))
    store.add_resource(BASE + "/logo.png", "image", 404, "text/html", 10)
    store.set_run("run", {"start_urls": [BASE + "/"]})
    store.close()
    again = Store(path)
    assert again.statuses() == {BASE + "/": 200, BASE + "/down": None, BASE + "/logo.png": 404}
    assert again.errors() == {BASE + "/down": "ConnectionRefusedError: refused"}
    assert again.get_run("run") == {"start_urls": [BASE + "/"]}
    assert again.known_urls() == {BASE + "/", BASE + "/down", BASE + "/logo.png"}


def test_a_store_that_kept_records_in_the_pages_table_opens_and_resumes(tmp_path):
    path = tmp_path / "run.sqlite"
    with sqlite3.connect(path) as db:  # as stores were made before the records table
        db.execute("CREATE TABLE pages (url TEXT PRIMARY KEY, status INTEGER, is_html INTEGER NOT NULL DEFAULT 0,"
                   " redirect_to TEXT, script_redirect TEXT, error TEXT, title TEXT, meta_description TEXT, lang TEXT,"
                   " hreflang TEXT, depth INTEGER, in_sitemap INTEGER NOT NULL DEFAULT 0, canonical TEXT,"
                   " noindex INTEGER NOT NULL DEFAULT 0, layout TEXT, template TEXT, record TEXT NOT NULL)")
        db.execute("INSERT INTO pages (url, status, is_html, record) VALUES (?, 200, 1, ?)",
                   (BASE + "/", json.dumps(page("/", ["/a"], title="قديم").to_dict())))
    store = Store(path)
    store.add_page(page("/a", title="جديد"))
    assert {p.url: p.title for p in store.iter_pages()} == {BASE + "/": "قديم", BASE + "/a": "جديد"}


def test_click_depth_and_templates_leave_the_records_unwritten(tmp_path):
    # an update rewrites the whole row: the pages' records must not be in the rows they change
    path = tmp_path / "run.sqlite"
    store = Store(path)
    for i in range(50):
        store.add_page(page(f"/p{i}", [f"/p{i + 1}"], text="نص " * 5_000))
    store.close()
    store = Store(path)
    store.db.execute("PRAGMA wal_autocheckpoint = 0")  # the WAL then holds everything the updates wrote
    store.compute_site([BASE + "/p0"])
    store.set_templates({BASE + f"/p{i}": "article" for i in range(50)})
    assert (tmp_path / "run.sqlite-wal").stat().st_size < 50 * 20_000 / 10
    assert [p.depth for p in store.iter_pages()] == list(range(50))
