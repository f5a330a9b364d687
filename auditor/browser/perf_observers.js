// Performance observers, added as an init script so they exist before any page
// script runs. __KEY__ is the hidden window property holding their state;
// selectorOf (selector_of.js) is defined in the enclosing scope.
(() => {
  if (window.top !== window || window.__KEY__) return;
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
    // what the element shows, so a reader knows it without opening the page
    const text = el && kind === 'text' ? (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 100) : null;
    state.lcpElement = {selector: selectorOf(el), kind, url: e.url || null, size: e.size, tag: el ? el.localName : null, text};
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
