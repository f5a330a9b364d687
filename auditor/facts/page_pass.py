"""One pass over the stored pages' records for the whole-site facts read from page
content: decoding a record costs more than what each fact takes from it."""

from __future__ import annotations

from auditor.store.runs import Store


def fed(store: Store, *passes):
    """Give every stored page's record (as a dict) to each pass's add(); the passes."""
    for record in store.page_dicts():
        for each in passes:
            each.add(record)
    return passes
