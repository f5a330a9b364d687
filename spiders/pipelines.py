"""Stream everything the spider yields into the run store."""

from __future__ import annotations

from dataclasses import asdict

from auditor.model import PageRecord
from auditor.store.runs import LOCALE_PROBE_KEY, MISSING_PAGE_KEY, Store
from spiders.items import (LocaleProbe, MissingPageProbe, References, ResourceCheck, RobotsFile, SitemapCheck, SitemapUrls,
                           TrapCut)

# Sent when the crawl must see every record stored so far committed (a crawl spread
# over machines, before this process reports itself idle).
store_flush = object()


class StorePipeline:
    def __init__(self, path: str):
        self.path = path
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler.settings.get("AUDITOR_STORE", "run.sqlite"))
        crawler.signals.connect(pipeline.flush, signal=store_flush)
        return pipeline

    def flush(self):
        if self.store is not None:
            self.store.commit()

    def open_spider(self, spider=None):
        self.store = Store(self.path)

    def close_spider(self, spider=None):
        self.store.close()

    def process_item(self, item, spider=None):
        if isinstance(item, PageRecord):
            self.store.add_page(item)
        elif isinstance(item, ResourceCheck):
            self.store.add_resource(item.url, item.kind, item.status, item.content_type, item.size, item.error, item.body)
        elif isinstance(item, SitemapUrls):
            self.store.add_sitemap_urls(item.urls, item.sitemap, item.lines)
        elif isinstance(item, SitemapCheck):
            self.store.add_sitemap(item)
        elif isinstance(item, References):
            self.store.add_references(item.source, item.targets)
        elif isinstance(item, RobotsFile):
            self.store.add_robots(item.origin, item.text)
        elif isinstance(item, TrapCut):
            self.store.add_trap(item.url, item.kind, item.pattern, item.source)
        elif isinstance(item, MissingPageProbe):
            self.store.set_run(MISSING_PAGE_KEY, asdict(item))
        elif isinstance(item, LocaleProbe):
            self.store.set_run(LOCALE_PROBE_KEY, asdict(item))
        return item
