from auditor.audits.base import Audit, Meta
from auditor.audits.rtl._page import rtl


class LetterSpacing(Audit):
    meta = Meta(
        id="letter-spacing",
        title="Arabic text is not letter-spaced or italic",
        failure_title="letter-spacing or italic on Arabic-script text",
        description="Arabic letters join; Safari and Firefox pull them apart under letter-spacing, breaking the "
                    "joins (Chromium browsers ignore it between Arabic letters, as CSS Text asks), and italic slants "
                    "a script that has no italic, both hard to read.",
        category="rtl",
        impact="serious",
        required_artifacts=("page.facts.rtl", "site.arabic_css"),
        help_url="https://www.w3.org/International/articles/typography/letter-spacing",
        seo_outcome="Hard-to-read headings and prices cut time on page and raise returns to the results, "
                    "a page-experience signal (W3C: text spacing in Arabic script).",
        cx_outcome="Headlines and prices look broken into separate letters: the brand looks foreign and careless.",
        journey=("consideration", "decision"),
        effort="small",
        messages={
            "inline": "style=\"letter-spacing: {value}\" on Arabic text: {text}",
            "italic-inline": "style=\"font-style: {value}\" on Arabic text: {text}",
            "stylesheet": "{file}:{line} {selector} {{letter-spacing: {value}}} applies to Arabic text.",
            "italic-stylesheet": "{file}:{line} {selector} {{font-style: {value}}} applies to Arabic text.",
            "tight-inline": "style=\"letter-spacing: {value}\" tightens Arabic text: {text}",
            "tight-stylesheet": "{file}:{line} {selector} {{letter-spacing: {value}}} tightens Arabic text.",
        },
        # Negative tracking crowds the letters but keeps them joined; positive tracking pulls
        # them apart (W3C, letter-spacing: no tracking on Arabic at all, so both are reported).
        impacts={"tight-inline": "minor", "tight-stylesheet": "minor"},
        how_to_fix="Remove letter-spacing and italic from Arabic text (scope them with :lang(en) or "
                   "[dir=\"ltr\"]); for emphasis in Arabic use weight, colour or size, and for spacing a font's "
                   "kashida-aware justification.",
        weight=2,
    )

    def check(self, page, site):
        """W3C, "Letter-spacing": no tracking on Arabic script. CSS Text 3 (cursive tracking)
        has a browser that cannot elongate leave a cursive script's letters unspaced, as
        Chromium does; Safari and Firefox still space them, so the declaration is a defect
        for their visitors."""
        for style in rtl(page).get("styles", ()):
            if not style["arabic"]:
                continue
            props = style["properties"]
            if "letter-spacing" in props:
                where = {"selector": style["selector"], "snippet": style["text"], "value": props["letter-spacing"],
                         "text": style["text"]}
                if _negative(props["letter-spacing"]):
                    yield self.finding(page, "tight-inline", **where)
                else:
                    yield self.finding(page, "inline", **where)
            if "font-style" in props:
                yield self.finding(page, "italic-inline", selector=style["selector"], snippet=style["text"],
                                   value=props["font-style"], text=style["text"])
        for item in site.arabic_css.get(page.url, ()):
            where = {"selector": item["selector"], "file": item["url"], "line": item["line"], "value": item["value"]}
            if item["kind"] == "letter-spacing" and _negative(item["value"]):
                yield self.finding(page, "tight-stylesheet", **where)
            elif item["kind"] == "letter-spacing":
                yield self.finding(page, "stylesheet", **where)
            else:
                yield self.finding(page, "italic-stylesheet", **where)


def _negative(value: str) -> bool:
    return value.strip().startswith("-")
