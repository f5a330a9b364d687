"""JUnit XML: one test case per audit, failing when it has findings, skipped when it applies to no page."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import XMLGenerator

from reports.html import message
from reports.rank import audit_impact

# Characters XML 1.0 cannot hold, even escaped (page text may contain them).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _counts(audit: dict) -> tuple[int, int, int]:
    """(findings that count, the pages they are on, findings an ignore rule dropped)."""
    counted, ignored, pages = 0, 0, set()
    for finding in audit.get("findings", []):
        if "ignored" in finding:
            ignored += 1
        else:
            counted += 1
            pages.add(finding.get("url"))
    return counted, len(pages), ignored


def _line(audit: dict, finding: dict) -> str:
    where = f" [{finding['selector']}]" if finding.get("selector") else ""
    return NOT_XML.sub("\ufffd", f"{finding.get('url', '')}{where}: {message(audit, finding)}")


def _lines(audit: dict, ignored: bool) -> Iterator[str]:
    for finding in audit.get("findings", []):
        if ("ignored" in finding) == ignored:
            yield _line(audit, finding) + (f" (reason: {finding['ignored']})" if ignored else "")


def write(result: dict, path: str | Path) -> Path:
    """Write the XML as it goes: an audit's findings are read from disk, never all held."""
    path = Path(path)
    by_category: dict[str, list[tuple[dict, tuple[int, int, int]]]] = {}
    for audit in result["audits"].values():
        by_category.setdefault(audit["category"], []).append((audit, _counts(audit)))
    suites = []
    for category, audits in by_category.items():
        title = (result.get("categories", {}).get(category) or {}).get("title", category)
        counts = {"tests": len(audits), "failures": sum(1 for _, c in audits if c[0]),
                  "skipped": sum(1 for a, c in audits if not c[0] and a.get("score") is None), "errors": 0}
        suites.append((f"{category}: {title}", category, counts, audits))
    totals = {key: str(sum(counts[key] for _, _, counts, _ in suites)) for key in ("tests", "failures", "skipped")}
    with open(path, "w", encoding="utf-8") as f:
        xml = XMLGenerator(f, "utf-8", short_empty_elements=True)
        xml.startDocument()
        xml.startElement("testsuites", {"name": "auditor", **totals})
        for name, category, counts, audits in suites:
            xml.ignorableWhitespace("\n ")
            xml.startElement("testsuite", {"name": name, **{k: str(v) for k, v in counts.items()}})
            for audit, (counted, pages, ignored) in audits:
                xml.ignorableWhitespace("\n  ")
                xml.startElement("testcase", {"classname": f"auditor.{category}", "name": audit["id"], "time": "0"})
                if counted:
                    xml.startElement("failure", {"type": audit_impact(audit), "message":
                                     f"{audit['failure_title']}: {counted} finding(s) on {pages} page(s)"})
                    _text(xml, _lines(audit, ignored=False))
                    xml.endElement("failure")
                elif audit.get("score") is None:
                    xml.startElement("skipped", {"message": "not applicable: no page to check"})
                    xml.endElement("skipped")
                if ignored:
                    xml.startElement("system-out", {})
                    _text(xml, _lines(audit, ignored=True), "Ignored:")
                    xml.endElement("system-out")
                if audit.get("errors"):
                    xml.startElement("system-err", {})
                    _text(xml, (f"{e.get('url')}: {e.get('error')}" for e in audit["errors"]))
                    xml.endElement("system-err")
                xml.endElement("testcase")
            xml.ignorableWhitespace("\n ")
            xml.endElement("testsuite")
        xml.ignorableWhitespace("\n")
        xml.endElement("testsuites")
        xml.endDocument()
    return path


def _text(xml: XMLGenerator, lines: Iterable[str], first: str | None = None) -> None:
    """Lines joined by newlines, written one at a time."""
    for n, line in enumerate(lines if first is None else (first, *lines)):
        xml.characters(("\n" if n else "") + line)
