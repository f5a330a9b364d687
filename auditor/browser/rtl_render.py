"""Rendered right-to-left facts, gathered in the loaded page (the render stage's `rtl` collector).

`rtl_probe(page)` is a Python collector (see auditor/browser/measure.py): it runs
after the timed load and returns plain JSON. On a page whose text is not
right-to-left it returns `{"is_rtl": false, ...}` and nothing more. On an RTL page:

- `direction`, `text_align`, `line_height`: `{count, items}`,
  items (at most MAX_ITEMS) being text blocks (p, li, h1-h6, td... and main,
  article, nav, header, footer holding text of their own) with `selector` and
  `snippet`:
  direction: computed `direction` against the script of the block's text
  (`text_script` rtl|ltr); text_align: RTL text aligned to the left
  (`text_align`, `direction`); line_height: RTL text (not headings) on two or more lines whose
  line pitch is under LINE_HEIGHT_BELOW times its font size (`ratio`,
  `line_height`, `font_size`, `lines`). Letter-spacing is not measured: Chromium
  never spaces the letters of a cursive script (CSS Text 3, cursive tracking), so
  it is judged from the stylesheets (the `letter-spacing` audit), for the browsers that do.
- `fonts`: per first declared family (at most MAX_FONT_GROUPS), which fonts
  Chromium used for the RTL letters (DevTools `CSS.getPlatformFontsForNode` on
  an off-screen probe set in that family only): `first_family`, `web_font`,
  `available` (False: a system font this machine lacks, so nothing is judged),
  `fallback` (RTL letters drawn by another font), `fallback_fonts`,
  `block_fonts` (every font used for the block), `selector`, `snippet`;
  `fonts_error` when the DevTools protocol could not answer.
- `layouts`: one per width, the profile's first, then the other one (phone
  412x823 for a desktop profile, desktop 1350x940 for a phone one), each with
  `width`, `height` (the viewport), `layout_width` (wider when a phone zooms
  out to fit a wide page), `client_width`, `scroll_width`, `elements` (boxes that
  cross the left or right edge of the viewport: `selector`, `snippet`, `left`,
  `right`, `width`, `side`), `element_count`, and `header` (`logo` with its
  `side` of the screen, `nav` with the `order` its items run in: ltr|rtl|mixed).
- `outlined_jpeg_b64`: when anything was found, a JPEG of the screen with the
  offending elements outlined in red (at most ~60 KB), `outlined_width` and
  `outlined` (how many elements); `ms`: what the collector cost.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from importlib.resources import files
from typing import Any

from auditor.browser.inpage import _SELECTOR_OF
from auditor.browser.profiles import DESKTOP, MOBILE
from auditor.browser.screenshot import first_screen_jpeg

MAX_ITEMS = 10
MAX_FONT_GROUPS = 3
LINE_HEIGHT_BELOW = 1.5
# Below this width the profile is a phone; the other width is then the desktop one.
PHONE_MAX_WIDTH = 800
CDP_TIMEOUT_S = 10


def _js(name: str) -> str:
    """An in-page script kept as a .js file beside this module (package data), so it reads and lints as JavaScript."""
    return files("auditor.browser").joinpath(name).read_text(encoding="utf-8")


_COMMON = _SELECTOR_OF + _js("rtl_common.js")
LAYOUT_JS = "(maxItems) => {" + _COMMON + "return layoutFacts(maxItems); }"
SCAN_JS = "async (opts) => {" + _COMMON + _js("rtl_scan.js") + "return scanFacts(opts); }"
REMOVE_PROBES_JS = _js("rtl_remove_probes.js")
OUTLINE_JS = _js("rtl_outline.js")
UNOUTLINE_JS = _js("rtl_unoutline.js")

SETTLE_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


async def rtl_probe(page: Any) -> dict[str, Any]:
    """The `rtl` collector: rendered RTL facts of the loaded page (see the module doc)."""
    started = time.monotonic()
    facts = await page.evaluate(SCAN_JS, {"maxItems": MAX_ITEMS, "maxFontGroups": MAX_FONT_GROUPS,
                                          "lineHeightBelow": LINE_HEIGHT_BELOW})
    if not facts.get("is_rtl"):
        facts["ms"] = round((time.monotonic() - started) * 1000)
        return facts
    cdp = await page.context.new_cdp_session(page)
    try:
        if facts.get("fonts"):
            try:
                await _platform_fonts(cdp, facts["fonts"])
            except Exception as exc:  # noqa: BLE001 - the other checks stand without the fonts
                facts["fonts_error"] = f"{type(exc).__name__}: {exc}"[:200]
                for group in facts["fonts"]:
                    group.pop("index", None)
            finally:
                await page.evaluate(REMOVE_PROBES_JS)
        layout = facts.pop("layout")
        first = page.viewport_size
        other = _other_size(first["width"])
        layout.update(first)
        found_here = _offenders(facts, layout)
        shot: dict[str, Any] = {}
        # Captures first: a clipped capture resets the emulated device metrics,
        # which setting the viewport size back (below) applies again.
        if found_here:
            shot = await _outlined_jpeg(page, cdp, found_here, first)
        await page.set_viewport_size(other)
        try:
            await page.evaluate(SETTLE_JS)
            other_layout = {**await page.evaluate(LAYOUT_JS, MAX_ITEMS), **other}
            found_there = _offenders({}, other_layout)
            if found_there and not found_here:
                shot = await _outlined_jpeg(page, cdp, found_there, other)
        finally:
            await page.set_viewport_size(first)
            await page.evaluate(SETTLE_JS)
        facts["layouts"] = [layout, other_layout]
        facts.update(shot or {"outlined_jpeg_b64": None, "outlined_width": None, "outlined": 0})
    finally:
        with contextlib.suppress(Exception):
            await cdp.detach()
    facts["ms"] = round((time.monotonic() - started) * 1000)
    return facts


def _other_size(width: int) -> dict[str, int]:
    prof = DESKTOP if width <= PHONE_MAX_WIDTH else MOBILE
    return {"width": prof.viewport_width, "height": prof.viewport_height}


async def _platform_fonts(cdp: Any, groups: list[dict[str, Any]]) -> None:
    """Fill each font group with the fonts Chromium used (DevTools CSS domain)."""
    async def send(method: str, params: dict | None = None) -> dict:
        return await asyncio.wait_for(cdp.send(method, params or {}), CDP_TIMEOUT_S)

    await send("DOM.enable")
    await send("CSS.enable")
    root = (await send("DOM.getDocument", {"depth": 0}))["root"]["nodeId"]

    async def fonts_of(selector: str) -> list[dict[str, Any]] | None:
        node = (await send("DOM.querySelector", {"nodeId": root, "selector": selector})).get("nodeId")
        if not node:
            return None
        return (await send("CSS.getPlatformFontsForNode", {"nodeId": node})).get("fonts") or []

    for group in groups:
        i = group.pop("index")
        block = await fonts_of(f'[data-auditor-rtl-font="{i}"]') or []
        rtl = await fonts_of(f'[data-auditor-rtl-probe="{i}-rtl"]') or []
        latin = await fonts_of(f'[data-auditor-rtl-probe="{i}-latin"]') or []
        group["block_fonts"] = [{"family": f["familyName"], "glyphs": f["glyphCount"], "web_font": f["isCustomFont"]}
                                for f in block]
        group.update(judge_fallback(group["first_family"], group["web_font"], rtl, latin))


def judge_fallback(first: str, web_font: bool, rtl_fonts: list[dict], latin_fonts: list[dict]) -> dict[str, Any]:
    """Did the RTL letters, set in `first` alone, need another font?

    In a probe set in the first family only, a web font is the only custom
    font; a system font is known by its family name. A system font that draws
    no Latin either is not installed here: nothing is judged.
    """
    def is_first(font: dict) -> bool:
        return bool(font.get("isCustomFont")) if web_font else font.get("familyName", "").lower() == first.lower()

    available = web_font or any(is_first(f) for f in latin_fonts)
    others = [f["familyName"] for f in rtl_fonts if not is_first(f)]
    return {
        "available": available,
        "fallback": bool(available and rtl_fonts and others),
        "fallback_fonts": others if available else [],
    }


def _offenders(facts: dict[str, Any], layout: dict[str, Any]) -> list[str]:
    """Selectors of everything found, in report order, without repeats."""
    selectors: list[str] = []
    for kind in ("direction", "text_align", "line_height"):
        selectors += [i["selector"] for i in (facts.get(kind) or {}).get("items", [])]
    selectors += [g["selector"] for g in facts.get("fonts") or [] if g.get("fallback")]
    selectors += [e["selector"] for e in layout.get("elements") or []]
    header = layout.get("header") or {}
    if mirrored_header(header):
        selectors += [header["logo"]["selector"], header["nav"]["selector"]]
    return list(dict.fromkeys(s for s in selectors if s))


def mirrored_header(header: dict[str, Any] | None) -> bool:
    """Logo on the left half and menu items running left to right: a header laid out for LTR."""
    header = header or {}
    logo, nav = header.get("logo"), header.get("nav")
    return bool(logo and nav and logo.get("side") == "left" and nav.get("order") == "ltr")


async def _outlined_jpeg(page: Any, cdp: Any, selectors: list[str], size: dict[str, int]) -> dict[str, Any]:
    marked = await page.evaluate(OUTLINE_JS, selectors)
    try:
        jpeg = await first_screen_jpeg(page, cdp, size["width"], size["height"], CDP_TIMEOUT_S,
                                       origin=(marked["x"], marked["y"]))
    finally:
        await page.evaluate(UNOUTLINE_JS, marked["scroll"])
    return {"outlined_jpeg_b64": jpeg, "outlined_width": size["width"], "outlined": marked["count"]}
