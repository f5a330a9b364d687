"""Page templates (layout first, URL pattern second) and the pages chosen to measure."""

from __future__ import annotations

from lxml import etree

from auditor.browser.sampling import group_pages
from auditor.gather.templates import assign, page_layout, url_pattern
from auditor.model import Image
from tests.factories import BASE, make_page
from tests.server import SITES

PARSER = etree.HTMLParser()
TEMPLATES_SITE = SITES / "templates"


def layout_of(path: str) -> str:
    root = etree.fromstring((TEMPLATES_SITE / path).read_bytes(), PARSER)
    return page_layout(root, root.get("lang"), root.get("dir"))[0]


def test_url_pattern_generalises_numbers_dates_and_the_last_segment():
    assert url_pattern("https://x.example/p/123.html") == "/p/*.html"
    assert url_pattern("https://x.example/blog/2024/05/post/") == "/blog/{date}/{n}/*/"
    assert url_pattern("https://x.example/guide/install/") == "/guide/*/"
    assert url_pattern("https://x.example/shop/") == "/*/"
    assert url_pattern("https://x.example/") == "/"
    assert url_pattern("https://x.example/list?page=3&sort=a") == "/*?page,sort"


def test_one_theme_under_several_prefixes_is_one_layout_whatever_the_content():
    docs = {layout_of(f"{p}/index.html") for p in
            ("guide/install", "guide/config", "guide/upgrade", "api/client", "api/server", "howto/backup")}
    assert docs == {layout_of("index.html")} == {layout_of("contact.html")}


def _listing(articles: int, description: bool = False) -> str:
    posts = "".join(f'<article class="post"><div class="markdown"><p>Post {i}</p></div><footer class="row">'
                    f'<div class="col"><a href="/p{i}">Read more</a></div></footer></article>' for i in range(articles))
    intro = "<header><h1>Tag</h1>" + ("<p>What this tag is about.</p>" if description else "") + "</header>"
    return (f'<html lang="en"><body><nav class="navbar"><a href="/">Home</a></nav><div class="main-wrapper">'
            f'<main class="col">{intro}{posts}</main></div><footer class="footer">f</footer></body></html>')


def test_lists_of_articles_are_one_layout_however_many_they_hold():
    # a blog's tag pages, a grid of cards with or without its description
    def key(html: str) -> str:
        return page_layout(etree.fromstring(html, PARSER), "en", "ltr")[0]

    lists = {key(_listing(n, description)) for n in (2, 5) for description in (False, True)}
    assert len(lists) == 1
    assert key(_listing(1)) not in lists  # a page of one article is that article's page


def _article_without_main(question: bool, sections: str, credit: bool) -> str:
    head = "<h2 id='question'>Question</h2><p class='question'>Why?</p>" if question else ""
    credits = "<p class='acknowledgements'>Thanks to many.</p>" if credit else ""
    return (f"<html lang='en'><body><header><nav id='main'><a href='/'>Home</a></nav><script>menu()</script></header>"
            f"<h1>Title</h1><div id='sidebar'><div id='audience'>For authors</div></div>{head}"
            f"<section id='answer'><h2>Answer</h2>{sections}</section><script>toc()</script>"
            f"<footer><address><p>By: An Author.</p>{credits}</address></footer></body></html>")


def test_a_page_without_main_is_its_skeleton_not_its_text():
    # articles written straight into <body>: their headings, paragraphs, sections and scripts vary
    def key(html: str) -> str:
        return page_layout(etree.fromstring(html, PARSER), "en", "ltr")[0]

    pages = {key(_article_without_main(question, sections, credit))
             for question, sections, credit in ((True, "<p>Short.</p>", False),
                                                (False, "<section><figure class='example'>x</figure></section>", True),
                                                (True, "<div class='sidenoteGroup'><aside>n</aside></div><ol><li>a</li></ol>", True))}
    assert len(pages) == 1
    sidebarless = _article_without_main(True, "<p>Short.</p>", False).replace("<div id='sidebar'><div id='audience'>For authors</div></div>", "")
    assert key(sidebarless) not in pages


