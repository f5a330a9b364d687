// Whether the page's scripts answer a change of the address's #fragment by changing the
// page: the fragments its links name are then views or states of a script (#hello-world
// picks an example to show), not elements to scroll to. Tried once, with the first link
// into this page whose fragment names no element and is not the address's fragment
// already (a page may show its first view at once); null when there is no such link.
(async () => {
  const here = location.origin + location.pathname + location.search;
  const named = (f) => document.getElementById(f) || document.getElementsByName(f).length;
  let fragment = null;
  for (const a of document.querySelectorAll("a[href*='#']")) {
    let url;
    try { url = new URL(a.getAttribute("href"), location.href); } catch (e) { continue; }
    const f = url.hash.slice(1);
    if (url.origin + url.pathname + url.search !== here || !f || /^[/!]|^:~:|=/.test(f) || url.hash === location.hash) continue;
    let decoded = f;
    try { decoded = decodeURIComponent(f); } catch (e) { /* kept as written */ }
    if (!named(f) && !named(decoded)) { fragment = f; break; }
  }
  if (fragment === null) return null;
  let changed = 0;
  const observer = new MutationObserver((records) => {
    for (const r of records) changed += r.addedNodes.length + r.removedNodes.length + (r.type === "characterData");
  });
  observer.observe(document.documentElement, {childList: true, subtree: true, characterData: true});
  location.hash = fragment;
  for (let waited = 0; waited < 500 && !changed; waited += 50) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 0));
  observer.disconnect();
  return {fragment, changed};
})()
