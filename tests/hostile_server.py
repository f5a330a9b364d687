"""A web server that fights back, on 127.0.0.1: every response scripted, every request logged.

`serve_hostile()` starts it on a free port (one thread per connection) and yields the
server; `server.base_url` is its address and `server.log` every request it received,
with the time it arrived. `hostile_site()` is the site the end-to-end tests crawl:
redirect loops and chains, crawl traps, stalled, huge and compressed-bomb bodies,
binary and legacy-encoded pages, absurd HTML, rate limits and dropped connections,
all linked from its home page.
"""

from __future__ import annotations

import random
import socket
import struct
import threading
import time
import uuid
import zlib
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MB = 1024 * 1024
HUGE_BYTES = 50 * MB
BOMB_BYTES = 64 * MB  # what the gzip bomb unpacks to
STALL_SECONDS = 30  # longer than any test's download timeout
CHAIN_HOPS = 25
LINKS_ON_PAGE = 10_000
LINK_TARGETS = 20
NESTING = 10_000
ARABIC = ("هذه صفحة عربية قديمة كتبت بترميز آخر وفيها كلمات كثيرة عن القهوة والشاي "
          "والمنتجات الجديدة في المتجر وعن التوصيل والاسترجاع وخدمة العملاء")
ARABIC_TITLE = "صفحة عربية بترميز قديم"

Route = Callable[["HostileHandler"], None]


@dataclass(frozen=True)
class Hit:
    method: str
    path: str  # with its query string
    at: float  # time.monotonic() when the request line arrived


class _Abort(Exception):
    """Raised by a route that dropped the connection: nothing more to send."""


class HostileHandler(BaseHTTPRequestHandler):
    server: "_Server"

    def handle(self):
        try:
            super().handle()
        except (_Abort, BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
            self.close_connection = True

    def log_message(self, *args):
        pass

    # -- what a route uses --------------------------------------------------------

    @property
    def base_url(self) -> str:
        return self.server.base_url

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query)

    def send(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def page(self, title: str, body: str = "", status: int = 200) -> None:
        html = f"<!doctype html><html lang=\"en\"><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"
        self.send(status, html.encode("utf-8"))

    def redirect(self, location: str, status: int = 301) -> None:
        self.send(status, b"", headers={"Location": location})

    def drop(self, reset: bool) -> None:
        """Close the connection without answering: with a TCP reset, or a plain close."""
        if reset:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        raise _Abort

    def stall(self, seconds: float) -> None:
        """Wait (without answering more) until the server stops or `seconds` pass."""
        self.server.stopping.wait(seconds)
        raise _Abort

    # -- dispatch -----------------------------------------------------------------

    def _dispatch(self):
        self.server.log.append(Hit(self.command, self.path, time.monotonic()))
        path = urlsplit(self.path).path
        route = self.server.route_for(path)
        if route is None:
            self.page("Not found", status=404)
        else:
            route(self)

    do_GET = do_HEAD = _dispatch


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, routes: dict[str, Route]):
        super().__init__(("127.0.0.1", 0), HostileHandler)
        self.routes = routes
        self.log: list[Hit] = []
        self.stopping = threading.Event()
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"

    def route_for(self, path: str) -> Route | None:
        """The route of `path`: an exact key, else the longest key ending in * it starts with."""
        if path in self.routes:
            return self.routes[path]
        prefixes = [k for k in self.routes if k.endswith("*") and path.startswith(k[:-1])]
        return self.routes[max(prefixes, key=len)] if prefixes else None

    def hits(self, path: str) -> list[Hit]:
        """Requests for `path` (with its query string, if it has one), in arrival order."""
        return [h for h in list(self.log) if h.path == path]


@contextmanager
def serve_hostile(routes: dict[str, Route]):
    server = _Server(routes)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()  # releases stalled responses
        server.shutdown()
        server.server_close()


# -- the hostile site ---------------------------------------------------------------

