"""Pages parsed in worker processes during a crawl (auditor/gather/extract_process.py)."""

import asyncio
import gc
import multiprocessing
import os
import signal

import pytest

from auditor.gather.extract import extract
from auditor.gather.extract_process import Extractor
from auditor.model import PageRecord

PAGE = ('<html lang="ar" dir="rtl"><head><title>متجر</title></head><body><nav><a href="/a">أ</a></nav>'
        '<main><h1>مرحبا</h1><p>نص عربي مع SKU-123 و info@example.com.</p><img src="/i.png"></main></body></html>').encode()


def record() -> PageRecord:
    return PageRecord(url="http://127.0.0.1:8000/", status=200, is_html=True, headers={"content-type": "text/html"})


@pytest.fixture
def extractor():
    extractor = Extractor()
    yield extractor
    extractor.close()
    gc.unfreeze()


def test_the_worker_gives_the_record_extract_gives(extractor):
    assert extractor.pool is not None
    worker_pid = extractor.pool.submit(os.getpid).result()
    assert worker_pid != os.getpid()
    parsed = asyncio.run(extractor.extract(record(), PAGE, "text/html; charset=utf-8"))
    assert parsed == extract(record(), PAGE, "text/html; charset=utf-8")
    assert parsed.links and parsed.facts["rtl"]["checked"]


def test_objects_alive_at_the_fork_stay_out_of_the_collectors_visits_in_both_processes(extractor):
    # so that neither process copies the pages it shares with the other
    assert gc.get_freeze_count() > 0
    assert extractor.pool.submit(gc.get_freeze_count).result() > 0


def test_an_error_in_the_worker_is_raised_as_extract_raises_it(extractor):
    with pytest.raises(Exception) as here:
        extract(record(), "not bytes", None)
    with pytest.raises(here.type) as there:
        asyncio.run(extractor.extract(record(), "not bytes", None))
    assert str(there.value) == str(here.value)


def test_pages_are_parsed_here_once_the_workers_are_killed(extractor):
    for worker in multiprocessing.active_children():
        os.kill(worker.pid, signal.SIGKILL)
    parsed = asyncio.run(extractor.extract(record(), PAGE, None))
    assert extractor.pool is None and parsed.title == "متجر"


def test_two_workers_parse_a_static_crawl_and_one_a_rendered_crawl(extractor):
    assert len(multiprocessing.active_children()) == 2
    extractor.close()
    rendered = Extractor(rendered=True)
    try:
        assert len(multiprocessing.active_children()) == 1
    finally:
        rendered.close()


def test_a_page_that_parses_past_the_time_limit_is_given_up_and_the_next_is_parsed(monkeypatch):
    monkeypatch.setattr("auditor.gather.extract_process.TIME_LIMIT", 1.0)
    extractor = Extractor()
    try:
        huge = b"<html><body>" + b"<p><a href='/x'>link</a> words " * 200_000 + b"</body></html>"  # ~3 s to parse
        with pytest.raises(TimeoutError, match="longer than 1 s"):
            asyncio.run(extractor.extract(record(), huge, None))
        parsed = asyncio.run(extractor.extract(record(), PAGE, None))
        assert extractor.pool is not None and parsed.title == "متجر"  # parsed by the new worker
    finally:
        extractor.close()
        gc.unfreeze()
