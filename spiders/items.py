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
    lines: list[int | None] = field(default_factory=list)  # the line of each URL in the sitemap


@dataclass
class RobotsFile:
    """A site's robots.txt as the crawl read it, so that findings can name the rule that blocked a URL."""

    origin: str
    text: str


@dataclass
class SitemapCheck:
    """A sitemap as the spider met it: where it was named, what it answered, what it held."""

    url: str
    source: str  # robots.txt | default (/sitemap.xml, named nowhere) | the sitemap index naming it
    status: int | None = None
    error: str | None = None  # failed, not a sitemap, too large, unreadable gzip
    urls: int = 0  # the URLs it lists
    offsite: int = 0  # of those, URLs on another host (search engines ignore them)
    bytes: int = 0  # uncompressed


@dataclass
class References:
    """The files a stylesheet (url(), @import) or a web app manifest (icons) names."""

    source: str
    targets: list[tuple[str, str]] = field(default_factory=list)  # (url, kind)


@dataclass
class TrapCut:
    """A discovered URL the spider did not queue because it feeds a crawl trap."""

    url: str
    kind: str  # long-url | repeated-path | session-id | query-variants
    pattern: str  # the family of URLs the rule capped, as a person reads it
    source: str | None = None  # the page the link was found on


@dataclass
class MissingPageProbe:
    """The site's answer to an address that names no page (spiders/probes.py)."""

    url: str
    status: int | None
    final_url: str | None = None  # where its redirects, followed on the site, ended
    title: str | None = None
    error: str | None = None


@dataclass
class LocaleProbe:
    """The start URL as a browser set to another language gets it (spiders/probes.py)."""

    url: str
    language: str  # the browser's language asked for (Accept-Language, navigator.languages)
    status: int | None
    final_url: str | None = None  # where its redirects, followed on the site, ended
    lang: str | None = None  # <html lang>
    title: str | None = None
    text: str = ""  # the start of its text (TEXT_SAMPLE characters), its language told by the audit
    words: int = 0
    rendered: bool = False  # its scripts ran, in a browser set to that language
    error: str | None = None
