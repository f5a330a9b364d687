// Red outlines on the offending elements; the first one is scrolled into view
// (vertically only: a horizontal scroll would hide what sticks out).
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
