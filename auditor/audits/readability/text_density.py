from auditor.audits.base import Audit, Meta

MIN_BYTES = 10_000  # below this, markup weight does not matter


class TextDensity(Audit):
    meta = Meta(
        id="text-density",
        title="Pages carry text in proportion to their markup",
        failure_title="Heavy markup, little text",
        description="When visible text is a small share of the HTML, the page is mostly scripts, styles and wrappers.",
        category="readability",
        impact="minor",
        required_artifacts=("page.bytes", "page.html_bytes_text"),
        help_url="https://web.dev/articles/dom-size-and-interactivity",
        seo_outcome="Crawlers spend their budget on markup rather than content, and thin visible text weakens relevance (Google Search Central: helpful content).",
        cx_outcome="Visitors download a heavy page that says little, and wait for it on a phone connection.",
        journey=("awareness", "consideration"),
        effort="medium",
        messages={"low": "Visible text is {percent}% of the page's {kb} KB of HTML (under {min}%)."},
        how_to_fix="Move inline scripts and styles to cached files, remove unused markup, and give the page the text its visitors need.",
    )

    def applies(self, page, site):
        return page.ok_html and page.bytes >= MIN_BYTES

    def check(self, page, site):
        minimum = site.setting("min_text_ratio")
        ratio = page.html_bytes_text / page.bytes
        if ratio < minimum:
            yield self.finding(page, "low", percent=round(ratio * 100, 1), kb=round(page.bytes / 1024), min=round(minimum * 100))
