from auditor.audits.base import Audit, Meta
from auditor.text.langtags import primary
from auditor.text.language import is_rtl_lang

MIN_WORDS = 50  # short texts are not judged: menus and a heading say little about a page's language
MIN_CONFIDENCE = 0.75
# A page declared in a right-to-left language with fewer of its words in that script is in
# another language, even when the detector cannot say which (lorem ipsum, a list of titles).
MAX_RTL_WORD_SHARE = 0.2
RTL_MAJORITY = 0.5  # and a page declared left to right with more of its words in a right-to-left script is not
SAME = {"iw": "he", "ji": "yi", "in": "id", "nb": "no", "nn": "no", "prs": "fa", "pes": "fa", "arb": "ar"}


class LangMismatch(Audit):
    meta = Meta(
        id="lang-mismatch",
        title="The declared language is the language of the text",
        failure_title="Pages whose lang attribute names another language than their text",
        description="An /ar/ page left in English, or an English page holding Arabic, tells search engines and "
                    "screen readers the wrong language.",
        category="rtl",
        impact="serious",
        required_artifacts=("page.lang", "page.facts.language", "page.facts.latin_runs"),
        help_url="https://www.w3.org/International/questions/qa-html-language-declarations",
        seo_outcome="Google detects the language from the visible text and ignores lang; a page whose text is in "
                    "another language than its locale version competes with its sibling and is shown to the wrong "
                    "searchers (Google Search Central: managing multi-regional and multilingual sites).",
        cx_outcome="Visitors who chose Arabic land on English text (or the reverse); screen readers speak the "
                   "text with the wrong voice.",
        journey=("awareness", "consideration"),
        effort="medium",
        messages={
            "mismatch": "lang=\"{declared}\" but the main text is in {detected} ({confidence:.0%} sure, {words} words).",
            "wrong-script": "lang=\"{declared}\" but only {share:.0%} of the main text's {words} words are in a "
                            "right-to-left script.",
            "unmarked-run": "The {where} holds «{text}», in Latin script, on a page declared lang=\"{declared}\", "
                            "with no lang attribute of its own (lang=\"en\" for English).",
        },
        # the detector cannot name every language (code-heavy pages, lorem ipsum): the same untranslated page
        fix_as={"wrong-script": "mismatch"},
        how_to_fix="Translate the page into the language its URL and lang promise, or set lang (and dir) to the "
                   "language it is really written in. Mark a run in another language where it is "
                   "(<span lang=\"en\" dir=\"ltr\">), in the title, headings and tagline too.",
        weight=2,
    )

    def check(self, page, site):
        mismatch = list(self._mismatch(page))
        yield from mismatch
        if not mismatch:
            yield from self._unmarked_runs(page)

    def _mismatch(self, page):
        language = page.facts.get("language") or {}
        declared, detected = primary(page.lang), language.get("lang")
        if not declared or not detected or page.word_count < MIN_WORDS:
            return
        share = language.get("rtl_word_share")
        if (language.get("confidence") or 0) < MIN_CONFIDENCE:
            if is_rtl_lang(page.lang) and share is not None and share < MAX_RTL_WORD_SHARE:
                # no language the detector can name: filler text (a theme's lorem ipsum post),
                # when the page has some, is why
                yield self.finding(page, "wrong-script", selector="html", follows_from=("placeholder-content:text",),
                                   declared=page.lang, share=share, words=page.word_count)
            # most words in a right-to-left script on a page declared in a left-to-right language
            # (an /en/ page left in Arabic, with English menus): the script says it, however sure
            # the detector is of the language
            if is_rtl_lang(detected) and not is_rtl_lang(page.lang) and share is not None and share >= RTL_MAJORITY:
                yield self.finding(page, "mismatch", selector="html", declared=page.lang, detected=detected,
                                   confidence=language["confidence"], words=page.word_count)
            return
        if SAME.get(declared, declared) != SAME.get(detected, detected):
            yield self.finding(page, "mismatch", selector="html", declared=page.lang, detected=detected,
                               confidence=language["confidence"], words=page.word_count)

    def _unmarked_runs(self, page):
        """Title, h1 and tagline runs in a left-to-right language inside a right-to-left page,
        not marked with their own lang (W3C: "Declaring language in HTML", changes of language)."""
        for run in page.facts.get("latin_runs") or ():
            yield self.finding(page, "unmarked-run", selector=run["selector"], snippet=run["text"],
                               where=run["where"], text=run["text"], declared=page.lang)
