from auditor.audits.base import Audit, Meta
from auditor.audits.speed import images, measured, short


class UnsizedImages(Audit):
    meta = Meta(
        id="unsized-images",
        title="Images have explicit width and height",
        failure_title="Images without width and height",
        description="Without width and height attributes the browser cannot reserve an image's space, so the content below it jumps when it loads.",
        category="speed",
        impact="moderate",
        required_artifacts=("page.facts._images", "page.facts.metrics"),
        help_url="https://web.dev/articles/optimize-cls#images-without-dimensions",
        seo_outcome="Unsized images are a common cause of layout shift, measured by Cumulative Layout Shift, a Core Web Vitals page experience signal (Google Search Central: Core Web Vitals).",
        cx_outcome="Text and buttons move under the visitor's finger as images arrive: mis-taps on the way to a purchase or a contact form.",
        journey=("awareness", "decision"),
        effort="small",
        messages={
            "unsized": "An image shown at {display_w}\u00d7{display_h} px has no width and height attributes, so the layout likely shifts when it loads: {src}",
        },
        how_to_fix="Add width and height attributes with the image's intrinsic size (CSS can still scale it: height: auto), or give its box a CSS aspect-ratio.",
        weight=1,
    )

    def applies(self, page, site):
        return measured(page) and bool(images(page))

    def check(self, page, site):
        for image in images(page):
            # an image with no box on screen (hidden, or not laid out) moves nothing
            shown = (image.get("display_w") or 0) > 0 and (image.get("display_h") or 0) > 0
            # CSS that fixes its box (width and height, or aspect-ratio) reserves the space too
            if shown and image.get("has_size_attrs") is False and not image.get("css_sized") \
                    and not _inline_svg(image.get("src") or ""):
                src = short(image.get("src") or "", 300)
                yield self.finding(page, "unsized", snippet=src, src=src,
                                   display_w=image["display_w"], display_h=image["display_h"])


def _inline_svg(src: str) -> bool:
    """An SVG written into the page (a data: URL): it is there with the markup, not
    fetched later, so it moves nothing when it arrives (Lighthouse skips it too)."""
    return src[:30].lower().replace(" ", "").startswith("data:image/svg+xml")
