from auditor.audits.base import Audit, Meta
from auditor.audits.examples import BASE, alone
from auditor.model import Image


class ImageAlt(Audit):
    meta = Meta(
        id="image-alt",
        title="Images have alternative text",
        failure_title="Images without an alt attribute",
        description="Alt text is what screen readers say and what search engines read for an image.",
        category="accessibility",
        impact="serious",
        required_artifacts=("page.images",),
        help_url="https://www.w3.org/WAI/tutorials/images/",
        seo_outcome="Image search and page relevance rely on alt text to understand images (Google Search Central: image SEO).",
        cx_outcome="Blind visitors hear a file name instead of the product, and everyone sees nothing useful when images fail to load.",
        journey=("consideration", "decision"),
        effort="small",
        messages={"missing": "An image has no alt attribute: {src}"},
        how_to_fix="Add alt text describing the image's content or purpose; use alt=\"\" for purely decorative images.",
        weight=2,
    )
    examples = {
        "missing": lambda: alone(images=[Image(BASE + "/a.jpg")]),
    }

    def check(self, page, site):
        for image in page.images:
            if image.alt is None:
                yield self.finding(page, "missing", selector="img", snippet=image.snippet, src=image.src)
