"""The crawl-trap limits are options of `auditor audit`: the real CLI against endless URLs."""

from __future__ import annotations

import sqlite3

import pytest

from tests.e2e.cli import load_result, run_cli
from tests.hostile_server import _grow, _repeat, serve_hostile

pytestmark = pytest.mark.e2e


def _home(h) -> None:
    h.page("Traps", '<p>Two kinds of endless links.</p><a href="/repeat/">folders</a> <a href="/grow/gggg">longer</a>')


ROUTES = {"/": _home, "/robots.txt": lambda h: h.send(200, b"", content_type="text/plain"),
          "/repeat/*": _repeat, "/grow/*": _grow}


@pytest.mark.parametrize(("args", "repeats", "length"), [
    ((), 2, 2048),
    (("--max-path-repeats", "4", "--max-url-length", "300"), 4, 300),
])
def test_trap_limits_are_options_of_the_audit(tmp_path, args, repeats, length):
    with serve_hostile(ROUTES) as server:
        proc = run_cli("audit", server.base_url + "/", "--out", str(tmp_path), "--render", "none", "--js", "never", *args)
        base = server.base_url
    assert proc.returncode == 0, proc.stderr
    pages = [p["url"].removeprefix(base) for p in load_result(tmp_path)["pages"]]
    assert sorted(p for p in pages if p.startswith("/repeat/")) == ["/repeat/" + "a/b/" * n for n in range(repeats + 1)]
    grown = [len(base + p) for p in pages if p.startswith("/grow/")]
    assert max(grown) <= length < 2 * max(grown)  # the next doubling was cut
    with sqlite3.connect(tmp_path / "run.sqlite") as db:
        kinds = sorted(kind for (kind,) in db.execute("SELECT kind FROM traps"))
    assert kinds == ["long-url", "repeated-path"]
