"""A hand-built result.json for report tests: Arabic and English pages, every registered
audit (some failing), page metrics, and hostile text in page data."""

from __future__ import annotations

from auditor.audits import all_audits
from auditor.audits.base import CATEGORIES

HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
HOSTILE_TEXT = "<script>alert(1)</script>"
BASE = "https://shop.example"


def _page(path, lang, title, depth, template, lcp=1800.0, status=200):
    return {
        "url": f"{BASE}{path}", "status": status, "is_html": True, "title": title, "lang": lang,
        "dir": "rtl" if lang == "ar" else "ltr", "depth": depth, "template": f"{template} [main+nav]",
        "metrics": {"lcp": lcp, "cls": 0.02, "tbt": 150.0},
        "readability": {"language": lang, "formula": "osman" if lang == "ar" else "flesch",
                        "score": 55.0 if lang == "ar" else 72.0,
                        "band": "fairly difficult" if lang == "ar" else "fairly easy", "indicative": False},
    }


def build_result() -> dict:
    pages = [_page("/", "ar", "محمصة حبّة", 0, "/")]
    pages += [_page(f"/products/{n}.html", "ar", f"منتج {n}", 1, "/products/*", lcp=3000.0 + n) for n in range(12)]
    pages += [_page(f"/en/about-{n}.html", "en", f"About {n}", 2, "/en/*") for n in range(3)]
    pages.append(_page("/%D8%AA%D9%88%D8%A7%D8%B5%D9%84.html", "ar", HOSTILE_TITLE, 1, "/*", lcp=5000.0))
    failing = {
        # one template-wide defect: every product page lacks a description
        "meta-description": [{"url": p["url"], "message_key": "missing"} for p in pages[1:13]],
        # one broken target linked from several pages, with hostile anchor text
        "broken-link": [{"url": p["url"], "message_key": "broken",
                         "data": {"target": f"{BASE}/returns", "status": 404, "text": HOSTILE_TEXT},
                         "selector": "a[href='/returns']"} for p in pages[:4]],
        "title-length": [{"url": pages[-1]["url"], "message_key": "too-long",
                          "data": {"length": 90, "max": 60, "title": HOSTILE_TITLE}}],
        "html-lang": [{"url": pages[14]["url"], "message_key": "missing"}],
    }
    audits = {}
    for audit in all_audits():
        meta = audit.meta.to_dict()
        findings = failing.get(meta["id"], [])
        audits[meta["id"]] = {**meta, "score": 0.5 if findings else 1.0, "applicable": len(pages),
                              "failing_pages": len({f["url"] for f in findings}), "findings": findings, "errors": [],
                              **({"scoring": audit.scoring()} if audit.scoring() else {})}
    categories = {}
    for key, title in CATEGORIES.items():
        ids = [a for a, v in audits.items() if v["category"] == key]
        if ids:
            categories[key] = {"title": title, "score": 0.8, "audits": ids}
    run = {"start_urls": [f"{BASE}/"], "site": f"{BASE}/", "started_at": "2026-01-05T10:00:00+00:00",
           "finished_at": "2026-01-05T10:02:00+00:00", "settings": {"max_pages": 100},
           "versions": {"auditor": "0.1"}, "timings": {"crawl": 1.5, "audit": 0.2}, "counts": {}}
    return {"schema_version": "1.0", "run": run, "categories": categories, "audits": audits, "pages": pages}
