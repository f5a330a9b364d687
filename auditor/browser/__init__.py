"""Render stage: load pages in a real Chromium and measure them.

Takes URLs, returns plain JSON-serialisable dicts; knows nothing of audits,
the store or reports.
"""

from .chromium import LAUNCH_ARGS, ChromiumNotFound, find_chromium
from .measure import iter_measure_pages, measure_pages, measure_pages_async
from .profiles import DESKTOP, MOBILE, PROFILES, Profile, get_profile

__all__ = [
    "DESKTOP",
    "LAUNCH_ARGS",
    "MOBILE",
    "PROFILES",
    "ChromiumNotFound",
    "Profile",
    "find_chromium",
    "get_profile",
    "iter_measure_pages",
    "measure_pages",
    "measure_pages_async",
]
