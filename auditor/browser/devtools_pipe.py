"""Chromium started by this process and driven over its DevTools pipe.

Chromium's `--remote-debugging-pipe` reads DevTools commands on file descriptor 3 and
writes answers and events on 4, each message JSON ended by a NUL byte. Speaking it
directly needs no driver process beside the browser (Playwright's Node driver holds
over 100 MB and relays every message). Sessions are "flat": a tab's commands and events
carry its `sessionId` on the one pipe. Chromium quits when the pipe closes, so it never
outlives this process.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable

# A small Python puts the pipe's two ends where Chromium expects them, then becomes
# Chromium. The ends are first moved above 9, so that moving one to 3 or 4 cannot
# overwrite the other.
_START = ("import os, sys; os.dup2(int(sys.argv[1]), 3); os.dup2(int(sys.argv[2]), 4); "
          "os.close(int(sys.argv[1])); os.close(int(sys.argv[2])); os.execv(sys.argv[3], sys.argv[3:])")
LOG = "chromium.log"  # Chromium's standard error, in its profile folder
START_S = 30  # to start and answer a first command

# Browsers not closed yet (process id -> profile folder): stopped and removed when this
# process exits without closing them (a crawl stopped by Ctrl-C, an error).
_RUNNING: dict[int, str] = {}


@atexit.register
def _leave_nothing_behind() -> None:
    for pid, profile in list(_RUNNING.items()):
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.killpg(pid, signal.SIGKILL)  # its own process group: its renderers too
            os.waitpid(pid, 0)
        shutil.rmtree(profile, ignore_errors=True)


class DevToolsError(RuntimeError):
    """A command failed, or the browser or tab it was sent to is gone."""


class DevToolsPipe:
    """One Chromium; `send` a command (to the browser, or to a tab's session) and `on` an event."""

    def __init__(self, proc: asyncio.subprocess.Process, profile: str, writer: asyncio.WriteTransport) -> None:
        self.proc = proc
        self._profile = profile
        self._writer = writer
        self._partial: list[bytes] = []  # a message not yet whole (a page's DOM comes in many reads)
        self._next_id = 0
        self._pending: dict[int, tuple[asyncio.Future, str | None]] = {}
        self._handlers: dict[tuple[str | None, str], list[Callable[[dict], None]]] = defaultdict(list)
        self.connected = True
        self.sessions: set[str] = set()  # the tabs attached, until they close or crash
        self.on(None, "Target.detachedFromTarget", lambda event: self.session_gone(event["sessionId"]))

    @classmethod
    async def launch(cls, executable: str, args: list[str]) -> DevToolsPipe:
        loop = asyncio.get_running_loop()
        to_browser, from_browser = os.pipe(), os.pipe()
        theirs = [fcntl.fcntl(to_browser[0], fcntl.F_DUPFD_CLOEXEC, 10),
                  fcntl.fcntl(from_browser[1], fcntl.F_DUPFD_CLOEXEC, 10)]
        os.close(to_browser[0])
        os.close(from_browser[1])
        profile = tempfile.mkdtemp(prefix="auditor-chromium-")
        try:
            with open(os.path.join(profile, LOG), "wb") as log:  # read back if it fails to start
                proc = await asyncio.create_subprocess_exec(
                    sys.executable, "-S", "-c", _START, *map(str, theirs), executable, *args,
                    f"--user-data-dir={profile}", "--remote-debugging-pipe",
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log, pass_fds=theirs,
                    # its temporary files too (the singleton socket's folder, which a browser
                    # that did not quit by itself leaves behind) go with the profile
                    env={**os.environ, "TMPDIR": profile},
                    start_new_session=True)  # Ctrl-C reaches this process, which closes the browser
        except BaseException:
            for fd in (*theirs, to_browser[1], from_browser[0]):
                os.close(fd)
            shutil.rmtree(profile, ignore_errors=True)
            raise
        _RUNNING[proc.pid] = profile
        for fd in theirs:
            os.close(fd)
        writer, _ = await loop.connect_write_pipe(asyncio.Protocol, os.fdopen(to_browser[1], "wb", 0))
        pipe = cls(proc, profile, writer)
        await loop.connect_read_pipe(lambda: _Reader(pipe), os.fdopen(from_browser[0], "rb", 0))
        try:
            await asyncio.wait_for(pipe.send("Browser.getVersion"), START_S)
        except (DevToolsError, asyncio.TimeoutError):
            said = pipe.log_tail()
            await pipe.close()
            raise DevToolsError(f"Chromium ({executable}) did not start: {said or 'it said nothing'}") from None
        return pipe

    def log_tail(self, lines: int = 5) -> str:
        """The last lines Chromium wrote to its standard error."""
        try:
            with open(os.path.join(self._profile, LOG), "rb") as log:
                text = log.read()[-4000:].decode("utf-8", "replace")
        except OSError:
            return ""
        return " / ".join(line.strip() for line in text.splitlines()[-lines:] if line.strip())

    async def attach(self, target: str) -> str:
        """A session of its own on a tab (its events come tagged with it)."""
        session = (await self.send("Target.attachToTarget", {"targetId": target, "flatten": True}))["sessionId"]
        self.sessions.add(session)
        return session

    def on(self, session: str | None, event: str, handler: Callable[[dict], None]) -> None:
        """Call `handler(params)` for each `event` of `session` (None: the browser's own)."""
        self._handlers[session, event].append(handler)

    async def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        if not self.connected:
            raise DevToolsError(f"{method}: the browser has closed")
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        answer = asyncio.get_running_loop().create_future()
        self._pending[self._next_id] = (answer, session)
        self._writer.write(json.dumps(message).encode() + b"\0")
        return await answer

    def received(self, data: bytes) -> None:
        if b"\0" not in data:
            self._partial.append(data)
            return
        *messages, rest = b"".join((*self._partial, data)).split(b"\0")
        self._partial = [rest] if rest else []
        for raw in messages:
            message = json.loads(raw)
            if "id" in message:
                answer, _ = self._pending.pop(message["id"], (None, None))
                if answer is None or answer.done():
                    continue
                if "error" in message:
                    answer.set_exception(DevToolsError(message["error"].get("message", "error")))
                else:
                    answer.set_result(message.get("result", {}))
            else:
                for handler in list(self._handlers.get((message.get("sessionId"), message["method"]), ())):
                    handler(message.get("params", {}))

    def session_gone(self, session: str, why: str = "the tab has closed") -> None:
        """A tab closed or crashed: what was sent to it gets no answer, its handlers go."""
        self.sessions.discard(session)
        self._fail(lambda s: s == session, why)
        for key in [key for key in self._handlers if key[0] == session]:
            del self._handlers[key]

    def _fail(self, which: Callable[[str | None], bool], why: str) -> None:
        for key, (answer, session) in list(self._pending.items()):
            if which(session):
                del self._pending[key]
                if not answer.done():
                    answer.set_exception(DevToolsError(why))

    def lost(self) -> None:
        """The pipe closed: the browser is gone, and no answer will come."""
        self.connected = False
        self.sessions.clear()
        self._fail(lambda session: True, "the browser has closed")

    async def close(self) -> None:
        """Ask Chromium to quit, stop it if it does not, and remove its profile."""
        if self.connected:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.send("Browser.close"), 5)
        self._writer.close()  # Chromium quits when its pipe closes
        try:
            await asyncio.wait_for(self.proc.wait(), 10)
        except asyncio.TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()
            await self.proc.wait()
        finally:
            self.connected = False
            shutil.rmtree(self._profile, ignore_errors=True)
            _RUNNING.pop(self.proc.pid, None)


class _Reader(asyncio.Protocol):
    def __init__(self, pipe: DevToolsPipe) -> None:
        self.pipe = pipe

    def data_received(self, data: bytes) -> None:
        self.pipe.received(data)

    def connection_lost(self, exc: Exception | None) -> None:
        self.pipe.lost()
