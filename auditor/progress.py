"""Progress of a long stage: live counts on a terminal, a plain line in logs.

On a terminal the counts are redrawn in place. Anywhere else (a CI log, a file) one
plain line goes to stderr when the stage starts, at least every 30 s while it runs,
and when it ends, so a slow audit is never mistaken for a hung one. `--quiet` (or
`AUDITOR_QUIET`) silences the log lines.
"""

from __future__ import annotations

import os
import sys
import threading
import time

from rich.console import Console
from rich.live import Live
from rich.text import Text

LOG_EVERY_S = 30


def interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def quiet() -> bool:
    return bool(os.environ.get("AUDITOR_QUIET"))


class Progress:
    """The counters of one stage, shown live (`enabled`) or logged (otherwise)."""

    def __init__(self, label: str, enabled: bool | None = None, log_every_s: float = LOG_EVERY_S, already: int = 0):
        self.label = label
        self.already = already  # counted before this process started (a resumed run): not in the rate
        self.enabled = interactive() if enabled is None else enabled
        self.logging = not self.enabled and not quiet()
        self.log_every_s = log_every_s
        self.started = time.monotonic()
        self.counts: dict = {}
        self._live: Live | None = None
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    def __enter__(self):
        if self.enabled:
            self._live = Live(Text(self.label), console=Console(stderr=True), refresh_per_second=4, transient=True)
            self._live.__enter__()
        elif self.logging:
            self._log("started")
            self._ticker = threading.Thread(target=self._tick, name="auditor-progress", daemon=True)
            self._ticker.start()
        return self

    def update(self, **counts) -> None:
        self.counts = counts
        if self._live:
            parts = [f"[bold]{self.label}[/bold]"]
            parts += [f"{name.replace('_', ' ')} [cyan]{value}[/cyan]" for name, value in counts.items()]
            if self._rated():
                parts.append(f"[cyan]{self._rate():.1f}[/cyan] {self._rated()}/s")
            self._live.update(Text.from_markup("  ".join(parts)))

    def note(self, text: str) -> None:
        """A one-off remark (printed on a terminal and in logs alike, unless quiet)."""
        if self.enabled or self.logging:
            print(f"auditor: {self.label.lower()}: {text}", file=sys.stderr, flush=True)

    def _rated(self) -> str | None:
        """What the rate counts: URLs when the stage counts them, else pages."""
        return "URLs" if "urls" in self.counts else "pages" if "pages" in self.counts else None

    def _rate(self) -> float:
        done = self.counts.get("urls", self.counts.get("pages", 0)) - self.already
        return max(done, 0) / max(time.monotonic() - self.started, 1e-6)

    def line(self, state: str) -> str:
        counts = ", ".join(f"{name.replace('_', ' ')} {value}" for name, value in self.counts.items())
        rate = f", {self._rate():.1f} {self._rated()}/s" if self._rated() else ""
        elapsed = round(time.monotonic() - self.started)
        return f"auditor: {self.label.lower()} {state} ({elapsed} s){': ' + counts + rate if counts else ''}"

    def _log(self, state: str) -> None:
        print(self.line(state), file=sys.stderr, flush=True)

    def _tick(self) -> None:
        while not self._stop.wait(self.log_every_s):
            self._log("running")

    def __exit__(self, *exc):
        self._stop.set()
        if self._live:
            self._live.__exit__(*exc)
        elif self.logging:
            self._log("stopped" if exc[0] is not None else "done")
