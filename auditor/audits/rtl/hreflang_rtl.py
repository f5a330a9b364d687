import re

from auditor.audits.base import Audit, Meta
from auditor.text.langtags import primary, tag_problem
from auditor.text import is_rtl_lang

# Three-letter country codes people write where BCP 47 wants the two-letter one.
REGIONS = {"KSA": "SA", "UAE": "AE", "EGY": "EG", "JOR": "JO", "KWT": "KW", "QAT": "QA", "BHR": "BH", "OMN": "OM",
           "ISR": "IL", "IRN": "IR", "PAK": "PK", "IRQ": "IQ", "LBN": "LB", "MAR": "MA", "DZA": "DZ", "TUN": "TN",
           "SYR": "SY", "YEM": "YE", "SDN": "SD", "LBY": "LY", "AFG": "AF"}


def suggest(code: str) -> str:
    parts = re.split(r"[-_]", code.strip())
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(REGIONS.get(part.upper(), part.upper() if len(part) == 2 else part))
    return "-".join(out)


class HreflangRtl(Audit):
    meta = Meta(
        id="hreflang-rtl",
        title="Right-to-left alternates use valid codes and match their pages",
        failure_title="Arabic (or Hebrew, Persian, Urdu) hreflang that is invalid or disagrees with its page",
        description="ar_SA and ar-KSA are not language codes (ar-SA is); and each alternate page must itself say "
                    "it is that language and direction.",
        category="rtl",
        impact="serious",
        required_artifacts=("page.hreflang", "site.page_lang_dir"),
        help_url="https://developers.google.com/search/docs/specialty/international/localized-versions#language-codes",
        seo_outcome="Google ignores hreflang with invalid codes, so the Arabic version is not shown to Arabic "
                    "searchers in their country (Google Search Central: localized versions, supported codes).",
        cx_outcome="Arabic speakers from search land on the English page, or on a page that says it is Arabic "
                   "but is laid out left to right.",
        journey=("awareness",),
        effort="small",
        messages={
            "invalid-code": "hreflang=\"{code}\" is not valid BCP 47 ({problem}): write \"{suggestion}\".",
            "lang-disagrees": "The {code} alternate {target} declares lang=\"{lang}\".",
            "dir-disagrees": "The {code} alternate {target} has dir=\"{dir}\", expected dir=\"{expected}\".",
        },
        how_to_fix="Use language-REGION codes with a hyphen and ISO 3166 two-letter regions (ar-SA, ar-AE, he-IL, "
                   "fa-IR) and make each alternate declare the same lang and the matching dir on <html>.",
    )

    def applies(self, page, site):
        return page.ok_html and bool(page.hreflang)

    def check(self, page, site):
        for entry in page.hreflang:
            code, target = entry["lang"], entry["href"]
            if code.strip().lower() == "x-default":
                continue
            rtl_code = is_rtl_lang(code)
            if rtl_code:
                problem = tag_problem(code)
                if problem:
                    yield self.finding(page, "invalid-code", selector=f'link[hreflang="{code}"]', code=code,
                                       problem=problem, suggestion=suggest(code))
                    continue
            if target not in site.page_lang_dir:
                continue
            lang, direction = site.page_lang_dir[target]
            if lang and primary(lang) != primary(code):
                yield self.finding(page, "lang-disagrees", selector=f'link[hreflang="{code}"]', code=code,
                                   target=target, lang=lang)
            expected = "rtl" if rtl_code else "ltr"
            shown = (direction or "").strip().lower() or "ltr"  # no dir displays left to right
            if shown != expected and (rtl_code or shown == "rtl"):
                yield self.finding(page, "dir-disagrees", selector=f'link[hreflang="{code}"]', code=code,
                                   target=target, dir=direction or "(none)", expected=expected)
