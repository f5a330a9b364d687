"""A finding's "why this fired" line: its evidence in one line a reader checks in seconds.

Built from what every finding carries (axe-core style): the element it names
(`selector`, `snippet`) and its `data`. One mechanism for every audit: each data key
that names evidence has a label here (the file and line of a stylesheet rule and the
pages that use it, the address a link points to, the HTTP status, the codes and
values); any other value is shown as `key=value` code, so nothing a new audit records
is lost. Values are escaped; Latin values (code, URLs, numbers) are isolated left to
right and text in the page's own script keeps its direction (`<bdi>`).
"""

from __future__ import annotations

from urllib.parse import unquote

from markupsafe import Markup, escape

from reports.i18n import N_, VOCABULARY_KEYS

MAX_VALUE = 120
MAX_ITEMS = 3
# data keys that repeat another (the message's help text, lists summarised elsewhere)
# or are estimates rather than evidence; never shown on the line.
SKIP = frozenset({
    "root_cause", "help", "help_url", "differences", "saving_ms", "saving_bytes", "saving_kib", "total_kib",
    "resources", "examples", "links", "codes", "long_tasks", "good", "poor", "rating", "impact", "nodes",
})
# (label, data keys) in the order the line shows them; the first present key of a
# group carries the label, the others follow it.
FIELDS = (
    (N_("element"), ("element", "where", "nav_selector")),
    (N_("file"), ("file", "stylesheet", "sitemap", "source", "line")),
    (N_("CSS"), ("css_rule", "property", "text_align", "line_height", "direction")),
    (N_("set by"), ("set_by", "set_with")),
    (N_("fix"), ("fix", "suggestion")),
    (N_("rule"), ("rule", "targets")),
    (N_("points to"), ("target", "final", "element_url", "example")),
    (N_("HTTP status"), ("status", "error")),
    (N_("image"), ("src",)),
    (N_("code"), ("code", "lang", "xml_lang", "declared_lang", "target_lang", "hreflang", "dir", "name", "type",
                  "encoding", "content", "value")),
    (N_("pages"), ("example_page", "rtl_pages", "ltr_pages", "ltr_example_page", "pages", "sources")),
    (N_("addresses"), ("urls", "hrefs")),
    (N_("text"), ("text", "quote", "title", "description", "headings", "displayed", "label", "placeholder")),
)
# shown as `name="value"`: attribute values read as the page writes them
ATTRIBUTES = {"lang": "lang", "xml_lang": "xml:lang", "declared_lang": "lang", "target_lang": "lang",
              "hreflang": "hreflang", "dir": "dir", "name": "name", "type": "type", "encoding": "charset",
              "content": "content"}
# shown as `property: value`: CSS as the stylesheet or the computed style has it
CSS = {"text_align": "text-align", "line_height": "line-height", "direction": "direction"}
# numbers that only mean something with their name
NAMED = frozenset({"line", "rtl_pages", "ltr_pages", "pages", "value"})
LABELLED = frozenset(k for _, keys in FIELDS for k in keys)
SELECTOR_LABEL = N_("element")
SNIPPET_LABEL = N_("HTML")
DATA_LABEL = N_("data")
HEADING = N_("Why this fired")


def _rtl_text(text: str) -> bool:
    return any("\u0590" <= c <= "\u08ff" or "\ufb1d" <= c <= "\ufefc" for c in text)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_VALUE else text[:MAX_VALUE - 1] + "\u2026"


def _plain(value) -> str | None:
    """A data value as one short string; None when there is nothing to show."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, dict):
        value = value.get("url") or value.get("selector") or value.get("snippet")
        return _plain(value)
    if isinstance(value, (list, tuple)):
        items = [s for s in map(_plain, value) if s]
        if not items:
            return None
        more = f" +{len(items) - MAX_ITEMS}" if len(items) > MAX_ITEMS else ""
        return ", ".join(items[:MAX_ITEMS]) + more
    if isinstance(value, float):
        value = round(value, 3)
    text = str(value)
    if "%" in text and text.startswith(("http://", "https://", "/")):
        try:
            text = unquote(text, errors="strict")
        except UnicodeDecodeError:
            pass
    return _short(text)


def _value(text: str) -> Markup:
    """Code and Latin values read left to right; page text keeps its own direction."""
    if _rtl_text(text):
        return Markup('<bdi class="ev-text">\u201c%s\u201d</bdi>') % text
    return Markup('<code dir="ltr">%s</code>') % text


def _item(key: str, text: str) -> Markup:
    if key in CSS:
        return Markup('<code dir="ltr">%s: %s</code>') % (CSS[key], text)
    if key in ATTRIBUTES and not _rtl_text(text):
        return Markup('<code dir="ltr">%s="%s"</code>') % (ATTRIBUTES[key], text)
    if key in NAMED or key not in LABELLED:
        return Markup('<code dir="ltr">%s=%s</code>') % (key, text) if not _rtl_text(text) else (
            Markup('<code dir="ltr">%s=</code>') % key + _value(text))
    return _value(text)


def parts(finding: dict, gettext=lambda s: s) -> list[tuple[str, list[Markup]]]:
    """(label, values) in the order the line shows them: the element, then its data.
    Values that are vocabulary words (why a code is invalid, what kind of number) are
    shown translated, by themselves."""
    data = finding.get("data") or {}

    def item(key: str, text: str) -> Markup:
        if key in VOCABULARY_KEYS and gettext(text) != text:
            return _value(gettext(text))
        return _item(key, text)

    out: list[tuple[str, list[Markup]]] = []
    shown: set[str] = set()  # a value shown once (an element named by its selector and its data)

    def fresh(key: str, value) -> str | None:
        text = _plain(value)
        if not text or (key not in NAMED and text in shown):
            return None
        shown.add(text)
        return text

    for label, key in ((SELECTOR_LABEL, "selector"), (SNIPPET_LABEL, "snippet")):
        if isinstance(finding.get(key), str) and (text := fresh(key, finding[key])):
            out.append((label, [_value(text)]))
    if isinstance(data.get("property"), str) and "value" in data:  # one declaration, as written
        data = {**data, "property": f"{data['property']}: {_plain(data['value']) or ''}"}
        data.pop("value")
    for label, keys in FIELDS:
        items = [item(k, text) for k in keys if k in data and k not in SKIP and (text := fresh(k, data[k]))]
        if items:
            out.append((label, items))
    rest = [item(k, text) for k, v in data.items()
            if k not in LABELLED and k not in SKIP and (text := fresh(k, v))]
    if rest:
        out.append((DATA_LABEL, rest))
    return out


def why_line(finding: dict, gettext=lambda s: s) -> Markup:
    """The line itself, escaped: `label value · label value`. Empty when the finding
    names nothing beyond its page (the message then says it all)."""
    pieces = [Markup('<span class="ev"><span class="ev-k">%s</span> %s</span>') % (gettext(label), Markup(" ").join(items))
              for label, items in parts(finding, gettext)]
    return Markup(" \u00b7 ").join(pieces)


def why_html(finding: dict, gettext=lambda s: s) -> Markup:
    """The line with its heading, for a finding in the report; the page itself when the
    finding names nothing else."""
    line = why_line(finding, gettext)
    if not line:
        url = finding.get("url") or ""
        line = Markup('<span class="ev"><span class="ev-k">%s</span> %s</span>') % (
            gettext(N_("page")), _value(_short(_plain(url) or url)))
    return Markup('<span class="why-line"><strong>%s:</strong> %s</span>') % (gettext(HEADING), line)
