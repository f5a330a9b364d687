"""Run every audit over the stored pages in one streaming pass and build the result."""

from __future__ import annotations

from collections.abc import Iterable

from auditor.audits import all_audits
from auditor.audits.base import CATEGORIES, Audit, Finding, SiteAudit
from auditor.ci.budgets import IgnoreRule, ignored_by
from auditor.model import PageRecord, Site
from auditor.store.spill import Spill
from auditor.store.runs import Store
from auditor.facts.fragment_facts import FragmentTargets
from auditor.facts.page_pass import fed
from auditor.facts.contact_facts import ContactPages
from auditor.facts.rtl_facts import gather as rtl_facts
from auditor.facts.touchpoint_facts import TouchpointPages


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
            self.spill.add(self.audit.meta.id, (self._tagged(f.to_dict()) for f in findings))

    def _tagged(self, finding: dict) -> dict:
        rule = ignored_by(self.ignore, self.audit.meta.id, finding) if self.ignore else None
        if rule is not None:
            finding["ignored"] = rule.reason
        return finding


def run_audits(pages: Iterable[PageRecord], site: Site, audits: Iterable[Audit] | None = None,
               spill: Spill | None = None, ignore: tuple[IgnoreRule, ...] = ()) -> dict:
    """Audit every page once; return the `audits` and `categories` parts of the result.

    Findings are kept in `spill` (a new one when not given) and each audit's
    `findings` reads them back from there; those an ignore rule drops carry its reason.
    """
    spill = spill if spill is not None else Spill()
    tallies = [_Tally(a, spill, ignore) for a in (audits if audits is not None else all_audits())]
    page_tallies = [t for t in tallies if not isinstance(t.audit, SiteAudit)]
    linked = [t for t in page_tallies if t.audit.meta.root_causes]
    for page in pages:
        found = [(tally, _audit_page(tally, page, site)) for tally in page_tallies]
        if linked:
            link_root_causes(found)
        for tally, findings in found:
            tally.keep(findings)
    for tally in tallies:
        if isinstance(tally.audit, SiteAudit):
            _audit_site(tally, site)
    audits_out = {t.audit.meta.id: _audit_result(t) for t in tallies}
    return {"audits": audits_out, "categories": categories(audits_out)}


def _audit_page(tally: _Tally, page: PageRecord, site: Site) -> list[Finding]:
    audit = tally.audit
    try:
        if not audit.applies(page, site):
            return []
        findings = list(audit.check(page, site))
        score = audit.page_score(page, site, findings)
    except Exception as exc:  # a bug or an odd page never loses the run
        tally.errors.append({"url": page.url, "error": f"{type(exc).__name__}: {exc}"})
        return []
    tally.applicable += 1
    tally.score_sum += score
    tally.failing_pages += bool(findings)
    return findings


def link_root_causes(found: list[tuple[_Tally, list[Finding]]]) -> None:
    """One page's findings that follow from another finding on it (bidi runs on a page
    whose declared direction is wrong) name it as their root cause: they keep their
    count, and the fix plan folds them into that one problem."""
    causes = {f"{tally.audit.meta.id}:{f.message_key}": f for tally, findings in found for f in findings}
    for tally, findings in found:
        cause = next((k for k in tally.audit.meta.root_causes if k in causes), None)
        if cause is None:
            continue
        audit_id, key = cause.split(":", 1)
        for finding in findings:
            finding.data["root_cause"] = {"audit": audit_id, "message_key": key}


def _audit_site(tally: _Tally, site: Site) -> None:
    audit = tally.audit
    try:
        findings = list(audit.check_site(site))
        score = audit.site_score(site, findings)
    except Exception as exc:
        tally.errors.append({"url": None, "error": f"{type(exc).__name__}: {exc}"})
        return
    if score is not None:
        tally.applicable = 1
        tally.score_sum = score
    tally.failing_pages = len({f.url for f in findings})
    tally.keep(findings)


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


def site_from_store(store: Store, start_urls: list[str], settings: dict | None = None) -> Site:
    """Gather the whole-site facts the audits need, in a few queries and one pass over
    the stored pages (decoding a page's record costs more than what each fact takes)."""
    passes = fed(store, TouchpointPages(), FragmentTargets(), ContactPages())
    touchpoints, fragments, contacts = (each.result(store) for each in passes)
    return Site(
        start_urls=start_urls,
        status=store.statuses(),
        errors=store.errors(),
        redirects=store.redirects(),
        title_counts=store.value_counts("title"),
        description_counts=store.value_counts("meta_description"),
        hreflang=store.hreflang_map(),
        traps=store.traps(),
        robots_blocked=store.robots_blocked_links(),
        sitemaps=store.sitemaps(),
        sitemap_problems=store.sitemap_problems(),
        references=store.references(),
        **store.canonical_facts(),
        settings=settings or {},
        **touchpoints,
        **rtl_facts(store),
        **fragments,
        **contacts,
    )
