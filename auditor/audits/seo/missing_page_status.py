"""How the server answers an address that names no page.

The crawl asks once for an address no site has a page at (auditor.urls.MISSING_PAGE_PATH,
spiders/site.py). Google Search Central: a missing page must answer 404 or 410; one
that answers 200, or redirects to a page that does (the home page, say), is a soft 404,
which Google reports and which wastes crawling
(https://developers.google.com/search/docs/crawling-indexing/http-network-errors#soft-404-errors);
one that answers 5xx is a server error, and Google crawls a site that errs more slowly
(the same page, 5xx status codes);
a single-page app that answers every route with its shell must make the server answer
404 for routes it does not know
(https://developers.google.com/search/docs/crawling-indexing/javascript/javascript-seo-basics#avoid-soft-404s).
"""

from auditor.audits.base import Meta, SiteAudit
from auditor.audits.examples import BASE, make_page, with_site
from auditor.urls import MISSING_PAGE_PATH

PROBE = BASE + MISSING_PAGE_PATH


class MissingPageStatus(SiteAudit):
    meta = Meta(
        id="missing-page-status",
        title="An address that names no page answers 404",
        failure_title="Every address answers as a page: missing pages are soft 404s",
        description="Asked for an address that names no page, the server answers 200 with a page, or redirects "
                    "to one: every mistyped, removed or made-up link then looks like a real page.",
        category="seo",
        impact="serious",
        required_artifacts=("site.missing_page", "site.start_urls", "site.visitor_redirects", "site.status"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/http-network-errors#soft-404-errors",
        seo_outcome="Search engines cannot tell removed pages from real ones: they keep crawling and may index "
                    "error pages under endless addresses, and report them as soft 404s (Google Search Central: "
                    "soft 404 errors; JavaScript SEO basics: avoid soft 404s in single-page apps).",
        cx_outcome="A visitor following a stale or mistyped link gets a page that looks right but is not the one "
                   "promised, or the home page, with no sign that what they wanted is gone.",
        journey=("awareness", "consideration"),
        effort="small",
        messages={
            "answers-200": "{url}, an address that names no page, answers {status} (title: «{title}»): the server "
                           "answers any address as a page.",
            "redirects": "{url}, an address that names no page, is redirected to {target}, which answers {status}.",
            "server-error": "{url}, an address that names no page, answers {status}, a server error where 404 "
                            "belongs.",
        },
        how_to_fix="Answer 404 (or 410 for removed pages) to addresses that name no page, with a helpful "
                   "not-found page; a single-page app's server answers 404 for routes the app does not know, "
                   "and moved pages get a 301 to their new address, not to the home page.",
        weight=2,
    )
    examples = {
        "answers-200": lambda: with_site(make_page("/"), missing_page={
            "url": PROBE, "status": 200, "final_url": PROBE, "title": "Shop", "error": None}),
        "redirects": lambda: with_site(make_page("/"), missing_page={
            "url": PROBE, "status": 200, "final_url": BASE + "/", "title": "Shop", "error": None}),
        "server-error": lambda: with_site(make_page("/"), missing_page={
            "url": PROBE, "status": 500, "final_url": PROBE, "title": None, "error": None}),
    }

    def check_site(self, site):
        probe = site.missing_page
        if not probe or probe.get("status") is None:
            return
        if probe["status"] >= 500:
            yield self.finding(site.home, "server-error", url=probe["url"], status=probe["status"])
            return
        if not 200 <= probe["status"] < 300:
            return
        if probe.get("final_url") and probe["final_url"] != probe["url"]:
            yield self.finding(site.home, "redirects", url=probe["url"], target=probe["final_url"],
                               status=probe["status"])
        else:
            yield self.finding(site.home, "answers-200", url=probe["url"], status=probe["status"],
                               title=probe.get("title") or "")
