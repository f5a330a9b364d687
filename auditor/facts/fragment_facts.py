"""The ids of the pages other pages link into with a fragment (page.html#section),
read from the run store before the audits run: only those pages' ids are kept."""

from __future__ import annotations

from auditor.facts.page_pass import fed
from auditor.store.runs import Store


class FragmentTargets:
    """Fed every stored page's record (the one pass over the store's pages)."""

    def __init__(self):
        self.targets: set[str] = set()

    def add(self, record: dict) -> None:
        own = {record.get("url"), record.get("final_url")}
        links = ((record.get("facts") or {}).get("fragments") or {}).get("links") or ()
        self.targets.update(target for target, _, _ in links if target not in own)

    def result(self, store: Store) -> dict:
        """`fragment_ids` of `Site`: target page -> the ids (and <a name>s) it has."""
        targets = self.targets
        redirects = store.redirects() if targets else {}
        for target in list(targets):
            for _ in range(10):  # where a redirecting target lands is the page whose ids count
                target = redirects.get(target)
                if target is None:
                    break
                targets.add(target)
        ids = {}
        for page in store.iter_pages(targets) if targets else ():
            fragments = page.facts.get("fragments") or {}
            if page.ok_html and not fragments.get("routed"):  # a script's views have no ids to check
                ids[page.url] = frozenset(fragments.get("ids") or ())
        return {"fragment_ids": ids}


def gather(store: Store) -> dict:
    (pages,) = fed(store, FragmentTargets())
    return pages.result(store)
