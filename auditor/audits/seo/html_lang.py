from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone
from auditor.text.langtags import tag_problem


class HtmlLang(Audit):
    meta = Meta(
        id="html-lang",
        title="Pages declare a valid language",
        failure_title="Pages with a missing or invalid lang attribute",
        description="The lang attribute tells browsers, screen readers and search engines which language the page is in.",
        category="seo",
        impact="serious",
        # WCAG 2.2: the page's language is Level A (3.1.1); a part's (3.1.2) Level AA
        # and only its element is misread.
        impacts={"invalid-element": "moderate"},
        required_artifacts=("page.lang", "page.facts.lang_attrs"),
        help_url="https://www.w3.org/International/questions/qa-html-language-declarations",
        seo_outcome="A wrong or missing language weakens language targeting and the serving of the right locale (W3C: declaring language in HTML).",
        cx_outcome="Screen readers read Arabic with an English voice, translation prompts misfire, and fonts and hyphenation go wrong.",
        journey=("awareness", "consideration"),
        effort="small",
        messages={
            "missing": "<html> has no lang attribute.",
            "invalid": "<html lang=\"{lang}\"> is not a valid BCP 47 tag ({problem}).",
            "xml-lang-conflict": "{where} has lang=\"{lang}\" but xml:lang=\"{xml_lang}\": the two must agree.",
            "invalid-element": "{where} has lang=\"{lang}\", not a valid BCP 47 tag ({problem}).",
        },
        how_to_fix="Set <html lang=\"ar\"> (or ar-SA, en, en-GB...) on every page, matching its content.",
        weight=2,
    )
    examples = {
        "missing": lambda: alone(lang=None),
        "invalid": lambda: alone(lang="ar_SA"),
        "xml-lang-conflict": lambda: alone(
            facts={"lang_attrs": {"conflicts": [{"selector": "html", "lang": "ar", "xml_lang": "en"}], "invalid": []}}),
        "invalid-element": lambda: alone(
            facts={"lang_attrs": {"conflicts": [], "invalid": [{"selector": "body > p", "lang": "ar_SA",
                                                                "problem": "underscore"}]}}),
    }

    def check(self, page, site):
        """W3C Internationalization Checker: lang on <html>, the same value in lang and
        xml:lang, and a valid BCP 47 tag in every lang of the page."""
        marks = page.facts.get("lang_attrs") or {}
        for item in marks.get("conflicts") or ():
            yield self.finding(page, "xml-lang-conflict", selector=item["selector"], where=item["selector"],
                               lang=item["lang"], xml_lang=item["xml_lang"])
        for item in marks.get("invalid") or ():
            yield self.finding(page, "invalid-element", selector=item["selector"], where=item["selector"],
                               lang=item["lang"], problem=item["problem"])
        if page.lang is None or not page.lang.strip():
            yield self.finding(page, "missing", selector="html")
            return
        problem = tag_problem(page.lang)
        if problem:
            yield self.finding(page, "invalid", selector="html", lang=page.lang, problem=problem)
