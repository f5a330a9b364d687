"""result.json: the one contract between the audits and every report format."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from auditor.spill import Rows

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


def build_result(run: dict, pages: Sequence[dict], audit_output: dict) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "run": run,
        "categories": audit_output["categories"],
        "audits": audit_output["audits"],
        "pages": pages,
    }


def write_result(result: dict, path: str | Path) -> None:
    """Write the result as JSON, streaming spilled rows (one per line) from disk."""
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(_encode(result, 0))


def _encode(value, level: int) -> Iterator[str]:
    indent = "\n" + " " * (level + 1)
    if isinstance(value, dict) and value:
        for n, (key, item) in enumerate(value.items()):
            yield ("{" if n == 0 else ",") + indent + json.dumps(str(key), ensure_ascii=False) + ": "
            yield from _encode(item, level + 1)
        yield "\n" + " " * level + "}"
    elif isinstance(value, Rows) and value:
        for n, row in enumerate(value):
            yield ("[" if n == 0 else ",") + indent + json.dumps(row, ensure_ascii=False)
        yield "\n" + " " * level + "]"
    else:
        yield json.dumps([] if isinstance(value, Rows) else value, ensure_ascii=False)


def read_result(path: str | Path) -> dict:
    path = Path(path)
    if path.is_dir():
        path = path / "result.json"
    with open(path, encoding="utf-8") as f:
        result = json.load(f)
    if "audits" not in result or "pages" not in result:
        raise ValueError(f"{path} is not an audit result (no 'audits' or 'pages')")
    return result
