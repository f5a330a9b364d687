// Timing facts, read at the end of the timed window (__KEY__: the observers' state).
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
