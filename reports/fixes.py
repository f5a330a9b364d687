"""The fix plan: findings grouped by cause, one fix per change an owner makes.

A cause is what one change fixes:

- a server setting (text compression, cache lifetimes, server response time): one fix
  for the whole site (`SERVER_SETTINGS`);
- a shared file (a render-blocking stylesheet or script, `data.resources`): one fix
  per file, listing the pages that load it; files that block the very same pages are
  one fix ("files"): they sit in one shared <head>, and each page's saving is counted once;
- a distinct rule (an axe rule, a stylesheet rule: `data.rule`, `stylesheet`,
  `css_rule`): one fix per rule;
- otherwise one fix per audit and message key (a key the audit fixes as another,
  `fix_as`, counts as that one), listing its pages and templates; it is a template
  defect ("template") when it hits every page of its templates.

Then findings that follow from another fix's cause fold into it (`folded`): a finding
linked to a root cause on its page (`data.root_cause`), also through a chain (a bidi
run follows from the page's declared language, which follows from its placeholder
text); a link or canonical pointing at a page that `http-status` reports, or redirected
to one (restoring or redirecting that page fixes both);
two message keys of one audit on the same pages (a noindex page that is also in the
sitemap); two audits naming the same value on the same pages (an invalid hreflang code
reported by two audits). Fixes rank by business impact (reports/rank.py) and carry the
reason for their rank. Pure over result.json.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from reports import rank
from reports.crops import Locator

SERVER_SETTINGS = frozenset({"text-compression", "cache-policy", "server-response-time"})
RULE_KEYS = ("rule", "stylesheet", "css_rule")  # each value is a defect of its own
TARGET_KEYS = ("target", "src", "code")  # values listed on a fix, and what two audits may share
DEAD_PAGE_AUDIT = "http-status"  # links and canonicals to the pages it reports are fixed with them
# Audits whose defect is visible on the page: their fixes show a screenshot.
VISUAL_CATEGORIES = frozenset({"rtl"})
VISUAL_AUDITS = frozenset({"cumulative-layout-shift", "unsized-images", "image-optimization",
                           "largest-contentful-paint", "broken-resource", "viewport"})
CHAIN_ROUNDS = 4  # links of root causes followed: a consequence of a consequence of a cause
EXAMPLES = 5
EVIDENCE = 3


def priority(impact: str, effort: str, pages: int, total_pages: int, journey=()) -> float:
    """An audit's worth when its pages are not weighed: severity x sqrt(share) x stage / effort."""
    return rank.score(impact, effort, min(pages / max(total_pages, 1), 1.0), rank.best_stage(journey))


def template_pattern(template: str | None) -> str | None:
    """The URL pattern of a template key (`/products/* [main+nav]` -> `/products/*`)."""
    if not template:
        return None
    return template.split(" [", 1)[0]


@dataclass
class Fix:
    id: str
    audit: dict
    message_key: str
    cause: str  # "site", "file", "files", "rule", "template" or "pages"
    cause_value: str | None  # the file's URL, or `rule=region`
    files: list[str] = field(default_factory=list)  # the files of a "files" fix, in the order found
    evidence: list[dict] = field(default_factory=list)  # the first few findings
    finding_count: int = 0
    pages: dict[str, None] = field(default_factory=dict)  # affected URLs, first seen first
    reach: dict[str, None] = field(default_factory=dict)  # pages whose visitors meet it, folded findings' too
    templates: list[tuple[str, int, int]] = field(default_factory=list)  # (URL pattern, pages hit, its pages)
    targets: dict[str, None] = field(default_factory=dict)  # the links, images or codes at fault
    folded: Counter = field(default_factory=Counter)  # audit id -> findings that share this fix's cause
    share: float = 0.0  # the share of visits its pages carry
    stage: str | None = None
    priority: float = 0.0
    screenshot_url: str | None = None  # a page with a screenshot, for visual defects
    crop: dict | None = None  # the screenshot around an element at fault (reports/crops.py)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def examples(self) -> list[str]:
        return list(islice(self.pages, EXAMPLES))

    @property
    def cause_field(self) -> str | None:
        return self.cause_value.split("=", 1)[0] if self.cause == "rule" and self.cause_value else None

    @property
    def cause_text(self) -> str | None:
        if self.cause == "rule" and self.cause_value:
            return self.cause_value.split("=", 1)[1]
        return self.cause_value

    @property
    def impact(self) -> str:
        """Its kind of finding's impact (an audit may weigh its message keys differently)."""
        return rank.impact_of(self.audit, self.message_key)

    @property
    def reason(self) -> dict:
        """Why it ranks where it does, in the terms of reports/rank.py."""
        return {"impact": self.impact, "share": self.share, "stage": self.stage,
                "effort": self.audit.get("effort", "medium")}


