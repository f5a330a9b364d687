"""Files a page makes the browser fetch: images (src, srcset, posters), scripts,
stylesheets, icons, the web app manifest, preloads, feeds, media, objects and the share
image (og:image, twitter:image). One request per distinct URL; every page naming a
broken one gets its finding.

Google Search Central, "Understand the JavaScript SEO basics" and robots.txt guidance:
CSS and JavaScript blocked by robots.txt keep Google from rendering the page as
visitors see it. Each such finding names the robots.txt line that blocks the file
(auditor/text/robots_rules.py): the fix plan shows the files one rule blocks as one fix.
"""

from auditor.audits.base import Audit, Meta
from auditor.audits.examples import BASE, make_page, with_site
from auditor.errors import error_text, is_robots_block
from auditor.options import ROBOTS_AGENT
from auditor.text.robots_rules import blocking_rule

RENDER_KINDS = ("stylesheet", "script")


class BrokenResource(Audit):
    meta = Meta(
        id="broken-resource",
        title="Images, scripts and stylesheets load",
        failure_title="Images, scripts or stylesheets that fail to load",
        description="A missing image leaves a hole; a missing script or stylesheet can break the whole page.",
        category="navigation",
        impact="serious",
        required_artifacts=("page.resources", "site.status", "site.errors", "site.redirects", "site.robots_txt"),
        help_url="https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/404",
        seo_outcome="Broken images drop out of image search, and broken CSS or JS can make the rendered page unusable for indexing (Google Search Central: rendering).",
        cx_outcome="Visitors see empty frames where products should be, or a page that does not work, and doubt the business.",
        journey=("consideration", "decision"),
        effort="small",
        messages={
            "broken": "The {kind} {target} answers {status}.",
            "blocked-by-robots": "robots.txt disallows the {kind} {target}: search engines render the page without it.",
        },
        how_to_fix="Restore the file or fix the reference in the template; let crawlers fetch the CSS and JavaScript a page needs (Google Search Central: don't block page resources).",
        weight=2,
    )
    examples = {
        "broken": lambda: with_site(
            make_page("/"), status={BASE + "/": 200, BASE + "/style.css": 404}),
        "blocked-by-robots": lambda: with_site(
            make_page("/"), status={BASE + "/": 200, BASE + "/style.css": None},
            errors={BASE + "/style.css": error_text("robots")},
            robots_txt={BASE: "User-agent: *\nDisallow: /style.css\n"}),
    }

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
                where = f'[src="{resource.url}"], [href="{resource.url}"]'
                if is_robots_block(reason):
                    if resource.kind in RENDER_KINDS:
                        rule = blocking_rule(site.robots_txt, resource.url, ROBOTS_AGENT)
                        yield self.finding(page, "blocked-by-robots", selector=where, kind=resource.kind,
                                           target=resource.url, **rule)
                    continue
                yield self.finding(page, "broken", selector=where, kind=resource.kind, target=resource.url, status=reason)
