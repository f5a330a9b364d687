"""Which pages to measure in the browser: every page template, not every page.

Pages of one template share a URL pattern and a page structure. `--render sample`
measures a few pages of each template, always with the start page and the customer
touchpoints, so timing a 10,000-page shop costs minutes, not hours.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from auditor.gather.templates import template_key, url_pattern
from auditor.model import PageRecord

PER_TEMPLATE = 2
TOUCHPOINT_WORDS = (
    "contact", "support", "help", "checkout", "cart", "basket", "faq", "returns", "shipping",
    "اتصل", "تواصل", "الدعم", "المساعدة", "الدفع", "السلة", "الأسئلة", "الإرجاع", "الاسترجاع", "الشحن",
)


def is_touchpoint(page: PageRecord) -> bool:
    haystack = f"{urlsplit(page.url).path} {page.title or ''}".lower()
    return any(word in haystack for word in TOUCHPOINT_WORDS)


@dataclass
class Template:
    key: str
    pattern: str
    pages: int = 0
    sampled: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # sampled URL -> why it was chosen


def group_pages(pages: Iterable[PageRecord], start_urls: list[str], per_template: int = PER_TEMPLATE,
                touchpoints_per_template: int = 3) -> tuple[dict[str, Template], dict[str, str]]:
    """Templates of the 200 HTML pages, each with the pages to measure, and each
    page's template key."""
    templates: dict[str, Template] = {}
    template_of: dict[str, str] = {}
    for page in pages:
        if not page.ok_html:
            continue
        key = template_key(page)
        template = templates.setdefault(key, Template(key, url_pattern(page.url)))
        template.pages += 1
        template_of[page.url] = key
        touchpoints = sum(1 for r in template.reasons.values() if r == "customer touchpoint")
        if page.url in start_urls:
            _choose(template, page.url, "start page")
        elif is_touchpoint(page) and touchpoints < touchpoints_per_template:
            _choose(template, page.url, "customer touchpoint")
        elif sum(1 for r in template.reasons.values() if r == "template sample") < per_template:
            _choose(template, page.url, "template sample")
    return templates, template_of


def _choose(template: Template, url: str, reason: str) -> None:
    template.sampled.append(url)
    template.reasons[url] = reason