def _causes(audit_id: str, finding: dict) -> list[tuple[str, str | None]]:
    data = finding.get("data") or {}
    if audit_id in SERVER_SETTINGS:
        return [("site", None)]
    files = [r["url"] for r in data.get("resources") or () if isinstance(r, dict) and isinstance(r.get("url"), str)]
    if files:
        return [("file", url) for url in dict.fromkeys(files)]
    for key in RULE_KEYS:
        if isinstance(data.get(key), (str, int)) and str(data[key]):
            return [("rule", f"{key}={data[key]}")]
    return [("pages", None)]


def _targets(finding: dict) -> list[str]:
    data = finding.get("data") or {}
    return [str(data[k]) for k in TARGET_KEYS if isinstance(data.get(k), (str, int)) and str(data[k])]


class _Plan:
    def __init__(self, locate=lambda finding: None):
        self.locate = locate
        self.fixes: dict[tuple, Fix] = {}
        self.of_page: dict[tuple[str, str], dict[str, Fix]] = {}  # (audit, message key) -> page -> its fix

    def add(self, audit_id: str, audit: dict, finding: dict, cause: tuple[str, str | None]) -> None:
        key_name = finding.get("message_key", "")
        fixed_as = (audit.get("fix_as") or {}).get(key_name, key_name)  # two ways of finding one defect
        key = (audit_id, fixed_as, *cause)
        fix = self.fixes.get(key)
        if fix is None:
            fix = self.fixes[key] = Fix(f"fix-{len(self.fixes) + 1}", audit, fixed_as, *cause)
        fix.finding_count += 1
        if len(fix.evidence) < EVIDENCE:
            fix.evidence.append(finding)
        url = _shared(finding.get("url"))
        fix.pages[url] = None
        fix.reach[url] = None
        fix.targets.update(dict.fromkeys(_targets(finding)))
        on_page = self.of_page.setdefault((audit_id, key_name), {})
        on_page.setdefault(url, fix)
        if fix.crop is None:
            fix.crop = self.locate(finding)

    def fold(self, fix: Fix, audit_id: str, finding: dict) -> None:
        fix.folded[audit_id] += 1
        url = _shared(finding.get("url"))
        fix.reach[url] = None
        # what follows from this finding on its page follows from the same fix
        self.of_page.setdefault((audit_id, finding.get("message_key", "")), {}).setdefault(url, fix)


def _shared(url):
    """One string per URL, however many findings name it: a large site's findings are
    read from disk one at a time, each with its own copy."""
    return sys.intern(url) if type(url) is str else url


