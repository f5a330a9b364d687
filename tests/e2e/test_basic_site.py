"""The real CLI against a small fixture site served on 127.0.0.1."""

from __future__ import annotations

import pytest

from auditor.urls import MISSING_PAGE_PATH
from tests.e2e.cli import load_result, paths, run_cli
from tests.server import redirect, serve

pytestmark = pytest.mark.e2e

ROUTES = {
    "/redirect-1": redirect("/redirect-2"),
    "/redirect-2": redirect("/about.html", 302),
    "/loop-a": redirect("/loop-b"),
    "/loop-b": redirect("/loop-a"),
    "/server-error.html": (500, {"Content-Type": "text/html"}, b"<h1>oops</h1>"),
}


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    out = tmp_path_factory.mktemp("basic")
    with serve("basic", ROUTES, refuse_head={"/file.pdf"}) as (base, requests):
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(out), "--concurrency", "2")
        assert proc.returncode == 0, proc.stderr
        yield base, load_result(out), out, list(requests), proc


def test_writes_report_result_and_database(audited):
    _, result, out, _, proc = audited
    assert (out / "report.html").stat().st_size > 5000
    assert (out / "run.sqlite").exists()
    assert "Report:" in proc.stdout
    assert set(result) >= {"run", "pages", "audits", "categories"}


def test_every_response_is_recorded_with_status_and_depth(audited):
    base, result, *_ = audited
    pages = {p["url"].removeprefix(base): p for p in result["pages"]}
    assert pages["/index.html"]["depth"] == 0
    assert pages["/about.html"]["depth"] == 1
    assert pages["/products/p4.html"]["depth"] == 5
    assert pages["/missing.html"]["status"] == 404
    assert pages["/redirect-1"]["status"] == 301 and pages["/redirect-1"]["redirect_to"] == base + "/redirect-2"
    assert pages["/orphan.html"]["depth"] is None and pages["/orphan.html"]["in_sitemap"] is True
    assert pages["/index.html"]["in_sitemap"] is True


def test_arabic_path_and_windows_1256_page(audited):
    base, result, *_ = audited
    pages = {p["url"].removeprefix(base): p for p in result["pages"]}
    arabic = pages["/products/%D9%82%D9%87%D9%88%D8%A9.html"]
    assert arabic["status"] == 200 and arabic["title"] == "قهوة مختصة" and arabic["depth"] == 1
    legacy = pages["/cp1256.html"]
    assert legacy["title"] == "صفحة عربية قديمة" and legacy["charset"] == "cp1256"


def test_robots_txt_is_obeyed_and_scope_kept(audited):
    base, result, _, requests, _ = audited
    fetched = {path for _, path in requests}
    assert "/blocked/secret.html" not in fetched
    urls = {p["url"] for p in result["pages"]}
    assert all(u.startswith(base) for u in urls)  # example.org never requested or recorded
    assert not any("mailto" in u or "tel:" in u for u in urls)


def test_robots_txt_is_obeyed_by_requests_waiting_for_it(tmp_path):
    # Start URLs are requested together: all but the first wait while robots.txt is fetched.
    blocked = [f"/blocked/{n}.html" for n in range(6)]
    with serve("basic", ROUTES) as (base, requests):
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", *(base + path for path in blocked),
                       "--out", str(tmp_path), "--max-depth", "0", "--no-sitemap")
    assert proc.returncode == 0, proc.stderr
    assert [path for _, path in requests if path.startswith("/blocked/")] == []
    pages = {p["url"].removeprefix(base): p for p in load_result(tmp_path)["pages"]}
    assert {path: pages[path]["error"] for path in blocked} == dict.fromkeys(blocked, "disallowed by robots.txt")


def test_head_refused_falls_back_to_get(audited):
    _, _, _, requests, _ = audited
    assert ("HEAD", "/file.pdf") in requests and ("GET", "/file.pdf") in requests


