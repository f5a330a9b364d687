"""A real HTTP server on 127.0.0.1 serving the fixture pages.

Query parameters shape any response:
  delay=MS     wait before answering (interrupted when the server stops)
  gzip=1       gzip the body and say so in Content-Encoding
  cache=VALUE  send it as Cache-Control
Generated paths:
  /img/WxH.png          a solid PNG of that size (noise=1: with detail)
  /redirect?to=URL      302 to URL
Anything else is a file under fixtures/, or a 404 page.
"""

from __future__ import annotations

import gzip
import random
import struct
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from auditor.browser import find_chromium

FIXTURES = Path(__file__).parent / "fixtures"
_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".png": "image/png"}


def make_png(width: int, height: int, rgb: tuple[int, int, int] = (40, 120, 200), noisy: bool = False) -> bytes:
    """A solid PNG, or with every 8th row noise: Chromium leaves images of very
    few bits per pixel out of LCP, so a hero image needs some detail."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    solid = b"\x00" + bytes(rgb) * width
    rng = random.Random(width * 100_003 + height)
    rows = [b"\x00" + rng.randbytes(3 * width) if noisy and y % 8 == 0 else solid for y in range(height)]
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"".join(rows), 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        self.server.log.append(self.path)
        if "delay" in query and self.server.stopping.wait(int(query["delay"]) / 1000):
            return
        status, headers, body = self._route(parts.path, query)
        if query.get("gzip") == "1":
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        if "cache" in query:
            headers["Cache-Control"] = query["cache"]
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _route(self, path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if path.startswith("/img/") and path.endswith(".png"):
            width, height = (int(n) for n in path[5:-4].split("x"))
            return 200, {"Content-Type": "image/png"}, make_png(width, height, noisy=query.get("noise") == "1")
        if path == "/redirect":
            return 302, {"Location": query["to"]}, b""
        file = (FIXTURES / path.lstrip("/")).resolve()
        if file.is_file() and FIXTURES.resolve() in file.parents:
            return 200, {"Content-Type": _TYPES.get(file.suffix, "application/octet-stream")}, file.read_bytes()
        return 404, {"Content-Type": "text/html"}, b"<!doctype html><title>Not found</title><h1>Not found</h1>"


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.stopping = threading.Event()
        self.log: list[str] = []  # request paths, in arrival order


@pytest.fixture(scope="session")
def server() -> _Server:
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.stopping.set()
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site(server: _Server) -> str:
    """Base URL of the fixture server, e.g. http://127.0.0.1:PORT"""
    return f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def chromium() -> str:
    return find_chromium()


def _jpeg_size(data: bytes) -> tuple[int, int]:
    i = 2
    while i + 9 <= len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height
        i += 2 + length
    raise ValueError("no JPEG frame header")


@pytest.fixture(scope="session")
def jpeg_size():
    """(width, height) of JPEG bytes, read from the frame header."""
    return _jpeg_size
