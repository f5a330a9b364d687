from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone


class HeadingOrder(Audit):
    meta = Meta(
        id="heading-order",
        title="Heading levels go down one at a time",
        failure_title="Heading levels are skipped",
        description="Headings form the outline of a page; a skipped level breaks it for assistive technology and for scanning.",
        category="accessibility",
        impact="moderate",
        required_artifacts=("page.headings",),
        help_url="https://dequeuniversity.com/rules/axe/4.10/heading-order",
        seo_outcome="A clean outline helps search engines understand how a page's sections relate (Google Search Central: headings).",
        cx_outcome="Visitors who navigate by headings, and readers who scan, lose the thread of the page.",
        journey=("consideration",),
        effort="small",
        messages={"skip": "<h{to}> \u201c{text}\u201d follows <h{from_level}>: level {missing} is skipped."},
        how_to_fix="Use heading levels in order (h1, h2, h3...) and style them with CSS instead of picking a level for its size.",
    )
    examples = {
        "skip": lambda: alone(headings=[{"level": 1, "text": "a"}, {"level": 3, "text": "b"}]),
    }

    def applies(self, page, site):
        return page.ok_html and len(page.headings) > 1

    def check(self, page, site):
        previous = None
        for heading in page.headings:
            level = heading["level"]
            if previous is not None and level > previous + 1:
                yield self.finding(page, "skip", selector=f"h{level}", to=level, from_level=previous,
                                   missing=previous + 1, text=heading["text"][:80])
            previous = level
