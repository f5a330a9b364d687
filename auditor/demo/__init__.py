"""The bundled example site, served on a free loopback port."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE = Path(__file__).parent / "site"
PLACEHOLDER = "__BASE_URL__"
TEMPLATED = {"/robots.txt", "/sitemap.xml"}


class _Handler(SimpleHTTPRequestHandler):
    base_url = ""

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        file = Path(self.directory) / path.lstrip("/")
        if path in TEMPLATED and file.is_file():
            body = file.read_text(encoding="utf-8").replace(PLACEHOLDER, self.base_url).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/xml" if path.endswith(".xml") else "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


@contextmanager
def serve_site(root: Path = SITE, handler_class=_Handler):
    """Serve `root` on 127.0.0.1 on a free port; yields the base URL."""
    handler = type("Handler", (handler_class,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(root)))
    handler.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield handler.base_url
    finally:
        server.shutdown()
        server.server_close()


def serve_demo():
    return serve_site(SITE)
