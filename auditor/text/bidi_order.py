"""How a run of text inside a paragraph is displayed: a compact Unicode Bidirectional
Algorithm (UAX #9) without explicit embeddings.

Isolated content (<bdi>, elements with dir, isolate controls) is replaced by the
caller with one neutral character, which is how the outer paragraph sees it. Only a
window around the run is resolved: from the nearest strong character before it to
the nearest one after it, which is all the weak and neutral rules look at.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

STRONG = frozenset({"L", "R", "AL"})
NEUTRAL = frozenset({"B", "S", "WS", "ON"})
BRACKETS = {"(": ")", "[": "]", "{": "}"}
WINDOW = 80  # characters looked at on each side of the run, at most


@dataclass(frozen=True)
class Display:
    levels: tuple[int, ...]  # resolved level of each character of the run
    visual: str  # the run's characters as seen from left to right (mirrored glyphs mirrored)
    logical: str = ""  # the run's characters in memory order

    @property
    def one_run(self) -> bool:
        """True when the run shows as one unbroken left-to-right sequence."""
        return len(set(self.levels)) == 1 and self.levels[0] % 2 == 0

    @property
    def in_order(self) -> bool:
        """True when a reader sees the run's characters in their written order: marks that
        draw nothing (zero-width space, LRM, RLM) and white space at its ends may move
        without anyone seeing it."""
        return self.one_run or visible(self.visual).strip() == visible(self.logical).strip()


def visible(text: str) -> str:
    """`text` without the format characters (Unicode category Cf) that draw nothing, and
    without U+FFFC, which stands for an isolated element: placed as a whole, not text."""
    return "".join(ch for ch in text if ch != "\ufffc" and unicodedata.category(ch) != "Cf")


def leading_neutrals(text: str) -> int:
    """How many characters at the start of `text` have no direction of their own (symbols,
    emoji, spaces, marks): at a line's start they stay on its start side."""
    n = 0
    for ch in text:
        if (unicodedata.bidirectional(ch) or "ON") not in ("ON", "WS", "BN", "S", "NSM"):
            break
        n += 1
    return n


def _classes(text: str) -> list[str]:
    out = []
    for ch in text:
        cls = unicodedata.bidirectional(ch) or "ON"
        if cls not in STRONG and cls not in NEUTRAL and cls not in ("EN", "AN", "ES", "ET", "CS", "NSM"):
            cls = "ON"  # leftover explicit controls and boundary neutrals
        out.append(cls)
    return out


def _resolve(text: str, sos: str, eos: str, embedding: str) -> list[int]:
    t = _classes(text)
    n = len(t)
    prev = sos
    for i in range(n):  # W1: a mark takes the type of what it sits on
        if t[i] == "NSM":
            t[i] = prev
        prev = t[i]
    last = sos
    for i in range(n):  # W2: European digits after Arabic letters are Arabic numbers
        if t[i] in STRONG:
            last = t[i]
        elif t[i] == "EN" and last == "AL":
            t[i] = "AN"
    t = ["R" if c == "AL" else c for c in t]  # W3
    for i in range(1, n - 1):  # W4: one separator between two numbers of a kind
        if t[i] == "ES" and t[i - 1] == "EN" and t[i + 1] == "EN":
            t[i] = "EN"
        elif t[i] == "CS" and t[i - 1] == t[i + 1] and t[i - 1] in ("EN", "AN"):
            t[i] = t[i - 1]
    i = 0
    while i < n:  # W5: terminators (currency, %) next to European digits
        if t[i] == "ET":
            j = i
            while j < n and t[j] == "ET":
                j += 1
            if (i > 0 and t[i - 1] == "EN") or (j < n and t[j] == "EN"):
                t[i:j] = ["EN"] * (j - i)
            i = j
        else:
            i += 1
    t = ["ON" if c in ("ES", "ET", "CS") else c for c in t]  # W6
    last = sos
    for i in range(n):  # W7: European digits after Latin letters are Latin
        if t[i] in ("L", "R"):
            last = t[i]
        elif t[i] == "EN" and last == "L":
            t[i] = "L"
    _brackets(text, t, sos, embedding)  # N0
    strong = [("R" if c in ("EN", "AN") else c) for c in t]
    i = 0
    while i < n:  # N1, N2: neutrals take the direction around them, else the embedding's
        if t[i] in NEUTRAL:
            j = i
            while j < n and t[j] in NEUTRAL:
                j += 1
            before = strong[i - 1] if i > 0 else sos
            after = strong[j] if j < n else eos
            t[i:j] = [before if before == after else embedding] * (j - i)
            i = j
        else:
            i += 1
    base = 1 if embedding == "R" else 0
    levels = []
    for c in t:
        if base == 1:
            levels.append(2 if c in ("L", "EN", "AN") else 1)
        else:
            levels.append(1 if c == "R" else 2 if c in ("EN", "AN") else 0)
    return levels


def _brackets(text: str, t: list[str], sos: str, embedding: str) -> None:
    """N0: a bracket pair takes one direction, from its content and its context."""
    stack, pairs = [], []
    for i, ch in enumerate(text):
        if ch in BRACKETS and t[i] == "ON":
            stack.append((i, BRACKETS[ch]))
        elif stack and ch == stack[-1][1]:
            pairs.append((stack.pop()[0], i))
    for open_, close in sorted(pairs):
        inside = {("R" if c in ("EN", "AN") else c) for c in t[open_ + 1:close]} & {"L", "R"}
        if not inside:
            continue
        if embedding in inside:
            direction = embedding
        else:
            before = next((("R" if c in ("EN", "AN") else c) for c in reversed(t[:open_]) if c in ("L", "R", "EN", "AN")), sos)
            direction = before if before != embedding else embedding
        t[open_] = t[close] = direction


def _visual_order(levels: list[int]) -> list[int]:
    """L2: indices in display order, left to right."""
    order = list(range(len(levels)))
    if not levels:
        return order
    lowest_odd = min(levels) | 1
    for level in range(max(levels), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


def display(text: str, start: int, end: int, rtl: bool = True) -> Display:
    """How text[start:end] is displayed inside `text`, a paragraph of base direction
    right-to-left (or left-to-right)."""
    embedding = "R" if rtl else "L"
    lo = start
    while lo > 0 and start - lo < WINDOW:
        lo -= 1
        if unicodedata.bidirectional(text[lo]) in STRONG:
            break
    hi = end
    while hi < len(text) and hi - end < WINDOW:
        hi += 1
        if unicodedata.bidirectional(text[hi - 1]) in STRONG:
            break
    window = text[lo:hi]
    levels = _resolve(window, embedding, embedding, embedding)
    order = _visual_order(levels)
    chars = []
    for i in order:
        if start - lo <= i < end - lo:
            ch = window[i]
            if levels[i] % 2 and unicodedata.mirrored(ch):
                ch = MIRROR.get(ch, ch)
            chars.append(ch)
    return Display(tuple(levels[start - lo:end - lo]), "".join(chars), text[start:end])


MIRROR = {a: b for a, b in zip("()<>[]{}«»‹›❮❯⟨⟩〈〉", ")(><][}{»«›‹❯❮⟩⟨〉〈")}
