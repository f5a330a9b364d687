from auditor.audits.base import Audit, Meta
from auditor.audits.rtl._rendered import ARTIFACT, rendered_rtl, rtl_facts


class FontFallback(Audit):
    meta = Meta(
        id="font-fallback",
        title="The declared font draws the right-to-left text",
        failure_title="Right-to-left text drawn in a fallback font",
        description="Chromium's DevTools protocol tells which fonts drew the Arabic or Hebrew letters: when the first "
                    "font-family has no glyphs for them, the browser borrows another font, which differs from device to device.",
        category="rtl",
        impact="moderate",
        required_artifacts=(ARTIFACT,),
        help_url="https://developer.mozilla.org/docs/Web/CSS/font-family",
        seo_outcome="Indirect: a late font swap moves text (Cumulative Layout Shift, a Core Web Vital), and a patchwork of "
                    "fonts reads worse, which shortens visits (Google Search Central: page experience).",
        cx_outcome="Headings and body text mix two typefaces of different sizes and weights; the brand's look is lost "
                   "on the very text the visitor reads, which makes the site look unfinished and harder to read.",
        journey=("awareness", "consideration"),
        effort="small",
        messages={
            "fallback": "The first font-family \u201c{first_family}\u201d has no glyphs for this text; "
                        "the browser drew it with {fallback_fonts}.",
        },
        how_to_fix="Put a font that covers Arabic (or Hebrew) first for RTL text, e.g. :lang(ar) { font-family: \"Noto Naskh Arabic\", "
                   "\"Your Latin font\", sans-serif }, or load an Arabic web font with a unicode-range for the Arabic block.",
    )

    def applies(self, page, site):
        return rendered_rtl(page)

    def check(self, page, site):
        for group in rtl_facts(page).get("fonts") or []:
            if group.get("fallback"):
                yield self.finding(page, "fallback", selector=group.get("selector"), snippet=group.get("snippet"),
                                   first_family=group.get("first_family"), font_family=group.get("font_family"),
                                   fallback_fonts=", ".join(group.get("fallback_fonts") or ()) or "another font",
                                   web_font=bool(group.get("web_font")))
