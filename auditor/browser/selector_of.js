// A short CSS selector for an element (or a text node's parent), shared by the
// performance observers, the collectors and the right-to-left scan.
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
