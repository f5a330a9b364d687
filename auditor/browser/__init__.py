"""Render stage: load pages in a real Chromium and measure them.

Everything that runs in Chromium: the pool, lab metrics, rendered right-to-left facts,
template sampling and the render stage. Measuring takes URLs and returns plain
JSON-serialisable dicts; nothing here knows audits or reports. The measuring code
(auditor.browser.measure) loads Playwright: it is imported where it is used, so that an
audit without a browser does not pay for it.
"""

from .chromium import LAUNCH_ARGS, ChromiumNotFound, find_chromium
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
]
