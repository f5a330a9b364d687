from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone


class OrphanPage(Audit):
    meta = Meta(
        id="orphan-page",
        title="Sitemap pages are linked from the site",
        failure_title="Orphan pages: in the sitemap, linked from nowhere",
        description="A page that no link reaches exists for search engines only; visitors browsing the site never find it.",
        category="navigation",
        impact="serious",  # Google Search Central, links-crawlable: every page you care about needs a link from another page; no visitor reaches an orphan
        required_artifacts=("page.in_sitemap", "page.depth"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/links-crawlable",
        seo_outcome="Pages without internal links receive no link equity and are crawled and ranked poorly (Google Search Central: internal links).",
        cx_outcome="Visitors cannot reach the page by browsing, so whatever it offers is lost to them.",
        journey=("consideration",),
        effort="medium",
        messages={"orphan": "The page is in the sitemap but no link on the site leads to it."},
        how_to_fix="Link the page from a relevant category, hub or navigation page, or remove it from the sitemap if it is obsolete.",
    )
    examples = {
        "orphan": lambda: alone(in_sitemap=True, depth=None),
    }

    def applies(self, page, site):
        return page.ok_html and page.in_sitemap

    def check(self, page, site):
        if page.depth is None:
            yield self.finding(page, "orphan")
