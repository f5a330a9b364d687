from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone
from auditor.text.not_found import reads_as_not_found


MAX_WORDS = 300


class Soft404(Audit):
    meta = Meta(
        id="soft-404",
        title="Missing pages answer 404",
        failure_title="\"Not found\" pages that answer 200 (soft 404)",
        description="The page says it does not exist but the server answers 200 OK: search engines keep crawling "
                    "and may index an error page.",
        category="seo",
        impact="serious",
        required_artifacts=("page.title", "page.headings", "page.text", "page.word_count"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/http-network-errors#soft-404-errors",
        seo_outcome="Soft 404s waste crawl budget and are reported as errors in Search Console; an indexed "
                    "error page ranks for nothing (Google Search Central: soft 404 errors).",
        cx_outcome="A visitor from a search result lands on an error message instead of what was promised.",
        journey=("awareness", "consideration"),
        effort="small",
        messages={
            "soft-404": "The page answers 200 but reads as not found (\"{wording}\").",
        },
        how_to_fix="Answer 404 (or 410) for missing pages, also for client routes the app does not know; "
                   "redirect moved pages with 301.",
        weight=2,
    )
    examples = {
        "soft-404": lambda: alone(title="Page not found | Shop", word_count=20, text="Sorry"),
    }

    def check(self, page, site):
        if page.word_count >= MAX_WORDS:  # a long page about 404 errors is not one
            return
        h1 = " ".join(h["text"] for h in page.headings if h["level"] == 1)
        opening = page.text[:200] if page.word_count < 150 else ""
        wording = reads_as_not_found(page.title, h1, opening)
        if wording:
            yield self.finding(page, "soft-404", wording=wording, title=page.title or "")
