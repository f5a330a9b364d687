"""The fragments a page links to and the ids it offers as fragment targets.

Fills record.facts["fragments"] = {"ids": [...], "links": [[target, fragment, text], ...]}
(targets normalised without their fragment), or leaves it out when the page has neither.
"""

from __future__ import annotations

from auditor.urls import normalize

MAX_IDS = 5000
MAX_LINKS = 300
TEXT = 80


def extract_fragments(root, record, base: str) -> None:
    ids = {el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get("id")}
    ids.update(a.get("name") for a in root.iter("a") if a.get("name"))
    links, seen = [], set()
    for a in root.iter("a", "area"):
        href = (a.get("href") or "").strip()
        if "#" not in href or len(links) >= MAX_LINKS:
            continue
        fragment = href.split("#", 1)[1]
        if not _checkable(fragment) or _share_button(a):
            continue
        target = normalize(href, base)
        if not target or (target, fragment) in seen:
            continue
        seen.add((target, fragment))
        links.append([target, fragment, " ".join("".join(a.itertext()).split())[:TEXT]])
    if ids or links:
        record.facts["fragments"] = {"ids": sorted(ids)[:MAX_IDS], "links": links}


def _share_button(a) -> bool:
    """An AddToAny share button (class a2a_button_facebook, a2a_dd): its script replaces
    the placeholder address (/#facebook) with the share service's."""
    return any(name.startswith(("a2a_button_", "a2a_dd")) for name in (a.get("class") or "").split())


def _checkable(fragment: str) -> bool:
    """A fragment that names an element: not empty, not #top (the page's top, per HTML),
    not a script's route or state (#/path, #!/path, #key=value) nor a text fragment."""
    return bool(fragment) and fragment.lower() != "top" and not fragment.startswith(("/", "!", ":~:")) \
        and "=" not in fragment
