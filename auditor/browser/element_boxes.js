// The boxes of the elements findings may name, where the first-screen screenshot shows
// them: scrolled to the top first, so the viewport is the screenshot's first screen.
// Besides the given selectors, every element with an id (`#id`) and every image
// (`img@` + its address): audits reading the HTML name elements that way.
(args) => {
  const [selectors, max] = args;
  window.scrollTo(0, 0);
  const vw = innerWidth, vh = innerHeight;
  const out = {};
  let count = 0;
  const keep = (key, el) => {
    if (!el || key in out || count >= max) return;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.right <= 0 || r.bottom <= 0 || r.left >= vw || r.top >= vh) return;
    out[key] = [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)];
    count++;
  };
  for (const s of selectors) {
    let el = null;
    try { el = document.querySelector(s); } catch (_) { continue; }
    keep(s, el);
  }
  for (const el of document.querySelectorAll('[id], img[src]')) {
    if (el.id) keep('#' + el.id, el);
    if (el.tagName === 'IMG' && el.src) keep('img@' + el.src, el);
  }
  return out;
}
