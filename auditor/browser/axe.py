"""Run axe-core, the accessibility rules engine, inside a loaded page.

The engine is the `axe.min.js` bundled in the `axe-playwright-python`
package (axe-core is MPL-2.0); it is read from that package, not fetched.
"""

from __future__ import annotations

import asyncio
from functools import lru_cache
from importlib import resources
from typing import Any

from auditor.browser.inpage import script

# Only violations are returned, with at most this many nodes each, and short
# HTML snippets: a report needs examples, not every node of a big page.
MAX_NODES = 25
MAX_HTML = 300

RUN_JS = script("axe_run.js")  # called with [MAX_NODES, MAX_HTML]


class AxeUnavailable(RuntimeError):
    """The bundled axe-core could not be found."""


@lru_cache(maxsize=1)
def axe_source() -> str:
    try:
        return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise AxeUnavailable(
            "axe-core is bundled with the 'axe-playwright-python' package: pip install axe-playwright-python"
        ) from exc


async def run_axe(page: Any, timeout_s: float) -> dict[str, Any]:
    """Return {"version", "violations": [...]} for the page's current DOM."""

    async def _run() -> dict[str, Any]:
        # evaluate() rather than a <script> tag: a page's Content-Security-Policy
        # would block an inline script, but not the DevTools evaluation.
        await page.evaluate(axe_source())
        return await page.evaluate(RUN_JS, [MAX_NODES, MAX_HTML])

    return await asyncio.wait_for(_run(), timeout_s)
