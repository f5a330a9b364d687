"""Hand-built results (the result.json contract) for the CI gate and output tests."""

from __future__ import annotations

import copy

SITE = "https://shop.example"

AUDITS = {
    "document-title": {"category": "seo", "impact": "serious", "title": "Every page has a title",
                       "failure_title": "Pages without a title", "messages": {"missing": "The page has no <title> element."}},
    "broken-link": {"category": "navigation", "impact": "serious", "title": "Links work",
                    "failure_title": "Links to pages that do not work",
                    "messages": {"broken": "The link \u201c{text}\u201d goes to {target}, which answers {status}."}},
    "image-alt": {"category": "accessibility", "impact": "serious", "title": "Images have alternative text",
                  "failure_title": "Images without an alt attribute", "messages": {"missing": "An image has no alt attribute: {src}"}},
    "hreflang": {"category": "seo", "impact": "moderate", "title": "Language alternates are valid",
                 "failure_title": "Broken language alternates", "messages": {"no-self": "No self reference."}},
}


def audit(audit_id: str, score: float | None, findings: list[dict] = (), applicable: int = 4) -> dict:
    meta = AUDITS[audit_id]
    return {
        "id": audit_id, **meta, "description": f"Why {audit_id} matters.", "effort": "small", "weight": 1,
        "journey": ["awareness"], "seo_outcome": "Ranking.", "cx_outcome": "Visitors leave.",
        "help_url": f"https://docs.example/{audit_id}", "how_to_fix": f"Fix {audit_id}.",
        "required_artifacts": ["page"], "score": score, "applicable": 0 if score is None else applicable,
        "failing_pages": len({f["url"] for f in findings}), "findings": list(findings), "errors": [],
    }


def finding(path: str, key: str, site: str = SITE, **data) -> dict:
    out = {"url": site + path, "message_key": key, "data": data, "selector": "head"}
    for name in ("target", "src"):
        if name in data:
            data[name] = site + data[name]
    return out


def page(path: str, site: str = SITE, metrics: dict | None = None, **fields) -> dict:
    out = {"url": site + path, "status": 200, "depth": 1, "title": f"Page {path}", "lang": "en", "dir": None,
           "in_sitemap": True, "word_count": 300, "bytes": 2000, "response_ms": 12.5, "content_type": "text/html",
           "final_url": site + path, "redirect_to": None, "error": None, "is_html": True, **fields}
    if metrics is not None:
        out["metrics"] = metrics
    return out


def result(audits: dict[str, dict], pages: list[dict], site: str = SITE) -> dict:
    categories = {}
    for a in audits.values():
        categories.setdefault(a["category"], []).append(a)
    return {
        "schema_version": "1.0",
        "run": {"start_urls": [site + "/"], "site": site + "/", "started_at": "2026-01-05T10:00:00+00:00",
                "finished_at": "2026-01-05T10:01:00+00:00", "settings": {}, "versions": {"auditor": "0.1.0"},
                "timings": {"crawl": 1.0}, "counts": {"urls": len(pages), "html_pages": len(pages), "resources": 0, "errors": 0}},
        "categories": {cat: {"title": cat.upper(), "audits": [a["id"] for a in members],
                             "score": _mean([a["score"] for a in members])} for cat, members in categories.items()},
        "audits": copy.deepcopy(audits),
        "pages": pages,
    }


def _mean(scores):
    scored = [s for s in scores if s is not None]
    return round(sum(scored) / len(scored), 3) if scored else None


def passing() -> dict:
    """Every audit passes (one not applicable); pages have metrics within common budgets."""
    return result(
        {"document-title": audit("document-title", 1.0), "broken-link": audit("broken-link", 1.0),
         "image-alt": audit("image-alt", 1.0), "hreflang": audit("hreflang", None)},
        [page("/", metrics={"lcp": 1800, "cls": 0.02}), page("/about", metrics={"lcp": 2100, "cls": 0.0}),
         page("/contact"), page("/faq")],
    )


def failing(site: str = SITE) -> dict:
    """A missing title, two broken links, two images without alt (one under /legacy/), a slow page."""
    return result(
        {
            "document-title": audit("document-title", 0.75, [finding("/about", "missing", site)]),
            "broken-link": audit("broken-link", 0.5, [
                finding("/", "broken", site, target="/gone", status=404, text="Old offer"),
                finding("/faq", "broken", site, target="/gone", status=404, text="Old offer"),
            ]),
            "image-alt": audit("image-alt", 0.5, [
                finding("/legacy/a", "missing", site, src="/img/a.png"),
                finding("/contact", "missing", site, src="/img/map.png"),
            ]),
            "hreflang": audit("hreflang", None),
        },
        [page("/", site, metrics={"lcp": 3100, "cls": 0.02}), page("/about", site, metrics={"lcp": 2600, "cls": 0.25}),
         page("/contact", site, metrics={"lcp": None}), page("/faq", site), page("/legacy/a", site)],
        site,
    )
