"""The whole-site right-to-left facts, read from the run store before the audits run.

Each stylesheet is analysed once (auditor/gather/css_direction.py), however many pages use it.
"""

from __future__ import annotations

from auditor.facts.computed import sample_by_section
from auditor.gather.css_direction import analyse, matches
from auditor.model import PageRecord
from auditor.store.runs import Store
from auditor.text import is_rtl_lang
from auditor.text.langtags import primary
from auditor.text.language import detect_language

RTL_SHARE = 0.5  # share of right-to-left letters that makes a page's text right to left
ARABIC_RULES = ("letter-spacing", "italic")


def is_rtl_record(page: PageRecord) -> bool:
    """A page meant to be right to left: by its dir, its lang or its letters."""
    rtl = page.facts.get("rtl") or {}
    dirs = {(rtl.get("html_dir") or "").strip().lower(), (rtl.get("body_dir") or "").strip().lower()}
    return "rtl" in dirs or is_rtl_lang(page.lang or "") or (rtl.get("rtl_share") or 0) >= RTL_SHARE


def page_dir(page: PageRecord) -> str | None:
    """The direction a page declares in markup: on <html>, else on <body>."""
    rtl = page.facts.get("rtl") or {}
    return page.dir or rtl.get("body_dir")


def gather(store: Store) -> dict:
    """`stylesheets`, `rtl_stylesheets`, `arabic_css`, `page_lang_dir` and `languages` of `Site`."""
    stylesheets = {url: analyse(url, body) for url, body in store.stylesheets()}
    rtl_stylesheets: dict[str, str] = {}
    arabic_css: dict[str, list[dict]] = {}
    claimed: set[tuple] = set()
    use: dict[str, dict] = {}
    hreflang = store.hreflang_map()
    languages = {primary(tag) for tag in store.declared_languages()}
    languages.update(primary(e["lang"]) for alternates in hreflang.values() for e in alternates
                     if e["lang"].lower() != "x-default")
    # Pages of one section share templates: a sample per section sees every template.
    for page in store.iter_pages(sample_by_section(store.html_page_urls())):
        if page.status == 200:
            languages.add(detect_language(page.text or page.title or "").lang)
        rtl = is_rtl_record(page)
        # A page declaring dir="ltr" is laid out left to right, whatever its letters: the
        # stylesheets it loads serve a left-to-right page (a wrong dir is html-dir's finding).
        laid_out_rtl = rtl and (page_dir(page) or "").strip().lower() != "ltr"
        note_use(use, page, laid_out_rtl)
        if not rtl:
            continue
        keys = set((page.facts.get("rtl") or {}).get("arabic_elements") or ())
        for resource in page.resources:
            if resource.kind != "stylesheet" or resource.url not in stylesheets:
                continue
            if laid_out_rtl:
                rtl_stylesheets.setdefault(resource.url, page.url)
            for item in stylesheets[resource.url]:
                key = (item["url"], item["line"], item["selector"], item["property"])
                if item["kind"] not in ARABIC_RULES or key in claimed:
                    continue
                hit = [s for s in item["selector"].split(", ") if matches(s, keys)]
                if hit:
                    claimed.add(key)
                    arabic_css.setdefault(page.url, []).append({**item, "selector": ", ".join(hit)})
    targets = {e["href"] for alternates in hreflang.values() for e in alternates}
    page_lang_dir = {p.url: (p.lang, page_dir(p)) for p in store.iter_pages(targets)} if targets else {}
    return {"stylesheets": stylesheets, "rtl_stylesheets": rtl_stylesheets, "arabic_css": arabic_css,
            "page_lang_dir": page_lang_dir, "stylesheet_use": use, "languages": frozenset(languages - {None})}


def note_use(use: dict[str, dict], page: PageRecord, is_rtl: bool) -> None:
    """Count, per stylesheet, the (sampled) pages of each direction that load it."""
    side = "rtl" if is_rtl else "ltr"
    for resource in page.resources:
        if resource.kind == "stylesheet":
            entry = use.setdefault(resource.url, {"rtl": 0, "ltr": 0, "rtl_page": None, "ltr_page": None})
            entry[side] += 1
            entry[f"{side}_page"] = entry[f"{side}_page"] or page.url
