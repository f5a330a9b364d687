"""Sites built with JavaScript, crawled as a visitor's browser shows them (--js)."""

from __future__ import annotations

import json
import sqlite3
from unittest.mock import ANY
from urllib.parse import urlsplit

import pytest

from auditor.demo import serve_site
from auditor.urls import MISSING_PAGE_PATH
from benchmarks.sites import generate
from tests.e2e.cli import load_result, run_cli
from tests.server import SITES, FixtureHandler, serve

pytestmark = pytest.mark.e2e

SHELL = (SITES / "spa" / "index.html").read_bytes()
HTML = {"Content-Type": "text/html; charset=utf-8"}
ROUTES = ("/about", "/pricing", "/contact", "/old-offer")


def audit(site: str, out, *options: str, routes: dict | None = None):
    with serve(site, routes) as (base, requests):
        proc = run_cli("audit", "--render", "none", base + "/", "--out", str(out), *options)
    assert proc.returncode == 0, proc.stderr
    return base, load_result(out), requests


def by_path(result: dict, base: str) -> dict[str, dict]:
    return {p["url"].removeprefix(base) or "/": p for p in result["pages"]}


def finding_paths(result: dict, audit_id: str, base: str) -> list[str]:
    return sorted(f["url"].removeprefix(base) or "/" for f in result["audits"][audit_id]["findings"])


@pytest.fixture(scope="module")
def history_app(tmp_path_factory):
    """Every route answered 200 with the app's shell (a history fallback)."""
    routes = {path: (200, HTML, SHELL) for path in (*ROUTES, MISSING_PAGE_PATH)}
    return audit("spa", tmp_path_factory.mktemp("spa"), routes=routes)


def test_a_single_page_app_is_crawled_through_the_links_its_script_writes(history_app):
    base, result, _ = history_app
    pages = by_path(result, base)
    assert sorted(pages) == ["/", "/about", "/contact", "/old-offer", "/pricing"]
    assert {path: page["depth"] for path, page in pages.items()} == {
        "/": 0, "/about": 1, "/contact": 1, "/old-offer": 1, "/pricing": 1}
    assert {path: page["js"]["reason"] for path, page in pages.items() if page["js"]["rendered"]} == {
        path: "shell" for path in pages}
    # the page is audited as a visitor sees it: the title and h1 the script writes
    assert pages["/pricing"]["title"] == "Prices and subscriptions | Oasis"
    assert pages["/pricing"]["js"]["html"]["title"] == "Loading…"
    assert finding_paths(result, "document-title", base) == []
    # the contact page is one click away once the menu exists
    assert [u.removeprefix(base) for u in result["run"]["touchpoints"]["contact"]["urls"]] == ["/contact"]


def test_script_audits_name_what_crawlers_without_scripts_miss(history_app):
    base, result, _ = history_app
    # the "not found" page the app shows has the menu too
    assert finding_paths(result, "js-only-links", base) == ["/", "/about", "/contact", "/old-offer", "/pricing"]
    first = next(f for f in result["audits"]["js-only-links"]["findings"] if f["url"].removeprefix(base) in ("/", ""))
    # the menu's five links, less its link to the page itself
    assert first["data"]["count"] == 4 and base + "/about" in first["data"]["links"]
    assert base + "/" not in first["data"]["links"]
    assert finding_paths(result, "rendered-head-changed", base) == ["/", "/about", "/contact", "/old-offer", "/pricing"]
    assert finding_paths(result, "js-only-content", base) == ["/", "/about", "/contact", "/old-offer", "/pricing"]
    uncrawlable = result["audits"]["crawlable-anchors"]["findings"]
    assert len(uncrawlable) == 5 and {f["data"]["count"] for f in uncrawlable} == {2}
    assert finding_paths(result, "soft-404", base) == ["/old-offer"]
    assert finding_paths(result, "spa-route-status", base) == []
    # an address that names no page gets the app too: every missing page is a soft 404
    [missing] = result["audits"]["missing-page-status"]["findings"]
    assert (missing["message_key"], missing["url"], missing["data"]["status"]) == ("answers-200", base + "/", 200)
    assert missing["data"]["url"] == base + MISSING_PAGE_PATH
    # the menu's button shows the app in Arabic, which has no URL
    assert finding_paths(result, "language-urls", base) == ["/", "/about", "/contact", "/old-offer", "/pricing"]
    assert {f["data"]["languages"] for f in result["audits"]["language-urls"]["findings"]} == {"ar"}


def test_without_scripts_the_app_is_one_empty_page(tmp_path):
    routes = {path: (200, HTML, SHELL) for path in ROUTES}
    base, result, _ = audit("spa", tmp_path, "--js", "never", routes=routes)
    pages = by_path(result, base)
    assert sorted(pages) == ["/"]
    assert pages["/"]["js"] == {"rendered": False}
    assert result["audits"]["js-only-links"]["findings"] == []


