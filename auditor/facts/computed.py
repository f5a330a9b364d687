"""Computed artifacts: facts derived from the gathered records before audits run.

Main text without boilerplate, language, readability and sentence lengths are
derived here once per page, in the audit pass, so every audit and the result
share one computation.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from hashlib import blake2b
from urllib.parse import urlsplit

from auditor.model import PageRecord
from auditor.text import analyse, detect_language, is_prose, rtl_word_share

# A block repeated on more than this share of a section's pages belongs to its template,
# and one on more than this share of all pages to the site's. Not less: on a small blog
# a post's opening lines are also shown on the home, tag and category pages, a third of
# the site, or half of its top-level pages.
BOILERPLATE_SHARE = 0.5
SITE_BOILERPLATE_SHARE = 0.5
BOILERPLATE_MIN_PAGES = 3
SAMPLE_PER_SECTION = 200
# Sentences this long are kept for the long-sentence audit (its threshold is higher).
KEPT_SENTENCE_WORDS = 20
# Facts whose name starts with "_" serve the audits and stay out of result.json.
PRIVATE = "_"


def section(url: str) -> str:
    """The first path segment: pages of one section usually share a template."""
    path = urlsplit(url).path.strip("/")
    return path.split("/", 1)[0] if "/" in path else ""


def sample_by_section(urls: Iterable[str], per_section: int = SAMPLE_PER_SECTION) -> list[str]:
    taken: Counter = Counter()
    sample = []
    for url in urls:
        key = section(url)
        if taken[key] < per_section:
            taken[key] += 1
            sample.append(url)
    return sample


def boilerplate_blocks(pages: Iterable[PageRecord]) -> frozenset[int]:
    """Hashes of text blocks that recur on most pages of a section (menus, banners,
    legal lines) or of the whole site. Feed it a sample (sample_by_section)."""
    blocks = RepeatedBlocks()
    for page in pages:
        blocks.add(page)
    return blocks.found()


class RepeatedBlocks:
    """How many pages of each section, and of the whole site, show each text block."""

    def __init__(self):
        self.per_section: dict[str, Counter] = defaultdict(Counter)
        self.pages_in: Counter = Counter()
        self.site_wide: Counter = Counter()

    def add(self, page: PageRecord) -> None:
        key = section(page.url)
        self.pages_in[key] += 1
        blocks = {hash(b) for b in page.text.split("\n\n") if b}
        self.per_section[key].update(blocks)
        self.site_wide.update(blocks)

    def found(self) -> frozenset[int]:
        """The blocks on most pages of a section or of the site: boilerplate."""
        found = set()
        for key, counts in self.per_section.items():
            found.update(h for h, n in counts.items() if _most(n, self.pages_in[key], BOILERPLATE_SHARE))
        found.update(h for h, n in self.site_wide.items() if _most(n, sum(self.pages_in.values()), SITE_BOILERPLATE_SHARE))
        return frozenset(found)


def _most(n: int, pages: int, share: float) -> bool:
    """Whether a block on `n` of `pages` pages is on more than `share` of them (and on enough)."""
    return n >= BOILERPLATE_MIN_PAGES and n > pages * share


class Computed:
    """Adds derived facts to each page as it streams to the audits."""

    def __init__(self, boilerplate: frozenset[int] = frozenset()):
        self.boilerplate = boilerplate
        self.readability_seconds = 0.0  # what readability costs the audit pass, for the record

    def __call__(self, page: PageRecord) -> PageRecord:
        blocks = self.main_text(page)
        if blocks is not None:
            apply(page, self.analysis(page, blocks))
        return page

    def main_text(self, page: PageRecord) -> list[str] | None:
        """Takes the blocks repeated across the site out of the page's text; the blocks left
        (None: no page to analyse)."""
        if not page.ok_html:
            return None
        page.facts["template"] = page.template or f"* [{page.layout}]"
        blocks, repeated = [], []
        for block in page.text.split("\n\n"):
            if block:
                (repeated if hash(block) in self.boilerplate else blocks).append(block)
        page.text = "\n\n".join(blocks)
        if repeated:  # for the audits that read every word shown (placeholder text repeats too)
            page.facts[PRIVATE + "repeated_text"] = "\n\n".join(repeated)
        return blocks

    def analysis(self, page: PageRecord, blocks: list[str]) -> dict:
        """The page's word count and its language and readability facts (for `apply`), made of
        what analysis_key digests."""
        detection = detect_language(page.text or page.title or "")
        headings = " ".join(h["text"] for h in page.headings)
        facts = {"language": {
            "lang": detection.lang,
            "confidence": detection.confidence,
            "method": detection.method,
            "rtl_share": detection.rtl_share,
            "rtl_word_share": rtl_word_share(page.text or page.title or ""),
            "title": detect_language(page.title).lang if page.title else None,
            "headings": detect_language(headings).lang if headings else None,
        }}
        lang = detection.lang if detection.confidence >= 0.5 else (page.lang or detection.lang)
        started = time.perf_counter()
        # Only prose is scored (blanked blocks keep the others' numbers): headings, labels
        # and lists of names are no sentences.
        prose = [b if is_prose(b) else "" for b in blocks]
        readability, sentences = analyse(prose, lang, KEPT_SENTENCE_WORDS) if any(prose) else (None, [])
        self.readability_seconds += time.perf_counter() - started
        facts["readability"] = readability.to_dict() if readability else None
        facts[PRIVATE + "long_sentences"] = [
            {"paragraph": s.paragraph, "index": s.index, "words": s.words, "text": s.text[:400]} for s in sentences
        ]
        return {"word_count": len(page.text.split()), "facts": facts}


def apply(page: PageRecord, analysis: dict) -> None:
    """A page's analysis (Computed.analysis), made here or ahead, on the page."""
    page.word_count = analysis["word_count"]
    page.facts.update(analysis["facts"])


def analysis_key(page: PageRecord, blocks: list[str]) -> str:
    """A digest of all Computed.analysis reads: the main text's blocks, the title, the
    headings and the declared language."""
    headings = [h["text"] for h in page.headings]
    parts = (*blocks, page.title or "", *headings, page.lang or "")
    lengths = " ".join(map(str, (len(blocks), len(headings), *map(len, parts))))  # where each part ends
    read = "\x00".join((lengths, *parts))
    return blake2b(read.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
