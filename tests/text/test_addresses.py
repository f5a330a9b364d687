"""Postal addresses compared as one address written several ways, in Arabic and English."""

import pytest

from auditor.text.addresses import group, is_address, numbers, same_address, shown

RIYADH_AR = "طريق الأمير محمد بن عبدالعزيز، حي السليمانية، الرياض 12241"
RIYADH_AR_DIGITS = "العنوان: طريق الأمير محمد بن عبد العزيز، السليمانية، الرياض ١٢٢٤١"
RIYADH_EN = "Prince Mohammed bin Abdulaziz Rd, Al Sulimaniyah, Riyadh 12241"
RIYADH_EN_BOX = "P.O. Box 8861, Riyadh 12241, Saudi Arabia"
JEDDAH_AR = "شارع التحلية، حي الروضة، جدة 23434"
JEDDAH_EN = "Tahlia Street, Al Rawdah, Jeddah 23434"


@pytest.mark.parametrize("a, b", [
    (RIYADH_AR, RIYADH_AR_DIGITS),  # Arabic-Indic digits, a label, spacing and the article
    (RIYADH_AR, RIYADH_EN),  # the Arabic and English writings share their postal code
    (RIYADH_EN, RIYADH_EN_BOX),  # one adds a P.O. box
    ("12 King Fahd Road, Olaya, Riyadh", "Riyadh, Olaya, King Fahd Rd 12"),  # order and abbreviations
    ("King Fahd Road, Al Olaya, Riyadh", "king fahd street, olaya, riyadh"),  # no numbers: the same words
])
def test_one_address_written_two_ways_is_one_address(a, b):
    assert same_address(a, b) is True


@pytest.mark.parametrize("a, b", [
    (RIYADH_AR, JEDDAH_AR),
    (RIYADH_EN, JEDDAH_EN),
    (RIYADH_AR, JEDDAH_EN),  # across scripts, by their numbers
    ("King Fahd Road, Olaya, Riyadh", "Tahlia Street, Rawdah, Jeddah"),
])
def test_two_addresses_are_two(a, b):
    assert same_address(a, b) is False


def test_two_scripts_without_numbers_cannot_be_compared():
    assert same_address("طريق الملك فهد، العليا، الرياض", "King Fahd Road, Olaya, Riyadh") is None


def test_numbers_read_arabic_indic_digits_and_ignore_single_digits():
    assert numbers("مبنى ٧٥٣٦، الرياض ١٢٢١١، الدور 2") == {"7536", "12211"}


def test_what_counts_as_an_address_and_how_it_is_shown():
    assert is_address(RIYADH_EN) and is_address("Riyadh 12241")
    assert not is_address("Contact us") and not is_address("Street 12")
    assert shown("Address:  King Fahd Rd,\n Riyadh") == "King Fahd Rd, Riyadh"
    assert len(shown("x" * 400)) == 160


def test_writings_group_under_the_first_of_their_address():
    texts = [RIYADH_AR, RIYADH_EN, JEDDAH_EN, RIYADH_EN_BOX, JEDDAH_AR, RIYADH_AR]
    assert group(texts) == {RIYADH_AR: RIYADH_AR, RIYADH_EN: RIYADH_AR, RIYADH_EN_BOX: RIYADH_AR,
                            JEDDAH_EN: JEDDAH_EN, JEDDAH_AR: JEDDAH_EN}
