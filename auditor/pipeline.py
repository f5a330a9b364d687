"""The stages wired in order: crawl -> site facts -> audits -> result -> reports."""

from __future__ import annotations

import ctypes
import gc
import json
import os
import platform
import signal
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import lxml.etree
import scrapy

import auditor
from auditor import urls
from auditor.facts.computed import Computed, boilerplate_blocks, sample_by_section
from auditor.facts.audit_process import PagePass, audited_batches, load_shared
from auditor.facts.inlinks import inlink_counts
from auditor.gather.crawl import CrawlOptions, Resume, crawl
from auditor.gather.outstanding import unfetched_pages
from auditor.gather.templates import assign as assign_templates
from auditor.options import STORED, default, of_stage
from auditor.browser.render import RenderOptions, render, start_browser
from auditor.result import build_result, page_summary, write_result
from auditor.facts.ahead import Ahead
from auditor.facts.runner import AuditRun, PageFacts, site_from_store
from auditor.store.spill import Spill
from auditor.store.runs import Store
from auditor.facts.touchpoint_facts import help_summary, summary as touchpoint_summary
from auditor.facts.js_summary import JsSummary
from auditor.progress import Progress
from auditor.urls import Scope
from reports import html
from reports.formats import files as output_files


SHARED = "shared-run.json"  # a spread crawl's Redis and PostgreSQL URLs, for --resume


class Unreachable(Exception):
    """The start URL gave no answer at all: nothing to audit."""


class Interrupted(Exception):
    """The crawl was stopped (Ctrl-C or SIGTERM); what it fetched is saved in the store."""

    def __init__(self, message: str, signum: int = signal.SIGINT):
        super().__init__(message)
        self.signum = signum


