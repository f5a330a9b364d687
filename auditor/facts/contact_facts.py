"""The contact details each page shows, gathered over the whole site for the
contact-consistency audit."""

from __future__ import annotations

from auditor.store.runs import Store
from auditor.text.contacts import page_contacts


def gather(store: Store) -> dict:
    """`contacts` of `Site`: kind -> value key -> {"shown": as first written, "pages": [urls, sorted]}."""
    contacts: dict[str, dict[str, dict]] = {}
    for record in store.page_dicts():
        hrefs = [link.get("href") or "" for link in record.get("links") or ()]
        for kind, values in page_contacts(hrefs, record.get("text") or "").items():
            for key, shown in values.items():
                entry = contacts.setdefault(kind, {}).setdefault(key, {"shown": shown, "pages": []})
                entry["pages"].append(record["url"])
    for values in contacts.values():  # in URL order, whatever order the crawl met the pages in
        for entry in values.values():
            entry["pages"].sort()
    return {"contacts": contacts}
