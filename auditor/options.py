"""Every option of `auditor audit`, declared once.

The command line (argparse), the settings file (auditor.toml, [tool.auditor]), the run
store (what `--resume` and `auditor worker` read back) and each stage are built from
`OPTIONS`. To add an option, add one `Option(...)` line here and read it in its stage:
`values["name"]` (crawl, render, report, ci) or `site.setting("name")` (audits).

`stage` says who reads an option: crawl, render, audit, report, ci (the gate and extra
outputs) or run (where this run's files live: never stored, never resumed).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from auditor.text.bands import BANDS as READABILITY_BANDS

# The lab profiles `--profile` chooses, as Lighthouse's devtools throttling applies them
# in the browser: mobile is slow 4G (150 ms RTT x 3.75 request latency, 1.6 Mbps x 0.9
# down, 750 Kbps x 0.9 up; Kbps of 1024 bits) with a 4x CPU slowdown. Desktop is not
# throttled; its nominal lab network (40 ms, 10 Mbps) is what the speed audits use to
# turn bytes into time. The browser (auditor/browser/profiles.py) and the speed audits
# read these numbers from here.
LAB_PROFILES = {
    "mobile": {"viewport": (412, 823), "device_scale_factor": 1.75, "cpu_slowdown": 4.0,
               "latency_ms": 150 * 3.75, "download_kbps": 1.6 * 1024 * 0.9, "upload_kbps": 750 * 0.9},
    "desktop": {"viewport": (1350, 940), "device_scale_factor": 1.0, "cpu_slowdown": 1.0,
                "latency_ms": 0.0, "download_kbps": 0.0, "upload_kbps": 0.0,
                "estimate_latency_ms": 40.0, "estimate_download_kbps": 10 * 1024},
}
_MOBILE, _DESKTOP = LAB_PROFILES["mobile"], LAB_PROFILES["desktop"]

# The user agent the crawl names to robots.txt (spiders/settings.py), whose rules the
# audits then quote (auditor/text/robots_rules.py).
ROBOTS_AGENT = "auditor"

STAGES = ("crawl", "render", "audit", "report", "ci", "run")
STORED = ("crawl", "render", "audit", "report", "ci")  # kept with the run, so --resume and workers get them


@dataclass(frozen=True)
class Option:
    name: str  # the key in auditor.toml and in the run store; --name-with-dashes on the command line
    default: object
    help: str
    stage: str
    type: type = str  # str, int, float, bool (a --x/--no-x switch or a flag), list (repeatable)
    choices: tuple = ()
    metavar: str | None = None
    minimum: float | None = None  # the smallest value allowed
    flag_only: bool = False  # a bool given as a bare --flag (no --no-flag)
    positional: bool = False  # given without a flag on the command line

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


OPTIONS = (
    # crawl
    Option("max_pages", None, "stop after this many pages", "crawl", int, minimum=1),
    Option("max_depth", None, "follow links at most this many clicks deep", "crawl", int, minimum=0),
    Option("include", [], "only crawl URLs matching (repeatable)", "crawl", list, metavar="REGEX"),
    Option("exclude", [], "never crawl URLs matching (repeatable)", "crawl", list, metavar="REGEX"),
    Option("site_origin", [], "an origin whose URLs are the audited site's own, e.g. production when auditing a staging copy"
           " (repeatable)", "crawl", list, metavar="URL"),
    Option("concurrency", 4, "requests at once to the site (default 4)", "crawl", int, minimum=1),
    Option("delay", 0.0, "minimum seconds between requests (default 0, adaptive)", "crawl", float, minimum=0),
    Option("ignore_robots", False, "crawl what robots.txt disallows", "crawl", bool, flag_only=True),
    Option("user_agent", None, "User-Agent header to send", "crawl"),
    Option("sitemap", True, "read robots.txt sitemaps and /sitemap.xml (default: yes)", "crawl", bool),
    Option("timeout", 30.0, "give up on a download after this many seconds (default 30)", "crawl", float,
           metavar="SECONDS", minimum=0.001),
    Option("max_url_length", 2048, "crawl trap limit: URLs longer than N characters are not crawled (default 2048)",
           "crawl", int, metavar="N", minimum=1),
    Option("max_path_repeats", 2, "crawl trap limit: a run of folders may follow itself at most N times in a URL's path"
           " (default 2)", "crawl", int, metavar="N", minimum=1),
    Option("max_query_variants", 100, "crawl trap limit: at most N query variants of one path reached from that path (default 100)",
           "crawl", int, metavar="N", minimum=1),
    Option("js", "auto", "run the pages' scripts while crawling: auto = pages that are empty shells and templates whose"
           " scripts add links, text or head tags (default); always = every page; never = the HTML only", "crawl",
           choices=("auto", "always", "never")),
    # render
    Option("render", "sample", "measure pages in Chromium: a sample of every page template (default), all pages, or none",
           "render", choices=("none", "sample", "all")),
    Option("profile", "mobile", f"lab profile: mobile = slow 4G, {_MOBILE['cpu_slowdown']:g}x CPU slowdown,"
           f" {'x'.join(map(str, _MOBILE['viewport']))} (default); desktop = unthrottled, {'x'.join(map(str, _DESKTOP['viewport']))}",
           "render", choices=tuple(LAB_PROFILES)),
    Option("runs", 1, "measure each page N times and keep the median (default 1)", "render", int, minimum=1),
    Option("sample_per_template", 2, "with --render sample: pages measured per template, the heaviest and typical ones (default 2)",
           "render", int, metavar="N", minimum=1),
    Option("chromium", None, "the Chromium to use (default: $AUDITOR_CHROMIUM, then the usual paths)", "render", metavar="PATH"),
    # audit thresholds (site.setting)
    Option("max_click_depth", 3, "pages deeper than this are findings (default 3)", "audit", int, minimum=0),
    Option("max_touchpoint_clicks", 2, "contact and support farther than this many clicks from a page are findings (default 2)",
           "audit", int, minimum=0),
    Option("readability_target", "fairly difficult", "the hardest readability band a page may reach (default: fairly difficult)",
           "audit", choices=READABILITY_BANDS, metavar="BAND"),
    Option("title_min", 10, "titles shorter than this many characters are findings (default 10)", "audit", int, minimum=1),
    Option("title_max", 60, "titles longer than this many characters are findings (default 60)", "audit", int, minimum=1),
    Option("thin_content_words", 150, "pages with fewer words than this are thin content (default 150)", "audit", int, minimum=1),
    Option("max_sentence_words", 25, "sentences longer than this many words are findings (default 25)", "audit", int, minimum=1),
    Option("max_paragraph_words", 150, "paragraphs longer than this many words are findings (default 150)", "audit", int, minimum=1),
    Option("max_words_per_subheading", 300, "more words than this under one heading is a finding (default 300)", "audit", int,
           minimum=1),
    # report
    Option("report_lang", None, "language of report.html (default: the site's, Arabic when most pages are)", "report",
           choices=("en", "ar")),
    # ci
    Option("fail_on", [], "exit 1 when budgets fail, when findings are new since --baseline, or on any finding (repeatable)",
           "ci", list, choices=("budgets", "new", "any")),
    Option("baseline", None, "an earlier run's output folder (or result.json) to compare with", "ci", metavar="DIR"),
    Option("format", [], "extra outputs, as named in README.md (repeatable or comma-separated; html and json are always written)",
           "ci", list, metavar="FORMAT"),
    # run
    Option("urls", [], "start URL(s); the crawl stays on their site", "run", list, metavar="URL", positional=True),
    Option("out", "audit", "output folder (default: ./audit)", "run"),
    Option("resume", None, "carry on an interrupted audit in DIR: nothing already stored is fetched again; every option of that run is kept",
           "run", metavar="DIR"),
    Option("frontier", None, "spread the crawl over machines: the queue lives in this Redis (redis://host:port/db), "
           "where `auditor worker` processes join", "run", metavar="REDIS_URL"),
    Option("store", None, "keep the run's records in this PostgreSQL database (postgresql://user:pass@host:port/db) "
           "instead of DIR/run.sqlite", "run", metavar="POSTGRES_URL"),
)
BY_NAME = {o.name: o for o in OPTIONS}


def default(name: str):
    value = BY_NAME[name].default
    return list(value) if isinstance(value, list) else value


def defaults(*stages: str) -> dict:
    return {o.name: default(o.name) for o in OPTIONS if not stages or o.stage in stages}


def of_stage(values: dict, *stages: str) -> dict:
    """The values the given stages read, defaults filling what `values` lacks."""
    return {name: values.get(name, value) for name, value in defaults(*stages).items()}


def add_arguments(parser: argparse.ArgumentParser, *stages: str) -> None:
    for o in OPTIONS:
        if o.stage not in stages:
            continue
        kwargs = {"help": o.help, "default": default(o.name)}
        if o.positional:
            parser.add_argument(o.name, nargs="*", metavar=o.metavar, help=o.help)
            continue
        if o.type is bool:
            kwargs["action"] = "store_true" if o.flag_only else argparse.BooleanOptionalAction
        elif o.type is list:
            kwargs.update(action="append", choices=o.choices or None, metavar=o.metavar)
        else:
            kwargs.update(type=o.type, choices=o.choices or None, metavar=o.metavar)
        parser.add_argument(o.flag, dest=o.name, **kwargs)


def check(values: dict) -> None:
    """Raises ValueError naming the option when a value is out of its range."""
    for name, value in values.items():
        o = BY_NAME.get(name)
        if o is None or o.minimum is None or value is None:
            continue
        if value < o.minimum:
            need = "a positive number" if o.minimum > 0 else "0 or more"
            raise ValueError(f"{o.flag} must be {need}, not {value!r}")


def from_file(name: str, value):
    """A value as the settings file wrote it, checked against its option (ValueError names what is wrong)."""
    o = BY_NAME.get(name)
    if o is None or name == "resume":
        raise ValueError("unknown option (use the audit command's option names)")
    if o.type is bool:
        if not isinstance(value, bool):
            raise ValueError(f"must be true or false, not {value!r}")
        return value
    if o.type is list:
        return [_single(o, v, str) for v in (value if isinstance(value, list) else [value])]
    return _single(o, value, o.type)


def _single(o: Option, value, kind: type):
    if kind is int and (not isinstance(value, int) or isinstance(value, bool)):
        raise ValueError(f"must be a whole number, not {value!r}")
    if kind is float:
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"must be a number, not {value!r}")
        value = float(value)
    if kind is str and not isinstance(value, str):
        raise ValueError(f"must be a string, not {value!r}")
    if o.choices and value not in o.choices:
        raise ValueError(f"must be one of {', '.join(map(str, o.choices))}, not {value!r}")
    return value
