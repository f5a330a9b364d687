from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone


class CrawlableAnchors(Audit):
    meta = Meta(
        id="crawlable-anchors",
        title="Links are links a crawler can follow",
        failure_title="Navigation no crawler can follow",
        description="Crawlers follow <a href> elements with a real URL. An <a> without href, href=\"javascript:...\", "
                    "href=\"#\" with a click handler, or a div or span that navigates when clicked works for "
                    "a mouse and leads a crawler nowhere.",
        category="navigation",
        impact="serious",
        required_artifacts=("page.facts.anchors", "page.links"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/links-crawlable",
        seo_outcome="The pages behind these links are not discovered through them, and they pass no ranking signal "
                    "(Google Search Central: make your links crawlable).",
        cx_outcome="These links cannot be opened in a new tab, bookmarked or shared, and keyboard and "
                   "screen-reader users may not reach them.",
        journey=("consideration", "decision"),
        effort="small",
        messages={
            "uncrawlable": "{count} links no crawler can follow, e.g. {example}.",
        },
        how_to_fix="Use <a href=\"/real/url\"> for every navigation; keep click handlers as an enhancement on top.",
        weight=2,
    )
    examples = {
        "uncrawlable": lambda: alone(facts={"anchors": {
            "uncrawlable": [{"kind": "javascript", "snippet": '<a href="javascript:go(3)">Offers'}], "uncrawlable_count": 1}}),
    }

    def check(self, page, site):
        anchors = page.facts.get("anchors") or {}
        examples = list(anchors.get("uncrawlable", ()))
        count = anchors.get("uncrawlable_count", 0)
        if count:
            yield self.finding(page, "uncrawlable", snippet=examples[0]["snippet"], count=count,
                               example=examples[0]["snippet"], examples=examples)
