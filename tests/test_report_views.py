"""Parts of the HTML report an owner reads first: the journey view and the links beside it."""

import re

from reports import html
from tests.report_result import BASE, build_result


def _stage(page: str, stage: str) -> str:
    cols = re.findall(r'<div class="stage-col[^"]*">\s*<h3>(.*?)</h3>.*?<p class="count">(.*?)</p>', page, re.DOTALL)
    return dict((re.sub(r"<[^>]+>", "", h), re.sub(r"<[^>]+>", "", c)) for h, c in cols)[stage]


def test_a_journey_stage_no_audit_looks_at_is_not_measured_rather_than_clean():
    result = build_result()
    for audit in result["audits"].values():
        if "loyalty" in audit["journey"]:
            audit["score"] = None  # not applicable on this site
    page = html.render(result, "en")
    assert _stage(page, "loyalty") == "not measured"
    assert _stage(page, "awareness") == "3 failing audits"  # meta-description, title-length, html-lang
    assert "unmeasured" in re.search(r'<div class="stage-col[^"]*">\s*<h3>loyalty', page).group(0)


def test_the_report_links_to_the_full_result_beside_it():
    assert '<a href="result.json">' in html.render(build_result(), "en")


def test_readability_sorts_by_band_across_formulas():
    result = build_result()
    arabic, english = result["pages"][1], result["pages"][13]
    arabic["readability"].update(score=80.0, band="very easy")  # bands, not raw OSMAN and Flesch scores, compare
    page = html.render(result, "en")

    def value(url):
        row = re.search(r'<tr class="s2" data-item data-search="' + re.escape(url) + r'".*?</tr>', page, re.DOTALL).group(0)
        return float(re.findall(r'<td data-value="(-?[\d.]+)">', row)[2])  # status, depth, readability

    assert english["readability"]["band"] == "fairly easy"
    assert value(arabic["url"]) < value(english["url"])


def test_the_pages_table_counts_each_page_findings_and_sorts_by_them():
    result = build_result()
    page = html.render(result, "en")
    assert '<th scope="col" data-sort="num">Findings</th>' in page
    product = result["pages"][1]["url"]  # meta-description and broken-link
    row = re.search(r'<tr class="s2" data-item data-search="' + re.escape(product) + r'".*?</tr>', page, re.DOTALL).group(0)
    assert re.findall(r'<td data-value="(\d+)">', row)[-1] == "2"


def test_a_page_that_answered_but_was_not_audited_shows_why():
    result = build_result()
    result["pages"][2]["error"] = "audit pass: <b>took longer</b> than 120 s"
    page = html.render(result, "en")
    row = re.search(r'<tr class="s2" data-item data-search="' + re.escape(result["pages"][2]["url"]) + r'".*?</tr>', page, re.DOTALL).group(0)
    assert '<small class="page-error"><bdi>audit pass: &lt;b&gt;took longer&lt;/b&gt; than 120 s</bdi></small>' in row
    other = re.search(r'<tr class="s2" data-item data-search="' + re.escape(result["pages"][3]["url"]) + r'".*?</tr>', page, re.DOTALL).group(0)
    assert "page-error" not in other


def test_the_kind_of_site_names_how_many_pages_gave_each_sign():
    result = build_result()
    result["run"]["touchpoints"] = {"contact": {"count": 1, "urls": [BASE + "/contact"]}}
    result["run"]["site_kind"] = {"kind": "documentation", "assumed": False, "signals": [
        {"signal": "code blocks", "value": "85%", "url": BASE + "/elf/", "pages": 255},
        {"signal": "docs generator", "value": "mkdocs", "url": BASE + "/", "pages": 1}]}
    page = re.sub(r"\s+", " ", html.render(result, "en"))
    assert "Kind of site: documentation, from these signs:" in page
    assert re.search(r"code blocks: <bdi>85%</bdi> on <code[^>]*>/elf/</code> and <bdi>254</bdi> more pages", page)
    assert re.search(r"docs generator: <bdi>mkdocs</bdi> on <code[^>]*>/</code></span>", page)


def test_with_a_baseline_the_report_shows_what_changed(tmp_path):
    from auditor.ci.budgets import Budgets
    from auditor.ci.finish import finish

    old, new = build_result(), build_result()
    old["audits"]["html-lang"]["findings"] = []  # the html-lang finding is new since
    new["audits"]["meta-description"]["findings"] = new["audits"]["meta-description"]["findings"][:10]  # two fixed
    html.write(new, tmp_path / "report.html", "en")
    assert 'id="baseline"' not in (tmp_path / "report.html").read_text(encoding="utf-8")
    finish(new, tmp_path, budgets=Budgets(), baseline=old, report_lang="ar")
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page
    section = re.search(r'<section id="baseline".*?</section>', page, re.DOTALL).group(0)
    facts = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", section)
    assert [(t, re.sub(r"<[^>]+>", "", v)) for t, v in facts] == [
        ("ملاحظات جديدة", "1"), ("ملاحظات أُصلحت", "2"), ("ملاحظات باقية كما هي", "15")]
