(scroll) => {
  for (const el of document.querySelectorAll('[data-auditor-rtl-outline]')) {
    if (el.hasAttribute('data-auditor-rtl-style')) el.setAttribute('style', el.getAttribute('data-auditor-rtl-style'));
    else el.removeAttribute('style');
    el.removeAttribute('data-auditor-rtl-outline');
    el.removeAttribute('data-auditor-rtl-style');
  }
  window.scrollTo(scroll[0], scroll[1]);
}
