"""Record a page's network activity from CDP Network events.

Transfer sizes come from `Network.loadingFinished.encodedDataLength` (bytes on
the wire, headers included) and decoded sizes from the `dataReceived` chunks.
The log also tells when the network has gone quiet, and gives the main
document's time to first byte as the browser's network layer saw it: with
throttling emulated in the browser, Navigation Timing's `responseStart` does
not include the added request latency, while the CDP timings do.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class _Request:
    request_id: str
    url: str
    type: str
    started: float  # CDP monotonic seconds
    frame_id: str | None
    status: int | None = None
    mime: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    transfer_bytes: int = 0
    decoded_bytes: int = 0
    headers_received: float | None = None  # CDP monotonic seconds
    finished: bool = False
    failed: str | None = None
    own: bool = False  # asked for by the browser itself (the favicon), not by the page
    redirect_hops: list[dict[str, Any]] = field(default_factory=list)


def _lower_headers(headers: dict[str, Any] | None) -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in (headers or {}).items()}


class NetworkLog:
    """Collects CDP Network events of one page; attach() before navigating."""

    EVENTS = (
        "Network.requestWillBeSent",
        "Network.responseReceived",
        "Network.dataReceived",
        "Network.loadingFinished",
        "Network.loadingFailed",
    )

    def __init__(self, on_main_frame_document: Callable[[str], None] | None = None) -> None:
        self._requests: dict[str, _Request] = {}
        self._order: list[_Request] = []
        self._inflight: set[str] = set()
        self._last_change = time.monotonic()
        self._main_request_id: str | None = None
        self._main_frame_id: str | None = None
        self._first_hop_started: float | None = None
        self._on_main_frame_document = on_main_frame_document
        self.frozen = False  # set once timing is over: later requests are not the page's load

    def attach(self, cdp: Any) -> None:
        handlers = {
            "Network.requestWillBeSent": self._will_be_sent,
            "Network.responseReceived": self._response,
            "Network.dataReceived": self._data,
            "Network.loadingFinished": self._finished,
            "Network.loadingFailed": self._failed,
        }
        for event, handler in handlers.items():
            cdp.on(event, handler)

    # -- event handlers -------------------------------------------------
    def _touch(self) -> None:
        self._last_change = time.monotonic()

    def _will_be_sent(self, p: dict[str, Any]) -> None:
        url = p["request"]["url"]
        rid = p["requestId"]
        is_document = p.get("type") == "Document"
        if is_document and self._main_frame_id is None:
            self._main_frame_id = p.get("frameId")
        if is_document and p.get("frameId") == self._main_frame_id and self._on_main_frame_document:
            self._on_main_frame_document(url)
        if self.frozen or url.startswith(("data:", "blob:")):
            return
        existing = self._requests.get(rid)
        if existing is not None and p.get("redirectResponse"):
            # Same request id: a redirect hop; keep the hop, follow the new URL.
            red = p["redirectResponse"]
            existing.redirect_hops.append({
                "url": existing.url,
                "status": red.get("status"),
                "transfer_bytes": int(red.get("encodedDataLength") or 0),
                "headers": _lower_headers(red.get("headers")),
                "mime": red.get("mimeType"),
            })
            existing.url = url
            self._touch()
            return
        req = _Request(rid, url, (p.get("type") or "Other").lower(), p["timestamp"], p.get("frameId"))
        self._requests[rid] = req
        self._order.append(req)
        if is_document and self._main_request_id is None:
            self._main_request_id = rid
            self._first_hop_started = p["timestamp"]
        # The browser fetches the favicon after load, at the emulated pace: nothing the
        # page shows waits for it, so it must not hold the quiet window open.
        req.own = p.get("type") == "Other" and (p.get("initiator") or {}).get("type") == "other"
        if not req.own:
            self._inflight.add(rid)
            self._touch()

    def _response(self, p: dict[str, Any]) -> None:
        req = self._requests.get(p["requestId"])
        if req is None:
            return
        resp = p["response"]
        req.status = resp.get("status")
        req.mime = resp.get("mimeType")
        req.headers = _lower_headers(resp.get("headers"))
        timing = resp.get("timing")
        if timing and timing.get("receiveHeadersEnd", -1) >= 0:
            req.headers_received = timing["requestTime"] + timing["receiveHeadersEnd"] / 1000
        else:
            req.headers_received = p["timestamp"]

    def _data(self, p: dict[str, Any]) -> None:
        req = self._requests.get(p["requestId"])
        if req is not None:
            req.decoded_bytes += int(p.get("dataLength") or 0)
            if not req.own:
                self._touch()

    def _finished(self, p: dict[str, Any]) -> None:
        req = self._requests.get(p["requestId"])
        if req is not None:
            req.transfer_bytes = int(p.get("encodedDataLength") or 0)
            req.finished = True
        self._settle(p["requestId"])

    def _failed(self, p: dict[str, Any]) -> None:
        req = self._requests.get(p["requestId"])
        if req is not None:
            req.failed = p.get("errorText") or "failed"
            if p.get("canceled"):
                req.failed = "canceled"
        self._settle(p["requestId"])

    def _settle(self, rid: str) -> None:
        if rid in self._inflight:
            self._inflight.discard(rid)
            self._touch()

    # -- queries --------------------------------------------------------
    def quiet_for(self, stalled_after_s: float = 2.0) -> float:
        """Seconds the network has been idle. Requests in flight keep it busy, unless
        nothing at all has happened on the network for `stalled_after_s`: a request
        that never answers (a long poll, a favicon or a worker's request the page's
        session never sees finish) must not hold the measurement until its timeout."""
        idle = time.monotonic() - self._last_change
        if self._inflight and idle < stalled_after_s:
            return 0.0
        return idle

    def only_markup_in_flight(self) -> bool:
        """Whether all still in flight is images and fonts, as a page's markup and styles
        ask for them; not data a script fetches."""
        return all(self._requests[rid].type in ("image", "font") for rid in self._inflight if rid in self._requests)

    def pending(self, limit: int = 5) -> list[str]:
        """URLs still in flight (the first `limit`)."""
        return [self._requests[rid].url for rid in list(self._inflight)[:limit] if rid in self._requests]

    @property
    def main(self) -> _Request | None:
        return self._requests.get(self._main_request_id) if self._main_request_id else None

    def ttfb_ms(self) -> float | None:
        """From the first request of the navigation (redirects included) to the
        final document's response headers, with emulated latency included."""
        main = self.main
        if main is None or main.headers_received is None or self._first_hop_started is None:
            return None
        return max(0.0, (main.headers_received - self._first_hop_started) * 1000)

    def resources(self, render_blocking_urls: set[str] | frozenset[str] = frozenset()) -> list[dict[str, Any]]:
        """Every request of the page load, redirect hops included, in request order."""
        out: list[dict[str, Any]] = []
        for req in self._order:
            for hop in req.redirect_hops:
                out.append(_resource(hop["url"], req.type, hop["transfer_bytes"], 0, hop["status"],
                                     hop["headers"], hop["mime"], False, None))
            failed = req.failed or (None if req.finished else "pending")
            out.append(_resource(req.url, req.type, req.transfer_bytes, req.decoded_bytes, req.status,
                                 req.headers, req.mime, req.url in render_blocking_urls, failed))
        return out


def _resource(url: str, rtype: str, transfer: int, decoded: int, status: int | None,
              headers: dict[str, str], mime: str | None, blocking: bool, failed: str | None) -> dict[str, Any]:
    return {
        "url": url,
        "type": rtype,
        "transfer_bytes": transfer,
        "decoded_bytes": decoded,
        "status": status,
        "content_encoding": headers.get("content-encoding") or None,
        "cache_control": headers.get("cache-control") or None,
        "render_blocking": blocking,
        "mime": mime,
        "failed": failed,
    }
