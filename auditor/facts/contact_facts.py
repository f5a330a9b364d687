"""The contact details each page shows, gathered over the whole site for the
contact-consistency audit."""

from __future__ import annotations

from auditor.facts.page_pass import fed
from auditor.store.runs import Store
from auditor.text.addresses import group
from auditor.text.contacts import page_contacts


class ContactPages:
    """Fed every stored page's record (the one pass over the store's pages)."""

    def __init__(self):
        self.contacts: dict[str, dict[str, dict]] = {}
        self.addresses: list[tuple[str, str]] = []  # (url, address as written)

    def add(self, record: dict) -> None:
        hrefs = [link.get("href") or "" for link in record.get("links") or ()]
        for kind, values in page_contacts(hrefs, record.get("text") or "").items():
            for key, shown in values.items():
                entry = self.contacts.setdefault(kind, {}).setdefault(key, {"shown": shown, "pages": []})
                entry["pages"].append(record["url"])
        for address in (record.get("facts") or {}).get("addresses") or ():
            self.addresses.append((record["url"], address["text"]))

    def result(self, store: Store) -> dict:
        """`contacts` of `Site`: kind (phone, whatsapp, email, address) -> value key ->
        {"shown": as first written, "pages": [urls, sorted]}."""
        contacts = self.contacts
        if self.addresses:  # writings of one address are one value, keyed by its first writing in URL order
            addresses = sorted(self.addresses)
            key_of = group([text for _, text in addresses])
            for url, text in addresses:
                entry = contacts.setdefault("address", {}).setdefault(key_of[text], {"shown": key_of[text], "pages": []})
                if url not in entry["pages"]:
                    entry["pages"].append(url)
        for values in contacts.values():  # in URL order, whatever order the crawl met the pages in
            for entry in values.values():
                entry["pages"].sort()
        return {"contacts": contacts}


def gather(store: Store) -> dict:
    (pages,) = fed(store, ContactPages())
    return pages.result(store)
