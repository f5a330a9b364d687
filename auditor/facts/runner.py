"""Run every audit over the stored pages in one streaming pass and build the result."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from auditor.audits import all_audits
from auditor.audits.base import CATEGORIES, Audit, Finding, SiteAudit
from auditor.ci.budgets import IgnoreRule, ignored_by
from auditor.model import PageRecord, Site
from auditor.urls import INDEX_FILES, folder_of_index
from auditor.store.spill import Spill
from auditor.store.runs import Store
from auditor.facts.alias_facts import PageAliases
from auditor.facts.fragment_facts import FragmentTargets
from auditor.facts.page_pass import fed
from auditor.facts.contact_facts import ContactPages
from auditor.facts.rtl_facts import gather as rtl_facts
from auditor.facts.touchpoint_facts import TouchpointPages
from auditor.gather.workers import worker_pool

BATCH = 50  # pages audited at a time


class PageTally:
    """What one audit's page checks add up to over a batch of pages: picklable, so a
    worker process can send it back (auditor/facts/audit_process.py)."""

    __slots__ = ("scores", "failing_pages", "errors", "rows")

    def __init__(self):
        self.scores: list[float] = []  # one per page the audit applied to, in page order
        self.failing_pages = 0
        self.errors: list[dict] = []
        self.rows: list[str] = []  # the findings, as the spill keeps them (JSON)


class PageAudits:
    """The page audits, run on a batch of pages at a time (here or in a worker)."""

    def __init__(self, audits: list[Audit], site: Site, ignore: tuple[IgnoreRule, ...] = ()):
        self.audits, self.site, self.ignore = audits, site, ignore

    def check(self, pages: Iterable[PageRecord]) -> list[PageTally]:
        """One tally per audit, in the order of `audits`."""
        tallies = [PageTally() for _ in self.audits]
        for page in pages:
            found = [(audit, _audit_page(audit, tally, page, self.site)) for audit, tally in zip(self.audits, tallies)]
            link_root_causes(found)
            for (audit, findings), tally in zip(found, tallies):
                tally.rows.extend(Spill.encode(tagged(f.to_dict(), audit.meta.id, self.ignore)) for f in findings)
        return tallies


def tagged(finding: dict, audit_id: str, ignore: tuple[IgnoreRule, ...]) -> dict:
    """The finding, with the reason of the ignore rule that drops it."""
    rule = ignored_by(ignore, audit_id, finding) if ignore else None
    if rule is not None:
        finding["ignored"] = rule.reason
    return finding


class _Tally:
    """One audit's running totals; its findings go straight to the spill."""

    def __init__(self, audit: Audit, spill: Spill, ignore: tuple[IgnoreRule, ...]):
        self.audit = audit
        self.spill = spill
        self.ignore = ignore
        self.applicable = 0
        self.score_sum = 0.0
        self.failing_pages = 0
        self.errors: list[dict] = []

    def keep(self, findings: list[Finding]) -> None:
        if findings:
            self.spill.add(self.audit.meta.id, (tagged(f.to_dict(), self.audit.meta.id, self.ignore) for f in findings))

    def merge(self, part: PageTally) -> None:
        self.applicable += len(part.scores)
        for score in part.scores:  # added one by one, in page order, as a single pass would
            self.score_sum += score
        self.failing_pages += part.failing_pages
        self.errors += part.errors
        if part.rows:
            self.spill.add_encoded(self.audit.meta.id, part.rows)


class AuditRun:
    """Every audit over a site: the page audits' tallies are merged batch by batch, in
    page order (`add`), then the site audits run and `result` gives the `audits` and
    `categories` parts of the result. Findings are kept in `spill` (a new one when not
    given); those an ignore rule drops carry its reason."""

    def __init__(self, site: Site, audits: Iterable[Audit] | None = None, spill: Spill | None = None,
                 ignore: tuple[IgnoreRule, ...] = ()):
        self.site = site
        self.spill = spill if spill is not None else Spill()
        self.tallies = [_Tally(a, self.spill, ignore) for a in (audits if audits is not None else all_audits())]
        self.page_tallies = [t for t in self.tallies if not isinstance(t.audit, SiteAudit)]
        self.page_audits = PageAudits([t.audit for t in self.page_tallies], site, ignore)

    def add(self, parts: list[PageTally]) -> None:
        for tally, part in zip(self.page_tallies, parts):
            tally.merge(part)

    def result(self) -> dict:
        site_found = [(tally, _audit_site(tally, self.site)) for tally in self.tallies if isinstance(tally.audit, SiteAudit)]
        # site findings on one page (the home page, mostly) may follow from one another
        on_page: dict[str, list[tuple[Audit, list[Finding]]]] = {}
        for tally, findings in site_found:
            for finding in findings:
                on_page.setdefault(finding.url, []).append((tally.audit, [finding]))
        for found in on_page.values():
            link_root_causes(found)
        for tally, findings in site_found:
            tally.keep(findings)
        audits_out = {t.audit.meta.id: _audit_result(t) for t in self.tallies}
        return {"audits": audits_out, "categories": categories(audits_out)}


