"""Direction-sensitive declarations of stylesheets (auditor/gather/css_direction.py)."""

from __future__ import annotations

from auditor.gather.css_direction import analyse, matches

URL = "https://shop.example/style.css"


def found(css: str) -> list[tuple]:
    return [(i["kind"], i["line"], i["selector"], i["property"], i["value"], i["fix"]) for i in analyse(URL, css)]


def test_physical_declarations_with_their_logical_fix_and_line():
    css = ".price-old { margin-left: .5rem; }\n.badge { float: left; padding-right: 4px }\n.specs td { text-align: left; }\n"
    assert found(css) == [
        ("physical", 1, ".price-old", "margin-left", ".5rem", "margin-inline-start: .5rem"),
        ("physical", 2, ".badge", "float", "left", "float: inline-start"),
        ("physical", 2, ".badge", "padding-right", "4px", "padding-inline-end: 4px"),
        ("physical", 3, ".specs td", "text-align", "left", "text-align: start"),
    ]


def test_logical_and_symmetric_declarations_are_not_listed():
    css = (".a { margin-inline-start: 1rem; text-align: start; float: inline-end }\n"
           ".b { left: 0; right: 0; margin: 0 auto; padding: 1px 2px 3px 2px; clear: both; text-align: center }\n"
           ".c { border-radius: 4px; background-position: center; transform: translateX(0) }\n"
           ".navbar { position: fixed; top: 0; left: 0; width: 100% }\n.menu { position: absolute; right: 0; width: 100vw }\n"
           ".dark .btn { border-color: rgba(255, 255, 255, 0.15); padding: calc(1rem + 2px) 4px }\n"
           ".card { border-radius: calc(2px + 2px) calc(2px + 2px) 0 0 }\n")
    assert found(css) == []
    assert [i["selector"] for i in analyse(URL, ".drawer { left: 0; width: 80% }\n.tip { left: 4px; width: 100% }")] == [
        ".drawer", ".tip"]


def test_centring_at_50_percent_is_not_physical():
    # left: 50% with translate(-50%) centres a box from either side; mirrored to
    # inset-inline-start: 50% it would leave the middle in RTL
    css = (".icon::before { position: absolute; left: 50%; top: 50% }\n"
           ".icon::before { transform: translate(-50%, -50%) rotate(90deg) }\n"
           ".badge { position: absolute; right: 50%; transform: translateX(50%) }\n")
    assert found(css) == []
    nudged = analyse(URL, ".btn:hover span { transform: translateX(-4px) }\n.pop { left: 40% }")
    assert [(i["selector"], i["property"]) for i in nudged] == [(".btn:hover span", "transform"), (".pop", "left")]


def test_a_right_to_left_override_of_the_same_selector_clears_the_rule():
    css = (".a { margin-left: 8px }\n[dir=rtl] .a { margin-left: 0; margin-right: 8px }\n"
           ".b { float: left }\nhtml[dir=\"rtl\"] .b { float: right }\n"
           ".c { padding-left: 2px }\n.rtl .c { padding: 0 2px 0 0 }\n"
           ".d { left: 3px }\n.d:dir(rtl) { left: auto; right: 3px }\n"
           ".e { text-align: left }\n[dir=rtl] .other { text-align: right }\n")
    assert [(i[2], i[3]) for i in found(css)] == [(".e", "text-align")]


def test_a_large_shape_bleeding_past_its_box_is_decoration_but_a_bubbles_tail_is_not():
    css = (".hero::before { content: ''; position: absolute; width: 400px; height: 400px; top: -160px; right: -160px }\n"
           ".hero::after { position: absolute; width: 250px; height: 250px; bottom: -80px; left: -80px }\n"
           ".bubble::before { position: absolute; width: 0; height: 0; left: -8px; border: 8px solid transparent }\n"
           ".select::after { position: absolute; width: 120px; right: 12px }\n"
           ".panel { position: absolute; width: 400px; right: -160px }\n")
    assert [(i[2], i[3]) for i in found(css)] == [(".bubble::before", "left"), (".select::after", "right"),
                                                  (".panel", "right")]


