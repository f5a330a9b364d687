"""result.json: the one contract between the audits and every report format."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import urlsplit

import ijson
from ijson.common import ObjectBuilder

from auditor.store.spill import Rows, Spill

SCHEMA_VERSION = "1.0"
# The lists that grow with the site: read back into a spill, never held in memory.
SPILLED = re.compile(r"pages|audits\.[^.]+\.findings")
PAGE_FIELDS = (
    "url", "status", "final_url", "redirect_to", "error", "content_type", "is_html", "title",
    "lang", "dir", "depth", "in_sitemap", "word_count", "bytes", "response_ms", "charset",
)


# Finding data that names what is wrong (not how much): part of a finding's identity.
IDENTITY_DATA = ("target", "src", "code", "href")


def origins(result: dict) -> tuple[str, ...]:
    run = result.get("run") or {}
    urls = list(run.get("start_urls") or []) + ([run["site"]] if run.get("site") else [])
    found = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme and parts.netloc and f"{parts.scheme}://{parts.netloc}" not in found:
            found.append(f"{parts.scheme}://{parts.netloc}")
    return tuple(found)


def relative(value, run_origins: tuple[str, ...]):
    """`value` without its run's origin, so that runs on two hosts compare."""
    if isinstance(value, str):
        for origin in run_origins:
            if value == origin or value.startswith(origin + "/"):
                return value[len(origin):] or "/"
    return value


def identity(audit_id: str, finding: dict, run_origins: tuple[str, ...]) -> tuple:
    """What makes a finding the same finding in another run (never its score or counts)."""
    data = finding.get("data") or {}
    stable = tuple((key, relative(data[key], run_origins)) for key in IDENTITY_DATA if key in data)
    return audit_id, relative(finding.get("url"), run_origins), finding.get("message_key"), stable


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
    write_json(result, path)


def write_json(value, path: str | Path) -> None:
    """Write `value` as JSON without building the text in memory: spilled rows and
    generators inside it are written as arrays, one item per line, as they are read."""
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(_encode(value, 0))


def _encode(value, level: int) -> Iterator[str]:
    indent = "\n" + " " * (level + 1)
    if isinstance(value, dict) and value:
        for n, (key, item) in enumerate(value.items()):
            yield ("{" if n == 0 else ",") + indent + json.dumps(str(key), ensure_ascii=False) + ": "
            yield from _encode(item, level + 1)
        yield "\n" + " " * level + "}"
    elif isinstance(value, list) and value:  # small lists that may hold streamed parts
        for n, item in enumerate(value):
            yield ("[" if n == 0 else ",") + indent
            yield from _encode(item, level + 1)
        yield "\n" + " " * level + "]"
    elif isinstance(value, (Rows, Iterator)):  # each row or item a plain JSON value
        n = -1
        texts = value.encoded() if isinstance(value, Rows) else (json.dumps(item, ensure_ascii=False) for item in value)
        for n, text in enumerate(texts):
            yield ("[" if n == 0 else ",") + indent + text
        yield "[]" if n < 0 else "\n" + " " * level + "]"
    else:
        yield json.dumps(value, ensure_ascii=False)


def read_result(path: str | Path) -> dict:
    """A result.json read back; its pages and findings go to a spill, not into memory."""
    path = Path(path)
    if path.is_dir():
        path = path / "result.json"
    with open(path, "rb") as f:
        try:
            result = _parse(ijson.parse(f, use_float=True), Spill())
        except ijson.JSONError as exc:
            raise ValueError(f"{path} is not valid JSON ({exc})") from None
    if not isinstance(result, dict) or "audits" not in result or "pages" not in result:
        raise ValueError(f"{path} is not an audit result (no 'audits' or 'pages')")
    return result


def _parse(events, spill: Spill):
    """Build the JSON value of `events`, with the page and findings lists as rows of `spill`."""
    top = ObjectBuilder()
    for prefix, event, value in events:
        if event == "start_array" and SPILLED.fullmatch(prefix):
            kind = "pages" if prefix == "pages" else prefix.split(".")[1]
            spill.add(kind, _items(events))
            top.event("null", spill.rows(kind))  # a scalar event places the rows as they are
            continue
        top.event(event, value)
    return top.value


def _items(events) -> Iterator:
    """The items of the array just opened in `events`, each built as it ends."""
    depth, builder = 0, None
    for _, event, value in events:
        if depth == 0:
            if event == "end_array":
                return
            if event not in ("start_map", "start_array"):
                yield value
                continue
            builder = ObjectBuilder()
        builder.event(event, value)
        depth += event in ("start_map", "start_array")
        depth -= event in ("end_map", "end_array")
        if depth == 0:
            yield builder.value
