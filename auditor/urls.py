"""URL normalisation and the audited site's scope."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from w3lib.url import safe_url_string

DEFAULT_PORTS = {"http": 80, "https": 443}
UNFETCHED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:", "whatsapp:", "fax:")


def normalize(url: str, base: str | None = None) -> str | None:
    """An absolute, comparable form of `url`: fragment dropped, host lower-cased and
    IDNA-encoded, default port dropped, path percent-encoded as UTF-8 (so an Arabic
    path and its encoded form are one URL). None for what is not an http(s) URL."""
    url = (url or "").strip()
    if base:
        url = _join(base, url)
    return _normalize_absolute(url)


def _join(base: str, url: str) -> str:
    # Site navigation repeats the same root-relative and absolute links on every
    # page: resolve those without urljoin so the cache below serves them.
    if url.startswith(("http://", "https://")):
        return url
    if url.startswith("/") and not url.startswith("//"):
        scheme_end = base.find("://")
        if scheme_end > 0:
            path_start = base.find("/", scheme_end + 3)
            return (base if path_start < 0 else base[:path_start]) + url
    if url and url[0] not in "?#" and not url.startswith("//"):
        # A relative path resolves the same from every page of one folder.
        return _join_in_folder(base[:base.rfind("/") + 1], url)
    return urljoin(base, url)


def clear_caches() -> None:
    """Forget the URLs seen so far: the crawl fills these caches, and nothing after it
    needs them (at 30,000 pages they hold some 15 MB)."""
    _join_in_folder.cache_clear()
    _normalize_absolute.cache_clear()
    origin.cache_clear()


@lru_cache(maxsize=65536)
def _join_in_folder(folder: str, url: str) -> str:
    return urljoin(folder, url)


@lru_cache(maxsize=65536)
def _normalize_absolute(url: str) -> str | None:
    try:
        parts = urlsplit(safe_url_string(url, encoding="utf-8"))
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        return None
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, _remove_dot_segments(parts.path), parts.query, ""))


def _remove_dot_segments(path: str) -> str:
    if "." not in path:
        return path or "/"
    out: list[str] = []
    segments = path.split("/")
    for seg in segments:
        if seg == "..":
            if len(out) > 1:
                out.pop()
        elif seg != ".":
            out.append(seg)
    if segments[-1] in (".", ".."):
        out.append("")
    return "/".join(out) or "/"


def display(url: str) -> str:
    """A URL as a person reads it: percent-encoded UTF-8 (Arabic paths) decoded."""
    try:
        return unquote(url, errors="strict")
    except UnicodeDecodeError:
        return url


def site_key(url: str) -> str:
    """The host a URL belongs to, with a leading www. ignored."""
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


@lru_cache(maxsize=65536)  # asked of every link of every page: menus repeat theirs
def origin(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) as RFC 6454 compares origins: 127.0.0.1:8000 and
    127.0.0.1:9000 are two sites. A leading www. is ignored, as in site_key."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return scheme, site_key(url), port or DEFAULT_PORTS[scheme]


# Files a web server answers for a folder's own URL: /guide/index.html is /guide/.
INDEX_FILES = ("index.html", "index.htm", "index.php")


def folder_of_index(url: str) -> str | None:
    """The folder URL a folder's index file is also served at (/guide/index.html -> /guide/), else None."""
    for name in INDEX_FILES:
        if url.endswith("/" + name):
            return url[: -len(name)]
    return None


# An address no site has a page at: the crawl asks for it once, to see how the server
# answers a missing page (the missing-page-status audit).
MISSING_PAGE_PATH = "/auditor-no-such-page-7c1e9b"


def same_origin(url: str, other: str) -> bool:
    return origin(url) is not None and origin(url) == origin(other)


@dataclass
class Scope:
    """Which URLs belong to the audit: the start URLs' origins, narrowed by patterns.

    `site_origins` are origins the site calls its own (its production address, when a
    staging copy is audited): URLs there are read as the audited copy's (`local`)."""

    start_urls: list[str]
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    site_origins: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.origins = {origin(u) for u in self.start_urls}
        home = urlsplit(self.start_urls[0]) if self.start_urls else None
        self.home = f"{home.scheme}://{home.netloc}" if home else ""
        self.aliases = {origin(u) for u in self.site_origins} - self.origins - {None}
        self._include = [re.compile(p) for p in self.include]
        self._exclude = [re.compile(p) for p in self.exclude]

    def on_site(self, url: str) -> bool:
        return origin(url) in self.origins

    def add_origin(self, url: str) -> None:
        """A start URL redirects (http to https, say): where it lands is the site too."""
        key = origin(url)
        if key:
            self.origins.add(key)

    def local(self, url: str) -> str:
        """`url` with a declared site origin replaced by the audited one."""
        if not self.aliases or not url or origin(url) not in self.aliases:
            return url
        parts = urlsplit(url)
        return normalize(self.home + urlunsplit(("", "", parts.path or "/", parts.query, ""))) or url

    def allows_resource(self, url: str) -> bool:
        """A file a page uses: on the site and not excluded (--include narrows pages only,
        since an included page's images and stylesheets still need checking)."""
        return self.on_site(url) and not any(p.search(url) for p in self._exclude)

    def allows(self, url: str) -> bool:
        """On the site and allowed by the include/exclude patterns (start URLs always are)."""
        if not self.on_site(url):
            return False
        if url in self.start_urls:
            return True
        if self._include and not any(p.search(url) for p in self._include):
            return False
        return not any(p.search(url) for p in self._exclude)
