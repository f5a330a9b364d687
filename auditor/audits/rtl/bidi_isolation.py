from auditor.audits.base import Audit, Meta
from auditor.audits.rtl._page import is_rtl_page, ltr_boxes, rtl

KINDS = {
    "phone": "phone number", "email": "e-mail address", "url": "web address", "price": "price",
    "sku": "product code", "latin": "Latin-script name",
}


class BidiIsolation(Audit):
    meta = Meta(
        id="bidi-isolation",
        title="Left-to-right runs in right-to-left text are isolated",
        failure_title="Phone numbers, prices and codes displayed out of order",
        description="Inside right-to-left text the bidi algorithm reorders the parts of numbers, addresses and "
                    "codes that are not isolated: +966 11 234 5678 shows as 5678 234 11 966+. Each finding "
                    "shows the run as it is displayed.",
        category="rtl",
        impact="serious",
        required_artifacts=("page.facts.rtl", "site.stylesheets"),
        help_url="https://www.w3.org/International/articles/inline-bidi-markup/",
        seo_outcome="Scrambled phone numbers and prices in the page are scrambled in snippets and rich results "
                    "too, and calls and orders from search drop (W3C: inline markup and bidirectional text).",
        cx_outcome="Visitors dial a wrong number, copy a broken e-mail or misread a price: the contact or sale "
                   "fails at the moment of decision.",
        journey=("decision", "loyalty"),
        effort="small",
        messages={
            "unisolated": "The {kind} «{text}» is displayed as «{displayed}».",
            "ltr-text": "Left-to-right text «{text}» inherits right to left and is displayed as «{displayed}».",
        },
        how_to_fix="Wrap each left-to-right run in <bdi> or <span dir=\"ltr\"> (phone links: <a dir=\"ltr\" "
                   "href=\"tel:...\">); give elements filled from templates or user input dir=\"auto\".",
        weight=2,
        # A left-to-right page declared right to left (dir="rtl", or lang="ar" on English
        # text) turns each of its runs into a finding: one cause, fixed on <html>.
        root_causes=("html-dir:rtl-on-ltr", "lang-mismatch:mismatch", "lang-mismatch:wrong-script"),
    )

    def applies(self, page, site):
        return page.ok_html and bool(rtl(page).get("checked")) and is_rtl_page(page)

    def check(self, page, site):
        boxes = ltr_boxes(page, site)
        for run in rtl(page).get("runs", ()):
            within = set(run.get("within") or ())
            if any(within.issuperset(keys) for keys in boxes):
                continue  # a stylesheet shows it left to right (code blocks): displayed as written
            if run["kind"] == "ltr-text":
                yield self.finding(page, "ltr-text", selector=run["selector"], snippet=run["snippet"],
                                   text=run["text"], displayed=run["displayed"])
            else:
                yield self.finding(page, "unisolated", selector=run["selector"], snippet=run["snippet"],
                                   kind=KINDS.get(run["kind"], run["kind"]), text=run["text"],
                                   displayed=run["displayed"])
