from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone


class MetaDescription(Audit):
    meta = Meta(
        id="meta-description",
        title="Every page has a meta description",
        failure_title="Pages without a meta description",
        description="The meta description is often the snippet shown under the title in search results.",
        category="seo",
        impact="moderate",
        required_artifacts=("page.meta", "page.headers"),
        help_url="https://developers.google.com/search/docs/appearance/snippet#meta-descriptions",
        seo_outcome="Without one, search engines pick a snippet from page text that may not sell the page, lowering click-through (Google Search Central: snippets).",
        cx_outcome="Searchers see a random excerpt instead of a clear promise of what the page offers.",
        journey=("awareness",),
        effort="small",
        messages={
            "missing": "The page has no meta description.",
            "empty": "The page's meta description is empty.",
        },
        how_to_fix="Write a unique description of 70 to 160 characters summarising the page's offer.",
        weight=2,
    )
    examples = {
        "missing": lambda: alone(meta={}),
        "empty": lambda: alone(meta={"description": ""}),
    }

    def applies(self, page, site):
        return page.ok_html and not page.noindex  # the description is a search snippet: no search, no snippet

    def check(self, page, site):
        value = page.meta.get("description")
        if value is None:
            yield self.finding(page, "missing", selector="head")
        elif not value.strip():
            yield self.finding(page, "empty", selector='meta[name="description"]')
