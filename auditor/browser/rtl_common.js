// Shared by the right-to-left collectors: letters of right-to-left scripts (marks such as
// Arabic diacritics are not letters), small helpers, and the overflow and header layout
// at the current width.
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
function scriptCounts(text) {
  const letters = text.match(/\p{L}/gu) || [];
  let rtl = 0;
  for (const ch of letters) {
    if (RTL_LETTER.test(ch)) rtl++;
  }
  return {letters: letters.length, rtl, ltr: letters.length - rtl};
}
const clean = (text, n) => (text || '').replace(/\s+/g, ' ').trim().slice(0, n || 80);
const outer = el => clean(el.outerHTML, 160);
const round = (x, d) => { const k = Math.pow(10, d || 0); return Math.round(x * k) / k; };
function visible(el, style) {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && (style || getComputedStyle(el)).visibility !== 'hidden';
}

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
