"""Pages read as a visitor's browser shows them (--js): which pages are rendered while
crawling, and the page record that rendering gives.

`auto` renders empty shells, and two pages of every group of pages that share a layout
and their scripts (`script_group`): when scripts change links, main text or head tags
there, every page of that group is rendered, and pages of the group read from their HTML
while it was sampled are fetched again to be rendered. Each page's `js` facts keep its
group, and a sample whether scripts changed what counts, so that `--resume` carries the
sampling on from the store (`resume_scripts`).
"""

from __future__ import annotations

import asyncio

import scrapy

from auditor.gather.extract import extract
from auditor.gather.rendered import changes_matter, is_shell, merge, script_changes, script_group
from auditor.model import PageRecord
from auditor.urls import normalize
from spiders.middlewares import RobotsTxtWaitMiddleware

SAMPLES = 2  # pages of each group rendered to learn whether scripts change it


def all_headers(response):
    for name, values in response.headers.items():
        yield name.decode("latin-1"), b", ".join(values).decode("latin-1")


class ScriptedPages:
    """The site spider's part that renders pages (mixed into SiteSpider)."""

    def init_scripts(self) -> None:
        # the browser (started on first use), and per group whether scripts change its
        # pages: True, False, or None while sampling
        self.renderer = None
        self.scripted: dict[str, bool | None] = {}
        self._samples: dict[str, int] = {}
        self._samples_done: dict[str, int] = {}
        self._waiting: dict[str, list[tuple[str, int]]] = {}
        self.rendered = 0
        self.stopping = False  # set when the crawl is told to stop

    @property
    def js(self) -> str:
        return self.settings.get("AUDITOR_JS") or "never"

    def render_reason(self, record: PageRecord, response, group: str | None) -> str | None:
        """Why this page is rendered (always | shell | template | sample), or None."""
        if self.js == "always":
            return "always"
        if response.meta.get("render"):
            return "template"
        if is_shell(record, response.body):
            return "shell"
        if record.status != 200 or group is None:
            return None  # without scripts the browser shows what the HTML says
        verdict = self.scripted.get(group)
        if verdict is None and self._samples.get(group, 0) < SAMPLES:
            self._samples[group] = self._samples.get(group, 0) + 1
            return "sample"
        if verdict is None:  # read from the HTML now; rendered later if the samples say so
            self._waiting.setdefault(group, []).append((record.url, response.meta["depth"]))
        return "template" if verdict else None

    async def with_scripts(self, record: PageRecord, response) -> PageRecord:
        """The page as a visitor's browser shows it, when it needs rendering."""
        group = script_group(record, response.body)
        page = await self._with_scripts(record, response, group)
        if group is not None:
            page.facts["js"]["script_group"] = group
        return page

    async def _with_scripts(self, record: PageRecord, response, group: str | None) -> PageRecord:
        reason = self.render_reason(record, response, group)
        if reason is None:
            record.facts["js"] = {"rendered": False}
            return record
        try:
            return await self.render_page(record, response, reason, group)
        except Exception as exc:  # the browser failing never loses the page: its HTML reading stands
            if self.stopping:
                raise  # ... unless the crawl is stopping: not stored, a resume fetches the page again
            self.logger.warning("rendering %s failed: %s", record.url, exc)
            self.sampled(group, reason, False)
            record.facts["js"] = {"rendered": False, "reason": reason, "error": f"{type(exc).__name__}: {exc}"[:300]}
            return record

    async def render_page(self, record: PageRecord, response, reason: str, group: str | None) -> PageRecord:
        from auditor.browser.crawl_render import RenderingStopped

        if self.stopping:  # nor is a browser started once the crawl is stopping
            raise RenderingStopped("the crawl is stopping")
        outcome = await self.browser().render(record.url, response.status, dict(all_headers(response)), response.body)
        self.rendered += 1
        if outcome.html is None:
            record.facts["js"] = {"rendered": False, "reason": reason, "error": outcome.error}
            self.sampled(group, reason, False)
            return record
        dom = PageRecord(url=record.url, status=record.status, final_url=record.final_url, headers=record.headers,
                         content_type=record.content_type, is_html=True)
        extract(dom, outcome.html.encode("utf-8"), "text/html; charset=utf-8")
        if outcome.hash_routed:  # its #fragments are views its scripts show (#hello-world), not sections
            for each in (record, dom):
                if "fragments" in each.facts:
                    each.facts["fragments"]["routed"] = True
        self.localize(dom)
        for link in dom.links:
            link.internal = link.kind in ("a", "area") and self.scope.on_site(link.href)
        changes = script_changes(record, dom)
        matters = changes_matter(changes, record.word_count)
        self.sampled(group, reason, matters)
        page = merge(record, dom, "template" if reason == "sample" else reason, changes, outcome.error,
                     outcome.blocked_navigations, outcome.blocked_posts)
        # A visitor goes on there without a click, as after an HTTP redirect.
        sent_to = [self.scope.local(u) for u in map(normalize, outcome.blocked_navigations) if u]
        # (a meta refresh read from the HTML stands, even when it fires later than the render waits)
        record.script_redirect = page.script_redirect = next((u for u in sent_to if self.scope.on_site(u)),
                                                             record.script_redirect)
        if reason == "sample":
            page.facts["js"].update(sample=True, changes_matter=matters)
            if not matters:  # scripts change nothing that counts here: the HTML's reading stands
                record.facts["js"] = page.facts["js"]
                return record
        return page

    def browser(self):
        """The crawl's renderer, started on first use."""
        if self.renderer is None:
            from auditor.browser.chromium import find_chromium
            from auditor.browser.crawl_render import CrawlRenderer

            settings = self.settings
            self.renderer = CrawlRenderer(find_chromium(settings.get("AUDITOR_CHROMIUM")),
                                          concurrency=settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN", 4),
                                          timeout_s=settings.getfloat("DOWNLOAD_TIMEOUT", 30),
                                          user_agent=settings.get("USER_AGENT"), allowed=self.browser_may_fetch)
        return self.renderer

    def browser_may_fetch(self, url: str) -> bool:
        """What a rendered page's scripts may load: what the crawl would fetch on the site
        (scope, --exclude, robots.txt); other hosts' scripts and data, as a visitor's
        browser loads them."""
        if not self.scope.on_site(url):
            return True
        if not self.scope.allows_resource(url):
            return False
        robots = self._robots_middleware()
        return robots is None or robots.allows(url)

    def _robots_middleware(self):
        if not self.settings.getbool("ROBOTSTXT_OBEY"):
            return None
        found = [m for m in self.crawler.engine.downloader.middleware.middlewares if isinstance(m, RobotsTxtWaitMiddleware)]
        return found[0] if found else None

    def sampled(self, layout: str | None, reason: str, matters: bool) -> None:
        """Learn from a sample whether its template's pages must be rendered."""
        if reason != "sample" or self.scripted.get(layout) is not None:
            return
        self._samples_done[layout] = self._samples_done.get(layout, 0) + 1
        if matters:
            self.scripted[layout] = True
        elif self._samples_done[layout] >= SAMPLES:
            self.scripted[layout] = False
            self._waiting.pop(layout, None)

    def resume_scripts(self, pages):
        """Carry on the sampling of an interrupted crawl from its stored pages, given as
        (url, depth, js facts) with a script group: the samples' verdicts, and the pages
        read from their HTML while their group was sampled, rendered now if scripts turned
        out to change that group (or once they do)."""
        pages = list(pages)
        for _url, _depth, js in pages:
            if js.get("sample") or js.get("reason") == "sample":
                group = js["script_group"]
                self._samples[group] = self._samples.get(group, 0) + 1
                self.sampled(group, "sample", bool(js.get("changes_matter")))
        for url, depth, js in pages:
            group = js["script_group"]
            if not js.get("rendered") and "reason" not in js and self.scripted.get(group) is not False:
                self._waiting.setdefault(group, []).append((url, depth or 0))
        yield from self.release_waiting()

    def release_waiting(self):
        """Pages read from their HTML while their template was being sampled, fetched
        again to be rendered now that scripts are known to change that template."""
        for layout in [k for k in self._waiting if self.scripted.get(k)]:
            for url, depth in self._waiting.pop(layout):
                yield scrapy.Request(url, callback=self.parse_page, errback=self.page_failed, dont_filter=True,
                                     meta={"url": url, "depth": depth, "render": True}, priority=-depth)

    def stop_rendering(self) -> None:
        """The crawl is stopping: pages waiting for the browser are not rendered, nor stored."""
        self.stopping = True
        if self.renderer is not None:
            asyncio.ensure_future(self.renderer.stop_taking())

    def close_renderer(self, spider=None):
        if self.renderer is not None:
            from scrapy.utils.defer import deferred_from_coro

            return deferred_from_coro(self.renderer.close())
        return None

