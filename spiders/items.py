"""Items the spider yields besides page records (auditor.model.PageRecord)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ResourceCheck:
    """A sub-resource or file checked without being parsed."""

    url: str
    kind: str  # image | script | stylesheet | file
    status: int | None
    content_type: str = ""
    size: int | None = None
    error: str | None = None
    body: str | None = None  # stylesheets only: the CSS, for the direction checks


@dataclass
class SitemapUrls:
    sitemap: str
    urls: list[str] = field(default_factory=list)


@dataclass
class TrapCut:
    """A discovered URL the spider did not queue because it feeds a crawl trap."""

    url: str
    kind: str  # long-url | repeated-path | session-id | query-variants
    pattern: str  # the family of URLs the rule capped, as a person reads it
    source: str | None = None  # the page the link was found on
