"""The part of a page's first-screen screenshot around the element a finding names.

The render stage records where the elements it reports sit on the first screen
(`pages[].render.boxes`: the screen's size in CSS px and `{selector: [x, y, w, h]}`).
A finding naming one of those selectors gets a crop: the element with a margin, at
least a readable strip of the screen around it, and the element's box to outline.
The report shows it with CSS alone (the screenshot positioned in a clipping frame), so
no image is decoded or re-encoded here. Pure over result.json.
"""

from __future__ import annotations

import re

BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}\Z")
MARGIN = 24  # CSS px around the element
MIN_W, MIN_H = 320, 180  # CSS px: enough of the page around a small element to recognise where it is
SHOT_W = 600  # screenshots wider than this are scaled down to it (auditor/browser/screenshot.py)
SHOW_MIN, SHOW_MAX = 240, 480  # px the crop is shown at


ID = re.compile(r"#([A-Za-z_][\w-]*)(?:[.:][\w()-]+)*\Z")  # the id in a selector's last part (`form > input#name`)


def _candidates(finding: dict) -> list[str]:
    """The keys the render stage may have located the finding's element under."""
    data = finding.get("data") or {}
    out = [finding.get("selector"), data.get("element"), data.get("nav_selector")]
    targets = data.get("targets")
    if isinstance(targets, list) and targets:
        out.append(targets[0])
    out = [s for s in out if isinstance(s, str) and s]
    out += ["#" + m.group(1) for s in out if (m := ID.search(s.strip()))]
    if isinstance(data.get("src"), str) and data["src"]:
        out.append("img@" + data["src"])
    return out


def _span(start: float, size: float, least: float, total: float) -> tuple[float, float]:
    """[start, end) widened to `least` around its middle, kept inside [0, total]."""
    end = start + size
    if end - start < least:
        middle = (start + end) / 2
        start, end = middle - least / 2, middle + least / 2
    start, end = max(start, 0), min(end, total)
    if end - start < least:  # against an edge: grow to the other side
        start, end = (0, min(least, total)) if start == 0 else (max(total - least, 0), total)
    return start, end


def crop(box: list, width: float, height: float) -> dict | None:
    """The frame around `box` on a `width` x `height` screen, as percentages the report's CSS uses."""
    try:
        x, y, w, h = (float(v) for v in box)
    except (TypeError, ValueError):
        return None
    if width <= 0 or height <= 0 or w <= 0 or h <= 0:
        return None
    x0, x1 = _span(x - MARGIN, w + 2 * MARGIN, min(MIN_W, width), width)
    y0, y1 = _span(y - MARGIN, h + 2 * MARGIN, min(MIN_H, height), height)
    cw, ch = x1 - x0, y1 - y0
    if cw <= 0 or ch <= 0:
        return None
    pct = lambda v, of: round(100 * v / of, 3)
    shown = cw * min(width, SHOT_W) / width  # the crop's width in screenshot pixels
    return {
        "ratio": f"{round(cw)} / {round(ch)}",
        "show": round(min(max(shown, SHOW_MIN), SHOW_MAX)),
        "img": {"width": pct(width, cw), "left": pct(-x0, cw), "top": pct(-y0, ch)},
        "mark": {"left": pct(max(x, x0) - x0, cw), "top": pct(max(y, y0) - y0, ch),
                 "width": pct(min(x + w, x1) - max(x, x0), cw), "height": pct(min(y + h, y1) - max(y, y0), ch)},
    }


class Locator:
    """Crops for findings, from the boxes and screenshots of one result's pages."""

    def __init__(self, pages: list[dict]):
        self.of: dict[str, tuple[dict, str]] = {}
        for page in pages:
            boxes = (page.get("render") or {}).get("boxes")
            shot = page.get("screenshot")
            if isinstance(boxes, dict) and isinstance(boxes.get("items"), dict) and isinstance(shot, str) \
                    and BASE64.match(shot):
                self.of[page.get("url")] = (boxes, shot)

    def __call__(self, finding: dict) -> dict | None:
        """{url, selector, screenshot, ...crop} for the first element of `finding` on its page's first screen."""
        found = self.of.get(finding.get("url"))
        if found is None:
            return None
        boxes, shot = found
        for selector in _candidates(finding):
            box = boxes["items"].get(selector)
            frame = crop(box, boxes.get("width") or 0, boxes.get("height") or 0) if box else None
            if frame:
                label = selector[4:] if selector.startswith("img@") else selector  # an image by its address
                return {"url": finding["url"], "selector": selector, "label": label, "screenshot": shot, **frame}
        return None
