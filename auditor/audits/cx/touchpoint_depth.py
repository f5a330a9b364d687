from auditor.audits.base import Audit, Meta
from auditor.text.touchpoints import page_channels

KINDS = ("contact", "support")


class TouchpointDepth(Audit):
    meta = Meta(
        id="touchpoint-depth",
        title="Contact or support is a click or two from every page",
        failure_title="Contact and support are buried many clicks deep",
        description="A visitor with a question should reach the contact or support page from wherever they are in"
                    " a couple of clicks; every extra click turns a question into a lost sale or a complaint.",
        category="cx",
        impact="moderate",
        required_artifacts=("site.touchpoints", "site.touchpoint_distance", "page.links"),
        help_url="https://developers.google.com/search/docs/fundamentals/seo-starter-guide#navigation",
        seo_outcome="Pages linked from the navigation or footer of every page are crawled often and receive"
                    " internal link equity; buried pages are crawled less (Google Search Central: site navigation).",
        cx_outcome="A customer who needs help cannot find how to reach the business and gives up, or complains"
                   " elsewhere.",
        journey=("decision", "loyalty"),
        effort="small",
        messages={
            "far": "The nearest {kind} page is {clicks} clicks away (more than {max}).",
            "unreachable": "No link path leads from this page to a {kind} page.",
        },
        how_to_fix="Link the contact and support pages from the header or footer of every page, and put the phone,"
                   " e-mail or WhatsApp link in the footer.",
    )

    def applies(self, page, site):
        return page.ok_html and any(site.touchpoints.get(kind) for kind in KINDS)

    def check(self, page, site):
        # A visitor with a question needs one way to ask, the nearer of the two pages,
        # or none at all when the page itself links a phone, e-mail or WhatsApp.
        if page_channels(page):
            return
        limit = site.setting("max_touchpoint_clicks")
        distance = site.touchpoint_distance.get(page.url, {})
        kinds = [kind for kind in KINDS if site.touchpoints.get(kind)]  # a missing kind is touchpoint-coverage's
        reachable = sorted((distance[kind], kind) for kind in kinds if distance.get(kind) is not None)
        if not reachable:
            yield self.finding(page, "unreachable", kind=" or ".join(kinds))
        elif reachable[0][0] > limit:
            clicks, kind = reachable[0]
            yield self.finding(page, "far", kind=kind, clicks=clicks, max=limit)
