"""Live counts on a terminal; silence when output is piped or in CI."""

from __future__ import annotations

import os
import sys
import time

from rich.console import Console
from rich.live import Live
from rich.text import Text


def interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


class Progress:
    """A one-line live display of a stage's counters."""

    def __init__(self, label: str, enabled: bool | None = None):
        self.label = label
        self.enabled = interactive() if enabled is None else enabled
        self.started = time.monotonic()
        self._live: Live | None = None

    def __enter__(self):
        if self.enabled:
            self._live = Live(Text(self.label), console=Console(stderr=True), refresh_per_second=4, transient=True)
            self._live.__enter__()
        return self

    def update(self, **counts) -> None:
        if not self._live:
            return
        elapsed = max(time.monotonic() - self.started, 1e-6)
        parts = [f"[bold]{self.label}[/bold]"]
        parts += [f"{name.replace('_', ' ')} [cyan]{value}[/cyan]" for name, value in counts.items()]
        if "pages" in counts:
            parts.append(f"[cyan]{counts['pages'] / elapsed:.1f}[/cyan] pages/s")
        self._live.update(Text.from_markup("  ".join(parts)))

    def __exit__(self, *exc):
        if self._live:
            self._live.__exit__(*exc)
