"""What crawlers that do not run scripts miss, per template: for result.json's run.js."""

from __future__ import annotations

from collections import Counter, defaultdict

from auditor.model import PageRecord


class JsSummary:
    """Fed every page of the run (`add`), then `result()` gives run.js."""

    def __init__(self) -> None:
        self.reasons: Counter = Counter()
        self.templates: dict[str, Counter] = defaultdict(Counter)

    def add(self, page: PageRecord) -> None:
        js = page.facts.get("js")
        if not js or not page.ok_html:
            return
        row = self.templates[page.template or page.url]
        row["pages"] += 1
        if not js.get("rendered"):
            return
        self.reasons[js.get("reason", "template")] += 1
        row["rendered"] += 1
        added = js.get("links_added_count", 0)
        row["links_added"] += added
        row["links_total"] += js.get("html", {}).get("links", 0) + added
        row["pages_with_js_links"] += bool(added)
        row["words_added"] += js.get("words_added", 0)
        row["words_total"] += page.word_count
        row["head_changed"] += bool(js.get("head_changed"))

    def merge(self, other: JsSummary) -> None:
        """Add what `other` was fed (a worker's share of the pages)."""
        self.reasons.update(other.reasons)
        for template, row in other.templates.items():
            self.templates[template].update(row)

    def result(self, mode: str) -> dict:
        rows = []
        for template, row in self.templates.items():
            if not row["rendered"]:
                continue
            rows.append({
                "template": template, **{k: row[k] for k in (
                    "pages", "rendered", "pages_with_js_links", "links_added", "links_total", "words_added",
                    "words_total", "head_changed")},
                "js_link_share": round(row["links_added"] / row["links_total"], 3) if row["links_total"] else 0.0,
                "js_word_share": round(row["words_added"] / row["words_total"], 3) if row["words_total"] else 0.0,
            })
        rows.sort(key=lambda r: (-r["links_added"], -r["words_added"], r["template"]))
        return {"mode": mode, "rendered": sum(self.reasons.values()), "reasons": dict(self.reasons),
                "templates": rows}
