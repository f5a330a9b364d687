from auditor.audits.base import Audit, Meta
from auditor.audits.speed import (
    download_ms,
    kib,
    measured,
    metrics,
    profile_name,
    resources,
    url_list,
)


class RenderBlockingResources(Audit):
    meta = Meta(
        id="render-blocking-resources",
        title="Nothing holds back the first paint",
        failure_title="Stylesheets or scripts hold back the first paint",
        description="The browser draws nothing until it has downloaded and run every stylesheet and synchronous script in the <head>.",
        category="speed",
        impact="moderate",
        required_artifacts=("page.facts._resources", "page.facts.metrics", "page.facts.render"),
        help_url="https://developer.chrome.com/docs/lighthouse/performance/render-blocking-resources",
        seo_outcome="Render-blocking files delay First and Largest Contentful Paint; LCP is a Core Web Vitals page experience signal (Google Search Central: Core Web Vitals).",
        cx_outcome="Visitors from search see a blank screen while files they do not need yet download, and many go back to the results.",
        journey=("awareness",),
        effort="medium",
        messages={
            "blocking": "{count} render-blocking resources ({total_kib} KiB) load before the first paint: {urls}; about {saving_ms} ms could be saved.",
        },
        how_to_fix="Inline the CSS the first screen needs and load the rest with media queries or preload; add defer or async to scripts; drop unused CSS and JS from the <head>.",
        weight=1,
    )

    def applies(self, page, site):
        return measured(page)

    def check(self, page, site):
        blocking = [r for r in resources(page) if r.get("render_blocking")]
        if not blocking:
            return
        listed = [{"url": r["url"], "type": r.get("type"), "bytes": r.get("transfer_bytes") or 0} for r in blocking]
        total = sum(r["bytes"] for r in listed)
        # The files download in parallel: one round trip plus their bytes on the profile's
        # network; the paint cannot come sooner than the first byte, so the time from
        # first byte to first paint bounds the saving.
        saving = download_ms(total, profile_name(page))
        m = metrics(page)
        if m.get("fcp") is not None and m.get("ttfb") is not None:
            saving = min(saving, max(0.0, m["fcp"] - m["ttfb"]))
        yield self.finding(page, "blocking", count=len(listed), total_kib=kib(total),
                           urls=url_list([r["url"] for r in listed]), saving_ms=round(saving), resources=listed)
