"""What the rendered RTL audits share: the facts the render stage's `rtl`
collector stored in `page.facts["_collected"]["rtl"]` (see auditor/browser/rtl_render.py).

Those audits apply only to measured pages whose text is right-to-left.
"""

from __future__ import annotations

ARTIFACT = "page.facts._collected.rtl"
HELP_URL = "https://www.w3.org/International/questions/qa-html-dir"
# html-dir's findings that leave a right-to-left page's blocks left to right, or set a
# left-to-right page's blocks right to left (an untranslated copy declared dir="rtl")
HTML_DIR_WRONG = ("html-dir:missing", "html-dir:ltr-on-rtl", "html-dir:not-on-html", "html-dir:css-only",
                  "html-dir:rtl-on-ltr")


def rtl_facts(page) -> dict:
    facts = (page.facts.get("_collected") or {}).get("rtl")
    return facts if isinstance(facts, dict) else {}


def rendered_rtl(page) -> bool:
    """A 200 HTML page measured in Chromium whose text is right-to-left."""
    return page.ok_html and bool(rtl_facts(page).get("is_rtl"))


def found(page, kind: str) -> tuple[list[dict], int]:
    """The items of one kind of check and how many there were in all (items are capped)."""
    part = rtl_facts(page).get(kind) or {}
    items = list(part.get("items") or [])
    return items, max(int(part.get("count") or 0), len(items))


def layouts(page) -> list[dict]:
    """The page's layout at each width it was seen at, the profile's first."""
    return [x for x in rtl_facts(page).get("layouts") or [] if isinstance(x, dict)]


def mirrored_header(header: dict | None) -> bool:
    """Logo on the left half and menu items running left to right: a header laid out for LTR."""
    header = header or {}
    logo, nav = header.get("logo"), header.get("nav")
    return bool(logo and nav and logo.get("side") == "left" and nav.get("order") == "ltr")