def build_fixes(result: dict) -> list[Fix]:
    """Every fix of the result, most valuable first."""
    pages = result.get("pages", [])
    weights = rank.Weights(pages)
    template_of: dict[str, str] = {}
    template_size: Counter = Counter()
    with_screenshot = set()
    for p in pages:
        if p.get("template"):
            template = template_of[_shared(p["url"])] = _shared(p["template"])
            template_size[template] += 1
        if p.get("screenshot"):
            with_screenshot.add(p["url"])
    audits = result.get("audits", {})
    dead = {_shared(f.get("url")) for f in (audits.get(DEAD_PAGE_AUDIT) or {}).get("findings", [])
            if not f.get("ignored")}
    redirect_to = {p["url"]: p["redirect_to"] for p in pages if p.get("redirect_to")}

    def landing(url):
        """Where a link to `url` ends, through the site's redirects (a loop stops where it turns)."""
        seen = set()
        while url in redirect_to and url not in seen:
            seen.add(url)
            url = redirect_to[url]
        return url
    plan = _Plan(Locator(pages))

    def follows(audit_id: str, finding: dict) -> bool:
        """Whether the finding may follow from another fix (its root cause, or a link to a dead page)."""
        data = finding.get("data") or {}
        target = data.get("target") if isinstance(data.get("target"), str) else None
        return isinstance(data.get("root_cause"), dict) or (audit_id != DEAD_PAGE_AUDIT and landing(target) in dead)

    # passes over the findings (which may be rows read from disk) rather than holding those that follow
    for audit_id, audit, finding in _findings(audits):
        if not follows(audit_id, finding):
            for cause in _causes(audit_id, finding):
                plan.add(audit_id, audit, finding, cause)
    # a page's fix from DEAD_PAGE_AUDIT (of its last message key, when it has several)
    dead_fix = {url: fix for (a, _), on_page in plan.of_page.items() if a == DEAD_PAGE_AUDIT for url, fix in on_page.items()}

    def following():
        return (f for f in _findings(audits) if follows(f[0], f[2]))

    def fix_of(finding: dict) -> Fix | None:
        data = finding.get("data") or {}
        root = data.get("root_cause")
        if isinstance(root, dict):
            return plan.of_page.get((root.get("audit"), root.get("message_key")), {}).get(finding.get("url"))
        return dead_fix.get(landing(data.get("target")))

    # A cause may itself follow from another (a bidi run from the page's declared language,
    # which follows from its placeholder text): each round folds the findings whose cause
    # is placed, until a round places none.
    folded: set[int] = set()
    for _ in range(CHAIN_ROUNDS):
        before = len(folded)
        for n, (audit_id, audit, finding) in enumerate(following()):
            fix = None if n in folded else fix_of(finding)
            if fix is not None:
                plan.fold(fix, audit_id, finding)
                folded.add(n)
        if len(folded) == before:
            break
    for n, (audit_id, audit, finding) in enumerate(following()):
        if n not in folded:  # its cause was ignored or is not in this result: a fix of its own
            for cause in _causes(audit_id, finding):
                plan.add(audit_id, audit, finding, cause)
    fixes = _merge_same_cause(list(plan.fixes.values()))
    for fix in fixes:
        counts = Counter(template_of.get(url) for url in fix.pages)
        # a template defect: it hits every page of templates of several pages, and nothing else
        if fix.cause == "pages" and None not in counts and all(n == template_size[t] > 1 for t, n in counts.items()):
            fix.cause = "template"
        by_pattern: dict[str, list[int]] = {}  # templates told apart by layout may share a pattern
        for t, n in counts.items():
            if t:
                hit_size = by_pattern.setdefault(template_pattern(t), [0, 0])
                hit_size[0] += n
                hit_size[1] += template_size[t]
        fix.templates = sorted(((p, h, s) for p, (h, s) in by_pattern.items()), key=lambda t: (-t[1], t[0]))
        fix.share = weights.share(fix.reach)
        fix.stage = rank.best_stage(fix.audit.get("journey"))
        fix.priority = rank.score(fix.impact, fix.audit.get("effort", "medium"), fix.share, fix.stage)
        if fix.audit.get("category") in VISUAL_CATEGORIES or fix.audit.get("id") in VISUAL_AUDITS:
            fix.screenshot_url = next((u for u in fix.pages if u in with_screenshot), None)
    ranked = sorted(fixes, key=lambda f: (-f.priority, -f.share, f.audit.get("id", ""), str(f.cause_value)))
    for n, fix in enumerate(ranked, 1):
        fix.id = f"fix-{n}"
    return ranked


def _findings(audits: dict):
    """(audit id, audit, finding) of every finding no ignore rule dropped."""
    for audit_id, audit in audits.items():
        for finding in audit.get("findings", []):
            if not finding.get("ignored"):
                yield audit_id, audit, finding


def _merge_same_cause(fixes: list[Fix]) -> list[Fix]:
    """Fold fixes that one change makes: one audit's message keys on the same pages, and
    two audits naming the same values on the same pages. The graver one is kept."""
    order = sorted(fixes, key=lambda f: -rank.SEVERITY.get(f.impact, 1))
    kept: list[Fix] = []
    by_pages: dict[frozenset, list[Fix]] = {}
    files_on: dict[tuple, Fix] = {}  # (audit, message key, pages) -> the fix of the files blocking them
    for fix in order:
        if fix.cause == "file":
            into = files_on.setdefault((fix.audit.get("id"), fix.message_key, frozenset(fix.pages)), fix)
            if into is fix:
                kept.append(fix)
            else:  # the same findings: counted once
                into.cause = "files"
                into.files = into.files or [into.cause_value]
                into.files.append(fix.cause_value)
            continue
        if fix.cause != "pages":
            kept.append(fix)
            continue
        same = by_pages.setdefault(frozenset(fix.pages), [])
        into = next((k for k in same if k.audit.get("id") == fix.audit.get("id")
                     or (fix.targets and set(fix.targets) == set(k.targets))), None)
        if into is None:
            same.append(fix)
            kept.append(fix)
            continue
        into.folded[fix.audit.get("id")] += fix.finding_count
        into.folded.update(fix.folded)
        into.reach.update(fix.reach)
    return kept
