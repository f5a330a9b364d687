"""The HTML report: one self-contained, autoescaped file that works offline."""

from __future__ import annotations

import math
from collections import Counter
import re
import string
from pathlib import Path
from statistics import median
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from reports import bidi, charts, evidence, i18n, rank
from reports.page_view import page_views
from reports.fixes import build_fixes, priority, template_pattern

TEMPLATES = Path(__file__).parent / "templates"
IMPACT_WEIGHT = {"critical": 4, "serious": 3, "moderate": 2, "minor": 1}
EFFORT_COST = {"small": 1, "medium": 2, "large": 3}
JOURNEY = ("awareness", "consideration", "decision", "loyalty", "advocacy")
MAX_ROWS = 50
MAX_PAGE_ROWS = 1000  # rows of the pages table, each with its page view
MAX_FIXES = 30  # fixes shown in full in the plan; every finding is still listed below it
# Up to this many pages, and findings, are read from a spilled result once, not once
# per chart, table and fix (some ten passes each); more are read again each time, to
# keep memory flat on large sites.
PAGES_READ_ONCE = 5000
FINDINGS_READ_ONCE = 20000
# What each journey stage means for the visitor, shown under its name.
STAGE_HELP = {
    "awareness": i18n.N_("The visitor arrives from search."),
    "consideration": i18n.N_("They look around and compare."),
    "decision": i18n.N_("They buy or get in touch."),
    "loyalty": i18n.N_("After the sale: support, returns, account."),
    "advocacy": i18n.N_("They recommend the business."),
}
# How long an effort level takes, in words an owner plans with.
EFFORT_TIME = {
    "small": i18n.N_("under an hour"),
    "medium": i18n.N_("about a day"),
    "large": i18n.N_("several days"),
}
# The first screen's verdict, by the gravest of the first fixes.
VERDICTS = {
    "critical": i18n.N_("Urgent: some pages fail visitors or search engines outright. Do the three fixes below first."),
    "serious": i18n.N_("Sound, but serious problems cost visitors and search traffic. Do the three fixes below first."),
    "improve": i18n.N_("In good shape: what is left are improvements, the most valuable first."),
    "clean": i18n.N_("No audit failed: nothing here stands between the site and its visitors."),
}
# Touchpoint kinds whose English name is not the kind's own word.
TOUCHPOINT_LABELS = {"faq": i18n.N_("FAQ")}
# Run timings, shown by name.
TIMINGS = (i18n.N_("crawl"), i18n.N_("render"), i18n.N_("audit"), i18n.N_("report"))


class _Lenient(string.Formatter):
    """Fill a message from a finding's data; a missing field stays visible as {name}."""

    def get_value(self, key, args, kwargs):
        return kwargs.get(key, "{" + str(key) + "}") if isinstance(key, str) else super().get_value(key, args, kwargs)


_formatter = _Lenient()


def message(audit: dict, finding: dict) -> str:
    template = audit.get("messages", {}).get(finding.get("message_key"), finding.get("message_key", ""))
    try:
        return _formatter.format(template, **finding.get("data", {}))
    except (ValueError, IndexError, AttributeError):
        return template


def message_html(audit: dict, finding: dict, gettext=lambda s: s, rtl: bool = False, lang: str = "en") -> Markup:
    """A finding's message in the report's language: the template is translated, then
    filled; every value is escaped and isolated in <bdi> so URLs and numbers keep their
    own direction inside Arabic text. In a right-to-left report, code in the sentence
    (`<meta content="{value}">`) is isolated left to right as one piece (reports/bidi.py).
    Languages named by code are shown by their names in the report's language `lang`."""
    key = finding.get("message_key", "")
    template = gettext(audit.get("messages", {}).get(key, key))
    data = finding.get("data", {})
    tokens: list[tuple[Markup, bool, bool]] = []
    try:
        parsed = list(_formatter.parse(template))
    except ValueError:
        return bidi.isolate(template) if rtl else escape(template)
    for literal, name, spec, conversion in parsed:
        if rtl:
            tokens += [(escape(piece), kind, False) for piece, kind in bidi.split(literal)]
        else:
            tokens.append((escape(literal), bidi.TEXT, False))
        if name is None:
            continue
        if name not in data:
            tokens.append((escape("{" + name + "}"), bidi.TEXT, False))
            continue
        value = data[name]
        if isinstance(value, str) and name in i18n.VOCABULARY_KEYS:
            value = gettext(value)
        elif isinstance(value, str) and name == "error":
            value = i18n.error_in(value, gettext)
        elif isinstance(value, str) and name in i18n.LANGUAGE_KEYS:
            value = i18n.language_names(value, lang)
        try:
            text = _formatter.format_field(_formatter.convert_field(value, conversion), spec or "")
        except (ValueError, TypeError):
            text = str(value)
        tokens.append((Markup("<bdi>%s</bdi>") % text, bidi.LTR if rtl and bidi.is_ltr_value(text) else bidi.TEXT, True))
    return bidi.join(tokens) if rtl else Markup("").join(t[0] for t in tokens)


