"""Pages that a refresh sends on to another page, or reloads on a timer.

Google Search Central (redirects and Google Search, "meta refresh redirects"): an instant
meta refresh is read as a permanent redirect and a delayed one as a temporary redirect;
a server-side redirect is the better choice where the server allows it. Such a page is
read as a redirect (its content is not audited, and the page it sends to costs the
visitor no click). WCAG 2.2, success criterion 2.2.1 (Timing Adjustable; failure F41):
a page must not move the visitor on, or reload itself, after a delay they do not control,
unless that delay is over 20 hours. The refresh header (`Refresh: 5; url=...`) is read
as the meta element is, as browsers do.
"""

from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone, BASE

ALLOWED_DELAY_S = 20 * 3600  # WCAG 2.2.1's twenty-hour exception


class MetaRefresh(Audit):
    meta = Meta(
        id="meta-refresh",
        title="No page moves on or reloads by itself",
        failure_title="Pages that a meta refresh redirects or reloads",
        description="A meta refresh is a redirect search engines follow later than a server's, and when it waits before it fires, it moves visitors on, or reloads the page, while they read.",
        category="navigation",
        impact="serious",
        impacts={"redirect": "minor"},
        required_artifacts=("page.status", "page.error", "page.facts.refresh"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/301-redirects#metarefresh",
        seo_outcome="Google reads an instant meta refresh as a permanent redirect and a delayed one as a temporary redirect, which keeps the old URL in search; a server-side 301 passes the page's standing on sooner (Google Search Central: redirects and Google Search).",
        cx_outcome="A timed refresh takes visitors away, or reloads the page, before they finish reading or typing; people who read slowly or use a screen reader lose their place (WCAG 2.2: 2.2.1 Timing Adjustable).",
        journey=("awareness", "consideration"),
        effort="small",
        messages={
            "redirect": "A meta refresh sends visitors on to {target} at once: an HTTP 301 from the server does it better.",
            "timed-redirect": "After {delay} s, a meta refresh sends visitors on to {target}, whether or not they have finished reading.",
            "timed-reload": "The page reloads itself every {delay} s: a visitor reading or filling in a form loses their place.",
        },
        how_to_fix="Answer the old URL with an HTTP 301 redirect to the new one and link to the new one directly; remove timed refreshes, and let visitors reload or go on with a link or button.",
    )
    examples = {
        "redirect": lambda: alone(script_redirect=BASE + "/en/", facts={"refresh": {"delay": 0, "url": BASE + "/en/"}}),
        "timed-redirect": lambda: alone(script_redirect=BASE + "/new", facts={"refresh": {"delay": 5, "url": BASE + "/new"}}),
        "timed-reload": lambda: alone(facts={"refresh": {"delay": 60, "url": None}}),
    }

    def applies(self, page, site):
        return page.status == 200 and page.is_html and not page.error

    def check(self, page, site):
        refresh = page.facts.get("refresh")
        if not refresh:
            return
        delay, target = refresh["delay"], refresh["url"]
        if target and not delay:
            yield self.finding(page, "redirect", target=target)
        elif target and delay < ALLOWED_DELAY_S:
            yield self.finding(page, "timed-redirect", target=target, delay=delay)
        elif not target and delay < ALLOWED_DELAY_S:  # "0" alone reloads the page without end
            yield self.finding(page, "timed-reload", delay=delay)
