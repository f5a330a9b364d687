"""The audit's settings file: `auditor.toml`, or `[tool.auditor]` in pyproject.toml.

Top-level keys are the `audit` command's options (dashes or underscores); the
`[budgets]` table and `[[ignore]]` rules say when a run fails a CI gate.
Everything is checked, and an error names the bad key.
"""

from __future__ import annotations

import difflib
import math
import re
import sys
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from auditor.audits.base import CATEGORIES
from auditor.ci.budgets import AuditBudget, Budgets, IgnoreRule
from auditor.model import METRICS
from auditor.options import from_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FILE_NAME = "auditor.toml"
TABLES = ("budgets", "ignore")


class ConfigError(Exception):
    pass


@dataclass
class Config:
    path: Path | None = None
    options: dict = field(default_factory=dict)  # option dest (underscores) -> value as written
    budgets: Budgets = field(default_factory=Budgets)


def find(explicit: str | None, cwd: Path) -> Path | None:
    """The file to read: --config PATH, else ./auditor.toml, else ./pyproject.toml with [tool.auditor]."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"config file not found: {explicit}")
        return path
    if (cwd / FILE_NAME).is_file():
        return cwd / FILE_NAME
    pyproject = cwd / "pyproject.toml"
    if pyproject.is_file() and "auditor" in (_read_toml(pyproject).get("tool") or {}):
        return pyproject
    return None


def load(path: Path | None, audit_ids: Collection[str] | None = None) -> Config:
    """Read and check a settings file; no file means no settings."""
    if path is None:
        return Config()
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = (data.get("tool") or {}).get("auditor")
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: no [tool.auditor] table")
    return parse(data, str(path), audit_ids)


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def parse(data: dict, source: str = FILE_NAME, audit_ids: Collection[str] | None = None) -> Config:
    options = {_dest(k): v for k, v in data.items() if k not in TABLES}
    budgets = _budgets(data.get("budgets", {}), source, audit_ids)
    ignore = _ignore(data.get("ignore", []), source, audit_ids)
    return Config(Path(source), options, Budgets(budgets.categories, budgets.audits, budgets.metrics, ignore))


def _dest(key: str) -> str:
    return key.replace("-", "_")


def _fail(source: str, key: str, problem: str) -> ConfigError:
    return ConfigError(f"{source}: {key}: {problem}")


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _score(value, source: str, key: str) -> float:
    if not _is_number(value) or not 0 <= value <= 1:
        raise _fail(source, key, f"must be a score between 0 and 1, not {value!r}")
    return float(value)


def _budgets(table, source: str, audit_ids) -> Budgets:
    if not isinstance(table, dict):
        raise _fail(source, "budgets", "must be a table")
    for key in table:
        if key not in ("categories", "audits", "metrics"):
            raise _fail(source, f"budgets.{key}", "unknown key (expected categories, audits or metrics)")
    categories = {}
    for cat, value in _table(table, "categories", source).items():
        if cat not in CATEGORIES:
            raise _fail(source, f"budgets.categories.{cat}", f"unknown category (one of {', '.join(CATEGORIES)})")
        categories[cat] = _score(value, source, f"budgets.categories.{cat}")
    audits = {}
    for audit_id, limits in _table(table, "audits", source).items():
        key = f'budgets.audits."{audit_id}"'
        _known_audit(audit_id, audit_ids, source, key)
        if not isinstance(limits, dict) or not limits:
            raise _fail(source, key, "must be a table such as { max_findings = 0 } or { min_score = 0.9 }")
        for name in limits:
            if _dest(name) not in ("min_score", "max_findings"):
                raise _fail(source, f"{key}.{name}", "unknown key (expected min_score or max_findings)")
        limits = {_dest(k): v for k, v in limits.items()}
        min_score = limits.get("min_score")
        max_findings = limits.get("max_findings")
        if min_score is not None:
            min_score = _score(min_score, source, f"{key}.min_score")
        if max_findings is not None and (not isinstance(max_findings, int) or isinstance(max_findings, bool) or max_findings < 0):
            raise _fail(source, f"{key}.max_findings", f"must be a whole number of findings (0 or more), not {max_findings!r}")
        audits[audit_id] = AuditBudget(min_score, max_findings)
    metrics = {}
    for name, limit in _table(table, "metrics", source).items():
        if name not in METRICS:
            raise _fail(source, f"budgets.metrics.{name}", f"unknown metric{_did_you_mean(name)}; one of {', '.join(METRICS)}")
        if not _is_number(limit) or limit < 0:
            raise _fail(source, f"budgets.metrics.{name}", f"must be a number (0 or more), not {limit!r}")
        metrics[name] = limit
    return Budgets(categories, audits, metrics)


def _did_you_mean(name: str) -> str:
    close = difflib.get_close_matches(name.lower(), METRICS, n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def _table(parent: dict, name: str, source: str) -> dict:
    value = parent.get(name, {})
    if not isinstance(value, dict):
        raise _fail(source, f"budgets.{name}", "must be a table")
    return value


def _known_audit(audit_id: str, audit_ids, source: str, key: str) -> None:
    if audit_ids is not None and audit_id not in audit_ids:
        raise _fail(source, key, "unknown audit id (see the audits table in README.md)")


def _ignore(rules, source: str, audit_ids) -> tuple[IgnoreRule, ...]:
    if not isinstance(rules, list):
        raise _fail(source, "ignore", "must be an array of tables: [[ignore]]")
    out = []
    for i, rule in enumerate(rules):
        key = f"ignore[{i}]"
        if not isinstance(rule, dict):
            raise _fail(source, key, "must be a table with audit, reason and optionally url")
        for name in rule:
            if name not in ("audit", "url", "reason"):
                raise _fail(source, f"{key}.{name}", "unknown key (expected audit, url or reason)")
        if not isinstance(rule.get("audit"), str):
            raise _fail(source, f"{key}.audit", "required: the id of the audit whose findings to ignore")
        _known_audit(rule["audit"], audit_ids, source, f"{key}.audit")
        if not isinstance(rule.get("reason"), str) or not rule["reason"].strip():
            raise _fail(source, f"{key}.reason", "required: say why these findings are ignored")
        url = rule.get("url")
        if url is not None:
            if not isinstance(url, str):
                raise _fail(source, f"{key}.url", "must be a regular expression string")
            try:
                re.compile(url)
            except re.error as exc:
                raise _fail(source, f"{key}.url", f"invalid regular expression: {exc}") from None
        out.append(IgnoreRule(rule["audit"], rule["reason"].strip(), url))
    return tuple(out)


def check_options(options: dict, source: str) -> dict:
    """The file's option values checked against their declaration (auditor/options.py); returns them as the command takes them."""
    out = {}
    for dest, value in options.items():
        key = dest.replace("_", "-")
        try:
            out[dest] = from_file(dest, value)
        except ValueError as exc:
            raise _fail(source, key, str(exc)) from None
    return out
