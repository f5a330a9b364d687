"""Hand-built artifacts for audit tests: no crawl, no browser, no reactor (the builders
live in auditor/audits/examples.py, where audits declare their failing examples)."""

from __future__ import annotations

from auditor.audits.examples import BASE, make_page, make_site
from auditor.model import PageRecord, Site

__all__ = ["BASE", "findings", "make_page", "make_site"]


def findings(audit, page: PageRecord, site: Site | None = None) -> list:
    """The findings of one audit on one page (empty when it does not apply)."""
    site = site or make_site([page])
    if not audit.applies(page, site):
        return []
    return list(audit.check(page, site))
