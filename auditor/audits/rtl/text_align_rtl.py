from auditor.audits.base import Audit, Meta
from auditor.audits.rtl._rendered import ARTIFACT, HTML_DIR_WRONG, found, rendered_rtl


class TextAlignRtl(Audit):
    meta = Meta(
        id="text-align-rtl",
        title="Right-to-left text is aligned to the right",
        failure_title="Right-to-left text aligned to the left",
        description="The computed text-align of blocks holding Arabic or Hebrew text, as Chromium renders them: "
                    "left (or start in a left-to-right block) puts the ragged edge where the eye starts each line.",
        category="rtl",
        impact="moderate",
        required_artifacts=(ARTIFACT,),
        help_url="https://developer.mozilla.org/docs/Web/CSS/text-align",
        seo_outcome="Indirect: text that is hard to read is read less, and short visits and returns to the results page "
                    "weaken the page's engagement signals (Google Search Central: helpful, people-first content).",
        cx_outcome="Each line starts at a different place on the right, so the eye hunts for the next line; the page looks "
                   "like a careless translation, which costs trust.",
        journey=("consideration", "decision"),
        effort="small",
        messages={
            "left-aligned": "Right-to-left text is aligned to the left (text-align: {text_align}, direction: {direction}).",
        },
        how_to_fix="Use text-align: start (or leave text-align out) with dir=\"rtl\" on the html element, instead of "
                   "text-align: left; logical values follow the direction of the text in both languages.",
        # aligned left because the page's direction is: one cause, fixed on <html>
        root_causes=HTML_DIR_WRONG,
    )

    def applies(self, page, site):
        return rendered_rtl(page)

    def check(self, page, site):
        items, total = found(page, "text_align")
        for item in items:
            yield self.finding(page, "left-aligned", selector=item.get("selector"), snippet=item.get("snippet"),
                               text_align=item.get("text_align"), direction=item.get("direction"), blocks=total)
