// The rendered right-to-left facts of the loaded page (rtl_render.SCAN_JS).
async function scanFacts(opts) {
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
  const found = {direction: [], text_align: [], line_height: []};
  const counted = {direction: 0, text_align: 0, line_height: 0};
  const add = (kind, item) => { counted[kind]++; if (found[kind].length < maxItems) found[kind].push(item); };
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
    // A Latin name or plain words and numbers show as one run in order: only punctuation
    // and mixed text move (as the static check's PLAIN tokens).
    // A text whose first letter is right to left (a label before an address: דוא"ל: office@...)
    // takes that direction by the bidi algorithm's own rule: a right-to-left block is its due.
    // Right-to-left marks (RLM, ALM) in such a text say its author ordered it right to left on
    // purpose: a language menu, "English&rlm; • Español&rlm;", reads right to left on an Arabic page.
    const firstLetter = text.match(/\p{L}/u);
    const ltrText = c.ltr >= 20 && c.ltr >= 0.8 * c.letters && !(firstLetter && RTL_LETTER.test(firstLetter[0]))
      && !/^[A-Za-z][A-Za-z0-9]*(?: [A-Za-z0-9]+)*$/.test(text.trim().replace(/\s+/g, ' '))
      && !/[\u200F\u061C]/.test(text);
    const item = {selector: selectorOf(el), snippet: clean(text)};
    // unicode-bidi: plaintext sets each paragraph's direction from its own text.
    const plaintext = style.unicodeBidi === 'plaintext';
    if (!plaintext && rtlText && style.direction === 'ltr') {
      add('direction', {...item, direction: 'ltr', text_script: 'rtl', ...directionSource(el, style)});
    }
    if (!plaintext && ltrText && style.direction === 'rtl') {
      add('direction', {...item, direction: 'rtl', text_script: 'ltr', ...directionSource(el, style)});
    }
    if (rtlText) {
      const ta = style.textAlign;
      const left = ta === 'left' || ta === '-webkit-left' || (ta === 'start' && style.direction === 'ltr')
                   || (ta === 'end' && style.direction === 'rtl');
      if (left) add('text_align', {...item, text_align: ta, direction: style.direction});
      // WCAG 1.4.8 asks for space-and-a-half within paragraphs: headings are set tighter by design
      const pitch = /^h[1-6]$/.test(el.localName) ? null : linePitch(el);
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
  }
  out.blocks_checked = checked;
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

  // Where a block's direction comes from: the nearest element, itself or an ancestor,
  // whose dir attribute or CSS direction sets it (a carousel's dir="ltr" wrapper, a
  // direction rule), so one cause shows as one element.
  function directionSource(el, style) {
    let node = el, own = style;
    while (node) {
      const attr = node.getAttribute('dir');
      if (attr) return {set_by: selectorOf(node), set_with: `dir="${attr.trim().toLowerCase()}"`};
      const parent = node.parentElement;
      if (!parent) return {set_by: selectorOf(node), set_with: 'no dir attribute'};
      const above = getComputedStyle(parent);
      if (above.direction !== own.direction) return {set_by: selectorOf(node), set_with: `direction: ${own.direction}`};
      node = parent;
      own = above;
    }
    return {};
  }
  function firstFamily(list) {
    const first = (list || '').split(',')[0] || '';
    return first.trim().replace(/^["']|["']$/g, '');
  }
  // The block's RTL letters without spaces: a space is drawn by any font.
  function rtlSample(text) {
    return Array.from(text).filter(ch => RTL_LETTER.test(ch)).slice(0, 40).join('');
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
