from auditor.audits.base import Meta, SiteAudit
from auditor.audits.examples import BASE, make_page, with_site

MAX_EXAMPLE = 300


class CrawlTrap(SiteAudit):
    meta = Meta(
        id="crawl-trap",
        title="The site has no crawl traps",
        failure_title="Crawl traps: links that generate URLs without end",
        description="Calendars that always link to the next month, session IDs in links, relative links that stack"
                    " folders and URLs that grow on every click give crawlers an endless supply of near-duplicate"
                    " pages. The crawl capped each such family of URLs; what it left out is counted here.",
        category="navigation",
        impact="serious",
        required_artifacts=("site.traps", "site.start_urls", "site.visitor_redirects", "site.status"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/large-site-managing-crawl-budget",
        seo_outcome="Crawl budget spent on endless URL variants is not spent on the pages that matter: new and"
                    " changed pages are found late or not at all, and duplicates dilute signals (Google Search"
                    " Central: managing crawl budget; URL structure: avoid session IDs and infinite spaces).",
        cx_outcome="Visitors meet the same content under ever-changing addresses: shared and bookmarked links carry"
                   " someone else's session or an empty far-future calendar page, and search results point at"
                   " duplicates instead of the page they wanted.",
        journey=("awareness", "consideration"),
        effort="medium",
        messages={
            "query-variants": "{pattern} keeps linking to new query variants of itself: {cut} more URLs were not"
                              " crawled (first: {example}).",
            "session-id": "Links carry a session ID in the URL ({pattern}): {cut} URLs that differ from a crawled"
                          " page only by it were not crawled (first: {example}).",
            "repeated-path": "Relative links stack the same folders again and again ({pattern}): {cut} URLs were"
                             " not crawled (first: {example}).",
            "long-url": "Links lead to ever-longer URLs ({pattern}): {cut} URLs were not crawled (first: {example}).",
        },
        how_to_fix="Keep session state in cookies, not URLs; mark endless calendar and filter links rel=\"nofollow\""
                   " and stop them where there is no content; write links as root-relative paths (/a/b) so they"
                   " cannot stack; point repeated variants at one canonical URL.",
        weight=2,
    )
    examples = {
        kind: (lambda kind=kind: with_site(make_page("/p"), traps=[{
            "kind": kind, "pattern": BASE + "/p?x=*", "cut": 4, "example": BASE + "/p?x=9", "source": BASE + "/p"}]))
        for kind in ("query-variants", "session-id", "repeated-path", "long-url")
    }

    def check_site(self, site):
        home = site.home
        for trap in site.traps:
            where, kind = trap["source"] or home, trap["kind"]
            example = trap["example"]
            if len(example) > MAX_EXAMPLE:  # a runaway URL can be megabytes long
                example = example[:MAX_EXAMPLE] + "\u2026"
            data = {"selector": f'a[href="{example}"]', "pattern": trap["pattern"], "cut": trap["cut"], "example": example}
            if kind == "session-id":
                yield self.finding(where, "session-id", **data)
            elif kind == "repeated-path":
                yield self.finding(where, "repeated-path", **data)
            elif kind == "long-url":
                yield self.finding(where, "long-url", **data)
            else:
                yield self.finding(where, "query-variants", **data)