def run_audits(pages: Iterable[PageRecord], site: Site, audits: Iterable[Audit] | None = None,
               spill: Spill | None = None, ignore: tuple[IgnoreRule, ...] = ()) -> dict:
    """Audit every page once, here; return the `audits` and `categories` parts of the result."""
    run = AuditRun(site, audits, spill, ignore)
    pages = iter(pages)
    while batch := list(islice(pages, BATCH)):
        run.add(run.page_audits.check(batch))
    return run.result()


def _audit_page(audit: Audit, tally: PageTally, page: PageRecord, site: Site) -> list[Finding]:
    try:
        if not audit.applies(page, site):
            return []
        findings = list(audit.check(page, site))
        score = audit.page_score(page, site, findings)
    except Exception as exc:  # a bug or an odd page never loses the run
        tally.errors.append({"url": page.url, "error": f"{type(exc).__name__}: {exc}"})
        return []
    tally.scores.append(score)
    tally.failing_pages += bool(findings)
    return findings


def link_root_causes(found: list[tuple[Audit, list[Finding]]]) -> None:
    """One page's findings that follow from another finding on it (bidi runs on a page
    whose declared direction is wrong) name it as their root cause: they keep their
    count, and the fix plan folds them into that one problem."""
    page_wide = tuple(f"{audit.meta.id}:{f.message_key}" for audit, findings in found for f in findings
                      if f.message_key in audit.meta.causes_all_on_page)
    may_follow = [(finding, candidates) for audit, findings in found for finding in findings
                  if finding.message_key not in audit.meta.causes_all_on_page
                  and (candidates := audit.meta.root_causes + finding.follows_from + page_wide)]
    if not may_follow:
        return
    causes = {f"{audit.meta.id}:{f.message_key}" for audit, findings in found for f in findings}
    for finding, candidates in may_follow:
        cause = next((k for k in candidates if k in causes), None)
        if cause is not None:
            audit_id, key = cause.split(":", 1)
            finding.data["root_cause"] = {"audit": audit_id, "message_key": key}


def _audit_site(tally: _Tally, site: Site) -> list[Finding]:
    """The site audit's findings, its score and its failing pages counted in its tally."""
    audit = tally.audit
    try:
        findings = list(audit.check_site(site))
        score = audit.site_score(site, findings)
    except Exception as exc:
        tally.errors.append({"url": None, "error": f"{type(exc).__name__}: {exc}"})
        return []
    if score is not None:
        tally.applicable = 1
        tally.score_sum = score
    tally.failing_pages = len({f.url for f in findings})
    return findings


def _audit_result(tally: _Tally) -> dict:
    score = round(tally.score_sum / tally.applicable, 3) if tally.applicable else None
    return {
        **tally.audit.meta.to_dict(),
        "score": score,
        "applicable": tally.applicable,
        "failing_pages": tally.failing_pages,
        "findings": tally.spill.rows(tally.audit.meta.id),
        "errors": tally.errors,
        **({"scoring": scoring} if (scoring := tally.audit.scoring()) else {}),
    }


def categories(audits: dict[str, dict]) -> dict[str, dict]:
    """Weighted mean of each category's audits; not-applicable audits weigh nothing."""
    out = {}
    for cat, title in CATEGORIES.items():
        members = [a for a in audits.values() if a["category"] == cat]
        if not members:
            continue
        scored = [a for a in members if a["score"] is not None]
        weight = sum(a["weight"] for a in scored)
        out[cat] = {
            "title": title,
            "score": round(sum(a["score"] * a["weight"] for a in scored) / weight, 3) if weight else None,
            "audits": [a["id"] for a in members],
        }
    return out


