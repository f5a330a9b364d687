"""Sitemaps that search engines can read.

Google Search Central, "Build and submit a sitemap": a sitemap is an XML file of at most
50,000 URLs and 50 MB uncompressed, on the host whose URLs it lists; robots.txt may name
it. A sitemap that robots.txt or a sitemap index names and that fails is a sitemap the
owner believes search engines read. The default /sitemap.xml that nothing names is not
reported when it is missing: a site may have no sitemap.
"""

from auditor.audits.base import Meta, SiteAudit
from auditor.audits.examples import BASE, make_page, with_site


class Sitemap(SiteAudit):
    meta = Meta(
        id="sitemap",
        title="Sitemaps can be read",
        failure_title="Sitemaps that search engines cannot use",
        description="A sitemap tells search engines which URLs to crawl; one that fails, is not XML, is too large or lists another host's URLs is ignored in whole or in part.",
        category="seo",
        impact="serious",
        required_artifacts=("site.sitemaps",),
        help_url="https://developers.google.com/search/docs/crawling-indexing/sitemaps/build-sitemap",
        seo_outcome="New and deep pages are discovered later or not at all when the sitemap is ignored (Google Search Central: sitemaps).",
        cx_outcome="Products and articles that are not found by search never reach the people looking for them.",
        journey=("awareness",),
        effort="small",
        messages={
            "failed": "The sitemap {target}, named in {source}, answers {status}.",
            "not-sitemap": "The sitemap {target}, named in {source}, is {error}.",
            "too-large": "The sitemap {target} lists {urls} URLs in {bytes} bytes: over the limits of 50,000 URLs and 50 MB.",
            "offsite-urls": "The sitemap {target} lists {offsite} of its {urls} URLs on another host: search engines ignore them.",
            "offsite-sitemap": "robots.txt names the sitemap {target}, on another host: search engines read it only when that host is verified for this site.",
        },
        how_to_fix="Serve each sitemap as XML with status 200 from the host whose URLs it lists, split it at 50,000 URLs (with a sitemap index), and name it in robots.txt with a full URL.",
        weight=2,
    )
    examples = {
        key: (lambda sitemap=sitemap: with_site(make_page("/sitemap.xml", is_html=False), sitemaps=[
            {"url": BASE + "/sitemap.xml", "source": "robots.txt", "status": 200, "error": None, "urls": 10,
             "offsite": 0, "bytes": 900, **sitemap}]))
        for key, sitemap in {"failed": {"status": 404}, "not-sitemap": {"error": "not XML"},
                             "too-large": {"error": "too large", "urls": 50_001},
                             "offsite-urls": {"offsite": 3},
                             "offsite-sitemap": {"error": "on another host", "status": None}}.items()
    }

    def check_site(self, site):
        for sitemap in site.sitemaps:
            url, named = sitemap["url"], sitemap["source"] != "default"
            evidence = {"target": sitemap["url"], "source": sitemap["source"]}
            if sitemap["error"] == "on another host":
                yield self.finding(url, "offsite-sitemap", **evidence)
            elif sitemap["error"] == "too large":
                yield self.finding(url, "too-large", urls=sitemap["urls"], bytes=sitemap["bytes"], **evidence)
            elif sitemap["error"] or (sitemap["status"] or 0) != 200:
                if not named:
                    continue  # no sitemap at the default place, and none named: not a defect
                if sitemap["status"] == 200:
                    yield self.finding(url, "not-sitemap", error=sitemap["error"], **evidence)
                else:
                    yield self.finding(url, "failed", status=sitemap["status"] or sitemap["error"], **evidence)
            if sitemap["offsite"]:
                yield self.finding(url, "offsite-urls", offsite=sitemap["offsite"], urls=sitemap["urls"], **evidence)
