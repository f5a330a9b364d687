import re

from auditor.audits.base import Audit, Meta
from auditor.audits.speed import (
    kib,
    measured,
    render_facts,
    resources,
    same_site,
    url_list,
)

STATIC_TYPES = {"script", "stylesheet", "image", "font"}
MIN_MAX_AGE = 7 * 24 * 3600  # seconds
MAX_AGE = re.compile(r"(?:^|,)\s*max-age\s*=\s*\"?(\d+)", re.IGNORECASE)


def lifetime(cache_control: str | None) -> tuple[int | None, bool]:
    """The browser cache lifetime in seconds (None: not given) and whether it is immutable."""
    value = (cache_control or "").lower()
    directives = {d.strip().split("=")[0] for d in value.split(",")}
    if directives & {"no-store", "no-cache"}:
        return 0, False
    match = MAX_AGE.search(value)
    return (int(match.group(1)) if match else None), "immutable" in directives


def readable(seconds: int | None) -> str:
    if seconds is None:
        return "none"
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds // size} {unit}"
    return f"{seconds} s"


class CachePolicy(Audit):
    meta = Meta(
        id="cache-policy",
        title="Static files are cached for long",
        failure_title="Static files cached briefly or not at all",
        description="Scripts, stylesheets, images and fonts of the site's own that carry no Cache-Control max-age of at least 7 days (or immutable) are downloaded again on the next page and the next visit.",
        category="speed",
        impact="minor",
        required_artifacts=("page.facts._resources", "page.facts.render", "page.facts.metrics"),
        help_url="https://developer.chrome.com/docs/lighthouse/performance/uses-long-cache-ttl",
        seo_outcome="Field Core Web Vitals count every page view, repeat ones included; files downloaded again on each page slow those views and so the page experience signal (Google Search Central: Core Web Vitals).",
        cx_outcome="Each further page a visitor opens while comparing, and each return visit, waits for files the browser already had.",
        journey=("consideration", "loyalty"),
        effort="small",
        messages={
            "short-lived": "{count} static files of the site ({total_kib} KiB) are cached for less than 7 days: {urls}; repeat views would save up to {saving_kib} KiB.",
        },
        how_to_fix="Give versioned file names (style.3f9a.css) to static files and serve them with Cache-Control: public, max-age=31536000, immutable; keep short lifetimes for HTML only.",
        weight=1,
    )

    def applies(self, page, site):
        return measured(page)

    def check(self, page, site):
        page_url = render_facts(page).get("final_url") or page.url
        found = []
        for res in resources(page):
            if (res.get("type") not in STATIC_TYPES or res.get("status") != 200 or res.get("failed")
                    or not same_site(res["url"], page_url)):
                continue
            max_age, immutable = lifetime(res.get("cache_control"))
            if not immutable and (max_age is None or max_age < MIN_MAX_AGE):
                found.append({"url": res["url"], "type": res["type"], "bytes": res.get("transfer_bytes") or 0,
                              "max_age": max_age, "lifetime": readable(max_age)})
        if not found:
            return
        total = sum(r["bytes"] for r in found)
        urls = [f"{r['url']} ({r['lifetime']})" for r in found]
        yield self.finding(page, "short-lived", count=len(found), total_kib=kib(total), urls=url_list(urls),
                           saving_bytes=total, saving_kib=kib(total), resources=found)
