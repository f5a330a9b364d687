"""The audit framework: the registry, every audit's meta, scoring and the runner."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import itertools
import re
import string
from pathlib import Path

import pytest

import auditor.audits
from auditor.audits import all_audits, get_audit
from auditor.audits.base import (
    CATEGORIES,
    JOURNEY,
    Audit,
    Finding,
    Meta,
    Site,
    SiteAudit,
    log_normal_score,
)
from auditor.model import Image, Link, PageRecord
from auditor.facts.runner import run_audits
from auditor.audits.examples import ALTERNATES
from tests.factories import BASE, make_page, make_site

AUDITS_DIR = Path(auditor.audits.__file__).parent
KEBAB = re.compile(r"^[a-z]+(?:-[a-z0-9]+)*$")
FINDING_CALL = re.compile(r"self\.finding\(\s*[^,()]+,\s*\"([^\"]+)\"")
AUDIT_IDS = [a.meta.id for a in all_audits()]
# The categories whose audits these tests provoke finding by finding; other categories test their own.
PROVOKED_CATEGORIES = {"seo", "navigation", "accessibility"}


# -- the registry --------------------------------------------------------------------


def test_registry_holds_one_audit_from_every_module_on_disk():
    on_disk = sorted(
        f"auditor.audits.{path.parent.name}.{path.stem}"
        for path in AUDITS_DIR.glob("*/*.py")
        if not path.name.startswith("_")  # __init__ and shared helpers such as _rendered.py
    )
    registered = sorted(type(a).__module__ for a in all_audits())
    assert on_disk, "no audit modules found"
    assert registered == on_disk


def test_audit_folders_are_known_categories_matching_each_meta():
    for audit in all_audits():
        folder = type(audit).__module__.split(".")[2]
        assert folder in CATEGORIES
        assert audit.meta.category == folder


def test_audit_ids_are_unique_kebab_case_nouns():
    assert len(AUDIT_IDS) == len(set(AUDIT_IDS))
    for audit_id in AUDIT_IDS:
        assert KEBAB.match(audit_id), audit_id


def test_get_audit_finds_by_id_and_rejects_unknown_ids():
    assert get_audit("image-alt").meta.id == "image-alt"
    with pytest.raises(KeyError):
        get_audit("no-such-audit")


# -- every meta is complete ----------------------------------------------------------

STRING_FIELDS = [f.name for f in dataclasses.fields(Meta) if f.type == "str"]
# Optional ones (root_causes) have a default and may be empty.
TUPLE_FIELDS = [f.name for f in dataclasses.fields(Meta) if f.type.startswith("tuple") and f.default is dataclasses.MISSING]


def test_meta_field_lists_cover_the_declared_fields():
    assert {"id", "title", "failure_title", "description", "help_url", "seo_outcome", "cx_outcome",
            "how_to_fix", "category", "impact", "effort"} <= set(STRING_FIELDS)
    assert set(TUPLE_FIELDS) == {"required_artifacts", "journey"}


@pytest.mark.parametrize("audit_id", AUDIT_IDS)
def test_meta_is_complete(audit_id):
    meta = get_audit(audit_id).meta
    for name in STRING_FIELDS:
        value = getattr(meta, name)
        assert isinstance(value, str) and value.strip(), f"{audit_id}: {name} is empty"
    for name in TUPLE_FIELDS:
        values = getattr(meta, name)
        assert isinstance(values, tuple) and values, f"{audit_id}: {name} is empty"
        assert all(isinstance(v, str) and v.strip() for v in values), f"{audit_id}: {name}"
    assert set(meta.journey) <= set(JOURNEY)
    assert len(set(meta.journey)) == len(meta.journey)
    assert meta.help_url.startswith("https://")
    assert meta.weight > 0
    assert meta.messages and all(isinstance(t, str) and t.strip() for t in meta.messages.values())


@pytest.mark.parametrize("audit_id", AUDIT_IDS)
def test_required_artifacts_name_real_page_or_site_fields(audit_id):
    page_fields = {f.name for f in dataclasses.fields(PageRecord)}
    site_fields = {f.name for f in dataclasses.fields(Site)}
    for artifact in get_audit(audit_id).meta.required_artifacts:
        owner, name = artifact.split(".")[:2]  # page.facts.<name> is a fact a later stage adds
        assert owner in ("page", "site"), artifact
        assert name in (page_fields if owner == "page" else site_fields), artifact


@pytest.mark.parametrize("audit_id", AUDIT_IDS)
def test_message_keys_used_in_the_source_are_exactly_those_declared(audit_id):
    audit = get_audit(audit_id)
    source = inspect.getsource(importlib.import_module(type(audit).__module__))
    used = set(FINDING_CALL.findall(source))
    assert used == set(audit.meta.messages), audit_id


def test_finding_with_an_undeclared_key_is_refused():
    with pytest.raises(AssertionError):
        get_audit("image-alt").finding(make_page(), "no-such-key")


# -- every message formats with the data of a real finding ---------------------------


# (audit id, message key) -> a page and site that provoke exactly that message: each
# audit declares its own (Audit.examples).
PROVOKE = {(a.meta.id, key): build for a in all_audits() for key, build in a.examples.items()}


def test_every_declared_message_has_a_provoking_case():
    declared = {(a.meta.id, key) for a in all_audits() if a.meta.category in PROVOKED_CATEGORIES
                for key in a.meta.messages}
    assert set(PROVOKE) >= declared


@pytest.mark.parametrize("audit_id", AUDIT_IDS)
def test_examples_are_named_by_declared_message_keys(audit_id):
    audit = get_audit(audit_id)
    assert set(audit.examples) <= set(audit.meta.messages), audit_id


@pytest.mark.parametrize("audit_id", AUDIT_IDS)
def test_message_placeholders_are_plain_names(audit_id):
    for key, template in get_audit(audit_id).meta.messages.items():
        assert KEBAB.match(key), key
        for _, name, _, _ in string.Formatter().parse(template):
            if name is not None:
                assert name.isidentifier(), f"{audit_id}/{key}: {{{name}}}"


@pytest.mark.parametrize(("audit_id", "key"), sorted(PROVOKE))
def test_message_formats_with_the_data_of_its_finding(audit_id, key):
    audit = get_audit(audit_id)
    page, site = PROVOKE[(audit_id, key)]()
    assert audit.applies(page, site)
    found = [f for f in audit.check(page, site) if f.message_key == key]
    assert found, f"{audit_id} gave no {key} finding"
    template = audit.meta.messages[key]
    placeholders = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    for finding in found:
        assert finding.url == page.url
        assert placeholders <= set(finding.data), f"{audit_id}/{key} lacks {placeholders - set(finding.data)}"
        text = template.format(**finding.data)
        for name in placeholders:
            assert str(finding.data[name]) in text


# -- which pages an audit looks at ---------------------------------------------------

# These judge pages whatever they answered; every other audit needs a 200 HTML page.
ANY_STATUS = {"http-status", "redirect-chain", "spa-route-status"}


@pytest.mark.parametrize("audit_id", sorted(
    a.meta.id for a in all_audits() if a.meta.category in PROVOKED_CATEGORIES and a.meta.id not in ANY_STATUS))
@pytest.mark.parametrize("overrides", [
    {"status": 404},
    {"status": 500},
    {"is_html": False, "content_type": "application/pdf"},
    {"status": None, "error": "TimeoutError: took too long"},
    {"status": 301, "redirect_to": BASE + "/new"},
], ids=["404", "500", "not-html", "no-answer", "redirect"])
def test_audits_do_not_look_at_pages_that_are_not_200_html(audit_id, overrides):
    # a page otherwise eager to be audited: alternates, in the sitemap, several headings
    page = make_page("/p", hreflang=list(ALTERNATES), in_sitemap=True, **overrides)
    assert not get_audit(audit_id).applies(page, make_site([page]))


# -- log-normal scores ---------------------------------------------------------------


@pytest.mark.parametrize(("good", "poor"), [(2500, 4000), (1800, 3000), (0.1, 0.25), (200, 600)])
def test_log_normal_score_is_0_9_at_good_and_0_5_at_poor(good, poor):
    assert log_normal_score(good, good, poor) == 0.9
    assert log_normal_score(poor, good, poor) == 0.5


def test_log_normal_score_decreases_monotonically():
    values = [10 * i for i in range(1, 2001)]
    scores = [log_normal_score(v, 2500, 4000) for v in values]
    assert all(a >= b for a, b in itertools.pairwise(scores))
    assert scores[0] > 0.99 and scores[-1] < 0.01
    assert log_normal_score(3000, 2500, 4000) > log_normal_score(3500, 2500, 4000)


@pytest.mark.parametrize("value", [0, -1])
def test_log_normal_score_is_1_for_nothing(value):
    assert log_normal_score(value, 2500, 4000) == 1.0


# -- the runner ----------------------------------------------------------------------


def throwaway_meta(audit_id: str, category: str = "cx", weight: float = 1.0) -> Meta:
    return Meta(
        id=audit_id, title="Passes", failure_title="Fails", description="A check made for a test.",
        category=category, impact="minor", required_artifacts=("page.url",), help_url="https://example.org/",
        seo_outcome="None.", cx_outcome="None.", journey=("loyalty",), effort="small",
        messages={"bad": "Bad page {path}."}, weight=weight,
    )


class FailsOn(Audit):
    """Fails every page whose path is listed; applies to every page otherwise eligible."""

    def __init__(self, audit_id, failing=(), category="cx", weight=1.0, applies_to_none=False):
        self.meta = throwaway_meta(audit_id, category, weight)
        self.failing = set(failing)
        self.applies_to_none = applies_to_none

    def applies(self, page, site):
        return not self.applies_to_none and super().applies(page, site)

    def check(self, page, site):
        path = page.url.removeprefix(BASE)
        if path in self.failing:
            yield self.finding(page, "bad", path=path)


def site_of(*paths: str, **overrides) -> tuple[list[PageRecord], Site]:
    pages = [make_page(p, title=f"صفحة {p}", meta={"description": f"وصف {p}", "viewport": "width=device-width"},
                       **overrides) for p in paths]
    return pages, make_site(pages)


def test_run_audits_scores_the_share_of_applicable_pages_passing():
    pages, _ = site_of("/a", "/b", "/c", "/d")
    pages[1].images = [Image(BASE + "/x.jpg"), Image(BASE + "/y.jpg")]
    error_page = make_page("/gone", status=404, images=[Image(BASE + "/z.jpg")])
    result = run_audits([*pages, error_page], make_site([*pages, error_page]), [get_audit("image-alt")])
    image_alt = result["audits"]["image-alt"]
    assert (image_alt["score"], image_alt["applicable"], image_alt["failing_pages"]) == (0.75, 4, 1)
    assert image_alt["findings"] == [
        {"url": BASE + "/b", "message_key": "missing", "data": {"src": BASE + "/x.jpg"}, "selector": "img", "snippet": ""},
        {"url": BASE + "/b", "message_key": "missing", "data": {"src": BASE + "/y.jpg"}, "selector": "img", "snippet": ""},
    ]
    assert image_alt["errors"] == []
    assert image_alt["id"] == "image-alt" and image_alt["weight"] == 2


def test_run_audits_rounds_the_score_to_three_places():
    pages, site = site_of("/a", "/b", "/c")
    result = run_audits(pages, site, [FailsOn("one-in-three", failing={"/b"})])
    assert result["audits"]["one-in-three"]["score"] == 0.667


def test_run_audits_audit_that_applies_to_no_page_is_not_applicable():
    pages, site = site_of("/a", "/b")
    result = run_audits(pages, site, [get_audit("hreflang")])
    hreflang = result["audits"]["hreflang"]
    assert (hreflang["score"], hreflang["applicable"], hreflang["failing_pages"], hreflang["findings"]) == (None, 0, 0, [])
    assert result["categories"]["seo"]["score"] is None


def test_run_audits_category_score_is_a_weighted_mean_ignoring_not_applicable_audits():
    pages, site = site_of("/a", "/b")
    audits = [
        FailsOn("all-pass", weight=1),
        FailsOn("all-fail", failing={"/a", "/b"}, weight=3),
        FailsOn("half-fail", failing={"/b"}, weight=2),
        FailsOn("never-applies", failing={"/a", "/b"}, weight=5, applies_to_none=True),
        FailsOn("lonely", category="rtl", applies_to_none=True),
    ]
    result = run_audits(pages, site, audits)
    scores = {audit_id: a["score"] for audit_id, a in result["audits"].items()}
    assert scores == {"all-pass": 1.0, "all-fail": 0.0, "half-fail": 0.5, "never-applies": None, "lonely": None}
    # (1 * 1 + 0 * 3 + 0.5 * 2) / (1 + 3 + 2)
    assert result["categories"] == {
        "cx": {"title": CATEGORIES["cx"], "score": 0.333,
               "audits": ["all-pass", "all-fail", "half-fail", "never-applies"]},
        "rtl": {"title": CATEGORIES["rtl"], "score": None, "audits": ["lonely"]},
    }


def test_run_audits_records_an_audit_that_raises_and_goes_on():
    class ExplodesOnB(Audit):
        meta = throwaway_meta("explodes-on-b")

        def check(self, page, site):
            if page.url.endswith("/b"):
                raise ValueError("cannot read /b")
            return []

    class ExplodesInApplies(Audit):
        meta = throwaway_meta("explodes-in-applies")

        def applies(self, page, site):
            raise KeyError("depth")

    pages, site = site_of("/a", "/b", "/c")
    result = run_audits(pages, site, [ExplodesOnB(), ExplodesInApplies(), FailsOn("after", failing={"/c"})])
    explodes = result["audits"]["explodes-on-b"]
    assert explodes["errors"] == [{"url": BASE + "/b", "error": "ValueError: cannot read /b"}]
    assert (explodes["applicable"], explodes["score"], explodes["findings"]) == (2, 1.0, [])
    assert result["audits"]["explodes-in-applies"]["errors"] == [
        {"url": p.url, "error": "KeyError: 'depth'"} for p in pages
    ]
    assert result["audits"]["explodes-in-applies"]["score"] is None
    after = result["audits"]["after"]
    assert (after["applicable"], after["failing_pages"], after["errors"]) == (3, 1, [])


def test_run_audits_site_audits_see_the_site_once():
    class SharedHost(SiteAudit):
        meta = throwaway_meta("shared-host")

        def check_site(self, site):
            return [self.finding(url, "bad", path=url.removeprefix(BASE)) for url in sorted(site.status)]

    class NothingToJudge(SiteAudit):
        meta = throwaway_meta("nothing-to-judge")

        def check_site(self, site):
            return []

        def site_score(self, site, findings):
            return None

    class Broken(SiteAudit):
        meta = throwaway_meta("broken-site-audit")

        def check_site(self, site):
            raise RuntimeError("no data")

    pages, site = site_of("/a", "/b")
    result = run_audits(pages, site, [SharedHost(), NothingToJudge(), Broken()])["audits"]
    shared = result["shared-host"]
    assert (shared["score"], shared["applicable"], shared["failing_pages"]) == (0.0, 1, 2)
    assert [f["data"] for f in shared["findings"]] == [{"path": "/a"}, {"path": "/b"}]
    assert (result["nothing-to-judge"]["score"], result["nothing-to-judge"]["applicable"]) == (None, 0)
    assert result["broken-site-audit"]["errors"] == [{"url": None, "error": "RuntimeError: no data"}]


def test_run_audits_on_a_healthy_site_runs_every_registered_audit_cleanly():
    home = make_page("/", title="محمصة المثال | الرئيسية", depth=0,
                     meta={"description": "قهوة مختصة", "viewport": "width=device-width"},
                     links=[Link(BASE + "/coffee", "قهوة", region="nav")])
    coffee = make_page("/coffee", title="محمصة المثال | قهوة",
                       meta={"description": "حبوب بن طازجة", "viewport": "width=device-width"})
    # asked in Arabic, the home page is the same Arabic page
    site = make_site([home, coffee], locale_probe={
        "url": home.url, "language": "ar", "status": 200, "final_url": home.url, "lang": "ar", "title": home.title,
        "text": home.text[:2000], "words": 400, "rendered": False, "error": None})
    result = run_audits([home, coffee], site)
    assert set(result["audits"]) == set(AUDIT_IDS)
    judged = {audit_id: a for audit_id, a in result["audits"].items() if a["category"] in PROVOKED_CATEGORIES}
    assert {audit_id: a["findings"] for audit_id, a in judged.items() if a["findings"]} == {}
    # axe-violations and the script audits judge rendered pages only; these pages were not
    # rendered, no page answered 404 or redirected, and none has a language switch
    assert {audit_id for audit_id, a in judged.items() if a["score"] is None} == {
        "axe-violations", "hreflang", "orphan-page", "redirect-chain", "script-redirect", "spa-route-status",
        "js-only-links", "js-only-content", "rendered-head-changed", "language-urls"}
    assert {a["score"] for a in judged.values()} == {1.0, None}
    assert {cat: result["categories"][cat]["score"] for cat in PROVOKED_CATEGORIES} == {
        "seo": 1.0, "navigation": 1.0, "accessibility": 1.0,
    }


def test_finding_to_dict_leaves_out_what_is_unknown():
    assert Finding(BASE + "/", "bad", {"path": "/"}).to_dict() == {
        "url": BASE + "/", "message_key": "bad", "data": {"path": "/"},
    }


# -- an audit reads only the artifacts it declares -----------------------------------

# What every audit may read without declaring it: a page's address and whether it is a
# 200 HTML page (Audit.applies), and its thresholds (options, declared in auditor/options.py).
UNDECLARED = {"page.url", "page.ok_html", "page.is_html", "site.setting"}
# Properties and methods, by the fields they read.
READS = {"page.canonical": ("page.canonicals",), "page.noindex": ("page.meta", "page.headers"),
         "page.head_tags": ("page.title", "page.meta", "page.canonicals", "page.hreflang", "page.headings"),
         "site.chain": ("site.redirects",), "site.final_status": ("site.redirects", "site.status"),
         "site.redirect_targets": ("site.redirects",), "site.alternate_of": ("site.hreflang",),
         "site.home": ("site.start_urls", "site.visitor_redirects", "site.status")}


class _Facts(dict):
    """A page's facts, noting each one read."""

    def __init__(self, facts: dict, read: set):
        super().__init__(facts)
        self.read = read

    def _note(self, name):
        self.read.add(f"page.facts.{name}")

    def get(self, name, default=None):
        self._note(name)
        return super().get(name, default)

    def __getitem__(self, name):
        self._note(name)
        return super().__getitem__(name)

    def __contains__(self, name):
        self._note(name)
        return super().__contains__(name)


