"""The records store: one SQLite database (WAL) holding the extracted articles.

The file is ``DATA/records.sqlite``; it is meant to be read by other tools too
(pandas ``read_sql``, Datasette, sqlite3), so the tables are plain and documented:

``articles``
    one row per article, identity = ``url`` (the canonical URL). Columns are the
    Article JSON fields (``attachments``, ``images`` and ``indicators`` live in
    their own tables) plus:
    ``fetched_at`` (ISO time of the fetch that produced this version),
    ``warc`` / ``warc_offset`` (where the response is in the archive),
    ``content_hash`` (the crawler's hash of the response body),
    ``fingerprint`` (hash of the extracted content, view counter excluded: it
    decides whether a re-crawl found a *changed* article),
    ``rev`` (1 for the first version, +1 per content change),
    ``first_seen`` / ``updated_at`` (ISO times), and ``change_seq`` (a store-wide
    counter bumped whenever an article is added or changed; the search index
    remembers the last value it has seen, which makes indexing incremental).
``indicators``
    the figures of each article: ``article_id``, ``position`` (order in the
    article) and every Indicator field (``estimate`` is 0/1).
``attachments`` / ``images``
    ``article_id``, ``position``, ``url``, ``name`` / ``caption``.
``article_versions``
    the previous versions of changed articles: ``article_id``, ``rev`` (the rev
    that was replaced), ``fetched_at``, ``replaced_at``, ``warc``, ``warc_offset``,
    ``content_hash`` and ``data`` (that version's Article JSON).
``documents``
    one row per attachment read (PDF, Word, Excel; scans by OCR), identity = ``url``: the Document JSON's
    metadata columns (``article_url``, ``name``, ``format``, ``kind``, ``number``, ``issuer``, ``place``,
    ``date``, ``subject``, ``signer``, ``position``), ``page_count`` (pages in the file), ``ocr_pending``
    (pages that are scans not yet read by OCR), ``warnings`` (JSON list: limits reached, pages unread),
    ``error`` (why it could not be read at all, else null), the archive location and
    ``fingerprint``/``change_seq`` as for articles (one change counter runs over articles and documents).
``document_pages``
    ``document_id``, ``n`` (1-based), ``text``, ``method`` (``text``, ``ocr``, ``converted``, or ``none``
    for a scan not read yet), ``confidence`` (OCR's mean word confidence, 0–1), ``needs_ocr`` (0/1).
``document_indicators``
    the figures of each document: ``document_id``, ``position``, ``page`` and every Indicator field.
``site_templates``
    the template learned from each site's own pages (``extract/template.py``): ``site``, ``pages`` (how many
    pages it was learned from), ``applied`` / ``changed`` (pages it was applied to, and how many of them it
    changed), ``learned_at`` and ``data`` (the template's JSON: chrome lines, placeholders, field paths).
``meta``
    ``key``/``value``; ``store_schema`` is this module's schema version. The
    crawler keeps its own ``crawl_*`` tables and ``crawl_schema`` key here too.

Every connection is used by one thread only (sqlite3's rule): open one Store per
thread. Readers never block the writer (WAL); writers wait up to
``BUSY_TIMEOUT_MS`` for each other.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from base.datadir import records_path
from base.errors import BadInput
from base.settings import default
from extract.models import Article

SCHEMA_KEY = "store_schema"
BUSY_TIMEOUT_MS = default("busy_timeout_ms")
ITER_BATCH = 200  # articles loaded per query while streaming

# Article JSON fields stored as plain columns of ``articles``, in DESIGN order.
ARTICLE_COLUMNS = (
    "url", "site", "site_name", "title", "published", "author", "source", "views",
    "category", "summary", "body", "language", "page_type",
)
INDICATOR_COLUMNS = (
    "text", "start", "end", "value", "upper", "total", "unit", "kind", "approx",
    "estimate", "change", "reference", "label", "period", "sentence",
)
# A view counter ticks on every visit: a new count alone is not a new version. Extraction warnings
# (Article.warnings, "page cut at 4 MB") are not content and are not stored.
VOLATILE_FIELDS = ("views", "warnings")

_SCHEMA_V1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    site TEXT, site_name TEXT, title TEXT, published TEXT, author TEXT, source TEXT,
    views INTEGER, category TEXT, summary TEXT, body TEXT NOT NULL DEFAULT '',
    language TEXT, page_type TEXT,
    fetched_at TEXT, warc TEXT, warc_offset INTEGER, content_hash TEXT,
    fingerprint TEXT NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    first_seen TEXT, updated_at TEXT,
    change_seq INTEGER NOT NULL
);
CREATE INDEX articles_change_seq ON articles(change_seq);
CREATE INDEX articles_site ON articles(site);
CREATE INDEX articles_published ON articles(published);
-- value/upper/total have no declared type so 2358 stays an integer and 1.5 a real.
CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT, start INTEGER, "end" INTEGER, value, upper, total, unit TEXT, kind TEXT,
    approx TEXT, estimate INTEGER NOT NULL DEFAULT 0, change TEXT, reference TEXT,
    label TEXT, period TEXT, sentence TEXT
);
CREATE INDEX indicators_article ON indicators(article_id);
CREATE INDEX indicators_unit ON indicators(unit);
CREATE TABLE attachments (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, url TEXT NOT NULL, name TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE TABLE images (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, url TEXT NOT NULL, caption TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE TABLE article_versions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    rev INTEGER NOT NULL, fetched_at TEXT, replaced_at TEXT NOT NULL,
    warc TEXT, warc_offset INTEGER, content_hash TEXT,
    data TEXT NOT NULL
);
CREATE INDEX article_versions_article ON article_versions(article_id);
"""

