"""The shared run database: PostgreSQL behind the same calls the store makes on sqlite3.

A run on one machine keeps its store in a SQLite file (the store uses sqlite3 directly,
so that path costs nothing extra). When a crawl spans machines, the store is a
`postgresql://` URL and `PostgresDB` stands in for the sqlite3 connection: the same
schema, the same SQL, with `?` placeholders turned into psycopg's `%s` here, in one place.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

# Any constant: serializes schema creation when several machines open the store at once.
SCHEMA_LOCK = 0x61756469
STREAM_BATCH = 500  # rows a streamed query fetches at a time
_cursor_names = itertools.count()


def is_postgres(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


@lru_cache(maxsize=1024)
def _translate(query: str) -> str:
    # psycopg reads `%` as the start of a placeholder once parameters are passed
    return query.replace("%", "%%").replace("?", "%s")


class PostgresDB:
    """A psycopg connection answering the sqlite3 calls the store uses."""

    def __init__(self, url: str, schema: str):
        import psycopg

        self.conn = psycopg.connect(url)
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        # SQLite's INTEGER is 64-bit (a file's Content-Length can exceed 2 GB)
        self.conn.execute(schema.replace("INTEGER", "BIGINT"))
        # SQLite numbers rows implicitly; the store orders pages by that (crawl order)
        has_rowid = self.conn.execute(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name = 'pages' AND column_name = 'rowid'"
        ).fetchone()
        if not has_rowid:
            self.conn.execute("ALTER TABLE pages ADD COLUMN rowid BIGSERIAL")
        self.conn.commit()

    def execute(self, query: str, params=None):
        if params is None:
            return self.conn.execute(query)
        return self.conn.execute(_translate(query), params)

    def stream(self, query: str):
        """The rows of a large query, a batch at a time: psycopg's execute() fetches every
        row at once, and a 100,000-page store's records do not fit in memory."""
        # a server-side cursor WITH HOLD outlives the commits the caller may make meanwhile
        with self.conn.cursor(name=f"stream_{next(_cursor_names)}", withhold=True) as cursor:
            cursor.itersize = STREAM_BATCH
            cursor.execute(query)
            yield from cursor

    def executemany(self, query: str, params):
        cursor = self.conn.cursor()
        cursor.executemany(_translate(query), params)
        return cursor

    def commit(self) -> None:
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()
