from auditor.audits.base import Audit, Meta

MAX_QUOTED = 10


def first_words(text: str, n: int = 12) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" \u2026" if len(words) > n else "")


class LongSentences(Audit):
    meta = Meta(
        id="long-sentences",
        title="Sentences are short enough to follow",
        failure_title="Sentences too long to follow",
        description="A sentence past about 25 words asks the reader to hold too much at once, in Arabic as in English.",
        category="readability",
        impact="minor",
        required_artifacts=("page.facts._long_sentences",),
        help_url="https://www.plainlanguage.gov/guidelines/concise/write-short-sentences/",
        seo_outcome="Easy-to-scan text keeps visitors on the page longer, a sign the page meets their need (Google Search Central: helpful content).",
        cx_outcome="Readers lose the thread and skip the sentence that holds the detail they needed to decide.",
        journey=("consideration",),
        effort="medium",
        messages={
            "long": "A sentence of {words} words (paragraph {paragraph}, sentence {sentence}): \u201c{quote}\u201d",
            "more": "{count} more sentences over {max} words on this page.",
        },
        how_to_fix="Split each long sentence in two or three; put one idea in each.",
        # filler text (lorem ipsum) is no prose to score: placeholder-content is the problem
        root_causes=("placeholder-content:text",),
    )

    def check(self, page, site):
        limit = site.setting("max_sentence_words")
        long = [s for s in page.facts.get("_long_sentences", ()) if s["words"] > limit]
        for s in long[:MAX_QUOTED]:
            yield self.finding(page, "long", words=s["words"], paragraph=s["paragraph"] + 1,
                               sentence=s["index"] + 1, quote=first_words(s["text"]), max=limit)
        if len(long) > MAX_QUOTED:
            yield self.finding(page, "more", count=len(long) - MAX_QUOTED, max=limit)
