from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone


def _noindex(page) -> bool:
    values = (page.meta.get("robots"), page.meta.get("googlebot"), page.headers.get("x-robots-tag"))
    return any(d.strip() in ("noindex", "none") for v in values if v for d in v.lower().replace(":", ",").split(","))


class ClickDepth(Audit):
    meta = Meta(
        id="click-depth",
        title="Pages are a few clicks from the home page",
        failure_title="Pages buried many clicks deep",
        description="Every click between the home page and a page loses visitors and tells search engines the page matters less.",
        category="navigation",
        impact="moderate",
        required_artifacts=("page.depth", "page.meta", "page.headers"),
        help_url="https://developers.google.com/search/docs/fundamentals/seo-starter-guide#navigation",
        seo_outcome="Deep pages are crawled less often and receive less internal link equity (Google Search Central: site navigation).",
        cx_outcome="Visitors give up before they reach the product or answer they wanted.",
        journey=("consideration", "decision"),
        effort="medium",
        messages={"deep": "The page is {depth} clicks from the start page (more than {max})."},
        how_to_fix="Link deep pages from category hubs, the navigation or related items, and shorten paginated chains.",
        weight=2,
    )
    examples = {
        "deep": lambda: alone(depth=7),
    }

    def applies(self, page, site):
        # a page kept out of search (by meta robots, googlebot or X-Robots-Tag) needs no short path
        return page.ok_html and page.depth is not None and not _noindex(page)

    def check(self, page, site):
        limit = site.setting("max_click_depth")
        if page.depth > limit:
            yield self.finding(page, "deep", depth=page.depth, max=limit)
