from auditor.audits.base import Meta
from auditor.audits.speed import MetricAudit, render_facts


class LargestContentfulPaint(MetricAudit):
    metric, good, poor = "lcp", 2500, 4000
    meta = Meta(
        id="largest-contentful-paint",
        title="The main content appears quickly",
        failure_title="Slow Largest Contentful Paint",
        description="Largest Contentful Paint (LCP) is when the biggest image or text block in the first screen is drawn: the moment the page looks ready.",
        category="speed",
        impact="serious",
        required_artifacts=("page.facts.metrics", "page.facts.render"),
        help_url="https://web.dev/articles/lcp",
        seo_outcome="LCP is one of the Core Web Vitals that Google's ranking systems use as a page experience signal; good is 2.5 s or less, poor over 4 s (Google Search Central: Core Web Vitals).",
        cx_outcome="Visitors from search stare at an unfinished page and go back to the results: bounce probability rises 32% as load time grows from 1 s to 3 s (Think with Google, 2017).",
        journey=("awareness", "consideration"),
        effort="medium",
        messages={
            "slow": "The largest content is drawn at {value} ms, {rating} (good \u2264 {good} ms, poor > {poor} ms); it is {element} ({kind}).",
        },
        how_to_fix="Make the LCP element arrive early: serve the hero image compressed and at the displayed size, never lazy-load it, preload it or mark it fetchpriority=\"high\", and remove render-blocking CSS and JS before it.",
        weight=3,
    )

    def check(self, page, site):
        data = self.judged(page)
        if data is None:
            return
        element = render_facts(page).get("lcp_element") or {}
        selector = element.get("selector")
        yield self.finding(page, "slow", selector=selector, element=selector or "not identified",
                           kind=element.get("kind") or "unknown", element_url=element.get("url"), **data)
