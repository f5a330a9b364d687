from auditor.audits.base import Meta, SiteAudit


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
        required_artifacts=("site.stylesheets", "site.rtl_stylesheets"),
        help_url="https://www.w3.org/International/questions/qa-html-dir#logical",
        seo_outcome="Layout that breaks in right-to-left (overlaps, misaligned prices, cut text) raises bounce "
                    "back to the results, a poor page-experience signal (Google Search Central: page experience).",
        cx_outcome="Icons sit on the wrong side of labels, prices and badges overlap text, tables align against "
                   "the reading direction: the Arabic site looks like a careless copy of the English one.",
        journey=("consideration", "decision"),
        effort="medium",
        messages={
            "physical": "{file}:{line} {selector} {{{property}: {value}}}: use {fix}.",
        },
        how_to_fix="Replace each physical declaration with its logical equivalent (or add a [dir=\"rtl\"] rule "
                   "that mirrors it). One fix per rule repairs every page using the stylesheet.",
        weight=2,
    )

    def check_site(self, site):
        for url, example in site.rtl_stylesheets.items():
            for item in site.stylesheets.get(url, ()):
                if item["kind"] == "physical":
                    yield self.finding(url, "physical", selector=item["selector"], file=url, line=item["line"],
                                       property=item["property"], value=item["value"], fix=item["fix"],
                                       example_page=example)

    def site_score(self, site, findings):
        return None if not site.rtl_stylesheets else (0.0 if findings else 1.0)
