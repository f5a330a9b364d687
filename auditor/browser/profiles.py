"""Lab measurement profiles, matching Lighthouse's devtools throttling.

Throttling is applied inside the browser over the Chrome DevTools Protocol, so
the figures are the *applied* ones Lighthouse's devtools method uses, not the
nominal ones of its simulated method. The numbers are declared once, in
auditor/options.py (LAB_PROFILES): mobile is slow 4G with a CPU slowdown, a phone
viewport, a mobile UA and touch; desktop throttles neither network nor CPU.

Kbps are 1024 bits per second, as in Lighthouse, and CDP wants bytes/s.
The CPU slowdown is relative to the machine running the audit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from auditor.options import LAB_PROFILES

_MOBILE_UA = (
    "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/{major}.0.0.0 Mobile Safari/537.36"
)
_DESKTOP_UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/{major}.0.0.0 Safari/537.36"
)


@dataclass(frozen=True)
class Profile:
    name: str
    viewport_width: int
    viewport_height: int
    device_scale_factor: float
    is_mobile: bool
    user_agent: str  # "{major}" is filled with the browser's major version
    latency_ms: float = 0.0
    download_kbps: float = 0.0  # 0 means not throttled
    upload_kbps: float = 0.0
    cpu_slowdown: float = 1.0

    @property
    def throttles_network(self) -> bool:
        return bool(self.latency_ms or self.download_kbps or self.upload_kbps)

    def context_options(self, browser_version: str) -> dict[str, Any]:
        """Keyword arguments for Playwright's Browser.new_context()."""
        major = browser_version.split(".", 1)[0] or "120"
        return {
            "viewport": {"width": self.viewport_width, "height": self.viewport_height},
            "screen": {"width": self.viewport_width, "height": self.viewport_height},
            "device_scale_factor": self.device_scale_factor,
            "is_mobile": self.is_mobile,
            "has_touch": self.is_mobile,
            # A headless UA ("HeadlessChrome") is refused or served differently
            # by some sites; a regular one measures what visitors get.
            "user_agent": self.user_agent.format(major=major),
            "accept_downloads": False,
            "service_workers": "block",
        }

    def network_conditions(self) -> dict[str, Any]:
        """Parameters for CDP Network.emulateNetworkConditions."""
        return {
            "offline": False,
            "latency": self.latency_ms,
            "downloadThroughput": _kbps_to_bytes_per_s(self.download_kbps),
            "uploadThroughput": _kbps_to_bytes_per_s(self.upload_kbps),
        }

    def describe(self) -> dict[str, Any]:
        """Plain description printed in reports next to the figures."""
        return {
            "name": self.name,
            "viewport": [self.viewport_width, self.viewport_height],
            "device_scale_factor": self.device_scale_factor,
            "mobile": self.is_mobile,
            "request_latency_ms": self.latency_ms,
            "download_kbps": self.download_kbps,
            "upload_kbps": self.upload_kbps,
            "cpu_slowdown": self.cpu_slowdown,
        }


def _kbps_to_bytes_per_s(kbps: float) -> float:
    # CDP reads -1 as "no limit"; 0 would mean no bandwidth at all.
    return kbps * 1024 / 8 if kbps > 0 else -1


def _profile(name: str, user_agent: str) -> Profile:
    numbers = LAB_PROFILES[name]
    return Profile(
        name=name,
        viewport_width=numbers["viewport"][0],
        viewport_height=numbers["viewport"][1],
        device_scale_factor=numbers["device_scale_factor"],
        is_mobile=name == "mobile",
        user_agent=user_agent,
        latency_ms=numbers["latency_ms"],
        download_kbps=numbers["download_kbps"],
        upload_kbps=numbers["upload_kbps"],
        cpu_slowdown=numbers["cpu_slowdown"],
    )


MOBILE = _profile("mobile", _MOBILE_UA)
DESKTOP = _profile("desktop", _DESKTOP_UA)

PROFILES: dict[str, Profile] = {p.name: p for p in (MOBILE, DESKTOP)}


def get_profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"unknown profile {name!r}; choose one of {sorted(PROFILES)}") from None


async def apply_throttling(cdp: Any, profile: Profile) -> None:
    """Throttle the page's network and CPU through its CDP session."""
    if profile.throttles_network:
        await cdp.send("Network.emulateNetworkConditions", profile.network_conditions())
    if profile.cpu_slowdown != 1:
        await cdp.send("Emulation.setCPUThrottlingRate", {"rate": profile.cpu_slowdown})


async def clear_throttling(cdp: Any, profile: Profile) -> None:
    """Lift throttling once timing is over, so untimed work (axe, screenshot) runs at full speed."""
    if profile.throttles_network:
        await cdp.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )
    if profile.cpu_slowdown != 1:
        await cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
