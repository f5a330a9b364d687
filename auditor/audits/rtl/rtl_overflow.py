from auditor.audits.base import Audit, Meta
from auditor.audits.rtl._rendered import ARTIFACT, layouts, rendered_rtl


class RtlOverflow(Audit):
    meta = Meta(
        id="rtl-overflow",
        title="RTL pages fit the screen at phone and desktop widths",
        failure_title="RTL pages wider than the screen or with content cut off at its edge",
        description="Measured in Chromium at the profile's width and at the other one (phone 412 px, desktop 1350 px): "
                    "the page must not be wider than the viewport, and no box may cross its left or right edge. "
                    "Right-to-left layouts built with physical CSS (left/right margins, fixed widths) often overflow on phones.",
        category="rtl",
        impact="serious",
        required_artifacts=(ARTIFACT,),
        help_url="https://web.dev/articles/responsive-web-design-basics#size-content",
        seo_outcome="Google indexes the mobile rendering of a page; content wider than the screen fails its mobile-friendliness "
                    "criteria and hurts the page experience signals (Google Search Central: mobile-first indexing, page experience).",
        cx_outcome="On a phone the visitor scrolls sideways or cannot see the start of right-to-left lines at all; the page looks "
                   "broken, which costs trust and makes it hard to read.",
        journey=("awareness", "consideration", "decision"),
        effort="medium",
        messages={
            "document-wider": "At {width} px wide the page is {scroll_width} px wide: it scrolls sideways by {extra} px.",
            "element-out": "At {width} px wide this element crosses the {side} edge of the screen "
                           "(from {left} to {right} px, {element_width} px wide).",
        },
        how_to_fix="Let boxes shrink: max-width: 100% or inline-size: 100% instead of fixed widths, flex-wrap or grid for rows, "
                   "and logical properties (margin-inline-start, padding-inline-end, inset-inline-start) instead of left/right, "
                   "so the layout fits in both directions; wrap wide tables in a box with overflow-x: auto.",
        weight=2,
    )

    def applies(self, page, site):
        return rendered_rtl(page) and bool(layouts(page))

    def check(self, page, site):
        for layout in layouts(page):
            width = layout.get("width")
            client, scroll = layout.get("client_width") or 0, layout.get("scroll_width") or 0
            if scroll > client + 1:
                yield self.finding(page, "document-wider", selector="html", width=width, scroll_width=scroll,
                                   client_width=client, extra=scroll - client)
            for el in layout.get("elements") or []:
                yield self.finding(page, "element-out", selector=el.get("selector"), snippet=el.get("snippet"),
                                   width=width, side=el.get("side"), left=el.get("left"), right=el.get("right"),
                                   element_width=el.get("width"))