def test_two_themes_under_one_prefix_are_two_layouts():
    assert layout_of("guide/landing/index.html") != layout_of("guide/install/index.html")


def test_flat_urls_of_distinct_layouts_are_apart():
    assert len({layout_of("about.html"), layout_of("pricing.html"), layout_of("blog/index.html")}) == 3


def test_an_arabic_page_and_its_english_twin_are_apart():
    arabic, english = layout_of("ar/guide/install/index.html"), layout_of("guide/install/index.html")
    assert arabic != english
    assert arabic.split()[1] == english.split()[1]  # one skeleton, two directions
    assert arabic.startswith("ar/rtl") and english.startswith("en/ltr")


def test_big_url_patterns_of_one_layout_become_templates_of_their_own():
    """A shop built on one theme: product and category pages apart, the few other pages together."""
    rows = [(f"{BASE}/p/{i}.html", "ar/rtl aaaa") for i in range(40)]
    rows += [(f"{BASE}/c/{i}/index.html", "ar/rtl aaaa") for i in range(12)]
    rows += [(f"{BASE}/{name}.html", "ar/rtl aaaa") for name in ("index", "about", "contact")]
    template_of = assign(rows)
    assert set(template_of.values()) == {"/p/*.html [ar/rtl aaaa]", "/c/{n}/*.html [ar/rtl aaaa]",
                                         "/*.html [ar/rtl aaaa]"}
    assert template_of[f"{BASE}/c/3/index.html"] == "/c/{n}/*.html [ar/rtl aaaa]"


def test_small_sections_of_one_layout_stay_one_template():
    rows = [(f"{BASE}/{section}/{page}/", "en/ltr bbbb") for section in ("guide", "api", "howto") for page in "abc"]
    assert set(assign(rows).values()) == {"/api/*/ \u2026 [en/ltr bbbb]"}


def test_a_template_has_the_same_name_whatever_order_the_crawl_fetched_its_pages_in():
    rows = [(f"{BASE}/", "en/ltr cccc"), (f"{BASE}/about.html", "en/ltr cccc"), (f"{BASE}/blog/", "en/ltr cccc")]
    assert assign(rows) == assign(rows[::-1]) == dict.fromkeys([url for url, _ in rows], "/ \u2026 [en/ltr cccc]")


def _page(path: str, template: str, **overrides):
    return make_page(path, template=template, **overrides)


def test_the_heaviest_and_a_typical_page_the_start_page_and_touchpoints_are_measured():
    sizes = [10_000 + 1_000 * i for i in range(9)]
    pages = [_page(f"/p/{i}.html", "/p/*.html [x]", bytes=size, images=[]) for i, size in enumerate(sizes)]
    pages += [_page("/index.html", "* [x]"), _page("/contact.html", "* [x]", title="اتصل بنا"),
              _page("/about.html", "* [x]"), make_page("/broken.html", status=404)]
    templates, template_of = group_pages(pages, [BASE + "/index.html"])
    products = templates["/p/*.html [x]"]
    assert products.pages == 9
    assert products.reasons == {BASE + "/p/8.html": "heaviest page", BASE + "/p/4.html": "typical page"}
    other = templates["* [x]"]
    assert other.reasons[BASE + "/index.html"] == "start page"
    assert other.reasons[BASE + "/contact.html"] == "customer touchpoint"
    assert BASE + "/broken.html" not in template_of


def test_a_layouts_twin_in_another_language_measures_its_typical_page():
    en = [_page(f"/docs/{i}", "/docs/* [en/ltr 4e9a8]", bytes=10_000 + 1_000 * i, images=[]) for i in range(5)]
    ar = [_page(f"/ar/docs/{i}", "/ar/docs/* [ar/rtl 4e9a8]", bytes=10_000 + 1_000 * i, images=[]) for i in range(3)]
    other = [_page(f"/ar/blog/{i}", "/ar/blog/* [ar/rtl 77aa1]", bytes=9_000 + i, images=[]) for i in range(3)]
    templates, _ = group_pages(en + ar + other, [])
    assert templates["/docs/* [en/ltr 4e9a8]"].reasons == {BASE + "/docs/4": "heaviest page", BASE + "/docs/2": "typical page"}
    assert templates["/ar/docs/* [ar/rtl 4e9a8]"].reasons == {BASE + "/ar/docs/1": "typical page"}
    assert len(templates["/ar/blog/* [ar/rtl 77aa1]"].sampled) == 2  # a layout of its own


