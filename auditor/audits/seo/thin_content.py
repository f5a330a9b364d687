from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone


class ThinContent(Audit):
    meta = Meta(
        id="thin-content",
        title="Pages have substantial content",
        failure_title="Pages with little content",
        description="Pages with only a few words rarely answer a visitor's question.",
        category="seo",
        impact="moderate",
        required_artifacts=("page.word_count", "page.facts.kind", "page.meta", "page.headers"),
        help_url="https://developers.google.com/search/docs/fundamentals/creating-helpful-content",
        seo_outcome="Search engines favour pages that answer the query fully; thin pages rank poorly and can weigh on the site (Google Search Central: helpful content).",
        cx_outcome="The visitor does not find enough to decide and goes back to the results.",
        journey=("consideration",),
        effort="large",
        messages={"thin": "The main content has {words} words (fewer than {min})."},  # code's words included
        how_to_fix="Add the details visitors need (specifications, answers, examples), or merge or noindex pages that cannot have them.",
        # a page left with its template's placeholder is thin because its content was never written
        root_causes=("placeholder-content:text",),
    )
    examples = {
        "thin": lambda: alone(word_count=12),
    }

    def applies(self, page, site):
        # A noindexed page is out of search, the fix the advice names: a tag or category
        # list kept out of the index is not thin content (Google Search Central: block indexing).
        return page.ok_html and not page.noindex

    def check(self, page, site):
        # Code shown on the page (a listing, a command) is left out of its prose for
        # readability, but it is content: a page of source code is not thin.
        minimum = site.setting("thin_content_words")
        words = page.word_count + ((page.facts.get("kind") or {}).get("code_words") or 0)
        if words < minimum:
            yield self.finding(page, "thin", words=words, min=minimum)
