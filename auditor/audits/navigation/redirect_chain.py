from auditor.audits.base import Audit, Meta
from auditor.audits.examples import make_page, redirect, with_site


class RedirectChain(Audit):
    meta = Meta(
        id="redirect-chain",
        title="Redirects take one hop",
        failure_title="Redirect chains and loops",
        description="Each redirect hop costs a round trip; a loop never arrives.",
        category="navigation",
        impact="moderate",
        # a loop never arrives: the browser stops with ERR_TOO_MANY_REDIRECTS and search
        # engines cannot fetch the page (Google Search Central, redirects); a chain only
        # costs a round trip per hop (Lighthouse, "Avoid multiple page redirects").
        impacts={"loop": "critical"},
        required_artifacts=("site.redirects", "site.status", "page.redirect_to"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/301-redirects",
        seo_outcome="Crawlers give up after a few hops and signals weaken along a chain; a loop drops the URL from the index (Google Search Central: redirects).",
        cx_outcome="Every hop adds a delay before the page appears, and a loop ends in a browser error.",
        journey=("awareness", "consideration"),
        effort="small",
        messages={
            "chain": "{hops} redirects before arriving: {path}.",
            "loop": "The redirects loop: {path}.",
        },
        how_to_fix="Redirect straight to the final URL, and update links to point there.",
    )
    examples = {
        "chain": lambda: with_site(redirect("/a", "/b"), redirect("/b", "/c"), make_page("/c")),
        "loop": lambda: with_site(redirect("/a", "/b"), redirect("/b", "/a")),
    }

    def applies(self, page, site):
        # Judge each chain once, from where it starts (not from each hop along it);
        # a pure loop has no start, so it is judged from its first URL in sort order.
        # A loop that some other redirect leads into is judged from that start instead.
        if page.redirect_to is None:
            return False
        if page.url not in site.redirect_targets:
            return True
        hops, loop = site.chain(page.url)
        if not (loop and hops[-1] == page.url and page.url == min(hops)):
            return False
        members = set(hops)
        return not any(src not in members and dst in members for src, dst in site.redirects.items())

    def check(self, page, site):
        hops, loop = site.chain(page.url)
        path = " \u2192 ".join(hops)
        if loop:
            yield self.finding(page, "loop", path=path, hops=len(hops) - 1)
        elif len(hops) > 2:
            yield self.finding(page, "chain", path=path, hops=len(hops) - 1)
