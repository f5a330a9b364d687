from auditor.audits.base import Audit, Meta
from auditor.audits.examples import BASE, make_page, with_site
from auditor.errors import is_robots_block
from auditor.model import Link


class BrokenLink(Audit):
    meta = Meta(
        id="broken-link",
        title="Internal links work",
        failure_title="Links to pages that do not work",
        description="A link that leads to an error page breaks the visitor's path through the site.",
        category="navigation",
        impact="serious",
        required_artifacts=("page.links", "site.status", "site.redirects"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/links-crawlable",
        seo_outcome="Broken links waste crawl budget and stop link equity from flowing to the pages that matter (Google Search Central: crawlable links).",
        cx_outcome="The visitor clicks and meets an error: the path to the product or the contact page ends there.",
        journey=("consideration", "decision"),
        effort="small",
        messages={"broken": "The link \u201c{text}\u201d goes to {target}, which answers {status}."},
        how_to_fix="Point the link at a working page, or restore or redirect the missing page.",
        weight=3,
    )
    examples = {
        "broken": lambda: with_site(
            make_page("/", links=[Link(BASE + "/gone", "x")]), make_page("/gone", status=404)),
    }

    def check(self, page, site):
        done = set()
        for link in page.links:
            target = link.href
            if not link.internal or target in done or target not in site.status:
                continue
            done.add(target)
            hops, loop = site.chain(target)
            status = site.status.get(hops[-1])
            if loop or status is None or status >= 400:
                if status is None and not loop and is_robots_block(site.errors.get(hops[-1])):
                    continue  # not fetched, not known to be broken
                reason = "a redirect loop" if loop else status or site.errors.get(hops[-1], "no response")
                yield self.finding(page, "broken", selector=f'a[href="{target}"]', target=target,
                                   status=reason, text=link.text[:80])
