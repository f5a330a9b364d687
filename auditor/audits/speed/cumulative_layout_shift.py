from auditor.audits.base import Meta
from auditor.audits.speed import MetricAudit, render_facts

MAX_SHIFTS = 5


class CumulativeLayoutShift(MetricAudit):
    metric, good, poor, unit = "cls", 0.1, 0.25, "score"
    meta = Meta(
        id="cumulative-layout-shift",
        title="The layout stays put while the page loads",
        failure_title="Content jumps while the page loads",
        description="Cumulative Layout Shift (CLS) adds up how far visible content moves unexpectedly, in the worst burst of shifts.",
        category="speed",
        impact="serious",
        required_artifacts=("page.facts.metrics", "page.facts.render"),
        help_url="https://web.dev/articles/cls",
        seo_outcome="CLS is one of the Core Web Vitals that Google's ranking systems use as a page experience signal; good is 0.1 or less, poor over 0.25 (Google Search Central: Core Web Vitals).",
        cx_outcome="Text jumps while visitors read and buttons move under their thumb: they tap the wrong link, lose their place, or give up on a form at the moment of decision.",
        journey=("awareness", "decision"),
        effort="medium",
        messages={
            "unstable": "Content shifts by {value}, {rating} (good \u2264 {good}, poor > {poor}); elements that moved most: {elements}.",
        },
        how_to_fix="Give images, videos, ads and embeds width and height (or an aspect-ratio), reserve space for banners and late content, and load web fonts with font-display: optional or matched fallback metrics.",
        weight=3,
    )

    def check(self, page, site):
        data = self.judged(page)
        if data is None:
            return
        shifts = sorted(render_facts(page).get("layout_shifts") or [], key=lambda s: -s.get("value", 0))
        biggest = [{"value": round(s.get("value", 0), 4), "selectors": list(s.get("selectors") or [])}
                   for s in shifts[:MAX_SHIFTS]]
        moved = list(dict.fromkeys(sel for s in biggest for sel in s["selectors"]))
        yield self.finding(page, "unstable", selector=moved[0] if moved else None,
                           elements=", ".join(moved[:MAX_SHIFTS]) or "not identified", shifts=biggest, **data)
