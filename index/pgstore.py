"""The records store in PostgreSQL: the same tables, methods and semantics as ``index.store.Store``.

``PgStore.open("postgresql://user@host/db")`` is used where ``Store.open(data_dir)`` is; every method of
``Store`` is here with the same arguments and results (tests/test_pg_store.py runs the store tests on
both). Differences a reader of the database sees:

- ``indicators.value``/``upper``/``total`` are ``jsonb`` so 2358 stays an integer and 1.5 a real
  (SQLite does that with untyped columns); ``estimate`` is a boolean.
- ``articles.fts_folded`` / ``fts_exact`` are generated ``tsvector`` columns (GIN-indexed) for
  ``index.pgsearch``: the text without diacritics (``unaccent``; "đ" is "d") and as written, title
  weighted A, portal name and category B, summary and body D.
- ``change_seq`` is given out under a transaction-level advisory lock, so a reader that has seen
  change N never later meets an article committed with a smaller one (many writers at once).

A ``PgStore`` holds a small connection pool (``psycopg_pool``) and may be shared by threads. A connection
lost mid-way (server restart, network) is replaced and the unit of work retried: each ``save_article``
is one transaction, so a retry never stores half an article.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import psycopg
from psycopg import errors as pg_errors
from psycopg.adapt import Dumper
from psycopg.conninfo import conninfo_to_dict
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

from base.errors import BadInput
from extract.models import Article
from index import store as sqlite_store
from index.analyzer import normalize_text, word_tokens
from index.store import (
    ARTICLE_COLUMNS,
    INDICATOR_COLUMNS,
    MAX_CHANGE_SEQ_SQL,
    SCHEMA_KEY,
    article_part,
    fingerprint,
    now_iso,
    public_article,
    quoted,
)

POOL_MAX = 4
CONNECT_TIMEOUT_S = 10
RETRY_FOR_S = 60.0  # how long a lost connection is waited for before the error is the user's
CHANGE_LOCK = 0x676F766E  # advisory lock key ("govn") serialising change_seq

_SCHEMA_V1 = r"""
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
-- Text split as index.analyzer splits it: punctuation separates words ("tạ/ha", "KT-XH", "a.gov.vn"), except
-- . , / inside a number ("2.358", "5/5", "02/8/2023"); a decimal comma becomes a point ("62,5"), which the
-- 'simple' parser keeps in one token. Lower case and word boundaries are the parser's.
CREATE OR REPLACE FUNCTION govnews_plain(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT regexp_replace(regexp_replace($1, '(?<![0-9])[.,/]|[.,/](?![0-9])|[!-+:-@\[-`{-~-]', ' ', 'g'),
                                '([0-9]),(?=[0-9])', '\1.', 'g') $$;
CREATE OR REPLACE FUNCTION govnews_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, govnews_plain($1)) $$;
CREATE TABLE articles (
    id BIGSERIAL PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    site TEXT, site_name TEXT, title TEXT, published TEXT, author TEXT, source TEXT,
    views BIGINT, category TEXT, summary TEXT, body TEXT NOT NULL DEFAULT '',
    language TEXT, page_type TEXT,
    fetched_at TEXT, warc TEXT, warc_offset BIGINT, content_hash TEXT,
    fingerprint TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    first_seen TEXT, updated_at TEXT,
    change_seq BIGINT NOT NULL,
    fts_folded tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', govnews_fold(coalesce(title, ''))), 'A')
        || setweight(to_tsvector('simple',
                                 govnews_fold(coalesce(site_name || ' ', '') || coalesce(category, ''))), 'B')
        || to_tsvector('simple', govnews_fold(coalesce(summary, '') || ' ' || body))) STORED,
    fts_exact tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', govnews_plain(coalesce(title, ''))), 'A')
        || setweight(to_tsvector('simple',
                                 govnews_plain(coalesce(site_name || ' ', '') || coalesce(category, ''))), 'B')
        || to_tsvector('simple', govnews_plain(coalesce(summary, '') || ' ' || body))) STORED
);
CREATE INDEX articles_change_seq ON articles(change_seq);
CREATE INDEX articles_site ON articles(site);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_fts ON articles USING gin (fts_folded);
CREATE TABLE indicators (
    id BIGSERIAL PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT, start INTEGER, "end" INTEGER, value JSONB, upper JSONB, total JSONB, unit TEXT, kind TEXT,
    approx TEXT, estimate BOOLEAN NOT NULL DEFAULT false, change TEXT, reference TEXT,
    label TEXT, period TEXT, sentence TEXT
);
CREATE INDEX indicators_article ON indicators(article_id);
CREATE INDEX indicators_unit ON indicators(unit);
CREATE TABLE attachments (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, url TEXT NOT NULL, name TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE TABLE images (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, url TEXT NOT NULL, caption TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE TABLE article_versions (
    id BIGSERIAL PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    rev INTEGER NOT NULL, fetched_at TEXT, replaced_at TEXT NOT NULL,
    warc TEXT, warc_offset BIGINT, content_hash TEXT,
    data JSONB NOT NULL
);
CREATE INDEX article_versions_article ON article_versions(article_id);
"""

# index/store.py's schema 2: documents (attachments read), as there; figures' numbers in jsonb and ``estimate``
# a boolean, as in ``indicators`` (index/figures.py reads both tables as one).
_SCHEMA_V2 = r"""
CREATE TABLE documents (
    id BIGSERIAL PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    article_url TEXT, name TEXT, format TEXT,
    kind TEXT, number TEXT, issuer TEXT, place TEXT, date TEXT, subject TEXT, signer TEXT, position TEXT,
    page_count INTEGER NOT NULL DEFAULT 0,
    ocr_pending INTEGER NOT NULL DEFAULT 0,
    warnings TEXT,
    error TEXT,
    fetched_at TEXT, warc TEXT, warc_offset BIGINT, content_hash TEXT,
    fingerprint TEXT NOT NULL,
    change_seq BIGINT NOT NULL
);
CREATE INDEX documents_change_seq ON documents(change_seq);
CREATE INDEX documents_article_url ON documents(article_url);
CREATE TABLE document_pages (
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, text TEXT NOT NULL DEFAULT '', method TEXT, confidence DOUBLE PRECISION,
    needs_ocr INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (document_id, n)
);
CREATE TABLE document_indicators (
    id BIGSERIAL PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, page INTEGER,
    text TEXT, start INTEGER, "end" INTEGER, value JSONB, upper JSONB, total JSONB, unit TEXT, kind TEXT,
    approx TEXT, estimate BOOLEAN NOT NULL DEFAULT false, change TEXT, reference TEXT,
    label TEXT, period TEXT, sentence TEXT
);
CREATE INDEX document_indicators_document ON document_indicators(document_id);
CREATE INDEX document_indicators_unit ON document_indicators(unit);
"""
# index/store.py's schema 3: site templates.
_SCHEMA_V3 = r"""
CREATE TABLE site_templates (
    site TEXT PRIMARY KEY,
    pages INTEGER NOT NULL,
    applied INTEGER NOT NULL DEFAULT 0,
    changed INTEGER NOT NULL DEFAULT 0,
    learned_at TEXT NOT NULL,
    data TEXT NOT NULL
);
"""

# Words of several syllables (index/analyzer.py, issue 15): the analyzer's joined folded words ("an_toan") of
# title (weight A), summary and body, with their positions, for index.pgsearch's word bonus. The dictionary
# cutting them is Python's, so the vector is made there (``article_words``), not generated. Rows stored before
# this schema have none until they are saved again (``govnews reprocess --db``).
_SCHEMA_V4 = r"""
ALTER TABLE articles ADD COLUMN fts_words tsvector NOT NULL DEFAULT ''::tsvector;
"""

# MIGRATIONS[n] takes a database at schema n to n+1; append, never edit.
MIGRATIONS: tuple[str, ...] = (_SCHEMA_V1, _SCHEMA_V2, _SCHEMA_V3, _SCHEMA_V4)
MAX_POSITION = 16383  # the largest position a tsvector holds
STORED_COLUMNS = (*ARTICLE_COLUMNS, "fts_words")  # what a save writes of an article's own row
SCHEMA_VERSION = len(MIGRATIONS)
_JSONB_COLUMNS = frozenset({"value", "upper", "total"})
T = TypeVar("T")


def is_db_url(value: str | None) -> bool:
    return bool(value) and value.split(":", 1)[0].lower() in ("postgresql", "postgres")


def shown_url(dsn: str) -> str:
    """The URL without its password, for messages."""
    try:
        parts = conninfo_to_dict(dsn)
    except psycopg.ProgrammingError:
        return "the --db URL"
    user = f"{parts['user']}@" if parts.get("user") else ""
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{parts.get('host', '')}{port}/{parts.get('dbname', '')}"


def connect_pool(dsn: str, *, durable: bool = True) -> ConnectionPool:
    """A checked pool for ``dsn``; a URL that cannot be used is BadInput with one line saying why.

    ``durable=False``: commits do not wait for the disk (``synchronous_commit = off``). A server crash
    may then forget the last fraction of a second of commits, all together and in order (never half
    a transaction); the crawl frontier takes that for a commit per URL step at memory speed.
    """
    if not is_db_url(dsn):
        raise BadInput(f"--db must be a postgresql://user@host/dbname URL, not {dsn!r}")
    try:
        conninfo_to_dict(dsn)
        psycopg.connect(dsn, connect_timeout=CONNECT_TIMEOUT_S).close()
    except psycopg.Error as err:
        reason = _first_line(err).rsplit("failed: ", 1)[-1].strip()
        raise BadInput(f"cannot connect to {shown_url(dsn)}: {reason}") from None
    # no check on every checkout (a round trip each): a lost connection fails its work, and retrying() checks
    # the pool and runs the work again
    pool = ConnectionPool(dsn, min_size=1, max_size=POOL_MAX, open=False,
                          kwargs={"connect_timeout": CONNECT_TIMEOUT_S, "autocommit": True},
                          reconnect_timeout=RETRY_FOR_S, configure=None if durable else _not_durable)
    pool.open(wait=True, timeout=CONNECT_TIMEOUT_S)
    return pool


def _not_durable(conn: psycopg.Connection) -> None:
    conn.execute("SET synchronous_commit = off")


def retrying(pool: ConnectionPool, work: Callable[[psycopg.Connection], T], *, atomic: bool = True) -> T:
    """Run ``work(conn)`` in one transaction; a lost connection is replaced and the whole work run again.

    Pooled connections are in autocommit mode: ``atomic=False`` saves the BEGIN/COMMIT round trips
    of work that is one statement.
    """
    deadline = time.monotonic() + RETRY_FOR_S
    while True:
        try:
            with pool.connection() as conn:
                if not atomic:
                    return work(conn)
                with conn.transaction():
                    return work(conn)
        except psycopg.OperationalError as err:
            if isinstance(err, pg_errors.QueryCanceled) or time.monotonic() > deadline:
                raise
            time.sleep(0.5)
            pool.check()


def migrate(pool: ConnectionPool, dsn: str, key: str, migrations: tuple[str, ...], what: str) -> None:
    """Bring schema ``key`` to ``len(migrations)`` (one transaction, one migrator at a time) or raise BadInput."""
    version = len(migrations)

    def run(conn: psycopg.Connection) -> None:
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('govnews-migrate'))")
        conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = conn.execute("SELECT value FROM meta WHERE key = %s", (key,)).fetchone()
        found = int(row[0]) if row else 0
        if found > version:
            raise BadInput(f"{shown_url(dsn)} has {what} schema {found}, newer than this govnews understands "
                           f"({version}): upgrade govnews")
        for script in migrations[found:]:
            conn.execute(script)
        if found != version:
            conn.execute("INSERT INTO meta (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE"
                         " SET value = excluded.value", (key, str(version)))

    try:
        if _current_version(pool, key) == version:
            return  # up to date: no lock, works for a read-only user too
        retrying(pool, run)
    except pg_errors.InsufficientPrivilege as err:
        raise BadInput(f"{shown_url(dsn)}: the user may not create govnews' tables ({_first_line(err)}):"
                       " run govnews once as the database owner") from None


def _current_version(pool: ConnectionPool, key: str) -> int | None:
    def read(conn: psycopg.Connection) -> int | None:
        if conn.execute("SELECT to_regclass('meta')").fetchone()[0] is None:
            return None
        row = conn.execute("SELECT value FROM meta WHERE key = %s", (key,)).fetchone()
        return int(row[0]) if row else None

    return retrying(pool, read)


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


class PgStore:
    """The records database in PostgreSQL. ``PgStore.open(url)``; close it or use ``with``."""

    def __init__(self, pool: ConnectionPool, dsn: str):
        self.pool = pool
        self.dsn = dsn
        self.path = shown_url(dsn)  # what messages name, as Store.path

    @classmethod
    def open(cls, dsn: str, *, create: bool = True) -> PgStore:
        """Open the database at ``dsn``, migrated to the current schema (``create``) or required to hold it."""
        pool = connect_pool(dsn)
        store = cls(pool, dsn)
        try:
            if create:
                migrate(pool, dsn, SCHEMA_KEY, MIGRATIONS, "records")
                store._check_writable()
            else:
                found = _current_version(pool, SCHEMA_KEY)
                if found is None:
                    raise BadInput(f"no records in {store.path}: run govnews crawl --db first")
                if found > SCHEMA_VERSION:
                    raise BadInput(f"{store.path} has records schema {found}, newer than this govnews understands "
                                   f"({SCHEMA_VERSION}): upgrade govnews")
        except BaseException:
            pool.close()
            raise
        return store

    def _check_writable(self) -> None:
        ok = retrying(self.pool, lambda conn: conn.execute(
            "SELECT has_table_privilege('articles', 'INSERT') AND has_table_privilege('articles', 'UPDATE')"
            " AND NOT current_setting('transaction_read_only')::boolean").fetchone()[0])
        if not ok:
            raise BadInput(f"{self.path}: the user may read but not write the records (read-only user or server)")

    def close(self) -> None:
        self.pool.close()

    def __enter__(self) -> PgStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def pg_transaction(self) -> Iterator[psycopg.Connection]:
        """One transaction on one pooled connection (no retry: the caller's work is not known)."""
        with self.pool.connection() as conn:
            with conn.transaction():
                yield conn

    @contextmanager
    def transaction(self) -> Iterator[QmarkConnection]:
        """``Store.transaction``: one transaction whose connection takes SQLite's SQL (``?`` placeholders).

        It holds the change lock (see ``_save``), so SQL giving out ``change_seq`` (index/documents.py)
        is safe with many writers."""
        with self.pg_transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (CHANGE_LOCK,))
            yield QmarkConnection(conn)

    @property
    def conn(self) -> PooledQmark:
        """``Store.conn`` for reading: ``execute`` SQL with ``?`` placeholders; its rows are fetched at once."""
        return PooledQmark(self.pool)

    def schema_version(self) -> int:
        return _current_version(self.pool, SCHEMA_KEY) or 0

    def has_table(self, name: str) -> bool:
        """Whether the database (the schema of the URL's search_path) has table ``name``, as ``Store.has_table``."""
        return self._read(lambda conn: conn.execute("SELECT to_regclass(%s) IS NOT NULL", (name,)).fetchone()[0])

    # -- writing -----------------------------------------------------------------------------

    def save_article(self, article: Article, *, fetched_at: str, warc: str | None = None,
                     offset: int | None = None, content_hash: str | None = None) -> tuple[int, str]:
        """Insert or update one article in one transaction -> (article_id, "new"|"changed"|"unchanged")."""
        if not article.url:
            raise BadInput("cannot store an article without a url")
        data = article.to_dict()
        fp = fingerprint(data)
        data["fts_words"] = article_words(data)
        return retrying(self.pool, lambda conn: self._save(conn, article, data, fp, fetched_at, warc, offset,
                                                           content_hash))

    def _save(self, conn: psycopg.Connection, article: Article, data: dict, fp: str, fetched_at: str,
              warc: str | None, offset: int | None, content_hash: str | None) -> tuple[int, str]:
        stamp = now_iso()
        # one writer of articles at a time: change_seq then follows commit order, and two crawls
        # storing the same URL at once cannot both insert it
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (CHANGE_LOCK,))
        row = conn.execute("SELECT id, fingerprint, rev FROM articles WHERE url = %s", (article.url,)).fetchone()
        if row and row[1] == fp:
            conn.execute(
                "UPDATE articles SET views = %s, fetched_at = %s, warc = COALESCE(%s, warc),"
                " warc_offset = COALESCE(%s, warc_offset), content_hash = COALESCE(%s, content_hash) WHERE id = %s",
                (article.views, fetched_at, warc, offset, content_hash, row[0]))
            return row[0], "unchanged"
        seq = conn.execute(MAX_CHANGE_SEQ_SQL).fetchone()[0] + 1
        values = [data[c] for c in STORED_COLUMNS]
        if row is None:
            article_id = conn.execute(
                f"INSERT INTO articles ({', '.join(STORED_COLUMNS)}, fetched_at, warc, warc_offset,"
                " content_hash, fingerprint, rev, first_seen, updated_at, change_seq)"
                f" VALUES ({', '.join(['%s'] * len(STORED_COLUMNS))}, %s, %s, %s, %s, %s, 1, %s, %s, %s)"
                " RETURNING id",
                (*values, fetched_at, warc, offset, content_hash, fp, stamp, stamp, seq)).fetchone()[0]
            status = "new"
        else:
            article_id, status = row[0], "changed"
            self._keep_version(conn, article_id, row[2], stamp)
            conn.execute(
                f"UPDATE articles SET {', '.join(c + ' = %s' for c in STORED_COLUMNS)}, fetched_at = %s,"
                " warc = COALESCE(%s, warc), warc_offset = COALESCE(%s, warc_offset),"
                " content_hash = COALESCE(%s, content_hash), fingerprint = %s, rev = rev + 1,"
                " updated_at = %s, change_seq = %s WHERE id = %s",
                (*values, fetched_at, warc, offset, content_hash, fp, stamp, seq, article_id))
            for table in ("indicators", "attachments", "images"):
                conn.execute(f"DELETE FROM {table} WHERE article_id = %s", (article_id,))
        _insert_children(conn, article_id, data)
        return article_id, status

    def save_articles(self, batch: list[tuple[Article, dict[str, Any]]]) -> list[tuple[int, str]]:
        """Many ``save_article`` calls in one transaction, for bulk loads (migrate): the same results, in order.

        ``batch``: (article, {"fetched_at", "warc", "offset", "content_hash"}) pairs. Articles new to the
        database go in with COPY; the others (and a URL twice in the batch) one by one as ``save_article``.
        """
        prepared = []
        for article, where in batch:
            if not article.url:
                raise BadInput("cannot store an article without a url")
            data = article.to_dict()
            fp = fingerprint(data)
            data["fts_words"] = article_words(data)
            prepared.append((article, data, fp, where))
        return retrying(self.pool, lambda conn: self._save_many(conn, prepared))

    def _save_many(self, conn: psycopg.Connection, prepared: list) -> list[tuple[int, str]]:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (CHANGE_LOCK,))
        urls = [p[0].url for p in prepared]
        known = {r[0] for r in conn.execute("SELECT url FROM articles WHERE url = ANY(%s)", (urls,))}
        once = {u for u, n in Counter(urls).items() if n == 1}
        fresh = [i for i, u in enumerate(urls) if u in once and u not in known]
        ids = [r[0] for r in conn.execute("SELECT nextval(pg_get_serial_sequence('articles', 'id'))"
                                          " FROM generate_series(1, %s)", (len(fresh),))]
        seq = conn.execute(MAX_CHANGE_SEQ_SQL).fetchone()[0]
        stamp = now_iso()
        results: dict[int, tuple[int, str]] = {}
        with conn.cursor() as cur:
            columns = (*STORED_COLUMNS, "fetched_at", "warc", "warc_offset", "content_hash", "fingerprint", "rev",
                       "first_seen", "updated_at", "change_seq")
            with cur.copy(f"COPY articles (id, {', '.join(columns)}) FROM STDIN") as copy:
                for n, (i, article_id) in enumerate(zip(fresh, ids), 1):
                    _, data, fp, w = prepared[i]
                    copy.write_row((article_id, *(data[c] for c in STORED_COLUMNS), w.get("fetched_at"),
                                    w.get("warc"), w.get("offset"), w.get("content_hash"), fp, 1, stamp, stamp,
                                    seq + n))
                    results[i] = (article_id, "new")
            _copy_children(cur, [(article_id, prepared[i][1]) for i, article_id in zip(fresh, ids)])
        for i, (article, data, fp, w) in enumerate(prepared):
            if i not in results:
                results[i] = self._save(conn, article, data, fp, w.get("fetched_at"), w.get("warc"), w.get("offset"),
                                        w.get("content_hash"))
        return [results[i] for i in range(len(prepared))]

    def _keep_version(self, conn: psycopg.Connection, article_id: int, rev: int, stamp: str) -> None:
        old = _load(conn, [article_id])[0]
        conn.execute(
            "INSERT INTO article_versions (article_id, rev, fetched_at, replaced_at, warc, warc_offset,"
            " content_hash, data) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (article_id, rev, old["fetched_at"], stamp, old["archive"]["warc"], old["archive"]["offset"],
             old["content_hash"], Jsonb(article_part(old))))

    # -- reading -----------------------------------------------------------------------------

    def _read(self, work: Callable[[psycopg.Connection], T]) -> T:
        return retrying(self.pool, work)

    def get_article(self, article_id: int) -> dict | None:
        found = self._read(lambda conn: _load(conn, [article_id]))
        return public_article(found[0]) if found else None

    def get_article_by_url(self, url: str) -> dict | None:
        def read(conn):
            row = conn.execute("SELECT id FROM articles WHERE url = %s", (url,)).fetchone()
            return _load(conn, [row[0]]) if row else []
        found = self._read(read)
        return public_article(found[0]) if found else None

    def get_articles(self, ids: list[int]) -> dict[int, dict]:
        """Several articles at once (search results): id -> article dict."""
        return {a["id"]: public_article(a) for a in self._read(lambda conn: _load(conn, list(ids)))} if ids else {}

    def count_articles(self) -> int:
        return self._read(lambda conn: conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def iter_articles(self, after_id: int = 0) -> Iterator[dict]:
        """Every article in id order, ``index.store.ITER_BATCH`` at a time (constant memory)."""
        for _, full in self._iter_by("id", after_id):
            yield public_article(full)

    def iter_changed(self, after_seq: int = 0) -> Iterator[tuple[int, dict]]:
        """(change_seq, article dict) of articles added or changed after ``after_seq``, in change order."""
        for seq, full in self._iter_by("change_seq", after_seq):
            yield seq, public_article(full)

    def max_change_seq(self) -> int:
        """The last change of an article or a document (one counter runs over both)."""
        return self._read(lambda conn: conn.execute(MAX_CHANGE_SEQ_SQL).fetchone()[0])

    def article_versions(self, article_id: int) -> list[dict]:
        """Older versions of an article, oldest first: {"rev", "fetched_at", "replaced_at", "archive", "article"}."""
        rows = self._read(lambda conn: conn.execute(
            "SELECT rev, fetched_at, replaced_at, warc, warc_offset, data FROM article_versions"
            " WHERE article_id = %s ORDER BY rev", (article_id,)).fetchall())
        return [{"rev": r[0], "fetched_at": r[1], "replaced_at": r[2],
                 "archive": {"warc": r[3], "offset": r[4]}, "article": r[5]} for r in rows]

    def _iter_by(self, key: str, after: int) -> Iterator[tuple[int, dict]]:
        while True:
            def batch(conn, after=after):
                rows = conn.execute(f"SELECT id, {key} FROM articles WHERE {key} > %s ORDER BY {key} LIMIT %s",
                                    (after, sqlite_store.ITER_BATCH)).fetchall()
                return rows, {a["id"]: a for a in _load(conn, [r[0] for r in rows])} if rows else {}
            rows, loaded = self._read(batch)
            if not rows:
                return
            for article_id, value in rows:
                if article_id in loaded:
                    yield value, loaded[article_id]
            after = rows[-1][1]


class UntypedNumber(Dumper):
    """A number sent without a type: PostgreSQL gives it its column's (2358 into jsonb stays an integer, 1.5 a real),
    as SQLite keeps what it is given in an untyped column."""

    def dump(self, obj: int | float) -> bytes:
        return repr(obj).encode()


class QmarkConnection:
    """A psycopg connection taking the SQL written for SQLite (``?`` placeholders) that both backends speak."""

    def __init__(self, conn: psycopg.Connection):
        self.raw = conn

    def _cursor(self) -> psycopg.Cursor:
        cur = self.raw.cursor()
        for kind in (int, float):
            cur.adapters.register_dumper(kind, UntypedNumber)
        return cur

    def execute(self, sql: str, params=()) -> psycopg.Cursor:
        return self._cursor().execute(_qmark(sql), params)

    def executemany(self, sql: str, rows) -> psycopg.Cursor:
        cur = self._cursor()
        cur.executemany(_qmark(sql), list(rows))
        return cur


class Fetched(list):
    """The rows of one statement, read before its connection went back to the pool."""

    def fetchone(self):
        return self[0] if self else None

    def fetchall(self) -> list:
        return list(self)


class PooledQmark:
    """``execute`` of SQLite SQL on a pooled connection, one statement one transaction (``PgStore.conn``)."""

    def __init__(self, pool: ConnectionPool):
        self.pool = pool

    def execute(self, sql: str, params=()) -> Fetched:
        def work(conn: psycopg.Connection) -> Fetched:
            cur = QmarkConnection(conn).execute(sql, params)
            return Fetched(cur.fetchall() if cur.description else [])
        return retrying(self.pool, work)


def _qmark(sql: str) -> str:
    # the SQL given holds no literal "?" (nor "%"): each "?" is a parameter
    return sql.replace("%", "%%").replace("?", "%s")


def article_words(data: dict[str, Any]) -> str:
    """The tsvector (as text) of the words of several syllables of an article, folded and joined as the whoosh
    index's ``words`` field holds them (index/analyzer.py ``word_tokens``): title words weight A, then summary
    and body words; a position per occurrence keeps how often each occurs."""
    found: dict[str, list[str]] = {}
    n = 0
    for text, weight in ((data.get("title") or "", "A"), (f"{data.get('summary') or ''}\n{data['body']}", "")):
        for word in word_tokens(normalize_text(text)):
            n += 1
            found.setdefault(word, []).append(f"{min(n, MAX_POSITION)}{weight}")
    return " ".join("'" + word.replace("\\", "\\\\").replace("'", "''") + "':" + ",".join(at)
                    for word, at in found.items())


def _insert_children(conn: psycopg.Connection, article_id: int, data: dict[str, Any]) -> None:
    with conn.cursor() as cur:
        if data["indicators"]:
            cur.executemany(
                f"INSERT INTO indicators (article_id, position, {', '.join(quoted(c) for c in INDICATOR_COLUMNS)})"
                f" VALUES (%s, %s, {', '.join(['%s'] * len(INDICATOR_COLUMNS))})",
                [(article_id, i, *(_to_db(c, ind.get(c)) for c in INDICATOR_COLUMNS))
                 for i, ind in enumerate(data["indicators"])])
        if data["attachments"]:
            cur.executemany("INSERT INTO attachments (article_id, position, url, name) VALUES (%s, %s, %s, %s)",
                            [(article_id, i, a["url"], a.get("name")) for i, a in enumerate(data["attachments"])])
        if data["images"]:
            cur.executemany("INSERT INTO images (article_id, position, url, caption) VALUES (%s, %s, %s, %s)",
                            [(article_id, i, m["url"], m.get("caption")) for i, m in enumerate(data["images"])])


def _copy_children(cur: psycopg.Cursor, articles: list[tuple[int, dict[str, Any]]]) -> None:
    """The figures, attachments and images of new articles, with COPY."""
    with cur.copy(f"COPY indicators (article_id, position, {', '.join(quoted(c) for c in INDICATOR_COLUMNS)})"
                  " FROM STDIN") as copy:
        for article_id, data in articles:
            for i, ind in enumerate(data["indicators"]):
                copy.write_row((article_id, i, *(_to_db(c, ind.get(c)) for c in INDICATOR_COLUMNS)))
    with cur.copy("COPY attachments (article_id, position, url, name) FROM STDIN") as copy:
        for article_id, data in articles:
            for i, a in enumerate(data["attachments"]):
                copy.write_row((article_id, i, a["url"], a.get("name")))
    with cur.copy("COPY images (article_id, position, url, caption) FROM STDIN") as copy:
        for article_id, data in articles:
            for i, m in enumerate(data["images"]):
                copy.write_row((article_id, i, m["url"], m.get("caption")))


def _to_db(column: str, value: Any) -> Any:
    if column in _JSONB_COLUMNS:
        if value is None:
            return None
        if not isinstance(value, (int, float)):
            raise TypeError(f"indicator {column} must be a number, not {type(value).__name__}")
        return Jsonb(value)
    return value


def _load(conn: psycopg.Connection, ids: list[int]) -> list[dict]:
    """Full dicts (public fields + bookkeeping) of these article ids, in id order."""
    cols = ", ".join(("id",) + ARTICLE_COLUMNS + (
        "fetched_at", "warc", "warc_offset", "content_hash", "rev", "change_seq"))
    out: dict[int, dict] = {}
    for row in conn.execute(f"SELECT {cols} FROM articles WHERE id = ANY(%s) ORDER BY id", (ids,)):
        rec = dict(zip(("id",) + ARTICLE_COLUMNS, row))
        rec.update(attachments=[], images=[], indicators=[], fetched_at=row[-6],
                   archive={"warc": row[-5], "offset": row[-4]}, content_hash=row[-3],
                   rev=row[-2], change_seq=row[-1])
        out[rec["id"]] = rec
    if not out:
        return []
    for row in conn.execute("SELECT article_id, url, name FROM attachments WHERE article_id = ANY(%s)"
                            " ORDER BY article_id, position", (ids,)):
        out[row[0]]["attachments"].append({"url": row[1], "name": row[2]})
    for row in conn.execute("SELECT article_id, url, caption FROM images WHERE article_id = ANY(%s)"
                            " ORDER BY article_id, position", (ids,)):
        out[row[0]]["images"].append({"url": row[1], "caption": row[2]})
    for row in conn.execute(f"SELECT article_id, {', '.join(quoted(c) for c in INDICATOR_COLUMNS)} FROM indicators"
                            " WHERE article_id = ANY(%s) ORDER BY article_id, position", (ids,)):
        out[row[0]]["indicators"].append(dict(zip(INDICATOR_COLUMNS, row[1:])))
    return [out[i] for i in sorted(out)]


def open_pg_records(dsn: str) -> PgStore:
    """The store at ``dsn``, which must already hold articles (for search, export, figures)."""
    store = PgStore.open(dsn, create=False)
    if store.count_articles() == 0:
        store.close()
        raise BadInput(f"no records in {store.path}: run govnews crawl --db first")
    return store
