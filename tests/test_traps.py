"""Crawl-trap detection (spiders/traps.py) and how the store keeps what it cut."""

from __future__ import annotations

from auditor.model import PageRecord
from auditor.store.runs import Store
from spiders.traps import TrapGuard, TrapLimits, without_session

SITE = "https://shop.example"


def test_defaults():
    assert TrapLimits() == TrapLimits(max_url_length=2048, max_path_repeats=2, max_query_variants=100)


def test_calendar_is_capped_after_its_budget_of_self_linked_variants():
    guard = TrapGuard(TrapLimits(max_query_variants=3))
    assert guard.admit(f"{SITE}/calendar?month=1", SITE + "/") is None  # linked from home: not counted
    admitted = [guard.admit(f"{SITE}/calendar?month={m}", f"{SITE}/calendar?month={m - 1}") for m in (2, 3, 4)]
    assert admitted == [None, None, None]
    cut = guard.admit(f"{SITE}/calendar?month=5", f"{SITE}/calendar?month=4")
    assert (cut.kind, cut.pattern, cut.url) == ("query-variants", f"{SITE}/calendar?month=*", f"{SITE}/calendar?month=5")


def test_a_listing_linking_many_variants_is_not_a_trap():
    guard = TrapGuard(TrapLimits(max_query_variants=3))
    assert all(guard.admit(f"{SITE}/product?id={i}", f"{SITE}/category/tea") is None for i in range(500))


def test_session_ids_in_query_and_path_are_cut_once_the_bare_url_is_known():
    guard = TrapGuard()
    assert guard.admit(f"{SITE}/account/", SITE + "/") is None
    cut = guard.admit(f"{SITE}/account/?sid=5f2a&tab=orders", f"{SITE}/account/")
    assert cut is None  # another tab: a different page once the session ID is gone
    cut = guard.admit(f"{SITE}/account/?tab=orders&sid=77aa", f"{SITE}/account/")
    assert (cut.kind, cut.pattern) == ("session-id", f"{SITE}/account (sid)")
    assert guard.admit(f"{SITE}/cart;jsessionid=A1", SITE + "/") is None
    cut = guard.admit(f"{SITE}/cart;jsessionid=B2", f"{SITE}/cart;jsessionid=A1")
    assert (cut.kind, cut.pattern) == ("session-id", f"{SITE}/cart (jsessionid)")


def test_without_session_keeps_other_parameters():
    assert without_session(f"{SITE}/p;jsessionid=X?PHPSESSID=1&page=2") == (f"{SITE}/p?page=2", True)
    assert without_session(f"{SITE}/p?page=2") == (f"{SITE}/p?page=2", False)


def test_repeated_folders_are_cut_at_the_third_repeat():
    guard = TrapGuard()
    assert guard.admit(f"{SITE}/docs/a/b/a/b/") is None
    cut = guard.admit(f"{SITE}/docs/a/b/a/b/a/b/")
    assert (cut.kind, cut.pattern) == ("repeated-path", f"{SITE}/\u2026/a/b/\u2026")
    assert guard.admit(f"{SITE}/x/x/x").kind == "repeated-path"
    assert guard.admit(f"{SITE}/2024/01/01/") is None  # equal values, not a repeated run


def test_long_urls_are_cut():
    guard = TrapGuard(TrapLimits(max_url_length=100))
    assert guard.admit(f"{SITE}/grow/" + "g" * 60) is None
    cut = guard.admit(f"{SITE}/grow/" + "g" * 100)
    assert (cut.kind, cut.pattern) == ("long-url", f"{SITE}/grow\u2026 (over 100 characters)")


def test_noted_urls_count_for_sessions_on_resume():
    guard = TrapGuard()
    guard.note(f"{SITE}/basket")
    assert guard.admit(f"{SITE}/basket?sessionid=9", f"{SITE}/basket").kind == "session-id"


def test_store_groups_cut_urls_by_pattern_and_forgets_those_crawled_later(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    for month in (7, 8, 9):
        store.add_trap(f"{SITE}/calendar?month={month}", "query-variants", f"{SITE}/calendar?month=*",
                       f"{SITE}/calendar?month={month - 1}")
    store.add_trap(f"{SITE}/calendar?month=7", "query-variants", f"{SITE}/calendar?month=*", "ignored: already stored")
    store.add_trap(f"{SITE}/cart;jsessionid=B", "session-id", f"{SITE}/cart (jsessionid)", f"{SITE}/cart;jsessionid=A")
    store.add_page(PageRecord(url=f"{SITE}/calendar?month=9", status=200))  # reached later through another link
    store.commit()
    assert store.traps() == [
        {"kind": "query-variants", "pattern": f"{SITE}/calendar?month=*", "cut": 2,
         "example": f"{SITE}/calendar?month=7", "source": f"{SITE}/calendar?month=6"},
        {"kind": "session-id", "pattern": f"{SITE}/cart (jsessionid)", "cut": 1,
         "example": f"{SITE}/cart;jsessionid=B", "source": f"{SITE}/cart;jsessionid=A"},
    ]
    store.close()
