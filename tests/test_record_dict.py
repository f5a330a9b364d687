"""A page record as the store keeps it: PageRecord.to_dict and from_dict."""

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from auditor.gather.extract import extract
from auditor.model import PageRecord

DEMO = Path(__file__).resolve().parents[1] / "auditor" / "demo" / "site"
PAGES = sorted(DEMO.rglob("*.html"))


@pytest.mark.parametrize("path", PAGES[:12], ids=lambda p: str(p.relative_to(DEMO)))
def test_to_dict_holds_every_fact_as_a_deep_copy_would(path):
    record = extract(PageRecord(url="http://127.0.0.1:8000/" + str(path.relative_to(DEMO)), status=200,
                                is_html=True, headers={"content-type": "text/html"}), path.read_bytes())
    record.facts["readability"] = {"score": 1.5, "counts": {"words": 3}}
    assert record.links and record.to_dict() == asdict(record)
    assert PageRecord.from_dict(json.loads(json.dumps(record.to_dict()))) == record


def test_to_dict_gives_parts_of_its_own():
    record = extract(PageRecord(url="http://127.0.0.1:8000/", status=200, is_html=True),
                     b'<html><body><a href="/a">a</a><img src="/i.png"><form><input name="q"></form></body></html>')
    data = record.to_dict()
    data["links"][0]["href"] = data["images"][0]["alt"] = "changed"
    data["forms"][0]["fields"].clear()
    assert record.links[0].href == "http://127.0.0.1:8000/a" and record.images[0].alt is None
    assert record.forms[0].fields
