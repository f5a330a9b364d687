"""Pages analysed during the crawl (auditor/facts/ahead.py): the audit pass takes an
analysis made ahead only where it read the same text, and the process following the
store is gone when stopped, with its files."""

from __future__ import annotations

import copy
import json
import os
import sqlite3
import time

from auditor.facts.ahead import Ahead, Follower, Made
from auditor.facts.audit_process import PagePass
from auditor.facts.computed import Computed, analysis_key, boilerplate_blocks
from auditor.facts.runner import AuditRun
from auditor.result import page_summary
from auditor.store.runs import Store
from tests.factories import make_page, make_site
from tests.test_computed import pages_with

FOOTER = "جميع الحقوق محفوظة لمتجر القهوة"


def stored(path, pages) -> Store:
    store = Store(path)
    for page in pages:
        store.add_page(page)
    store.commit()
    return store


def follow(store: Store, path) -> Made:
    follower = Follower(store.path, str(path))
    while follower.step():
        pass
    return Made(str(path))


def summaries(pages, made: Made | None) -> list[dict]:
    run = AuditRun(make_site(pages))
    page_pass = PagePass(Computed(boilerplate_blocks(pages)), {}, run.page_audits, page_summary, made)
    return [json.loads(s) for s in page_pass(copy.deepcopy(pages)).summaries]


def scored_1234(path) -> None:
    """Every analysis made ahead rewritten with a readability score no text has."""
    db = sqlite3.connect(path)
    for key, facts in list(db.execute("SELECT key, facts FROM made")):
        facts = json.loads(facts)
        facts["facts"]["readability"]["score"] = 1234
        db.execute("UPDATE made SET facts = ? WHERE key = ?", (json.dumps(facts), key))
    db.commit()
    db.close()


def test_the_audit_pass_gives_the_same_result_with_the_analyses_made_ahead(tmp_path):
    pages = pages_with(FOOTER, 12) + [make_page("/en.html", lang="en", text="Short one. " * 20),
                                      make_page("/gone.html", status=404, text="Not found")]
    made = follow(stored(tmp_path / "run.sqlite", pages), tmp_path / "ahead")
    assert len(made.get_many(["not a digest"])) == 0
    assert summaries(pages, made) == summaries(pages, None)
    # ... and it did take them: rewritten, they show
    scored_1234(tmp_path / "ahead")
    assert {p["readability"]["score"] for p in summaries(pages, made) if p["status"] == 200} == {1234}


def test_a_page_analysed_before_its_boilerplate_was_known_is_analysed_again(tmp_path):
    pages = pages_with(FOOTER, 8)
    store = stored(tmp_path / "run.sqlite", pages[:2])  # too few pages to tell the footer repeats
    follower = Follower(store.path, str(tmp_path / "ahead"))
    while follower.step():
        pass
    for page in pages[2:]:
        store.add_page(page)
    store.commit()
    while follower.step():
        pass
    scored_1234(tmp_path / "ahead")
    scores = [p["readability"]["score"] for p in summaries(pages, Made(str(tmp_path / "ahead")))]
    # the first two were analysed with the footer in their text: not what the pass reads
    assert scores[2:] == [1234] * 6
    assert scores[:2] == [p["readability"]["score"] for p in summaries(pages[:2] + pages[2:], None)][:2]
    assert 1234 not in scores[:2]


def test_the_digest_reads_all_the_analysis_reads():
    page = make_page("/a.html", lang="ar", title="عنوان", text="نص الصفحة")
    blocks = ["نص الصفحة"]
    key = analysis_key(page, blocks)
    assert analysis_key(copy.deepcopy(page), list(blocks)) == key
    assert analysis_key(page, ["نص", "الصفحة"]) != key  # the same words, other paragraphs
    for change in ({"title": "آخر"}, {"lang": "fa"}, {"headings": [{"level": 1, "text": "عنوان"}]}):
        assert analysis_key(make_page("/a.html", **{"lang": "ar", "title": "عنوان", "text": "نص الصفحة", **change}),
                            blocks) != key


def test_the_process_follows_the_store_as_the_crawl_commits_and_is_gone_with_its_files_when_stopped(tmp_path):
    path = str(tmp_path / "run.sqlite")
    ahead = Ahead(path)  # before the store exists, as before a crawl
    pages = pages_with(FOOTER, 6)
    store = stored(path, pages)
    computed = Computed(boilerplate_blocks(pages))
    keys = [analysis_key(page, computed.main_text(page)) for page in copy.deepcopy(pages)]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        made = Made(ahead.path) if os.path.exists(ahead.path) else None
        if made and len(made.get_many(keys)) == len(keys):
            break
        time.sleep(0.1)
    process = ahead._process
    made = ahead.stop()
    assert made is not None and len(made.get_many(keys)) == len(keys)
    assert not process.is_alive()
    ahead.remove()
    assert not [name for name in os.listdir(tmp_path) if "ahead" in name]
    store.close()


def test_no_analysis_made_is_no_analysis_taken(tmp_path):
    ahead = Ahead(str(tmp_path / "run.sqlite"))  # no crawl ever makes the store
    assert ahead.stop() is None
    ahead.remove()
    assert os.listdir(tmp_path) == []
