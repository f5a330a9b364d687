from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone


class HeadingH1(Audit):
    meta = Meta(
        id="heading-h1",
        title="Each page has one main heading",
        failure_title="Pages without an h1, or with several",
        description="The h1 tells visitors and search engines what the page is about at a glance.",
        category="seo",
        impact="moderate",
        # several <h1> are valid HTML and Google reads them (Google Search Central,
        # "Multiple H1 headings on a page" in its SEO office hours); a missing one is
        # the moderate case.
        impacts={"multiple": "minor"},
        required_artifacts=("page.headings",),
        help_url="https://developers.google.com/search/docs/appearance/title-link#how-title-links-are-created",
        seo_outcome="The main heading is a strong signal of the page's topic and a source for title links (Google Search Central).",
        cx_outcome="Visitors scanning the page do not find a clear statement of what it is about.",
        journey=("awareness", "consideration"),
        effort="small",
        messages={
            "missing": "The page has no <h1>.",
            "multiple": "The page has {count} <h1> elements: {headings}.",
        },
        how_to_fix="Give each page exactly one <h1> that names its subject; use h2-h6 below it.",
        weight=2,
    )
    examples = {
        "missing": lambda: alone(headings=[]),
        "multiple": lambda: alone(headings=[{"level": 1, "text": "a"}, {"level": 1, "text": "b"}]),
    }

    def check(self, page, site):
        h1s = [h["text"] for h in page.headings if h["level"] == 1]
        if not h1s:
            yield self.finding(page, "missing", selector="body")
        elif len(h1s) > 1:
            yield self.finding(page, "multiple", selector="h1", count=len(h1s), headings=" | ".join(h1s)[:300])
