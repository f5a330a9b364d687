"""A language switch that translates the page in place, with no URL for the language.

Google Search Central, "Managing multi-regional and multilingual sites": use different
URLs for different language versions; Google recommends them over cookies or browser
settings that change the content's language on one page, and its crawler sends no
Accept-Language header
(https://developers.google.com/search/docs/specialty/international/managing-multi-regional-sites).
A version shown only after a click on a <select> or a button has no address: it cannot be
crawled, indexed, linked to or shared. The switch is read from the DOM the crawl's browser
built (auditor/gather/lang_switch.py); a language counts as having pages when a page of the
site declares it, an hreflang names it, or the text of a sampled page is in it.
"""

from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone
from auditor.text.langtags import primary

SWITCH = {"selector": "header select", "control": "select", "languages": ["en", "ar"], "text": "English / العربية"}


class LanguageUrls(Audit):
    meta = Meta(
        id="language-urls",
        title="Each language version has an address of its own",
        failure_title="A language switch that translates the page without a URL",
        description="A switch that shows the page in another language without leading to another URL hides "
                    "that version from search engines: there is nothing to crawl, index, link to or share.",
        category="seo",
        impact="serious",
        required_artifacts=("page.facts.lang_switch", "page.lang", "page.facts.language", "site.languages"),
        help_url="https://developers.google.com/search/docs/specialty/international/managing-multi-regional-sites"
                 "#use-different-urls-for-different-language-versions",
        seo_outcome="Google indexes one language per URL and recommends a URL for each language version; a "
                    "version switched in place is never crawled, so it never ranks for searches in that language "
                    "(Google Search Central: managing multilingual sites).",
        cx_outcome="Speakers of that language never land on their version from search, and cannot send a link to "
                    "it: whoever opens the link gets the other language.",
        journey=("awareness", "advocacy"),
        effort="large",
        messages={
            "no-url": "The language switch «{text}» ({control}) shows the page in {languages} without a link: "
                      "no page of the site is in {languages} and no hreflang names one.",
        },
        how_to_fix="Give each language version its own URL (/ar/..., /en/...) that the switch links to with "
                   "<a href>, declare each page's lang, and list the versions of each page with hreflang.",
        weight=2,
    )
    examples = {
        "no-url": lambda: alone(lang="en", facts={"lang_switch": [dict(SWITCH)]}),
    }

    def applies(self, page, site):
        return page.ok_html and bool(page.facts.get("lang_switch"))

    def check(self, page, site):
        own = {primary(page.lang), (page.facts.get("language") or {}).get("lang")}
        switches = page.facts["lang_switch"]
        offered = [code for switch in switches for code in switch["languages"]]
        missing = sorted(set(offered) - own - site.languages - {None}, key=offered.index)
        if missing:
            first = next(s for s in switches if set(s["languages"]) & set(missing))
            yield self.finding(page, "no-url", selector=first["selector"], text=first["text"],
                               control=first["control"], languages=", ".join(missing))
