from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone
from auditor.errors import is_robots_block


class HttpStatus(Audit):
    meta = Meta(
        id="http-status",
        title="Pages answer successfully",
        failure_title="Pages that answer with an error",
        description="Pages that answer 4xx or 5xx, or not at all, are dead ends for visitors and crawlers.",
        category="seo",
        impact="critical",
        required_artifacts=("page.status", "page.error"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/http-network-errors",
        seo_outcome="Error pages drop out of the index, and server errors slow the crawl of the whole site (Google Search Central: HTTP status codes).",
        cx_outcome="The visitor meets an error page instead of what they came for and loses trust.",
        journey=("awareness", "consideration", "decision"),
        effort="medium",
        messages={
            "client-error": "The page answers {status}.",
            "server-error": "The server fails with {status}.",
            "no-response": "No answer: {error}.",
        },
        how_to_fix="Restore or redirect (301) missing pages, fix server errors, and update links that point to them.",
        weight=3,
    )
    examples = {
        "client-error": lambda: alone(status=404),
        "server-error": lambda: alone(status=500),
        "no-response": lambda: alone(status=None, error="TimeoutError: took too long"),
    }

    def applies(self, page, site):
        return page.status is None or page.status < 300 or page.status >= 400

    def check(self, page, site):
        if page.status is None:
            if page.error and not is_robots_block(page.error):
                yield self.finding(page, "no-response", error=page.error)
        elif page.status >= 500:
            yield self.finding(page, "server-error", status=page.status)
        elif page.status >= 400:
            yield self.finding(page, "client-error", status=page.status)
