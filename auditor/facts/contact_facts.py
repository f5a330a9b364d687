"""The contact details each page shows, gathered over the whole site for the
contact-consistency audit."""

from __future__ import annotations

from auditor.store.runs import Store
from auditor.text.contacts import page_contacts


class ContactPages:
    """Fed every stored page's record (the one pass over the store's pages)."""

    def __init__(self):
        self.contacts: dict[str, dict[str, dict]] = {}

    def add(self, record: dict) -> None:
        hrefs = [link.get("href") or "" for link in record.get("links") or ()]
        for kind, values in page_contacts(hrefs, record.get("text") or "").items():
            for key, shown in values.items():
                entry = self.contacts.setdefault(kind, {}).setdefault(key, {"shown": shown, "pages": []})
                entry["pages"].append(record["url"])

    def result(self, store: Store) -> dict:
        """`contacts` of `Site`: kind -> value key -> {"shown": as first written, "pages": [urls, sorted]}."""
        for values in self.contacts.values():  # in URL order, whatever order the crawl met the pages in
            for entry in values.values():
                entry["pages"].sort()
        return {"contacts": self.contacts}


def gather(store: Store) -> dict:
    pages = ContactPages()
    for record in store.page_dicts():
        pages.add(record)
    return pages.result(store)
