from auditor.audits.base import Audit, Meta


class HeadingStructureForScanning(Audit):
    meta = Meta(
        id="heading-structure-for-scanning",
        title="Long text is broken up by subheadings",
        failure_title="Long text without subheadings",
        description="Readers scan subheadings to find the part they need; long text without them is read by few.",
        category="readability",
        impact="minor",
        required_artifacts=("page.text", "page.headings", "page.word_count"),
        help_url="https://www.nngroup.com/articles/how-users-read-on-the-web/",
        seo_outcome="Subheadings help search engines understand sections and can surface as jump links in results (Google Search Central: headings).",
        cx_outcome="Visitors cannot jump to the answer they came for and give up scanning.",
        journey=("consideration",),
        effort="small",
        messages={
            "none": "{words} words of text with no subheading.",
            "sparse": "{words} words under {headings} subheadings: one every {per} words (more than {max}).",
        },
        how_to_fix="Add a descriptive h2 or h3 every 200 to 300 words, phrased as what the section answers.",
        # filler text (a theme's lorem ipsum post) has no sections to head: placeholder-content is the problem
        root_causes=("placeholder-content:text",),
    )

    def applies(self, page, site):
        return page.ok_html and page.word_count > site.setting("max_words_per_subheading")

    def check(self, page, site):
        limit = site.setting("max_words_per_subheading")
        subheadings = sum(1 for h in page.headings if h["level"] > 1)
        if subheadings == 0:
            yield self.finding(page, "none", words=page.word_count, max=limit)
        elif page.word_count / subheadings > limit:
            yield self.finding(page, "sparse", words=page.word_count, headings=subheadings,
                               per=round(page.word_count / subheadings), max=limit)
