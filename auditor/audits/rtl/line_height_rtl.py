from auditor.audits.base import Audit, Meta
from auditor.audits.rtl._rendered import ARTIFACT, found, rendered_rtl

MIN_RATIO = 1.5
# Large-scale text in WCAG's sense (18 pt, 24 px): a title set as a paragraph, whose lines,
# like a heading's, are set tight by design; the check is for running text.
LARGE_TEXT_PX = 24


class LineHeightRtl(Audit):
    meta = Meta(
        id="line-height-rtl",
        title="Right-to-left text has room between its lines",
        failure_title="Right-to-left text with cramped lines",
        description="The rendered distance between lines of Arabic or Hebrew text that wraps, against its font size: "
                    "under 1.5, diacritics and tall letters of one line touch the next.",
        category="rtl",
        impact="minor",
        required_artifacts=(ARTIFACT,),
        help_url="https://www.w3.org/TR/alreq/",
        seo_outcome="Indirect: cramped text is skimmed and left sooner, which weakens engagement; WCAG 1.4.12 asks that "
                    "text stays readable at a line height of 1.5 (Google Search Central: page experience).",
        cx_outcome="Vowel marks and dots collide between lines, so words are misread and long passages tire the reader.",
        journey=("consideration",),
        effort="small",
        messages={
            "tight": "Lines are {ratio} times the font size apart (line-height: {line_height}, font size {font_size} px); "
                     "{min_ratio} or more keeps diacritics clear.",
        },
        how_to_fix="Set line-height: 1.6 to 1.8 (unitless) on RTL text, e.g. :lang(ar) p, :lang(ar) li { line-height: 1.7 }.",
    )

    def applies(self, page, site):
        return rendered_rtl(page)

    def check(self, page, site):
        items, _ = found(page, "line_height")
        for item in items:
            if (item.get("ratio") or 0) < MIN_RATIO and (item.get("font_size") or 0) < LARGE_TEXT_PX:
                yield self.finding(page, "tight", selector=item.get("selector"), snippet=item.get("snippet"),
                                   ratio=item.get("ratio"), line_height=item.get("line_height"),
                                   font_size=item.get("font_size"), lines=item.get("lines"), min_ratio=MIN_RATIO)