# path on the home page -> what it is (its link text)
HOME_LINKS = {
    "/ok/1.html": "plain page one",
    "/ok/2.html": "plain page two",
    "/ok/3.html": "plain page three",
    "/loop-a": "a redirect loop",
    "/chain/1": "a chain of 25 redirects",
    "/calendar?month=1": "an endless calendar",
    "/session/": "a page with session IDs in its links",
    "/cart;jsessionid=START": "a cart with a session ID in its path",
    "/repeat/": "relative links that stack folders",
    "/grow/" + "g" * 64: "URLs that double on every click",
    "/stall": "a response that stalls mid-body",
    "/huge": "a 50 MB page",
    "/bomb": "a gzip bomb",
    "/binary": "binary data served as HTML",
    "/arabic/cp1256": "windows-1256 without a charset",
    "/arabic/iso-8859-6": "ISO-8859-6 without a charset",
    "/nested": "10,000 nested divs",
    "/malformed": "malformed HTML",
    "/links": "10,000 links",
    "/too-many": "429 once, with Retry-After",
    "/unavailable": "503 with Retry-After, always",
    "/reset": "a connection reset",
    "/hangup": "a connection closed without an answer",
    "/private/secret.html": "disallowed by robots.txt",
}
# What a well-behaved crawl fetches and stores as 200 HTML pages besides the home page.
PLAIN_PAGES = ["/ok/1.html", "/ok/2.html", "/ok/3.html", "/chain/end"] + [f"/links/t{i}.html" for i in range(LINK_TARGETS)]

ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def _home(h: HostileHandler) -> None:
    items = "".join(f'<li><a href="{path}">{text}</a></li>' for path, text in HOME_LINKS.items())
    h.page("Hostile home", f"<p>Everything below fights back.</p><ul>{items}</ul>")


def _plain(h: HostileHandler) -> None:
    h.page(f"Plain page {urlsplit(h.path).path}", "<p>Nothing to see here: an ordinary page with ordinary words.</p>")


def _loop(h: HostileHandler) -> None:
    h.redirect("/loop-b" if urlsplit(h.path).path == "/loop-a" else "/loop-a")


def _chain(h: HostileHandler) -> None:
    step = urlsplit(h.path).path.rsplit("/", 1)[-1]
    if step == "end":
        h.page("End of the chain", "<p>You arrived after many hops.</p>")
    else:
        n = int(step)
        h.redirect(f"/chain/{n + 1}" if n < CHAIN_HOPS else "/chain/end", 302 if n % 2 else 301)


def _calendar(h: HostileHandler) -> None:
    month = int(h.query.get("month", ["1"])[0])
    h.page(f"Calendar month {month}", f'<p>No events.</p><a href="/calendar?month={month + 1}">next month</a>')


def _session(h: HostileHandler) -> None:
    h.page("Session page", f'<p>Welcome back.</p><a href="/session/?sid={uuid.uuid4().hex}">refresh</a>')


def _cart(h: HostileHandler) -> None:
    h.page("Cart", f'<p>Your cart is empty.</p><a href="/cart;jsessionid={uuid.uuid4().hex}">refresh</a>')


def _repeat(h: HostileHandler) -> None:
    h.page("Folder", '<p>A page in a folder.</p><a href="a/b/">deeper</a>')  # relative: stacks a/b/ each time


def _grow(h: HostileHandler) -> None:
    tail = urlsplit(h.path).path.rsplit("/", 1)[-1]
    h.page("Growing", f'<p>Longer every time.</p><a href="/grow/{tail * 2}">longer</a>')


def _stall(h: HostileHandler) -> None:
    half = b"<html><head><title>Stalled</title></head><body>" + b"<p>waiting</p>" * 70
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(len(half) * 2))
    h.end_headers()
    h.wfile.write(half)
    h.wfile.flush()
    h.stall(STALL_SECONDS)


def _huge(h: HostileHandler) -> None:
    chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(HUGE_BYTES))
    h.end_headers()
    sent = 0
    while sent < HUGE_BYTES:  # the client hangs up long before: BrokenPipe ends this
        piece = chunk[:HUGE_BYTES - sent]
        h.wfile.write(piece)
        sent += len(piece)


