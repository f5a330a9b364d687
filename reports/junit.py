"""JUnit XML: one test case per audit, failing when it has findings, skipped when it applies to no page."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from reports.html import message


def _counted(audit: dict) -> tuple[list[dict], list[dict]]:
    """(findings that count, findings an ignore rule dropped)."""
    findings = audit.get("findings", [])
    return [f for f in findings if "ignored" not in f], [f for f in findings if "ignored" in f]


def _line(audit: dict, finding: dict) -> str:
    where = f" [{finding['selector']}]" if finding.get("selector") else ""
    return f"{finding.get('url', '')}{where}: {message(audit, finding)}"


def build(result: dict) -> ET.Element:
    suites = ET.Element("testsuites", name="auditor")
    by_category: dict[str, list[dict]] = {}
    for audit in result["audits"].values():
        by_category.setdefault(audit["category"], []).append(audit)
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for category, audits in by_category.items():
        title = (result.get("categories", {}).get(category) or {}).get("title", category)
        suite = ET.SubElement(suites, "testsuite", name=f"{category}: {title}")
        counts = {"tests": 0, "failures": 0, "skipped": 0, "errors": 0}
        for audit in audits:
            counts["tests"] += 1
            case = ET.SubElement(suite, "testcase", classname=f"auditor.{category}", name=audit["id"], time="0")
            counted, ignored = _counted(audit)
            if counted:
                counts["failures"] += 1
                failure = ET.SubElement(case, "failure", type=audit["impact"],
                                        message=f"{audit['failure_title']}: {len(counted)} finding(s) on {len({f.get('url') for f in counted})} page(s)")
                failure.text = "\n".join(_line(audit, f) for f in counted)
            elif audit.get("score") is None:
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message="not applicable: no page to check")
            if ignored:
                out = ET.SubElement(case, "system-out")
                out.text = "Ignored:\n" + "\n".join(f"{_line(audit, f)} (reason: {f['ignored']})" for f in ignored)
            if audit.get("errors"):
                err = ET.SubElement(case, "system-err")
                err.text = "\n".join(f"{e.get('url')}: {e.get('error')}" for e in audit["errors"])
        for key, value in counts.items():
            suite.set(key, str(value))
            if key in totals:
                totals[key] += value
    for key, value in totals.items():
        suites.set(key, str(value))
    return suites


def write(result: dict, path: str | Path) -> Path:
    path = Path(path)
    tree = ET.ElementTree(build(result))
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return path
