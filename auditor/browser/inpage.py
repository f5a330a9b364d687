"""JavaScript run inside the measured page.

OBSERVERS is added as an init script, so its PerformanceObservers exist before
any page script runs; the collectors are evaluated once the page has settled.
Everything the page gives back is plain JSON.
"""

from __future__ import annotations

# Name of the non-enumerable window property holding the observers' state.
STATE_KEY = "__auditorPerf"

# Builds a short CSS selector for an element (or a text node's parent), shared
# by the observers and the collectors.
_SELECTOR_OF = r"""
function selectorOf(node) {
  let el = node;
  if (el && el.nodeType !== 1) el = el.parentElement;
  if (!el || el.nodeType !== 1) return null;
  const parts = [];
  while (el && el.nodeType === 1 && parts.length < 6) {
    if (el.id) {
      const sel = '#' + CSS.escape(el.id);
      try {
        if (document.querySelectorAll(sel).length === 1) { parts.unshift(sel); break; }
      } catch (_) {}
    }
    let part = el.localName;
    if (el === document.documentElement || el === document.body) { parts.unshift(part); break; }
    const parent = el.parentElement;
    if (parent) {
      const same = Array.prototype.filter.call(parent.children, c => c.localName === el.localName);
      if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(el) + 1) + ')';
    }
    parts.unshift(part);
    el = parent;
  }
  return parts.join(' > ');
}
"""

OBSERVERS = (
    r"""
(() => {
  if (window.top !== window || window.__KEY__) return;
"""
    + _SELECTOR_OF
    + r"""
  const MAX_SHIFTS = 100;
  const state = {
    fcp: null, lcp: null, lcpElement: null,
    cls: 0, shifts: [], shiftCount: 0,
    longTasks: [],
  };
  // Session windows as in the Core Web Vitals definition: shifts less than
  // 1 s apart, a window at most 5 s long; CLS is the worst window.
  let win = 0, winFirst = -1, winLast = -1;
  Object.defineProperty(window, '__KEY__', {value: state, enumerable: false});
  // The default buffer of 250 entries loses resources on heavy pages.
  try { performance.setResourceTimingBufferSize(5000); } catch (_) {}

  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver(list => {
        for (const e of list.getEntries()) { try { onEntry(e); } catch (_) {} }
      }).observe({type, buffered: true});
    } catch (_) {}
  };
  observe('paint', e => {
    if (e.name === 'first-contentful-paint') state.fcp = e.startTime;
  });
  observe('largest-contentful-paint', e => {
    const el = e.element;
    let kind = 'text';
    if (el) {
      const tag = el.localName;
      if (tag === 'img' || tag === 'image') kind = 'image';
      else if (tag === 'video') kind = 'video';
      else if (e.url) kind = 'background-image';
    } else if (e.url) {
      kind = 'image';
    }
    state.lcp = e.startTime;
    state.lcpElement = {selector: selectorOf(el), kind, url: e.url || null, size: e.size};
  });
  observe('layout-shift', e => {
    if (e.hadRecentInput) return;
    const t = e.startTime;
    if (winFirst >= 0 && t - winLast < 1000 && t - winFirst < 5000) {
      win += e.value;
    } else {
      win = e.value; winFirst = t;
    }
    winLast = t;
    if (win > state.cls) state.cls = win;
    state.shiftCount += 1;
    if (state.shifts.length < MAX_SHIFTS) {
      const selectors = (e.sources || []).map(s => selectorOf(s.node)).filter(Boolean);
      state.shifts.push({start: t, value: e.value, selectors});
    }
  });
  observe('longtask', e => {
    state.longTasks.push({start: e.startTime, duration: e.duration});
  });
})();
"""
).replace("__KEY__", STATE_KEY)

# Timing facts, read at the end of the timed window.
COLLECT_TIMING = (
    r"""
() => {
  const s = window.__KEY__ || {};
  const nav = performance.getEntriesByType('navigation')[0];
  const renderBlocking = {};
  for (const e of performance.getEntriesByType('resource')) {
    if (e.renderBlockingStatus === 'blocking') renderBlocking[e.name] = true;
  }
  return {
    observed: Boolean(window.__KEY__),
    fcp: s.fcp ?? null,
    lcp: s.lcp ?? null,
    lcp_element: s.lcpElement ?? null,
    cls: s.cls ?? 0,
    layout_shifts: s.shifts ?? [],
    layout_shift_count: s.shiftCount ?? 0,
    long_tasks: s.longTasks ?? [],
    render_blocking_urls: Object.keys(renderBlocking),
    nav: nav ? {
      response_start: nav.responseStart,
      dom_content_loaded: nav.domContentLoadedEventEnd,
      load_event_end: nav.loadEventEnd,
    } : null,
    now: performance.now(),
    url: location.href,
  };
}
"""
).replace("__KEY__", STATE_KEY)

# Page facts that do not depend on timing, read after the timed window.
COLLECT_PAGE = r"""
() => {
  // An image without width and height attributes still reserves its box when CSS
  // fixes it: width and height (inline or from a rule it matches), or aspect-ratio.
  let sizeRules = null;
  const definite = v => !!v && !/^(auto|fit-content|max-content|min-content|initial|inherit|unset)$/.test(v.trim());
  function collectRules(list, out, depth) {
    for (const rule of list) {
      if (out.length >= 20000 || depth > 4) return;
      if (rule.selectorText !== undefined && rule.style) {
        const st = rule.style;
        if (st.width || st.height || st.inlineSize || st.blockSize) out.push(rule);
      } else if (rule.media && rule.cssRules) {
        if (window.matchMedia(rule.media.mediaText).matches) collectRules(rule.cssRules, out, depth + 1);
      } else if (rule.styleSheet) {
        try { collectRules(rule.styleSheet.cssRules, out, depth + 1); } catch (e) {}
      } else if (rule.cssRules) {
        collectRules(rule.cssRules, out, depth + 1);
      }
    }
  }
  function cssSized(img) {
    const ratio = getComputedStyle(img).aspectRatio || 'auto';
    if (!ratio.startsWith('auto')) return true;
    let w = definite(img.style.width) || definite(img.style.inlineSize);
    let h = definite(img.style.height) || definite(img.style.blockSize);
    if (w && h) return true;
    if (sizeRules === null) {
      sizeRules = [];
      for (const sheet of document.styleSheets) {
        try { collectRules(sheet.cssRules, sizeRules, 0); } catch (e) {}  // cross-origin sheets are unreadable
      }
    }
    for (const rule of sizeRules) {
      let hit = false;
      try { hit = img.matches(rule.selectorText); } catch (e) {}
      if (!hit) continue;
      w = w || definite(rule.style.width) || definite(rule.style.inlineSize);
      h = h || definite(rule.style.height) || definite(rule.style.blockSize);
      if (w && h) return true;
    }
    return false;
  }
  const images = [];
  for (const img of document.images) {
    if (images.length >= 500) break;
    const r = img.getBoundingClientRect();
    const attrs = img.hasAttribute('width') && img.hasAttribute('height');
    images.push({
      src: img.currentSrc || img.src || null,
      natural_w: img.naturalWidth,
      natural_h: img.naturalHeight,
      display_w: Math.round(r.width),
      display_h: Math.round(r.height),
      has_size_attrs: attrs,
      css_sized: attrs ? null : cssSized(img),
      loading: img.getAttribute('loading'),
    });
  }
  return {
    dom_nodes: document.getElementsByTagName('*').length,
    images,
  };
}
"""
