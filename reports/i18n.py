"""The report's languages: gettext catalogs read with Babel, no build step.

The catalogs live in ``reports/locale/<lang>/LC_MESSAGES/messages.po``. They are read
and compiled in memory on first use, so a fresh clone and ``pip install -e .`` work
without compiling anything.

Message ids are the English strings: the report template's, the vocabulary below,
and every registered audit's meta (title, failure title, description, outcomes, how
to fix, messages). Audit strings reach the report through result.json, and the
report translates them by their English text at render time.

Extracting the catalogue needs the audit registry, which a writer must not import:
``python -m auditor.catalog extract|check`` does it.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from auditor.errors import TEMPLATES as ERROR_TEMPLATES
from auditor.errors import read_error

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
    N_("start page"), N_("customer touchpoint"), N_("heaviest page"), N_("typical page"),
    N_("icon"), N_("manifest"), N_("preload"), N_("feed"), N_("media"), N_("object"), N_("share image"), N_("file"),
    N_("mobile"), N_("desktop"), N_("ms"), N_("Transfer"), N_("left"), N_("right"),
    N_("contact"), N_("support"), N_("faq"), N_("returns"), N_("shipping"), N_("privacy"), N_("terms"),
    N_("about"), N_("account"), N_("contact or support"), N_("no dir attribute"),
    # what a number or name is (auditor/audits/rtl/bidi_isolation.py KINDS)
    N_("phone number"), N_("e-mail address"), N_("web address"), N_("price"), N_("product code"),
    N_("Latin-script name"),
    # the kind of site and the signals it rests on (auditor/text/site_kind.py)
    N_("shop"), N_("documentation"), N_("services"), N_("content"),
    N_("product markup"), N_("cart words"), N_("cart link"), N_("docs generator"), N_("docs markup"),
    N_("code blocks"), N_("service markup"), N_("article markup"),
    # where a project's readers ask for help (auditor/text/touchpoints.py help_venue)
    N_("issue tracker"), N_("forum"), N_("chat"), N_("Q&A"),
    # which contact detail pages disagree on (auditor/audits/cx/contact_consistency.py KINDS)
    N_("WhatsApp number"), N_("postal address"),
    # why a language tag is invalid (auditor/text/langtags.py tag_problem)
    N_("empty"), N_("underscore"), N_("malformed"), N_("unknown-language"), N_("unknown-script"),
    N_("unknown-region"),
    # option values shown in the method section, and why a page was measured
    N_("sample"), N_("all"), N_("none"), N_("template sample"), N_("KiB"), N_("yes"), N_("no"),
)
# axe-core ships no Arabic strings: the help text of its most common rules, translated
# here (`data.help` of axe-violations findings); a rarer rule's help stays in English.
AXE_HELP = (
    N_("All page content should be contained by landmarks"),
    N_("Document should have one main landmark"),
    N_("Page should contain a level-one heading"),
    N_("Elements must meet minimum color contrast ratio thresholds"),
    N_("Images must have alternative text"),
    N_("Links must have discernible text"),
    N_("Buttons must have discernible text"),
    N_("Form elements must have labels"),
    N_("<html> element must have a lang attribute"),
    N_("<html> element must have a valid value for the lang attribute"),
    N_("Documents must have <title> element to aid in navigation"),
    N_("Heading levels should only increase by one"),
    N_("<ul> and <ol> must only directly contain <li>, <script> or <template> elements"),
    N_("<li> elements must be contained in a <ul> or <ol>"),
    N_("IDs used in ARIA and labels must be unique"),
    N_("Zooming and scaling must not be disabled"),
    N_("Landmarks should have a unique role or role/label/title (i.e. accessible name) combination"),
    N_("Elements must only use supported ARIA attributes"),
    N_("Headings should not be empty"),
    N_("Select element must have an accessible name"),
    N_("Frames must have an accessible name"),
    N_("Aside should not be contained in another landmark"),
    N_("All touch targets must be 24px large, or leave sufficient space"),
    N_("<svg> elements with an img or image role must have alternative text"),
    N_("Image buttons must have alternative text"),
    N_("[role=\"img\"] and [role=\"image\"] elements must have alternative text"),
    N_("Interactive controls must not be nested"),
    N_("Scrollable region must have keyboard access"),
    N_("Links must be distinguishable without relying on color"),
    N_("Page must have means to bypass repeated blocks"),
)
# Finding data whose values are vocabulary words (the rest is page data, shown as is).
VOCABULARY_KEYS = frozenset({"rating", "band", "target", "kind", "profile", "impact", "side", "problem", "help",
                             "set_with"})
# Finding data that names languages by code ("ar", or "ar, fr"): a reader is shown their names.
LANGUAGE_KEYS = frozenset({"language", "languages", "detected", "usual"})


def error_in(text: str, gettext) -> str:
    """An error the auditor wrote with auditor.errors, in the report's language; any
    other error (an exception's own words) as it was written."""
    found = read_error(text)
    if found is None:
        return text
    key, data = found
    try:
        return gettext(ERROR_TEMPLATES[key]).format(**data)
    except (KeyError, IndexError, ValueError):  # a translation naming a field the template lacks
        return text


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


def language_names(codes: str, lang: str) -> str:
    """Comma-separated language codes as a reader of `lang` names them."""
    return ("، " if lang == "ar" else ", ").join(language_name(code.strip(), lang) for code in codes.split(","))


def direction(lang: str) -> str:
    return "rtl" if lang in RTL_LANGUAGES else "ltr"