_SCHEMA_V2 = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    article_url TEXT, name TEXT, format TEXT,
    kind TEXT, number TEXT, issuer TEXT, place TEXT, date TEXT, subject TEXT, signer TEXT, position TEXT,
    page_count INTEGER NOT NULL DEFAULT 0,
    ocr_pending INTEGER NOT NULL DEFAULT 0,
    warnings TEXT,
    error TEXT,
    fetched_at TEXT, warc TEXT, warc_offset INTEGER, content_hash TEXT,
    fingerprint TEXT NOT NULL,
    change_seq INTEGER NOT NULL
);
CREATE INDEX documents_change_seq ON documents(change_seq);
CREATE INDEX documents_article_url ON documents(article_url);
CREATE TABLE document_pages (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, text TEXT NOT NULL DEFAULT '', method TEXT, confidence REAL,
    needs_ocr INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (document_id, n)
);
CREATE TABLE document_indicators (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, page INTEGER,
    text TEXT, start INTEGER, "end" INTEGER, value, upper, total, unit TEXT, kind TEXT,
    approx TEXT, estimate INTEGER NOT NULL DEFAULT 0, change TEXT, reference TEXT,
    label TEXT, period TEXT, sentence TEXT
);
CREATE INDEX document_indicators_document ON document_indicators(document_id);
CREATE INDEX document_indicators_unit ON document_indicators(unit);
"""

_SCHEMA_V3 = """
CREATE TABLE site_templates (
    site TEXT PRIMARY KEY,
    pages INTEGER NOT NULL,
    applied INTEGER NOT NULL DEFAULT 0,
    changed INTEGER NOT NULL DEFAULT 0,
    learned_at TEXT NOT NULL,
    data TEXT NOT NULL
);
"""

# MIGRATIONS[n] is the SQL taking a database at schema n to n+1; append, never edit.
MIGRATIONS: tuple[str, ...] = (_SCHEMA_V1, _SCHEMA_V2, _SCHEMA_V3)
SCHEMA_VERSION = len(MIGRATIONS)
# The last change of an article or a document (one counter runs over both), in SQL both backends speak.
MAX_CHANGE_SEQ_SQL = ("SELECT COALESCE(MAX(m), 0) FROM (SELECT MAX(change_seq) AS m FROM articles"
                      " UNION ALL SELECT MAX(change_seq) FROM documents) AS changes")


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def fingerprint(data: dict[str, Any]) -> str:
    """Hash of an Article dict's content, ignoring the volatile fields."""
    content = {k: v for k, v in data.items() if k not in VOLATILE_FIELDS}
    raw = json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


