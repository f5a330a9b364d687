"""The real CLI against a server that fights back (tests/hostile_server.py): every URL
gets a record that says what happened, nothing else is lost, and the crawl ends."""

from __future__ import annotations

import json
import random
import sqlite3

import pytest

from tests.e2e.cli import load_result, run_cli
from tests.hostile_server import (
    ARABIC_TITLE, CHAIN_HOPS, HOME_LINKS, LINKS_ON_PAGE, PLAIN_PAGES, ROBOTS, gzip_bomb, hostile_site, serve_hostile,
)

pytestmark = pytest.mark.e2e

TIMEOUT = 2  # --timeout: the stalled response sleeps far longer
VARIANTS = 5  # --max-query-variants: keeps the endless calendar short


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    gzip_bomb()  # built before the clock runs
    with serve_hostile(hostile_site()) as server:
        proc = run_cli("audit", server.base_url + "/", "--out", str(out), "--render", "none",
                       "--timeout", str(TIMEOUT), "--max-query-variants", str(VARIANTS), timeout=240)
        log = list(server.log)
        base = server.base_url
    assert proc.returncode == 0, proc.stderr
    result = load_result(out)
    pages = {p["url"].removeprefix(base): p for p in result["pages"]}
    yield base, result, pages, log, out


def requested(log, path):
    return [hit for hit in log if hit.path == path]


def test_every_plain_page_is_crawled_and_audited(hostile):
    _, result, pages, *_ = hostile
    for path in ["/", *PLAIN_PAGES]:
        assert pages[path]["status"] == 200 and pages[path]["error"] is None, path
    assert result["run"]["counts"]["html_pages"] >= 1 + len(PLAIN_PAGES)
    assert result["run"]["crawl_finish_reason"] == "finished"
    assert all(audit["errors"] == [] for audit in result["audits"].values())


def test_every_link_of_the_home_page_has_a_record(hostile):
    _, _, pages, *_ = hostile
    recorded = {path for path in pages}
    assert set(HOME_LINKS) <= recorded


def test_redirect_chain_recorded_hop_by_hop(hostile):
    base, result, pages, *_ = hostile
    for n in range(1, CHAIN_HOPS + 1):
        target = f"/chain/{n + 1}" if n < CHAIN_HOPS else "/chain/end"
        assert pages[f"/chain/{n}"]["status"] == (302 if n % 2 else 301)
        assert pages[f"/chain/{n}"]["redirect_to"] == base + target
    findings = {f["url"].removeprefix(base): f for f in result["audits"]["redirect-chain"]["findings"]}
    assert set(findings) == {"/chain/1", "/loop-a"}
    assert findings["/chain/1"]["message_key"] == "chain" and findings["/chain/1"]["data"]["hops"] == CHAIN_HOPS
    assert findings["/loop-a"]["message_key"] == "loop"
    assert findings["/loop-a"]["data"]["path"] == f"{base}/loop-a \u2192 {base}/loop-b \u2192 {base}/loop-a"


def test_redirect_loop_is_fetched_once_per_url(hostile):
    _, _, pages, log, _ = hostile
    assert pages["/loop-a"]["redirect_to"].endswith("/loop-b") and pages["/loop-b"]["redirect_to"].endswith("/loop-a")
    assert len(requested(log, "/loop-a")) == 1 and len(requested(log, "/loop-b")) == 1


def test_traps_are_capped_and_reported(hostile):
    base, result, pages, log, out = hostile
    calendar = sorted(int(p.split("=")[1]) for p in pages if p.startswith("/calendar?month="))
    assert calendar == list(range(1, VARIANTS + 2))  # month 1 from home, then VARIANTS self-linked ones
    assert not any(h.path == f"/calendar?month={VARIANTS + 2}" for h in log)
    assert len([h for h in log if h.path.startswith("/session/")]) == 1
    assert len([h for h in log if h.path.startswith("/cart")]) == 1
    assert sorted(p for p in pages if p.startswith("/repeat/")) == ["/repeat/", "/repeat/a/b/", "/repeat/a/b/a/b/"]
    assert max(len(base + p) for p in pages if p.startswith("/grow/")) <= 2048
    findings = {f["message_key"]: f for f in result["audits"]["crawl-trap"]["findings"]}
    assert sorted(findings) == ["long-url", "query-variants", "repeated-path", "session-id"]
    by_source = sorted((f["url"].removeprefix(base)[:12], f["message_key"], f["data"]["cut"])
                       for f in result["audits"]["crawl-trap"]["findings"])
    assert by_source == [
        ("/calendar?mo", "query-variants", 1), ("/cart;jsessi", "session-id", 1),
        ("/grow/gggggg", "long-url", 1), ("/repeat/a/b/", "repeated-path", 1), ("/session/", "session-id", 1),
    ]
    assert findings["query-variants"]["data"]["pattern"] == base + "/calendar?month=*"
    assert findings["query-variants"]["data"]["example"] == f"{base}/calendar?month={VARIANTS + 2}"
    assert result["audits"]["crawl-trap"]["score"] == 0.0
    with sqlite3.connect(out / "run.sqlite") as db:  # what the store keeps: one row per URL not crawled
        kinds = sorted(kind for (kind,) in db.execute("SELECT kind FROM traps"))
    assert kinds == ["long-url", "query-variants", "repeated-path", "session-id", "session-id"]


def test_stalled_response_times_out(hostile):
    _, _, pages, log, _ = hostile
    assert pages["/stall"]["status"] is None
    assert pages["/stall"]["error"] == f"timed out: no complete answer within {float(TIMEOUT)} s (DOWNLOAD_TIMEOUT)"
    assert len(requested(log, "/stall")) == 2  # tried, then retried once (RETRY_TIMES = 1)