def fix_priority(audit: dict, total_pages: int) -> float:
    """What to fix first, an audit's findings taken together (reports/rank.py, pages unweighed)."""
    return priority(rank.audit_impact(audit), audit["effort"], audit["failing_pages"], total_pages, audit.get("journey"))


def verdict(fixes: list) -> dict:
    """The first screen's sentence: how urgent the first three fixes are."""
    impacts = {f.impact for f in fixes[:3]}
    level = next((i for i in ("critical", "serious") if i in impacts), "improve" if fixes else "clean")
    return {"level": level, "text": VERDICTS[level]}


def share_text(share: float) -> Markup:
    """A share of visits as a percentage, isolated so it reads the same in Arabic."""
    pct = round(share * 100)
    return Markup('<bdi dir="ltr">%s</bdi>') % ("<1%" if share and pct < 1 else f"{pct}%")


def site_language(result: dict) -> str:
    """The report language that suits the site: Arabic when most of its pages are."""
    counts: dict = {}
    for page in result.get("pages", []):
        lang = (page.get("lang") or "").split("-")[0].lower()
        if lang:
            counts[lang] = counts.get(lang, 0) + 1
    top = max(counts, key=lambda k: (counts[k], k == "ar"), default="en")
    return "ar" if top == "ar" else "en"


def score_class(score) -> str:
    if score is None:
        return "na"
    return "good" if score >= 0.9 else "average" if score >= 0.5 else "poor"


def depth_histogram(pages: list[dict]) -> list[tuple[str, int]]:
    counts: dict = {}
    for page in pages:
        if page.get("status") == 200 and page.get("is_html"):
            key = page.get("depth")
            counts[key] = counts.get(key, 0) + 1
    keys = sorted(k for k in counts if k is not None)
    rows = [(str(k), counts[k]) for k in keys]
    if None in counts:
        rows.append(("\u2014", counts[None]))
    return rows


# -- the load speed section ----------------------------------------------------------

# The lab metrics it shows: (key in pages[].metrics, label). Their good and poor
# thresholds are the scoring audits' own, read from result.json (charts.thresholds).
SPEED_METRICS = (("fcp", "FCP"), ("lcp", "LCP"), ("cls", "CLS"), ("tbt", "TBT"), ("ttfb", "TTFB"),
                 ("transfer_bytes", "Transfer"))
MAX_SCREENSHOTS = 6
BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}\Z")  # a screenshot goes into an img src: base64 only
MAX_SPEED_FIXES = 5


def metric_text(key: str, value: float) -> str:
    if key == "cls":
        return f"{value:.3f}"
    if key == "transfer_bytes":
        return f"{round(value / 1024):,} KiB"
    return f"{round(value):,} ms"


