"""Rendered right-to-left facts, gathered in the loaded page (the render stage's `rtl` collector).

`rtl_probe(page)` is a Python collector (see auditor/browser/measure.py): it runs
after the timed load and returns plain JSON. On a page whose text is not
right-to-left it returns `{"is_rtl": false, ...}` and nothing more. On an RTL page:

- `direction`, `text_align`, `line_height`, `letter_spacing`: `{count, items}`,
  items (at most MAX_ITEMS) being text blocks (p, li, h1-h6, td... and main,
  article, nav, header, footer holding text of their own) with `selector` and
  `snippet`:
  direction: computed `direction` against the script of the block's text
  (`text_script` rtl|ltr); text_align: RTL text aligned to the left
  (`text_align`, `direction`); line_height: RTL text on two or more lines whose
  line pitch is under LINE_HEIGHT_BELOW times its font size (`ratio`,
  `line_height`, `font_size`, `lines`); letter_spacing: Arabic text with a
  computed letter-spacing that changes its rendered width (`letter_spacing`,
  `width`, `width_without`).
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

# Letters of right-to-left scripts; marks (Arabic diacritics) are not letters.
_SCRIPTS = r"""
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const ARABIC_LETTER = /\p{Script=Arabic}/u;
function scriptCounts(text) {
  const letters = text.match(/\p{L}/gu) || [];
  let rtl = 0, arabic = 0;
  for (const ch of letters) {
    if (RTL_LETTER.test(ch)) { rtl++; if (ARABIC_LETTER.test(ch)) arabic++; }
  }
  return {letters: letters.length, rtl, arabic, ltr: letters.length - rtl};
}
const clean = (text, n) => (text || '').replace(/\s+/g, ' ').trim().slice(0, n || 80);
const outer = el => clean(el.outerHTML, 160);
const round = (x, d) => { const k = Math.pow(10, d || 0); return Math.round(x * k) / k; };
function visible(el, style) {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && (style || getComputedStyle(el)).visibility !== 'hidden';
}
"""

# Overflow past the viewport's edges and the header's layout, at the current width.
_LAYOUT_BODY = r"""
function layoutFacts(maxItems) {
  const html = document.documentElement, body = document.body;
  const vw = html.clientWidth;
  const out = {
    layout_width: innerWidth, client_width: vw, scroll_width: html.scrollWidth,
    elements: [], element_count: 0, header: headerFacts(vw),
  };
  const reported = [];
  const all = body.getElementsByTagName('*');
  for (let i = 0; i < all.length && i < 5000; i++) {
    const el = all[i];
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    const pastRight = r.right > vw + 1 && r.left < vw - 1;
    const pastLeft = r.left < -1 && r.right > 1;
    if (!pastRight && !pastLeft) continue;
    // The outermost box only: its children stick out with it.
    if (reported.some(p => p.contains(el))) continue;
    if (clippedInside(el)) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.opacity === '0') continue;
    reported.push(el);
    out.element_count++;
    if (out.elements.length < maxItems) {
      out.elements.push({
        selector: selectorOf(el), snippet: outer(el), left: round(r.left), right: round(r.right),
        width: round(r.width), side: pastLeft && pastRight ? 'both' : (pastLeft ? 'left' : 'right'),
      });
    }
  }
  return out;
}
// Inside a scroller or a clipping box (a carousel), sticking out is by design.
function clippedInside(el) {
  for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
    if (getComputedStyle(p).overflowX !== 'visible') return true;
  }
  return false;
}
function box(el, vw) {
  const r = el.getBoundingClientRect();
  const centre = (r.left + r.right) / 2;
  return {selector: selectorOf(el), snippet: outer(el), left: round(r.left), right: round(r.right),
          side: centre < vw / 2 ? 'left' : 'right'};
}
function firstVisible(list) {
  for (const el of list) if (visible(el)) return el;
  return null;
}
function headerFacts(vw) {
  const firstNav = document.querySelector('nav, [role="navigation"]');
  const header = document.querySelector('header, [role="banner"]') || (firstNav && firstNav.parentElement);
  if (!header || header === document.body || !visible(header)) return null;
  const logo = firstVisible(header.querySelectorAll(
      '[class*="logo" i], [id*="logo" i], img[alt*="logo" i], img[src*="logo" i], [aria-label*="logo" i]'))
    || firstVisible(header.querySelectorAll('a[href="/"] img, a[href="/"] svg, a[rel~="home"] img, a[rel~="home"] svg'))
    || firstVisible(Array.from(header.querySelectorAll('img, svg')).filter(el => !el.closest('nav')));
  const nav = header.querySelector('nav, [role="navigation"]') || firstNav;
  let navFacts = null;
  if (nav && visible(nav)) {
    const links = Array.from(nav.querySelectorAll('a')).filter(a => visible(a));
    if (links.length) {
      // The items of the first row, in document order.
      const top = links[0].getBoundingClientRect();
      const row = links.filter(a => Math.abs(centreY(a) - (top.top + top.bottom) / 2) < 10);
      const xs = row.map(a => { const r = a.getBoundingClientRect(); return (r.left + r.right) / 2; });
      let order = 'mixed';
      if (xs.length >= 3 && xs.every((x, i) => i === 0 || x > xs[i - 1])) order = 'ltr';
      else if (xs.length >= 3 && xs.every((x, i) => i === 0 || x < xs[i - 1])) order = 'rtl';
      navFacts = {selector: selectorOf(nav), items: row.length, order,
                  first_item: clean(row[0].innerText, 40), first_item_side: box(row[0], vw).side};
    }
  }
  return {selector: selectorOf(header), logo: logo ? box(logo, vw) : null, nav: navFacts};
}
function centreY(el) { const r = el.getBoundingClientRect(); return (r.top + r.bottom) / 2; }
"""

LAYOUT_JS = "(maxItems) => {" + _SELECTOR_OF + _SCRIPTS + _LAYOUT_BODY + "return layoutFacts(maxItems); }"

SCAN_JS = (
    "async (opts) => {" + _SELECTOR_OF + _SCRIPTS + _LAYOUT_BODY + r"""
  const started = performance.now();
  // Generic families name no font of their own: nothing to compare with.
  const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-serif',
    'ui-sans-serif', 'ui-monospace', 'ui-rounded', 'math', 'emoji', 'fangsong', '-apple-system',
    'blinkmacsystemfont']);
  const html = document.documentElement, body = document.body;
  if (!body) return {is_rtl: false, rtl_share: 0};
  const counts = scriptCounts((body.innerText || '').slice(0, 50000));
  const share = counts.letters ? counts.rtl / counts.letters : 0;
  const lang = (html.getAttribute('lang') || '').trim().toLowerCase();
  const dir = (html.getAttribute('dir') || body.getAttribute('dir') || '').trim().toLowerCase();
  const rtlLang = /^(ar|he|iw|fa|ur|ps|sd|ug|yi|dv|ckb|syr)(-|$)/.test(lang);
  const out = {is_rtl: share >= 0.3 || dir === 'rtl' || rtlLang, rtl_share: round(share, 3), lang, dir};
  if (!out.is_rtl) return out;
  const maxItems = opts.maxItems;
  // Layout first, before the font probes exist.
  out.layout = layoutFacts(maxItems);

  const BLOCKS = 'main, article, p, li, h1, h2, h3, h4, h5, h6, nav, header, footer, td, th, blockquote';
  const CONTAINERS = new Set(['main', 'article', 'nav', 'header', 'footer']);
  const found = {direction: [], text_align: [], line_height: [], letter_spacing: []};
  const counted = {direction: 0, text_align: 0, line_height: 0, letter_spacing: 0};
  const add = (kind, item) => { counted[kind]++; if (found[kind].length < maxItems) found[kind].push(item); };
  const spaced = [];
  const fontGroups = new Map();
  const ownText = el => Array.prototype.some.call(el.childNodes, n => n.nodeType === 3 && /\p{L}/u.test(n.data));
  const blocks = body.querySelectorAll(BLOCKS);
  let checked = 0;
  for (let i = 0; i < blocks.length && i < 2000; i++) {
    const el = blocks[i];
    // A text block: text of its own, or a leaf of the block list (not a bare container).
    const own = ownText(el);
    if (!own && (CONTAINERS.has(el.localName) || el.querySelector(BLOCKS))) continue;
    const style = getComputedStyle(el);
    if (!visible(el, style)) continue;
    const text = (el.innerText || '').slice(0, 2000);
    const c = scriptCounts(text);
    if (!c.letters) continue;
    checked++;
    const rtlText = c.rtl >= 3 && c.rtl >= 0.6 * c.letters;
    const ltrText = c.ltr >= 20 && c.ltr >= 0.8 * c.letters;
    const item = {selector: selectorOf(el), snippet: clean(text)};
    // unicode-bidi: plaintext sets each paragraph's direction from its own text.
    const plaintext = style.unicodeBidi === 'plaintext';
    if (!plaintext && rtlText && style.direction === 'ltr') add('direction', {...item, direction: 'ltr', text_script: 'rtl'});
    if (!plaintext && ltrText && style.direction === 'rtl') add('direction', {...item, direction: 'rtl', text_script: 'ltr'});
    if (rtlText) {
      const ta = style.textAlign;
      const left = ta === 'left' || ta === '-webkit-left' || (ta === 'start' && style.direction === 'ltr')
                   || (ta === 'end' && style.direction === 'rtl');
      if (left) add('text_align', {...item, text_align: ta, direction: style.direction});
      const pitch = linePitch(el);
      if (pitch && pitch.fontSize > 0 && pitch.pitch / pitch.fontSize < opts.lineHeightBelow) {
        add('line_height', {...item, ratio: round(pitch.pitch / pitch.fontSize, 2), line_height: style.lineHeight,
                            font_size: round(pitch.fontSize, 1), lines: pitch.lines});
      }
      const first = firstFamily(style.fontFamily);
      const key = [first.toLowerCase(), style.fontWeight, style.fontStyle].join('|');
      if (first && !GENERIC.has(first.toLowerCase()) && !fontGroups.has(key) && fontGroups.size < opts.maxFontGroups) {
        fontGroups.set(key, {el, item, first, style, sample: rtlSample(text)});
      }
    }
    const ls = style.letterSpacing;
    if (c.arabic >= 3 && ls !== 'normal' && parseFloat(ls) !== 0) spaced.push({el, item, ls});
  }
  out.blocks_checked = checked;
  // Letter-spacing counts when it really moves the glyphs: measure with and without.
  for (const s of spaced) {
    const width = textWidth(s.el);
    const saved = [s.el.style.getPropertyValue('letter-spacing'), s.el.style.getPropertyPriority('letter-spacing')];
    s.el.style.setProperty('letter-spacing', 'normal', 'important');
    const without = textWidth(s.el);
    s.el.style.setProperty('letter-spacing', saved[0], saved[1]);
    if (!saved[0]) s.el.style.removeProperty('letter-spacing');
    if (Math.abs(width - without) >= 1) {
      add('letter_spacing', {...s.item, letter_spacing: s.ls, width: round(width), width_without: round(without)});
    }
    if (counted.letter_spacing >= 50) break;
  }
  Object.assign(out, Object.fromEntries(Object.keys(found).map(k => [k, {count: counted[k], items: found[k]}])));

  // Off-screen probes in the first family only: whatever draws their letters
  // and is not that family is a fallback. Fixed and clipped, so the page's
  // scroll width does not change.
  const declared = new Map();
  for (const face of document.fonts) declared.set(face.family.replace(/^["']|["']$/g, '').toLowerCase(), face.status);
  out.fonts = [];
  if (fontGroups.size) {
    const holder = document.createElement('div');
    holder.setAttribute('data-auditor-rtl-probes', '');
    holder.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;overflow:hidden;opacity:0;pointer-events:none';
    let i = 0;
    for (const g of fontGroups.values()) {
      const webFont = declared.has(g.first.toLowerCase());
      g.el.setAttribute('data-auditor-rtl-font', String(i));
      for (const [kind, text] of [['rtl', g.sample], ['latin', 'Hamburgefontsiv']]) {
        const span = document.createElement('span');
        span.setAttribute('data-auditor-rtl-probe', i + '-' + kind);
        span.style.cssText = 'white-space:nowrap;font-size:16px';
        span.style.fontFamily = JSON.stringify(g.first);
        span.style.fontWeight = g.style.fontWeight;
        span.style.fontStyle = g.style.fontStyle;
        span.textContent = text;
        holder.appendChild(span);
      }
      out.fonts.push({index: i, ...g.item, font_family: g.style.fontFamily, first_family: g.first, web_font: webFont,
                      web_font_status: webFont ? declared.get(g.first.toLowerCase()) : null});
      i++;
    }
    body.appendChild(holder);
    // Web fonts the probes ask for load now: wait for them, but not for long.
    await Promise.race([document.fonts.ready, new Promise(r => setTimeout(r, 2000))]);
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  }
  out.scan_ms = round(performance.now() - started);
  return out;

  function firstFamily(list) {
    const first = (list || '').split(',')[0] || '';
    return first.trim().replace(/^["']|["']$/g, '');
  }
  // The block's RTL letters without spaces: a space is drawn by any font.
  function rtlSample(text) {
    return Array.from(text).filter(ch => RTL_LETTER.test(ch)).slice(0, 40).join('');
  }
  function textWidth(el) {
    const range = document.createRange();
    range.selectNodeContents(el);
    let w = 0;
    for (const r of range.getClientRects()) w += r.width;
    return w;
  }
  // Distance between the lines of the first text run that wraps: the rendered
  // line height, whatever the CSS value (normal included).
  function linePitch(el) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let node, tried = 0;
    while ((node = walker.nextNode()) && tried < 20) {
      if (!/\S/.test(node.data)) continue;
      tried++;
      const range = document.createRange();
      range.selectNodeContents(node);
      const tops = [];
      for (const r of range.getClientRects()) {
        if (r.width >= 1 && !tops.some(t => Math.abs(t - r.top) < 2)) tops.push(r.top);
      }
      if (tops.length < 2) continue;
      tops.sort((a, b) => a - b);
      const gaps = tops.slice(1).map((t, k) => t - tops[k]).sort((a, b) => a - b);
      return {pitch: gaps[Math.floor(gaps.length / 2)], fontSize: parseFloat(getComputedStyle(node.parentElement).fontSize),
              lines: tops.length};
    }
    return null;
  }
}
"""
)

REMOVE_PROBES_JS = r"""
() => {
  for (const el of document.querySelectorAll('[data-auditor-rtl-probes]')) el.remove();
  for (const el of document.querySelectorAll('[data-auditor-rtl-font]')) el.removeAttribute('data-auditor-rtl-font');
}
"""

# Red outlines on the offending elements; the first one is scrolled into view
# (vertically only: a horizontal scroll would hide what sticks out).
OUTLINE_JS = r"""
async (selectors) => {
  const done = [];
  for (const s of selectors) {
    let el = null;
    try { el = document.querySelector(s); } catch (_) {}
    if (!el || done.includes(el)) continue;
    el.setAttribute('data-auditor-rtl-outline', '');
    if (el.hasAttribute('style')) el.setAttribute('data-auditor-rtl-style', el.getAttribute('style'));
    el.style.setProperty('outline', '3px solid #e00000', 'important');
    el.style.setProperty('outline-offset', '-2px', 'important');
    done.push(el);
  }
  const scroll = [scrollX, scrollY];
  if (done.length) {
    const r = done[0].getBoundingClientRect();
    if (r.top < 0 || r.bottom > innerHeight) window.scrollTo(scrollX, Math.max(0, scrollY + r.top - 40));
  }
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return {count: done.length, scroll, x: visualViewport.pageLeft, y: visualViewport.pageTop};
}
"""

UNOUTLINE_JS = r"""
(scroll) => {
  for (const el of document.querySelectorAll('[data-auditor-rtl-outline]')) {
    if (el.hasAttribute('data-auditor-rtl-style')) el.setAttribute('style', el.getAttribute('data-auditor-rtl-style'));
    else el.removeAttribute('style');
    el.removeAttribute('data-auditor-rtl-outline');
    el.removeAttribute('data-auditor-rtl-style');
  }
  window.scrollTo(scroll[0], scroll[1]);
}
"""

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
    for kind in ("direction", "text_align", "line_height", "letter_spacing"):
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