def test_huge_page_is_capped(hostile):
    _, _, pages, log, _ = hostile
    assert pages["/huge"]["error"] == ("too large: the response is bigger than the 8 MB download limit"
                                       " (DOWNLOAD_MAXSIZE), so it was not read")
    assert len(requested(log, "/huge")) == 1  # not retried


def test_gzip_bomb_is_capped(hostile):
    _, _, pages, *_ = hostile
    assert pages["/bomb"]["error"] == ("too large: the compressed body unpacks to more than the 8 MB download limit"
                                       " (DOWNLOAD_MAXSIZE), so it was not read (a compression bomb?)")


def test_binary_served_as_html(hostile):
    _, _, pages, *_ = hostile
    binary = pages["/binary"]
    assert binary["status"] == 200 and binary["is_html"] is True
    assert binary["error"] == "binary data served as HTML (control bytes, not text): not parsed"
    assert binary["title"] is None and binary["word_count"] == 0


@pytest.mark.parametrize("path, charset", [("/arabic/cp1256", "cp1256"), ("/arabic/iso-8859-6", "iso8859-6")])
def test_undeclared_arabic_code_pages_decode(hostile, path, charset):
    _, _, pages, *_ = hostile
    assert pages[path]["charset"] == charset
    assert pages[path]["title"] == ARABIC_TITLE and pages[path]["error"] is None


def test_deep_nesting_is_recorded(hostile):
    _, _, pages, *_ = hostile
    nested = pages["/nested"]
    assert nested["status"] == 200 and nested["title"] == "Deeply nested"
    assert nested["error"] == ("HTML nested more than 255 elements deep: the parser stops there, so the rest of the"
                               " page was not read")


def test_malformed_html_is_read(hostile):
    _, _, pages, *_ = hostile
    malformed = pages["/malformed"]
    assert malformed["status"] == 200 and malformed["error"] is None
    assert malformed["title"] == "Malformed <b>page"


def test_ten_thousand_links_are_kept(hostile):
    base, _, pages, _, out = hostile
    with sqlite3.connect(out / "run.sqlite") as db:
        (record,) = db.execute("SELECT record FROM records WHERE url = ?", (base + "/links",)).fetchone()
        edges = db.execute("SELECT COUNT(*) FROM links WHERE src = ?", (base + "/links",)).fetchone()[0]
    assert len(json.loads(record)["links"]) == LINKS_ON_PAGE
    assert edges == 20  # the link graph keeps each target once
    assert pages["/links/t19.html"]["depth"] == 2


def test_retry_after_is_honoured(hostile):
    _, _, pages, log, out = hostile
    first, retry = requested(log, "/too-many")
    assert retry.at - first.at >= 2.0  # Retry-After: 2
    assert pages["/too-many"]["status"] == 200
    first, retry = requested(log, "/unavailable")
    assert retry.at - first.at >= 2.0
    assert pages["/unavailable"]["status"] == 503
    with sqlite3.connect(out / "run.sqlite") as db:
        (record,) = db.execute("SELECT record FROM records WHERE url LIKE '%/unavailable'").fetchone()
    assert json.loads(record)["headers"]["retry-after"] == "2"


def test_dropped_connections(hostile):
    _, _, pages, log, _ = hostile
    assert pages["/reset"]["error"] == "connection reset by the server before it answered (no HTTP response)"
    assert pages["/hangup"]["error"] == "connection closed by the server before it answered (no HTTP response)"
    assert len(requested(log, "/reset")) == 2 and len(requested(log, "/hangup")) == 2


def test_robots_txt_obeyed(hostile):
    _, _, pages, log, _ = hostile
    assert pages["/private/secret.html"]["error"] == "disallowed by robots.txt"
    assert not requested(log, "/private/secret.html")


# -- robots.txt that fights back: separate small crawls -------------------------------

SMALL_HOME = ('<a href="/ok/1.html">one</a> <a href="/private/secret.html">private</a>'
              ' <a href="/late/page.html">late</a>')


def small_site(robots: bytes) -> dict:
    routes = hostile_site(robots)
    routes["/"] = lambda h: h.page("Small home", SMALL_HOME)
    routes["/late/*"] = routes["/ok/*"]
    return routes


def crawl_small(tmp_path, robots: bytes):
    with serve_hostile(small_site(robots)) as server:
        proc = run_cli("audit", server.base_url + "/", "--out", str(tmp_path), "--render", "none", timeout=120)
        log = list(server.log)
        base = server.base_url
    assert proc.returncode == 0, proc.stderr
    pages = {p["url"].removeprefix(base): p for p in load_result(tmp_path)["pages"]}
    return pages, {h.path for h in log}


def test_huge_robots_txt_is_read_up_to_500_kib(tmp_path):
    filler = b"".join(b"Disallow: /junk/%07d/\n" % i for i in range(250_000))
    robots = ROBOTS + filler + b"Disallow: /late/\n"
    assert len(robots) > 5 * 1024 * 1024
    pages, fetched = crawl_small(tmp_path, robots)
    assert pages["/ok/1.html"]["status"] == 200
    assert pages["/private/secret.html"]["error"] == "disallowed by robots.txt" and "/private/secret.html" not in fetched
    assert pages["/late/page.html"]["status"] == 200  # its rule sits past the first 500 KiB


def test_binary_robots_txt_means_no_rules(tmp_path):
    pages, fetched = crawl_small(tmp_path, random.Random(9).randbytes(32 * 1024))
    assert {path: pages[path]["status"] for path in ("/", "/ok/1.html", "/private/secret.html", "/late/page.html")} == {
        "/": 200, "/ok/1.html": 200, "/private/secret.html": 200, "/late/page.html": 200,
    }
