from auditor.audits.base import Audit, Meta
from auditor.audits.rtl._page import LTR_SHARE, RTL_SHARE, W3C_BIDI, on_root, rtl, text_share
from auditor.text import is_rtl_lang

MIN_WORDS = 30  # a page needs this much text before its direction is judged from its words


class HtmlDir(Audit):
    meta = Meta(
        id="html-dir",
        title="Right-to-left pages declare dir=\"rtl\" on <html>",
        failure_title="Pages whose direction markup does not match their text",
        description="The base direction decides the order of words, punctuation, numbers and the whole layout; "
                    "it belongs on <html> as markup, not in CSS and not on an inner element only.",
        category="rtl",
        impact="serious",  # W3C qa-html-dir: a missing or misplaced dir garbles order and alignment but blocks neither reading nor indexing, which critical is kept for
        # W3C, "Structural markup and right-to-left text in HTML": direction belongs in
        # markup on <html>; set in CSS or on an inner element the text still shows right
        # to left, only what escapes that element (and CSS-less readers) goes wrong.
        impacts={"css-only": "moderate", "not-on-html": "moderate"},
        required_artifacts=("page.dir", "page.facts.rtl", "page.facts.language", "site.stylesheets", "page.lang", "page.word_count"),
        help_url=W3C_BIDI,
        seo_outcome="Search engines read a page's language and direction from its markup; a right-to-left page "
                    "without dir renders broken in previews and translation, and is harder to serve in its locale "
                    "(W3C: structural markup and right-to-left text in HTML).",
        cx_outcome="Punctuation jumps to the wrong end, numbers and menus flip, the page looks broken: visitors "
                   "doubt the business is local or trustworthy.",
        journey=("awareness", "consideration", "decision"),
        effort="small",
        messages={
            "missing": "The text is right to left ({share:.0%} of its words in a right-to-left script) but no element has dir=\"rtl\".",
            "not-on-html": "dir=\"rtl\" is set on {where} but not on <html>.",
            "css-only": "The direction comes from CSS ({where}) instead of dir=\"rtl\" on <html>.",
            "ltr-on-rtl": "<html dir=\"{value}\"> on a page whose text is right to left.",
            "rtl-on-ltr": "<html dir=\"rtl\"> on a page whose text is not right to left ({share:.0%} of its words in a right-to-left script).",
            "invalid": "dir=\"{value}\" on <{tag}> is not a valid value (rtl, ltr or auto).",
        },
        how_to_fix="Put dir=\"rtl\" (with lang=\"ar\", \"he\", \"fa\"...) on the <html> element of every right-to-left "
                   "page; use dir=\"ltr\" on <html> of left-to-right pages; remove direction from the CSS.",
        weight=3,
    )

    def check(self, page, site):
        """The page's direction is judged from its declared language and the words of its
        main text (W3C, "Structural markup and right-to-left text in HTML"): an English
        page quoting Arabic phrases stays left to right."""
        facts = rtl(page)
        for d in facts.get("dirs", ()):
            if not d["valid"]:
                yield self.finding(page, "invalid", selector=d["selector"], value=d["value"], tag=d["tag"])
        share = text_share(page)
        value = (page.dir or "").strip().lower()
        meant_rtl = share >= RTL_SHARE or is_rtl_lang(page.lang or "")
        if meant_rtl and value != "rtl":
            # a page declared in a left-to-right language whose text is right to left (an /en/
            # page left in Arabic) is to be translated: lang-mismatch's finding, when it has one
            untranslated = ("lang-mismatch:mismatch",)
            if value == "ltr":
                yield self.finding(page, "ltr-on-rtl", selector="html", follows_from=untranslated, value=page.dir)
                return
            if value:
                return  # dir="auto" (or an invalid value, reported above)
            inner = [d for d in facts.get("dirs", ()) if (d["value"] or "").strip().lower() == "rtl"]
            css = _css_direction(page, site)
            if inner:
                yield self.finding(page, "not-on-html", selector=inner[0]["selector"], follows_from=untranslated,
                                   where=f"<{inner[0]['tag']}>")
            elif css:
                yield self.finding(page, "css-only", selector=css, follows_from=untranslated, where=css)
            else:
                yield self.finding(page, "missing", selector="html", follows_from=untranslated, share=share,
                                   declared_lang=page.lang)
        elif value == "rtl" and share < LTR_SHARE and page.word_count >= MIN_WORDS and not is_rtl_lang(page.lang or ""):
            yield self.finding(page, "rtl-on-ltr", selector="html", share=share, declared_lang=page.lang)


def _css_direction(page, site) -> str | None:
    """Where CSS sets direction: rtl on the page's root or body, if it does."""
    for style in rtl(page).get("styles", ()):
        if style["tag"] in ("html", "body") and style["properties"].get("direction", "").lower().startswith("rtl"):
            return f"<{style['tag']} style>"
    for resource in page.resources:
        for item in site.stylesheets.get(resource.url, ()):
            if item["kind"] == "direction" and item["value"].lower().startswith("rtl") and on_root(item["selector"]):
                return f"{item['url']}:{item['line']} {item['selector']}"
    return None
