"""The kind of site (shop, services, content, documentation) from several independent
signals: pages parsed by the real gatherer, stored in a real SQLite run store."""

from __future__ import annotations

from auditor.audits import get_audit
from auditor.facts.touchpoint_facts import gather
from auditor.gather.extract import extract
from auditor.model import PageRecord
from auditor.store.runs import Store
from auditor.text.site_kind import decide, page_signals
from tests.factories import make_page, make_site

BASE = "https://site.example"

PRODUCT_LD = """<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
 {"@type": ["Product"], "name": "Coffee", "offers": {"@type": "Offer", "price": "75", "priceCurrency": "SAR"}}]}
</script>"""
MKDOCS_HEAD = '<meta name="generator" content="mkdocs-1.5.3, mkdocs-material-9.4.6">'
CODE = "<pre><code>" + "pip install example-tool\nexample-tool --serve --port 8000\n" * 6 + "</code></pre>"


def parse(path: str, body: str, head: str = "") -> PageRecord:
    html = f"<!doctype html><html lang='en'><head><title>{path}</title>{head}</head><body><main>{body}</main></body></html>"
    return extract(PageRecord(url=BASE + path, status=200, is_html=True), html.encode())


def store_of(tmp_path, *pages: PageRecord) -> Store:
    store = Store(tmp_path / "run.sqlite")
    for p in pages:
        store.add_page(p)
    store.commit()
    return store


def test_product_markup_in_json_ld_and_microdata_is_read_by_the_gatherer():
    ld = parse("/p", "<p>Coffee</p>", PRODUCT_LD)
    assert ld.facts["kind"]["types"] == ["Offer", "Product", "WebPage"]
    micro = parse("/m", '<div itemscope itemtype="http://schema.org/Offer"><span itemprop="price">75</span></div>')
    assert page_signals(micro.to_dict()) == {"product markup": "Offer"}
    broken = parse("/b", "<p>Text</p>", '<script type="application/ld+json">{"@type": "Product",</script>')
    assert "kind" not in broken.facts  # broken JSON-LD declares nothing


def test_offers_of_a_service_are_no_product_markup():
    # an insulation contractor's home page: a LocalBusiness whose catalogue offers services
    services = parse("/", "<p>Roof insulation</p>", """<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "LocalBusiness", "name": "Icon", "hasOfferCatalog": {"@type": "OfferCatalog",
 "itemListElement": [{"@type": "Offer", "itemOffered": {"@type": "Service", "name": "Roof insulation"}}]}}</script>""")
    assert page_signals(services.to_dict()) == {"service markup": "LocalBusiness"}
    # a product's offer beside the shop's own LocalBusiness still sells goods
    shop = parse("/p", "<p>Coffee</p>", PRODUCT_LD.replace('{"@type": "WebPage"}', '{"@type": "LocalBusiness"}'))
    assert page_signals(shop.to_dict()) == {"product markup": "Offer", "service markup": "LocalBusiness"}


def test_a_docs_generator_and_code_heavy_pages_are_documentation_signals():
    page = parse("/guide/", "<p>Install the tool, then serve it.</p>" + CODE, MKDOCS_HEAD)
    signals = page_signals(page.to_dict())
    assert signals["docs generator"].startswith("mkdocs-1.5.3")
    assert signals["code blocks"].endswith("%") and int(signals["code blocks"][:-1]) > 50
    assert page.facts["kind"]["code_words"] == 6 * (3 + 4)  # the listing's words; the prose's are not code
    prose = parse("/post/", "<p>" + "A long essay about coffee and its history. " * 20 + "</p><code>x</code>")
    assert page_signals(prose.to_dict()) == {}  # one inline code word is no reference page


def test_one_word_in_one_article_does_not_make_a_shop():
    found = {"cart words": {"value": "checkout", "url": BASE + "/guide/payments/"}}
    assert decide(found) == {"kind": "content", "assumed": True, "signals": [
        {"signal": "cart words", "value": "checkout", "url": BASE + "/guide/payments/", "pages": 1}]}