def test_navigation_findings(audited):
    base, result, *_ = audited
    audits = result["audits"]
    broken = {(f["url"].removeprefix(base), f["data"]["target"].removeprefix(base)) for f in audits["broken-link"]["findings"]}
    assert broken == {("/index.html", "/missing.html"), ("/index.html", "/loop-a")}
    assert paths(audits["broken-resource"]["findings"], base) == ["/index.html"]
    chains = {f["url"].removeprefix(base): f["message_key"] for f in audits["redirect-chain"]["findings"]}
    assert chains == {"/redirect-1": "chain", "/loop-a": "loop"}
    assert paths(audits["orphan-page"]["findings"], base) == ["/orphan.html"]
    assert paths(audits["click-depth"]["findings"], base) == ["/products/p3.html", "/products/p4.html"]


def test_seo_findings(audited):
    base, result, _, requests, _ = audited
    audits = result["audits"]
    assert paths(audits["meta-description"]["findings"], base) == ["/about.html"]
    assert paths(audits["image-alt"]["findings"], base) == ["/about.html"]
    assert paths(audits["heading-order"]["findings"], base) == ["/about.html"]
    assert paths(audits["noindex"]["findings"], base) == ["/noindex.html"]
    assert paths(audits["http-status"]["findings"], base) == ["/missing.html"]
    assert audits["document-title"]["findings"] == []
    assert audits["document-title"]["score"] == 1.0
    # the one address asked that names no page answers 404, as a missing page should; it is
    # asked once, and is no page of the site
    assert audits["missing-page-status"]["findings"] == [] and audits["missing-page-status"]["score"] == 1.0
    assert [path for _, path in requests if path == MISSING_PAGE_PATH] == [MISSING_PAGE_PATH]
    assert base + MISSING_PAGE_PATH not in {p["url"] for p in result["pages"]}


def test_hostile_title_is_text_in_the_report(audited):
    _, result, out, _, _ = audited
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert any(p["title"] == "About <script>alert(1)</script>" for p in result["pages"])


def test_report_is_self_contained(audited):
    _, _, out, _, _ = audited
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<link rel=\"stylesheet\"" not in html and "<script src" not in html
    assert "<svg" in html and "<style>" in html


def test_report_command_rerenders_from_result_alone(audited, tmp_path):
    _, _, out, _, _ = audited
    (tmp_path / "result.json").write_bytes((out / "result.json").read_bytes())
    proc = run_cli("report", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == (out / "report.html").read_text(encoding="utf-8")


def test_max_pages_and_exclude(tmp_path):
    with serve("basic", ROUTES) as (base, requests):
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(tmp_path), "--max-pages", "3",
                       "--exclude", "products", "--no-sitemap")
    assert proc.returncode == 0, proc.stderr
    result = load_result(tmp_path)
    html_pages = [p for p in result["pages"] if p["is_html"]]
    assert len(html_pages) <= 3
    assert not any("products" in p["url"] for p in result["pages"])
    assert not any(path.startswith("/sitemap.xml") for _, path in requests)


def test_ignore_robots_fetches_disallowed_pages(tmp_path):
    with serve("basic", ROUTES) as (base, requests):
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(tmp_path), "--ignore-robots", "--max-depth", "1")
    assert proc.returncode == 0, proc.stderr
    assert ("GET", "/blocked/secret.html") in requests
    assert not any(path == "/products/p2.html" for _, path in requests)  # beyond --max-depth 1


def test_unreachable_start_url_exits_2(tmp_path):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = run_cli("audit", "--render", "none", f"http://127.0.0.1:{port}/", "--out", str(tmp_path))
    assert proc.returncode == 2
    assert "could not reach" in proc.stderr


@pytest.mark.parametrize("args, message", [
    (["audit", "ftp://example.com/"], "not an http(s) URL"),
    (["audit", "http://127.0.0.1:1/", "--include", "("], "invalid regular expression"),
    (["audit", "http://127.0.0.1:1/", "--max-pages", "0"], "--max-pages"),
    (["report", "/nonexistent-folder"], "no result.json"),
])
def test_bad_usage_exits_2_with_a_message(args, message):
    proc = run_cli(*args)
    assert proc.returncode == 2
    assert message in proc.stderr


def test_missing_chromium_says_what_to_install(tmp_path):
    proc = run_cli("audit", "http://127.0.0.1:1/", "--out", str(tmp_path), "--chromium", "/nonexistent/chromium")
    assert proc.returncode == 2
    assert "apt-get install chromium" in proc.stderr and "--render none" in proc.stderr
