"""Pages the site links to that robots.txt keeps crawlers from.

Google Search Central, "Introduction to robots.txt": robots.txt manages crawling, not
indexing; a blocked page that is linked can still be indexed, without its content. To
keep a page out of search, let it be crawled and mark it noindex; to have it rank, allow
it. A page both linked and blocked is one of the two mistakes. Each finding names the
robots.txt line that blocks the page (auditor/text/robots_rules.py).
"""

from auditor.audits.base import Meta, SiteAudit
from auditor.audits.examples import BASE, make_page, with_site
from auditor.errors import error_text
from auditor.options import ROBOTS_AGENT
from auditor.text.robots_rules import blocking_rule


class RobotsBlockedPage(SiteAudit):
    meta = Meta(
        id="robots-blocked-page",
        title="Linked pages can be crawled",
        failure_title="Linked pages that robots.txt blocks",
        description="robots.txt stops crawlers from reading a page the site links to: search engines may list it without its content, or never learn what it holds.",
        category="seo",
        impact="minor",
        required_artifacts=("site.robots_blocked", "site.robots_txt"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/robots/intro",
        seo_outcome="A blocked page can still appear in results as a bare URL without title or description, and passes nothing on to the pages it links (Google Search Central: robots.txt).",
        cx_outcome="Searchers see a result with no description, or do not find the page at all.",
        journey=("awareness",),
        effort="small",
        messages={
            "blocked": "robots.txt disallows this page, which {count} pages link to (for example {sources}).",
        },
        how_to_fix="To keep the page out of search, allow it in robots.txt and add <meta name=\"robots\" content=\"noindex\">; to have it found, remove the Disallow rule that matches it.",
        weight=0.5,
    )
    examples = {
        "blocked": lambda: with_site(
            make_page("/cart", status=None, is_html=False, error=error_text("robots")),
            robots_blocked={BASE + "/cart": {"count": 2, "sources": [BASE + "/", BASE + "/p"]}},
            robots_txt={BASE: "User-agent: *\nDisallow: /cart\n"}),
    }

    def check_site(self, site):
        for url, entry in sorted(site.robots_blocked.items()):
            yield self.finding(url, "blocked", count=entry["count"], sources=", ".join(entry["sources"]),
                               **blocking_rule(site.robots_txt, url, ROBOTS_AGENT))
