"""The contact details read from a page's text (auditor/text/contacts.py)."""

from auditor.text.contacts import page_contacts


def test_a_number_glued_to_a_word_or_a_plus_is_no_phone_number():
    text = "ref x0555123456 or a+966550123456 or 1+966550123456"
    assert page_contacts([], text) == {}


def test_numbers_at_the_start_end_and_inside_text_are_read():
    found = page_contacts([], "+966 55 012 3456 اتصل بنا على 0551112222.\n(011) 465-0000 ok 00966501234567")
    assert found == {"phone": {"550123456": "+966 55 012 3456", "551112222": "0551112222",
                               "114650000": "(011) 465-0000", "501234567": "00966501234567"}}


def test_arabic_indic_and_persian_digits_read_as_the_same_number():
    found = page_contacts(["tel:+966550123456"], "هاتف: ٠٥٥٠١٢٣٤٥٦ و ۰۵۵۱۱۱۲۲۲۲")
    # keyed by their Western digits, shown as the page writes them
    assert found == {"phone": {"550123456": "+966550123456", "551112222": "۰۵۵۱۱۱۲۲۲۲"}}


def test_email_addresses_only_where_an_at_sign_is():
    assert page_contacts([], "info at example.com") == {}
    assert page_contacts([], "راسلنا Info@Example.com") == {"email": {"info@example.com": "Info@Example.com"}}
