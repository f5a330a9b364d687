from auditor.audits.base import Audit, Meta
from auditor.audits.rtl._page import ROOT_ELEMENTS, code_like, is_rtl_page, on_root, rtl

CSS_ONLY = ("html-dir:css-only",)  # the page's base direction set in CSS: html-dir's finding, one cause


class CssDirection(Audit):
    meta = Meta(
        id="css-direction",
        title="Direction is set with markup, not CSS",
        failure_title="Direction set by CSS or bidi markup misused",
        description="CSS direction and unicode-bidi are lost when styles do not load (reader modes, feeds, "
                    "search snippets, translation); the dir attribute and <bdi> carry direction with the content.",
        category="rtl",
        impact="moderate",
        required_artifacts=("page.facts.rtl", "site.stylesheets", "site.rtl_stylesheets"),
        help_url="https://www.w3.org/International/questions/qa-bidi-css-markup",
        seo_outcome="Crawlers and snippet generators read markup, not computed styles: text whose direction lives "
                    "in CSS shows scrambled in results and translations (W3C: CSS vs. markup for bidi support).",
        cx_outcome="Copied text, reader views and e-mails of the page show Arabic and numbers in the wrong order.",
        journey=("consideration",),
        effort="small",
        messages={
            "inline-direction": "style=\"direction: {value}\" on {selector}: use dir=\"{value}\".",
            "unicode-bidi": "style=\"unicode-bidi: {value}\" on {selector}: use <bdi>, <bdo dir> or dir.",
            "bdo-without-dir": "<bdo> without a dir attribute overrides nothing.",
            "bdo-dir": "<bdo dir=\"{value}\"> overrides nothing: <bdo> takes dir=\"ltr\" or dir=\"rtl\".",
            "stylesheet": "{file}:{line} {selector} {{{property}: {value}}} sets direction in CSS.",
        },
        how_to_fix="Replace direction: rtl/ltr with the dir attribute on the element, unicode-bidi with <bdi> (or "
                   "dir=\"auto\"), and give every <bdo> a dir.",
    )

    def applies(self, page, site):
        return page.ok_html and bool(rtl(page).get("checked"))

    def check(self, page, site):
        facts = rtl(page)
        for style in facts.get("styles", ()):
            props = style["properties"]
            if _code(style):
                continue  # a code block shown left to right inside right-to-left text is right
            if "direction" in props:
                yield self.finding(page, "inline-direction", selector=style["selector"], snippet=style["text"],
                                   value=props["direction"].split()[0].lower() if props["direction"] else "",
                                   follows_from=CSS_ONLY if style["tag"] in ROOT_ELEMENTS else ())
            if "unicode-bidi" in props:
                yield self.finding(page, "unicode-bidi", selector=style["selector"], snippet=style["text"],
                                   value=props["unicode-bidi"])
        for where in facts.get("bdo_without_dir", ()):
            yield self.finding(page, "bdo-without-dir", selector=where)
        for item in facts.get("bdo_bad_dir", ()):
            yield self.finding(page, "bdo-dir", selector=item["selector"], value=item["dir"])
        if is_rtl_page(page):
            # each stylesheet rule once: on the first right-to-left page that uses the stylesheet
            for url, first in site.rtl_stylesheets.items():
                if first != page.url:
                    continue
                for item in site.stylesheets.get(url, ()):
                    if item["kind"] in ("direction", "unicode-bidi") and not _code_rule(item):
                        yield self.finding(page, "stylesheet", selector=item["selector"], file=url, line=item["line"],
                                           property=item["property"], value=item["value"],
                                           follows_from=CSS_ONLY if item["kind"] == "direction" and on_root(item["selector"]) else ())


def _code(style: dict) -> bool:
    """An inline style on a code block (its tag or its classes say so)."""
    last = style["selector"].split(" > ")[-1].split("#")[0]
    tag, *classes = last.split(".")
    return code_like([tag]) or any(code_like([f".{c}"]) for c in classes)


def _code_rule(item: dict) -> bool:
    """A stylesheet rule for code blocks only, setting them left to right (or isolating them)."""
    if item["kind"] == "direction" and not item["value"].lower().startswith("ltr"):
        return False
    subjects = item.get("subjects") or []
    return bool(subjects) and all(code_like(keys) for keys in subjects)