@cache
def gzip_bomb() -> bytes:
    """A few dozen KB of gzip that unpack to BOMB_BYTES of HTML."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(b"<html><body><p>")]
    block = b" " * MB
    parts += [packer.compress(block) for _ in range(BOMB_BYTES // MB)]
    parts.append(packer.flush())
    return b"".join(parts)


def _bomb(h: HostileHandler) -> None:
    h.send(200, gzip_bomb(), headers={"Content-Encoding": "gzip"})


def _binary(h: HostileHandler) -> None:
    h.send(200, random.Random(1256).randbytes(16 * 1024))


def arabic_page(encoding: str) -> bytes:
    """An Arabic page in a legacy code page that declares no charset anywhere."""
    html = (f'<html lang="ar" dir="rtl"><head><title>{ARABIC_TITLE}</title></head>'
            f"<body><h1>{ARABIC_TITLE}</h1><p>{ARABIC}</p><p>{ARABIC}</p></body></html>")
    return html.encode(encoding)


def _arabic(h: HostileHandler) -> None:
    encoding = "cp1256" if h.path.endswith("cp1256") else "iso8859-6"
    h.send(200, arabic_page(encoding), content_type="text/html")


def nested_html(depth: int = NESTING) -> bytes:
    return (b"<html><head><title>Deeply nested</title></head><body><p>before the divs</p>"
            + b"<div>" * depth + b"<p>at the bottom</p>" + b"</div>" * depth
            + b"<p>after the divs</p></body></html>")


def _nested(h: HostileHandler) -> None:
    h.send(200, nested_html())


MALFORMED = (
    b"<html><head><title>Malformed <b>page</title><meta name=description content='unclosed>"
    b"</head><body><p>First <i>paragraph <b>crossed</i> tags</b>"
    b"<table><p>a paragraph inside a table<tr><td>cell<td>cell two</table>"
    b"<a href=\"/ok/1.html\"<b>broken attribute</a> <a href='/ok/2.html'>fine link</a>"
    b"</div></div></span><<<>>> &notanentity; &#xZZ; &#99999999;"
    b"<h2>Heading without end<p>text after<h3>another"
    b"<img src=/logo.png alt=\"logo><p>still going"
    b"<!-- a comment that never ends <a href='/ok/3.html'>hidden</a>"
)


def _malformed(h: HostileHandler) -> None:
    h.send(200, MALFORMED)


def _links(h: HostileHandler) -> None:
    links = "".join(f'<a href="/links/t{i % LINK_TARGETS}.html">link {i}</a> ' for i in range(LINKS_ON_PAGE))
    h.page("Ten thousand links", f"<p>{links}</p>")


def _too_many(h: HostileHandler) -> None:
    if len(h.server.hits("/too-many")) == 1:
        h.send(429, b"<h1>Slow down</h1>", headers={"Retry-After": "2"})
    else:
        h.page("Patience rewarded", "<p>Thanks for waiting.</p>")


def _unavailable(h: HostileHandler) -> None:
    h.send(503, b"<h1>Down for maintenance</h1>", headers={"Retry-After": "2"})


def hostile_site(robots: bytes = ROBOTS) -> dict[str, Route]:
    """The routes of the hostile site; `robots` is its robots.txt."""
    return {
        "/": _home,
        "/robots.txt": lambda h: h.send(200, robots, content_type="text/plain"),
        "/ok/*": _plain,
        "/links/*": _plain,
        "/private/*": _plain,
        "/loop-a": _loop,
        "/loop-b": _loop,
        "/chain/*": _chain,
        "/calendar": _calendar,
        "/session/": _session,
        "/cart*": _cart,
        "/repeat/*": _repeat,
        "/grow/*": _grow,
        "/stall": _stall,
        "/huge": _huge,
        "/bomb": _bomb,
        "/binary": _binary,
        "/arabic/*": _arabic,
        "/nested": _nested,
        "/malformed": _malformed,
        "/links": _links,
        "/too-many": _too_many,
        "/unavailable": _unavailable,
        "/reset": lambda h: h.drop(reset=True),
        "/hangup": lambda h: h.drop(reset=False),
    }
