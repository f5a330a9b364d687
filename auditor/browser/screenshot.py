"""A small JPEG of the first screen, for the report."""

from __future__ import annotations

import asyncio
import base64
from typing import Any

MAX_BYTES = 60_000
MAX_WIDTH = 600  # CSS px: a phone screen keeps its size, a desktop one is scaled down
QUALITIES = (50, 35, 20)


async def _capture(page: Any, cdp: Any, width: int, height: int, quality: int, timeout_s: float) -> bytes:
    if width <= MAX_WIDTH:
        # Playwright's CSS-scale capture shows what the phone screen shows,
        # including the zoomed-out layout of a page without a viewport meta.
        return await page.screenshot(type="jpeg", quality=quality, scale="css", timeout=timeout_s * 1000)
    # A wide (desktop, DPR 1) viewport is scaled down by the capture itself.
    clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": MAX_WIDTH / width}
    shot = await asyncio.wait_for(
        cdp.send("Page.captureScreenshot", {"format": "jpeg", "quality": quality, "clip": clip}), timeout_s)
    return base64.b64decode(shot["data"])


async def first_screen_jpeg(page: Any, cdp: Any, width: int, height: int, timeout_s: float) -> str | None:
    """Base64 JPEG of the first screen (viewport `width` x `height` CSS px),
    lowering quality until it fits MAX_BYTES; None if nothing fits.

    Taken last: a clipped capture resets the emulated device metrics.
    """
    for quality in QUALITIES:
        data = await _capture(page, cdp, width, height, quality, timeout_s)
        if len(data) <= MAX_BYTES:
            return base64.b64encode(data).decode("ascii")
    return None
