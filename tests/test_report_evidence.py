"""The "why this fired" line: every finding's evidence in one escaped line, in English and Arabic."""

import re
import string
from html.parser import HTMLParser

import pytest

from auditor.audits import all_audits, get_audit
from auditor.model import Link
from auditor.audits.base import SiteAudit
from reports import evidence, html, i18n
from tests.report_result import BASE, HOSTILE_TEXT, HOSTILE_TITLE, build_result

ALLOWED_TAGS = {"span", "code", "bdi", "strong"}
LATIN = re.compile(r"[A-Za-z0-9]")


class _Nodes(HTMLParser):
    """Tags, and text nodes with the tags they sit in."""

    def __init__(self):
        super().__init__()
        self.tags, self.stack, self.texts = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        self.texts.append((data, list(self.stack)))


def _nodes(markup) -> _Nodes:
    parser = _Nodes()
    parser.feed(str(markup))
    return parser


def _example_findings():
    """Every finding the audits' declared examples provoke, as result.json holds it."""
    out = []
    for audit in all_audits():
        for key, build in sorted((getattr(audit, "examples", None) or {}).items()):
            page, site = build()
            found = audit.check_site(site) if isinstance(audit, SiteAudit) else audit.check(page, site)
            out += [pytest.param(f.to_dict(), id=f"{audit.meta.id}:{key}") for f in found if f.message_key == key][:1]
    return out


EXAMPLES = _example_findings()


def test_the_examples_cover_many_audits():
    assert len({p.id.split(":")[0] for p in EXAMPLES}) >= 20


@pytest.mark.parametrize("finding", EXAMPLES)
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_example_finding_has_an_escaped_why_line(finding, lang):
    gettext = i18n.translations(lang).gettext
    line = evidence.why_line(finding, gettext)
    full = evidence.why_html(finding, gettext)
    nodes = _nodes(full)
    assert set(nodes.tags) <= ALLOWED_TAGS  # every value escaped: no tag but the line's own
    assert "".join(t for t, _ in nodes.texts).strip()
    if finding.get("selector") or finding.get("snippet") or any(k not in evidence.SKIP for k in finding["data"]):
        assert line, "a finding naming an element or data shows it"
    if lang == "ar":
        assert evidence.HEADING not in str(full)
        for text, stack in nodes.texts:
            # a Latin value sits in its own left-to-right code span or in a <bdi>
            if LATIN.search(text) and not evidence._rtl_text(text):
                assert any(tag in ("code", "bdi") for tag, _ in stack), text


def test_a_stylesheet_rule_names_its_file_line_declaration_and_the_pages_using_it():
    finding = {"url": f"{BASE}/about", "message_key": "physical", "selector": ".price-old",
               "data": {"file": f"{BASE}/assets/style.css", "line": 67, "property": "margin-left", "value": ".5rem",
                        "fix": "margin-inline-start: .5rem", "example_page": f"{BASE}/about", "rtl_pages": 43,
                        "ltr_pages": 12}}
    text = re.sub(r"<[^>]+>", "", str(evidence.why_line(finding)))
    assert text == (f"element .price-old · file {BASE}/assets/style.css line=67 · CSS margin-left: .5rem"
                    f" · fix margin-inline-start: .5rem · pages {BASE}/about rtl_pages=43 ltr_pages=12")


def test_a_direction_names_the_element_it_comes_from_in_the_reports_language():
    finding = {"url": BASE, "message_key": "rtl-text-ltr-block", "selector": "main p",
               "data": {"direction": "ltr", "set_by": "html", "set_with": "no dir attribute"}}
    text = re.sub(r"<[^>]+>", "", str(evidence.why_line(finding)))
    assert text == "element main p · CSS direction: ltr · set by html no dir attribute"
    arabic = i18n.translations("ar").gettext
    assert "لا سمة dir" in str(evidence.why_line(finding, arabic))


def test_the_addresses_generic_links_point_to_are_no_rule():
    # the audit's own finding, so a renamed key shows here
    page, site = get_audit("link-text").examples["generic"]()
    page.links += [Link(f"{page.url.rsplit('/', 1)[0]}/b", "Read more")]
    finding = next(iter(get_audit("link-text").check(page, site))).to_dict()
    text = re.sub(r"<[^>]+>", "", str(evidence.why_line(finding)))
    assert "addresses" in text and "rule" not in text


def test_a_value_is_shown_once_and_page_text_keeps_its_direction():
    finding = {"url": BASE, "message_key": "x", "selector": "#main > img",
               "data": {"element": "#main > img", "text": "سياسة الإرجاع", "status": 404}}
    line = str(evidence.why_line(finding))
    assert line.count("#main &gt; img") == 1
    assert '<bdi class="ev-text">\u201cسياسة الإرجاع\u201d</bdi>' in line
    assert '<code dir="ltr">404</code>' in line


def test_hostile_values_are_escaped_and_a_finding_naming_nothing_shows_its_page():
    finding = {"url": f"{BASE}/p?a=<b>", "message_key": "x", "selector": HOSTILE_TITLE,
               "snippet": HOSTILE_TEXT, "data": {"odd": HOSTILE_TEXT, "nested": [{"url": HOSTILE_TITLE}]}}
    out = str(evidence.why_html(finding))
    assert "<script" not in out and "<img" not in out
    assert set(_nodes(out).tags) <= ALLOWED_TAGS
    bare = str(evidence.why_html({"url": f"{BASE}/p?a=<b>", "message_key": "x", "data": {}}))
    assert f"{BASE}/p?a=&lt;b&gt;" in bare


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_report_shows_the_why_line_in_fix_cards_findings_and_page_views(lang):
    page = html.render(build_result(), lang)
    heading = i18n.translations(lang).gettext(evidence.HEADING)
    fix_cards = page.split('id="fix-list"', 1)[1].split("</ol>", 1)[0]
    assert fix_cards.count('class="why-fired"') == fix_cards.count('class="what"') > 0
    findings = page.split('id="finding-list"', 1)[1].split('id="pages"', 1)[0]
    assert findings.count('<td class="finding">') == findings.count("<tr data-item") > 0
    assert findings.count(heading) >= findings.count("<tr data-item")
    assert '<code dir="ltr">a[href=&#39;/returns&#39;]</code>' in findings
    views = page.split('id="page-views"', 1)[1]
    assert views.count(heading) == views.count('<li><span class="badge')


def _every_message_key():
    for audit in all_audits():
        for key, text in sorted(audit.meta.messages.items()):
            fields = sorted({name for _, name, _, _ in string.Formatter().parse(text) if name})
            yield pytest.param(audit.meta.id, key, fields, id=f"{audit.meta.id}:{key}")


@pytest.mark.parametrize("audit_id, key, fields", list(_every_message_key()))
def test_every_message_key_shows_the_data_its_message_names(audit_id, key, fields):
    """Whatever an audit's message names is evidence the line shows, for every key of every audit."""
    data = {name: f"v{n}-{name}" for n, name in enumerate(fields)}
    finding = {"url": f"{BASE}/p", "message_key": key, "data": data}
    line = str(evidence.why_line(finding))
    for name in fields:
        if name not in evidence.SKIP:
            assert data[name] in line, (audit_id, key, name)
    assert str(evidence.why_html(finding)).strip()
