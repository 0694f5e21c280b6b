"""Crawl state in the records database: the frontier and what happened to every URL.

Tables (all ``crawl_*``, in ``DATA/records.sqlite`` beside the articles):

``crawl_urls``
    one row per canonical URL ever queued. ``status``: queued, fetched (article
    stored, or a sitemap/feed/attachment read), not_article (a listing or other
    page), duplicate (``dup_of`` holds the URL stored instead), failed
    (``reason``), robots (disallowed by robots.txt), redirect (``reason`` = the
    target), unchanged (304 to a conditional GET), skipped (trap budget, print
    view, off limits). ``kind``: page, sitemap, feed, attachment (a document link, or a
    link that answered with a document Content-Type). ``gen`` is the
    crawl run that last queued it: a new run re-reads hubs (listings, sitemaps,
    feeds) from older runs with conditional GETs. ``warc``/``warc_offset``
    point at the last full response; ``etag``/``last_modified`` feed the next
    conditional GET; ``content_hash`` is the hash of the extracted title+body
    for articles (duplicate detection), of the body otherwise. ``referrer`` is
    the page whose link first queued the URL (an attachment's page).
``crawl_hosts``
    per host: robots.txt answer and when, pages fetched in the current run.
``crawl_patterns``
    the trap budget: per URL pattern, non-article pages fetched, articles found
    through them and articles that have the pattern themselves.
``crawl_runs``
    one row per ``govnews crawl`` run; a run without ``finished`` is resumed.
``crawl_warcs``
    per archive file, how far its records have been processed; a killed crawl
    replays the rest from the archive instead of fetching it again.

Written from one thread only (the crawl's writer).
"""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from base.datadir import records_path
from base.settings import default

