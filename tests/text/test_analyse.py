"""analyse() gives exactly what score_text() and split_sentences() give, splitting once."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.text import Sentence, analyse, score_text, split_sentences
from auditor.text.readability import clear_caches
from benchmarks.sites import generate


ARABIC = [
    "مرحبا بكم، كيف حالكم؟ نحن بخير؛ شكرا لكم. هذا رائع! انتهى… والآن نبدأ",
    "قال د. أحمد إن الموقع سريع. ثم غادر. هل أنت بخير؟نعم أنا بخير.",
    "ذَهَبَ الْوَلَدُ إِلَى الْمَدْرَسَةِ. كَتَبَ الطَّالِبُ الدَّرْسَ. يَعْمَلُ الْمُهَنْدِسُونَ هُنَا.",
    "هل تستخدم Google Analytics منذ 2020؟ نعم، نستخدمه كل يوم بمسؤولية. السعر 3.5 ريال فقط!",
    "ﻻ تنسَ زيارة الموقع (www.example.com) قبل الساعة 5. شكراً جزيلاً… «إلى اللقاء».",
]
ENGLISH = [
    "Dr. Smith moved to the U.S. in 2019 and paid 3.5 million. He likes fruit, e.g. apples and pears.",
    "Mr. Jones works at Acme Inc. The rest is history. Acme Inc. is based in London etc. and more.",
    'He said "Hello!" Then he left... Did he? Yes. (See fig. 3.) It ends here.',
    "Our company builds fast websites for small businesses. We help you reach more customers each day.",
    "Call us at 9 a.m. Tomorrow works too. The U.K. office opens at 10 a.m. on Mondays!",
]
FRENCH = [
    "M. Dupont est arrivé hier. Il a vu Mme Martin au bureau, etc. Ensuite, ils sont partis.",
    "Le prix est de 3,5 euros. Voir p. 12 pour les détails! C'est vraiment très intéressant, n'est-ce pas?",
    "Nous livrons partout en France. Contactez-nous au tél. 01 23 45 67 89. Merci de votre confiance.",
]


def check(paragraphs, lang):
    """analyse == the separate calls, field by field."""
    score, sentences = analyse(paragraphs, lang)
    assert score == score_text(paragraphs, lang)
    assert sentences == split_sentences(paragraphs, lang)
    assert all(type(s) is Sentence for s in sentences)
    # only the long sentences, when only those are wanted
    assert analyse(paragraphs, lang, 12) == (score, [s for s in sentences if s.words >= 12])
    return score, sentences


def repeated(texts, times=6):
    return [" ".join(texts) for _ in range(times)]


@pytest.mark.parametrize(
    ("paragraphs", "lang"),
    [
        (repeated(ARABIC), "ar"),
        (repeated(ENGLISH), "en"),
        (repeated(FRENCH), "fr"),
        ("\n\n".join(ARABIC * 4), None),
        ("\n\n".join(ENGLISH * 4), None),
        ("\n\n".join(FRENCH * 4), None),
        (ENGLISH * 3, "en-GB"),
        (ENGLISH * 3, " en"),  # scored as English, split with every language's abbreviations
        (FRENCH * 3, "FR_ca"),
        (ARABIC + ENGLISH + FRENCH, "ar"),
        (ARABIC * 3, "fa"),
        (ENGLISH * 3, "zh"),
        (["", "   ", "!!! ...", "One. Two.\nThree  four.\tFive."], "en"),
    ],
)
def test_analyse_is_score_text_and_split_sentences(paragraphs, lang):
    check(paragraphs, lang)
    clear_caches()
    check(paragraphs, lang)  # the same with every cache empty


def test_analyse_scores_each_formula():
    assert check(repeated(ARABIC), "ar")[0].formula == "osman"
    assert check(repeated(ENGLISH), "en")[0].formula == "flesch"
    assert check(repeated(FRENCH), "fr")[0].formula == "lix"


@pytest.mark.parametrize("bad", ["", "   \n\n  ", None, 42, [None, 3, ""], b"bytes"])
def test_analyse_bad_input(bad):
    assert analyse(bad, "en") == (None, [])
    assert analyse(bad, None) == (None, [])


def test_sentences_equal_dataclass_built_ones():
    _, sentences = analyse(["First one here. Second one.", "", "Third, in another block!"], "en")
    expected = [
        Sentence(text="First one here.", words=3, paragraph=0, index=0),
        Sentence(text="Second one.", words=2, paragraph=0, index=1),
        Sentence(text="Third, in another block!", words=4, paragraph=2, index=0),
    ]
    assert sentences == expected
    assert [hash(s) for s in sentences] == [hash(s) for s in expected]
    with pytest.raises(AttributeError):
        sentences[0].words = 5


# Text made of pieces that matter to splitting and counting: abbreviations,
# initials, decimals, terminators with and without spaces, quotes, brackets,
# line breaks, vocalised and presentation-form Arabic, Latin and digits.
_PIECES = st.sampled_from([
    "Dr.", "dr.", "Mr.", "U.S.", "u.s.", "e.g.", "etc.", "Inc.", "a.m.", "p.", "M.", "Mme", "tél.", "z.B.",
    "J.", "د.", "أ.د.", "3.5", "1,000", "٢٠٢٤", "www.example.com", "...", "…", "!", "?", "؟", "۔", "。",
    "!?", ".)", '."', "»", "«", "(", ")", '"', "'", "“", "”", "،", "؛", " ", " ", " ", "  ", "\n", "\t", "\n\n",
    "\u00a0", "\u200f", "The", "the", "apples", "Business", "created", "science", "word", "Hello", "bonjour",
    "café", "Zürich", "الطالب", "الْمُهَنْدِسُونَ", "شكراً", "والكتاب", "بمسؤولية", "ﻻ", "ﷺ", "مرحبا", "آمن",
    "Google", "ـ", "\u0653", "ש", "中文",
])
TEXT = st.one_of(
    st.lists(_PIECES, max_size=60).map("".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40).map("".join),
    st.text(max_size=200),
)
PARAGRAPHS = st.one_of(TEXT, st.lists(TEXT, max_size=6))
LANG = st.one_of(
    st.none(),
    st.sampled_from(["ar", "en", "fr", "de", "es", "he", "fa", "ur", "zh", "", " en", "EN_us", "fr-CA", "xx-YY"]),
    st.text(max_size=5),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARAGRAPHS, LANG)
def test_analyse_matches_separate_calls_and_reference(paragraphs, lang):
    check(paragraphs, lang)


def _site_pages(site: Path) -> list[list[str]]:
    pages = []
    for path in sorted(site.rglob("*.html")):
        if any(part.startswith("_") or part == "assets" for part in path.relative_to(site).parts):
            continue
        tree = lxml.html.fromstring(path.read_bytes())
        blocks = [el.text_content().strip() for el in tree.xpath("//p | //h1 | //h2 | //h3 | //li")]
        pages.append([b for b in blocks if b])
    return pages


@pytest.fixture(scope="module")
def site_pages(tmp_path_factory) -> list[list[str]]:
    site = tmp_path_factory.mktemp("site") / "mixed"
    generate(site, 60, "http://127.0.0.1:1", "mixed")
    pages = _site_pages(site)
    assert len(pages) >= 60
    return pages


def test_generated_site_pages_match(site_pages):
    clear_caches()
    scored = 0
    for blocks in site_pages:
        for lang in (None, "ar", "en", "fr"):
            score, _ = check(blocks, lang)
            scored += score is not None
        check("\n\n".join(blocks), None)
    assert scored >= len(site_pages)  # most pages are long enough to score
