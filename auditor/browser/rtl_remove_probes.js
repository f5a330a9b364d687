() => {
  for (const el of document.querySelectorAll('[data-auditor-rtl-probes]')) el.remove();
  for (const el of document.querySelectorAll('[data-auditor-rtl-font]')) el.removeAttribute('data-auditor-rtl-font');
}
