"""The data model shared by every stage: page records and their parts.

Plain dataclasses that serialise to JSON; this module imports nothing of the project.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields


def is_noindex(directives: str | None) -> bool:
    """Whether a robots directive list ("noindex, follow", "googlebot: none") says noindex."""
    return bool(directives) and any(d.strip() in ("noindex", "none")
                                    for d in directives.lower().replace(":", ",").split(","))


# The lab metrics of a page measured in Chromium (its facts["metrics"], result.json's
# pages[].metrics), by the names budgets use.
METRICS = ("ttfb", "fcp", "lcp", "cls", "tbt", "load_ms", "dom_content_loaded_ms", "dom_nodes", "transfer_bytes",
           "requests", "js_bytes", "image_bytes", "css_bytes", "font_bytes", "third_party_bytes")


@dataclass
class Link:
    href: str  # absolute, normalised URL (or the raw value for mailto:/tel:/javascript:)
    text: str = ""
    rel: str = ""
    region: str = "main"  # nav | header | footer | aside | main
    kind: str = "a"  # a | area | mailto | tel | javascript | other
    internal: bool = True


@dataclass
class Image:
    src: str
    alt: str | None = None  # None: no alt attribute at all; "": decorative
    width: str | None = None
    height: str | None = None
    snippet: str = ""


@dataclass
class Form:
    action: str = ""
    method: str = "get"
    fields: list[dict] = field(default_factory=list)  # {type, name, label, dir}


@dataclass
class Resource:
    """A URL a page makes the browser or a crawler fetch besides links."""

    url: str
    # image | script | stylesheet | font | icon | manifest | preload | feed | media | object | share image | file
    kind: str
    render_blocking: bool = False


@dataclass
class PageRecord:
    """Everything gathered about one fetched URL."""

    url: str
    status: int | None = None
    final_url: str | None = None
    redirect_to: str | None = None  # Location of a 3xx response, absolute
    error: str | None = None
    content_type: str = ""
    charset: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    bytes: int = 0
    response_ms: float | None = None
    is_html: bool = False
    # static HTML facts
    lang: str | None = None
    dir: str | None = None
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # description, robots, viewport, ...
    canonicals: list[str] = field(default_factory=list)  # every rel=canonical, in order
    hreflang: list[dict] = field(default_factory=list)  # {lang, href[, source: header][, relative: raw href]}
    hreflang_problems: list[dict] = field(default_factory=list)  # {lang, problem, source}: alternates Google cannot use
    headings: list[dict] = field(default_factory=list)  # {level, text}
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)
    text: str = ""  # main text, blocks separated by blank lines
    word_count: int = 0
    html_bytes_text: int = 0  # characters of visible text, for text-to-markup ratios
    layout: str = ""  # language, direction and skeleton hash (auditor/gather/templates.py)
    # filled after the crawl, from the whole site
    depth: int | None = None
    in_sitemap: bool = False
    template: str | None = None  # the page's template across the site (layout, then URL pattern)
    # later stages add their facts here by name (rendered metrics, language, ...)
    facts: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "PageRecord":
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["links"] = [Link(**x) for x in data.get("links", ())]
        kwargs["images"] = [Image(**x) for x in data.get("images", ())]
        kwargs["resources"] = [Resource(**x) for x in data.get("resources", ())]
        kwargs["forms"] = [Form(**x) for x in data.get("forms", ())]
        return cls(**kwargs)

    @property
    def canonical(self) -> str | None:
        return self.canonicals[0] if self.canonicals else None

    @property
    def noindex(self) -> bool:
        """Kept out of search results by a robots meta tag (robots or googlebot) or X-Robots-Tag."""
        return any(is_noindex(v) for v in (self.meta.get("robots"), self.meta.get("googlebot"),
                                            self.headers.get("x-robots-tag")))

    @property
    def ok_html(self) -> bool:
        """A page that answered 200 with HTML: what most audits look at."""
        return self.status == 200 and self.is_html and not self.error
