from auditor.audits.base import Audit, Meta


class BrokenResource(Audit):
    meta = Meta(
        id="broken-resource",
        title="Images, scripts and stylesheets load",
        failure_title="Images, scripts or stylesheets that fail to load",
        description="A missing image leaves a hole; a missing script or stylesheet can break the whole page.",
        category="navigation",
        impact="serious",
        required_artifacts=("page.resources", "site.status"),
        help_url="https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/404",
        seo_outcome="Broken images drop out of image search, and broken CSS or JS can make the rendered page unusable for indexing (Google Search Central: rendering).",
        cx_outcome="Visitors see empty frames where products should be, or a page that does not work, and doubt the business.",
        journey=("consideration", "decision"),
        effort="small",
        messages={"broken": "The {kind} {target} answers {status}."},
        how_to_fix="Restore the file or fix the reference in the template.",
        weight=2,
    )

    def check(self, page, site):
        done = set()
        for resource in page.resources:
            if resource.url in done or resource.url not in site.status:
                continue
            done.add(resource.url)
            hops, loop = site.chain(resource.url)
            status = None if loop else site.status.get(hops[-1])
            if status is None or status >= 400:
                reason = "a redirect loop" if loop else status or site.errors.get(hops[-1], "no response")
                if "robots.txt" in str(reason):
                    continue
                yield self.finding(page, "broken", selector=f'[src="{resource.url}"], [href="{resource.url}"]',
                                   kind=resource.kind, target=resource.url, status=reason)
