"""Left-to-right runs isolated inside right-to-left text.

A translated sentence such as `أضف <meta name="robots" content="noindex"> إلى الصفحة`
is reordered by the browser: its quotes, `=` and `>` take the Arabic direction and
the code shows scrambled (the defect the `bidi-isolation` audit reports on audited
sites). Each run of Latin text (code, a URL, a selector, a number, a name) is wrapped
in `<bdi dir="ltr">`; a finding's values joining such a run (`content="{value}"`) are
isolated with it, so the code reads in one piece.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# ASCII printable characters, neither starting nor ending with a space.
RUN = re.compile(r"[!-~](?:[ -~]*[!-~])?")
CODE = re.compile(r"[<>=\"{}\[\]/]")  # a run holding these is code, whose colons and semicolons are its own
PROSE_END = ".,;:!?"
CODE_END = ".,!?"
LTR, WEAK, TEXT = "ltr", "weak", "text"  # a Latin run; punctuation that joins an adjacent run; anything else


def _unmatched_parens(run: str) -> set[int]:
    """Positions of the brackets in `run` without their partner inside it: they belong to the sentence."""
    opened: list[int] = []
    lone = set()
    for i, c in enumerate(run):
        if c == "(":
            opened.append(i)
        elif c == ")":
            if opened:
                opened.pop()
            else:
                lone.add(i)
    return lone | set(opened)


def _pieces(run: str) -> list[tuple[str, str]]:
    """One ASCII run as (piece, kind): sentence brackets and punctuation split off."""
    lone = _unmatched_parens(run)
    parts, current = [], ""
    for i, c in enumerate(run):
        if i in lone:
            parts += [current, c]
            current = ""
        else:
            current += c
    parts.append(current)
    out: list[tuple[str, str]] = []
    for n, part in enumerate(parts):
        if n % 2:  # a bracket of the sentence
            out.append((part, TEXT))
            continue
        core = part.lstrip(PROSE_END + " ")
        core = core.rstrip((CODE_END if CODE.search(core) else PROSE_END) + " ")
        if not core:
            out.append((part, TEXT))
            continue
        at = part.find(core)
        out += [(part[:at], TEXT), (core, LTR if any(c.isalnum() for c in core) else WEAK),
                (part[at + len(core):], TEXT)]
    return [p for p in out if p[0]]


def split(text: str) -> list[tuple[str, str]]:
    """`text` as (piece, kind) in order: Latin runs (code, names, numbers) are LTR."""
    out: list[tuple[str, str]] = []
    pos = 0
    for match in RUN.finditer(text):
        if match.start() > pos:
            out.append((text[pos:match.start()], TEXT))
        out += _pieces(match.group())
        pos = match.end()
    if pos < len(text):
        out.append((text[pos:], TEXT))
    return out


def join(tokens: list[tuple[Markup, str, bool]]) -> Markup:
    """Join (html, kind, is a value) tokens: each group of LTR tokens, with the spaces
    between them and the punctuation touching them, is one `<bdi dir="ltr">`; a value
    alone keeps its own `<bdi>`."""
    out = Markup()
    group: list[tuple[Markup, bool]] = []  # (html, is a value)
    pending = Markup()  # spaces that join two LTR tokens if another follows
    lead: list[tuple[Markup, bool]] = []  # punctuation just before a possible group

    def close() -> Markup:
        if len(group) == 1 and group[0][1]:
            return Markup(group[0][0])
        return Markup('<bdi dir="ltr">%s</bdi>') % Markup("").join(h for h, _ in group)

    for html, kind, value in tokens:
        if kind == LTR:
            if group:
                group.append((pending, False))
            group.extend(lead)
            group.append((html, value))
            pending, lead = Markup(), []
        elif kind == WEAK and group and not pending:
            group.append((html, value))
        elif kind == WEAK:
            if group:
                out += close()
                group = []
            out += pending + Markup("").join(h for h, _ in lead)
            pending, lead = Markup(), [(html, value)]
        elif group and not str(html).strip():
            pending += html
        else:
            if group:
                out += close()
                group = []
            out += pending + Markup("").join(h for h, _ in lead) + html
            pending, lead = Markup(), []
    if group:
        out += close()
    return out + pending + Markup("").join(h for h, _ in lead)


@lru_cache(maxsize=1024, typed=True)  # a report shows each of a few hundred texts many times (typed: Markup is no str)
def isolate(text: str) -> Markup:
    """Escaped `text` with each left-to-right run isolated."""
    return join([(escape(piece), kind, False) for piece, kind in split(text)])


def is_ltr_value(text: str) -> bool:
    return bool(text.strip()) and not RTL.search(text)
