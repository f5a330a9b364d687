from urllib.parse import urlsplit

from auditor.audits.base import Audit, Meta


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


class Canonical(Audit):
    meta = Meta(
        id="canonical",
        title="Canonical URLs are valid",
        failure_title="Missing, conflicting or broken canonical URLs",
        description="The canonical link names the one URL a page should be indexed under.",
        category="seo",
        impact="moderate",
        required_artifacts=("page.canonicals", "site.status", "site.redirects"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/consolidate-duplicate-urls",
        seo_outcome="A broken or conflicting canonical splits ranking signals between duplicates or drops the page from the index (Google Search Central: canonicalization).",
        cx_outcome="Searchers land on the wrong variant of a page, or on one that no longer exists.",
        journey=("awareness",),
        effort="small",
        messages={
            "missing": "The page has no canonical link.",
            "conflicting": "The page declares {count} different canonical URLs: {urls}.",
            "offsite": "The canonical points to another site: {target}.",
            "target-status": "The canonical {target} answers {status}.",
            "target-redirects": "The canonical {target} redirects to {final}.",
        },
        how_to_fix="Add one <link rel=\"canonical\"> with the page's own preferred absolute URL, which must answer 200.",
    )

    def check(self, page, site):
        targets = list(dict.fromkeys(page.canonicals))
        if not targets:
            yield self.finding(page, "missing", selector="head")
            return
        if len(targets) > 1:
            yield self.finding(page, "conflicting", selector='link[rel="canonical"]', count=len(targets), urls=", ".join(targets))
            return
        target = targets[0]
        if _host(target) != _host(page.url):
            yield self.finding(page, "offsite", selector='link[rel="canonical"]', target=target)
            return
        hops, loop = site.chain(target)
        status = site.status.get(hops[-1])
        if len(hops) > 1 and not loop:
            yield self.finding(page, "target-redirects", selector='link[rel="canonical"]', target=target, final=hops[-1])
        elif target in site.status and (loop or status is None or status >= 400):
            yield self.finding(page, "target-status", selector='link[rel="canonical"]', target=target,
                               status="a redirect loop" if loop else status or "no response")
