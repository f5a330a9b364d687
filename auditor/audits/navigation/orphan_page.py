from auditor.audits.base import Audit, Meta
from auditor.audits.examples import BASE, alone, make_page, with_site


class OrphanPage(Audit):
    meta = Meta(
        id="orphan-page",
        title="Sitemap pages are linked from the site",
        failure_title="Orphan pages: in the sitemap, linked from nowhere",
        description="A page that no link reaches exists for search engines only; visitors browsing the site never find it.",
        category="navigation",
        impact="serious",  # Google Search Central, links-crawlable: every page you care about needs a link from another page; no visitor reaches an orphan
        required_artifacts=("page.in_sitemap", "page.depth", "site.hreflang"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/links-crawlable",
        seo_outcome="Pages without internal links receive no link equity and are crawled and ranked poorly (Google Search Central: internal links).",
        cx_outcome="Visitors cannot reach the page by browsing, so whatever it offers is lost to them.",
        journey=("consideration",),
        effort="medium",
        messages={
            "orphan": "The page is in the sitemap but no link on the site leads to it.",
            "alternate-only": "No link on the site leads to the page: only the sitemap and the hreflang alternates of"
                              " {named_by} (and {more} more pages) name it, so visitors reach it only by a script, such as"
                              " a language menu of buttons, if at all.",
        },
        # search engines find it through hreflang, but it gets no link equity and browsing never reaches it
        impacts={"alternate-only": "moderate"},
        how_to_fix="Link the page from a relevant category, hub or navigation page, or remove it from the sitemap if it"
                   " is obsolete; make a language menu a list of links (<a href> to each version of the page).",
    )
    examples = {
        "orphan": lambda: alone(in_sitemap=True, depth=None),
        "alternate-only": lambda: with_site(
            make_page("/en/", in_sitemap=True, depth=None),
            make_page("/", hreflang=[{"lang": "ar", "href": BASE + "/"}, {"lang": "en", "href": BASE + "/en/"}])),
    }

    def applies(self, page, site):
        return page.ok_html and page.in_sitemap

    def check(self, page, site):
        if page.depth is None:
            named_by = site.alternate_of.get(page.url)
            if named_by:
                yield self.finding(page, "alternate-only", named_by=named_by[0], more=len(named_by) - 1)
            else:
                yield self.finding(page, "orphan")
