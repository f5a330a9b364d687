"""Keep a Chromium running, replace it every N pages and after a crash.

Pages lease the current browser; a browser that is due for replacement (or has
crashed) takes no new pages and is closed once its last page is done, so a
restart never cuts a page short. Each browser keeps its temporary files (its
singleton socket's folder, which a crashed browser leaves behind) in a folder of its
own, removed with it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import tempfile
from collections.abc import AsyncIterator
from typing import Any

from .chromium import LAUNCH_ARGS

LAUNCH_TIMEOUT_S = 60
CLOSE_TIMEOUT_S = 15


class BrowserSlot:
    """One launched browser and the pages currently using it."""

    def __init__(self, browser: Any, launch: int, tmp: str) -> None:
        self.browser = browser
        self.tmp = tmp  # the browser's TMPDIR
        self.launch = launch  # 1 for the first browser of a measurement, then 2, ...
        self.version: str = browser.version
        self.pages_started = 0
        self.active = 0
        self.retiring = False
        self.dead = False
        self._aborts: set[asyncio.Future] = set()
        browser.on("disconnected", lambda _b: self._on_disconnect())

    def _on_disconnect(self) -> None:
        self.dead = True
        for fut in list(self._aborts):
            if not fut.done():
                fut.set_result("browser closed or crashed")

    def watch(self, abort: asyncio.Future) -> None:
        """Resolve `abort` if this browser goes away while the page runs."""
        if self.dead and not abort.done():
            abort.set_result("browser closed or crashed")
        self._aborts.add(abort)

    def unwatch(self, abort: asyncio.Future) -> None:
        self._aborts.discard(abort)


class BrowserPool:
    def __init__(self, playwright: Any, executable_path: str, restart_every: int) -> None:
        self._pw = playwright
        self._exe = executable_path
        self._restart_every = max(1, restart_every)
        self._current: BrowserSlot | None = None
        self._launching = asyncio.Lock()
        self._slots: set[BrowserSlot] = set()
        self.launches = 0

    async def _launch(self) -> BrowserSlot:
        tmp = tempfile.mkdtemp(prefix="chromium-")  # short: a Unix socket path inside takes at most 107 bytes
        try:
            browser = await asyncio.wait_for(
                self._pw.chromium.launch(executable_path=self._exe, args=list(LAUNCH_ARGS), headless=True,
                                         env={**os.environ, "TMPDIR": tmp}),
                LAUNCH_TIMEOUT_S,
            )
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self.launches += 1
        slot = BrowserSlot(browser, self.launches, tmp)
        self._slots.add(slot)
        return slot

    @contextlib.asynccontextmanager
    async def lease(self) -> AsyncIterator[BrowserSlot]:
        async with self._launching:
            slot = self._current
            if slot is None or slot.dead or slot.retiring:
                slot = self._current = await self._launch()
            slot.pages_started += 1
            slot.active += 1
            if slot.pages_started >= self._restart_every:
                slot.retiring = True
        try:
            yield slot
        finally:
            slot.active -= 1
            if slot.dead:
                # The restart after a crash happens on the next lease.
                slot.retiring = True
            if slot.retiring and slot.active == 0:
                await self._close(slot)

    async def _close(self, slot: BrowserSlot) -> None:
        self._slots.discard(slot)
        if self._current is slot:
            self._current = None
        try:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(slot.browser.close(), CLOSE_TIMEOUT_S)
        finally:
            shutil.rmtree(slot.tmp, ignore_errors=True)

    async def close(self) -> None:
        for slot in list(self._slots):
            await self._close(slot)
