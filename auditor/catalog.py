"""The report's message catalogue: extract every string the report can show.

Message ids are the English strings of the report templates, of ``reports/*.py`` (marked
with ``N_``), of every registered audit's meta and of the errors in auditor/errors.py. This is a developer's command, not
part of a run: it imports the audit registry, which the report writers must not.

    python -m auditor.catalog extract   # write messages.pot and add new ids to each .po
    python -m auditor.catalog check     # list the ids a language lacks (exit 1 if any)
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from reports.i18n import DOMAIN, HERE, LANGUAGES, LOCALE_DIR, TEMPLATES, po_path


def _template_messages() -> list[tuple[str | tuple[str, str], str]]:
    from babel.messages.extract import extract

    found = []
    options = {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}
    for path in sorted(TEMPLATES.glob("*.j2")):
        with open(path, "rb") as f:
            for lineno, message, _comments, _context in extract("jinja2.ext:babel_extract", f, options=options):
                found.append((message, f"{path.relative_to(HERE.parent)}:{lineno}"))
    return found


def _python_messages() -> list[tuple[str, str]]:
    from babel.messages.extract import extract

    found = []
    for path in sorted(HERE.glob("*.py")):
        with open(path, "rb") as f:
            for lineno, message, _comments, _context in extract("python", f, keywords={"N_": None}):
                found.append((message, f"{path.relative_to(HERE.parent)}:{lineno}"))
    return found


def _audit_messages() -> list[tuple[str, str]]:
    from auditor.audits import all_audits
    from auditor.audits.base import CATEGORIES

    found = [(title, f"category {key}") for key, title in CATEGORIES.items()]
    for audit in all_audits():
        meta = audit.meta
        where = f"audit {meta.id}"
        for name in ("title", "failure_title", "description", "seo_outcome", "cx_outcome", "how_to_fix"):
            if getattr(meta, name):
                found.append((getattr(meta, name), f"{where} {name}"))
        for key, text in meta.messages.items():
            found.append((text, f"{where} message {key}"))
    return found


def _error_messages() -> list[tuple[str, str]]:
    from auditor.errors import TEMPLATES

    return [(text, f"error {key}") for key, text in TEMPLATES.items()]


def template_catalog() -> Catalog:
    """Every message id the report can show, from the template, reports/*.py, the audits
    and the errors a page can end with (auditor/errors.py)."""
    catalog = Catalog(domain=DOMAIN, project="auditor", charset="utf-8")
    for message, where in _template_messages() + _python_messages() + _audit_messages() + _error_messages():
        if not message or (isinstance(message, tuple) and not message[0]):
            continue
        existing = catalog.get(message[0] if isinstance(message, tuple) else message)
        if existing is not None:
            existing.locations.append((where, None))
        else:
            catalog.add(message, locations=[(where, None)])
    return catalog


def untranslated(lang: str) -> list[str]:
    """The message ids `lang` lacks a translation for (every plural form counts)."""
    with open(po_path(lang), "rb") as f:
        existing = read_po(f, locale=lang, domain=DOMAIN)
    missing = []
    for message in template_catalog():
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        have = existing.get(key)
        strings = () if have is None or have.fuzzy else (have.string if isinstance(have.string, tuple) else (have.string,))
        if not strings or not all(strings):
            missing.append(key)
    return missing


DATES = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): [^"]*\\n"\n', re.M)


def _write(path: Path, catalog: Catalog, **options) -> None:
    """Write a catalogue only when its messages changed, not merely its dates."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, include_lineno=False, **options)
    new = buffer.getvalue()
    if path.is_file() and DATES.sub(b"", path.read_bytes()) == DATES.sub(b"", new):
        return
    path.write_bytes(new)


def extract() -> None:
    """Write messages.pot and merge it into every language's .po (translations kept)."""
    template = template_catalog()
    LOCALE_DIR.mkdir(exist_ok=True)
    _write(LOCALE_DIR / f"{DOMAIN}.pot", template, omit_header=False, sort_output=False)
    for lang in LANGUAGES:
        if lang == "en":
            continue
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file():
            with open(path, "rb") as f:
                catalog = read_po(f, locale=lang, domain=DOMAIN)
        else:
            catalog = Catalog(locale=lang, domain=DOMAIN, project="auditor", charset="utf-8")
        catalog.update(template, no_fuzzy_matching=True)
        _write(path, catalog, ignore_obsolete=True)
        missing = untranslated(lang)
        print(f"{path.relative_to(HERE.parent)}: {len(catalog)} messages, {len(missing)} to translate")


def main(argv: list[str]) -> int:
    if argv[:1] == ["extract"]:
        extract()
        return 0
    if argv[:1] == ["check"]:
        status = 0
        for lang in LANGUAGES[1:]:
            for message_id in untranslated(lang):
                print(f"{lang}: untranslated: {message_id}")
                status = 1
        return status
    print("usage: python -m auditor.catalog extract|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
