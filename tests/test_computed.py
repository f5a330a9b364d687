"""Computed artifacts: boilerplate, language and readability per page."""

from __future__ import annotations

from auditor.facts.computed import Computed, boilerplate_blocks, sample_by_section, section
from tests.factories import make_page

ARTICLE = (
    "تعد القهوة من أكثر المشروبات انتشارا في العالم العربي. يحرص الناس على تقديمها للضيوف في كل مناسبة. "
    "وتختلف طرق تحضيرها من بلد إلى آخر، لكن الكرم الذي تعبر عنه واحد. "
)


def pages_with(footer: str, n: int, section_path: str = "/p/") -> list:
    return [make_page(f"{section_path}{i}.html", text=f"{ARTICLE * (i % 3 + 1)} {i}\n\n{footer}") for i in range(n)]


def test_section_is_the_first_path_segment():
    assert section("https://x.example/p/1.html") == "p"
    assert section("https://x.example/about.html") == ""
    assert section("https://x.example/") == ""


def test_blocks_on_most_pages_of_a_section_are_boilerplate():
    pages = pages_with("جميع الحقوق محفوظة لمتجر القهوة", 10)
    boilerplate = boilerplate_blocks(pages)
    assert hash("جميع الحقوق محفوظة لمتجر القهوة") in boilerplate
    assert all(hash(p.text.split("\n\n")[0]) not in boilerplate for p in pages)


def test_a_post_shown_as_an_excerpt_on_listing_pages_keeps_its_text():
    # 18 pages in five sections: the post's opening lines are also on the home, tag,
    # category and archive pages (6 of 18), the footer on every page.
    footer = "Copyright 2025 Ehab's blog"
    post = "Hello, this is the third post about optimizers and a toy problem."
    urls = ["/", "/page/1/", "/posts/", "/tags/", "/tags/ml/", "/categories/", "/categories/ml/", "/about/"]
    urls += [f"/en/posts/p{i}/" for i in range(9)] + ["/search/"]
    pages = [make_page(url, text=f"Page {url} text\n\n{footer}") for url in urls]
    for page in pages[:5] + [pages[8]]:
        page.text = f"{page.text}\n\n{post}"
    boilerplate = boilerplate_blocks(pages)
    assert hash(footer) in boilerplate
    assert hash(post) not in boilerplate


def test_too_few_pages_make_no_boilerplate():
    assert boilerplate_blocks(pages_with("تذييل", 2)) == frozenset()


def test_sample_takes_a_bounded_number_per_section():
    urls = [f"https://x.example/p/{i}" for i in range(500)] + [f"https://x.example/blog/{i}" for i in range(5)]
    sample = sample_by_section(urls, per_section=100)
    assert len(sample) == 105 and sample[-1] == "https://x.example/blog/4"


def test_computed_strips_boilerplate_and_adds_language_and_readability():
    pages = pages_with("جميع الحقوق محفوظة لمتجر القهوة", 10)
    computed = Computed(boilerplate_blocks(pages))
    page = computed(pages[2])
    assert "جميع الحقوق" not in page.text
    assert page.facts["_repeated_text"] == "جميع الحقوق محفوظة لمتجر القهوة"  # for the placeholder audit
    assert page.word_count == len(page.text.split())
    assert page.facts["language"]["lang"] == "ar" and page.facts["language"]["rtl_share"] > 0.9
    r = page.facts["readability"]
    assert r["language"] == "ar" and r["formula"] == "osman" and r["band"] and r["sentences"] == 9


def test_english_page_uses_flesch_and_keeps_long_sentences():
    sentence = "This sentence keeps going with many small words so that it becomes far longer than anyone would like to read in one go today. "
    page = Computed()(make_page(lang="en", text=("Short one. " * 5 + sentence) * 3))
    assert page.facts["readability"]["formula"] == "flesch"
    assert page.facts["language"]["lang"] == "en"
    assert [s["words"] for s in page.facts["_long_sentences"]] == [24, 24, 24]


def test_non_html_pages_are_left_alone():
    page = make_page(status=404)
    assert Computed()(page).facts == {}


def test_a_long_list_of_names_between_commas_is_no_prose():
    from auditor.text import is_prose

    assert not is_prose("android_img , android_sparse , chrome_pak , cpio_old_le , gzip , elf , png , jpeg , gif , bmp , tga , wav")
    assert not is_prose("الرياض، جدة، الدمام، مكة، المدينة، أبها، تبوك، حائل، الطائف، نجران، جازان، الخبر")
    assert is_prose("We ship coffee, grinders, kettles and filters to every city in the kingdom within two days of the order")
    assert is_prose("Roast, grind, brew, serve.")  # a sentence: it ends one


def test_only_prose_is_scored_for_readability():
    # A list of course titles with their universities, as a CV page shows them: names,
    # not sentences. A reading score of it would only say "very difficult".
    courses = "\n\n".join(f"Certificate\n\nGenomics and Humanitarianism {i}\n\nUniversity of Illinois Urbana-Champaign"
                          f" — United States\n\nView Certificate" for i in range(40))
    listing = Computed()(make_page(lang="en", text="A curated record of professional development.\n\n" + courses))
    assert listing.word_count > 300 and listing.facts["readability"] is None
    prose = ("We help founders set up their companies. Our lawyers draft the contracts they sign. "
             "We answer within a day. ")
    mixed = Computed()(make_page(lang="en", text=f"Our services\n\n{prose * 4}\n\nView Certificate\n\n{courses}"))
    assert mixed.facts["readability"]["sentences"] == 12
