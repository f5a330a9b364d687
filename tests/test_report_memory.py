"""The report of a large site holds what it shows, not the whole site: its pages and
findings are read from disk (auditor/store/spill.py) and each one is let go once counted,
so the report's memory stays flat while the site grows. Counted with the rows a real
spill reads back, each one tracked while it lives. A smaller site's rows are read once."""

from __future__ import annotations

import json
import weakref

import pytest

from auditor.store.spill import Spill
from reports import html
from reports.fixes import build_fixes
from tests.report_result import BASE, build_result

PAGES = 2500  # more than the report's pages table shows (1,000 rows)


class _Row(dict):
    """A row read back from the spill (a dict that can be tracked)."""


class TrackedSpill(Spill):
    """A spill whose rows count, per kind, the most alive at the same time."""

    def __init__(self):
        super().__init__()
        self.live = {"pages": 0, "findings": 0}
        self.most = {"pages": 0, "findings": 0}
        self.passes = {"pages": 0, "findings": 0}  # reads from the first row to the last

    def read(self, kind, limit=-1, offset=0):
        group = "pages" if kind == "pages" else "findings"
        self.passes[group] += limit == -1 and offset == 0
        for row in super().read(kind, limit, offset):
            row = _Row(row)
            self.live[group] += 1
            self.most[group] = max(self.most[group], self.live[group])
            weakref.finalize(row, self._gone, group)
            yield row

    def _gone(self, group: str) -> None:
        self.live[group] -= 1


def large_result() -> tuple[dict, TrackedSpill]:
    """The hand-built result with PAGES pages as a static audit gives them (no page
    measured in a browser), each failing two audits, one of them at a broken page's link,
    and a finding caused by another finding on its page."""
    result = build_result()
    spill = TrackedSpill()
    urls = [f"{BASE}/p/{n}.html" for n in range(PAGES)]
    static = {k: v for k, v in result["pages"][1].items() if k != "metrics"}
    spill.add("pages", ({**static, "url": url, "depth": 1 + n % 4, "inlinks": n % 7} for n, url in enumerate(urls)))
    spill.add("meta-description", ({"url": url, "message_key": "missing"} for url in urls))
    spill.add("broken-link", ({"url": url, "message_key": "broken", "data": {"target": f"{BASE}/gone-{n % 50}"}}
                              for n, url in enumerate(urls)))
    spill.add("http-status", ({"url": f"{BASE}/gone-{n}", "message_key": "client-error", "data": {"status": 404}}
                              for n in range(50)))
    spill.add("html-lang", ({"url": url, "message_key": "missing",
                             "data": {"root_cause": {"audit": "meta-description", "message_key": "missing"}}}
                            for url in urls[::2]))
    for audit_id, audit in result["audits"].items():
        audit["findings"] = spill.rows(audit_id)
    result["pages"] = spill.rows("pages")
    return result, spill


def as_lists(result: dict) -> dict:
    """The same result with its rows read into plain lists."""
    plain = json.loads(json.dumps({k: v for k, v in result.items() if k not in ("pages", "audits")}))
    plain["pages"] = [dict(p) for p in result["pages"]]
    plain["audits"] = {a: {**audit, "findings": [dict(f) for f in audit["findings"]]}
                       for a, audit in result["audits"].items()}
    return plain


def test_fix_plan_holds_neither_every_page_nor_every_finding():
    result, spill = large_result()
    fixes = build_fixes(result)
    assert fixes and sum(f.finding_count for f in fixes) >= PAGES
    assert spill.most["pages"] <= 3  # the one read, the one before it, the one a loop still names
    assert spill.most["findings"] <= 3 + 3 * len(fixes)  # a few findings per fix as its evidence


@pytest.fixture
def large(monkeypatch):
    """The report takes the result as a large site's: too many rows to read them once."""
    monkeypatch.setattr(html, "PAGES_READ_ONCE", PAGES - 1)
    monkeypatch.setattr(html, "FINDINGS_READ_ONCE", PAGES - 1)


def test_report_holds_the_pages_it_shows_only(large):
    result, spill = large_result()
    report = html.render(result, "en")
    assert report.count('class="page-view"') == html.MAX_PAGE_ROWS  # each shown page has its view
    shown = html.MAX_PAGE_ROWS
    assert spill.most["pages"] <= shown + 3
    # the shown pages' own findings (two or three each) and a few per fix, never all 6,300
    assert spill.most["findings"] <= 3 * shown + 100


def test_report_reads_the_same_from_disk_as_from_lists(large):
    result, _ = large_result()
    assert html.render(result, "ar") == html.render(as_lists(result), "ar")


def test_a_smaller_site_is_read_once():
    result, spill = large_result()  # 2,500 pages and 6,300 findings: under both limits
    report = html.render(result, "ar")
    # each page once, each audit's findings once (a spill's row count costs no read)
    assert spill.passes == {"pages": 1, "findings": len(result["audits"])}
    assert report == html.render(as_lists(result), "ar")
