from auditor.audits.base import Audit, Meta
from auditor.audits.rtl._rendered import ARTIFACT, found, rendered_rtl


class LetterSpacingRendered(Audit):
    meta = Meta(
        id="letter-spacing-rendered",
        title="Arabic text is not letter-spaced",
        failure_title="Letter-spacing pulls Arabic letters apart",
        description="Measured in Chromium: a letter-spacing that changes the rendered width of Arabic text inserts "
                    "gaps inside words whose letters are meant to join.",
        category="rtl",
        impact="moderate",
        required_artifacts=(ARTIFACT,),
        help_url="https://www.w3.org/TR/css-text-3/#cursive-tracking",
        seo_outcome="Indirect: broken words are hard to read and the page is left sooner, which weakens engagement "
                    "(Google Search Central: helpful, people-first content).",
        cx_outcome="Joined letters come apart, so words look broken and are read slowly; to an Arabic reader it looks "
                   "like a site made without them in mind, which costs trust.",
        journey=("awareness", "consideration"),
        effort="small",
        messages={
            "spaced": "letter-spacing: {letter_spacing} widens this Arabic text from {width_without} px to {width} px.",
            "tightened": "letter-spacing: {letter_spacing} narrows this Arabic text from {width_without} px to"
                         " {width} px: its joins overlap a little rather than come apart.",
        },
        # negative tracking crowds the letters but keeps them joined (W3C: no tracking on Arabic at all)
        impacts={"tightened": "minor"},
        how_to_fix="Reset it for Arabic: :lang(ar) { letter-spacing: normal } (or 0), and widen headings with font "
                   "size or weight instead; keep tracking for Latin text only.",
    )

    def applies(self, page, site):
        return rendered_rtl(page)

    def check(self, page, site):
        items, total = found(page, "letter_spacing")
        for item in items:
            data = {"selector": item.get("selector"), "snippet": item.get("snippet"),
                    "letter_spacing": item.get("letter_spacing"), "width": item.get("width"),
                    "width_without": item.get("width_without"), "blocks": total}
            if (item.get("width") or 0) < (item.get("width_without") or 0):
                yield self.finding(page, "tightened", **data)
            else:
                yield self.finding(page, "spaced", **data)
