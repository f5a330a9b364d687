"""The arithmetic behind the metrics, on hand-made inputs."""

import json

import pytest

from auditor.browser.metrics import (
    byte_totals,
    median_index,
    same_site,
    total_blocking_time,
)
from auditor.browser.profiles import DESKTOP, MOBILE, get_profile
from auditor.browser.runs import combine_runs


def test_tbt_counts_only_the_excess_over_50ms_after_fcp():
    tasks = [
        {"start": 100, "duration": 40},   # short: nothing
        {"start": 200, "duration": 300},  # 250 blocking
        {"start": 900, "duration": 120},  # 70 blocking
    ]
    assert total_blocking_time(tasks, fcp=150, end=5000) == pytest.approx(320)


def test_tbt_clips_a_task_straddling_fcp_and_needs_a_paint():
    tasks = [{"start": 0, "duration": 200}]
    assert total_blocking_time(tasks, fcp=100, end=5000) == pytest.approx(50)
    assert total_blocking_time(tasks, fcp=None, end=5000) == 0


def test_same_site_ignores_www_and_accepts_subdomains():
    assert same_site("https://www.example.com/a", "http://example.com/b")
    assert same_site("https://shop.example.com/", "https://example.com/")
    assert not same_site("https://example.com/", "https://example.org/")
    assert not same_site("http://127.0.0.1:8000/", "http://localhost:8000/")


def test_byte_totals_by_kind_and_third_party():
    resources = [
        {"url": "https://a.test/", "type": "document", "transfer_bytes": 1000},
        {"url": "https://a.test/app.js", "type": "script", "transfer_bytes": 300},
        {"url": "https://cdn.other.test/lib.js", "type": "script", "transfer_bytes": 200},
        {"url": "https://a.test/x.png", "type": "image", "transfer_bytes": 50},
    ]
    totals = byte_totals(resources, "https://a.test/")
    assert totals == {"transfer_bytes": 1550, "requests": 4, "js_bytes": 500, "image_bytes": 50,
                      "css_bytes": 0, "font_bytes": 0, "third_party_bytes": 200}


def test_median_index_picks_a_measured_value():
    assert median_index([300, 100, 200]) == 2
    assert median_index([4, 1, 3, 2]) == 3  # lower median of an even count: the value 2


def test_profiles_match_lighthouse_devtools_throttling():
    assert get_profile("mobile") is MOBILE
    conditions = MOBILE.network_conditions()
    assert conditions["latency"] == pytest.approx(562.5)
    assert conditions["downloadThroughput"] == pytest.approx(1474.56 * 1024 / 8)
    assert conditions["uploadThroughput"] == pytest.approx(675 * 1024 / 8)
    assert MOBILE.cpu_slowdown == 4
    assert (MOBILE.viewport_width, MOBILE.viewport_height, MOBILE.device_scale_factor) == (412, 823, 1.75)
    assert not DESKTOP.throttles_network and DESKTOP.cpu_slowdown == 1
    assert (DESKTOP.viewport_width, DESKTOP.viewport_height) == (1350, 940)
    assert "Mobile" in MOBILE.context_options("140.0.1")["user_agent"]
    with pytest.raises(ValueError):
        get_profile("tablet")


def _run(lcp, fcp, error=None, extras=False):
    return {"final_url": "https://a.test/", "status": 200, "error": error, "extras": extras,
            "metrics": {"lcp": lcp, "fcp": fcp}, "lcp_element": {"selector": f"#lcp{lcp}"},
            "axe": [] if extras else None}


def test_combine_runs_takes_each_metric_median_and_names_its_run():
    runs = [_run(300, 90, extras=True), _run(100, 110), _run(200, 100)]
    result = combine_runs("https://a.test/", "desktop", runs)
    assert result["metrics"] == {"lcp": 200, "fcp": 100}
    assert result["metric_runs"] == {"lcp": 2, "fcp": 2}
    assert result["median_run"] == 2 and result["lcp_element"] == {"selector": "#lcp200"}
    assert result["axe"] == []  # extras come from the run that did them
    json.dumps(result)


def test_combine_runs_skips_failed_runs_and_reports_total_failure():
    runs = [_run(300, 90, error="timeout"), _run(100, 110)]
    result = combine_runs("https://a.test/", "desktop", runs)
    assert result["error"] is None and result["metrics"]["lcp"] == 100
    assert result["run_errors"] == ["timeout", None]
    failed = combine_runs("https://a.test/", "desktop", [_run(1, 1, error="page crashed")])
    assert failed["error"] == "page crashed" and failed["metrics"] == {}


def test_a_measured_page_carries_exactly_the_metrics_budgets_may_name():
    from auditor.browser.network import NetworkLog
    from auditor.browser.page_run import _fill_metrics
    from auditor.model import METRICS

    out = {"final_url": "http://127.0.0.1/", "warnings": []}
    _fill_metrics(out, {}, {}, [], NetworkLog())
    assert tuple(out["metrics"]) == METRICS


def test_throttling_numbers_are_written_once():
    """The browser applies, and the speed audits estimate with, the same lab profile numbers."""
    import re
    from pathlib import Path

    from auditor.audits.speed import DEVICE_PIXEL_RATIO, NETWORK
    from auditor.browser.profiles import PROFILES

    assert NETWORK["mobile"]["latency_ms"] == MOBILE.network_conditions()["latency"]
    assert NETWORK["mobile"]["download_bytes_per_ms"] == pytest.approx(MOBILE.network_conditions()["downloadThroughput"] / 1000)
    assert DEVICE_PIXEL_RATIO == {name: p.device_scale_factor for name, p in PROFILES.items()}
    root = Path(__file__).resolve().parents[2] / "auditor"
    written = [p.relative_to(root).as_posix() for p in root.rglob("*.py")
               if re.search(r"\b(562\.5|3\.75|1474\.56|675)\b|\b1\.6 \* 1024", p.read_text(encoding="utf-8"))]
    assert written == ["options.py"], written
