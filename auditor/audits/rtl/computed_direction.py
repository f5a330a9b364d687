from auditor.audits.base import Audit, Meta
from auditor.audits.rtl._rendered import ARTIFACT, HTML_DIR_WRONG, HELP_URL, found, rendered_rtl


class ComputedDirection(Audit):
    meta = Meta(
        id="computed-direction",
        title="Blocks run in the direction of their own text",
        failure_title="Blocks whose direction does not match their text",
        description="The computed CSS direction of text blocks (paragraphs, list items, headings, table cells, main regions) "
                    "as Chromium renders them, against the script of their text: Arabic or Hebrew text in a left-to-right "
                    "block, or a long left-to-right text in a right-to-left block.",
        category="rtl",
        impact="serious",
        required_artifacts=(ARTIFACT,),
        help_url=HELP_URL,
        seo_outcome="Indirect: garbled punctuation and numbers make the page hard to read and quick to leave; search "
                    "engines also read the language and direction a page declares (Google Search Central: localized versions).",
        cx_outcome="Full stops, question marks, numbers and bullets land at the wrong end of the line and mixed phrases "
                   "reorder, so sentences read wrong and the site looks untrustworthy.",
        journey=("awareness", "consideration", "decision"),
        effort="small",
        messages={
            "rtl-text-ltr-block": "Right-to-left text in a block whose computed direction is ltr.",
            "ltr-text-rtl-block": "Left-to-right text in a block whose computed direction is rtl.",
        },
        how_to_fix="Declare the direction in the markup, not in CSS: dir=\"rtl\" on the html element of an RTL page, "
                   "dir=\"ltr\" (or dir=\"auto\") on the elements holding Latin-script passages, and remove direction: ltr rules. "
                   "The element named under \"set by\" is where the direction comes from: a carousel or slider that writes "
                   "dir=\"ltr\" on its wrapper usually has a right-to-left option (rtl: true).",
        weight=2,
        # A right-to-left page whose <html> does not say so leaves each of its blocks left
        # to right: one cause, fixed on <html>. An untranslated copy (lang="ar" on English
        # text) sets each English block right to left: one cause, the missing translation.
        root_causes=(*HTML_DIR_WRONG, "lang-mismatch:mismatch", "lang-mismatch:wrong-script"),
    )

    def applies(self, page, site):
        return rendered_rtl(page)

    def check(self, page, site):
        items, total = found(page, "direction")
        for item in items:
            where = {"selector": item.get("selector"), "snippet": item.get("snippet")}
            # the element whose dir attribute or CSS direction the block inherits
            source = {key: item[key] for key in ("set_by", "set_with") if item.get(key)}
            data = {**where, "direction": item.get("direction"), "blocks": total, **source}
            if item.get("text_script") == "rtl":
                yield self.finding(page, "rtl-text-ltr-block", **data)
            else:
                yield self.finding(page, "ltr-text-rtl-block", **data)
