"""Compare two results: new, fixed and unchanged findings, score and metric changes.

Pure over two result dicts. Two runs of one site are often made on different hosts
(production and a preview deployment), so URLs are compared by their path: the
origin of each run's start URLs is taken off before comparing.
"""

from __future__ import annotations

from collections import Counter
from auditor.result import identity, origins, relative

def _split(audit_id: str, old: list[dict], new: list[dict], old_origins, new_origins) -> tuple[list, list, int]:
    """(new findings, fixed findings, unchanged count); repeated identities count as often as they occur."""
    old_ids = Counter(identity(audit_id, f, old_origins) for f in old)
    new_ids = Counter(identity(audit_id, f, new_origins) for f in new)
    remaining_old = old_ids - new_ids
    remaining_new = new_ids - old_ids
    added, fixed = [], []
    for f in new:
        key = identity(audit_id, f, new_origins)
        if remaining_new[key] > 0:
            remaining_new[key] -= 1
            added.append(f)
    for f in old:
        key = identity(audit_id, f, old_origins)
        if remaining_old[key] > 0:
            remaining_old[key] -= 1
            fixed.append(f)
    unchanged = sum((old_ids & new_ids).values())
    return added, fixed, unchanged


def _change(old, new) -> dict:
    both = isinstance(old, (int, float)) and isinstance(new, (int, float))
    return {"old": old, "new": new, "change": round(new - old, 4) if both else None}


def diff_results(old: dict, new: dict) -> dict:
    old_origins, new_origins = origins(old), origins(new)
    audits = {}
    totals = Counter(new=0, fixed=0, unchanged=0)
    for audit_id in list(new["audits"]) + [a for a in old["audits"] if a not in new["audits"]]:
        before, after = old["audits"].get(audit_id), new["audits"].get(audit_id)
        meta = after or before
        entry = {"title": meta.get("title"), "failure_title": meta.get("failure_title"), "category": meta.get("category"),
                 "impact": meta.get("impact"), "messages": meta.get("messages", {}),
                 "status": "added" if before is None else "removed" if after is None else "compared",
                 "score": _change((before or {}).get("score"), (after or {}).get("score"))}
        if before is not None and after is not None:
            added, fixed, unchanged = _split(audit_id, before.get("findings", []), after.get("findings", []),
                                             old_origins, new_origins)
        else:  # an audit one run did not have: nothing to compare its findings with
            added, fixed, unchanged = [], [], 0
        entry.update(new=added, fixed=fixed, unchanged=unchanged)
        totals.update(new=len(added), fixed=len(fixed), unchanged=unchanged)
        audits[audit_id] = entry
    categories = {}
    for cat in list(new.get("categories", {})) + [c for c in old.get("categories", {}) if c not in new.get("categories", {})]:
        before, after = old.get("categories", {}).get(cat) or {}, new.get("categories", {}).get(cat) or {}
        categories[cat] = {"title": after.get("title") or before.get("title"), **_change(before.get("score"), after.get("score"))}
    return {
        "old": _run_facts(old), "new": _run_facts(new),
        "totals": dict(totals), "categories": categories, "audits": audits,
        "metrics": _metric_changes(old, new, old_origins, new_origins),
    }


def _run_facts(result: dict) -> dict:
    run = result.get("run") or {}
    return {"site": run.get("site") or (run.get("start_urls") or [None])[0], "finished_at": run.get("finished_at")}


def _metric_changes(old: dict, new: dict, old_origins, new_origins) -> list[dict]:
    before = {relative(p["url"], old_origins): p["metrics"] for p in old.get("pages", []) if isinstance(p.get("metrics"), dict)}
    changes = []
    for page in new.get("pages", []):
        if not isinstance(page.get("metrics"), dict):
            continue
        path = relative(page["url"], new_origins)
        for name, value in page["metrics"].items():
            was = before.get(path, {}).get(name)
            if isinstance(value, (int, float)) and isinstance(was, (int, float)) and value != was:
                changes.append({"url": path, "metric": name, **_change(was, value)})
    return changes
