"""What went wrong with a request, in words a report reader understands."""

from __future__ import annotations

import re

from scrapy.exceptions import (
    DownloadCancelledError, DownloadConnectionRefusedError, DownloadFailedError, DownloadTimeoutError,
    IgnoreRequest, ResponseDataLossError,
)
from twisted.internet.error import ConnectionDone
from twisted.internet.error import ConnectionRefusedError as TxConnectionRefused
from twisted.internet.error import TimeoutError as TxTimeoutError
from twisted.web.client import ResponseFailed, ResponseNeverReceived

from auditor.errors import error_text


def _limit(message: str) -> str:
    """The byte limit a Scrapy size message names, in MB."""
    found = re.search(r"max size \((\d+)\)|DOWNLOAD_MAXSIZE \((\d+) B\)", message)
    size = int(next(g for g in found.groups() if g)) if found else 0
    return f"{size / 1024 / 1024:g} MB" if size else "size"


def describe(failure, request=None) -> str:
    """What went wrong, in words a report reader understands (the technical cause after)."""
    value = failure.value
    message = str(value)
    if failure.check(IgnoreRequest):
        if "robots" in message.lower():
            return error_text("robots")
        if "decompress" in message:
            return error_text("bomb", limit=_limit(message))
        return message or "request ignored"
    if failure.check(DownloadTimeoutError, TxTimeoutError):
        timeout = (request.meta.get("download_timeout") if request is not None else None) or "the"
        return error_text("timeout", seconds=timeout)
    if failure.check(DownloadCancelledError) and "max size" in message:
        return error_text("too-large", limit=_limit(message))
    if failure.check(DownloadConnectionRefusedError, TxConnectionRefused):
        return error_text("refused")
    if failure.check(ResponseDataLossError):
        return error_text("cut-short")
    if failure.check(DownloadFailedError, ResponseFailed):
        cause = value if isinstance(value, ResponseFailed) else value.__cause__
        reasons = getattr(cause, "reasons", None) or []
        if isinstance(cause, ResponseNeverReceived):
            if any(r.check(ConnectionDone) for r in reasons):
                return error_text("closed")
            return error_text("reset")
        return error_text("lost")
    return f"{failure.type.__name__}: {failure.getErrorMessage()}"