class Store:
    """The records database. ``Store.open(data_dir)``; close it or use ``with``."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, data_dir: Path, *, create: bool = True) -> Store:
        """Open (and with ``create``, make) ``data_dir/records.sqlite``, migrated to the current schema.

        With ``create=False`` a missing database is the user's problem: BadInput.
        """
        path = records_path(Path(data_dir))
        if not path.exists():
            if not create:
                raise BadInput(f"no records in {data_dir}: run govnews crawl first")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise BadInput(f"cannot create data folder {data_dir}: {err.strerror}") from None
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as err:
            raise BadInput(f"cannot open records database {path}: {err}") from None
        store = cls(conn, path)
        try:
            store._migrate()
        except BaseException:
            conn.close()
            raise
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE: takes the write lock up front, so no upgrade deadlock)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _migrate(self) -> None:
        try:
            # the common case, an up-to-date database, must not take the write lock (a crawl may hold it)
            if self._has_meta() and self.schema_version() == SCHEMA_VERSION:
                return
            with self.transaction() as conn:
                conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
                row = conn.execute("SELECT value FROM meta WHERE key = ?", (SCHEMA_KEY,)).fetchone()
                version = int(row[0]) if row else 0
                if version > SCHEMA_VERSION:
                    raise BadInput(f"{self.path} has records schema {version}, newer than this govnews "
                                   f"understands ({SCHEMA_VERSION}): upgrade govnews")
                for script in MIGRATIONS[version:]:
                    _run_script(conn, script)
                if version != SCHEMA_VERSION:
                    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                                 (SCHEMA_KEY, str(SCHEMA_VERSION)))
        except sqlite3.DatabaseError as err:
            raise BadInput(f"{self.path} is not a usable records database: {err}") from None

    def _has_meta(self) -> bool:
        return self.has_table("meta")

    def has_table(self, name: str) -> bool:
        """Whether the database has table ``name`` (the crawl state's tables exist once a crawl ran)."""
        found = self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        return found is not None

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (SCHEMA_KEY,)).fetchone()
        return int(row[0]) if row else 0

    # -- writing -----------------------------------------------------------------------------

    def save_article(self, article: Article, *, fetched_at: str, warc: str | None = None,
                     offset: int | None = None, content_hash: str | None = None) -> tuple[int, str]:
        """Insert or update one article in one transaction -> (article_id, "new"|"changed"|"unchanged").

        "unchanged" still records the new fetch (time, archive location, view count).
        "changed" keeps the new version and moves the old one to ``article_versions``.
        """
        if not article.url:
            raise BadInput("cannot store an article without a url")
        data = article.to_dict()
        fp = fingerprint(data)
        stamp = now_iso()
        with self.transaction() as conn:
            row = conn.execute("SELECT id, fingerprint, rev FROM articles WHERE url = ?",
                               (article.url,)).fetchone()
            if row and row[1] == fp:
                conn.execute(
                    "UPDATE articles SET views = ?, fetched_at = ?, warc = COALESCE(?, warc),"
                    " warc_offset = COALESCE(?, warc_offset), content_hash = COALESCE(?, content_hash)"
                    " WHERE id = ?",
                    (article.views, fetched_at, warc, offset, content_hash, row[0]))
                return row[0], "unchanged"
            seq = self.max_change_seq() + 1
            values = [data[c] for c in ARTICLE_COLUMNS]
            if row is None:
                cur = conn.execute(
                    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}, fetched_at, warc, warc_offset,"
                    " content_hash, fingerprint, rev, first_seen, updated_at, change_seq)"
                    f" VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))}, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                    (*values, fetched_at, warc, offset, content_hash, fp, stamp, stamp, seq))
                article_id, status = cur.lastrowid, "new"
            else:
                article_id, status = row[0], "changed"
                self._keep_version(article_id, row[2], stamp)
                conn.execute(
                    f"UPDATE articles SET {', '.join(c + ' = ?' for c in ARTICLE_COLUMNS)}, fetched_at = ?,"
                    " warc = COALESCE(?, warc), warc_offset = COALESCE(?, warc_offset),"
                    " content_hash = COALESCE(?, content_hash), fingerprint = ?, rev = rev + 1,"
                    " updated_at = ?, change_seq = ? WHERE id = ?",
                    (*values, fetched_at, warc, offset, content_hash, fp, stamp, seq, article_id))
                for table in ("indicators", "attachments", "images"):
                    conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            self._insert_children(article_id, data)
        return article_id, status

    def _keep_version(self, article_id: int, rev: int, stamp: str) -> None:
        old = self._load([article_id])[0]
        self.conn.execute(
            "INSERT INTO article_versions (article_id, rev, fetched_at, replaced_at, warc, warc_offset,"
            " content_hash, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, rev, old["fetched_at"], stamp, old["archive"]["warc"], old["archive"]["offset"],
             old["content_hash"], json.dumps(article_part(old), ensure_ascii=False)))

    def _insert_children(self, article_id: int, data: dict[str, Any]) -> None:
        conn = self.conn
        conn.executemany(
            f"INSERT INTO indicators (article_id, position, {', '.join(quoted(c) for c in INDICATOR_COLUMNS)})"
            f" VALUES (?, ?, {', '.join('?' * len(INDICATOR_COLUMNS))})",
            [(article_id, i, *(to_db(ind.get(c)) for c in INDICATOR_COLUMNS))
             for i, ind in enumerate(data["indicators"])])
        conn.executemany("INSERT INTO attachments (article_id, position, url, name) VALUES (?, ?, ?, ?)",
                         [(article_id, i, a["url"], a.get("name")) for i, a in enumerate(data["attachments"])])
        conn.executemany("INSERT INTO images (article_id, position, url, caption) VALUES (?, ?, ?, ?)",
                         [(article_id, i, m["url"], m.get("caption")) for i, m in enumerate(data["images"])])

    # -- reading -----------------------------------------------------------------------------

    def get_article(self, article_id: int) -> dict | None:
        found = self._load([article_id])
        return public_article(found[0]) if found else None

    def get_article_by_url(self, url: str) -> dict | None:
        row = self.conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
        return self.get_article(row[0]) if row else None

    def count_articles(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def iter_articles(self, after_id: int = 0) -> Iterator[dict]:
        """Every article in id order, ``ITER_BATCH`` at a time (constant memory)."""
        for _, full in self._iter_by("id", after_id):
            yield public_article(full)

    def iter_changed(self, after_seq: int = 0) -> Iterator[tuple[int, dict]]:
        """(change_seq, article dict) of articles added or changed after ``after_seq``, in change order."""
        for seq, full in self._iter_by("change_seq", after_seq):
            yield seq, public_article(full)

    def max_change_seq(self) -> int:
        """The last change of an article or a document (one counter runs over both)."""
        return self.conn.execute(MAX_CHANGE_SEQ_SQL).fetchone()[0]

    def article_versions(self, article_id: int) -> list[dict]:
        """Older versions of an article, oldest first: {"rev", "fetched_at", "replaced_at", "archive", "article"}."""
        rows = self.conn.execute(
            "SELECT rev, fetched_at, replaced_at, warc, warc_offset, data FROM article_versions"
            " WHERE article_id = ? ORDER BY rev", (article_id,)).fetchall()
        return [{"rev": r[0], "fetched_at": r[1], "replaced_at": r[2],
                 "archive": {"warc": r[3], "offset": r[4]}, "article": json.loads(r[5])} for r in rows]

    def _iter_by(self, key: str, after: int) -> Iterator[tuple[int, dict]]:
        # The key comes from the selecting query: an article changed meanwhile is loaded in its
        # newest state and comes again later under its new change_seq, never skipping others.
        while True:
            rows = self.conn.execute(
                f"SELECT id, {key} FROM articles WHERE {key} > ? ORDER BY {key} LIMIT ?",
                (after, ITER_BATCH)).fetchall()
            if not rows:
                return
            loaded = {a["id"]: a for a in self._load([r[0] for r in rows])}
            for article_id, value in rows:
                if article_id in loaded:
                    yield value, loaded[article_id]
            after = rows[-1][1]

    def _load(self, ids: list[int]) -> list[dict]:
        """Full dicts (public fields + bookkeeping) of these article ids, in id order."""
        marks = ", ".join("?" * len(ids))
        cols = ", ".join(("id",) + ARTICLE_COLUMNS + (
            "fetched_at", "warc", "warc_offset", "content_hash", "rev", "change_seq"))
        out: dict[int, dict] = {}
        for row in self.conn.execute(f"SELECT {cols} FROM articles WHERE id IN ({marks}) ORDER BY id", ids):
            rec = dict(zip(("id",) + ARTICLE_COLUMNS, row))
            rec.update(attachments=[], images=[], indicators=[], fetched_at=row[-6],
                       archive={"warc": row[-5], "offset": row[-4]}, content_hash=row[-3],
                       rev=row[-2], change_seq=row[-1])
            out[rec["id"]] = rec
        if not out:
            return []
        for row in self.conn.execute(
                f"SELECT article_id, url, name FROM attachments WHERE article_id IN ({marks})"
                " ORDER BY article_id, position", ids):
            out[row[0]]["attachments"].append({"url": row[1], "name": row[2]})
        for row in self.conn.execute(
                f"SELECT article_id, url, caption FROM images WHERE article_id IN ({marks})"
                " ORDER BY article_id, position", ids):
            out[row[0]]["images"].append({"url": row[1], "caption": row[2]})
        for row in self.conn.execute(
                f"SELECT article_id, {', '.join(quoted(c) for c in INDICATOR_COLUMNS)} FROM indicators"
                f" WHERE article_id IN ({marks}) ORDER BY article_id, position", ids):
            ind = dict(zip(INDICATOR_COLUMNS, row[1:]))
            ind["estimate"] = bool(ind["estimate"])
            out[row[0]]["indicators"].append(ind)
        return [out[i] for i in sorted(out)]


def open_records(data_dir: Path) -> Store:
    """The store of a data folder that must already hold articles (for search, export, figures)."""
    store = Store.open(data_dir, create=False)
    if store.count_articles() == 0:
        store.close()
        raise BadInput(f"no records in {data_dir}: run govnews crawl first")
    return store


_PUBLIC_EXTRA = ("id", "fetched_at", "archive")
# Article JSON keys kept in the records: all but "warnings" (what extraction had to cut: not kept, so a
# stored record shows []).
_ARTICLE_KEYS = tuple(k for k in Article().to_dict() if k != "warnings")


def article_part(full: dict) -> dict:
    return {**{k: full[k] for k in _ARTICLE_KEYS}, "warnings": []}


def public_article(full: dict) -> dict:
    """Article JSON (DESIGN order) + id, fetched_at, archive."""
    out = article_part(full)
    out.update((k, full[k]) for k in _PUBLIC_EXTRA)
    return out


def quoted(column: str) -> str:
    # "end" is an SQL keyword; quote every column name the same way for simplicity.
    return f'"{column}"'


def to_db(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT the open transaction; a migration must be all or nothing.
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)
