"""The report's languages: gettext catalogs read with Babel, no build step.

The catalogs live in ``reports/locale/<lang>/LC_MESSAGES/messages.po``. They are read
and compiled in memory on first use, so a fresh clone and ``pip install -e .`` work
without compiling anything.

Message ids are the English strings: the report template's, the vocabulary below,
and every registered audit's meta (title, failure title, description, outcomes, how
to fix, messages). Audit strings reach the report through result.json, and the
report translates them by their English text at render time.

    python -m reports.i18n extract   # write messages.pot and add new ids to each .po
    python -m reports.i18n check     # list the ids a language lacks (exit 1 if any)
"""

from __future__ import annotations

import io
import sys
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import NullTranslations, Translations

HERE = Path(__file__).parent
LOCALE_DIR = HERE / "locale"
TEMPLATES = HERE / "templates"
LANGUAGES = ("en", "ar")
RTL_LANGUAGES = ("ar",)
DOMAIN = "messages"


def N_(text: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return text


# Words the report shows from result.json values (impact, effort, journey, ratings,
# readability bands, resource kinds, profiles, URL-less categories).
VOCABULARY = (
    N_("critical"), N_("serious"), N_("moderate"), N_("minor"),
    N_("small"), N_("medium"), N_("large"),
    N_("awareness"), N_("consideration"), N_("decision"), N_("loyalty"), N_("advocacy"),
    N_("good"), N_("needs improvement"), N_("poor"),
    N_("very easy"), N_("easy"), N_("fairly easy"), N_("standard"), N_("fairly difficult"),
    N_("difficult"), N_("very difficult"),
    N_("image"), N_("script"), N_("stylesheet"), N_("font"), N_("text"), N_("unknown"),
    N_("mobile"), N_("desktop"), N_("ms"), N_("Transfer"), N_("left"), N_("right"),
    N_("contact"), N_("support"), N_("faq"), N_("returns"), N_("shipping"), N_("privacy"), N_("terms"),
    N_("about"), N_("account"),
    # what a number or name is (auditor/audits/rtl/bidi_isolation.py KINDS)
    N_("phone number"), N_("e-mail address"), N_("web address"), N_("price"), N_("product code"),
    N_("Latin-script name"),
)
# Finding data whose values are vocabulary words (the rest is page data, shown as is).
VOCABULARY_KEYS = frozenset({"rating", "band", "target", "kind", "profile", "impact", "side"})


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> NullTranslations:
    """The catalog of `lang` compiled in memory; English (or a missing catalog) is the identity."""
    path = po_path(lang)
    if lang == "en" or not path.is_file():
        return NullTranslations()
    with open(path, "rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def language_name(code: str, lang: str) -> str:
    """A language code as a reader of `lang` names it (ar -> العربية in an Arabic report)."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(lang).languages.get((code or "").split("-")[0].lower(), code)
    except (ValueError, UnknownLocaleError):
        return code


def direction(lang: str) -> str:
    return "rtl" if lang in RTL_LANGUAGES else "ltr"


# --- extraction (development only: imports the audit registry) -------------------------

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


def template_catalog() -> Catalog:
    """Every message id the report can show, from the template, reports/*.py and the audits."""
    catalog = Catalog(domain=DOMAIN, project="auditor", charset="utf-8")
    for message, where in _template_messages() + _python_messages() + _audit_messages():
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


def extract() -> None:
    """Write messages.pot and merge it into every language's .po (translations kept)."""
    template = template_catalog()
    LOCALE_DIR.mkdir(exist_ok=True)
    with open(LOCALE_DIR / f"{DOMAIN}.pot", "wb") as f:
        write_po(f, template, width=0, omit_header=False, sort_output=False, include_lineno=False)
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
        with open(path, "wb") as f:
            write_po(f, catalog, width=0, ignore_obsolete=True, include_lineno=False)
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
    print("usage: python -m reports.i18n extract|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
