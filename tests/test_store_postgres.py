"""The run store gives the same answers on SQLite and on PostgreSQL (a real server)."""

from __future__ import annotations

import pytest

from auditor.model import Link, PageRecord, Resource
from auditor.store.runs import Store
from auditor.urls import INDEX_FILES
from tests.services import postgres_url  # noqa: F401  (fixture)

BASE = "https://shop.example"


def page(path, links=(), **kw) -> PageRecord:
    url = BASE + path
    kw.setdefault("status", 200)
    kw.setdefault("is_html", True)
    return PageRecord(url=url, links=[Link(BASE + href, text=f"to {href}") for href in links], **kw)


def fill(store: Store) -> None:
    """One small crawl's worth of every kind of write the crawl and later stages make."""
    store.set_run("options", {"start_urls": [BASE + "/"], "max_pages": None, "include": ["/shop"]})
    store.add_page(page("/", ["/a", "/old", "/missing"], title="Home", lang="ar",
                        hreflang=[{"lang": "en", "href": BASE + "/en/"}],
                        resources=[Resource(BASE + "/s.css", "stylesheet", True), Resource(BASE + "/logo.png", "image")]))
    store.add_page(page("/a", ["/b", "/"], title="Same", meta={"description": "100% coffee"}))
    store.add_page(page("/b", ["/c"], title="Same", meta={"description": "100% coffee"}))
    store.add_page(page("/old", status=301, redirect_to=BASE + "/new", is_html=False))
    store.add_page(page("/new", ["/deep"], title="قهوة"))
    store.add_page(page("/missing", status=404, is_html=True, title="Not found"))
    store.add_page(PageRecord(url=BASE + "/down", error="TimeoutError: took too long"))
    store.add_page(page("/island", ["/"], title="Island"))
    store.add_page(page("/guide/", title="Guide", meta={"description": "100% coffee"}))
    store.add_page(page("/guide/index.html", title="Guide"))  # the same page as /guide/
    store.add_page(page("/a", ["/b", "/", "/c"], title="Same", meta={"description": "100% coffee"}))  # stored again
    store.add_resource(BASE + "/s.css", "stylesheet", 200, "text/css", 12, body="body{direction:rtl}")
    store.add_resource(BASE + "/file.iso", "file", 200, "application/x-iso9660-image", 5_000_000_000)
    store.add_resource(BASE + "/gone.pdf", "file", None, error="ConnectionRefusedError")
    store.add_sitemap_urls([BASE + "/island", BASE + "/a", BASE + "/unfetched"], BASE + "/sitemap.xml")
    store.set_facts(BASE + "/a", {"lcp": 1200.5})
    store.commit()
    store.compute_site([BASE + "/"])


def answers(store: Store) -> dict:
    urls = [BASE + "/a", BASE + "/new", BASE + "/missing", BASE + "/nowhere"]
    return {
        "get_run": store.get_run("options"),
        "get_run default": store.get_run("absent", 7),
        "run_info": store.run_info(),
        "known_urls": store.known_urls(),
        "frontier": store.frontier(),
        "unchecked_resources": list(store.unchecked_resources()),
        "count_pages": store.count_pages(),
        "iter_pages": [(p.to_dict(), p.depth, p.in_sitemap) for p in store.iter_pages()],
        "iter_pages some": sorted(p.url for p in store.iter_pages(urls)),
        "html_page_urls": list(store.html_page_urls()),
        "statuses": store.statuses(),
        "errors": store.errors(),
        "redirects": store.redirects(),
        "title counts": store.value_counts("title", INDEX_FILES),
        "description counts": store.value_counts("meta_description", INDEX_FILES),
        "resources": sorted(store.resources(), key=lambda r: r["url"]),
        "stylesheets": sorted(store.stylesheets()),
        "hreflang_map": store.hreflang_map(),
        "sitemap_urls": store.sitemap_urls(),
        "depth_histogram": store.depth_histogram(),
        "link_labels": sorted(store.link_labels()),
        "ok_html_urls": store.ok_html_urls(urls),
        "touchpoint_distance": store.touchpoint_distance({"home": [BASE + "/"], "new": [BASE + "/new"]}),
    }


def test_the_same_operations_give_the_same_answers_on_sqlite_and_postgresql(tmp_path, postgres_url):  # noqa: F811
    sqlite, postgres = Store(tmp_path / "run.sqlite"), Store(postgres_url)
    postgres.clear()
    for store in (sqlite, postgres):
        fill(store)
    expected, got = answers(sqlite), answers(postgres)
    assert expected["count_pages"] == 10 and {r["url"]: r["bytes"] for r in expected["resources"]}[BASE + "/file.iso"] == 5_000_000_000  # the data is all there
    assert expected["title counts"] == {"Same": 2}  # /guide/ and /guide/index.html are one page
    for name in expected:
        assert got[name] == expected[name], name
    sqlite.close()
    postgres.close()


def test_page_records_are_read_a_batch_at_a_time_from_postgresql(postgres_url, monkeypatch):  # noqa: F811
    import auditor.store.database

    monkeypatch.setattr(auditor.store.database, "STREAM_BATCH", 2)
    store = Store(postgres_url)
    store.clear()
    for n in range(5):
        store.add_page(page(f"/p{n}"))
    store.commit()
    pages = store.iter_pages()
    first = next(pages)
    # the rest waits on the server, in a cursor that also outlives a commit meanwhile
    assert store.db.execute("SELECT count(*) FROM pg_cursors WHERE is_holdable").fetchone() == (1,)
    store.add_page(page("/late"))
    store.commit()
    assert [first.url, *(p.url for p in pages)] == [BASE + f"/p{n}" for n in range(5)]
    assert store.db.execute("SELECT count(*) FROM pg_cursors").fetchone() == (0,)
    store.close()


def test_clear_empties_a_shared_database_for_the_next_run(postgres_url):  # noqa: F811
    store = Store(postgres_url)
    fill(store)
    store.clear()
    assert (store.count_pages(), store.known_urls(), store.run_info(), store.sitemap_urls()) == (0, set(), {}, set())
    store.close()


def test_several_processes_opening_the_shared_database_at_once_all_get_the_schema(postgres_url):  # noqa: F811
    # opened again and again (each machine of a crawl opens it): the schema set-up is idempotent
    stores = [Store(postgres_url) for _ in range(3)]
    stores[0].clear()
    stores[1].add_page(page("/"))
    stores[1].commit()
    assert [s.count_pages() for s in stores] == [1, 1, 1]
    for s in stores:
        s.close()


def test_a_literal_percent_sign_survives_the_placeholder_translation(postgres_url):  # noqa: F811
    store = Store(postgres_url)
    assert store.db.execute("SELECT '100%' || ?", ("x",)).fetchone() == ("100%x",)
    store.close()


@pytest.mark.parametrize("url", ["postgresql://u@h/db", "postgres://u@h/db"])
def test_postgres_urls_choose_postgresql(url):
    from auditor.store.database import is_postgres

    assert is_postgres(url) and not is_postgres("/tmp/postgresql/run.sqlite")
