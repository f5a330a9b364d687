"""Two questions the crawl asks the site once, beside its pages (mixed into SiteSpider).

An address no site has a page at: a missing page must answer 404 (or 410), not 200 with
a page, or be redirected to one.

The start URL once more, by a browser set to another language: a site that picks its
language from the visitor's browser settings (Accept-Language on the server,
navigator.languages in its scripts) shows that version at no URL of its own, or sends
each visitor to the version it guessed, and search engines, which crawl with no language
preference, never see the other version there. The crawl asks in English (Scrapy's
Accept-Language, Chromium's language); the probe asks in Arabic, so that an Arabic,
Hebrew or Persian site adapting to English readers, and an English one adapting to
Arabic readers, both show it. Where the page has scripts, it is rendered in a browser
context set to Arabic, of its own.

Each answer's on-site redirects are followed, as a visitor's browser follows them.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import scrapy

from auditor.gather.extract import HTML_TYPES, extract
from auditor.gather.rendered import is_shell, script_group
from auditor.model import PageRecord
from auditor.urls import MISSING_PAGE_PATH, normalize
from spiders.failures import describe
from spiders.items import LocaleProbe, MissingPageProbe
from spiders.scripted import all_headers

MAX_PROBE_REDIRECTS = 5
TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.I | re.S)
MAX_TITLE_SEARCH = 100_000
PROBE_LANGUAGE = "ar"
TEXT_SAMPLE = 2000  # characters of the probe's text kept: enough to tell its language


class Probes:
    """SiteSpider's part that asks for a missing page and for the start URL in another language."""

    def probe_requests(self):
        start = urlsplit(self.start_urls[0])
        missing = f"{start.scheme}://{start.netloc}{MISSING_PAGE_PATH}"
        yield scrapy.Request(missing, callback=self.parse_missing_page, errback=self.missing_page_failed,
                             dont_filter=True, priority=-50, meta={"probe": missing, "hops": 0})
        yield scrapy.Request(self.start_urls[0], callback=self.parse_locale_probe, errback=self.locale_probe_failed,
                             headers={"Accept-Language": PROBE_LANGUAGE}, dont_filter=True, priority=-50,
                             meta={"probe": self.start_urls[0], "hops": 0})

    def _redirected(self, response):
        """The request following the response's redirect on the site, or None."""
        meta = response.meta
        location = response.headers.get("Location")
        if 300 <= response.status < 400 and location and meta["hops"] < MAX_PROBE_REDIRECTS:
            target = normalize(response.urljoin(location.decode("latin-1")))
            if target and self.scope.on_site(target):
                return response.request.replace(url=target, meta={**meta, "hops": meta["hops"] + 1})
        return None

    # -- an address that names no page ----------------------------------------------

    def parse_missing_page(self, response):
        if (request := self._redirected(response)) is not None:
            yield request
            return
        title = TITLE.search(response.body[:MAX_TITLE_SEARCH])
        yield MissingPageProbe(response.meta["probe"], response.status, response.url,
                               " ".join(title.group(1).decode("utf-8", "replace").split())[:120] if title else None)

    def missing_page_failed(self, failure):
        yield MissingPageProbe(failure.request.meta["probe"], None, error=describe(failure, failure.request))

    # -- the start URL in another language -------------------------------------------

    async def parse_locale_probe(self, response):
        if (request := self._redirected(response)) is not None:
            yield request
            return
        probe = LocaleProbe(response.meta["probe"], PROBE_LANGUAGE, response.status, response.url)
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        if response.status == 200 and content_type.split(";")[0].strip().lower() in HTML_TYPES and response.body:
            try:
                await self._read_probe(probe, response, content_type)
            except Exception as exc:  # noqa: BLE001 - a probe that fails is told, and never fails the crawl
                probe.error = f"{type(exc).__name__}: {exc}"[:300]
        yield probe

    async def _read_probe(self, probe: LocaleProbe, response, content_type: str) -> None:
        record = PageRecord(url=response.url, status=200, is_html=True)
        extract(record, response.body, content_type)
        if self.js != "never" and not self.stopping and (
                script_group(record, response.body) is not None or is_shell(record, response.body)):
            outcome = await self.browser().render_in_language(response.url, response.status, dict(all_headers(response)),
                                                              response.body, PROBE_LANGUAGE)
            if outcome.html is not None:
                record = PageRecord(url=response.url, status=200, is_html=True)
                extract(record, outcome.html.encode("utf-8"), "text/html; charset=utf-8")
                probe.rendered = True
            probe.error = outcome.error
        probe.lang, probe.title = record.lang, record.title
        probe.text, probe.words = (record.text or "")[:TEXT_SAMPLE], len((record.text or "").split())

    def locale_probe_failed(self, failure):
        yield LocaleProbe(failure.request.meta["probe"], PROBE_LANGUAGE, None, error=describe(failure, failure.request))