def test_routes_the_server_answers_404_are_found_when_the_app_shows_them(tmp_path):
    routes = {path: (404, HTML, SHELL) for path in ROUTES}
    base, result, _ = audit("spa", tmp_path, routes=routes)
    assert finding_paths(result, "spa-route-status", base) == ["/about", "/contact", "/pricing"]
    finding = next(f for f in result["audits"]["spa-route-status"]["findings"] if f["url"].endswith("/about"))
    assert finding["data"]["status"] == 404 and finding["data"]["title"] == "About Oasis Coffee | Oasis"


def test_hash_routes_are_one_url_to_a_crawler(tmp_path):
    base, result, _ = audit("spa-hash", tmp_path)
    assert sorted(by_path(result, base)) == ["/"]
    [finding] = result["audits"]["hash-routing"]["findings"]
    assert finding["data"]["count"] == 4 and "#/about" in finding["data"]["routes"]


def _depths(result: dict) -> dict[str, int]:
    return {urlsplit(p["url"]).path.lstrip("/"): p["depth"] for p in result["pages"]
            if p["status"] == 200 and p["depth"] is not None}


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    """A generated shop whose category pages build their product links from inline JSON."""
    site = tmp_path_factory.mktemp("shop-site")
    outcomes = {}
    with serve_site(site) as base:
        generate(site, 150, base, lang="ar", js_links="listing")
        for mode in ("auto", "never"):
            out = tmp_path_factory.mktemp(f"shop-{mode}")
            proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(out), "--js", mode)
            assert proc.returncode == 0, proc.stderr
            outcomes[mode] = load_result(out)
    return base, json.loads((site / "_truth.json").read_text(encoding="utf-8")), outcomes


def test_auto_gives_the_visitors_click_depth_and_names_every_script_built_page(shop):
    base, truth, outcomes = shop
    result = outcomes["auto"]
    assert truth["js_link_pages"] and truth["depth"] != truth["depth_static"]
    assert _depths(result) == truth["depth"]
    named = sorted(urlsplit(f["url"]).path.lstrip("/") for f in result["audits"]["js-only-links"]["findings"])
    assert named == truth["js_link_pages"]


def test_never_gives_the_click_depth_of_the_html_alone(shop):
    base, truth, outcomes = shop
    assert _depths(outcomes["never"]) == truth["depth_static"]


def test_pages_whose_scripts_misbehave_are_each_bounded_and_recorded(tmp_path):
    base, result, requests = audit("js-hostile", tmp_path, "--js", "always", "--timeout", "4")
    pages = by_path(result, base)
    assert {path for path, page in pages.items() if page.get("js", {}).get("rendered")} == {
        "/", "/index.html", "/poll.html", "/dialogs.html", "/offer-terms.html", "/redirect.html", "/landing.html", "/offsite.html",
        "/throws.html", "/form.html"}
    # a link written after three dialogs is read; the script's navigation is recorded and crawled, never followed
    assert "/offer-terms.html" in pages and pages["/landing.html"]["status"] == 200
    assert pages["/redirect.html"]["js"]["navigation_blocked"] == [base + "/landing.html"]
    assert pages["/redirect.html"]["title"] == "Moved"  # the page itself, not the browser's error page
    assert pages["/offsite.html"]["js"]["navigation_blocked"] == ["http://partner.invalid/welcome"]
    # a script redirect is read as a redirect: no click to where it sends, no content findings, one finding of its own
    assert pages["/redirect.html"]["depth"] == pages["/landing.html"]["depth"] == 1
    assert [(f["url"], f["data"]["target"], f["data"]["title"]) for f in result["audits"]["script-redirect"]["findings"]] == [
        (base + "/redirect.html", base + "/landing.html", "Moved")]
    assert "/redirect.html" not in finding_paths(result, "thin-content", base)
    assert "/offsite.html" in finding_paths(result, "thin-content", base)  # sent off the site: its page is what stays
    assert pages["/form.html"]["js"]["form_blocked"] == [base + "/subscribe"] and "/subscribe" not in pages
    assert ("POST", "/subscribe") not in requests and all(method in ("GET", "HEAD") for method, _ in requests)
    # polling stops being waited for after the cap
    assert pages["/poll.html"]["title"] == "Live prices"
    # a script that never yields: the page keeps its HTML reading, with the reason
    assert pages["/busy.html"]["js"] == {"rendered": False, "reason": "always", "script_group": ANY,
                                         "error": "the page did not finish loading within 4 s"}
    assert pages["/busy.html"]["title"] == "Busy"


def test_the_run_says_per_template_what_crawlers_without_scripts_miss(shop):
    base, truth, outcomes = shop
    summary = outcomes["auto"]["run"]["js"]
    assert summary["mode"] == "auto" and summary["rendered"] >= len(truth["js_link_pages"])
    assert sum(t["pages_with_js_links"] for t in summary["templates"]) == len(truth["js_link_pages"])
    top = summary["templates"][0]
    assert top["links_added"] > 0 and 0 < top["js_link_share"] <= 1
    assert outcomes["never"]["run"]["js"] == {"mode": "never", "rendered": 0, "reasons": {}, "templates": []}


