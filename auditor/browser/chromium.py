"""Locate the system Chromium and the flags it is launched with.

The auditor drives an installed Chromium through Playwright rather than a
browser build downloaded by Playwright, so the machine's package manager keeps
the browser current and no download is needed at run time.
"""

from __future__ import annotations

import os
import shutil

# Flags for a headless, offline-friendly, root-run browser: no sandbox (root),
# no GPU process, no QUIC and no background traffic that would add requests
# the audited page never made. A fresh profile comes from Playwright itself.
# Chromium reads only the last --disable-features (or --enable-features) switch, and
# ours comes after Playwright's own, so ours must carry what we need of Playwright's list:
# http:// pages stay on http (no HTTPS upgrade first), no request to the search engine
# or time servers at start-up, and intercepted requests may follow cross-origin
# redirects. PaintHolding is left on, as in the visitors' Chrome: it shapes first paint.
# The address bar's pop-up pages are never shown headless, yet Chromium keeps a
# renderer (about 120 MB) loaded for them. Host names are looked up by the system's
# resolver, as the crawl's own requests are, not by Chromium's built-in DNS client: on a
# machine whose name server leaves some queries unanswered, that client waited 5 s for
# each name it could not resolve (analytics and ad hosts), where the system answers at once.
DISABLED_FEATURES = (
    "HttpsUpgrades", "HttpsFirstBalancedModeAutoEnable", "OptimizationHints", "NetworkTimeServiceQuerying",
    "AimEnabled", "PreconnectToSearch", "MediaRouter", "LensOverlay", "DestroyProfileOnBrowserClose",
    "AvoidUnnecessaryBeforeUnloadCheckSync", "AvoidCorsURLLoaderRestartOnRedirect",
    "WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup", "AsyncDns",
)


def merged_features(args) -> tuple[str, ...]:
    """The flags with every --disable-features (and --enable-features) joined into one:
    Chromium reads only the last of a repeated switch, so a second one would silently
    undo the first."""
    out, features = [], {}
    for arg in args:
        name, _, value = arg.partition("=")
        if name in ("--disable-features", "--enable-features"):
            if name not in features:
                features[name] = []
                out.append(name)
            features[name] += [f for f in value.split(",") if f and f not in features[name]]
        else:
            out.append(arg)
    return tuple(f"{a}={','.join(features[a])}" if a in features else a for a in out)


LAUNCH_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=" + ",".join(DISABLED_FEATURES),
)

ENV_VAR = "AUDITOR_CHROMIUM"

_KNOWN_PATHS = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
)
_PATH_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


class ChromiumNotFound(RuntimeError):
    """No usable Chromium executable was found."""


def _usable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def find_chromium(explicit: str | None = None) -> str:
    """Return the path of the Chromium to drive.

    Order: the explicit path, the AUDITOR_CHROMIUM environment variable, the
    usual install locations, then the PATH. An explicit path or environment
    value that does not point at an executable is an error, not skipped, so a
    typo never silently measures with another browser.
    """
    for source, candidate in (("given path", explicit), (ENV_VAR, os.environ.get(ENV_VAR))):
        if candidate:
            if _usable(candidate):
                return candidate
            raise ChromiumNotFound(f"Chromium not found at {candidate!r} ({source}). {_HOW_TO_INSTALL}")
    for path in _KNOWN_PATHS:
        if _usable(path):
            return path
    for name in _PATH_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise ChromiumNotFound(f"No Chromium executable found. {_HOW_TO_INSTALL}")


_HOW_TO_INSTALL = (
    "Install the system browser with `apt-get install chromium` (Debian/Ubuntu) "
    f"or point {ENV_VAR} at a Chromium or Chrome executable. "
    "Downloading a browser (e.g. `playwright install`) is not needed."
)
