"""What went wrong with a page, in the words the result and the report use.

Each kind of failure the auditor describes has one English template here. The result
stores the text filled in (`error_text`), so that it reads alone; the report finds the
template again (`read_error`) to show the text in the reader's language. An error with
no template (an exception's own words, after its type) is shown as it was written.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

TEMPLATES = {
    # the crawl's download (spiders/site.py)
    "robots": "disallowed by robots.txt",
    "timeout": "timed out: no complete answer within {seconds} s (DOWNLOAD_TIMEOUT)",
    "bomb": "too large: the compressed body unpacks to more than the {limit} download limit (DOWNLOAD_MAXSIZE),"
            " so it was not read (a compression bomb?)",
    "too-large": "too large: the response is bigger than the {limit} download limit (DOWNLOAD_MAXSIZE), so it was"
                 " not read",
    "refused": "connection refused: nothing answers at this address and port",
    "cut-short": "response cut short: the connection closed before the announced Content-Length arrived",
    "closed": "connection closed by the server before it answered (no HTTP response)",
    "reset": "connection reset by the server before it answered (no HTTP response)",
    "lost": "connection lost while the response was arriving",
    "no-location": "redirect without a valid Location header",
    # reading the HTML (auditor/gather/extract.py, extract_process.py)
    "empty": "empty HTML document",
    "binary": "binary data served as HTML (control bytes, not text): not parsed",
    "no-elements": "no HTML elements in the document",
    "unparseable": "unparseable HTML: {detail}",
    "too-deep": "HTML nested more than {depth} elements deep: the parser stops there, so the rest of the page"
                " was not read",
    "parser-limit": "HTML beyond the parser's limits ({detail}): the page was read only up to that point",
    "extraction-failed": "extraction failed: {detail}",
    "parse-given-up": "the HTML took longer than {seconds} s to parse and was given up",
    # the browser (auditor/browser/crawl_render.py, page_run.py)
    "render-timeout": "the page did not finish loading within {seconds} s",
    "load-timeout": "timeout: the load event did not fire within {seconds} s",
    "navigation-failed": "navigation failed: {detail}",
    "no-answer-after-load": "timeout: the page did not answer after load",
    "crashed": "page crashed",
    "left-site": "left the site",
    "offsite-redirect": "redirected off-site to {url}",
    # the audit pass (auditor/facts/audit_process.py)
    "audit-given-up": "audit pass: the page's facts and audits took longer than {seconds} s and were given up",
}


def error_text(key: str, **data) -> str:
    """The error `key` in words, its fields filled in."""
    return TEMPLATES[key].format(**data)


def is_robots_block(text: str | None) -> bool:
    """Whether the error says robots.txt kept the crawler from the URL (it was not fetched)."""
    return text == TEMPLATES["robots"]


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    found = []
    for key, template in TEMPLATES.items():
        pattern = "".join(re.escape(literal) + (f"(?P<{name}>.+?)" if name else "")
                          for literal, name, _spec, _conversion in string.Formatter().parse(template))
        found.append((key, re.compile(pattern + r"\Z", re.DOTALL)))
    return found


@lru_cache(maxsize=1024)  # a site's pages fail in a few ways
def read_error(text: str | None) -> tuple[str, dict[str, str]] | None:
    """(key, fields) of an error written by `error_text`, or None for any other text."""
    for key, pattern in _patterns():
        match = pattern.match(text or "")
        if match:
            return key, match.groupdict()
    return None
