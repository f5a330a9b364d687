"""A home page whose language follows the visitor's browser settings, at one URL.

Google Search Central, "How Google crawls locale-adaptive pages": Googlebot asks for pages
without an Accept-Language header, so a site that picks the language from the browser
may not have every version crawled, indexed or ranked, and separate URLs (with hreflang)
remain what Google recommends
(https://developers.google.com/search/docs/specialty/international/locale-adaptive-pages);
"Managing multi-regional and multilingual sites": avoid redirecting visitors to a language
version chosen for them from their browser settings, and let them pick it. The crawl asks
in English; the start URL is asked for once more by a browser set to Arabic, on the
server and in its scripts (spiders/probes.py).
"""

from auditor.audits.base import Audit, Meta
from auditor.audits.examples import BASE, make_page, with_site
from auditor.text.langtags import primary
from auditor.text.language import detect_language

MIN_WORDS = 20  # fewer words say too little of a page's language
SURE = 0.5  # the detected language's confidence to go by


def _probe(**changes) -> dict:
    return {"url": BASE + "/", "language": "ar", "status": 200, "final_url": BASE + "/", "lang": "ar",
            "title": "الرئيسية", "text": "تعالج عيادتنا في الرياض الأطفال والكبار ستة أيام في الأسبوع. " * 5,
            "words": 300, "rendered": True, "error": None, **changes}


ENGLISH_HOME = {"lang": "en", "title": "Home", "facts": {"language": {"lang": "en", "confidence": 0.95}}}


class LocaleAdaptive(Audit):
    meta = Meta(
        id="locale-adaptive",
        title="The home page is the same for every browser language",
        failure_title="The site picks the language from the visitor's browser settings",
        description="A site that shows another language, or sends the visitor elsewhere, depending on the "
                    "language their browser is set to, decides for the visitor, and search engines, which ask "
                    "in no language, see one version only.",
        category="seo",
        impact="serious",
        required_artifacts=("site.locale_probe", "site.start_urls", "site.visitor_redirects", "site.redirects",
                            "site.status", "page.lang", "page.word_count", "page.facts.language"),
        help_url="https://developers.google.com/search/docs/specialty/international/locale-adaptive-pages",
        seo_outcome="Googlebot crawls without a language preference: a version shown only to browsers set to "
                    "its language at the same URL may never be crawled, indexed or ranked, and Google keeps "
                    "recommending a URL for each language with hreflang (Google Search Central: locale-adaptive "
                    "pages; managing multilingual sites).",
        cx_outcome="A visitor whose browser language is not the one they read gets a version they did not ask "
                   "for, and a link they share opens in another language for whoever follows it.",
        journey=("awareness", "advocacy"),
        effort="medium",
        messages={
            "content": "Asked by a browser set to {language}, {url} answers in {detected} (lang=\"{lang}\", "
                       "title «{title}»), where the crawl, asking in English, got {usual}: that version has no "
                       "URL of its own.",
            "redirects": "Asked by a browser set to {language}, {url} sends the visitor to {target}; asked in "
                         "English, to {home}: the version is chosen from the browser's settings.",
        },
        impacts={"redirects": "moderate"},
        how_to_fix="Give each language version its own URL, declare the versions with hreflang, and let "
                   "visitors switch with links: at most suggest the version that matches the browser's "
                   "language, never swap the page or redirect on it.",
        weight=2,
    )
    examples = {
        "content": lambda: with_site(make_page("/", **ENGLISH_HOME), locale_probe=_probe()),
        "redirects": lambda: with_site(make_page("/en/", **ENGLISH_HOME), locale_probe=_probe(final_url=BASE + "/ar/"),
                                       start_urls=[BASE + "/"], visitor_redirects={BASE + "/": BASE + "/en/"},
                                       redirects={BASE + "/": BASE + "/en/"}),
    }

    def applies(self, page, site):
        probe = site.locale_probe
        return page.ok_html and bool(probe) and probe.get("status") == 200 and page.url == site.home

    def check(self, page, site):
        probe = site.locale_probe
        if probe.get("final_url") != site.chain(probe["url"])[0][-1]:  # where the crawl's HTTP redirects ended
            yield self.finding(page, "redirects", language=probe["language"], url=probe["url"],
                               target=probe["final_url"], home=page.url)
            return
        if probe["final_url"] != page.url:
            return  # the crawl's home is where a script sent it: not the page the probe read
        usual = page.facts.get("language") or {}
        detection = detect_language(probe.get("text") or "")
        detected = detection.lang if detection.confidence >= SURE and probe.get("words", 0) >= MIN_WORDS else None
        ours = usual.get("lang") if usual.get("confidence", 0) >= SURE and page.word_count >= MIN_WORDS else None
        declared, our_declared = primary(probe.get("lang")), primary(page.lang)
        if detected and ours:  # by the text, where both say enough to tell
            other_version = detected != ours
        else:  # by lang="..." (the same text under another lang is a wrong lang, not another version)
            other_version = bool(declared and our_declared and declared != our_declared)
        if other_version:
            yield self.finding(page, "content", language=probe["language"], url=probe["url"],
                               detected=detected or declared, lang=probe.get("lang") or "",
                               title=probe.get("title") or "", usual=ours or our_declared)

