"""Readability audits from hand-built artifacts."""

from __future__ import annotations

from auditor.audits import get_audit
from tests.factories import findings, make_page, make_site


def readability(band: str, score: float = 40.0, formula: str = "osman", language: str = "ar", words: int = 250) -> dict:
    return {"language": language, "formula": formula, "score": score, "band": band, "indicative": formula == "lix",
            "words": words}


def test_readability_passes_at_or_above_the_target_band():
    audit = get_audit("readability")
    assert findings(audit, make_page(facts={"readability": readability("fairly difficult", 55)})) == []
    assert findings(audit, make_page(facts={"readability": readability("easy", 85)})) == []


def test_readability_fails_below_the_target_band_naming_formula_and_language():
    audit = get_audit("readability")
    (f,) = findings(audit, make_page(facts={"readability": readability("very difficult", 22.5)}))
    assert f.message_key == "too-hard"
    assert f.data["formula"] == "OSMAN" and f.data["score"] == 22.5 and f.data["language"] == "ar"
    assert f.data["target"] == "fairly difficult"


def test_a_text_shorter_than_a_formula_sample_is_scored_but_not_judged():
    audit = get_audit("readability")
    assert findings(audit, make_page(facts={"readability": readability("very difficult", 22.5, words=99)})) == []
    assert len(findings(audit, make_page(facts={"readability": readability("very difficult", 22.5, words=100)}))) == 1


def test_readability_target_is_a_setting():
    audit = get_audit("readability")
    page = make_page(facts={"readability": readability("standard", 65, "flesch", "en")})
    assert findings(audit, page, make_site([page], settings={"readability_target": "fairly easy"}))[0].data["formula"] == "Flesch reading ease"
    assert findings(audit, page, make_site([page], settings={"readability_target": "standard"})) == []


def test_readability_not_applicable_without_a_score():
    audit = get_audit("readability")
    page = make_page(facts={"readability": None})
    assert not audit.applies(page, make_site([page]))


def test_long_sentences_quote_position_and_cap():
    audit = get_audit("long-sentences")
    long = [{"paragraph": 0, "index": i, "words": 30 + i, "text": "كلمة " * (30 + i)} for i in range(12)]
    short = [{"paragraph": 1, "index": 0, "words": 22, "text": "قصيرة " * 22}]
    found = findings(audit, make_page(facts={"_long_sentences": long + short}))
    assert [f.message_key for f in found] == ["long"] * 10 + ["more"]
    assert found[0].data == {"words": 30, "paragraph": 1, "sentence": 1, "quote": "كلمة " * 11 + "كلمة \u2026", "max": 25}
    assert found[-1].data == {"count": 2, "max": 25}


def test_long_sentences_threshold_setting():
    audit = get_audit("long-sentences")
    page = make_page(facts={"_long_sentences": [{"paragraph": 0, "index": 0, "words": 22, "text": "word " * 22}]})
    assert findings(audit, page) == []
    assert len(findings(audit, page, make_site([page], settings={"max_sentence_words": 20}))) == 1


def test_long_paragraphs():
    audit = get_audit("long-paragraphs")
    page = make_page(text="short one\n\n" + "word " * 160 + "\n\nshort again")
    (f,) = findings(audit, page)
    assert f.data["paragraph"] == 2 and f.data["words"] == 160
    assert findings(audit, make_page(text="a b c\n\nd e f")) == []


def test_heading_structure_for_scanning():
    audit = get_audit("heading-structure-for-scanning")
    h1 = [{"level": 1, "text": "t"}]
    (none,) = findings(audit, make_page(word_count=800, headings=h1))
    assert none.message_key == "none"
    (sparse,) = findings(audit, make_page(word_count=800, headings=h1 + [{"level": 2, "text": "a"}]))
    assert sparse.message_key == "sparse" and sparse.data["per"] == 800
    ok = h1 + [{"level": 2, "text": str(i)} for i in range(3)]
    assert findings(audit, make_page(word_count=800, headings=ok)) == []
    assert findings(audit, make_page(word_count=200, headings=h1)) == []  # short text needs no subheadings
