"""Where the elements a finding may name sit on the first-screen screenshot, so the
report can show the part of it around the element at fault.

The selectors are those the render stage itself reports (the LCP element, layout
shifts, axe-core's node targets, the right-to-left collectors' elements): audits name
elements by these selectors. Elements with an id and images are located too (`#id`,
`img@` + the image's address), as audits reading the HTML name them. Only boxes inside
the first screen are kept, at most MAX_BOXES.
"""

from __future__ import annotations

from typing import Any

from .inpage import script

BOXES_JS = script("element_boxes.js")
MAX_SELECTORS = 150
MAX_BOXES = 200
SELECTOR_KEYS = ("selector", "nav_selector")


def _selectors_in(value: Any, found: dict[str, None]) -> None:
    """Every selector string a collector's output holds, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in SELECTOR_KEYS and isinstance(item, str) and item:
                found[item] = None
            else:
                _selectors_in(item, found)
    elif isinstance(value, list):
        for item in value:
            _selectors_in(item, found)


def selectors_of(out: dict[str, Any]) -> list[str]:
    """The selectors a measurement result names, first seen first, at most MAX_SELECTORS."""
    found: dict[str, None] = {}
    lcp = out.get("lcp_element") or {}
    if isinstance(lcp.get("selector"), str) and lcp["selector"]:
        found[lcp["selector"]] = None
    for shift in out.get("layout_shifts") or ():
        found.update(dict.fromkeys(s for s in shift.get("selectors") or () if isinstance(s, str) and s))
    for violation in out.get("axe") or ():
        for node in violation.get("nodes") or ():
            target = node.get("target")
            if isinstance(target, str) and target:
                found[target] = None
    _selectors_in(out.get("collected") or {}, found)
    return list(found)[:MAX_SELECTORS]


async def element_boxes(page: Any, out: dict[str, Any], width: int, height: int) -> dict[str, Any] | None:
    """{"width", "height" (the first screen, CSS px), "items": {selector: [x, y, w, h]}}, or None."""
    items = await page.evaluate(BOXES_JS, [selectors_of(out), MAX_BOXES])
    return {"width": width, "height": height, "items": items} if items else None
