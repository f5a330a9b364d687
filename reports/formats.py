"""The output formats `--format` names and the files each one writes into the output folder."""

from __future__ import annotations

from pathlib import Path

from reports import csv, junit, markdown, sarif

# html and json are always written (the report is made from result.json); the rest on request.
ALWAYS = ("html", "json")
EXTRA = {"junit": "junit.xml", "sarif": "report.sarif", "markdown": "summary.md", "csv": "pages.csv, findings.csv"}
FORMATS = (*ALWAYS, *EXTRA, "all")
_WRITERS = {"junit": junit.write, "sarif": sarif.write, "markdown": markdown.write}


def expand(names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The extra formats asked for; `all` means every one. Names may be comma-separated."""
    wanted = [n.strip() for name in names for n in name.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in FORMATS]
    if unknown:
        raise ValueError(f"unknown format {', '.join(unknown)} (one of {', '.join(FORMATS)})")
    if "all" in wanted:
        return tuple(EXTRA)
    return tuple(n for n in EXTRA if n in wanted)


def files(names: list[str] | tuple[str, ...]) -> list[str]:
    """The files the formats asked for write into the output folder."""
    return [file for name in expand(names) for file in EXTRA[name].split(", ")]


def remove_stale(out: Path, formats: tuple[str, ...]) -> list[Path]:
    """Delete what an earlier run wrote in formats this run does not ask for, so that no
    old SARIF or CSV file sits beside a new result.json."""
    removed = []
    for name, files in EXTRA.items():
        if name in formats:
            continue
        for file in files.split(", "):
            if (out / file).is_file():
                (out / file).unlink()
                removed.append(out / file)
    return removed


def write(result: dict, out: Path, formats: tuple[str, ...]) -> list[Path]:
    written: list[Path] = []
    for name in formats:
        if name == "csv":
            written += csv.write(result, out)
        else:
            written.append(_WRITERS[name](result, out / EXTRA[name]))
    return written
