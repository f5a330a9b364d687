from auditor.audits.base import Audit, Meta
from auditor.audits.rtl._page import is_rtl_page, rtl

MIN_EACH = 3  # a stray year or model number in the other system is not a mix


class MixedNumerals(Audit):
    meta = Meta(
        id="mixed-numerals",
        title="One digit system per page",
        failure_title="Western and Arabic-Indic digits mixed on one page",
        description="Prices in ١٢٠ next to 120, or Persian ۴ next to Arabic ٤, read as two systems; pick one "
                    "(most Gulf e-commerce uses Western digits) and use it throughout.",
        category="rtl",
        impact="minor",
        required_artifacts=("page.facts.rtl", "page.dir", "page.lang", "page.facts.language"),
        help_url="https://www.w3.org/International/alreq/#h_numbers",
        seo_outcome="Search matches numbers literally: a price or phone number written in two systems matches "
                    "only half the queries (W3C: Arabic and Persian layout requirements, numbers).",
        cx_outcome="Visitors compare prices and quantities written two ways and lose trust in the figures.",
        journey=("consideration", "decision"),
        effort="small",
        messages={
            "mixed": "{western} Western and {eastern} Arabic-Indic digits on the page.",
            "mixed-eastern": "{arabic_indic} Arabic-Indic (٠-٩) and {persian} Persian (۰-۹) digits on the page.",
        },
        how_to_fix="Use one digit system for the page's running text, prices and phone numbers.",
    )

    def applies(self, page, site):
        # an English page quoting Arabic keeps the quote's digits: two systems, each in its language
        return is_rtl_page(page)

    def check(self, page, site):
        digits = rtl(page).get("digits")
        if not digits:
            return
        eastern = digits["arabic_indic"] + digits["persian"]
        if digits["western"] >= MIN_EACH and eastern >= MIN_EACH:
            yield self.finding(page, "mixed", western=digits["western"], eastern=eastern)
        if digits["arabic_indic"] >= MIN_EACH and digits["persian"] >= MIN_EACH:
            yield self.finding(page, "mixed-eastern", arabic_indic=digits["arabic_indic"], persian=digits["persian"])