def metric_cell(key: str, value, limits: dict[str, dict]) -> dict:
    """A metric as the speed section shows it: its text, its rating (by the thresholds its audit scored with) and that rating's CSS class."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return {"text": "\u2013", "rating": None, "css": "na"}
    if key not in limits:  # no audit scored it: shown without a colour
        return {"text": metric_text(key, value), "rating": None, "css": "na"}
    rating = charts.rating(value, limits[key]["good"], limits[key]["poor"])
    return {"text": metric_text(key, value), "rating": rating, "css": rating.replace(" ", "-")}


def _median_cells(pages: list[dict], limits: dict[str, dict]) -> list[dict]:
    cells = []
    for key, _ in SPEED_METRICS:
        values = [p["metrics"][key] for p in pages if isinstance(p["metrics"].get(key), (int, float))]
        cells.append(metric_cell(key, median(values) if values else None, limits))
    return cells


def _screenshot(page: dict) -> dict | None:
    shot = page.get("screenshot")
    # Only base64 text may follow the fixed data: prefix, whatever result.json holds.
    if not isinstance(shot, str) or not BASE64.match(shot):
        return None
    return {"url": page["url"], "src": "data:image/jpeg;base64," + shot}


def speed_fixes(result: dict, measured: int) -> list[dict]:
    """The speed audits that failed, most worth fixing first, with their estimated saving:
    the median time per affected page, the bytes over all findings."""
    out = []
    for audit in result["audits"].values():
        if audit.get("category") != "speed" or not audit.get("findings"):
            continue
        data = [f.get("data") or {} for f in audit["findings"]]
        ms = [d["saving_ms"] for d in data if isinstance(d.get("saving_ms"), (int, float))]
        size = [d["saving_bytes"] for d in data if isinstance(d.get("saving_bytes"), (int, float))]
        out.append({"audit": audit, "pages": audit.get("failing_pages", 0),
                    "saving_ms": round(median(ms)) if ms else None,
                    "saving_kib": round(sum(size) / 1024) if size else None,
                    "priority": priority(rank.audit_impact(audit), audit["effort"], audit.get("failing_pages", 0), measured)})
    out.sort(key=lambda f: (-f["priority"], f["audit"]["id"]))
    return out[:MAX_SPEED_FIXES]


def template_names(keys) -> dict[str, str]:
    """A readable name per template key: its URL pattern, with its language and
    direction, then a number, when other templates share the pattern."""
    keys = list(keys)
    patterns = {k: template_pattern(k) or "\u2014" for k in keys}
    names = {}
    for key in keys:
        same = [k for k in keys if patterns[k] == patterns[key]]
        name = patterns[key]
        if len(same) > 1:
            detail = next((w for w in key.partition(" [")[2].rstrip("]").split() if "/" in w), "")
            same = [k for k in same if detail in k]
            name = f"{name} {detail}".strip()
            if len(same) > 1:
                name += f" #{same.index(key) + 1}"
        names[key] = name
    return names


def render_plan(templates: dict, names: dict[str, str]) -> list[dict]:
    """Every template with its page count, an example, the pages measured (and why) and how many were not."""
    rows = []
    for key, t in sorted(templates.items(), key=lambda kv: (-(kv[1].get("pages") or 0), kv[0])):
        sampled = t.get("sampled") or [] if t.get("measured", True) else []
        pages = t.get("pages") or 0
        rows.append({"name": names.get(key) or template_pattern(key) or "\u2014", "pages": pages,
                     "example": t.get("example"), "measured": [(u, (t.get("reasons") or {}).get(u)) for u in sampled],
                     "not_measured": max(pages - len(sampled), 0)})
    return rows


def speed_section(result: dict) -> dict | None:
    """What the load speed section shows; None when no page was measured."""
    measured = [p for p in result["pages"] if p.get("metrics")]
    if not measured:
        return None
    limits = charts.thresholds(result)
    info = result["run"].get("render") or {}
    templates = info.get("templates") or {}
    reasons = {url: why for t in templates.values() for url, why in (t.get("reasons") or {}).items()}
    groups: dict[str, list[dict]] = {}
    for page in measured:
        groups.setdefault(page.get("template") or "", []).append(page)
    names = template_names(list(templates) + [k for k in groups if k not in templates])
    template_rows = [
        {"pattern": names.get(key) or template_pattern(key) or "\u2014",
         "pages": (templates.get(key) or {}).get("pages"), "measured": len(group), "cells": _median_cells(group, limits)}
        for key, group in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    page_rows = [
        {"url": p["url"], "reason": reasons.get(p["url"]),
         "cells": [metric_cell(key, p["metrics"].get(key), limits) for key, _ in SPEED_METRICS],
         "lcp": (p.get("render") or {}).get("lcp_element") or {}}
        for p in measured
    ]
    first = measured[0].get("render") or {}
    why: dict[str, int] = {}
    for url in (p["url"] for p in measured):
        if url in reasons:
            why[reasons[url]] = why.get(reasons[url], 0) + 1
    return {
        "metrics": [{"key": key, "label": label, "good": metric_text(key, limits[key]["good"]) if key in limits else "\u2013",
                     "poor": metric_text(key, limits[key]["poor"]) if key in limits else "\u2013"}
                    for key, label in SPEED_METRICS],
        "method": {
            "profile": info.get("profile") or first.get("profile"),
            "runs": info.get("runs") or first.get("runs") or 1,
            "mode": info.get("mode"),
            "measured": len(measured),
            "templates": len(templates) or len(groups),
            "pages": sum(t.get("pages") or 0 for t in templates.values()),
            "reasons": sorted(why.items(), key=lambda kv: -kv[1]),
        },
        "templates": template_rows,
        "plan": render_plan(templates, names),
        "pages": page_rows,
        "screenshots": [s for s in map(_screenshot, measured) if s][:MAX_SCREENSHOTS],
        "fixes": speed_fixes(result, len(measured)),
    }


def _urldecode(url: str) -> str:
    """Arabic paths as a person reads them (percent-encoded UTF-8 decoded)."""
    try:
        return unquote(url or "", errors="strict")
    except UnicodeDecodeError:
        return url


def _with_unit(text, gettext) -> Markup:
    """`1,640 ms` with its unit in the report's language, the figure isolated."""
    number, _, unit = str(text).rpartition(" ")
    if number and unit in ("ms", "KiB"):
        return Markup("<bdi>%s</bdi> %s") % (number, gettext(unit))
    return Markup("<bdi>%s</bdi>") % (text,)


