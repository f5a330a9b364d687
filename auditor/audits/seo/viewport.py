from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone


class Viewport(Audit):
    meta = Meta(
        id="viewport",
        title="Pages are set up for phones",
        failure_title="Pages without a mobile viewport",
        description="Without a viewport meta tag, phones render the page at desktop width and shrink it.",
        category="seo",
        impact="serious",
        required_artifacts=("page.meta",),
        help_url="https://developer.chrome.com/docs/lighthouse/pwa/viewport",
        seo_outcome="Search engines index the mobile version first; a page unusable on phones ranks worse there (Google Search Central: mobile-first indexing).",
        cx_outcome="Phone visitors must pinch and zoom to read, and most leave.",
        journey=("awareness", "consideration"),
        effort="small",
        messages={
            "missing": "The page has no <meta name=\"viewport\">.",
            "no-device-width": "The viewport \u201c{content}\u201d does not set width=device-width.",
        },
        how_to_fix="Add <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"> to every page's head.",
        weight=2,
    )
    examples = {
        "missing": lambda: alone(meta={}),
        "no-device-width": lambda: alone(meta={"viewport": "width=1024"}),
    }

    def check(self, page, site):
        content = page.meta.get("viewport")
        if content is None:
            yield self.finding(page, "missing", selector="head")
        elif "device-width" not in content.replace(" ", "").lower():
            yield self.finding(page, "no-device-width", selector='meta[name="viewport"]', content=content)
