"""A small JPEG of the first screen, for the report."""

from __future__ import annotations

import asyncio
import base64
from typing import Any

MAX_BYTES = 60_000
MAX_WIDTH = 600  # CSS px: a phone screen keeps its size, a desktop one is scaled down
QUALITIES = (50, 35, 20)


async def _capture(page: Any, cdp: Any, width: int, height: int, quality: int, timeout_s: float,
                   origin: tuple[float, float] = (0, 0)) -> bytes:
    if width <= MAX_WIDTH:
        # Playwright's CSS-scale capture shows what the phone screen shows,
        # including the zoomed-out layout of a page without a viewport meta.
        return await page.screenshot(type="jpeg", quality=quality, scale="css", timeout=timeout_s * 1000)
    # A wide (desktop, DPR 1) viewport is scaled down by the capture itself.
    # The clip is in page coordinates: a scrolled page is captured where it is scrolled to.
    clip = {"x": origin[0], "y": origin[1], "width": width, "height": height, "scale": MAX_WIDTH / width}
    shot = await asyncio.wait_for(
        cdp.send("Page.captureScreenshot", {"format": "jpeg", "quality": quality, "clip": clip}), timeout_s)
    return base64.b64decode(shot["data"])


async def first_screen_jpeg(page: Any, cdp: Any, width: int, height: int, timeout_s: float,
                           origin: tuple[float, float] = (0, 0)) -> str | None:
    """Base64 JPEG of the first screen (viewport `width` x `height` CSS px),
    lowering quality until it fits MAX_BYTES; None if nothing fits.

    Taken last: a clipped capture resets the emulated device metrics.
    `origin`: the page coordinates of the viewport's top left corner when the
    page is scrolled (window.visualViewport.pageLeft/pageTop).
    """
    for quality in QUALITIES:
        data = await _capture(page, cdp, width, height, quality, timeout_s, origin)
        if len(data) <= MAX_BYTES:
            return base64.b64encode(data).decode("ascii")
    return None
