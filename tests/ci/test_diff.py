"""Comparing two hand-built results."""

from __future__ import annotations

from auditor.ci.diff import diff_results
from auditor.result import identity, origins
from reports import diff_text
from tests.ci.results import SITE, audit, failing, finding, page, result

PREVIEW = "https://pr-7.preview.example"


def test_identity_ignores_host_counts_and_wording():
    a = finding("/", "broken", SITE, target="/gone", status=404, text="Old offer")
    b = finding("/", "broken", PREVIEW, target="/gone", status=500, text="Old deal")
    assert identity("broken-link", a, origins(failing())) == identity("broken-link", b, origins(failing(PREVIEW)))
    assert identity("broken-link", a, ()) == ("broken-link", SITE + "/", "broken", (("target", SITE + "/gone"),))


def test_same_findings_on_another_host_are_unchanged():
    diff = diff_results(failing(), failing(PREVIEW))
    assert diff["totals"] == {"new": 0, "fixed": 0, "unchanged": 5}
    assert all(not e["new"] and not e["fixed"] for e in diff["audits"].values())


def test_new_fixed_and_score_changes():
    old = failing()
    new = failing(PREVIEW)
    new["audits"]["broken-link"]["findings"].pop(1)  # /faq fixed
    new["audits"]["broken-link"]["score"] = 0.75
    new["audits"]["image-alt"]["findings"].append(finding("/faq", "missing", PREVIEW, src="/img/b.png"))
    new["categories"]["navigation"]["score"] = 0.75
    diff = diff_results(old, new)
    assert diff["totals"] == {"new": 1, "fixed": 1, "unchanged": 4}
    assert [f["url"] for f in diff["audits"]["broken-link"]["fixed"]] == [SITE + "/faq"]
    assert [f["data"]["src"] for f in diff["audits"]["image-alt"]["new"]] == [PREVIEW + "/img/b.png"]
    assert diff["audits"]["broken-link"]["score"] == {"old": 0.5, "new": 0.75, "change": 0.25}
    assert diff["categories"]["navigation"] == {"title": "NAVIGATION", "old": 0.5, "new": 0.75, "change": 0.25}
    text = diff_text.text(diff)
    assert "broken-link: 0 new, 1 fixed, 1 unchanged; score 50 -> 75 +25" in text.splitlines()
    assert f"  new   {PREVIEW}/faq: An image has no alt attribute: {PREVIEW}/img/b.png" in text.splitlines()
    assert "| `broken-link` | 0 | 1 | 50 → 75 |" in diff_text.markdown(diff)


def test_repeated_identical_findings_count_each_time():
    one = finding("/", "missing", src="/a.png")
    old = result({"image-alt": audit("image-alt", 0.5, [one])}, [page("/")])
    new = result({"image-alt": audit("image-alt", 0.5, [one, dict(one)])}, [page("/")])
    assert diff_results(old, new)["totals"] == {"new": 1, "fixed": 0, "unchanged": 1}


def test_metric_changes_per_page_and_audits_only_one_run_has():
    old = failing()
    new = failing(PREVIEW)
    new["pages"][0]["metrics"]["lcp"] = 2000
    del new["audits"]["hreflang"]
    diff = diff_results(old, new)
    assert diff["metrics"] == [{"url": "/", "metric": "lcp", "old": 3100, "new": 2000, "change": -1100}]
    assert diff["audits"]["hreflang"]["status"] == "removed" and diff["audits"]["hreflang"]["new"] == []


def test_text_and_markdown_name_audits_only_one_run_has():
    old, new = failing(), failing(PREVIEW)
    del new["audits"]["hreflang"]
    del old["audits"]["image-alt"]
    diff = diff_results(old, new)
    lines = diff_text.text(diff).splitlines()
    assert "Audits only in the new run: image-alt" in lines
    assert "Audits only in the old run: hreflang" in lines
    markdown = diff_text.markdown(diff)
    assert "Audits only in the new run: `image-alt`." in markdown and "Audits only in the old run: `hreflang`." in markdown


def test_a_score_change_lost_in_rounding_is_not_printed():
    old, new = failing(), failing(PREVIEW)
    old["audits"]["broken-link"]["score"], new["audits"]["broken-link"]["score"] = 0.864, 0.856
    old["categories"]["navigation"]["score"], new["categories"]["navigation"]["score"] = 0.864, 0.856
    text = diff_text.text(diff_results(old, new))
    assert "86 ->   86 -1" not in text and "NAVIGATION" in text
    assert not any(line.startswith("broken-link:") for line in text.splitlines())
