from auditor.audits.base import Audit, Meta
from auditor.audits.rtl._rendered import ARTIFACT, HTML_DIR_WRONG, layouts, mirrored_header, rendered_rtl


class LogoNavSide(Audit):
    meta = Meta(
        id="logo-nav-side",
        title="The header reads from the right",
        failure_title="The header is laid out left to right on RTL pages",
        description="Measured in Chromium: on a right-to-left page the logo sits on the right of the header and the menu "
                    "starts at the right; a logo on the left half with menu items running left to right is a header "
                    "left as it was for a left-to-right language.",
        category="rtl",
        impact="moderate",
        required_artifacts=(ARTIFACT,),
        help_url="https://m2.material.io/design/usability/bidirectionality.html",
        seo_outcome="Indirect: visitors who cannot find the menu's first item leave after one page, and fewer pages "
                    "per visit weakens engagement (Google Search Central: page experience).",
        cx_outcome="The eye lands on the right and finds the end of the menu; the most important item is read last and "
                   "the site feels translated rather than made for the reader.",
        journey=("awareness", "consideration"),
        effort="medium",
        messages={
            "mirrored": "At {width} px wide the logo is on the left half and the {items} menu items run left to right "
                        "(the first, \u201c{first_item}\u201d, at the left end).",
        },
        how_to_fix="Lay the header out with flexbox or grid in the page's direction (flex-direction: row, no row-reverse, "
                   "no float: left), so dir=\"rtl\" puts the logo and the first menu item on the right; use "
                   "margin-inline-start/end instead of margin-left/right.",
        # A page whose <html> does not say it is right to left lays its header out left to
        # right: one cause, fixed on <html> (a flex or grid header then follows).
        root_causes=HTML_DIR_WRONG,
    )

    def applies(self, page, site):
        return rendered_rtl(page) and any(layout.get("header") for layout in layouts(page))

    def check(self, page, site):
        # Once per page: the first width that shows it.
        for layout in layouts(page):
            header = layout.get("header")
            if mirrored_header(header):
                nav = header["nav"]
                yield self.finding(page, "mirrored", selector=header["logo"].get("selector"),
                                   snippet=header["logo"].get("snippet"), width=layout.get("width"),
                                   items=nav.get("items"), first_item=nav.get("first_item"),
                                   nav_selector=nav.get("selector"))
                return