def test_images_count_in_a_page_weight():
    pages = [_page("/a.html", "t", bytes=20_000, images=[]),
             _page("/b.html", "t", bytes=10_000, images=[Image(BASE + "/i.png")] * 3),
             _page("/c.html", "t", bytes=5_000, images=[])]
    templates, _ = group_pages(pages, [], per_template=1)
    assert templates["t"].sampled == [BASE + "/b.html"]


def test_templates_past_the_cap_are_listed_not_measured():
    pages = [_page(f"/t{i}/{j}.html", f"t{i}") for i in range(5) for j in range(5 - i)]
    templates, _ = group_pages(pages, [], max_templates=3)
    assert [t.measured for t in sorted(templates.values(), key=lambda t: t.key)] == [True, True, True, False, False]
    assert all(not t.sampled for t in templates.values() if not t.measured)
    assert templates["t4"].pages == 1


def test_a_page_without_a_declared_language_joins_its_siblings():
    rows = [(f"{BASE}/p/{i}.html", "ar/rtl aaaa") for i in range(20)] + [(f"{BASE}/p/x.html", "?/rtl aaaa")]
    rows += [(f"{BASE}/p/y.html", "?/ltr aaaa")]
    template_of = assign(rows)
    assert template_of[f"{BASE}/p/x.html"] == template_of[f"{BASE}/p/1.html"]
    assert template_of[f"{BASE}/p/y.html"] != template_of[f"{BASE}/p/1.html"]  # it renders left to right


def _shape(body: str) -> str:
    return page_layout(etree.fromstring(f"<html><body>{body}</body></html>", PARSER), "en", "ltr")[1]


def test_a_pages_content_shape_is_its_form_to_fill_and_its_list_of_links():
    header = '<header><form role="search" action="/search"><input name="q"></form></header>'
    cards = "".join(f'<li><a href="/p/{i}">Item {i}</a></li>' for i in range(24))
    assert _shape(header + "<main><h1>Guide</h1><p>Text and <a href='/x'>a link</a>.</p></main>") == ""
    assert _shape(header + '<main><h1>Kettle</h1><form action="/cart"><select name="size"></select>'
                           '<input type="number" name="qty"><button>Add to cart</button></form></main>') == "f"
    assert _shape(header + f"<main><h1>Kettles</h1><ul>{cards}</ul></main>") == "l"
    assert _shape(f'<main><form action="/search"><input type="search" name="q"></form><ul>{cards}</ul></main>') == "l"


def test_sections_of_articles_on_one_layout_are_one_template():
    """A documentation site of thirty sections: articles all, however many each holds;
    a section's index page lists its articles."""
    rows = [(f"{BASE}/{section}/{page}/", "ar/rtl dddd", "l" if page == 0 else "")
            for section in range(30) for page in range(12)]
    assert len(set(assign(rows).values())) == 1


def test_a_shops_pages_are_split_where_they_are_built_otherwise():
    """Product pages (a form to fill) are most of the layout; its category pages (a grid
    of links) and its blog posts (neither) are built otherwise."""
    rows = [(f"{BASE}/p/{i}.html", "ar/rtl aaaa", "f") for i in range(40)]
    rows += [(f"{BASE}/c/{i}/index.html", "ar/rtl aaaa", "l") for i in range(12)]
    rows += [(f"{BASE}/blog/{i}.html", "ar/rtl aaaa", "") for i in range(15)]
    rows += [(f"{BASE}/{name}.html", "ar/rtl aaaa", "") for name in ("index", "about", "contact")]
    template_of = assign(rows)
    assert set(template_of.values()) == {"/p/*.html \u2026 [ar/rtl aaaa]", "/c/{n}/*.html [ar/rtl aaaa]",
                                         "/blog/*.html [ar/rtl aaaa]"}
    assert template_of[f"{BASE}/about.html"] == template_of[f"{BASE}/p/3.html"]
