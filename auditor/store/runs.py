"""The run store: one SQLite database per run, written as records stream in.

Plain SQL (no SQLite-only types or statements beyond what PostgreSQL also runs), so
that the same schema serves a shared database when a crawl spans machines. Whole-site
questions (click depth, duplicate titles, statuses) are answered here, in SQL or in
streaming passes, so memory does not grow with every page held at once.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from auditor.store.database import PostgresDB, is_postgres
from auditor.errors import error_text
from auditor.model import PageRecord

SCHEMA = """
CREATE TABLE IF NOT EXISTS run (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    status INTEGER,
    is_html INTEGER NOT NULL DEFAULT 0,
    redirect_to TEXT,
    script_redirect TEXT,
    error TEXT,
    title TEXT,
    meta_description TEXT,
    lang TEXT,
    hreflang TEXT,
    depth INTEGER,
    in_sitemap INTEGER NOT NULL DEFAULT 0,
    canonical TEXT,
    noindex INTEGER NOT NULL DEFAULT 0,
    layout TEXT,
    shape TEXT,
    template TEXT
);
-- A page's record apart from its columns: depth and template are set after the crawl, and
-- SQLite rewrites a whole row, record included, to change one of its columns.
CREATE TABLE IF NOT EXISTS records (url TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS links (src TEXT NOT NULL, dst TEXT NOT NULL, text TEXT, PRIMARY KEY (src, dst));
CREATE INDEX IF NOT EXISTS links_dst ON links (dst);
CREATE TABLE IF NOT EXISTS resources (
    url TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    status INTEGER,
    content_type TEXT,
    bytes INTEGER,
    error TEXT,
    body TEXT
);
CREATE TABLE IF NOT EXISTS sitemap_urls (url TEXT PRIMARY KEY, sitemap TEXT, line INTEGER);
CREATE TABLE IF NOT EXISTS sitemaps (
    url TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    status INTEGER,
    error TEXT,
    urls INTEGER NOT NULL DEFAULT 0,
    offsite INTEGER NOT NULL DEFAULT 0,
    bytes INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS refs (src TEXT NOT NULL, dst TEXT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (src, dst));
CREATE TABLE IF NOT EXISTS traps (url TEXT PRIMARY KEY, kind TEXT NOT NULL, pattern TEXT NOT NULL, source TEXT);
"""

BATCH = 200
ROBOTS_KEY = "robots.txt"  # the run entry holding each origin's robots.txt
MISSING_PAGE_KEY = "missing_page"  # ... and the site's answer to an address that names no page
LOCALE_PROBE_KEY = "locale_probe"  # ... and the start URL asked for in another language
WITH_RECORD = "FROM pages p JOIN records r ON r.url = p.url"  # a page's columns and its record


def page_from_row(row: tuple) -> PageRecord:
    record, depth, in_sitemap, template = row
    page = PageRecord.from_dict(json.loads(record))
    page.depth = depth
    page.in_sitemap = bool(in_sitemap)
    page.template = template
    return page


class Store:
    """A run database. Writes are buffered and committed in batches."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        if is_postgres(self.path):
            # a database shared by the machines of one crawl (created with today's schema)
            self.db = PostgresDB(self.path, SCHEMA)
        else:
            self.db = sqlite3.connect(self.path)
            # A page's record (15-50 KB) spans a few pages of 16 KB, a dozen of SQLite's
            # 4 KB: a tenth less time storing a crawl. (Set when the file is made; an
            # older store keeps its own.)
            self.db.execute("PRAGMA page_size=16384")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
            self._add_missing_columns()
        self._pending = 0
        self._move_records()

    # -- writing -----------------------------------------------------------------

    def add_page(self, record: PageRecord) -> None:
        data = record.to_dict()
        # depth, in_sitemap and template are derived from the whole site after the crawl
        data.pop("depth", None)
        data.pop("in_sitemap", None)
        data.pop("template", None)
        self.db.execute(
            "INSERT INTO pages (url, status, is_html, redirect_to, script_redirect, error, title, meta_description,"
            " lang, hreflang, canonical, noindex, layout, shape) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (url) DO UPDATE SET status=excluded.status, is_html=excluded.is_html,"
            " redirect_to=excluded.redirect_to, script_redirect=excluded.script_redirect, error=excluded.error,"
            " title=excluded.title,"
            " meta_description=excluded.meta_description, lang=excluded.lang,"
            " hreflang=excluded.hreflang, canonical=excluded.canonical, noindex=excluded.noindex, layout=excluded.layout,"
            " shape=excluded.shape",
            (
                record.url, record.status, int(record.is_html), record.redirect_to, record.script_redirect, record.error,
                record.title, record.meta.get("description"), record.lang,
                json.dumps(record.hreflang, ensure_ascii=False) if record.hreflang else None,
                record.canonical if len(set(record.canonicals)) == 1 else None, int(record.noindex),
                record.layout or None, record.shape if record.is_html else None,
            ),
        )
        self.db.execute("INSERT INTO records (url, record) VALUES (?, ?) ON CONFLICT (url) DO UPDATE SET record=excluded.record",
                        (record.url, json.dumps(data, ensure_ascii=False)))
        edges = _link_texts(record)
        if edges:
            # a re-stored page (resume) keeps its links; a link stored without text gains it
            self.db.executemany(
                "INSERT INTO links (src, dst, text) VALUES (?, ?, ?)"
                " ON CONFLICT (src, dst) DO UPDATE SET text = COALESCE(links.text, excluded.text)",
                ((record.url, dst, text) for dst, text in edges.items()),
            )
        self._tick()

    def add_resource(self, url: str, kind: str, status: int | None, content_type: str = "",
                     size: int | None = None, error: str | None = None, body: str | None = None) -> None:
        self.db.execute(
            "INSERT INTO resources (url, kind, status, content_type, bytes, error, body)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET status=excluded.status,"
            " content_type=excluded.content_type, bytes=excluded.bytes, error=excluded.error, body=excluded.body",
            (url, kind, status, content_type, size, error, body),
        )
        self._tick()

    def add_sitemap_urls(self, urls: Iterable[str], sitemap: str, lines: Iterable[int | None] = ()) -> None:
        urls, lines = list(urls), list(lines)
        lines += [None] * (len(urls) - len(lines))
        self.db.executemany(
            "INSERT INTO sitemap_urls (url, sitemap, line) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            zip(urls, [sitemap] * len(urls), lines),
        )
        self._tick()

    def add_sitemap(self, check) -> None:
        """A sitemap's outcome (spiders.items.SitemapCheck)."""
        self.db.execute(
            "INSERT INTO sitemaps (url, source, status, error, urls, offsite, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (url) DO UPDATE SET source=excluded.source, status=excluded.status, error=excluded.error,"
            " urls=excluded.urls, offsite=excluded.offsite, bytes=excluded.bytes",
            (check.url, check.source, check.status, check.error, check.urls, check.offsite, check.bytes),
        )
        self._tick()

    def add_references(self, source: str, targets: Iterable[tuple[str, str]]) -> None:
        """Files a stylesheet or a manifest names (url, kind)."""
        self.db.executemany(
            "INSERT INTO refs (src, dst, kind) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            ((source, url, kind) for url, kind in targets),
        )
        self._tick()

    def add_trap(self, url: str, kind: str, pattern: str, source: str | None = None) -> None:
        """A URL the spider did not queue because it feeds a crawl trap (spiders/traps.py)."""
        self.db.execute(
            "INSERT INTO traps (url, kind, pattern, source) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (url, kind, pattern, source),
        )
        self._tick()

    def set_run(self, key: str, value) -> None:
        self.db.execute(
            "INSERT INTO run (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value=excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )
        self.commit()

    def add_robots(self, origin: str, text: str) -> None:
        """An origin's robots.txt, as the crawl read it."""
        self.set_run(ROBOTS_KEY, {**self.get_run(ROBOTS_KEY, {}), origin: text})

    def set_facts(self, url: str, facts: dict) -> None:
        """Attach a later stage's facts (rendered metrics, ...) to a stored page."""
        row = self.db.execute("SELECT record FROM records WHERE url = ?", (url,)).fetchone()
        if row is None:
            return
        data = json.loads(row[0])
        data.setdefault("facts", {}).update(facts)
        self.db.execute("UPDATE records SET record = ? WHERE url = ?", (json.dumps(data, ensure_ascii=False), url))
        self._tick()

    def _tick(self) -> None:
        self._pending += 1
        if self._pending >= BATCH:
            self.commit()

    def commit(self) -> None:
        self.db.commit()
        self._pending = 0

    def close(self) -> None:
        self.commit()
        self.db.close()

    def clear(self) -> None:
        """Empty every table: a shared database starting a new run (a file is deleted instead)."""
        for table in re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", SCHEMA):
            self.db.execute(f"DELETE FROM {table}")
        self.commit()

    # -- reading -----------------------------------------------------------------

    def get_run(self, key: str, default=None):
        row = self.db.execute("SELECT value FROM run WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def run_info(self) -> dict:
        return {k: json.loads(v) for k, v in self.db.execute("SELECT key, value FROM run")}

    def known_urls(self) -> set[str]:
        """Every URL already stored, page or resource (to resume without refetching)."""
        urls = {u for (u,) in self.db.execute("SELECT url FROM pages")}
        urls.update(u for (u,) in self.db.execute("SELECT url FROM resources"))
        return urls

    def frontier(self) -> list[tuple[str, int]]:
        """What an interrupted crawl had still to fetch: link, redirect and sitemap
        targets not stored yet, each with a discovery depth (its linking page's
        click depth + 1; None when only a sitemap lists it)."""
        stored = "SELECT url FROM pages UNION SELECT url FROM resources"
        rows = self.db.execute(
            f"SELECT l.dst, MIN(COALESCE(p.depth, 0)) + 1 FROM links l JOIN pages p ON p.url = l.src"
            f" WHERE l.dst NOT IN ({stored}) GROUP BY l.dst"
            f" UNION SELECT COALESCE(redirect_to, script_redirect), COALESCE(depth, 0) FROM pages"
            f" WHERE COALESCE(redirect_to, script_redirect) NOT IN ({stored})"
            f" UNION SELECT url, NULL FROM sitemap_urls WHERE url NOT IN ({stored})"
        )
        best: dict[str, int | None] = {}
        for url, depth in rows:
            known = best.get(url, depth)
            best[url] = depth if known is None else known if depth is None else min(depth, known)
        return sorted(best.items(), key=lambda item: (item[1] is None, item[1] or 0, item[0]))

    def unchecked_resources(self) -> Iterator[tuple[str, str]]:
        """(url, kind) of the sub-resources stored pages use that were not checked yet."""
        checked = {u for (u,) in self.db.execute("SELECT url FROM resources")}
        for (record,) in self._stream(f"SELECT r.record {WITH_RECORD} WHERE p.is_html = 1 AND p.status = 200"):
            for resource in json.loads(record).get("resources", ()):
                if resource["url"] not in checked:
                    checked.add(resource["url"])
                    yield resource["url"], resource["kind"]

    def count_pages(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM pages").fetchone()[0]

    def crawl_counts(self) -> dict[str, int]:
        """Resources checked and pages in error, as the spider counts them (for a crawl
        whose processes each counted only their own share)."""
        resources = self.db.execute("SELECT COUNT(*) FROM resources").fetchone()[0]
        errors = self.db.execute(
            "SELECT COUNT(*) FROM pages WHERE (error IS NOT NULL OR status >= 400)"
            " AND (status IS NULL OR status < 300 OR status >= 400)"
        ).fetchone()[0]
        return {"resources": resources, "errors": errors}

    def iter_pages(self, urls: Iterable[str] | None = None) -> Iterator[PageRecord]:
        """Every stored page in crawl order, or only those of `urls`."""
        return map(page_from_row, self.page_rows() if urls is None else self._rows_for(list(urls)))

    def page_rows(self) -> Iterator[tuple]:
        """Every stored page in crawl order as the store keeps it, for `page_from_row`
        (which a worker process can run)."""
        return self._stream(f"SELECT r.record, p.depth, p.in_sitemap, p.template {WITH_RECORD} ORDER BY p.rowid")

    def _rows_for(self, urls: list[str]) -> Iterator[tuple]:
        return self._where_in(f"SELECT r.record, p.depth, p.in_sitemap, p.template {WITH_RECORD}"
                              " WHERE p.url IN ({marks})", urls)

    def measured_urls(self) -> set[str]:
        """Pages the render stage has measured already (a resumed run skips them)."""
        rows = self.db.execute("SELECT url, record FROM records WHERE record LIKE ?", ('%"render": {%',))
        return {url for url, record in rows if (json.loads(record).get("facts") or {}).get("render")}

    def html_page_urls(self) -> Iterator[str]:
        """URLs of the pages that answered 200 with HTML, in crawl order."""
        for (url,) in self.db.execute("SELECT url FROM pages WHERE status = 200 AND is_html = 1 ORDER BY rowid"):
            yield url

    def statuses(self) -> dict[str, int | None]:
        """Status of every URL fetched, pages and resources alike (None: no answer)."""
        out = {u: s for u, s in self.db.execute("SELECT url, status FROM resources")}
        out.update((u, s) for u, s in self.db.execute("SELECT url, status FROM pages"))
        return out

    def errors(self) -> dict[str, str]:
        out = {u: e for u, e in self.db.execute("SELECT url, error FROM resources WHERE error IS NOT NULL")}
        out.update((u, e) for u, e in self.db.execute("SELECT url, error FROM pages WHERE error IS NOT NULL"))
        return out

    def redirects(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT url, redirect_to FROM pages WHERE redirect_to IS NOT NULL"))

    def visitor_redirects(self) -> dict[str, str]:
        """Where a visitor is sent on without a click: HTTP redirects, and where a rendered
        page's scripts send them (not a redirect to search engines: the audits of redirects
        read `redirects`)."""
        return dict(self.db.execute("SELECT url, COALESCE(redirect_to, script_redirect) FROM pages"
                                    " WHERE redirect_to IS NOT NULL OR script_redirect IS NOT NULL"))

    def value_counts(self, column: str, index_files: tuple[str, ...] = ()) -> Counter:
        """How many 200 HTML pages share each title or meta description; a folder and its
        index file (/guide/ and /guide/index.html, `index_files` naming them) are one page."""
        assert column in ("title", "meta_description")
        assert all(re.fullmatch(r"[\w.-]+", name) for name in index_files)  # written into the SQL
        folder = "CASE " + " ".join(f"WHEN url LIKE '%/{name}' THEN substr(url, 1, length(url) - {len(name)})"
                                    for name in index_files) + " ELSE url END" if index_files else "url"
        return Counter(dict(self.db.execute(
            f"SELECT {column}, COUNT(DISTINCT {folder}) FROM pages WHERE status = 200 AND is_html = 1"
            f" AND {column} IS NOT NULL AND {column} <> '' GROUP BY {column} HAVING COUNT(DISTINCT {folder}) > 1"
        )))

    def declared_languages(self) -> set[str]:
        """The lang attributes the site's 200 HTML pages declare, each once."""
        return {row[0] for row in self.db.execute(
            "SELECT DISTINCT lang FROM pages WHERE status = 200 AND is_html = 1 AND lang IS NOT NULL AND lang <> ''")}

    def urls_with(self, column: str, values: Iterable[str]) -> Iterator[tuple[str, str]]:
        """(value, url) of the 200 HTML pages whose title or meta description is one of `values`."""
        assert column in ("title", "meta_description")
        return self._where_in(f"SELECT {column}, url FROM pages WHERE status = 200 AND is_html = 1"
                              f" AND {column} IN ({{marks}})", values)

    def resources(self) -> Iterator[dict]:
        cols = ("url", "kind", "status", "content_type", "bytes", "error")
        for row in self.db.execute(f"SELECT {', '.join(cols)} FROM resources"):
            yield dict(zip(cols, row))

    def stylesheets(self) -> Iterator[tuple[str, str]]:
        yield from self.db.execute("SELECT url, body FROM resources WHERE kind = 'stylesheet' AND body IS NOT NULL")

    def hreflang_map(self) -> dict[str, list[dict]]:
        """The hreflang alternates of every page that declares some."""
        rows = self.db.execute("SELECT url, hreflang FROM pages WHERE hreflang IS NOT NULL")
        return {url: json.loads(value) for url, value in rows}

    def sitemaps(self) -> list[dict]:
        rows = self.db.execute("SELECT url, source, status, error, urls, offsite, bytes FROM sitemaps ORDER BY url")
        return [dict(zip(("url", "source", "status", "error", "urls", "offsite", "bytes"), row)) for row in rows]

    def sitemap_sources(self) -> dict[str, tuple[str, int | None]]:
        """Listed URL -> (the sitemap listing it, its line there)."""
        return {url: (sitemap, line) for url, sitemap, line in self._stream("SELECT url, sitemap, line FROM sitemap_urls")}

    def references(self) -> dict[str, list[tuple[str, str]]]:
        """Stylesheet or manifest -> the files it names (url, kind)."""
        out: dict[str, list[tuple[str, str]]] = {}
        for src, dst, kind in self.db.execute("SELECT src, dst, kind FROM refs ORDER BY src, dst"):
            out.setdefault(src, []).append((dst, kind))
        return out

    def canonical_facts(self) -> dict:
        """What the canonical checks need: each page's canonical when it names another URL,
        the noindexed pages, the language of every canonical target, and the robots-blocked URLs."""
        canonical_of = dict(self.db.execute(
            "SELECT url, canonical FROM pages WHERE canonical IS NOT NULL AND canonical <> url"))
        noindex = {u for (u,) in self.db.execute("SELECT url FROM pages WHERE noindex = 1")}
        lang_of = dict(self.db.execute(
            "SELECT url, lang FROM pages WHERE url IN (SELECT canonical FROM pages WHERE canonical <> url)"))
        return {"canonical_of": canonical_of, "noindex": noindex, "lang_of": lang_of}

    def sitemap_problems(self) -> list[dict]:
        """Listed URLs whose page is not a 200 page that is its own canonical (with the sitemap and line)."""
        rows = self._stream(
            "SELECT s.url, s.sitemap, s.line, p.status, p.error, p.redirect_to, p.canonical FROM sitemap_urls s"
            " JOIN pages p ON p.url = s.url WHERE p.status IS NULL OR p.status <> 200 OR p.redirect_to IS NOT NULL"
            " OR (p.canonical IS NOT NULL AND p.canonical <> s.url) ORDER BY s.sitemap, s.line")
        keys = ("url", "sitemap", "line", "status", "error", "redirect_to", "canonical")
        return [dict(zip(keys, row)) for row in rows]

    def missing_page(self) -> dict | None:
        """The site's answer to an address that names no page (spiders.items.MissingPageProbe)."""
        return self.get_run(MISSING_PAGE_KEY)

    def locale_probe(self) -> dict | None:
        """The start URL as a browser set to another language gets it (spiders.items.LocaleProbe)."""
        return self.get_run(LOCALE_PROBE_KEY)

    def robots_files(self) -> dict[str, str]:
        """Origin -> its robots.txt (those the crawl read)."""
        return self.get_run(ROBOTS_KEY, {})

    def robots_blocked_links(self, examples: int = 3) -> dict[str, dict]:
        """Pages robots.txt keeps the crawler from, that the site links to: URL -> {count, sources}."""
        out: dict[str, dict] = {}
        rows = self.db.execute(
            "SELECT l.dst, l.src FROM links l JOIN pages p ON p.url = l.dst"
            " WHERE p.error = ? ORDER BY l.dst, l.src", (error_text("robots"),))
        for dst, src in rows:
            entry = out.setdefault(dst, {"count": 0, "sources": []})
            entry["count"] += 1
            if len(entry["sources"]) < examples:
                entry["sources"].append(src)
        return out

    def sitemap_urls(self) -> set[str]:
        return {u for (u,) in self.db.execute("SELECT url FROM sitemap_urls")}

    def traps(self) -> list[dict]:
        """Each capped URL pattern once: {kind, pattern, cut (URLs not crawled), example,
        source (the page linking to the example)}. A URL cut as a trap but crawled
        later through another link is not counted."""
        rows = self.db.execute(
            "SELECT kind, pattern, url, source FROM traps WHERE url NOT IN (SELECT url FROM pages)"
            " ORDER BY kind, pattern, url"
        )
        out: dict[tuple[str, str], dict] = {}
        for kind, pattern, url, source in rows:
            entry = out.setdefault((kind, pattern), {"kind": kind, "pattern": pattern, "cut": 0, "example": url, "source": source})
            entry["cut"] += 1
        return list(out.values())

    # -- whole-site passes -------------------------------------------------------

    def compute_site(self, start_urls: list[str]) -> None:
        """Click depth (breadth-first over followable links from the start URLs, a
        redirect costing no click) and sitemap membership, stored on each page."""
        redirects = self.visitor_redirects()
        depth: dict[str, int] = {}
        frontier = []
        for url in start_urls:
            for u in _follow(url, redirects):
                if u not in depth:
                    depth[u] = 0
                    frontier.append(u)
        level = 0
        while frontier:
            level += 1
            reached = []
            for (dst,) in self._where_in("SELECT DISTINCT dst FROM links WHERE src IN ({marks})", frontier):
                for u in _follow(dst, redirects):
                    if u not in depth:
                        depth[u] = level
                        reached.append(u)
            frontier = reached
        # Only rows whose values change are written.
        rows = self.db.execute("SELECT p.url, p.depth, p.in_sitemap, s.url IS NOT NULL FROM pages p"
                               " LEFT JOIN sitemap_urls s ON s.url = p.url")
        changed = [(depth.get(url), int(listed), url) for url, old_depth, old_listed, listed in rows
                   if (old_depth, old_listed) != (depth.get(url), int(listed))]
        self.db.executemany("UPDATE pages SET depth = ?, in_sitemap = ? WHERE url = ?", changed)
        self.commit()

    def layouts(self) -> list[tuple[str, str | None, str | None]]:
        """(url, layout key, content shape) of every page that answered 200 with HTML."""
        return list(self.db.execute("SELECT url, layout, shape FROM pages WHERE status = 200 AND is_html = 1"))

    def set_templates(self, template_of: dict[str, str]) -> None:
        """Each page's template across the site (auditor/gather/templates.py assigns them)."""
        changed = [(template_of.get(url), url) for url, old in self.db.execute("SELECT url, template FROM pages")
                   if old != template_of.get(url)]
        self.db.executemany("UPDATE pages SET template = ? WHERE url = ?", changed)
        self.commit()

    def depth_histogram(self) -> dict[str, int]:
        rows = self.db.execute("SELECT depth, COUNT(*) FROM pages WHERE is_html = 1 AND status = 200 GROUP BY depth")
        return {("unreached" if d is None else str(d)): n for d, n in sorted(rows, key=lambda r: (r[0] is None, r[0] or 0))}

    # -- customer touchpoints ----------------------------------------------------

    def _add_missing_columns(self) -> None:
        """Columns added after a database was first created (an older run still opens)."""
        for table, column in (("links", "text TEXT"), ("sitemap_urls", "line INTEGER"), ("pages", "canonical TEXT"),
                              ("pages", "noindex INTEGER NOT NULL DEFAULT 0"), ("pages", "layout TEXT"), ("pages", "template TEXT"),
                              ("pages", "script_redirect TEXT"), ("pages", "shape TEXT")):
            try:
                self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column}")
            except sqlite3.OperationalError:  # the column is there already
                pass

    def _move_records(self) -> None:
        """A store made before the records table kept each page's record in the pages
        table: move them there (an older run still opens and resumes)."""
        if isinstance(self.db, PostgresDB):
            columns = {name for (name,) in self.db.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                " AND table_name = 'pages'")}
        else:
            columns = {row[1] for row in self.db.execute("PRAGMA table_info(pages)")}
        if "record" in columns:
            self.db.execute("INSERT INTO records (url, record) SELECT url, record FROM pages WHERE true"
                            " ON CONFLICT (url) DO NOTHING")
            self.db.execute("ALTER TABLE pages DROP COLUMN record")
            self.commit()

    def _where_in(self, query: str, values: Iterable) -> Iterator[tuple]:
        """Rows of `query`, whose `{marks}` is an IN list, over `values` a bounded number at
        a time (SQLite caps a statement's parameters)."""
        values = list(values)
        for i in range(0, len(values), 500):
            chunk = values[i:i + 500]
            yield from self.db.execute(query.format(marks=",".join("?" * len(chunk))), chunk)

    def _stream(self, query: str) -> Iterator[tuple]:
        """Rows of a query that may be large, read as they are used (SQLite cursors are
        lazy already; PostgreSQL needs a server-side cursor)."""
        return self.db.stream(query) if isinstance(self.db, PostgresDB) else self.db.execute(query)

    def script_pages(self) -> Iterator[tuple[str, int | None, dict]]:
        """(url, click depth, js facts) of the pages stored with a script group (--js):
        what a resumed crawl needs to carry on sampling where it stopped."""
        rows = self._stream(f"SELECT p.url, p.depth, r.record {WITH_RECORD}"
                            " WHERE r.record LIKE '%\"script_group\"%' ORDER BY p.rowid")
        for url, depth, record in rows:
            js = json.loads(record).get("facts", {}).get("js") or {}
            if js.get("script_group"):
                yield url, depth, js

    def page_dicts(self) -> Iterator[dict]:
        """The stored record (as a plain dict) of every page that answered 200 with HTML,
        in crawl order: one cheap pass for whole-site facts read from page content."""
        rows = self._stream(f"SELECT r.record {WITH_RECORD}"
                            " WHERE p.status = 200 AND p.is_html = 1 AND p.error IS NULL ORDER BY p.rowid")
        for (record,) in rows:
            yield json.loads(record)

    def html_twins(self) -> list[tuple[str, str]]:
        """(/page.html, /page) and (/page.htm, /page): both stored HTML pages that answered 200.
        A static host (GitHub Pages, Netlify, Vercel) serves a file at both."""
        return [tuple(row) for suffix in (".html", ".htm") for row in self.db.execute(
            "SELECT a.url, b.url FROM pages a JOIN pages b ON b.url = substr(a.url, 1, length(a.url) - ?)"
            " WHERE a.url LIKE ? AND a.status = 200 AND a.is_html = 1 AND b.status = 200 AND b.is_html = 1"
            " ORDER BY a.url", (len(suffix), "%" + suffix))]

    def depths(self, urls: Iterable[str]) -> dict[str, int | None]:
        """The click depth of each of `urls` (computed by compute_site)."""
        return dict(self._where_in("SELECT url, depth FROM pages WHERE url IN ({marks})", urls))

    def link_labels(self) -> Iterator[tuple[str, str]]:
        """(target, anchor text) of every internal link from another page that has text, each
        pair once: a page's links to its own sections (a table of contents) do not name it."""
        yield from self._stream("SELECT DISTINCT dst, text FROM links WHERE text IS NOT NULL AND text <> '' AND src <> dst")

    def ok_html_urls(self, urls: Iterable[str]) -> set[str]:
        """Those of `urls` that are stored pages answering 200 with HTML."""
        return {u for (u,) in self._where_in(
            "SELECT url FROM pages WHERE url IN ({marks}) AND status = 200 AND is_html = 1 AND error IS NULL", urls)}

    def touchpoint_distance(self, sources: dict[str, list[str]]) -> dict[str, dict[str, int]]:
        """Clicks from each page to the nearest page of each kind in `sources` (kind ->
        its pages): one breadth-first search on the reversed link graph from every
        source at once, read from the links table in batches; a redirect costs no click.
        Pages with the same distances share one dict."""
        into: dict[str, list[str]] = {}  # redirect target -> the URLs redirecting to it
        for src, dst in self.visitor_redirects().items():
            into.setdefault(dst, []).append(src)
        distance: dict[str, dict[str, int]] = {}

        def reach(url: str, kinds: set[str], level: int, frontier: dict[str, set[str]]) -> None:
            stack = [url]
            while stack:
                u = stack.pop()
                known = distance.setdefault(u, {})
                new = {k for k in kinds if k not in known}
                if not new:
                    continue
                for kind in new:
                    known[kind] = level
                frontier.setdefault(u, set()).update(new)
                stack.extend(into.get(u, ()))  # a link to a redirect reaches its target

        frontier: dict[str, set[str]] = {}
        for kind, urls in sources.items():
            for url in urls:
                reach(url, {kind}, 0, frontier)
        level = 0
        while frontier:
            level += 1
            reached: dict[str, set[str]] = {}
            # targets that gained the same kinds are asked for together: the database
            # answers each linking page once per group, not once per link
            groups: dict[frozenset[str], list[str]] = {}
            for url, kinds in frontier.items():
                groups.setdefault(frozenset(kinds), []).append(url)
            for kinds, targets in groups.items():
                for (src,) in self._where_in("SELECT DISTINCT src FROM links WHERE dst IN ({marks})", targets):
                    known = distance.get(src)
                    if known is None or not kinds.issubset(known):
                        reach(src, kinds, level, reached)
            frontier = reached
        shared: dict[tuple, dict[str, int]] = {}
        return {url: shared.setdefault(tuple(sorted(d.items())), d) for url, d in distance.items()}


def _follow(url: str, redirects: dict[str, str]) -> Iterator[str]:
    """The URL and every hop of its redirect chain (stopping at a loop)."""
    seen = set()
    while url and url not in seen:
        seen.add(url)
        yield url
        url = redirects.get(url)


def _link_texts(record: PageRecord) -> dict[str, str | None]:
    """Each followable internal link target of a page with its distinct anchor texts
    (one per line, in page order), None when no link to it has text."""
    texts: dict[str, list[str]] = {}
    for link in record.links:
        if link.internal and link.kind in ("a", "area"):
            seen = texts.setdefault(link.href, [])
            if link.text and link.text not in seen:
                seen.append(link.text)
    return {dst: "\n".join(t)[:1000] or None for dst, t in texts.items()}
