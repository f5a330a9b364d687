"""Which line of robots.txt keeps the crawler from a URL, so that a finding names the one
rule to change, and the fix plan shows every URL it blocks as one fix.

RFC 9309 and Google Search Central, "How Google interprets the robots.txt
specification": a crawler obeys the group of rules whose user-agent line names it (the
`*` group otherwise), and of the rules there that match a URL the most specific one, the
longest, decides. Protego reads the rules, as in the crawl; it does not say which rule
decided, so the group is found by asking it about a probe path per group, and each
Disallow line of that group is tried alone.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from protego import Protego

PROBE = "/robots-group-probe-{}/"
# A group of more Disallow lines is not searched (each URL would try them all): its
# findings stand without the rule.
MAX_RULES = 2000


def _directive(line: str) -> tuple[str, str]:
    """(field in lower case, value) of a robots.txt line; ("", "") for anything else."""
    field, colon, value = line.split("#", 1)[0].partition(":")
    return (field.strip().lower(), value.strip()) if colon else ("", "")


@lru_cache(maxsize=MAX_RULES)
def _alone(value: str) -> Protego:
    """`Disallow: value` as the only rule, for anyone."""
    return Protego.parse(f"User-agent: *\nDisallow: {value}\n")


class RobotsRules:
    """The Disallow lines of one robots.txt that apply to the crawler's user agent."""

    def __init__(self, text: str, agent: str):
        groups: list[tuple[list[str], list[tuple[int, str]]]] = []  # (user agents, Disallow lines (number, value))
        in_rules = True
        for number, line in enumerate(text.splitlines(), 1):
            field, value = _directive(line)
            if field == "user-agent":
                if in_rules:  # a user-agent line after rules starts a group
                    groups.append(([], []))
                in_rules = False
                groups[-1][0].append(value)
            elif field in ("allow", "disallow") and groups:
                in_rules = True
                if field == "disallow" and value:
                    groups[-1][1].append((number, value))
        probe = Protego.parse("\n".join(
            "".join(f"User-agent: {name}\n" for name in names) + f"Disallow: {PROBE.format(n)}"
            for n, (names, _) in enumerate(groups) if names))
        self.disallows = [rule for n, (names, rules) in enumerate(groups)
                          if names and not probe.can_fetch("http://probe" + PROBE.format(n), agent) for rule in rules]
        if len(self.disallows) > MAX_RULES:
            self.disallows = []
        self._found: dict[str, tuple[int, str] | None] = {}  # URL -> its rule: a file blocked on every page is one search

    def blocking(self, url: str) -> tuple[int, str] | None:
        """(line number, "Disallow: value") of the rule that keeps the agent from `url`."""
        if url not in self._found:
            parts = urlsplit(url)
            probe = "http://probe" + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            matching = [(number, value) for number, value in self.disallows if not _alone(value).can_fetch(probe, "*")]
            # the first of the longest
            number, value = max(matching, key=lambda rule: len(rule[1])) if matching else (0, "")
            self._found[url] = (number, f"Disallow: {value}") if matching else None
        return self._found[url]


@lru_cache(maxsize=64)
def _rules(text: str, agent: str) -> RobotsRules:
    return RobotsRules(text, agent)


def blocking_rule(robots_txt: dict[str, str], url: str, agent: str) -> dict:
    """The rule of its origin's robots.txt (origin -> text) that keeps `agent` from `url`,
    as finding data: {rule, file, line}; empty when unknown (no robots.txt read for it)."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    text = robots_txt.get(origin)
    found = _rules(text, agent).blocking(url) if text is not None else None
    return {"rule": found[1], "file": origin + "/robots.txt", "line": found[0]} if found else {}
