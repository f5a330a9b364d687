from auditor.audits.base import Audit, Meta
from auditor.audits.rtl._page import is_rtl_page, rtl

# Which way each kind of icon points on a right-to-left page.
EXPECTED = {"next": "left", "prev": "right", "breadcrumb": "left"}


class MirroredIcons(Audit):
    meta = Meta(
        id="mirrored-icons",
        title="Direction icons point the right-to-left way",
        failure_title="Next/previous and breadcrumb arrows pointing the left-to-right way",
        description="In right-to-left pages \"next\" is to the left: its arrow must point left, \"previous\" "
                    "right, and breadcrumb separators left. Text glyphs such as ‹ › « » are mirrored by the "
                    "browser, icons and images are not; each finding says how the arrow is displayed.",
        category="rtl",
        impact="moderate",
        required_artifacts=("page.facts.rtl",),
        help_url="https://m2.material.io/design/usability/bidirectionality.html#mirroring-elements",
        seo_outcome="Confusing pagination lowers the pages visited per session and the crawl of deeper listing "
                    "pages through the links people follow (Google Search Central: pagination best practices).",
        cx_outcome="Visitors press the arrow that points where they want to go and land on the wrong page.",
        journey=("consideration",),
        effort="small",
        messages={
            "next": "The \"next\" link shows an arrow pointing right ({source}).",
            "prev": "The \"previous\" link shows an arrow pointing left ({source}).",
            "breadcrumb": "Breadcrumb separators are displayed pointing right ({source}).",
        },
        how_to_fix="Mirror direction icons on right-to-left pages ([dir=\"rtl\"] .icon { transform: scaleX(-1) } or "
                   "separate icons); for text separators write › in the source, which the browser displays as ‹ "
                   "in right-to-left text.",
    )

    def applies(self, page, site):
        return page.ok_html and bool(rtl(page).get("checked")) and is_rtl_page(page)

    def check(self, page, site):
        for icon in rtl(page).get("icons", ()):
            if icon["points"] == EXPECTED.get(icon["role"], icon["points"]):
                continue
            where = {"selector": icon["selector"], "snippet": icon.get("href"), "source": icon["source"]}
            if icon["role"] == "next":
                yield self.finding(page, "next", **where)
            elif icon["role"] == "prev":
                yield self.finding(page, "prev", **where)
            else:
                yield self.finding(page, "breadcrumb", **where)