def _setting(value, gettext) -> Markup:
    """An option's value as a reader reads it: a dash when unset, yes or no, words translated."""
    if value is None or value == [] or value == "":
        return Markup("\u2014")
    if isinstance(value, bool):
        return escape(gettext("yes") if value else gettext("no"))
    if isinstance(value, list):
        return Markup('<bdi dir="ltr">%s</bdi>') % ", ".join(map(str, value))
    if isinstance(value, str) and gettext(value) != value:
        return escape(gettext(value))
    return Markup('<bdi dir="ltr">%s</bdi>') % (value,)


def _path(url: str) -> str:
    """A URL of the audited site as its path (and query), decoded: short enough for a narrow column."""
    parts = urlsplit(url or "")
    return _urldecode(parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def environment(lang: str = "en") -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    translations = i18n.translations(lang)
    env.install_gettext_translations(translations, newstyle=True)
    gettext = translations.gettext
    # Strings from result.json (audit meta, vocabulary) are translated by their English
    # text and stay plain strings, so autoescaping applies to them.
    env.filters["t"] = lambda text: gettext(str(text)) if text else ""
    if i18n.direction(lang) == "rtl":  # in running text, code and Latin names are isolated
        env.filters["t"] = lambda text: bidi.isolate(gettext(str(text))) if text else ""
    env.filters["ta"] = lambda text: gettext(str(text)) if text else ""  # in an attribute: plain text
    env.filters["num"] = lambda n: Markup("<bdi>%s</bdi>") % (n,)
    env.globals["message_html"] = lambda audit, finding: message_html(audit, finding, gettext, i18n.direction(lang) == "rtl", lang)
    env.globals["impact_of"] = lambda audit, finding: rank.impact_of(audit, finding.get("message_key"))
    env.globals["why"] = lambda finding: evidence.why_html(finding, gettext)  # "why this fired"
    env.globals["lang"] = lang
    env.globals["dir"] = i18n.direction(lang)
    env.filters["langname"] = lambda code: i18n.language_name(code, lang)
    env.globals["sep"] = "\u060c " if lang == "ar" else ", "  # the list separator: Arabic comma
    env.filters["score_class"] = score_class
    env.filters["pct"] = lambda s: "\u2013" if s is None else f"{round(s * 100)}"
    env.filters["urldecode"] = _urldecode
    env.filters["path"] = _path
    env.filters["when"] = lambda iso: (iso or "").replace("T", " ")[:16] + (" UTC" if iso and iso.endswith("+00:00") else "")
    env.globals["message"] = message
    env.filters["share"] = share_text
    # readability sorts by band, the one scale OSMAN and Flesch scores share (easiest first)
    env.filters["band_rank"] = lambda band: charts.BANDS.index(band) if band in charts.BANDS else len(charts.BANDS)
    env.filters["unit"] = lambda text: _with_unit(text, gettext)
    env.filters["setting"] = lambda value: _setting(value, gettext)
    env.filters["touchpoint"] = lambda kind: gettext(TOUCHPOINT_LABELS.get(kind, kind))
    env.filters["code"] = lambda text: Markup('<code dir="ltr">%s</code>') % (text,)
    env.filters["error"] = lambda text: i18n.error_in(text, gettext) if text else text
    env.globals["effort_time"] = EFFORT_TIME
    return env


def render(result: dict, lang: str | None = None) -> str:
    """The report in `lang` (en or ar; default: the site's own language)."""
    result = _read_once(result)
    lang = lang or site_language(result)
    pages = result["pages"]
    html_pages = sum(1 for p in pages if p.get("is_html") and p.get("status") == 200)
    audits = list(result["audits"].values())
    # a failing audit shows the gravest impact among its findings' kinds (Meta.impacts)
    failing = [{**a, "impact": rank.audit_impact(a)} for a in audits if a["findings"]]
    failing.sort(key=lambda a: fix_priority(a, html_pages), reverse=True)
    passed = [a for a in audits if not a["findings"] and a["score"] is not None]
    not_applicable = [a for a in audits if a["score"] is None]
    journey = {
        stage: sorted((a for a in failing if stage in a["journey"]), key=lambda a: -fix_priority(a, html_pages))
        for stage in JOURNEY
    }
    # a stage no audit looks at is not measured: shown as such, never as a clean 0
    measured_stages = {stage for a in audits if a["score"] is not None for stage in a.get("journey") or ()}
    histogram = depth_histogram(pages)
    rtl = i18n.direction(lang) == "rtl"
    fixes = build_fixes(result)
    limits = charts.thresholds(result)
    # the extra files this run wrote beside the report (--format), by their known names only
    from reports.formats import EXTRA  # here: the other writers import this module

    beside = {name for files in EXTRA.values() for name in files.split(", ")}
    shown = pages[:MAX_PAGE_ROWS]
    return environment(lang).get_template("report.html.j2").render(
        result=result,
        fixes=fixes,
        verdict=verdict(fixes),
        max_fixes=MAX_FIXES,
        impacts=tuple(IMPACT_WEIGHT),
        journey_stages=JOURNEY,
        stage_help=STAGE_HELP,
        # Screenshots go into an img src: only well-formed base64 is used.
        screenshots={p["url"]: p["screenshot"] for p in pages
                     if isinstance(p.get("screenshot"), str) and BASE64.match(p["screenshot"])},
        depth_chart=charts.depth_bars(histogram, rtl),
        readability_chart=charts.readability_bars(pages, rtl),
        vitals_chart=charts.vitals_bars(pages, rtl, charts.thresholds(result)),
        speed=speed_section(result),
        run=result["run"],
        categories=result["categories"],
        failing=failing,
        passed=passed,
        not_applicable=not_applicable,
        journey=journey,
        measured_stages=measured_stages,
        findings_on=findings_on(audits, shown),
        histogram=histogram,
        histogram_max=max((n for _, n in histogram), default=1),
        pages=pages,
        shown_pages=shown,  # the pages table's rows
        page_views=page_views(result, shown, screenshot=_screenshot,
                              cells=lambda p: [metric_cell(k, p["metrics"].get(k), limits) for k, _ in SPEED_METRICS]),
        page_metrics=SPEED_METRICS,
        outputs=[name for name in result["run"].get("outputs") or () if name in beside],
        html_pages=html_pages,
        max_rows=MAX_ROWS,
        total_findings=sum(len(a["findings"]) for a in audits),
        ring=lambda score: round(2 * math.pi * 36 * (score or 0), 1),
        ring_total=round(2 * math.pi * 36, 1),
    )


def _read_once(result: dict) -> dict:
    """The result with its spilled pages and findings in lists, where they are few enough."""
    pages, audits = result["pages"], result["audits"]
    if not isinstance(pages, list) and len(pages) <= PAGES_READ_ONCE:
        pages = list(pages)
    if sum(len(a["findings"]) for a in audits.values()) <= FINDINGS_READ_ONCE:
        audits = {key: a if isinstance(a["findings"], list) else {**a, "findings": list(a["findings"])}
                  for key, a in audits.items()}
    return {**result, "pages": pages, "audits": audits}


def findings_on(audits: list[dict], pages: list[dict]) -> Counter:
    """How many findings each of `pages` has (those an ignore rule dropped aside); only
    these pages are counted, whatever the size of the site."""
    urls = {page["url"] for page in pages}
    return Counter(f.get("url") for a in audits for f in a["findings"] if not f.get("ignored") and f.get("url") in urls)


def write(result: dict, path: str | Path, lang: str | None = None) -> Path:
    path = Path(path)
    path.write_text(render(result, lang), encoding="utf-8")
    return path
