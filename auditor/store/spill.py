"""A result's pages and findings kept on disk while the result is built and written.

A 100,000-page site yields hundreds of thousands of findings and page summaries;
holding them all would make memory grow with the site. The audit pass appends them
here as they are produced, and result.json and the reports read them back in order,
one row at a time. The database is SQLite's private temporary file: it is deleted
when the spill is closed or garbage-collected.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence


class Spill:
    """Rows of several kinds ("pages", an audit id...), each kept in insertion order."""

    def __init__(self):
        self.db = sqlite3.connect("")  # "" = a temporary on-disk database, gone on close
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("CREATE TABLE rows (kind TEXT NOT NULL, json TEXT NOT NULL)")
        self.db.execute("CREATE INDEX rows_kind ON rows (kind)")
        self._counts: dict[str, int] = {}

    def add(self, kind: str, items: Iterable[dict]) -> None:
        self.add_encoded(kind, map(self.encode, items))

    def add_encoded(self, kind: str, rows: Iterable[str]) -> None:
        """Rows already encoded by `encode` (in a worker process, say)."""
        before = self._counts.get(kind, 0)
        cursor = self.db.executemany("INSERT INTO rows (kind, json) VALUES (?, ?)", ((kind, row) for row in rows))
        self._counts[kind] = before + max(cursor.rowcount, 0)

    @staticmethod
    def encode(item: dict) -> str:
        return json.dumps(item, ensure_ascii=False)

    def rows(self, kind: str) -> Rows:
        self._counts.setdefault(kind, 0)
        return Rows(self, kind)

    def count(self, kind: str) -> int:
        return self._counts.get(kind, 0)

    def read(self, kind: str, limit: int = -1, offset: int = 0) -> Iterator[dict]:
        return map(json.loads, self.read_encoded(kind, limit, offset))

    def read_encoded(self, kind: str, limit: int = -1, offset: int = 0) -> Iterator[str]:
        """The rows as `encode` wrote them."""
        cursor = self.db.execute("SELECT json FROM rows WHERE kind = ? ORDER BY rowid LIMIT ? OFFSET ?",
                                 (kind, limit, offset))
        for (text,) in cursor:
            yield text

    def close(self) -> None:
        self.db.close()


class Rows(Sequence):
    """One kind's rows as a read-only list: each pass reads them from disk again."""

    def __init__(self, spill: Spill, kind: str):
        self.spill, self.kind = spill, kind

    def __len__(self) -> int:
        return self.spill.count(self.kind)

    def __iter__(self) -> Iterator[dict]:
        return self.spill.read(self.kind)

    def encoded(self) -> Iterator[str]:
        """Each row as JSON text, as stored: written out without being read in."""
        return self.spill.read_encoded(self.kind)

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return list(self)[index]
            return list(self.spill.read(self.kind, max(stop - start, 0), start))
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError(index)
        return next(self.spill.read(self.kind, 1, position))

    def __eq__(self, other) -> bool:
        if isinstance(other, (Rows, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return f"<{len(self)} {self.kind} rows>"
