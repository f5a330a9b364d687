"""Reading and checking auditor.toml / [tool.auditor]."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.audits import all_audits
from auditor.ci.budgets import AuditBudget, IgnoreRule
from auditor.ci.config import ConfigError, check_options, find, load, parse

ROOT = Path(__file__).resolve().parents[2]
AUDIT_IDS = {a.meta.id for a in all_audits()}


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_example_file_loads_and_its_options_are_valid():
    config = load(ROOT / "examples" / "auditor.toml", AUDIT_IDS)
    assert config.budgets.categories == {"seo": 0.9, "navigation": 0.8, "accessibility": 0.85}
    assert config.budgets.audits["broken-link"] == AuditBudget(max_findings=0)
    assert config.budgets.audits["document-title"] == AuditBudget(min_score=0.95)
    assert config.budgets.metrics == {"lcp": 2500, "cls": 0.1, "tbt": 300}
    assert config.budgets.ignore[0] == IgnoreRule("image-alt", config.budgets.ignore[0].reason, "/legacy/")
    assert config.budgets.ignore[1].url is None
    options = check_options(config.options, "example")
    assert options == {"max_pages": 500, "concurrency": 4, "exclude": ["/cart", "\\?sort="],
                       "fail_on": ["budgets"], "format": ["sarif", "junit", "markdown", "csv"]}


def test_auditor_toml_is_found_before_pyproject(tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.auditor]\nmax-pages = 3\n")
    assert find(None, tmp_path) == tmp_path / "pyproject.toml"
    assert load(find(None, tmp_path)).options == {"max_pages": 3}
    write(tmp_path, "auditor.toml", "max_pages = 7\n")
    assert find(None, tmp_path) == tmp_path / "auditor.toml"
    assert load(find(None, tmp_path)).options == {"max_pages": 7}


def test_pyproject_without_auditor_table_is_no_config(tmp_path):
    write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n")
    assert find(None, tmp_path) is None
    assert load(None).options == {} and not load(None).budgets.has_limits


def test_explicit_path_must_exist(tmp_path):
    with pytest.raises(ConfigError, match="config file not found: .*nope.toml"):
        find(str(tmp_path / "nope.toml"), tmp_path)


def test_pyproject_budgets_and_ignore_tables(tmp_path):
    path = write(tmp_path, "pyproject.toml", """
[tool.auditor]
fail-on = "budgets"
[tool.auditor.budgets]
audits."broken-link" = { max-findings = 2 }
[[tool.auditor.ignore]]
audit = "orphan-page"
url = "^https://shop/campaign/"
reason = "ad landing pages"
""")
    config = load(path, AUDIT_IDS)
    assert config.budgets.audits == {"broken-link": AuditBudget(max_findings=2)}
    assert config.budgets.ignore == (IgnoreRule("orphan-page", "ad landing pages", "^https://shop/campaign/"),)
    assert check_options(config.options, "x") == {"fail_on": ["budgets"]}


@pytest.mark.parametrize(("text", "message"), [
    ("[budgets]\ncategories = { sel = 0.9 }", "budgets.categories.sel: unknown category"),
    ("[budgets]\ncategories = { seo = 1.5 }", "budgets.categories.seo: must be a score between 0 and 1, not 1.5"),
    ("[budgets]\ncategories = { seo = true }", "budgets.categories.seo: must be a score"),
    ('[budgets]\naudits."broken-lnk" = { max_findings = 0 }', 'budgets.audits."broken-lnk": unknown audit id'),
    ('[budgets]\naudits."broken-link" = { max_findngs = 0 }', 'budgets.audits."broken-link".max_findngs: unknown key'),
    ('[budgets]\naudits."broken-link" = { max_findings = -1 }', 'budgets.audits."broken-link".max_findings: must be a whole number'),
    ('[budgets]\naudits."broken-link" = { max_findings = 1.5 }', 'budgets.audits."broken-link".max_findings: must be a whole number'),
    ('[budgets]\naudits."broken-link" = 3', 'budgets.audits."broken-link": must be a table'),
    ("[budgets]\nmetrics = { lcp = 'fast' }", "budgets.metrics.lcp: must be a number"),
    ("[budgets]\nmetrics = { lcpp = 2500 }", r"budgets.metrics.lcpp: unknown metric \(did you mean lcp\?\); one of ttfb, fcp, lcp, cls, tbt"),
    ("[budgets]\nmetrics = { LCP = 1 }", r"budgets.metrics.LCP: unknown metric \(did you mean lcp\?\)"),
    ("[budgets]\nmetrics = { speed = 1 }", r"budgets.metrics.speed: unknown metric; one of ttfb, fcp, lcp, cls, tbt, "),
    ("[budgets]\nmaximum = 3", "budgets.maximum: unknown key"),
    ('[[ignore]]\naudit = "image-alt"', r"ignore\[0\].reason: required"),
    ('[[ignore]]\naudit = "image-alt"\nreason = "  "', r"ignore\[0\].reason: required"),
    ('[[ignore]]\nreason = "x"', r"ignore\[0\].audit: required"),
    ('[[ignore]]\naudit = "image-alts"\nreason = "x"', r"ignore\[0\].audit: unknown audit id"),
    ('[[ignore]]\naudit = "image-alt"\nreason = "x"\nurl = "("', r"ignore\[0\].url: invalid regular expression"),
    ('[[ignore]]\naudit = "image-alt"\nreason = "x"\npath = "/a"', r"ignore\[0\].path: unknown key"),
    ("ignore = 3", "ignore: must be an array of tables"),
])
def test_bad_budgets_name_the_key(tmp_path, text, message):
    path = write(tmp_path, "auditor.toml", text)
    with pytest.raises(ConfigError, match=message):
        load(path, AUDIT_IDS)


def test_invalid_toml_is_reported(tmp_path):
    path = write(tmp_path, "auditor.toml", "max-pages = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load(path)


@pytest.mark.parametrize(("options", "message"), [
    ({"max_pagez": 3}, "max-pagez: unknown option"),
    ({"max_pages": "many"}, "max-pages: must be a whole number, not 'many'"),
    ({"max_pages": True}, "max-pages: must be a whole number"),
    ({"ignore_robots": "yes"}, "ignore-robots: must be true or false"),
    ({"fail_on": ["budget"]}, "fail-on: must be one of budgets, new, any, not 'budget'"),
    ({"delay": "1s"}, "delay: must be a number"),
    ({"config": "other.toml"}, "config: unknown option"),
])
def test_bad_options_name_the_key(options, message):
    with pytest.raises(ConfigError, match=message):
        check_options(options, "auditor.toml")


def test_option_values_are_taken_as_the_command_takes_them():
    options = parse({"max-pages": 5, "delay": 1, "sitemap": False, "include": "/blog/", "urls": ["https://a.example/"]}).options
    assert check_options(options, "x") == {
        "max_pages": 5, "delay": 1.0, "sitemap": False, "include": ["/blog/"], "urls": ["https://a.example/"]}