class _Reading:
    """A page or site that notes every field an audit reads."""

    def __init__(self, owner: str, artifact, read: set):
        object.__setattr__(self, "_owner", owner)
        object.__setattr__(self, "_artifact", artifact)
        object.__setattr__(self, "_read", read)

    def __getattr__(self, name):
        value = getattr(self._artifact, name)
        if name.startswith("_"):
            return value
        key = f"{self._owner}.{name}"
        self._read.update(READS.get(key, (key,)))
        return _Facts(value, self._read) if key == "page.facts" else value


def _cases():
    healthy = {(a.meta.id, "healthy"): (lambda: (lambda p: (p, make_site([p])))(make_page("/p"))) for a in all_audits()}
    return {**PROVOKE, **healthy}


CASES = _cases()


@pytest.mark.parametrize(("audit_id", "case"), sorted(CASES))
def test_an_audit_reads_only_the_artifacts_it_declares(audit_id, case):
    audit = get_audit(audit_id)
    page, site = CASES[(audit_id, case)]()
    read: set[str] = set()
    page, site = _Reading("page", page, read), _Reading("site", site, read)
    if isinstance(audit, SiteAudit):
        list(audit.check_site(site))
    elif audit.applies(page, site):
        list(audit.check(page, site))
    declared = audit.meta.required_artifacts
    undeclared = {name for name in read - UNDECLARED - {"page.facts"}
                  if not any(d == name or d.startswith(name + ".") or name.startswith(d + ".") for d in declared)}
    assert not undeclared, f"{audit_id} reads {sorted(undeclared)} without declaring it in required_artifacts"
