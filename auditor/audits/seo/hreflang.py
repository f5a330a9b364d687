from auditor.audits.base import Audit, Meta
from auditor.audits.examples import ALTERNATES, AR, BASE, EN, alone, hreflang_pair
from auditor.text.langtags import primary, tag_problem
from auditor.urls import folder_of_index


class Hreflang(Audit):
    meta = Meta(
        id="hreflang",
        title="Language alternates are valid and reciprocal",
        failure_title="Broken hreflang annotations",
        description="hreflang links tell search engines which page to show to speakers of each language or region.",
        category="seo",
        impact="serious",
        # Google Search Central, localized versions: x-default is recommended for pages
        # that match no language, not required; the alternates work without it.
        impacts={"no-x-default": "minor"},
        required_artifacts=("page.hreflang", "page.lang", "site.hreflang", "site.status", "page.hreflang_problems",
                            "site.redirects"),
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
            "elsewhere": "Every alternate ({codes}) names {target}, this page's own language ({lang}) too: the page says another page is itself.",
            "no-x-default": "The alternates have no x-default for other languages.",
            "missing-href": "The hreflang=\"{code}\" alternate has no href.",
            "relative-href": "{count} alternates have a relative href ({hrefs}); Google reads only fully-qualified URLs.",
        },
        how_to_fix="On every language version, list all versions including itself with BCP 47 codes (ar, ar-SA, en) and an x-default; each target must answer 200 and list this page back.",
        weight=2,
    )
    examples = {
        "invalid-code": lambda: hreflang_pair(ar_entries=[*ALTERNATES, {"lang": "ar_SA", "href": AR}]),
        "no-return": lambda: hreflang_pair(en_entries=[{"lang": "en", "href": EN}]),
        "target-status": lambda: hreflang_pair(en_status=404),
        "no-self": lambda: hreflang_pair(ar_entries=ALTERNATES[1:]),
        "elsewhere": lambda: alone(hreflang=[{"lang": "ar", "href": BASE + "/"}, {"lang": "x-default", "href": BASE + "/"}]),
        "no-x-default": lambda: hreflang_pair(ar_entries=ALTERNATES[:2]),
        "missing-href": lambda: alone(hreflang_problems=[{"lang": "fr", "problem": "missing-href"}]),
        "relative-href": lambda: alone(hreflang=[{"lang": "ar", "href": BASE + "/", "relative": "/"}]),
    }

    def applies(self, page, site):
        return page.ok_html and bool(page.hreflang or page.hreflang_problems)

    def check(self, page, site):
        """Read as Google reads hreflang (Google Search Central, "Tell Google about localized
        versions of your page"): <head> links and the HTTP Link header (a <link> in <body>
        is ignored, not reported), fully-qualified URLs, ISO 639-1 language and ISO 3166-1
        region codes; each language version lists itself and every other version."""
        for bad in page.hreflang_problems:
            yield self.finding(page, "missing-href", selector=_where(bad, bad["lang"]), code=bad["lang"],
                               source=bad.get("source", "head"))
        if not page.hreflang:
            return
        codes = [e["lang"] for e in page.hreflang]
        # /guide/index.html is also /guide/: alternates naming either name this page
        folder = folder_of_index(page.url)
        served = folder and (folder not in site.status or (site.final_status(folder) or 500) < 400)
        names = {page.url, folder} if served else {page.url}
        targets = {e["href"] for e in page.hreflang}
        own = primary(page.lang)
        # A template that gives every page the home page's alternates (a layout's
        # <link hreflang="ar" href="https://site/">): one cause, not a missing return
        # link per alternate and a missing self link on each page.
        elsewhere = len(targets) == 1 and not names & targets and own in {primary(c) for c in codes}
        if elsewhere:
            yield self.finding(page, "elsewhere", codes=", ".join(codes), target=next(iter(targets)), lang=page.lang)
        for entry in page.hreflang:
            code, target = entry["lang"], entry["href"]
            source = entry.get("source", "head")
            if code.lower() != "x-default":
                problem = tag_problem(code)
                if problem:
                    yield self.finding(page, "invalid-code", selector=_where(entry, code), code=code, problem=problem,
                                       **({"source": source} if source != "head" else {}))

            if target in names:
                continue
            status = site.final_status(target) if target in site.status else None
            if target in site.status and (status is None or status >= 400):
                yield self.finding(page, "target-status", code=code, target=target, status=status or "no response")
            elif (target in site.hreflang or target in site.status) and not elsewhere:
                back = {e["href"] for e in site.hreflang.get(target, ())}
                if not names & back:
                    yield self.finding(page, "no-return", code=code, target=target)
        relative = [e for e in page.hreflang if e.get("relative")]
        if relative:  # one finding per page: it is one way of writing the links
            yield self.finding(page, "relative-href", selector=_where(relative[0], relative[0]["lang"]),
                               count=len(relative), hrefs=", ".join(f'{e["lang"]}: {e["relative"]}' for e in relative[:5]),
                               codes=[e["lang"] for e in relative])
        if not names & targets and not elsewhere:
            yield self.finding(page, "no-self")
        if "x-default" not in {c.lower() for c in codes}:
            yield self.finding(page, "no-x-default")


def _where(entry: dict, code: str) -> str:
    return "HTTP Link header" if entry.get("source") == "header" else f'link[hreflang="{code}"]'
