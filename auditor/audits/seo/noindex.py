from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone
from auditor.model import is_noindex as _noindex


class Noindex(Audit):
    meta = Meta(
        id="noindex",
        title="Pages can be indexed",
        failure_title="Pages blocked from search results",
        description="A noindex directive keeps a page out of search results, on purpose or by mistake.",
        category="seo",
        impact="critical",
        # the noindex is the critical finding; its sitemap entry is a mixed signal Search
        # Console lists ("Submitted URL marked noindex"), fixed with the same change.
        # "noindex, follow" on a page left out of the sitemap is a choice sites make for tag,
        # category and search pages (an SEO plugin's setting); a leftover from staging says
        # noindex, nofollow, or names the page in the sitemap.
        impacts={"in-sitemap": "moderate", "chosen": "minor"},
        required_artifacts=("page.meta", "page.headers", "page.in_sitemap", "site.start_urls"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/block-indexing",
        seo_outcome="A noindexed page never ranks; one left over from staging can remove a whole section from search (Google Search Central: block indexing).",
        cx_outcome="Visitors searching for this page cannot find it.",
        journey=("awareness",),
        effort="small",
        messages={
            "meta": "<meta name=\"{name}\" content=\"{value}\"> keeps this page out of search results.",
            "chosen": "<meta name=\"{name}\" content=\"{value}\"> keeps this page out of search results and has its links followed, as sites choose for tag, category and search pages: check that it is meant.",
            "header": "The X-Robots-Tag header \u201c{value}\u201d keeps this page out of search results.",
            "in-sitemap": "The page is noindexed but listed in the sitemap, which asks for it to be indexed.",
        },
        how_to_fix="Remove noindex from pages that should rank; keep it only on pages such as carts, account and search results, and leave those out of the sitemap.",
        weight=3,
    )
    examples = {
        "meta": lambda: alone(meta={"robots": "noindex"}),
        "chosen": lambda: alone(meta={"robots": "noindex, follow"}),
        "header": lambda: alone(headers={"x-robots-tag": "noindex"}),
        "in-sitemap": lambda: alone(meta={"robots": "noindex"}, in_sitemap=True),
    }

    def check(self, page, site):
        # robots speaks to every crawler, googlebot to Google's alone: either one can noindex
        name = next((n for n in ("robots", "googlebot") if _noindex(page.meta.get(n))), None)
        header = page.headers.get("x-robots-tag")
        if name:
            where = {"selector": f'meta[name="{name}"]', "name": name, "value": page.meta[name]}
            if self.chosen(page, site, page.meta[name]) and not _noindex(header):
                yield self.finding(page, "chosen", **where)
            else:
                yield self.finding(page, "meta", **where)
        if _noindex(header):
            yield self.finding(page, "header", value=header)
        if (name or _noindex(header)) and page.in_sitemap:
            yield self.finding(page, "in-sitemap")

    def chosen(self, page, site, directives: str) -> bool:
        """Whether the noindex reads as chosen: "follow" said outright, the page neither in
        the sitemap nor where the audit started."""
        said = {d.strip().lower() for d in directives.split(",")}
        return "follow" in said and not page.in_sitemap and page.url not in site.start_urls

    def page_score(self, page, site, findings):
        # a chosen noindex is a note to check, not a page lost from search by mistake
        return 1.0 if all(f.message_key == "chosen" for f in findings) else 0.0
