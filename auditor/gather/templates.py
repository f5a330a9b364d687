"""A page's template: the key that groups pages of one layout.

Computed from one page's own facts, so the crawl, the site facts and the render stage's
sampling all read the same key.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from auditor.model import PageRecord

NUMBER = re.compile(r"\d+")


def url_pattern(url: str) -> str:
    """The URL with numbers and the last path segment generalised: /p/123.html -> /p/*."""
    parts = urlsplit(url)
    segments = [NUMBER.sub("{n}", s) for s in parts.path.split("/")]
    if segments[-1]:
        segments[-1] = "*"
    query = "?" + ",".join(sorted(k.split("=")[0] for k in parts.query.split("&"))) if parts.query else ""
    return "/".join(segments) + query


def structure(page: PageRecord) -> str:
    """A coarse signature of the page's layout: the regions that hold links, and
    whether it has a form (content such as heading levels varies within a template)."""
    regions = sorted({link.region for link in page.links})
    return "+".join(regions) + (" form" if page.forms else "")


def template_key(page: PageRecord) -> str:
    return f"{url_pattern(page.url)} [{structure(page)}]"
