from auditor.audits.base import Audit, Meta
from auditor.text.langtags import tag_problem


class Hreflang(Audit):
    meta = Meta(
        id="hreflang",
        title="Language alternates are valid and reciprocal",
        failure_title="Broken hreflang annotations",
        description="hreflang links tell search engines which page to show to speakers of each language or region.",
        category="seo",
        impact="serious",
        required_artifacts=("page.hreflang", "site.hreflang", "site.status"),
        help_url="https://developers.google.com/search/docs/specialty/international/localized-versions",
        seo_outcome="Invalid codes and alternates without a return link are ignored, so the wrong language version ranks in each market (Google Search Central: localized versions).",
        cx_outcome="An Arabic speaker lands on the English page (or the reverse) and has to hunt for the switch, or leaves.",
        journey=("awareness",),
        effort="medium",
        messages={
            "invalid-code": "hreflang=\"{code}\" is not a valid language code ({problem}).",
            "no-return": "{target} ({code}) does not link back to this page with hreflang.",
            "target-status": "The {code} alternate {target} answers {status}.",
            "no-self": "The page lists alternates but not itself.",
            "no-x-default": "The alternates have no x-default for other languages.",
        },
        how_to_fix="On every language version, list all versions including itself with BCP 47 codes (ar, ar-SA, en) and an x-default; each target must answer 200 and list this page back.",
        weight=2,
    )

    def applies(self, page, site):
        return page.ok_html and bool(page.hreflang)

    def check(self, page, site):
        codes = [e["lang"] for e in page.hreflang]
        for entry in page.hreflang:
            code, target = entry["lang"], entry["href"]
            if code.lower() != "x-default":
                problem = tag_problem(code)
                if problem:
                    yield self.finding(page, "invalid-code", selector=f'link[hreflang="{code}"]', code=code, problem=problem)
            if target == page.url:
                continue
            status = site.final_status(target) if target in site.status else None
            if target in site.status and (status is None or status >= 400):
                yield self.finding(page, "target-status", code=code, target=target, status=status or "no response")
            elif target in site.hreflang or target in site.status:
                back = {e["href"] for e in site.hreflang.get(target, ())}
                if page.url not in back:
                    yield self.finding(page, "no-return", code=code, target=target)
        if page.url not in {e["href"] for e in page.hreflang}:
            yield self.finding(page, "no-self")
        if "x-default" not in {c.lower() for c in codes}:
            yield self.finding(page, "no-x-default")
