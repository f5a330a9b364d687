from auditor.audits.base import Audit, Meta
from auditor.audits.readability.long_sentences import first_words


class LongParagraphs(Audit):
    meta = Meta(
        id="long-paragraphs",
        title="Paragraphs are short enough to scan",
        failure_title="Walls of text",
        description="On a phone a 150-word paragraph fills the screen; readers skip it.",
        category="readability",
        impact="minor",
        required_artifacts=("page.text",),
        help_url="https://www.nngroup.com/articles/how-users-read-on-the-web/",
        seo_outcome="Scannable pages hold visitors longer and answer their question faster (Google Search Central: helpful content).",
        cx_outcome="A wall of text on a small screen hides the key point and tires the reader.",
        journey=("consideration",),
        effort="medium",
        messages={"long": "Paragraph {paragraph} has {words} words: \u201c{quote}\u201d"},
        how_to_fix="Break long paragraphs at each new idea; lead with the point; use lists for steps and specifications.",
        # filler text (lorem ipsum) is no prose to score: placeholder-content is the problem
        root_causes=("placeholder-content:text",),
    )

    def check(self, page, site):
        limit = site.setting("max_paragraph_words")
        for number, paragraph in enumerate(page.text.split("\n\n"), start=1):
            if len(paragraph) <= 2 * limit:  # too short for more words than the limit: skip counting
                continue
            words = len(paragraph.split())
            if words > limit:
                yield self.finding(page, "long", paragraph=number, words=words, quote=first_words(paragraph), max=limit)
