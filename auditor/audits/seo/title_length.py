from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone


class TitleLength(Audit):
    meta = Meta(
        id="title-length",
        title="Titles fit in a search result",
        failure_title="Titles too long or too short",
        description="Search results show about 60 characters of a title; the rest is cut.",
        category="seo",
        impact="minor",
        required_artifacts=("page.title",),
        help_url="https://developers.google.com/search/docs/appearance/title-link#page-titles",
        seo_outcome="A cut title hides its end from searchers, and a very short one says too little to earn the click (Google Search Central: title links).",
        cx_outcome="The visitor decides from a truncated or vague line in the results.",
        journey=("awareness",),
        effort="small",
        messages={
            "too-long": "The title has {length} characters (more than {max}).",
            "too-short": "The title has {length} characters (fewer than {min}).",
        },
        how_to_fix="Keep titles between 10 and 60 characters, the important words first.",
    )
    examples = {
        "too-long": lambda: alone(title="t" * 90),
        "too-short": lambda: alone(title="t"),
    }

    def applies(self, page, site):
        return page.ok_html and bool(page.title)

    def check(self, page, site):
        low, high = site.setting("title_min"), site.setting("title_max")
        length = len(page.title)
        if length > high:
            yield self.finding(page, "too-long", selector="title", length=length, max=high, title=page.title)
        elif length < low:
            yield self.finding(page, "too-short", selector="title", length=length, min=low, title=page.title)
