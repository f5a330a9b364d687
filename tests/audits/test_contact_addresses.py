"""contact-consistency on postal addresses: schema.org PostalAddress and <address> elements,
one address written several ways (in Arabic and English) counts once, two disagree."""

from __future__ import annotations

import json

from auditor.audits import get_audit
from auditor.facts.contact_facts import gather
from auditor.gather.extract import extract
from auditor.model import PageRecord
from auditor.store.runs import Store
from tests.factories import BASE, make_site

AUDIT = get_audit("contact-consistency")
LD = {"@context": "https://schema.org", "@type": "CafeOrCoffeeShop", "name": "محمصة حبّة",
      "address": {"@type": "PostalAddress", "streetAddress": "طريق الأمير محمد بن عبدالعزيز، حي السليمانية",
                  "addressLocality": "الرياض", "postalCode": "12241", "addressCountry": "SA"}}
EN_ADDRESS = ("<address>Habba Roastery<br>Prince Mohammed bin Abdulaziz Rd, Al Sulimaniyah<br>Riyadh 12241"
              "<br>+966 11 234 5678 · hello@habba.example</address>")
OLD_ADDRESS = "<address>العنوان: شارع التحلية، حي الروضة، جدة ٢٣٤٣٤</address>"
MICRODATA = ('<div itemscope itemtype="https://schema.org/PostalAddress"><span itemprop="streetAddress">Tahlia Street'
             '</span>, <span itemprop="addressLocality">Jeddah</span> <meta itemprop="postalCode" content="23434"></div>')


def _page(path: str, body: str, head: str = "") -> PageRecord:
    html = f"<!doctype html><html><head><title>t</title>{head}</head><body><main>{body}</main></body></html>"
    record = PageRecord(url=BASE + path, status=200, is_html=True, content_type="text/html")
    return extract(record, html.encode(), "text/html; charset=utf-8")


def _ld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def test_addresses_are_read_from_json_ld_microdata_and_address_elements_without_phones_or_emails():
    assert _page("/", "<p>أهلاً</p>", _ld(LD)).facts["addresses"] == [
        {"text": "طريق الأمير محمد بن عبدالعزيز, حي السليمانية, الرياض, 12241, SA", "source": "schema.org"}]
    assert _page("/en/", EN_ADDRESS).facts["addresses"] == [
        {"text": "Habba Roastery Prince Mohammed bin Abdulaziz Rd, Al Sulimaniyah Riyadh 12241", "source": "address"}]
    assert _page("/jeddah", MICRODATA).facts["addresses"] == [
        {"text": "Tahlia Street, Jeddah, 23434", "source": "schema.org"}]
    assert "addresses" not in _page("/x", "<address><a href='mailto:a@b.example'>a@b.example</a></address>").facts


def _gathered(tmp_path, *pages: PageRecord) -> dict:
    store = Store(tmp_path / "run.sqlite")
    for page in pages:
        store.add_page(page)
    store.commit()
    contacts = gather(store)["contacts"]
    store.close()
    return contacts


def test_one_address_in_arabic_and_english_on_different_pages_is_no_finding(tmp_path):
    contacts = _gathered(tmp_path, _page("/", "<p>أهلاً</p>", _ld(LD)), _page("/en/", EN_ADDRESS),
                         _page("/contact", "<address>العنوان: طريق الأمير محمد بن عبد العزيز، الرياض ١٢٢٤١</address>"))
    assert [v["pages"] for v in contacts["address"].values()] == [[BASE + "/", BASE + "/contact", BASE + "/en/"]]
    assert list(AUDIT.check_site(make_site(contacts=contacts))) == []


def test_a_former_address_left_on_some_pages_is_one_finding_listing_each_address_and_its_pages(tmp_path):
    contacts = _gathered(tmp_path, _page("/", "<p>أهلاً</p>", _ld(LD)), _page("/en/", EN_ADDRESS),
                         _page("/contact", "", _ld(LD)), _page("/about", OLD_ADDRESS), _page("/en/about", MICRODATA))
    found = list(AUDIT.check_site(make_site(contacts=contacts)))
    assert [(f.url, f.message_key, f.data["kind"]) for f in found] == [(BASE + "/about", "differs", "postal address")]
    riyadh = "طريق الأمير محمد بن عبدالعزيز, حي السليمانية, الرياض, 12241, SA"
    jeddah = "شارع التحلية, حي الروضة, جدة ٢٣٤٣٤"
    assert found[0].data["shown"] == {riyadh: [BASE + "/", BASE + "/contact", BASE + "/en/"],
                                      jeddah: [BASE + "/about", BASE + "/en/about"]}
    assert found[0].data["values"] == f"{riyadh} (3), {jeddah} (2)"


def test_two_branches_shown_together_are_two_addresses_not_a_disagreement(tmp_path):
    contacts = _gathered(tmp_path, _page("/", EN_ADDRESS + MICRODATA), _page("/en/", EN_ADDRESS))
    assert len(contacts["address"]) == 2
    assert list(AUDIT.check_site(make_site(contacts=contacts))) == []


def test_addresses_in_two_scripts_without_numbers_never_disagree():
    site = make_site(contacts={"address": {
        "a": {"shown": "طريق الملك فهد، العليا، الرياض", "pages": [BASE + "/"]},
        "b": {"shown": "King Fahd Road, Olaya, Riyadh", "pages": [BASE + "/en/"]}}})
    assert list(AUDIT.check_site(site)) == []


def test_an_address_element_naming_no_place_is_a_byline_not_a_postal_address():
    assert "addresses" not in _page("/a", "<footer><address>By: Richard Ishida, W3C.</address></footer>").facts
    assert "addresses" not in _page("/b", "<address>Riyadh, Saudi Arabia</address>").facts
    assert _page("/c", "<address>شارع التحلية، حي الروضة، جدة</address>").facts["addresses"] == [
        {"text": "شارع التحلية, حي الروضة, جدة", "source": "address"}]


def test_a_hebrew_and_an_english_writing_without_numbers_never_disagree():
    site = make_site(contacts={"address": {
        "a": {"shown": "Tel Aviv, IL", "pages": [BASE + "/", BASE + "/cv"]},
        "b": {"shown": "תל אביב, IL", "pages": [BASE + "/he"]}}})
    assert list(AUDIT.check_site(site)) == []
