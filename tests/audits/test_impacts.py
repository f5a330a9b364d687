"""Impact levels as the audits' cited sources weigh them."""

from auditor.audits import all_audits


def impacts() -> dict[str, str]:
    return {a.meta.id: a.meta.impact for a in all_audits()}


def test_critical_is_kept_for_what_stops_indexing_or_answers_an_error():
    assert {i for i, impact in impacts().items() if impact == "critical"} == {"http-status", "noindex", "spa-route-status"}


def test_calibrated_against_their_sources():
    found = impacts()
    assert found["input-direction"] == "moderate"  # W3C: dir="auto" on fields is advice
    assert found["html-dir"] == "serious"  # garbled order and alignment, still readable and indexed
    assert found["canonical"] == "serious"  # another host or an error page as canonical drops the page
    assert found["orphan-page"] == "serious"  # no link reaches it: no visitor, little crawl