class PageFacts:
    """The whole-site facts read from page content: one pass over every stored page's
    record (decoding a record costs more than what each fact takes from it), the costliest
    part of the site facts. A forked process makes it while this one goes on with the
    facts read by queries; where nothing forks, or the process dies, it is made here."""

    def __init__(self, store: Store, start_urls: list[str]):
        self.passes = (TouchpointPages(start_urls[0] if start_urls else None), FragmentTargets(), ContactPages(),
                       PageAliases())
        self._pool = worker_pool()
        self._future = self._pool.submit(_fed_from, store.path, self.passes) if self._pool is not None else None

    def result(self, store: Store) -> tuple:
        """The passes, fed."""
        try:
            if self._future is not None:
                passes = self._future.result()
                # not in a finally: a run stopped while waiting kills the process (__exit__)
                self.close()
                return passes
        except BrokenProcessPool:
            self.close()
        return fed(store, *self.passes)

    def close(self, now: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(now)
            self._pool = None

    def __enter__(self) -> "PageFacts":
        return self

    def __exit__(self, *exc) -> None:
        self.close(now=True)  # the run stopped before it asked for the result: no waiting for the pass


def _fed_from(path: str, passes: tuple) -> tuple:
    store = Store(path)
    try:
        return fed(store, *passes)
    finally:
        store.close()


def site_from_store(store: Store, start_urls: list[str], settings: dict | None = None,
                    page_facts: PageFacts | None = None) -> Site:
    """Gather the whole-site facts the audits need: a few queries, and the pass over the
    stored pages (`page_facts`, when started earlier)."""
    if page_facts is None:
        with PageFacts(store, start_urls) as page_facts:
            return site_from_store(store, start_urls, settings, page_facts)
    hreflang = store.hreflang_map()
    queried = dict(
        status=store.statuses(),
        errors=store.errors(),
        redirects=store.redirects(),
        visitor_redirects=store.visitor_redirects(),
        hreflang=hreflang,
        traps=store.traps(),
        missing_page=store.missing_page(),
        locale_probe=store.locale_probe(),
        robots_blocked=store.robots_blocked_links(),
        robots_txt=store.robots_files(),
        sitemaps=store.sitemaps(),
        sitemap_problems=store.sitemap_problems(),
        references=store.references(),
        **store.canonical_facts(),
        **rtl_facts(store),
    )
    *passes, copies = page_facts.result(store)
    touchpoints, fragments, contacts = (each.result(store) for each in passes)
    aliases = copies.result(store)
    return Site(
        start_urls=start_urls,
        title_counts=_shared(store, "title", aliases, hreflang),
        description_counts=_shared(store, "meta_description", aliases, hreflang),
        aliases=aliases,
        settings=settings or {},
        **queried,
        **touchpoints,
        **fragments,
        **contacts,
    )


def _shared(store: Store, column: str, copies: dict[str, str], hreflang: dict[str, list[dict]]) -> Counter:
    """How many pages share each title or meta description (those shared only), one page's
    URLs counted once: its folder and index file, its copies under a query string, and its
    language versions (hreflang alternates sharing an untranslated title: the untranslated
    version is lang-mismatch's finding, not a second page with the same title)."""
    def page_of(url: str) -> str:
        url = copies.get(url, url)
        return folder_of_index(url) or url

    groups: dict[str, dict[str, str]] = {}  # value -> {url: the page it is}
    for value, url in store.urls_with(column, store.value_counts(column, INDEX_FILES)):
        groups.setdefault(value, {})[url] = page_of(url)
    counts = Counter()
    for value, pages in groups.items():
        twins = [(page, page_of(alternate.get("href") or "")) for url, page in pages.items()
                 for alternate in hreflang.get(url, ())]
        versions = _groups(set(pages.values()), twins)
        if versions > 1:
            counts[value] = versions
    return counts


def _groups(items: set[str], pairs: list[tuple[str, str]]) -> int:
    """How many groups `items` make once each pair of them is joined (union-find)."""
    parent = {item: item for item in items}

    def root(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for a, b in pairs:
        if a in parent and b in parent:
            parent[root(b)] = root(a)
    return len({root(item) for item in items})
