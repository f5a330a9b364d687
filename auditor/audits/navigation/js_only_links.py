from auditor.audits.base import Audit, Meta
from auditor.audits.examples import JS_RENDERED, alone


class JsOnlyLinks(Audit):
    meta = Meta(
        id="js-only-links",
        title="Links are in the HTML the server sends",
        failure_title="Links that exist only after scripts run",
        description="A visitor's browser builds these links with scripts; crawlers that do not run scripts "
                    "(many search engines, social previews, AI answer engines) never see them, and Google sees "
                    "them only after a delayed second pass.",
        category="navigation",
        impact="serious",
        required_artifacts=("page.facts.js", "page.links"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/javascript/javascript-seo-basics",
        seo_outcome="Pages reached only through script-built links are found late or never by crawlers, so they "
                    "rank late or not at all (Google Search Central: JavaScript SEO basics).",
        cx_outcome="Visitors arriving from search or shared links land on fewer of the pages that sell; "
                   "the catalogue looks smaller than it is.",
        journey=("awareness", "consideration"),
        effort="large",
        messages={
            "js-only": "{count} links appear only after scripts run, e.g. {hrefs}.",
        },
        how_to_fix="Render these links on the server (server rendering or static generation for this template), "
                   "as <a href> elements with real URLs.",
        weight=2,
    )
    examples = {
        "js-only": lambda: alone(facts={"js": dict(JS_RENDERED)}),
    }

    def applies(self, page, site):  # judged only where the page was rendered while crawling
        return super().applies(page, site) and bool((page.facts.get("js") or {}).get("rendered"))

    def check(self, page, site):
        js = page.facts.get("js") or {}
        count = js.get("links_added_count", 0)
        if js.get("rendered") and count:
            targets = js.get("links_added", [])
            yield self.finding(page, "js-only", count=count, hrefs=", ".join(targets[:5]), links=targets)
