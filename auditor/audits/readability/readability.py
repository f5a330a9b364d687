from auditor.audits.base import Audit, Meta
from auditor.text.bands import BANDS
FORMULAS = {"osman": "OSMAN", "flesch": "Flesch reading ease", "lix": "LIX (indicative)"}
# Flesch (1948) scored samples of 100 words: on a shorter text a word or two moves the
# score by a band, so it is shown but not judged.
JUDGED_WORDS = 100


class Readability(Audit):
    meta = Meta(
        id="readability",
        title="Text is easy enough to read for its audience",
        failure_title="Text harder to read than the audience's target",
        description="Measured with the formula made for the page's language: OSMAN for Arabic, Flesch for English, LIX (indicative) elsewhere.",
        category="readability",
        impact="moderate",
        required_artifacts=("page.facts.readability",),
        help_url="https://developers.google.com/search/docs/fundamentals/creating-helpful-content",
        seo_outcome="Search engines reward content people find helpful; text visitors struggle with shortens visits, a signal of unmet intent (Google Search Central: helpful content).",
        cx_outcome="Visitors comparing offers skim and leave when the text is hard going, before they reach the point that would convince them.",
        journey=("consideration",),
        effort="large",
        messages={
            "too-hard": "The text reads as \u201c{band}\u201d ({formula} {score}, {language}); the target is \u201c{target}\u201d or easier.",
        },
        how_to_fix="Shorten sentences, prefer common words to rare or formal ones, and split long paragraphs; write for a visitor reading on a phone.",
        # filler text (lorem ipsum) is no prose to score: placeholder-content is the problem
        root_causes=("placeholder-content:text",),
        weight=2,
    )

    def applies(self, page, site):
        return page.ok_html and bool(page.facts.get("readability"))

    def check(self, page, site):
        r = page.facts["readability"]
        target = site.setting("readability_target")
        if r["words"] >= JUDGED_WORDS and BANDS.index(r["band"]) > BANDS.index(target):
            yield self.finding(page, "too-hard", band=r["band"], formula=FORMULAS.get(r["formula"], r["formula"]),
                               score=r["score"], language=r["language"], target=target, indicative=r["indicative"])
