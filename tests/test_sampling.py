"""Grouping pages into templates and choosing which to measure."""

from auditor.model import Form, Link
from auditor.browser.sampling import group_pages
from auditor.gather.templates import url_pattern
from tests.factories import BASE, make_page


def test_url_pattern_generalises_numbers_and_the_last_segment():
    assert url_pattern("https://x.example/p/123.html") == "/p/*"
    assert url_pattern("https://x.example/blog/2024/05/post") == "/blog/{n}/{n}/*"
    assert url_pattern("https://x.example/shop/") == "/shop/"
    assert url_pattern("https://x.example/about.html") == "/*"
    assert url_pattern("https://x.example/list?page=3&sort=a") == "/*?page,sort"


def test_templates_sample_a_few_pages_and_always_the_start_page_and_touchpoints():
    nav = [Link(BASE + "/", region="nav"), Link(BASE + "/x", region="footer")]
    pages = [make_page(f"/p/{i}.html", links=nav) for i in range(10)]
    pages += [make_page("/index.html", links=nav), make_page("/contact.html", links=nav, forms=[Form()]),
              make_page("/about.html", links=nav), make_page("/broken.html", status=404)]
    templates, template_of = group_pages(pages, [BASE + "/index.html"])
    products = templates["/p/* [footer+nav]"]
    assert products.pages == 10 and products.sampled == [BASE + "/p/0.html", BASE + "/p/1.html"]
    root = templates["/* [footer+nav]"]
    assert root.reasons == {BASE + "/index.html": "start page", BASE + "/about.html": "template sample"}
    assert templates["/* [footer+nav form]"].reasons == {BASE + "/contact.html": "customer touchpoint"}
    assert BASE + "/broken.html" not in template_of
    assert template_of[BASE + "/p/7.html"] == "/p/* [footer+nav]"
