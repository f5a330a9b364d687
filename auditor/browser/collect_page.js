// Page facts that do not depend on timing, read after the timed window.
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
