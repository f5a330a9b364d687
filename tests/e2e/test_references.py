"""Every reference checked as a search engine follows it: link targets besides stylesheets,
files named inside stylesheets and manifests, sitemaps and robots.txt, canonicals."""

from __future__ import annotations

import pytest

from tests.e2e.cli import load_result, run_cli
from tests.server import redirect, serve

pytestmark = pytest.mark.e2e

ROUTES = {"/old.html": redirect("/c.html")}


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    out = tmp_path_factory.mktemp("references")
    with serve("references", ROUTES) as (base, requests):
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(out), "--concurrency", "2")
        assert proc.returncode == 0, proc.stderr
        yield base, load_result(out), list(requests)


def found(result, audit_id, base):
    """(url path, message key, data) of an audit's findings, URLs made relative."""
    out = []
    for f in result["audits"][audit_id]["findings"]:
        data = {k: (v.removeprefix(base) if isinstance(v, str) else v) for k, v in f["data"].items()}
        out.append((f["url"].removeprefix(base), f["message_key"], data))
    return sorted(out, key=str)


def test_every_fetched_target_of_a_page_is_checked(audited):
    base, result, _ = audited
    broken = {(url, data["kind"], data["target"]) for url, key, data in found(result, "broken-resource", base)
              if key == "broken"}
    assert broken == {
        ("/index.html", "icon", "/favicon-missing.ico"),
        ("/index.html", "feed", "/feed-missing.xml"),
        ("/index.html", "share image", "/img/share-missing.jpg"),
        ("/index.html", "image", "/img/ok-2x-missing.png"),
        ("/index.html", "image", "/img/bg-missing.png"),
    }


def test_robots_blocked_script_is_reported_not_called_broken(audited):
    base, result, requests = audited
    blocked = [(url, data["target"]) for url, key, data in found(result, "broken-resource", base)
               if key == "blocked-by-robots"]
    assert blocked == [("/index.html", "/js/blocked.js")]
    # the finding names the line of robots.txt that blocks the script
    rule = next(data for _, key, data in found(result, "broken-resource", base) if key == "blocked-by-robots")
    assert (rule["rule"], rule["file"], rule["line"]) == ("Disallow: /js/", "/robots.txt", 3)
    assert not any(path.startswith("/js/") for _, path in requests)


def test_files_named_by_stylesheets_and_manifests(audited):
    base, result, _ = audited
    refs = {(url, data["kind"], data["target"]) for url, _, data in found(result, "broken-file-reference", base)}
    assert refs == {
        ("/css/site.css", "stylesheet", "/css/missing.css"),
        ("/css/site.css", "font", "/fonts/missing.woff2"),
        ("/site.webmanifest", "icon", "/icons/missing-512.png"),
    }


def test_each_distinct_url_is_requested_once(audited):
    _, _, requests = audited
    paths = [path for _, path in requests if path in ("/img/ok.png", "/icons/touch.png", "/css/site.css")]
    assert sorted(paths) == ["/css/site.css", "/icons/touch.png", "/img/ok.png"]


def test_sitemaps_named_in_robots_txt(audited):
    base, result, _ = audited
    assert found(result, "sitemap", base) == [
        ("/news-sitemap.xml", "failed", {"source": "robots.txt", "status": 404, "target": "/news-sitemap.xml"}),
        ("/sitemap.xml", "offsite-urls", {"offsite": 1, "source": "robots.txt", "target": "/sitemap.xml", "urls": 6}),
    ]


def test_sitemap_entries_with_their_line(audited):
    base, result, _ = audited
    entries = {(url, key, data["line"]) for url, key, data in found(result, "sitemap-entries", base)}
    assert entries == {("/old.html", "redirects", 5), ("/gone.html", "broken", 6), ("/dup.html", "canonicalised", 7)}


def test_linked_page_blocked_by_robots(audited):
    base, result, _ = audited
    assert found(result, "robots-blocked-page", base) == [
        ("/private/secret.html", "blocked",
         {"count": 1, "sources": "/index.html", "rule": "Disallow: /private/", "file": "/robots.txt", "line": 2})]


def test_canonicals_as_google_reads_them(audited):
    base, result, _ = audited
    canon = {(url, key) for url, key, _ in found(result, "canonical", base)}
    assert canon == {
        ("/fa/page.html", "other-language"),  # Persian page -> its English twin
        ("/a.html", "chain"),  # a -> b -> c
        ("/dup.html", "target-noindex"),
    }
    other = next(data for url, key, data in found(result, "canonical", base) if key == "other-language")
    assert other["lang"] == "fa" and other["target_lang"] == "en" and other["status"] == 200
    # true negatives: a canonical without the tracking parameter; a hreflang cluster's self-canonical
    flagged = {url for url, *_ in found(result, "canonical", base)}
    assert "/track.html?utm_source=mail" not in flagged and "/en/page.html" not in flagged
