"""result.json: the one contract between the audits and every report format."""

from __future__ import annotations

import json
from pathlib import Path

SCHEMA_VERSION = "1.0"
PAGE_FIELDS = (
    "url", "status", "final_url", "redirect_to", "error", "content_type", "is_html", "title",
    "lang", "dir", "depth", "in_sitemap", "word_count", "bytes", "response_ms", "charset",
)


def page_summary(page) -> dict:
    """What the result says about one fetched URL; later stages add their facts."""
    out = {name: getattr(page, name) for name in PAGE_FIELDS}
    out["meta_description"] = page.meta.get("description")
    out["h1"] = [h["text"] for h in page.headings if h["level"] == 1]
    out["links_out"] = sum(1 for link in page.links if link.internal)
    for name, value in page.facts.items():
        if not name.startswith("_"):  # private computed facts serve the audits only
            out[name] = value
    return out


def build_result(run: dict, pages: list[dict], audit_output: dict) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "run": run,
        "categories": audit_output["categories"],
        "audits": audit_output["audits"],
        "pages": pages,
    }


def write_result(result: dict, path: str | Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)


def read_result(path: str | Path) -> dict:
    path = Path(path)
    if path.is_dir():
        path = path / "result.json"
    with open(path, encoding="utf-8") as f:
        result = json.load(f)
    if "audits" not in result or "pages" not in result:
        raise ValueError(f"{path} is not an audit result (no 'audits' or 'pages')")
    return result
