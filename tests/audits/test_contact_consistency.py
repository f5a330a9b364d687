"""contact-consistency: the phone, WhatsApp and e-mail values the site shows, compared across pages."""

from __future__ import annotations

from auditor.audits import get_audit
from auditor.facts.contact_facts import gather
from auditor.model import Link
from auditor.store.runs import Store
from auditor.text.contacts import page_contacts, phone_key
from tests.factories import BASE, make_page, make_site

AUDIT = get_audit("contact-consistency")


def test_one_number_written_three_ways_is_one_number():
    assert phone_key("+966 55 012 3456") == phone_key("00966550123456") == phone_key("055 012 3456") == "550123456"
    assert phone_key("٠٥٥٠١٢٣٤٥٦") == "550123456"  # Arabic-Indic digits
    assert phone_key("2016") is None


def test_contacts_come_from_links_and_text():
    found = page_contacts(
        ["tel:+966112345678", "mailto:Hello@Habba.example?subject=hi", "https://wa.me/966550123456", BASE + "/about"],
        "اتصل بنا على ‎+966 11 234 5678 أو راسلنا: sales@habba.example — منذ 2016، السعر 120 ر.س")
    assert found == {"phone": {"112345678": "+966112345678"}, "whatsapp": {"550123456": "966550123456"},
                     "email": {"hello@habba.example": "Hello@Habba.example", "sales@habba.example": "sales@habba.example"}}



def test_whatsapp_numbers_come_from_each_way_of_writing_the_link():
    hrefs = ["whatsapp://send?phone=966550123456", "https://api.whatsapp.com/send?phone=966550123457",
             "https://WA.me/966550123458", "https://web.whatsapp.com/send?phone=%2B966550123459"]
    assert sorted(page_contacts(hrefs, "")["whatsapp"]) == ["550123456", "550123457", "550123458", "550123459"]

def _site(**values):
    return make_site(contacts={kind: {key: {"shown": shown, "pages": [BASE + p for p in pages]}
                                      for key, (shown, pages) in v.items()} for kind, v in values.items()})


def test_two_numbers_never_shown_together_are_one_finding_listing_each_and_its_pages():
    site = _site(phone={"112345678": ("+966 11 234 5678", ["/", "/about", "/shop"]),
                        "112349999": ("+966 11 234 9999", ["/contact"])})
    found = list(AUDIT.check_site(site))
    assert [(f.url, f.message_key) for f in found] == [(BASE + "/contact", "differs")]
    data = found[0].data
    assert data["kind"] == "phone number"
    assert data["values"] == "+966 11 234 5678 (3), +966 11 234 9999 (1)"
    assert data["shown"] == {"+966 11 234 5678": [BASE + "/", BASE + "/about", BASE + "/shop"],
                             "+966 11 234 9999": [BASE + "/contact"]}
    assert AUDIT.site_score(site, found) < 1


def test_values_shown_together_on_a_page_are_two_channels_not_a_disagreement():
    site = _site(phone={"112345678": ("+966 11 234 5678", ["/", "/contact"]),
                        "112349999": ("+966 11 234 9999", ["/contact"])},  # sales and support, side by side
                 email={"a": ("hello@habba.example", ["/", "/contact"])})
    assert list(AUDIT.check_site(site)) == []


def test_each_kind_is_compared_on_its_own():
    site = _site(email={"hello@habba.example": ("hello@habba.example", ["/", "/about"]),
                        "info@habba.example": ("info@habba.example", ["/old-offer"])},
                 whatsapp={"550123456": ("966550123456", ["/", "/about", "/old-offer"])})
    assert [(f.data["kind"], f.url) for f in AUDIT.check_site(site)] == [("e-mail address", BASE + "/old-offer")]


def test_the_site_fact_is_gathered_from_every_stored_page(tmp_path):
    store = Store(tmp_path / "run.sqlite")
    store.add_page(make_page("/", links=[Link("tel:+966112345678")], text="اتصل بنا"))
    store.add_page(make_page("/about", text="هاتف: 011 234 5678"))
    store.add_page(make_page("/contact", text="هاتف: +966 11 234 9999"))
    store.commit()
    contacts = gather(store)["contacts"]
    store.close()
    assert {k: (v["shown"], v["pages"]) for k, v in contacts["phone"].items()} == {
        "112345678": ("+966112345678", [BASE + "/", BASE + "/about"]),
        "112349999": ("+966 11 234 9999", [BASE + "/contact"])}
    found = list(AUDIT.check_site(make_site(contacts=contacts)))
    assert [f.url for f in found] == [BASE + "/contact"]


def test_without_a_value_on_most_pages_different_values_are_different_contacts():
    # staff and mailing lists on a documentation site, or one number per branch page: no template value
    site = _site(email={"ishida@w3.example": ("ishida@w3.example", ["/about", "/team", "/history", "/roles"]),
                        "list@w3.example": ("list@w3.example", ["/discuss", "/news", "/archive"]),
                        "africa@w3.example": ("africa@w3.example", ["/africa"])},
                 phone={"122345678": ("012 234 5678", ["/jeddah"]), "112345678": ("011 234 5678", ["/riyadh"])})
    assert list(AUDIT.check_site(site)) == []
    # the same values, with the first shown by most pages that show any e-mail: the others are at odds
    site = _site(email={"ishida@w3.example": ("ishida@w3.example", ["/about", "/team", "/history", "/roles", "/x"]),
                        "list@w3.example": ("list@w3.example", ["/discuss", "/news", "/archive"])})
    assert [(f.url, f.data["values"]) for f in AUDIT.check_site(site)] == [
        (BASE + "/discuss", "ishida@w3.example (5), list@w3.example (3)")]


def test_a_value_shown_beside_the_main_one_is_another_channel_even_when_a_third_is_at_odds():
    site = _site(phone={"112345678": ("011 234 5678", ["/", "/about", "/contact", "/shop"]),
                        "112349999": ("011 234 9999", ["/contact"]),  # sales, beside the main number
                        "112340000": ("011 234 0000", ["/old-offer"])})
    assert [(f.url, f.data["values"]) for f in AUDIT.check_site(site)] == [
        (BASE + "/old-offer", "011 234 5678 (4), 011 234 0000 (1)")]


def test_an_isbn_is_no_phone_number_and_a_bracketed_area_code_is_shown_whole():
    found = page_contacts([], "See the book (ISBN 0-321-34693-9) or call (012) 345 6789.")
    assert found == {"phone": {"123456789": "(012) 345 6789"}}
