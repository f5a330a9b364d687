"""Images whose box CSS fixes reserve their space, measured in Chromium."""

from auditor.browser.measure import measure_pages


def test_css_sized_images(site, chromium):
    (result,) = measure_pages([site + "/css_sized.html"], profile="desktop", timeout_s=10, executable_path=chromium)
    sized = {img["src"].rsplit("/", 1)[-1]: img["css_sized"] for img in result["images"]}
    assert sized == {"64x64.png": True, "160x90.png": True, "80x40.png": True, "200x90.png": True,
                     "300x200.png": False, "200x100.png": False, "50x50.png": False, "30x30.png": None}
