"""Result rows on disk: they read back like lists, and result.json streams them out."""

from __future__ import annotations

import json

import pytest

from auditor.result import read_result, write_result
from auditor.store.spill import Rows, Spill


def test_rows_read_back_in_order_like_a_list():
    spill = Spill()
    spill.add("pages", ({"url": f"/p{i}", "n": i} for i in range(10)))
    spill.add("seo", [{"url": "/p1", "message_key": "missing"}])
    spill.add("pages", [{"url": "/p10", "n": 10}])
    pages = spill.rows("pages")
    assert len(pages) == 11
    assert [p["n"] for p in pages] == list(range(11))
    assert pages[0] == {"url": "/p0", "n": 0}
    assert pages[-1]["url"] == "/p10"
    assert [p["n"] for p in pages[3:6]] == [3, 4, 5]
    assert [p["n"] for p in pages[::5]] == [0, 5, 10]
    assert pages[20:] == []
    assert spill.rows("seo") == [{"url": "/p1", "message_key": "missing"}]
    with pytest.raises(IndexError):
        pages[11]


def test_rows_of_a_kind_never_added_are_empty():
    rows = Spill().rows("nothing")
    assert len(rows) == 0 and not rows and list(rows) == [] and rows[:3] == []


def test_each_pass_reads_fresh_dicts():
    spill = Spill()
    spill.add("pages", [{"url": "/a"}])
    first = spill.rows("pages")[0]
    first["url"] = "changed"
    assert spill.rows("pages")[0]["url"] == "/a"


def test_write_result_streams_rows_as_valid_json(tmp_path):
    spill = Spill()
    hostile = '</script><b>"\u0627\u0644\u0633\u0644\u0627\u0645"\u202e'
    spill.add("pages", ({"url": f"/p{i}", "title": hostile} for i in range(3)))
    spill.add("image-alt", [{"url": "/p0", "message_key": "missing", "data": {"src": "/a.png"}}])
    result = {
        "schema_version": "1.0",
        "run": {"counts": {"urls": 3}, "empty": {}, "list": [1, {"a": None}]},
        "categories": {},
        "audits": {"image-alt": {"id": "image-alt", "findings": spill.rows("image-alt")},
                   "title": {"id": "title", "findings": spill.rows("title")}},
        "pages": spill.rows("pages"),
    }
    write_result(result, tmp_path / "result.json")
    back = read_result(tmp_path)
    assert back["pages"] == [{"url": f"/p{i}", "title": hostile} for i in range(3)]
    assert back["audits"]["image-alt"]["findings"] == [{"url": "/p0", "message_key": "missing", "data": {"src": "/a.png"}}]
    assert back["audits"]["title"]["findings"] == []
    assert back["run"] == {"counts": {"urls": 3}, "empty": {}, "list": [1, {"a": None}]}
    # one record per line: big results can be read with line tools
    lines = (tmp_path / "result.json").read_text(encoding="utf-8").splitlines()
    assert sum(1 for line in lines if line.lstrip().startswith('{"url": "/p') and '"title"' in line) == 3
    assert json.loads((tmp_path / "result.json").read_text(encoding="utf-8")) == back


def test_read_result_keeps_pages_and_findings_on_disk(tmp_path):
    pages = [{"url": f"/p{i}", "metrics": {"lcp": 1200.5 + i}, "h1": ["\u0642\u0647\u0648\u0629"]} for i in range(4)]
    findings = [{"url": "/p1", "message_key": "missing", "data": {"n": 2, "ratio": 0.25, "ok": False, "x": None}}]
    result = {"run": {"timings": {"crawl": 1.5}}, "audits": {"image-alt": {"id": "image-alt", "findings": findings}},
              "pages": pages, "diff": {"new": [{"url": "/p1"}]}}
    (tmp_path / "result.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    back = read_result(tmp_path / "result.json")
    assert isinstance(back["pages"], Rows) and isinstance(back["audits"]["image-alt"]["findings"], Rows)
    assert back == result  # numbers come back as int and float, not Decimal
    assert isinstance(back["pages"][0]["metrics"]["lcp"], float)


@pytest.mark.parametrize("text, error", [
    ('{"pages": [', "is not valid JSON"),
    ('{"run": {}}', "is not an audit result"),
    ("[1, 2]", "is not an audit result"),
])
def test_read_result_says_what_is_wrong_with_the_file(tmp_path, text, error):
    (tmp_path / "result.json").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=error):
        read_result(tmp_path)