def test_a_sign_on_many_of_the_pages_weighs_as_much_as_a_declaration():
    # a format gallery: code listings on most pages, "checkout" in one of them
    found = {"code blocks": {"value": "85%", "url": BASE + "/elf/", "pages": 255},
             "cart words": {"value": "checkout", "url": BASE + "/btrfs/", "pages": 1}}
    assert decide(found, looked=300)["kind"] == "documentation"
    assert decide(found, looked=300)["signals"] == [{"signal": "code blocks", "value": "85%", "url": BASE + "/elf/",
                                                     "pages": 255}]
    few = {"code blocks": {"value": "85%", "url": BASE + "/elf/", "pages": 40}}
    assert decide(few, looked=300)["assumed"]  # 40 of 300 pages: a sign, not the site's kind
    small = {"price": {"value": "SAR", "url": BASE + "/p/1", "pages": 2}}
    assert decide(small, looked=4)["assumed"]  # a sign on 2 pages is 2 pages, however small the site


def test_a_documentation_site_that_mentions_checkout_and_prices_is_documentation(tmp_path):
    store = store_of(
        tmp_path,
        parse("/", "<p>Welcome to the docs.</p>" + CODE, MKDOCS_HEAD),
        parse("/guide/payments/", "<p>Proceed to checkout costs $5 per call on the paid plan.</p>", MKDOCS_HEAD),
    )
    kind = gather(store)["site_kind"]
    store.close()
    assert (kind["kind"], kind["assumed"]) == ("documentation", False)
    assert [(s["signal"], s["url"].removeprefix(BASE)) for s in kind["signals"]] == [
        ("docs generator", "/"), ("code blocks", "/")]


def test_product_markup_with_a_price_is_a_shop_and_its_signals_come_from_their_pages(tmp_path):
    store = store_of(
        tmp_path,
        parse("/", '<p>Specialty coffee</p><a href="/checkout">Checkout</a>'),
        parse("/p/1", "<p>Ethiopian coffee, 75 SAR</p>", PRODUCT_LD),
    )
    kind = gather(store)["site_kind"]
    store.close()
    assert (kind["kind"], kind["assumed"]) == ("shop", False)
    assert [(s["signal"], s["value"], s["url"].removeprefix(BASE)) for s in kind["signals"]] == [
        ("product markup", "Offer", "/p/1"), ("price", "SAR", "/p/1"),
        ("cart words", "checkout", "/"), ("cart link", "checkout", "/")]


def test_service_markup_makes_a_services_site():
    found = {"service markup": {"value": "ProfessionalService", "url": BASE + "/"},
             "feed": {"value": "RSS/Atom", "url": BASE + "/blog/"}}
    assert decide(found)["kind"] == "services"


def test_a_business_declared_on_the_start_page_is_not_outweighed_by_its_blog():
    blog = {"article markup": {"value": "Blog", "url": BASE + "/blog/", "pages": 30},
            "feed": {"value": "RSS/Atom", "url": BASE + "/blog/", "pages": 20}}
    business = {"value": "LocalBusiness", "url": BASE + "/", "pages": 1}
    assert decide({**blog, "service markup": {**business, "start_page": True}}, 73)["kind"] == "services"
    assert decide({**blog, "service markup": business}, 73)["kind"] == "content"  # a page deep in the site
    # only declarations count twice there: a price on the home page is one sign
    price = {"value": "SAR", "url": BASE + "/", "pages": 1, "start_page": True}
    assert decide({"price": price}, 73) == {"kind": "content", "assumed": True, "signals": [
        {"signal": "price", "value": "SAR", "url": BASE + "/", "pages": 1, "start_page": True}]}


def test_touchpoint_coverage_asks_documentation_for_no_returns_shipping_or_terms():
    coverage = get_audit("touchpoint-coverage")
    touchpoints = {"contact": [BASE + "/contact"], "privacy": [BASE + "/privacy"], "faq": [BASE + "/faq"]}
    docs = {"kind": "documentation", "assumed": False,
            "signals": [{"signal": "docs generator", "value": "mkdocs", "url": BASE + "/"}]}
    site = make_site([make_page()], touchpoints=touchpoints, site_kind=docs)
    assert list(coverage.check_site(site)) == []
    shop = {"kind": "shop", "assumed": False, "signals": [{"signal": "price", "value": "SAR", "url": BASE + "/p"}]}
    site = make_site([make_page()], touchpoints=touchpoints, site_kind=shop)
    assert [f.data["kind"] for f in coverage.check_site(site)] == ["returns", "shipping", "terms"]