class Stopped(KeyboardInterrupt):
    """SIGINT or SIGTERM after the crawl: the stage in progress is abandoned (not an
    Exception, so that no `except Exception` in a page loop swallows it)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def stop_on_signals() -> None:
    """From now on the first SIGINT or SIGTERM raises Stopped in the main thread, so
    every stage stops (its `finally` blocks commit the store and close the browser);
    a second one exits at once."""
    def handler(signum, _frame):
        if handler.fired:
            os._exit(128 + signum)
        handler.fired = True
        raise Stopped(signum)

    handler.fired = False
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, handler)


def release_free_memory() -> None:
    """Hand the memory a finished stage freed back to the system. Thousands of page bodies
    (tens of kilobytes each, so from the C heap, not Python's own pools) leave the heap
    full of holes that the next stage's smaller objects cannot all reuse: glibc keeps
    them until told (malloc_trim). Elsewhere, nothing is done."""
    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def versions() -> dict:
    return {
        "auditor": auditor.__version__,
        "python": platform.python_version(),
        "scrapy": scrapy.__version__,
        "lxml": ".".join(map(str, lxml.etree.LXML_VERSION)),
    }


def fresh_store(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def audit_site(options: CrawlOptions, out: Path, values: dict, render_options: RenderOptions | None = None,
               show_progress: bool | None = None, ignore: tuple = ()) -> dict:
    """Crawl, render, audit and write result.json and report.html into `out`; `values` are
    the run's options (auditor/options.py), kept whole in the store for --resume.

    The result's pages and findings stay on disk (auditor.store.spill), so memory does not
    grow with the site; findings an ignore rule drops carry its reason.
    """
    render_options = render_options or RenderOptions(mode="none")
    out.mkdir(parents=True, exist_ok=True)
    started = datetime.now(timezone.utc)
    timings = {}
    save_options(options)
    t = time.perf_counter()
    ahead = Ahead(options.store_path)  # forks: before any thread starts
    browser = start_browser(render_options)  # Chromium starts while the crawl runs
    try:
        counters = crawl(options, show_progress)
        stop_on_signals()  # Scrapy's handlers, left installed, would ignore them now (and keep the crawler alive)
        urls.clear_caches()
        release_free_memory()
        timings["crawl"] = round(time.perf_counter() - t, 2)
        if counters.get("finish_reason") == "shutdown":
            raise Interrupted(f"{counters.get('urls', 0)} URLs fetched and saved", counters.get("signal", signal.SIGINT))
        store = Store(options.store_path)
    except BaseException:
        ahead.remove()
        if browser:
            browser.close()
        raise
    try:
        if options.frontier or options.resume:  # the spider counted only what this process fetched
            counters.update(store.crawl_counts())
        _check_reachable(store, options.start_urls)
        store.compute_site(options.start_urls)
        completeness = crawl_completeness(store, counters, options)
        store.set_templates(assign_templates(store.layouts()))
        render_info = {"mode": "none"}
        if render_options.mode != "none":
            ahead.stop()  # pages are measured with the machine to themselves
            t = time.perf_counter()
            render_info = render(store, options.start_urls, render_options, show_progress, browser)
            timings["render"] = round(time.perf_counter() - t, 2)
        t = time.perf_counter()
        audited = audit_pages(store, options.start_urls, of_stage(values, "audit"), ignore, show_progress, ahead)
        release_free_memory()
        timings["audit"] = round(time.perf_counter() - t, 2)
        run = {
            "start_urls": options.start_urls,
            "site": options.start_urls[0],
            "started_at": started.isoformat(timespec="seconds"),
            "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "settings": of_stage(values, "crawl", "render", "audit"),
            "render": render_info,
            "versions": versions(),
            "timings": timings,
            "readability_seconds": round(audited.readability_seconds, 2),  # within the audit timing
            "counts": {
                **audited.counts,
                "resources": counters.get("resources", 0),
                "errors": counters.get("errors", 0),
            },
            "crawl_finish_reason": counters.get("finish_reason"),
            **completeness,
            "touchpoints": audited.touchpoints,
            "site_kind": audited.site_kind,
            "help_links": audited.help_links,
            "outputs": output_files(values.get("format") or []),  # written beside the report (--format)
            "js": audited.scripts.result(values.get("js") or default("js")),
        }
        if "distributed" in counters:  # the processes that took part, and the requests re-leased
            run["distributed"] = counters["distributed"]
        store.set_run("run", run)
    finally:
        ahead.remove()
        store.close()
        if browser:
            browser.close()
    result = build_result(run, audited.spill.rows("pages"), audited.output)
    t = time.perf_counter()
    gc.freeze()  # writing makes many objects: the collections this sets off leave the run's own alone
    try:
        with Progress("Writing the report", show_progress):
            write_result(result, out / "result.json")
            html.write(result, out / "report.html", values.get("report_lang"))
    finally:
        gc.unfreeze()
    result["run"]["timings"]["report"] = round(time.perf_counter() - t, 2)
    return result


@dataclass
class AuditedPages:
    """What the audit pass leaves for the result: the rest of it (the whole-site facts,
    the pages' text) is freed before the report is written, which needs memory of its own."""

    spill: Spill  # the pages' summaries and the findings, on disk
    output: dict  # each audit's scores and counts (AuditRun.result)
    counts: dict
    scripts: JsSummary
    readability_seconds: float
    touchpoints: dict
    site_kind: dict
    help_links: list  # where readers ask for help off the site (touchpoint_facts.help_summary)


def audit_pages(store: Store, start_urls: list[str], values: dict, ignore: tuple, show_progress: bool | None,
                ahead: Ahead | None = None) -> AuditedPages:
    """The whole-site facts, then every stored page through the page audits (in worker
    processes), then the site audits; `ahead` analyses pages until the pass begins."""
    with Progress("Auditing", show_progress) as progress:
        with PageFacts(store, start_urls) as page_facts:  # read in a forked process meanwhile
            computed = Computed(boilerplate_blocks(store.iter_pages(sample_by_section(store.html_page_urls()))))
            inlinks = inlink_counts(store)
            load_shared()  # while the forked pass reads the records
            site = site_from_store(store, start_urls, values, page_facts)
        made = ahead.stop() if ahead else None
        audited = AuditedPages(Spill(), {}, {"urls": 0, "html_pages": 0}, JsSummary(), 0.0,
                               touchpoint_summary(site.touchpoints), site.site_kind, help_summary(site.help_links))
        audits = AuditRun(site, spill=audited.spill, ignore=ignore)
        page_pass = PagePass(computed, inlinks, audits.page_audits, page_summary, made)
        for batch in audited_batches(store.page_rows(), page_pass):
            audited.spill.add_encoded("pages", batch.summaries)
            audits.add(batch.tallies)
            audited.scripts.merge(batch.scripts)
            audited.readability_seconds += batch.readability_seconds
            audited.counts["urls"] += len(batch.summaries)
            audited.counts["html_pages"] += batch.html_pages
            progress.update(urls=audited.counts["urls"], pages=audited.counts["html_pages"])
        audited.output = audits.result()
    return audited


def crawl_completeness(store: Store, counters: dict, options: CrawlOptions) -> dict:
    """Whether every page URL the crawl discovered has an outcome (a page, a redirect, an
    error with its reason) and, when not, why: `stopped` (the crawl ended early), `max_pages`
    (the page limit left URLs unfetched) or `unreached`. Needs the click depths. (A spread
    crawl's final sweep also fetches the files pages use that no process checked.)"""
    scope = counters.get("scope") or Scope(options.start_urls, options.include, options.exclude, options.site_origin)
    unreached = len(unfetched_pages(store, scope, options.max_depth))
    reason = None
    if counters.get("finish_reason") not in (None, "finished"):
        reason = "stopped"
    elif unreached:
        reason = "max_pages" if options.max_pages and store.count_pages() >= options.max_pages else "unreached"
    return {"complete": reason is None, "incomplete_reason": reason, "unreached": unreached}


def save_options(options: CrawlOptions) -> None:
    """Keep the run's start URLs and every stored option with it, for --resume."""
    store = Store(options.store_path)
    try:
        store.set_run("options", options.settings())
    finally:
        store.close()


def remember_shared(out: Path, frontier: str | None, store: str | None) -> None:
    """Keep where a crawl spread over machines keeps its frontier and records (for
    --resume), readable by this user only since the URLs may hold passwords; a run on
    one machine removes what an earlier spread run in `out` left."""
    path = out / SHARED
    path.unlink(missing_ok=True)
    if frontier:
        path.touch(mode=0o600)
        path.write_text(json.dumps({"frontier": frontier, "store": store}), encoding="utf-8")


def resume_options(out: Path) -> tuple[CrawlOptions, dict]:
    """The crawl options of the interrupted run in `out`, with what is left to crawl, and all its option values."""
    path, frontier = out / "run.sqlite", None
    if (out / SHARED).is_file():  # a crawl spread over machines: carry on from its Redis and PostgreSQL
        shared = json.loads((out / SHARED).read_text(encoding="utf-8"))
        path, frontier = shared["store"], shared["frontier"]
    elif not path.is_file():
        raise FileNotFoundError(f"no run to resume in {out} (no run.sqlite)")
    try:
        store = Store(path)
        saved = store.get_run("options")
    except sqlite3.DatabaseError as exc:
        raise FileNotFoundError(f"{path} is not a run store ({exc})") from None
    except Exception as exc:  # the run's PostgreSQL is down or gone
        raise ConnectionError(f"cannot open the run's store to resume it: {exc}") from None
    try:
        if not saved:
            raise FileNotFoundError(f"{path} holds no options to resume from")
        values = of_stage(saved, *STORED)
        options = CrawlOptions.of(saved["start_urls"], values, str(path), frontier=frontier)
        if not store.count_pages():  # stopped before its first commit: the crawl starts from the start URLs
            return options, values
        store.compute_site(saved["start_urls"])  # depths for the frontier's discovery depth
        options.known_urls = store.known_urls()
        options.resume = Resume(store.frontier(), list(store.unchecked_resources()), store.count_pages(),
                                list(store.script_pages()))
    finally:
        store.close()
    return options, values


def _check_reachable(store: Store, start_urls: list[str]) -> None:
    statuses = store.statuses()
    if any(statuses.get(u) is not None for u in start_urls):
        return
    errors = store.errors()
    reasons = "; ".join(f"{u}: {errors.get(u, 'no answer')}" for u in start_urls)
    raise Unreachable(reasons)
