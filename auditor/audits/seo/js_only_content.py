from auditor.audits.base import Audit, Meta
from auditor.audits.examples import JS_RENDERED, alone

# Main text mostly written by scripts: more than this share of the rendered words.
SCRIPTED_SHARE = 0.5


class JsOnlyContent(Audit):
    meta = Meta(
        id="js-only-content",
        title="The main text is in the HTML the server sends",
        failure_title="Main text written by scripts",
        description="Most of the page's main text exists only after scripts run: crawlers that do not run them "
                    "see an empty or thin page.",
        category="seo",
        impact="serious",
        required_artifacts=("page.facts.js", "page.word_count"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/javascript/javascript-seo-basics",
        seo_outcome="Search engines that do not render index a thin page; Google indexes the text only after "
                    "rendering, later (Google Search Central: JavaScript SEO basics).",
        cx_outcome="Previews in chats and social networks, and answers from AI assistants, show nothing of "
                   "what the page offers.",
        journey=("awareness",),
        effort="large",
        messages={
            "scripted": "{share}% of the main text ({words} of {total} words) is written by scripts.",
        },
        how_to_fix="Render this template's text on the server (server rendering or static generation).",
        weight=2,
    )
    examples = {
        "scripted": lambda: alone(facts={"js": dict(JS_RENDERED)}),
    }

    def applies(self, page, site):  # judged only where the page was rendered while crawling
        return super().applies(page, site) and bool((page.facts.get("js") or {}).get("rendered"))

    def check(self, page, site):
        js = page.facts.get("js") or {}
        total = page.word_count
        # (counted at the crawl, with the text the site repeats on every page, which the
        # main text leaves out: a shell page's scripts write all of it, not 103%)
        added = min(js.get("words_added", 0), total)
        if js.get("rendered") and total and added / total > SCRIPTED_SHARE:
            yield self.finding(page, "scripted", share=round(100 * added / total), words=added, total=total)
