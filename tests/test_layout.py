"""The import rules of docs/architecture.md, read from the code with `ast`.

Each folder names the parts of the project it may import. A module imports only what
its folder allows, so the stages keep their order (gather -> facts -> audits -> result
-> writers) and no import runs back up.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("auditor", "spiders", "reports")

CONTRACT = {"auditor.model", "auditor.urls", "auditor.progress", "auditor.options", "auditor.errors"}
# Who may import whom. A key is a folder (or a module); a value lists the prefixes its
# modules may import besides themselves. The face (cli, pipeline, catalog, demo) may
# import anything and nothing imports it.
ALLOWED = {
    "auditor.model": {"auditor.options"},
    "auditor.urls": set(),
    "auditor.progress": set(),
    "auditor.errors": set(),
    "auditor.options": {"auditor.text"},
    "auditor.text": set(),
    "auditor.store": {"auditor.model", "auditor.errors"},
    "auditor.result": {"auditor.store.spill"},
    "auditor.gather": CONTRACT | {"auditor.text", "auditor.store", "spiders"},
    "spiders": CONTRACT | {"auditor.gather", "auditor.store", "auditor.browser"},
    "auditor.browser": CONTRACT | {"auditor.text", "auditor.gather", "auditor.store"},
    "auditor.audits": CONTRACT | {"auditor.text"},
    "auditor.facts": CONTRACT | {"auditor.text", "auditor.gather", "auditor.store", "auditor.audits",
                                 "auditor.ci.budgets"},
    "reports": {"auditor.result", "auditor.errors"},
    "auditor.ci": CONTRACT | {"auditor.result", "auditor.audits", "reports"},
}
FACE = ("auditor.cli", "auditor.pipeline", "auditor.catalog", "auditor.demo", "auditor.__main__", "auditor")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "site" in path.relative_to(ROOT).parts[:3] and "demo" in path.parts:
                continue
            found[module_name(path)] = path
    return found


def imports(path: Path, name: str) -> set[str]:
    """Project modules `path` imports, wherever the import statement stands."""
    out = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                out.add(f"{base}.{alias.name}" if base else alias.name)
                out.add(base)
    return {m for m in out if m.split(".")[0] in PACKAGES}


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def rule_for(name: str) -> tuple[str, set[str]] | None:
    if any(name == face or (face != "auditor" and within(name, face)) for face in FACE):
        return None
    owner = max((key for key in ALLOWED if within(name, key)), key=len, default=None)
    assert owner is not None, f"{name} lives in no folder of docs/architecture.md: add it to ALLOWED"
    return owner, ALLOWED[owner] | {owner}


ALL = modules()


@pytest.mark.parametrize("name", sorted(ALL))
def test_module_imports_only_what_its_folder_allows(name):
    rule = rule_for(name)
    if rule is None:
        return
    owner, allowed = rule
    wrong = sorted(
        target for target in imports(ALL[name], name)
        if target not in {"auditor", "spiders", "reports"} and not any(within(target, ok) for ok in allowed)
    )
    assert not wrong, f"{name} ({owner}) may not import {wrong}; see docs/architecture.md"


def test_nothing_imports_the_face():
    for name, path in ALL.items():
        for target in imports(path, name):
            if target in ("auditor.cli", "auditor.pipeline", "auditor.catalog"):
                assert rule_for(name) is None, f"{name} imports the face module {target}"


def test_the_package_root_holds_only_the_face_and_the_contract():
    root = {p.stem for p in (ROOT / "auditor").glob("*.py")}
    assert root == {"__init__", "__main__", "cli", "pipeline", "catalog", "model", "result", "urls", "progress",
                    "options", "errors"}


def test_the_rules_can_fail():
    """A writer that imported the audit registry would be caught."""
    owner, allowed = rule_for("reports.html")
    assert owner == "reports"
    assert not any(within("auditor.audits", ok) for ok in allowed)
    assert imports(ROOT / "reports" / "sarif.py", "reports.sarif") >= {"auditor.result"}
