"""SARIF 2.1.0: one rule per audit, one result per finding located at its page URL."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from auditor.result import identity, origins
from auditor.result import write_json
from reports.html import message
from reports.rank import audit_impact, impact_of

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"critical": "error", "serious": "error", "moderate": "warning", "minor": "note"}


def _rule(audit: dict) -> dict:
    impact = audit_impact(audit)  # reads the audit's findings: once
    rule = {
        "id": audit["id"],
        "name": "".join(part.capitalize() for part in audit["id"].split("-")),
        "shortDescription": {"text": audit["title"]},
        "fullDescription": {"text": audit["description"]},
        "messageStrings": {key: {"text": text} for key, text in audit.get("messages", {}).items()},
        "defaultConfiguration": {"level": LEVEL[impact]},
        "properties": {"category": audit["category"], "impact": impact, "effort": audit.get("effort"),
                       "tags": [audit["category"]], "seo_outcome": audit.get("seo_outcome"),
                       "cx_outcome": audit.get("cx_outcome")},
    }
    if audit.get("help_url"):
        rule["helpUri"] = audit["help_url"]
    if audit.get("how_to_fix"):
        rule["help"] = {"text": audit["how_to_fix"]}
    return rule


def _result(audit: dict, index: int, finding: dict, run_origins: tuple[str, ...]) -> dict:
    # No line numbers: a page is located by its URL and the element by its selector.
    location: dict = {"physicalLocation": {"artifactLocation": {"uri": finding["url"]}}}
    if finding.get("selector"):
        location["logicalLocations"] = [{"fullyQualifiedName": finding["selector"], "kind": "element"}]
    # The same finding on another host (a preview deployment) gets the same fingerprint.
    key = json.dumps(identity(audit["id"], finding, run_origins), ensure_ascii=False, default=str)
    out = {
        "ruleId": audit["id"],
        "ruleIndex": index,
        "level": LEVEL[impact_of(audit, finding.get("message_key"))],  # a message key may weigh otherwise
        "message": {"text": message(audit, finding)},
        "locations": [location],
        "partialFingerprints": {"auditorFinding/v1": hashlib.sha256(key.encode()).hexdigest()},
        "properties": {"message_key": finding.get("message_key"), "data": finding.get("data", {}),
                       **({"snippet": finding["snippet"]} if finding.get("snippet") else {})},
    }
    if "ignored" in finding:
        out["suppressions"] = [{"kind": "external", "justification": finding["ignored"]}]
    return out


def build(result: dict) -> dict:
    """The SARIF log; its `results` is a generator, read once."""
    audits = list(result["audits"].values())
    run_origins = origins(result)
    run = result.get("run") or {}
    # a generator: write() streams the results, which may be hundreds of thousands
    results = (_result(audit, i, f, run_origins) for i, audit in enumerate(audits) for f in audit.get("findings", []))
    sarif_run = {
        "tool": {"driver": {"name": "auditor", "version": (run.get("versions") or {}).get("auditor", "unknown"),
                            "rules": [_rule(a) for a in audits]}},
        "results": results,
    }
    if run.get("started_at") and run.get("finished_at"):
        sarif_run["invocations"] = [{"executionSuccessful": True, "startTimeUtc": run["started_at"],
                                     "endTimeUtc": run["finished_at"]}]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [sarif_run]}


def write(result: dict, path: str | Path) -> Path:
    path = Path(path)
    write_json(build(result), path)
    return path
