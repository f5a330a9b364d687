"""Pages whose scripts send the visitor on to another page as soon as they load.

Google Search Central (redirects and site moves, "JavaScript location redirects"): use a
JavaScript redirect only when a server-side or meta refresh redirect is not possible;
Google follows it only once it has rendered the page, and crawlers that run no scripts
index the page as it stands. Such a page is read as a redirect (its content is not
audited, and the page it sends to costs the visitor no click), and reported here once.
"""

from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone, BASE


class ScriptRedirect(Audit):
    meta = Meta(
        id="script-redirect",
        title="Pages redirect on the server",
        failure_title="Pages that redirect with a script",
        description="A page that only sends the visitor elsewhere with a script is a redirect that crawlers without JavaScript never follow.",
        category="navigation",
        impact="moderate",
        required_artifacts=("page.status", "page.error", "page.script_redirect", "page.facts.js", "page.facts.refresh"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/301-redirects#jslocation",
        seo_outcome="Google follows a script redirect only after rendering the page, later than an HTTP redirect; crawlers that run no scripts index the empty page instead and may never reach the target (Google Search Central: redirects).",
        cx_outcome="Visitors see a blank or \"redirecting\" page first, and the back button returns them to it.",
        journey=("awareness",),
        effort="small",
        messages={
            "script-redirect": "A script sends visitors on to {target}; crawlers without JavaScript read a page of {words} words titled \"{title}\".",
        },
        how_to_fix="Answer this URL with an HTTP 301 redirect to the target (or, where the server cannot, a meta refresh), and link to the target directly.",
    )
    examples = {
        "script-redirect": lambda: alone(script_redirect=BASE + "/en/", facts={"js": {
            "rendered": True, "reason": "shell", "html": {"title": "Redirecting...", "words": 8, "links": 2}}}),
    }

    def applies(self, page, site):
        # a refresh's redirect is meta-refresh's
        refresh = page.facts.get("refresh") or {}
        return (page.status == 200 and page.is_html and not page.error and bool(page.script_redirect)
                and page.script_redirect != refresh.get("url"))

    def check(self, page, site):
        # What the HTML says, which crawlers that run no scripts read (kept beside the rendered reading).
        html = (page.facts.get("js") or {}).get("html") or {}
        yield self.finding(page, "script-redirect", target=page.script_redirect,
                           title=html.get("title") or "", words=html.get("words", 0))
