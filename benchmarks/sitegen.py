"""A generated business site with known answers, for the tests and benchmarks.

    python benchmarks/sitegen.py --pages N --out DIR --lang ar|en|mixed \
        --base-url http://127.0.0.1:PORT [--js-links listing|item|all]

Same arguments, same bytes. The site: a home page, categories whose listings run in
"next page" chains (so some items sit 8-10 clicks deep on a large site), N item pages,
the customer touchpoints (about, contact, FAQ, privacy, returns) linked from every
footer, sitemap.xml, robots.txt and a stylesheet in physical CSS. Pages weigh 20-45 KB:
500-1,400 words of copy, the rest a JSON data block as storefront themes embed.

Defects are planted at fixed rates and listed in DIR/_truth.json with the click depth
of every linked page (breadth-first from index.html over every link a page shows),
the orphans (in the sitemap, linked from nowhere) and the broken links ([page, target]).
With --js-links the pages of that kind build their list of links in the browser from
inline JSON; the truth then adds `depth_static` (the depth from HTML links alone) and
`js_link_pages`, and `depth` stays a visitor's depth.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import shutil
import sys
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.sitegen_text import WORDS, description, paragraph, sentence, title_words  # noqa: E402

PER_LISTING = 20            # items on one listing page
CHAIN = 9                   # listing pages in the longest chain
TOUCHPOINTS = ("about", "contact", "faq", "privacy", "returns")
# planted defect -> share of eligible pages
RATES = {
    "missing_title": 0.03, "duplicate_title": 0.05, "missing_meta_description": 0.10,
    "img_missing_alt": 0.15, "h1_missing": 0.04, "missing_lang": 0.035,
    "missing_dir_rtl": 0.05, "letter_spacing_arabic": 0.025,
}
ORPHAN_RATE, BROKEN_RATE = 0.02, 0.015
STYLE = """body{margin:0;font-family:Tahoma,Arial,sans-serif;line-height:1.7}
header{display:flex;justify-content:space-between;padding:12px 24px;background:#1d3557}
header a{color:#fff;margin-left:16px;text-decoration:none}
nav.crumbs{padding:8px 24px;font-size:14px}
main{max-width:980px;margin:0 auto;padding:0 24px}
.card{float:left;width:30%;margin-right:3%;padding-left:8px}
.price{text-align:left;font-weight:bold}
footer{clear:both;padding:24px;background:#f1f1f1}
"""
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">'
       '<rect width="{w}" height="{h}" fill="{color}"/></svg>\n')
COLORS = ("#e63946", "#457b9d", "#2a9d8f", "#f4a261", "#6d597a")
JS_BUILD = ("(function(){var d=JSON.parse(document.getElementById('links-data').textContent);"
            "var ul=document.getElementById('links');d.forEach(function(l){var li=document.createElement('li');"
            "var a=document.createElement('a');a.href=l[0];a.textContent=l[1];li.appendChild(a);ul.appendChild(li);});})();")


@dataclass
class Page:
    path: str                       # relative to the site root: "p/12.html"
    kind: str                       # home, touchpoint, listing, item
    lang: str                       # ar or en
    name: str
    links: list[tuple[str, str]] = field(default_factory=list)   # body links: (path, text)
    scripted: bool = False          # body links built in the browser
    defects: set[str] = field(default_factory=set)
    broken: str | None = None


def build(pages: int, lang: str, js_links: str | None, seed: int = 20240) -> list[Page]:
    """The site's pages and their links, defects planted, nothing written yet."""
    rng = random.Random(f"{seed}:{pages}:{lang}")
    pick = (lambda: "ar" if rng.random() < 0.5 else "en") if lang == "mixed" else (lambda: lang)
    home = Page("index.html", "home", pick(), "home")
    touch = [Page(f"{t}.html", "touchpoint", pick(), t) for t in TOUCHPOINTS]
    items = [Page(f"p/{i}.html", "item", pick(), f"item {i}") for i in range(pages)]
    orphans = set(rng.sample(range(pages), int(pages * ORPHAN_RATE)))
    listed = [i for i in range(pages) if i not in orphans]

    # categories of uneven size; on a large site every third fills CHAIN listing pages
    listings: list[Page] = []
    categories: list[str] = []
    start, k = 0, 0
    while start < len(listed):
        size = min(PER_LISTING * CHAIN, max(PER_LISTING, pages // 10)) if k % 3 == 0 else rng.randint(PER_LISTING, PER_LISTING * 4)
        chunk = listed[start:start + size]
        start += size
        chain = [Page(f"c/{k}/index.html" if j == 0 else f"c/{k}/page{j + 1}.html", "listing", pick(), f"category {k}")
                 for j in range((len(chunk) + PER_LISTING - 1) // PER_LISTING)]
        for j, listing in enumerate(chain):
            for i in chunk[j * PER_LISTING:(j + 1) * PER_LISTING]:
                listing.links.append((items[i].path, f"item {i}"))
            if j + 1 < len(chain):
                listing.links.append((chain[j + 1].path, "next"))
        categories.append(chain[0].path)
        listings += chain
        k += 1
    # an item links to its neighbours in the same listing (never to an orphan)
    position = {i: n for n, i in enumerate(listed)}
    for i in listed:
        n = position[i]
        same = n - n % PER_LISTING
        for m in (n - 1, n + 1):
            if same <= m < min(same + PER_LISTING, len(listed)) and m != n:
                items[i].links.append((items[listed[m]].path, f"item {listed[m]}"))
    for i in orphans:
        items[i].links.append((home.path, "home"))
    home.links = [(c, f"category {n}") for n, c in enumerate(categories)]
    site = [home, *touch, *listings, *items]

    scripted_kinds = {"listing": {"listing"}, "item": {"item"}, "all": {"listing", "item"}}.get(js_links, set())
    for page in site:
        page.scripted = page.kind in scripted_kinds
    for i in rng.sample(listed, int(pages * BROKEN_RATE)):
        items[i].broken = f"gone/{rng.randint(10000, 99999)}.html"
    plantable = [p for p in site if p.kind != "home"]
    for defect, rate in RATES.items():
        eligible = [p for p in plantable if p.lang == "ar"] if defect in ("missing_dir_rtl", "letter_spacing_arabic") else plantable
        for page in rng.sample(eligible, int(len(eligible) * rate)):
            page.defects.add(defect)
    for page in site:
        # no <html lang> and no dir together would be a second defect; a page with no
        # title cannot share one
        if {"missing_lang", "missing_dir_rtl"} <= page.defects:
            page.defects.discard("missing_dir_rtl")
        if {"missing_title", "duplicate_title"} <= page.defects:
            page.defects.discard("duplicate_title")
    return site


def chrome_links(page: Page, categories: list[str]) -> list[str]:
    """Links every page shows: the header's categories and the footer's touchpoints."""
    return ["index.html", *categories[:6], *(f"{t}.html" for t in TOUCHPOINTS)]


def outlinks(page: Page, categories: list[str], scripts: bool) -> list[str]:
    body = [path for path, _ in page.links] if scripts or not page.scripted else []
    return chrome_links(page, categories) + body


def depths(site: list[Page], scripts: bool) -> dict[str, int]:
    categories = [p.path for p in site if p.kind == "listing" and p.path.endswith("/index.html")]
    by_path = {p.path: p for p in site}
    depth = {"index.html": 0}
    queue = deque(["index.html"])
    while queue:
        path = queue.popleft()
        for target in outlinks(by_path[path], categories, scripts):
            if target in by_path and target not in depth:
                depth[target] = depth[path] + 1
                queue.append(target)
    return depth


def write(out: Path, pages: int, lang: str, base_url: str, js_links: str | None = None) -> dict:
    site = build(pages, lang, js_links)
    base_url = base_url.rstrip("/")
    out.mkdir(parents=True, exist_ok=True)
    assets = out / "assets"
    assets.mkdir(exist_ok=True)
    (assets / "style.css").write_text(STYLE, encoding="utf-8")
    (assets / "logo.svg").write_text(SVG.format(w=120, h=40, color="#1d3557"), encoding="utf-8")
    for n, color in enumerate(COLORS):
        (assets / f"img{n}.svg").write_text(SVG.format(w=400, h=300, color=color), encoding="utf-8")
    categories = [p.path for p in site if p.kind == "listing" and p.path.endswith("/index.html")]
    made: set[Path] = set()
    for page in site:
        path = out / page.path
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(render(page, categories, base_url), encoding="utf-8")
    (out / "robots.txt").write_text(f"User-agent: *\nDisallow: /private/\nSitemap: {base_url}/sitemap.xml\n", encoding="utf-8")
    locs = "".join(f"<url><loc>{base_url}/{p}</loc></url>" for p in sorted(p.path for p in site))
    (out / "sitemap.xml").write_text('<?xml version="1.0" encoding="UTF-8"?>'
                                     f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>\n',
                                     encoding="utf-8")
    truth = make_truth(site, js_links)
    (out / "_truth.json").write_text(json.dumps(truth, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return truth


def make_truth(site: list[Page], js_links: str | None) -> dict:
    depth = depths(site, scripts=True)
    truth = {
        "pages": len(site),
        "depth": depth,
        "max_depth": max(depth.values()),
        "orphans": sorted(p.path for p in site if p.path not in depth),
        "broken_links": sorted([p.path, p.broken] for p in site if p.broken),
        "defects": {name: sorted(p.path for p in site if name in p.defects) for name in RATES},
    }
    if js_links:
        truth["depth_static"] = depths(site, scripts=False)
        truth["js_link_pages"] = sorted(p.path for p in site if p.scripted)
    return truth


def render(page: Page, categories: list[str], base_url: str) -> str:
    rng = random.Random(page.path)
    ar = page.lang == "ar"
    up = "../" * page.path.count("/")
    title = "Welcome" if "duplicate_title" in page.defects else f"{title_words(page, ar)} | {'متجر الواحة' if ar else 'Oasis Market'}"
    attrs = "" if "missing_lang" in page.defects else f' lang="{page.lang}"'
    if ar and "missing_dir_rtl" not in page.defects:
        attrs += ' dir="rtl"'
    head = ['<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">']
    if "missing_title" not in page.defects:
        head.append(f"<title>{html.escape(title)}</title>")
    if "missing_meta_description" not in page.defects:
        head.append(f'<meta name="description" content="{html.escape(description(rng, ar, title_words(page, ar)))}">')
    head.append(f'<link rel="canonical" href="{base_url}/{page.path}">')
    head.append(f'<link rel="stylesheet" href="{up}assets/style.css">')
    nav = "".join(f'<a href="{up}{c}">{WORDS[ar]["category"]} {n}</a>' for n, c in enumerate(categories[:6]))
    body = [f'<header><a href="{up}index.html"><img src="{up}assets/logo.svg" width="120" height="40" alt="{WORDS[ar]["logo"]}"></a>'
            f"<nav>{nav}</nav></header>",
            f'<nav class="crumbs"><a href="{up}index.html">{WORDS[ar]["home"]}</a></nav>', "<main>"]
    heading = title_words(page, ar)
    body.append(f"<h2>{heading}</h2>" if "h1_missing" in page.defects else f"<h1>{heading}</h1>")
    alt = "" if "img_missing_alt" in page.defects else f' alt="{html.escape(heading)}"'
    body.append(f'<img src="{up}assets/img{rng.randrange(len(COLORS))}.svg" width="400" height="300"{alt}>')
    if "letter_spacing_arabic" in page.defects:
        body.append(f'<p style="letter-spacing:2px">{sentence(rng, ar, page.name)}</p>')
    body.append(links_block(page, up, ar))
    if page.broken:
        body.append(f'<p><a href="{up}{page.broken}">{WORDS[ar]["old offer"]}</a></p>')
    footer = "".join(f'<li><a href="{up}{t}.html">{WORDS[ar][t]}</a></li>' for t in TOUCHPOINTS)
    tail = ["</main>", f'<footer><ul>{footer}</ul><p>{WORDS[ar]["call"]} <a href="tel:+966501234567" dir="ltr">+966 50 123 4567</a>'
            f' &middot; <a href="mailto:care@example.com">care@example.com</a></p></footer>', "</body></html>\n"]
    start = f"<!DOCTYPE html>\n<html{attrs}>\n<head>{''.join(head)}</head>\n<body>"
    size = len("".join([start, *body, *tail]).encode())
    target = rng.randint(20_500, 44_000)
    copy = rng.randint(500, 1400)  # words of copy: a shop page's, not a book's
    while size < target and copy > 0:
        section = f"<h2>{sentence(rng, ar, page.name, words=4)}</h2>" + "".join(
            f"<p>{paragraph(rng, ar, page.name)}</p>" for _ in range(3))
        if size + len(section.encode()) > 45_000:
            break
        body.append(section)
        size += len(section.encode())
        copy -= len(section.split())
    if size < target:  # the rest of the weight: the data a shop's template carries beside its copy
        body.append(page_data(rng, page.path, target - size))
    return "".join([start, *body, *tail])


def page_data(rng: random.Random, path: str, size: int) -> str:
    """A JSON data block of about `size` bytes (a theme's product and cart state, as
    storefronts embed it): no browser runs it and no visitor sees it."""
    items, length = [], 0
    while length < size:
        item = {"id": rng.randrange(10**6), "sku": f"OM-{rng.randrange(10**5):05d}", "page": path,
                "price": round(rng.uniform(5, 900), 2), "currency": "SAR", "stock": rng.randrange(60),
                "variants": [{"id": rng.randrange(10**6), "color": rng.choice(COLORS)} for _ in range(3)]}
        items.append(item)
        length += len(json.dumps(item)) + 1
    return f'<script type="application/json" id="page-data">{json.dumps({"items": items})}</script>'


def links_block(page: Page, up: str, ar: bool) -> str:
    if not page.links:
        return ""
    label = {"next": WORDS[ar]["next"], "home": WORDS[ar]["home"]}
    pairs = [(up + path, label.get(text) or f"{WORDS[ar]['item']} {text.split()[-1]}") for path, text in page.links]
    if page.scripted:
        data = json.dumps(pairs, ensure_ascii=False).replace("</", "<\\/")
        return (f'<ul id="links"></ul><script type="application/json" id="links-data">{data}</script>'
                f"<script>{JS_BUILD}</script>")
    return "<ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in pairs) + "</ul>"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a business site with known answers (_truth.json).")
    parser.add_argument("--pages", type=int, required=True, help="item pages (the site holds a few more)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", choices=("ar", "en", "mixed"), default="ar")
    parser.add_argument("--base-url", required=True, help="where the site will be served (for sitemap.xml, robots.txt)")
    parser.add_argument("--js-links", choices=("listing", "item", "all"))
    args = parser.parse_args(argv)
    if args.pages < 1:
        parser.error("--pages must be at least 1")
    if args.out.exists() and any(args.out.iterdir()) and not (args.out / "_truth.json").exists():
        parser.error(f"{args.out} is not empty and holds no generated site: choose an empty folder")
    for old in ("p", "c"):
        shutil.rmtree(args.out / old, ignore_errors=True)
    truth = write(args.out, args.pages, args.lang, args.base_url, args.js_links)
    print(f"{truth['pages']} pages, max click depth {truth['max_depth']}, {len(truth['broken_links'])} broken links, "
          f"{len(truth['orphans'])} orphans -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
