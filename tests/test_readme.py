"""The README is a contract: its option tables, settings examples and usage commands are
checked against the program, so a README that drifts from the code fails the suite."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.cli import ROOT, run_cli
from tests.server import serve

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = [README] + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md"))]
OPTION = re.compile(r"--[a-z][a-z-]+")
SUBCOMMANDS = ("audit", "worker", "demo", "report", "diff")


def fenced(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def help_options(command: str) -> set[str]:
    out = subprocess.run([sys.executable, "-m", "auditor", command, "--help"], capture_output=True, text=True,
                         cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "COLUMNS": "200"})
    assert out.returncode == 0, out.stderr
    return set(OPTION.findall(out.stdout)) - {"--help"}


def option_table(text: str) -> set[str]:
    """Options named in the first cell of the README's option table rows."""
    return {opt for row in re.findall(r"^\| (`--[^|]+)\|", text, re.M) for opt in OPTION.findall(row)}


def test_every_option_in_the_readme_table_exists():
    table = option_table(README)
    assert len(table) > 15, "the README's option table was not found"
    known = set().union(*(help_options(c) for c in SUBCOMMANDS))
    assert table <= known, f"the README documents options the program does not have: {sorted(table - known)}"


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_option_of_the_program_is_documented(command):
    documented = {opt for text in DOCS for opt in OPTION.findall(text)}
    missing = help_options(command) - documented - {"--debug"}
    assert not missing, f"auditor {command} has options no README or docs page mentions: {sorted(missing)}"


@pytest.mark.parametrize("block", [b for text in DOCS for b in fenced(text, "toml")]
                         + [(ROOT / "examples" / "auditor.toml").read_text(encoding="utf-8")])
def test_settings_examples_are_valid(block):
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    from auditor.audits import all_audits
    from auditor.ci.config import parse

    parse(tomllib.loads(block), "README example", {a.meta.id for a in all_audits()})


def usage_commands() -> list[list[str]]:
    """The `auditor ...` lines of the README's Usage block, comments removed."""
    usage = README.split("## Usage", 1)[1]
    lines = [line.split("#", 1)[0].strip() for line in fenced(usage, "sh")[0].splitlines()]
    return [shlex.split(line) for line in lines if line.startswith("auditor ")]


@pytest.mark.e2e
def test_usage_commands_run_as_written(tmp_path):
    """Each Usage command on a fixture site: the client URL becomes the fixture's, folders
    become temporary ones; the demo, measured in Chromium, is the demo test's."""
    commands = usage_commands()
    assert [c[1] for c in commands] == ["audit", "demo", "report", "diff"], commands
    with serve("basic") as (base, _):
        def run(argv):
            argv = [base + "/index.html" if a.startswith("https://client.example") else
                    str(tmp_path / a.rstrip("/")) if a.startswith("audit-") else a for a in argv[1:]]
            proc = run_cli(*argv, cwd=tmp_path)
            assert proc.returncode == 0, (argv, proc.stderr[-2000:])
            return proc

        audit = next(c for c in commands if c[1] == "audit")
        run(audit + ["--render", "none"])
        run(["auditor", "audit", "https://client.example/", "--out", "audit-2026-10/", "--render", "none"])
        assert (tmp_path / "audit-2026-11" / "report.html").is_file()
        (tmp_path / "audit-2026-11" / "report.html").unlink()
        run(next(c for c in commands if c[1] == "report"))
        assert (tmp_path / "audit-2026-11" / "report.html").is_file()
        diff = run(next(c for c in commands if c[1] == "diff"))
        assert "new" in diff.stdout and "fixed" in diff.stdout


def test_the_audit_list_names_every_registered_audit():
    """The README's audit table is checked against the registry: a new audit file needs its id there."""
    from auditor.audits import all_audits

    table = README.split("## Audits", 1)[1].split("\n\n", 2)[2]
    rows = [line for line in table.split("\n\n", 1)[0].splitlines() if line.startswith("| ") and "`" in line]
    listed = {name for line in rows for name in re.findall(r"`([a-z0-9-]+)`", line.split("|")[2])}
    registered = {a.meta.id for a in all_audits()}
    assert not registered - listed, f"audits missing from README.md's audit list: {sorted(registered - listed)}"
    assert not listed - registered, f"README.md's audit list names audits that do not exist: {sorted(listed - registered)}"
