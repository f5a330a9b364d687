"""Load speed audits: they read what the render stage measured in Chromium.

A measured page carries `facts["metrics"]` (the lab metrics), `facts["render"]`
(profile, LCP element, layout shifts, long tasks) and the private lists
`facts["_resources"]` and `facts["_images"]`. Pages that were not measured
carry none of these, and no speed audit applies to them.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from auditor.audits.base import Audit, log_normal_score
from auditor.options import LAB_PROFILES

KIB = 1024

# What the measurement profiles apply in the browser, used to turn bytes into an
# estimate of time. Desktop loads are not throttled; its nominal lab network stands
# in so that estimates stay modest.
NETWORK = {
    name: {"latency_ms": p.get("estimate_latency_ms", p["latency_ms"]),
           "download_bytes_per_ms": p.get("estimate_download_kbps", p["download_kbps"]) * 1024 / 8 / 1000}
    for name, p in LAB_PROFILES.items()
}
# Display sizes are in CSS pixels; a sharp image needs this many device pixels per CSS pixel.
DEVICE_PIXEL_RATIO = {name: p["device_scale_factor"] for name, p in LAB_PROFILES.items()}


def metrics(page) -> dict:
    return page.facts.get("metrics") or {}


def render_facts(page) -> dict:
    return page.facts.get("render") or {}


def resources(page) -> list[dict]:
    return page.facts.get("_resources") or []


def images(page) -> list[dict]:
    return page.facts.get("_images") or []


def measured(page) -> bool:
    """A 200 HTML page the render stage measured without an error."""
    return page.ok_html and bool(metrics(page)) and not render_facts(page).get("error")


def profile_name(page) -> str:
    name = render_facts(page).get("profile")
    return name if name in NETWORK else "mobile"


def rating(value: float, good: float, poor: float) -> str:
    """The Core Web Vitals wording: good up to `good`, poor beyond `poor`."""
    if value <= good:
        return "good"
    return "needs improvement" if value <= poor else "poor"


def kib(n: float) -> float:
    """KiB for a message: whole numbers once they are large enough to read that way."""
    value = n / KIB
    return round(value) if value >= 100 else round(value, 1)


def download_ms(n_bytes: float, profile: str) -> float:
    """One round trip plus the transfer of `n_bytes` on the profile's network."""
    net = NETWORK.get(profile, NETWORK["mobile"])
    return net["latency_ms"] + n_bytes / net["download_bytes_per_ms"]


def host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def same_site(url: str, page_url: str) -> bool:
    """Same host, ignoring www., or one a subdomain of the other (static.shop.example)."""
    a, b = host(url), host(page_url)
    return bool(a and b) and (a == b or a.endswith("." + b) or b.endswith("." + a))


def short(url: str, limit: int = 160) -> str:
    """A URL short enough for a message (data: URIs can be megabytes)."""
    return url if len(url) <= limit else url[: limit - 1] + "\u2026"


def url_list(urls: list[str], limit: int = 3) -> str:
    shown = ", ".join(short(u) for u in urls[:limit])
    return shown + (f" and {len(urls) - limit} more" if len(urls) > limit else "")


class MetricAudit(Audit):
    """A lab metric scored on a log-normal curve between its good and poor thresholds."""

    metric: str
    good: float
    poor: float
    unit = "ms"

    def applies(self, page, site):
        return measured(page) and metrics(page).get(self.metric) is not None

    def value(self, page) -> float:
        return float(metrics(page)[self.metric])

    def page_score(self, page, site, findings):
        return log_normal_score(self.value(page), self.good, self.poor)

    def scoring(self) -> dict:
        return {"metric": self.metric, "good": self.good, "poor": self.poor, "unit": self.unit}

    def judged(self, page) -> dict | None:
        """The data every finding of the metric carries, or None when the value is good."""
        value = self.value(page)
        if value <= self.good:
            return None
        data = {"good": self.good, "poor": self.poor, "rating": rating(value, self.good, self.poor)}
        if self.unit == "ms":
            # the time, or the bytes, to cut to reach "good"
            data.update(value=round(value), saving_ms=round(value - self.good))
        elif self.unit == "bytes":
            data.update(value=round(value), saving_bytes=round(value - self.good))
        else:
            data.update(value=round(value, 3))
        return data
