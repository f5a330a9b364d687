"""Links no crawler can follow, and client routes a crawler reads as one URL.

Crawlers follow `<a href>` with a real URL and nothing else (Google Search Central:
make your links crawlable): not `href="javascript:..."`, not `href="#"` with a click
handler, not an `<a>` without href, not a `div` or `span` that navigates when clicked.
Routes written after `#` (`#/products/3`) are one URL to a crawler.
"""

from __future__ import annotations

MAX_EXAMPLES = 10
MAX_SNIPPET = 160
# Attributes that make an element navigate on click in common frameworks.
CLICK_ATTRS = ("onclick", "ng-click", "v-on:click", "@click", "(click)", "data-href", "data-url", "data-link")
CLICKABLE = "//*[" + " or ".join(f"@{a}" for a in CLICK_ATTRS if a.replace("-", "").isalpha()) + " or @role='link']"


def _snippet(el) -> str:
    attrs = " ".join(f'{k}="{v}"' for k, v in el.attrib.items())
    text = " ".join("".join(el.itertext()).split())[:40]
    return (f"<{el.tag} {attrs}>" if attrs else f"<{el.tag}>")[:MAX_SNIPPET - len(text)] + text


def _clicks(el) -> bool:
    return any(name in el.attrib for name in CLICK_ATTRS)


def anchor_facts(root) -> dict:
    """{"uncrawlable": [{kind, snippet}], "uncrawlable_count", "hash_routes": [...]}; {} when clean."""
    bad: list[tuple[str, str]] = []
    routes: dict[str, None] = {}
    for a in root.iter("a"):
        href = a.get("href")
        if href is None:
            if _clicks(a) or a.get("role") == "link":
                bad.append(("no-href", _snippet(a)))
            continue
        raw = href.strip()
        low = raw.lower()
        if low.startswith("javascript:"):
            bad.append(("javascript", _snippet(a)))
        elif raw in ("", "#") and _clicks(a):
            bad.append(("hash", _snippet(a)))
        elif "#/" in raw or "#!" in raw:
            routes["#" + raw.split("#", 1)[1]] = None
    for el in root.xpath(CLICKABLE):
        if isinstance(el.tag, str) and el.tag not in ("a", "button", "input", "select", "textarea", "label", "summary",
                                                      "option", "form"):
            bad.append(("clickable", _snippet(el)))
    if not bad and not routes:
        return {}
    facts = {}
    if bad:
        facts["uncrawlable"] = [{"kind": k, "snippet": s} for k, s in bad[:MAX_EXAMPLES]]
        facts["uncrawlable_count"] = len(bad)
    if routes:
        facts["hash_routes"] = list(routes)[:MAX_EXAMPLES]
        facts["hash_route_count"] = len(routes)
    return facts
