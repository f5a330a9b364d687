import re
from urllib.parse import urlsplit

from auditor.audits.base import Meta, SiteAudit
from auditor.audits.rtl._page import on_root

# stylertl.css, stylesRTL.css, rtlstyle.css, bootstrap.rtl.min.css, /rtl/main.css: made for
# right to left. "rtl" inside a word on both sides (Portland.css, shortlist.css) is not.
RTL_NAME = re.compile(r"(?<![a-z])rtl|rtl(?![a-z])", re.I)


class PhysicalCss(SiteAudit):
    meta = Meta(
        id="physical-css",
        title="Stylesheets of right-to-left pages use logical properties",
        failure_title="Physical left/right CSS on right-to-left pages",
        description="margin-left, float: right, text-align: left and the like stay on the same side when the "
                    "page is right to left; logical properties (margin-inline-start, float: inline-start, "
                    "text-align: start) follow the direction.",
        category="rtl",
        impact="moderate",
        required_artifacts=("site.stylesheets", "site.rtl_stylesheets", "site.stylesheet_use"),
        help_url="https://www.w3.org/International/questions/qa-html-dir#logical",
        seo_outcome="Layout that breaks in right-to-left (overlaps, misaligned prices, cut text) raises bounce "
                    "back to the results, a poor page-experience signal (Google Search Central: page experience).",
        cx_outcome="Icons sit on the wrong side of labels, prices and badges overlap text, tables align against "
                   "the reading direction: the Arabic site looks like a careless copy of the English one.",
        journey=("consideration", "decision"),
        effort="medium",
        messages={
            "physical": "{file}:{line} {selector} {{{property}: {value}}}: use {fix} (loaded by {rtl_pages} right-to-left and {ltr_pages} left-to-right pages sampled).",
        },
        how_to_fix="Replace each physical declaration with its logical equivalent (or add a [dir=\"rtl\"] rule "
                   "that mirrors it). One fix per rule repairs every page using the stylesheet.",
        weight=2,
    )

    def check_site(self, site):
        """A physical side is a defect where right-to-left pages load a stylesheet written
        for left to right (W3C, "Structural markup and right-to-left text in HTML"; CSS
        Logical Properties). Rules scoped by [dir=rtl], :dir(rtl) or a right-to-left
        :lang / [lang] are left out when the stylesheet is read, and so is a plain rule
        whose property a [dir=ltr] (or :lang(en) ...) rule of the same selector sets: that
        plain rule is the right-to-left side of a stylesheet written right to left first.
        A stylesheet made for right-to-left pages (an rtl file name, or loaded by right-to-left pages only on a
        site that gives its left-to-right pages stylesheets of their own, or setting
        direction: rtl on the page itself) has its sides already flipped, or chosen for
        right to left: judging it would flip the layout back (text-align: right is the
        start of an Arabic or Hebrew line, not its end). In a Tailwind stylesheet only
        right-to-left pages load, a utility class that names its side (.ml-4, .text-right,
        .left-10) is there because the site's author put it on the right-to-left markup, side
        and all: a choice, not a left-to-right stylesheet's leftover (a framework's stylesheet,
        Bootstrap's .mr-3, holds its utilities whether used or not, often by a left-to-right
        template's markup)."""
        for url in self.judged(site):
            use = site.stylesheet_use.get(url) or {}
            rtl_only = bool(use) and not use.get("ltr")
            for item in site.stylesheets.get(url, ()):
                if item["kind"] == "physical" and not (rtl_only and item.get("utility")):
                    yield self.finding(url, "physical", selector=item["selector"], file=url, line=item["line"],
                                       property=item["property"], value=item["value"], fix=item["fix"],
                                       example_page=site.rtl_stylesheets[url],
                                       rtl_pages=use.get("rtl", 0), ltr_pages=use.get("ltr", 0),
                                       ltr_example_page=use.get("ltr_page"))

    def judged(self, site) -> list[str]:
        split = any(u.get("ltr") and not u.get("rtl") for u in site.stylesheet_use.values())
        return [url for url in site.rtl_stylesheets
                if not RTL_NAME.search(urlsplit(url).path) and not _written_for_rtl(site.stylesheets.get(url, ()))
                and not (split and not (site.stylesheet_use.get(url) or {}).get("ltr"))]

    def site_score(self, site, findings):
        return None if not self.judged(site) else (0.0 if findings else 1.0)



def _written_for_rtl(items) -> bool:
    """A stylesheet that sets direction: rtl on the page's root or body was written for
    right-to-left pages (css-direction reports the direction set in CSS instead of dir)."""
    return any(item["kind"] == "direction" and item["value"].lower().startswith("rtl") and on_root(item["selector"])
               for item in items)
