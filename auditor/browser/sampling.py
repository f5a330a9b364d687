"""Which pages to measure in the browser: every page template, not every page.

Pages of one template (auditor/gather/templates.py) share their layout and code, so
they load alike; what varies within a template is how much content a page carries.
`--render sample` measures, per template, the heaviest page and a typical one (more
with `--sample-per-template`), and always the start page and the customer touchpoints,
so timing a 10,000-page shop costs minutes, not hours. A layout in a second language
(the Arabic twin of an English template) loads as the first does: its typical page is
measured, for what its language and direction change. Templates past the cap (the
smallest) are listed as not measured, never dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from auditor.gather.templates import template_layout, template_pattern
from auditor.model import PageRecord
from auditor.text.touchpoints import page_kinds

PER_TEMPLATE = 2
MAX_TEMPLATES = 40
TOUCHPOINTS_PER_TEMPLATE = 3


def is_touchpoint(page: PageRecord) -> bool:
    """A contact, support, FAQ, returns... page, as the touchpoint audits know them."""
    h1 = [h["text"] for h in page.headings if h["level"] == 1]
    return bool(page_kinds(page.url, page.title, h1))


@dataclass
class Template:
    key: str
    pattern: str
    pages: int = 0
    example: str = ""
    sampled: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # sampled URL -> why it was chosen
    measured: bool = True  # False: past the cap on templates
    _sizes: list[tuple[int, str]] = field(default_factory=list, repr=False)

    def choose(self, url: str, reason: str) -> None:
        if url not in self.reasons:
            self.sampled.append(url)
            self.reasons[url] = reason


def group_pages(pages: Iterable[PageRecord], start_urls: list[str], per_template: int = PER_TEMPLATE,
                max_templates: int = MAX_TEMPLATES) -> tuple[dict[str, Template], dict[str, str]]:
    """Templates of the 200 HTML pages, each with the pages to measure, and each
    page's template key."""
    templates: dict[str, Template] = {}
    template_of: dict[str, str] = {}
    for page in pages:
        if not page.ok_html:
            continue
        key = page.template or f"* [{page.layout}]"
        template = templates.setdefault(key, Template(key, template_pattern(key) or "*", example=page.url))
        template.pages += 1
        template_of[page.url] = key
        # What varies within a template is the weight of the page: its HTML and images.
        template._sizes.append(((page.bytes or 0) + 30_000 * len(page.images), page.url))
        if page.url in start_urls:
            template.choose(page.url, "start page")
        elif is_touchpoint(page) and sum(r == "customer touchpoint" for r in template.reasons.values()) < \
                TOUCHPOINTS_PER_TEMPLATE:
            template.choose(page.url, "customer touchpoint")
    ranked = sorted(templates.values(), key=lambda t: (-t.pages, t.key))
    layouts: set[str | None] = set()  # layouts measured in one language already
    for rank, template in enumerate(ranked):
        if rank >= max_templates and not template.sampled:
            template.measured = False
            continue
        layout = template_layout(template.key)
        _sample(template, per_template, twin=layout is not None and layout in layouts)
        layouts.add(layout)
    return templates, template_of


def _sample(template: Template, per_template: int, twin: bool = False) -> None:
    """The heaviest page, then pages spread down to the typical (median) one; a layout's
    twin in another language, its typical page only."""
    sizes = sorted(template._sizes, reverse=True)
    if twin:
        template.choose(sizes[(len(sizes) - 1) // 2][1], "typical page")
    else:
        picks = [0] + [round((len(sizes) - 1) * (i / (2 * max(per_template - 1, 1)))) for i in range(1, per_template)]
        for n, index in enumerate(dict.fromkeys(picks)):
            template.choose(sizes[index][1], "heaviest page" if n == 0 else "typical page")
    template._sizes = []
