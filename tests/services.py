"""Real Redis and PostgreSQL servers for the tests, each on a free loopback port in a temp dir.

Without the binaries a test skips, naming the Debian package to install; with CI set in
the environment it fails instead, so CI never silently leaves these tests out.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def missing(what: str, package: str) -> None:
    message = f"{what} not found: install it with `apt-get install {package}` (or run .ci/system-deps)"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _wait_for_port(port: int, proc: subprocess.Popen | None, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if proc is not None and proc.poll() is not None:
                raise RuntimeError(f"{what} exited with {proc.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not listen on port {port} in {timeout} s")
            time.sleep(0.05)


@contextmanager
def redis_server():
    """A throw-away redis-server; yields its URL (database 0)."""
    binary = shutil.which("redis-server")
    if binary is None:
        missing("redis-server", "redis-server")
    tmp = Path(tempfile.mkdtemp(prefix="auditor-redis-"))
    port = free_port()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(tmp)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, proc, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)


def _pg_binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    # Debian keeps the server tools out of PATH, one folder per major version
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    return candidates[-1] if candidates else None


@contextmanager
def postgres_server():
    """A throw-away PostgreSQL cluster (initdb, pg_ctl); yields a URL to an empty database."""
    initdb, pg_ctl = _pg_binary("initdb"), _pg_binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        missing("PostgreSQL (initdb, pg_ctl)", "postgresql")
    import psycopg

    # The server refuses to run as root: as root, run it as the postgres user, in a
    # folder that user owns (pytest's tmp_path is private to root).
    as_user: list[str] = []
    tmp = Path(tempfile.mkdtemp(prefix="auditor-pg-"))
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            missing("runuser (to run PostgreSQL as the postgres user)", "util-linux")
        as_user = [runuser, "-u", "postgres", "--"]
        shutil.chown(tmp, "postgres", "postgres")
    data, port = tmp / "data", free_port()

    def run(*cmd: str) -> None:
        subprocess.run([*as_user, *cmd], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    started = False
    try:
        run(initdb, "-D", str(data), "-U", "auditor", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")
        run(pg_ctl, "-D", str(data), "-l", str(tmp / "server.log"), "-w", "-t", "60", "start", "-o",
            f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off")
        started = True
        with psycopg.connect(f"postgresql://auditor@127.0.0.1:{port}/postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE auditor")
        yield f"postgresql://auditor:secret@127.0.0.1:{port}/auditor"
    finally:
        if started:
            run(pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="module")
def redis_url():
    with redis_server() as url:
        yield url


@pytest.fixture(scope="module")
def postgres_url():
    with postgres_server() as url:
        yield url
