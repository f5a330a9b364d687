"""JavaScript run inside the measured page, kept as .js files beside this module.

OBSERVERS is added as an init script, so its PerformanceObservers exist before
any page script runs; the collectors are evaluated once the page has settled.
Everything the page gives back is plain JSON.
"""

from __future__ import annotations

from importlib.resources import files

# Name of the non-enumerable window property holding the observers' state.
STATE_KEY = "__auditorPerf"


def script(name: str) -> str:
    """An in-page script of this folder (package data), so it reads and lints as JavaScript."""
    return files("auditor.browser").joinpath(name).read_text(encoding="utf-8")


# selectorOf(node): shared by the observers, the collectors and the right-to-left scan.
_SELECTOR_OF = script("selector_of.js")

# The observers' own scope holds selectorOf.
OBSERVERS = ("(() => {\n" + _SELECTOR_OF + script("perf_observers.js") + "})()").replace("__KEY__", STATE_KEY)

# Timing facts, read at the end of the timed window.
COLLECT_TIMING = script("collect_timing.js").replace("__KEY__", STATE_KEY)

# Page facts that do not depend on timing, read after the timed window.
COLLECT_PAGE = script("collect_page.js")

# Waits, up to a cap, for the page's finite animations and transitions to end.
ANIMATIONS_SETTLED = script("animations_settled.js")