@pytest.mark.parametrize(("limit", "expected"), [(("--max-depth", "0"), ["/"]), (("--max-pages", "3"), 3)])
def test_page_and_depth_limits_hold_for_links_found_by_rendering(tmp_path, limit, expected):
    routes = {path: (200, HTML, SHELL) for path in ROUTES}
    base, result, _ = audit("spa", tmp_path, *limit, routes=routes)
    pages = sorted(by_path(result, base))
    assert pages == expected if isinstance(expected, list) else len(pages) == expected


def test_resume_renders_the_pages_read_from_html_while_their_group_was_sampled(tmp_path):
    """A crawl stopped after a group's samples showed scripts change its pages, but before
    the pages read meanwhile from their HTML were fetched again: `--resume` renders them."""
    site, out = tmp_path / "site", tmp_path / "out"
    with serve_site(site) as base:
        generate(site, 120, base, lang="ar", js_links="listing")
        truth = json.loads((site / "_truth.json").read_text(encoding="utf-8"))
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(out), "--js", "auto")
        assert proc.returncode == 0, proc.stderr
        pages = by_path(load_result(out), base + "/")
        waiting = [path for path in truth["js_link_pages"] if not pages[path]["js"].get("sample")]
        assert waiting and all(pages[path]["js"]["reason"] == "template" for path in waiting)
        with sqlite3.connect(out / "run.sqlite") as db:  # as stored while its group was being sampled
            for path in waiting:
                (record,) = db.execute("SELECT record FROM records WHERE url = ?", (f"{base}/{path}",)).fetchone()
                record = json.loads(record)
                record["facts"]["js"] = {"rendered": False, "script_group": record["facts"]["js"]["script_group"]}
                db.execute("UPDATE records SET record = ? WHERE url = ?", (json.dumps(record), f"{base}/{path}"))
        proc = run_cli("audit", "--resume", str(out))
        assert proc.returncode == 0, proc.stderr
    resumed = by_path(load_result(out), base + "/")
    assert {path: resumed[path]["js"].get("reason") for path in waiting} == {path: "template" for path in waiting}
    assert all(resumed[path]["js"]["links_added_count"] for path in waiting)
    assert len(resumed) == len(pages)


def test_site_wide_findings_are_filed_where_the_start_urls_script_sends_the_visitor(tmp_path):
    moved = (SITES / "js-hostile" / "redirect.html").read_bytes()
    base, result, _ = audit("js-hostile", tmp_path, "--js", "always", routes={"/": (200, HTML, moved)})
    coverage = result["audits"]["touchpoint-coverage"]["findings"]
    assert coverage and {f["url"] for f in coverage} == {base + "/landing.html"}


def test_a_page_whose_scripts_pick_the_browsers_language_is_found(tmp_path):
    # its script shows the page in Arabic to a browser set to Arabic, at the same URL
    base, result, requests = audit("locale", tmp_path)
    [found] = result["audits"]["locale-adaptive"]["findings"]
    assert (found["url"], found["message_key"]) == (base + "/", "content")
    assert {k: found["data"][k] for k in ("language", "detected", "lang", "usual", "title")} == {
        "language": "ar", "detected": "ar", "lang": "ar", "usual": "en", "title": "عيادة الواحة لطب الأسنان"}
    assert requests.count(("GET", "/")) == 2  # the crawl's own request, and the probe's
    # the crawl's pages are read in the crawl's language: what the probe's browser kept is its own
    assert by_path(result, base)["/"]["lang"] == "en"


def test_the_same_page_for_every_browser_language_is_no_finding(history_app):
    base, result, _ = history_app
    audit_result = result["audits"]["locale-adaptive"]
    assert (audit_result["applicable"], audit_result["findings"]) == (1, [])


class _ByBrowserLanguage(FixtureHandler):
    """Sends / to /ar/ or /en/ by the request's Accept-Language."""

    def do_GET(self):
        if self.path == "/":
            target = "/ar/" if self.headers.get("Accept-Language", "").startswith("ar") else "/en/"
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        super().do_GET()


def test_a_home_page_redirecting_by_the_browsers_language_is_found(tmp_path):
    handler = type("Handler", (_ByBrowserLanguage,), {"routes": {}, "requests": [], "refuse_head": set()})
    with serve_site(SITES / "bilingual", handler) as base:
        proc = run_cli("audit", "--render", "none", base + "/", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    [found] = load_result(tmp_path)["audits"]["locale-adaptive"]["findings"]
    assert (found["url"], found["message_key"]) == (base + "/en/", "redirects")
    assert (found["data"]["target"], found["data"]["home"]) == (base + "/ar/", base + "/en/")
