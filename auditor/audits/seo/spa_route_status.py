from auditor.audits.base import Audit, Meta
from auditor.audits.examples import JS_RENDERED, alone
from auditor.text.not_found import reads_as_not_found

# A rendered 404 page with this many words and no not-found wording is a real page.
MIN_WORDS = 30


class SpaRouteStatus(Audit):
    meta = Meta(
        id="spa-route-status",
        title="Routes the app shows answer 200",
        failure_title="Pages the app shows that the server answers 404",
        description="The server answers 404 but the page's scripts then show real content: visitors see the page, "
                    "search engines drop it.",
        category="seo",
        impact="critical",
        required_artifacts=("page.status", "page.facts.js", "page.word_count", "page.headings", "page.title"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/javascript/javascript-seo-basics"
                 "#use-meaningful-http-status-codes",
        seo_outcome="A 404 keeps the page out of the index whatever the scripts show "
                    "(Google Search Central: use meaningful HTTP status codes).",
        cx_outcome="Visitors who follow a link in the site get the page, but nobody finds it from search, and "
                   "some browsers and tools treat it as broken.",
        journey=("awareness", "consideration", "decision"),
        effort="small",
        messages={
            "route-404": "The server answers {status} but the app shows a page (\"{title}\", {words} words).",
        },
        how_to_fix="Have the server answer 200 with the app for every route the app knows (a history fallback "
                   "limited to real routes), and 404 for the rest; or render these routes on the server.",
        weight=3,
    )
    examples = {
        "route-404": lambda: alone(status=404, facts={"js": dict(JS_RENDERED)}),
    }

    def applies(self, page, site):
        return page.is_html and page.status in (404, 410)

    def check(self, page, site):
        js = page.facts.get("js") or {}
        h1 = " ".join(h["text"] for h in page.headings if h["level"] == 1)
        if js.get("rendered") and page.word_count >= MIN_WORDS and not reads_as_not_found(page.title, h1):
            yield self.finding(page, "route-404", status=page.status, title=page.title or "", words=page.word_count)