def test_a_left_to_right_override_makes_the_plain_rule_the_right_to_left_one():
    # written right to left first (an Arabic site with English pages): the arrow nudges
    # left by default and right under [dir=ltr], so each direction has its own side
    css = (".btn:hover span, .link-arrow:hover span { transform: translateX(-4px) }\n"
           ":root[dir=\"ltr\"] .btn:hover span, :root[dir=\"ltr\"] .link-arrow:hover span { transform: translateX(4px) }\n"
           ".price { margin-right: 4px }\n.price:lang(en) { margin-right: 0; margin-left: 4px }\n"
           ".ltr .tag { float: left }\n.tag { float: right }\n"
           ".note { text-align: right }\n[dir=ltr] .other { text-align: left }\n")
    assert [(i[2], i[3]) for i in found(css)] == [(".note", "text-align")]


def test_rules_scoped_by_a_class_naming_a_right_to_left_language_are_left_out():
    # a bilingual page's Persian column, styled by its language class
    css = (".story-index__column--fa .story-index__list a { text-align: right }\n.story-index__mobile-fa { text-align: right }\n"
           ".lang-ar .price { margin-right: 4px }\n.arabic-menu { float: right }\n.persian p { padding-left: 2px }\n")
    assert found(css) == []
    # Font Awesome's .fa and a word merely ending in the letters are no language
    css = ".fa.fa-pull-left { float: left }\n.sidebar { float: left }\n.navbar-fa-icon { margin-left: 2px }\n"
    assert [i[2] for i in found(css)] == [".fa.fa-pull-left", ".sidebar", ".navbar-fa-icon"]


def test_asymmetric_shorthands_corners_offsets_and_nested_rules():
    css = (".m { margin: 0 10px 0 20px }\n.r { border-radius: 4px 0 0 4px }\n"
           ".bg { background-position: right 10px top }\n.t { transform: translateX(-20px) }\n"
           "@media (min-width: 40em) {\n  .n { border-left: 1px solid red }\n}\n")
    assert [(i[1], i[2], i[3], i[5]) for i in found(css)] == [
        (1, ".m", "margin", "margin-inline: 20px 10px"),
        (2, ".r", "border-radius", "border-start-start-radius: 4px; border-start-end-radius: 0; "
                                   "border-end-end-radius: 0; border-end-start-radius: 4px"),
        (3, ".bg", "background-position", "background-position mirrored under [dir=rtl] (or background-position-x: right ...)"),
        (4, ".t", "transform", "the opposite translateX under [dir=rtl], or translate with a logical custom property"),
        (6, ".n", "border-left", "border-inline-start: 1px solid red"),
    ]


def test_arabic_typography_and_direction_rules_are_listed_by_kind():
    css = "h1 { letter-spacing: .1em; font-style: italic }\nbody { direction: rtl }\nbdi { unicode-bidi: isolate }\n" \
          ".x { letter-spacing: normal; font-style: normal }\n:lang(en) h2 { letter-spacing: 2px }\n"
    assert [(i[0], i[2]) for i in found(css)] == [
        ("letter-spacing", "h1"), ("italic", "h1"), ("direction", "body"), ("unicode-bidi", "bdi")]


def test_each_rule_is_listed_once_however_many_selectors_it_has():
    items = analyse(URL, ".a, .b { margin-right: 1px }")
    assert [(i["selector"], i["property"]) for i in items] == [(".a, .b", "margin-right")]


def test_selector_subjects_match_elements_holding_arabic_text():
    keys = {"p", ".price", "p.price", "h2"}
    assert matches(".card p.price", keys)
    assert matches("main > h2:first-child", keys)
    assert not matches(".tagline", keys)
    assert not matches("span.price", keys)
