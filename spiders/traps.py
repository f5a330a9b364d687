"""Spider-trap detection: which discovered URLs the crawl refuses to queue, and why.

A trap is a part of a site that generates new URLs without end: a calendar whose
"next month" link never runs out, a session ID put into every link, relative links
that stack the same folders again and again, URLs that grow on every click. The
guard below is pure bookkeeping (no Scrapy), fed each URL before it is queued.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from auditor.options import default

# Query and path parameters that only carry a visitor's session.
SESSION_PARAMS = frozenset({
    "jsessionid", "phpsessid", "aspsessionid", "sid", "sessionid", "session_id", "sessid",
    "cfid", "cftoken", "zenid", "oscsid",
})

MAX_RUN = 8

LONG_URL = "long-url"
REPEATED_PATH = "repeated-path"
SESSION_ID = "session-id"
QUERY_VARIANTS = "query-variants"


@dataclass(frozen=True)
class TrapLimits:
    max_url_length: int = default("max_url_length")  # characters of the whole URL
    max_path_repeats: int = default("max_path_repeats")  # times one run of path segments may follow itself
    max_query_variants: int = default("max_query_variants")  # URLs of one path reached from that same path


@dataclass(frozen=True)
class Cut:
    """A URL not queued: which rule stopped it and the pattern it belongs to."""

    url: str
    kind: str
    pattern: str


def _segments(path: str) -> list[str]:
    # ";jsessionid=..." style parameters are not part of the folder structure
    return [s.split(";", 1)[0] for s in path.split("/") if s]


def _repeated_run(segments: list[str], max_repeats: int) -> list[str] | None:
    """The run of segments that follows itself more than `max_repeats` times, if any."""
    need = max_repeats + 1
    n = len(segments)
    # Traps repeat short runs (one to a few folders); longer runs are not looked for.
    for size in range(1, min(MAX_RUN, n // need) + 1):
        for start in range(0, n - size * need + 1):
            run = segments[start:start + size]
            if all(segments[start + k * size:start + (k + 1) * size] == run for k in range(1, need)):
                return run
    return None


def without_session(url: str) -> tuple[str, bool]:
    """The URL with session parameters removed, and whether it had any."""
    parts = urlsplit(url)
    path_segments = parts.path.split("/")
    had = False
    for i, segment in enumerate(path_segments):
        if ";" in segment:
            name, *params = segment.split(";")
            kept = [p for p in params if p.split("=", 1)[0].lower() not in SESSION_PARAMS]
            if len(kept) != len(params):
                had = True
                path_segments[i] = ";".join([name, *kept])
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept_query = [(k, v) for k, v in query if k.lower() not in SESSION_PARAMS]
    if len(kept_query) != len(query):
        had = True
    if not had:
        return url, False
    return urlunsplit((parts.scheme, parts.netloc, "/".join(path_segments), urlencode(kept_query), "")), True


def _session_names(parts) -> list[str]:
    names = {k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    names.update(p.split("=", 1)[0].lower() for seg in parts.path.split("/") for p in seg.split(";")[1:])
    return sorted(names & SESSION_PARAMS)


def _path_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/" + "/".join(_segments(parts.path))


class TrapGuard:
    """Decides, URL by URL, whether queuing it would feed a trap.

    `admit(url, source)` returns None for a URL to crawl (and counts it), or the Cut
    that explains why not. `source` is the page the link was found on.
    """

    def __init__(self, limits: TrapLimits = TrapLimits()):
        self.limits = limits
        self.session_free: set[str] = set()  # every admitted URL, session parameters removed
        self.variants: Counter[str] = Counter()  # path -> query variants reached from that path

    def note(self, url: str) -> None:
        """Count a URL already crawled (a resumed run) without judging it."""
        self.session_free.add(without_session(url)[0])

    def admit(self, url: str, source: str | None = None) -> Cut | None:
        limits = self.limits
        parts = urlsplit(url)
        segments = _segments(parts.path)
        if len(url) > limits.max_url_length:
            first = segments[0][:60] if segments else ""
            return Cut(url, LONG_URL, f"{parts.scheme}://{parts.netloc}/{first}\u2026 (over {limits.max_url_length} characters)")
        run = _repeated_run(segments, limits.max_path_repeats)
        if run:
            return Cut(url, REPEATED_PATH, f"{parts.scheme}://{parts.netloc}/\u2026/" + "/".join(run) + "/\u2026")
        bare, had_session = without_session(url)
        if had_session and bare in self.session_free:
            return Cut(url, SESSION_ID, f"{_path_key(url)} ({', '.join(_session_names(parts))})")
        key = _path_key(url)
        # Query variants count only when found on a page of the same path: a listing
        # linking to many products is a site; a page linking to its own next variant,
        # page after page, is a trap.
        self_fed = bool(parts.query) and source is not None and _path_key(source) == key
        if self_fed:
            if self.variants[key] >= limits.max_query_variants:
                names = sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
                return Cut(url, QUERY_VARIANTS, key + "?" + "&".join(f"{n}=*" for n in names))
            self.variants[key] += 1
        self.session_free.add(bare)
        return None
