"""The audit pass in worker processes (auditor/facts/audit_process.py): the same result
as the pass run here, in page order, from stored rows."""

from __future__ import annotations

import copy
import json
import multiprocessing
import os
import signal
import time

from auditor.facts.audit_process import WORKERS, PagePass, audited_batches
from auditor.facts.computed import Computed, boilerplate_blocks
from auditor.facts.runner import BATCH, AuditRun, run_audits
from auditor.result import page_summary
from auditor.store.runs import Store
from tests.factories import make_page, make_site
from tests.test_computed import pages_with


def site_pages() -> list:
    pages = pages_with("جميع الحقوق محفوظة لمتجر القهوة", 2 * BATCH + 7)
    pages += [make_page("/en.html", lang="en", title="", text="Short one. " * 20 + "A much longer sentence follows here. " * 10),
              make_page("/gone.html", status=404, text="Not found", word_count=2),
              make_page("/broken.html", error="extraction failed", text="x y z", word_count=3)]
    pages[3].title = "Lorem ipsum dolor sit amet"  # a finding on the fourth page
    return pages


def audit(pages, workers: int) -> tuple[dict, list[dict], int]:
    boilerplate = boilerplate_blocks(pages)
    site = make_site(pages)
    run = AuditRun(site)
    page_pass = PagePass(Computed(boilerplate), {pages[1].url: 7}, run.page_audits, page_summary)
    summaries, html_pages = [], 0
    for batch in audited_batches(copy.deepcopy(pages), page_pass, workers=workers):
        run.spill.add_encoded("pages", batch.summaries)
        run.add(batch.tallies)
        html_pages += batch.html_pages
    return run.result(), list(run.spill.rows("pages")), html_pages


def test_workers_give_what_the_pass_gives_here_in_page_order():
    pages = site_pages()
    there, there_pages, there_html = audit(pages, WORKERS)
    here, here_pages, here_html = audit(pages, 0)
    assert [p["url"] for p in there_pages] == [p.url for p in pages]
    assert there_pages == here_pages and there_html == here_html == len(pages) - 1  # all but the 404
    assert there_pages[1]["inlinks"] == 7 and there_pages[0]["language"]["lang"] == "ar"
    for audit_id, result in here["audits"].items():
        assert list(there["audits"][audit_id]["findings"]) == list(result["findings"]), audit_id
        assert {k: v for k, v in there["audits"][audit_id].items() if k != "findings"} == \
               {k: v for k, v in result.items() if k != "findings"}, audit_id
    assert there["categories"] == here["categories"]
    placeholder = there["audits"]["placeholder-content"]["findings"]
    assert [f["url"] for f in placeholder] == [pages[3].url]


def test_run_audits_here_matches_the_workers():
    pages = site_pages()
    boilerplate = boilerplate_blocks(pages)
    computed = [Computed(boilerplate)(p) for p in copy.deepcopy(pages)]
    here = run_audits(computed, make_site(pages))
    there, _, _ = audit(pages, WORKERS)
    assert {a: r["score"] for a, r in here["audits"].items()} == {a: r["score"] for a, r in there["audits"].items()}


def test_stored_rows_are_read_in_the_workers(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    pages = site_pages()
    for page in pages:
        store.add_page(page)
    store.commit()
    run = AuditRun(make_site(pages))
    page_pass = PagePass(Computed(), {}, run.page_audits, page_summary)
    urls = [url for batch in audited_batches(store.page_rows(), page_pass) for url in
            (json.loads(s)["url"] for s in batch.summaries)]
    assert urls == [p.url for p in pages]


def test_stopping_early_ends_the_workers():
    pages = site_pages()
    run = AuditRun(make_site(pages))
    stream = audited_batches(pages, PagePass(Computed(), {}, run.page_audits, page_summary))
    assert len(next(stream).summaries) == BATCH
    assert len(multiprocessing.active_children()) == WORKERS
    stream.close()  # the audit pass stopped (Ctrl-C) or failed: the workers are shut down
    assert multiprocessing.active_children() == []


def test_no_pages():
    run = AuditRun(make_site([]))
    assert list(audited_batches(iter([]), PagePass(Computed(), {}, run.page_audits, page_summary))) == []


def test_a_killed_worker_loses_no_page():
    pages = pages_with("جميع الحقوق محفوظة لمتجر القهوة", 8 * BATCH)
    run = AuditRun(make_site(pages))
    stream = audited_batches(pages, PagePass(Computed(), {}, run.page_audits, page_summary))
    urls = [json.loads(s)["url"] for s in next(stream).summaries]
    for worker in multiprocessing.active_children():
        os.kill(worker.pid, signal.SIGKILL)  # out of memory, say
    urls += [json.loads(s)["url"] for batch in stream for s in batch.summaries]
    assert urls == [p.url for p in pages]
    assert multiprocessing.active_children() == []


class StuckOn(PagePass):
    """The pass, stuck on one page as on a pattern gone quadratic."""

    stuck = ""

    def __call__(self, rows):
        if any(row.url == self.stuck for row in rows):
            time.sleep(300)
        return super().__call__(rows)


def test_a_page_that_holds_its_batch_past_the_time_limit_is_given_up_alone():
    pages = pages_with("جميع الحقوق محفوظة لمتجر القهوة", 3 * BATCH)
    run = AuditRun(make_site(pages))
    page_pass = StuckOn(Computed(), {}, run.page_audits, page_summary)
    page_pass.stuck = pages[BATCH + 3].url  # in the second batch
    started = time.monotonic()
    batches = list(audited_batches(pages, page_pass, time_limit=1))
    assert time.monotonic() - started < 30
    summaries = [json.loads(s) for batch in batches for s in batch.summaries]
    assert [s["url"] for s in summaries] == [p.url for p in pages]  # every page, in order
    given_up = [s for s in summaries if s.get("error")]
    assert [s["url"] for s in given_up] == [page_pass.stuck] and "longer than 1 s" in given_up[0]["error"]
    assert "language" in summaries[BATCH + 4] and "language" not in given_up[0]  # its neighbours were audited
    for batch in batches:
        run.add(batch.tallies)
    errors = {audit_id: [e["url"] for e in result["errors"]] for audit_id, result in run.result()["audits"].items()
              if audit_id in ("document-title", "readability")}
    assert errors == {"document-title": [page_pass.stuck], "readability": [page_pass.stuck]}
    assert multiprocessing.active_children() == []
