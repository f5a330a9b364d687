"""Files named inside stylesheets and web app manifests.

A stylesheet's url() and @import (fonts, background images, other stylesheets) and a
manifest's icons are fetched by the browser without a page naming them: a missing font
falls back, a missing background leaves a gap, a missing manifest icon breaks "add to
home screen". Each is reported once, on the file that names it, for every page using it.
"""

from auditor.audits.base import Meta, SiteAudit
from auditor.audits.examples import BASE, make_page, with_site
from auditor.errors import is_robots_block


class BrokenFileReference(SiteAudit):
    meta = Meta(
        id="broken-file-reference",
        title="Files named by stylesheets and manifests load",
        failure_title="Stylesheets or manifests name files that fail",
        description="Fonts, background images and imported stylesheets named in CSS, and the icons a web app manifest lists, must load for the page to look as designed.",
        category="navigation",
        impact="moderate",
        required_artifacts=("site.references", "site.status", "site.redirects"),
        help_url="https://developer.mozilla.org/en-US/docs/Web/CSS/url_function",
        seo_outcome="A stylesheet that fails to import or a missing font can change the rendered layout search engines evaluate; broken icons show in results and shortcuts (Google Search Central: favicon in search results).",
        cx_outcome="Text in a fallback font, empty banners, or a blank icon on the visitor's home screen: the site looks unfinished.",
        journey=("consideration", "loyalty"),
        effort="small",
        messages={
            "broken": "{source} names the {kind} {target}, which answers {status}.",
        },
        how_to_fix="Restore the file or correct its path in the stylesheet or manifest (paths in CSS are relative to the stylesheet, not to the page).",
    )
    examples = {
        "broken": lambda: with_site(
            make_page("/style.css", is_html=False, content_type="text/css"),
            status={BASE + "/style.css": 200, BASE + "/f.woff2": 404},
            references={BASE + "/style.css": [(BASE + "/f.woff2", "font")]}),
    }

    def check_site(self, site):
        for source, targets in sorted(site.references.items()):
            for target, kind in targets:
                if target not in site.status:
                    continue  # not fetched (another host, or excluded)
                hops, loop = site.chain(target)
                status = None if loop else site.status.get(hops[-1])
                if status is not None and status < 400:
                    continue
                reason = "a redirect loop" if loop else status or site.errors.get(hops[-1], "no response")
                if is_robots_block(reason):
                    continue
                yield self.finding(source, "broken", kind=kind, target=target, source=source, status=reason)
