from auditor.audits.base import Meta
from auditor.audits.speed import MetricAudit, profile_name


class ServerResponseTime(MetricAudit):
    metric, good, poor = "ttfb", 800, 1800
    meta = Meta(
        id="server-response-time",
        title="The server answers quickly",
        failure_title="Slow server response",
        description="Time to First Byte (TTFB) runs from the request, redirects included, to the first byte of the HTML; nothing can be drawn before it. It includes the measurement profile's network latency.",
        category="speed",
        impact="moderate",
        required_artifacts=("page.facts.metrics", "page.facts.render"),
        help_url="https://web.dev/articles/ttfb",
        seo_outcome="Every millisecond of TTFB delays Largest Contentful Paint, a Core Web Vital used as a page experience signal; a slow server also lowers how much Googlebot crawls (Google Search Central: crawl budget, crawl capacity limit; web.dev: TTFB, good \u2264 0.8 s, poor > 1.8 s).",
        cx_outcome="Visitors arriving from search wait on a blank tab before anything loads, and many go back to the results.",
        journey=("awareness",),
        effort="medium",
        messages={
            "slow": "The first byte of the HTML arrives after {value} ms on the {profile} profile, {rating} (good \u2264 {good} ms, poor > {poor} ms).",
        },
        how_to_fix="Cache rendered pages (full-page or CDN cache), speed up slow database queries and plugins, serve from a CDN close to the visitors, and avoid redirects before the page.",
        weight=1,
    )

    def check(self, page, site):
        data = self.judged(page)
        if data is None:
            return
        yield self.finding(page, "slow", profile=profile_name(page), **data)
