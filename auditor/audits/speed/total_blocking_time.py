from auditor.audits.base import Meta
from auditor.audits.speed import MetricAudit, render_facts

MAX_TASKS = 5


class TotalBlockingTime(MetricAudit):
    metric, good, poor = "tbt", 200, 600
    meta = Meta(
        id="total-blocking-time",
        title="The page answers taps while it loads",
        failure_title="The main thread is blocked while the page loads",
        description="Total Blocking Time (TBT) adds up the part of every long task beyond 50 ms after first paint: time in which a tap or a key press gets no answer.",
        category="speed",
        impact="serious",
        required_artifacts=("page.facts.metrics", "page.facts.render"),
        help_url="https://web.dev/articles/tbt",
        seo_outcome="TBT is the lab stand-in for Interaction to Next Paint, the Core Web Vital for responsiveness that Google's ranking systems use as a page experience signal (Google Search Central: Core Web Vitals; web.dev: TBT).",
        cx_outcome="Menus, filters and 'add to cart' do nothing when tapped, so visitors tap again, think the site is broken and leave before deciding.",
        journey=("consideration", "decision"),
        effort="large",
        messages={
            "blocked": "The main thread is blocked for {value} ms, {rating} (good \u2264 {good} ms, poor > {poor} ms); longest tasks: {longest}.",
        },
        how_to_fix="Ship less JavaScript: remove unused scripts and third-party tags, split bundles so a page loads only its own code, defer what is not needed for the first screen, and break long tasks up.",
        weight=3,
    )

    def check(self, page, site):
        data = self.judged(page)
        if data is None:
            return
        tasks = sorted(render_facts(page).get("long_tasks") or [], key=lambda t: -t.get("duration", 0))
        longest = [{"start": round(t.get("start", 0)), "duration": round(t.get("duration", 0))}
                   for t in tasks[:MAX_TASKS]]
        text = ", ".join(f"{t['duration']} ms at {t['start']} ms" for t in longest) or "none recorded"
        yield self.finding(page, "blocked", longest=text, long_tasks=longest, **data)
