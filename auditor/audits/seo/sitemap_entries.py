"""URLs a sitemap lists that are not the pages to index.

Google Search Central, "Build and submit a sitemap" and "Canonicalization": list only
canonical URLs that answer 200. A listed URL that redirects, fails, or names another
page as canonical wastes crawling and contradicts the site's own signals. Noindexed pages
in a sitemap are the noindex audit's (in-sitemap), and a listed page whose canonical is
itself broken or on another host is the canonical audit's: one cause, reported once.
"""

from urllib.parse import urlsplit

from auditor.audits.base import Meta, SiteAudit
from auditor.audits.examples import BASE, make_page, with_site


class SitemapEntries(SiteAudit):
    meta = Meta(
        id="sitemap-entries",
        title="Sitemaps list only pages to index",
        failure_title="Sitemaps list redirects, errors or duplicates",
        description="A sitemap should list the canonical URL of each page that answers 200; anything else is a contradiction search engines must resolve.",
        category="seo",
        impact="moderate",
        # Google Search Central, sitemaps: list canonical URLs; a redirecting or
        # canonicalised entry is still followed, one that answers an error is a dead end.
        impacts={"redirects": "minor", "canonicalised": "minor"},
        required_artifacts=("site.sitemap_problems", "site.redirects", "site.status"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/sitemaps/build-sitemap",
        seo_outcome="Search engines trust a sitemap less when it lists redirects, errors and non-canonical URLs, and crawl the site's real pages less often (Google Search Central: sitemaps, canonicalization).",
        cx_outcome="Visitors from search land on redirects or error pages that the sitemap promised were pages.",
        journey=("awareness",),
        effort="small",
        messages={
            "redirects": "{sitemap} line {line} lists this URL, which redirects to {target}.",
            "broken": "{sitemap} line {line} lists this URL, which answers {status}.",
            "canonicalised": "{sitemap} line {line} lists this URL, whose canonical is {target}.",
        },
        how_to_fix="Generate the sitemap from the pages that answer 200 and are their own canonical: list the redirect's target instead of the old URL, drop removed pages.",
    )
    examples = {
        key: (lambda entry=entry: with_site(
            make_page("/old", status=entry.get("status", 200)), make_page("/new"),
            sitemap_problems=[{"url": BASE + "/old", "sitemap": BASE + "/sitemap.xml", "line": 7, "status": 200,
                               "error": None, "redirect_to": None, "canonical": None, **entry}]))
        for key, entry in {"redirects": {"status": 301, "redirect_to": BASE + "/new"}, "broken": {"status": 404},
                           "canonicalised": {"canonical": BASE + "/new"}}.items()
    }

    def check_site(self, site):
        for entry in site.sitemap_problems:
            where = {"sitemap": entry["sitemap"], "line": entry["line"] if entry["line"] is not None else "?"}
            if entry["redirect_to"]:
                yield self.finding(entry["url"], "redirects", target=entry["redirect_to"], status=entry["status"], **where)
            elif entry["status"] is None or entry["status"] >= 400:
                status = entry["status"] or entry["error"] or "no response"
                yield self.finding(entry["url"], "broken", status=status, **where)
            elif entry["canonical"] and entry["canonical"] != entry["url"] and self._valid(entry["canonical"], entry["url"], site):
                yield self.finding(entry["url"], "canonicalised", target=entry["canonical"], status=entry["status"], **where)

    @staticmethod
    def _valid(canonical: str, url: str, site) -> bool:
        """A canonical the site means: on the same host and answering 200 (otherwise the
        canonical itself is the defect, and the canonical audit reports it)."""
        return urlsplit(canonical).netloc == urlsplit(url).netloc and site.final_status(canonical) == 200
