"""A fixture web server on 127.0.0.1: static files plus scripted responses."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from auditor.demo import _Handler, serve_site

SITES = Path(__file__).parent / "sites"


class FixtureHandler(_Handler):
    """Serves a folder; `routes` maps a path to (status, headers, body) for what a
    static server cannot do (redirects, errors, headers). Every request is logged."""

    routes: dict[str, tuple[int, dict, bytes]] = {}
    requests: list[tuple[str, str]] = []
    refuse_head: set[str] = set()

    def _route(self, method: str) -> bool:
        type(self).requests.append((method, self.path))
        path = self.path.split("#", 1)[0]
        if method == "HEAD" and path in self.refuse_head:
            self.send_response(405)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True
        if path not in self.routes:
            return False
        status, headers, body = self.routes[path]
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value.replace("__BASE_URL__", self.base_url))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if method == "GET":
            self.wfile.write(body)
        return True

    def do_GET(self):
        if not self._route("GET"):
            super().do_GET()

    def do_HEAD(self):
        if not self._route("HEAD"):
            super().do_HEAD()


@contextmanager
def serve(site: str | Path, routes: dict | None = None, refuse_head: set[str] = frozenset()):
    """Serve tests/sites/<site> (or any folder); yields (base_url, the request log)."""
    handler = type("Handler", (FixtureHandler,), {
        "routes": dict(routes or {}), "requests": [], "refuse_head": set(refuse_head),
    })
    with serve_site(SITES / site, handler) as base_url:
        yield base_url, handler.requests


def redirect(location: str, status: int = 301) -> tuple[int, dict, bytes]:
    return status, {"Location": location}, b""
