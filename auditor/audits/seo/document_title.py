from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone


class DocumentTitle(Audit):
    meta = Meta(
        id="document-title",
        title="Every page has a title",
        failure_title="Pages without a title",
        description="The title is the blue link a searcher clicks and the name of the browser tab.",
        category="seo",
        impact="serious",
        required_artifacts=("page.title",),
        help_url="https://developers.google.com/search/docs/appearance/title-link",
        seo_outcome="Search engines invent a title link from page text when none is given, which lowers click-through from results (Google Search Central: title links).",
        cx_outcome="Searchers cannot tell what the page offers before clicking, and a tab with no name is lost among others.",
        journey=("awareness",),
        effort="small",
        messages={
            "missing": "The page has no <title> element.",
            "empty": "The page's <title> is empty.",
        },
        how_to_fix="Give each page a unique <title> naming its content and the brand, for example 'Ethiopian Yirgacheffe beans | Brand'.",
        weight=3,
    )
    examples = {
        "missing": lambda: alone(title=None),
        "empty": lambda: alone(title=" "),
    }

    def check(self, page, site):
        if page.title is None:
            yield self.finding(page, "missing", selector="head")
        elif not page.title.strip():
            yield self.finding(page, "empty", selector="title")
