"""Retry-After handling and the robots.txt size cap (spiders/middlewares.py)."""

from __future__ import annotations

import random
from datetime import datetime, timezone

import pytest
from scrapy import Request
from scrapy.http import Response
from scrapy.settings import Settings

from spiders import settings as project_settings
from spiders.middlewares import MAX_ROBOTS_BYTES, RetryAfterMiddleware, RobotsParser, retry_after_seconds

URL = "https://shop.example/page"


def middleware(**overrides) -> RetryAfterMiddleware:
    settings = Settings()
    settings.setmodule(project_settings)
    settings.setdict(overrides)
    return RetryAfterMiddleware(settings)


def answer(status: int, retry_after: str | None) -> Response:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return Response(URL, status=status, headers=headers)


@pytest.mark.parametrize("status, header, wait", [
    (429, "2", 2.0),
    (503, "7", 7.0),
    (503, "3600", 60.0),  # capped at AUDITOR_RETRY_AFTER_MAX
    (429, None, 0.0),
    (429, "soon", 0.0),
    (404, "2", 0.0),  # not a status that is retried
    (200, "2", 0.0),
])
def test_wait_before_a_retry(status, header, wait):
    assert middleware().wait_for(Request(URL), answer(status, header)) == wait


def test_no_wait_when_no_retry_follows():
    mw = middleware()
    assert mw.wait_for(Request(URL, meta={"retry_times": 1}), answer(429, "2")) == 0.0  # RETRY_TIMES = 1: spent
    assert mw.wait_for(Request(URL, meta={"dont_retry": True}), answer(429, "2")) == 0.0
    assert middleware(RETRY_ENABLED=False).wait_for(Request(URL), answer(429, "2")) == 0.0


def test_cap_is_a_setting():
    assert middleware(AUDITOR_RETRY_AFTER_MAX=5).wait_for(Request(URL), answer(503, "30")) == 5.0


def test_retry_after_as_http_date():
    now = datetime(2026, 3, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert retry_after_seconds("Sun, 01 Mar 2026 12:00:45 GMT", now) == 45.0
    assert retry_after_seconds("Sun, 01 Mar 2026 11:00:00 GMT", now) == 0.0  # already past
    assert retry_after_seconds(b"12") == 12.0
    assert retry_after_seconds(None) is None


def test_registered_just_outside_retry_middleware():
    # process_response runs from the highest number down: 555 sees the answer before Retry (550)
    assert project_settings.DOWNLOADER_MIDDLEWARES["spiders.middlewares.RetryAfterMiddleware"] == 555


def test_robots_parser_reads_only_the_first_500_kib_in_whole_lines():
    head = b"User-agent: *\nDisallow: /private/\n"
    filler = b"".join(b"# line %d of padding\n" % i for i in range(300_000))
    body = head + filler + b"Disallow: /late/\n"
    assert len(body) > 5_000_000
    parser = RobotsParser(body)
    assert not parser.allowed("https://shop.example/private/x", "auditor")
    assert parser.allowed("https://shop.example/late/x", "auditor")  # past the first 500 KiB
    assert parser.allowed("https://shop.example/public", "auditor")
    small = RobotsParser(b"User-agent: *\nDisallow: /late/\n")
    assert not small.allowed("https://shop.example/late/x", "auditor")
    assert MAX_ROBOTS_BYTES == 512_000


def test_robots_parser_treats_binary_junk_as_no_rules():
    parser = RobotsParser(random.Random(7).randbytes(64 * 1024))
    assert parser.allowed("https://shop.example/private/x", "auditor")