SCHEMA_KEY = "crawl_schema"
SCHEMA_VERSION = 2  # 2: crawl_urls.referrer
BUSY_TIMEOUT_MS = default("busy_timeout_ms")
ARCHIVED_PAGE = "warc IS NOT NULL AND kind = 'page' AND http_status BETWEEN 200 AND 299"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS crawl_urls (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    host TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'page',
    depth INTEGER NOT NULL DEFAULT 0,
    priority INTEGER NOT NULL DEFAULT 2,
    status TEXT NOT NULL DEFAULT 'queued',
    reason TEXT,
    dup_of TEXT,
    gen INTEGER NOT NULL DEFAULT 0,
    pattern TEXT,
    parent_pattern TEXT,
    hops INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try REAL NOT NULL DEFAULT 0,
    http_status INTEGER,
    page_type TEXT,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,
    article_url TEXT,
    warc TEXT,
    warc_offset INTEGER,
    warc_date TEXT,
    fetched_at TEXT,
    referrer TEXT
);
CREATE INDEX IF NOT EXISTS crawl_urls_frontier ON crawl_urls (host, status, priority, id);
CREATE INDEX IF NOT EXISTS crawl_urls_hash ON crawl_urls (content_hash);
CREATE TABLE IF NOT EXISTS crawl_hosts (
    host TEXT PRIMARY KEY,
    scheme TEXT NOT NULL DEFAULT 'http',
    robots_status INTEGER,
    robots_body BLOB,
    robots_at REAL,
    robots_attempts INTEGER NOT NULL DEFAULT 0,
    run_gen INTEGER NOT NULL DEFAULT 0,
    run_pages INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS crawl_patterns (
    pattern TEXT PRIMARY KEY,
    pages INTEGER NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0,
    self_articles INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS crawl_runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    seeds TEXT
);
CREATE TABLE IF NOT EXISTS crawl_warcs (
    name TEXT PRIMARY KEY,
    processed_upto INTEGER NOT NULL DEFAULT 0
);
"""

# Rows a new run may queue again when it meets them: hubs (listings, sitemaps, feeds), failures, redirects;
# not articles, attachments, duplicates or skipped URLs (a sitemap lastmod newer than our copy re-queues an article).
REQUEUE_SQL = """
INSERT INTO crawl_urls (url, host, kind, depth, priority, gen, pattern, parent_pattern, hops, referrer)
VALUES (:url, :host, :kind, :depth, :priority, :gen, :pattern, :parent_pattern, :hops, :referrer)
ON CONFLICT(url) DO UPDATE SET status = 'queued', gen = excluded.gen, attempts = 0, next_try = 0,
    referrer = COALESCE(crawl_urls.referrer, excluded.referrer),
    reason = NULL, depth = MIN(depth, excluded.depth), priority = MIN(priority, excluded.priority),
    hops = excluded.hops
WHERE crawl_urls.status != 'queued' AND (
    (crawl_urls.gen < excluded.gen AND NOT (
        (crawl_urls.kind = 'attachment' AND crawl_urls.status IN ('fetched', 'unchanged'))
        OR (crawl_urls.kind = 'page' AND crawl_urls.status IN ('duplicate', 'skipped'))
        OR (crawl_urls.kind = 'page' AND crawl_urls.page_type = 'article'
            AND crawl_urls.status IN ('fetched', 'unchanged'))))
    OR (:newer IS NOT NULL AND crawl_urls.status IN ('fetched', 'unchanged') AND crawl_urls.gen < excluded.gen
        AND :newer > COALESCE(substr(crawl_urls.fetched_at, 1, 10), '')))
"""


def connect(data_dir: Path) -> sqlite3.Connection:
    path = records_path(Path(data_dir))
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (SCHEMA_KEY,)).fetchone()
        if row is not None and int(row[0]) < SCHEMA_VERSION:
            _migrate(conn)
        if row is None or int(row[0]) < SCHEMA_VERSION:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (SCHEMA_KEY, str(SCHEMA_VERSION)))
        elif int(row[0]) > SCHEMA_VERSION:
            raise RuntimeError(f"crawl state schema {row[0]} is newer than this govnews understands")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        conn.close()
        raise
    return conn


def _migrate(conn: sqlite3.Connection) -> None:
    """Bring an older crawl state up to SCHEMA_VERSION (inside the caller's transaction)."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(crawl_urls)")}
    if "referrer" not in columns:  # schema 1 -> 2
        conn.execute("ALTER TABLE crawl_urls ADD COLUMN referrer TEXT")


class CrawlState:
    """The writer thread's handle on the crawl tables; call ``commit`` after each unit of work."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._in_tx = False

    def begin(self) -> None:
        if not self._in_tx:
            self.conn.execute("BEGIN IMMEDIATE")
            self._in_tx = True

    def commit(self) -> None:
        if self._in_tx:
            self.conn.execute("COMMIT")
            self._in_tx = False

    def close(self) -> None:
        self.commit()
        self.conn.close()

    def execute(self, sql: str, params=()) -> sqlite3.Cursor:
        self.begin()
        return self.conn.execute(sql, params)

    def query(self, sql: str, params=()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    # -- runs --------------------------------------------------------------------------------

    def start_run(self, seeds: list[str]) -> tuple[int, bool]:
        """(run id, resumed): an unfinished last run is continued, else a new one starts."""
        row = self.query("SELECT id, finished FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()
        if row is not None and row["finished"] is None:
            return row["id"], True
        cur = self.execute("INSERT INTO crawl_runs (started, seeds) VALUES (?, ?)", (_now_iso(), " ".join(seeds)))
        run = cur.lastrowid
        self.commit()
        return run, False

    def finish_run(self, run: int) -> None:
        self.execute("UPDATE crawl_runs SET finished = ? WHERE id = ?", (_now_iso(), run))
        self.commit()

    # -- frontier ----------------------------------------------------------------------------

    def enqueue(self, *, url: str, host: str, kind: str, depth: int, priority: int, gen: int, pattern: str,
                parent_pattern: str | None, hops: int = 0, newer: str | None = None,
                referrer: str | None = None) -> bool:
        """Queue ``url`` (or re-queue it for a new run); True when it is now queued because of this call."""
        cur = self.execute(REQUEUE_SQL, {
            "url": url, "host": host, "kind": kind, "depth": depth, "priority": priority, "gen": gen,
            "pattern": pattern, "parent_pattern": parent_pattern, "hops": hops, "newer": newer, "referrer": referrer,
        })
        return cur.rowcount > 0

    def next_for_host(self, host: str, now: float) -> sqlite3.Row | None:
        return self.query(
            "SELECT * FROM crawl_urls WHERE host = ? AND status = 'queued' AND next_try <= ?"
            " ORDER BY priority, id LIMIT 1", (host, now)).fetchone()

    def next_wake(self, host: str) -> float | None:
        row = self.query("SELECT MIN(next_try) FROM crawl_urls WHERE host = ? AND status = 'queued'",
                         (host,)).fetchone()
        return row[0]

    def queued_count(self) -> int:
        return self.query("SELECT COUNT(*) FROM crawl_urls WHERE status = 'queued'").fetchone()[0]

    def others_at_work(self, done_hosts: list[str]) -> str | None:
        """Always None: one crawl owns this frontier (crawler.pgfrontier's frontier is shared)."""
        return None

    def get(self, url: str) -> sqlite3.Row | None:
        return self.query("SELECT * FROM crawl_urls WHERE url = ?", (url,)).fetchone()

    def update(self, row_id: int, **fields) -> None:
        names = ", ".join(f"{k} = ?" for k in fields)
        self.execute(f"UPDATE crawl_urls SET {names} WHERE id = ?", (*fields.values(), row_id))

    def find_article_by_hash(self, content_hash: str, not_url: str) -> str | None:
        row = self.query(
            "SELECT article_url FROM crawl_urls WHERE content_hash = ? AND status = 'fetched'"
            " AND page_type = 'article' AND article_url IS NOT NULL AND article_url != ? LIMIT 1",
            (content_hash, not_url)).fetchone()
        return row[0] if row else None

    def article_stored(self, article_url: str, not_id: int) -> bool:
        row = self.query(
            "SELECT 1 FROM crawl_urls WHERE article_url = ? AND status = 'fetched' AND id != ? LIMIT 1",
            (article_url, not_id)).fetchone()
        return row is not None

    # -- hosts -------------------------------------------------------------------------------

    def host(self, host: str) -> sqlite3.Row | None:
        return self.query("SELECT * FROM crawl_hosts WHERE host = ?", (host,)).fetchone()

    def ensure_host(self, host: str, scheme: str) -> None:
        self.execute("INSERT OR IGNORE INTO crawl_hosts (host, scheme) VALUES (?, ?)", (host, scheme))

    def claim_host(self, host: str) -> bool:
        """Always True: one crawl owns this frontier (crawler.pgfrontier's frontier is shared)."""
        return True

    def hosts(self) -> list[sqlite3.Row]:
        return self.query("SELECT * FROM crawl_hosts").fetchall()

    def set_robots(self, host: str, status: int | None, body: bytes | None, attempts: int) -> None:
        self.execute("UPDATE crawl_hosts SET robots_status = ?, robots_body = ?, robots_at = ?, robots_attempts = ?"
                     " WHERE host = ?", (status, body, time.time(), attempts, host))

    def count_page(self, host: str, gen: int) -> int:
        self.execute("UPDATE crawl_hosts SET run_pages = CASE WHEN run_gen = ? THEN run_pages + 1 ELSE 1 END,"
                     " run_gen = ? WHERE host = ?", (gen, gen, host))
        return self.run_pages(host, gen)

    def run_pages(self, host: str, gen: int) -> int:
        row = self.query("SELECT run_pages, run_gen FROM crawl_hosts WHERE host = ?", (host,)).fetchone()
        return row[0] if row and row[1] == gen else 0

    # -- trap budget -------------------------------------------------------------------------

    def pattern_counts(self, pattern: str) -> tuple[int, int, int]:
        row = self.query("SELECT pages, articles, self_articles FROM crawl_patterns WHERE pattern = ?",
                         (pattern,)).fetchone()
        return tuple(row) if row else (0, 0, 0)

    def bump_pattern(self, pattern: str | None, column: str) -> None:
        if pattern:
            self.execute(f"INSERT INTO crawl_patterns (pattern, {column}) VALUES (?, 1)"
                         f" ON CONFLICT(pattern) DO UPDATE SET {column} = {column} + 1", (pattern,))

    # -- archive progress --------------------------------------------------------------------

    def warc_done(self, name: str, upto: int) -> None:
        self.execute("INSERT INTO crawl_warcs (name, processed_upto) VALUES (?, ?)"
                     " ON CONFLICT(name) DO UPDATE SET processed_upto = MAX(processed_upto, excluded.processed_upto)",
                     (name, upto))

    def warc_progress(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self.query("SELECT name, processed_upto FROM crawl_warcs")}

    def mark_alias(self, url: str, host: str, stored_from: str, gen: int) -> None:
        """``url`` is an article already stored from ``stored_from`` (its canonical link): never fetch it."""
        self.execute(
            "INSERT INTO crawl_urls (url, host, status, reason, gen, article_url) VALUES (?, ?, 'skipped', ?, ?, ?)"
            " ON CONFLICT(url) DO UPDATE SET status = 'skipped', reason = excluded.reason, article_url = excluded.url"
            " WHERE crawl_urls.status = 'queued'", (url, host, f"stored from {stored_from}", gen, url))

    # -- archived copies --------------------------------------------------------------------

    def archived_page_count(self) -> int:
        return self.query(f"SELECT COUNT(*) FROM crawl_urls WHERE {ARCHIVED_PAGE}").fetchone()[0]

    def archived_pages(self, after_id: int, limit: int) -> list[sqlite3.Row]:
        """Pages with an archived 2xx copy, by id after ``after_id`` (``govnews reprocess`` walks them)."""
        return self.query(f"SELECT * FROM crawl_urls WHERE id > ? AND {ARCHIVED_PAGE} ORDER BY id LIMIT ?",
                          (after_id, limit)).fetchall()

    def archived_attachments(self) -> Iterator[sqlite3.Row]:
        """Every attachment archived with a 2xx answer: ``url``, ``warc``, ``warc_offset`` (read it with
        ``base.warcread.read_record``), ``page_type``, ``fetched_at``, ``content_hash`` (of the body) and
        ``referrer`` (the page linking it; its ``article_url`` in ``get(referrer)`` when that page is a stored
        article)."""
        return self.query("SELECT url, warc, warc_offset, page_type, fetched_at, content_hash, referrer"
                          " FROM crawl_urls"
                          " WHERE kind = 'attachment' AND warc IS NOT NULL AND http_status BETWEEN 200 AND 299"
                          " ORDER BY id")

    def status_counts(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self.query("SELECT status, COUNT(*) FROM crawl_urls GROUP BY status")}


def _now_iso() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).isoformat(timespec="seconds")
