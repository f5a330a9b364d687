from auditor.audits.base import Audit, Meta


class DeadEndPages(Audit):
    meta = Meta(
        id="dead-end-pages",
        title="Every page links onward",
        failure_title="Dead-end pages with no link onward",
        description="A page with no link to the rest of the site leaves the visitor only the back button.",
        category="cx",
        impact="moderate",
        required_artifacts=("page.links", "page.depth", "page.facts.fragments"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/links-crawlable",
        seo_outcome="A page without outgoing internal links stops crawlers there and passes no link equity on"
                    " (Google Search Central: make your links crawlable).",
        cx_outcome="The visitor is stuck: no navigation, no next step, no way to the products or to help, so"
                   " they leave the site.",
        journey=("consideration",),
        effort="small",
        messages={"dead-end": "The page has no link to any other page of the site."},
        how_to_fix="Give the page the site's header and footer navigation, and a next step (related items, the"
                   " category, contact).",
    )

    def applies(self, page, site):
        # A one-page site: its start page's menu leads to its own sections (#menu, #contact),
        # and there is no other page to link to.
        return page.ok_html and not (page.depth == 0 and _section_links(page) >= 2)

    def check(self, page, site):
        onward = any(link.internal and link.kind in ("a", "area") and link.href != page.url for link in page.links)
        if not onward:
            yield self.finding(page, "dead-end")


def _section_links(page) -> int:
    """Links from the page to sections of itself."""
    links = (page.facts.get("fragments") or {}).get("links") or ()
    return len({fragment for target, fragment, _ in links if target == page.url})
