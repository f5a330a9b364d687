from auditor.audits.base import Meta
from auditor.audits.speed import MetricAudit, resources


class FirstContentfulPaint(MetricAudit):
    metric, good, poor = "fcp", 1800, 3000
    meta = Meta(
        id="first-contentful-paint",
        title="Something appears on screen quickly",
        failure_title="The screen stays blank too long",
        description="First Contentful Paint (FCP) is when the first text or image is drawn: until then the visitor sees a blank screen.",
        category="speed",
        impact="moderate",
        required_artifacts=("page.facts.metrics", "page.facts._resources"),
        help_url="https://web.dev/articles/fcp",
        seo_outcome="FCP bounds Largest Contentful Paint, a Core Web Vital that Google's ranking systems use as a page experience signal; good FCP is 1.8 s or less, poor over 3 s (web.dev: FCP; Google Search Central: Core Web Vitals).",
        cx_outcome="A blank screen after a search click reads as a dead link: visitors go back to the results before seeing anything.",
        journey=("awareness",),
        effort="medium",
        messages={
            "slow": "The first content is drawn at {value} ms, {rating} (good \u2264 {good} ms, poor > {poor} ms); {blocking} render-blocking resources load before it.",
        },
        how_to_fix="Answer the HTML quickly, inline the CSS the first screen needs and load the rest without blocking, defer scripts, and let text show while web fonts load (font-display: swap).",
        weight=1,
    )

    def check(self, page, site):
        data = self.judged(page)
        if data is None:
            return
        blocking = sum(1 for r in resources(page) if r.get("render_blocking"))
        yield self.finding(page, "slow", blocking=blocking, **data)
