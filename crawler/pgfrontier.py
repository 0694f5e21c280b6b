"""The crawl frontier in PostgreSQL, shared by many crawl workers (``govnews crawl --db URL`` on many machines).

The tables and methods are those of ``crawler.state`` (``crawl_urls``, ``crawl_hosts``, ``crawl_patterns``,
``crawl_runs``, ``crawl_warcs``; ``CrawlState``'s method names and meanings), so the crawler uses either.
What sharing adds:

- **URL lease.** ``next_for_host`` claims the URL it returns (``FOR UPDATE SKIP LOCKED``, then
  ``claimed_by`` / ``lease_until``): no other worker gets it while the lease runs. The claiming worker's
  ``update`` of that row ends the lease. A worker that dies leaves its lease to expire; the URL is then
  queued again for any worker, so every URL ends up done by exactly one worker.
- **Host lease.** A host is crawled by one worker at a time: the claim also takes the host
  (``crawl_hosts.lease_owner`` / ``lease_until``) and sets its ``next_allowed`` time (now + the host's
  delay: the crawl delay, or robots.txt's Crawl-delay), which every worker obeys. So the politeness delay
  holds across workers, and never are two requests in flight to one host. A worker that finds no URL
  for a host it holds gives the host up; ``close`` gives up everything it held.
- Times of leases are the database server's clock, so machines with skewed clocks agree.
- ``crawl_warcs`` keys archive files by worker (each machine writes its own WARC files).

``--shard i/n`` (``in_shard``) splits hosts between crawls that do not share a frontier: a stable hash
of the host name, the same on every machine and Python run.

Each method is its own transaction (autocommit); ``begin``/``commit`` exist for the crawler's sake.
"""
from __future__ import annotations

import hashlib
import os
import socket
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from base.errors import BadInput
from base.settings import default
from crawler.robots import Robots
from crawler.state import ARCHIVED_PAGE, CrawlState, connect
from index.pgstore import PgStore, connect_pool, migrate, retrying
from index.store import Store

SCHEMA_KEY = "crawl_schema"
MAX_CRAWL_DELAY = 60.0  # as crawler.pipeline: a larger robots.txt Crawl-delay is capped
DEFAULT_LEASE_S = default("lease_seconds")
ARCHIVED_BATCH = 1000  # attachments read from the frontier at a time
HOST_POLL_S = 1.0  # a worker waiting for a host or URL another worker holds looks again after this long

_SCHEMA_V1 = """
CREATE TABLE crawl_urls (
    id BIGSERIAL PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    host TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'page',
    depth INTEGER NOT NULL DEFAULT 0,
    priority INTEGER NOT NULL DEFAULT 2,
    status TEXT NOT NULL DEFAULT 'queued',
    reason TEXT, dup_of TEXT,
    gen INTEGER NOT NULL DEFAULT 0,
    pattern TEXT, parent_pattern TEXT,
    hops INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try DOUBLE PRECISION NOT NULL DEFAULT 0,
    http_status INTEGER, page_type TEXT, etag TEXT, last_modified TEXT, content_hash TEXT, article_url TEXT,
    warc TEXT, warc_offset BIGINT, warc_date TEXT, fetched_at TEXT,
    claimed_by TEXT, lease_until DOUBLE PRECISION
);
CREATE INDEX crawl_urls_frontier ON crawl_urls (host, priority, id) WHERE status = 'queued';
CREATE INDEX crawl_urls_hash ON crawl_urls (content_hash);
CREATE INDEX crawl_urls_article ON crawl_urls (article_url);
CREATE TABLE crawl_hosts (
    host TEXT PRIMARY KEY,
    scheme TEXT NOT NULL DEFAULT 'http',
    robots_status INTEGER, robots_body BYTEA, robots_at DOUBLE PRECISION,
    robots_attempts INTEGER NOT NULL DEFAULT 0,
    run_gen INTEGER NOT NULL DEFAULT 0, run_pages INTEGER NOT NULL DEFAULT 0,
    delay DOUBLE PRECISION,
    lease_owner TEXT, lease_until DOUBLE PRECISION,
    next_allowed DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE TABLE crawl_patterns (
    pattern TEXT PRIMARY KEY,
    pages INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0, self_articles INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE crawl_runs (id SERIAL PRIMARY KEY, started TEXT NOT NULL, finished TEXT, seeds TEXT);
CREATE TABLE crawl_warcs (name TEXT PRIMARY KEY, processed_upto BIGINT NOT NULL DEFAULT 0);
"""
# 2: the page that linked each URL (crawler.state's crawl schema 2)
_SCHEMA_V2 = "ALTER TABLE crawl_urls ADD COLUMN referrer TEXT;"
MIGRATIONS: tuple[str, ...] = (_SCHEMA_V1, _SCHEMA_V2)
SCHEMA_VERSION = len(MIGRATIONS)

# crawler.state.REQUEUE_SQL in PostgreSQL's words (LEAST for MIN, %(name)s parameters); a re-queue ends any lease.
REQUEUE_SQL = """
INSERT INTO crawl_urls (url, host, kind, depth, priority, gen, pattern, parent_pattern, hops, referrer)
VALUES (%(url)s, %(host)s, %(kind)s, %(depth)s, %(priority)s, %(gen)s, %(pattern)s, %(parent_pattern)s, %(hops)s,
        %(referrer)s)
ON CONFLICT (url) DO UPDATE SET status = 'queued', gen = excluded.gen, attempts = 0, next_try = 0,
    referrer = COALESCE(crawl_urls.referrer, excluded.referrer),
    reason = NULL, depth = LEAST(crawl_urls.depth, excluded.depth),
    priority = LEAST(crawl_urls.priority, excluded.priority), hops = excluded.hops,
    claimed_by = NULL, lease_until = NULL
WHERE crawl_urls.status != 'queued' AND (
    (crawl_urls.gen < excluded.gen AND NOT (
        (crawl_urls.kind = 'attachment' AND crawl_urls.status IN ('fetched', 'unchanged'))
        OR (crawl_urls.kind = 'page' AND crawl_urls.status IN ('duplicate', 'skipped'))
        OR (crawl_urls.kind = 'page' AND crawl_urls.page_type = 'article'
            AND crawl_urls.status IN ('fetched', 'unchanged'))))
    OR (%(newer)s::text IS NOT NULL AND crawl_urls.status IN ('fetched', 'unchanged')
        AND crawl_urls.gen < excluded.gen AND %(newer)s::text > COALESCE(substr(crawl_urls.fetched_at, 1, 10), '')))
"""
_NOW = "extract(epoch FROM clock_timestamp())"


def parse_shard(text: str | None) -> tuple[int, int] | None:
    """ "i/n" (0 <= i < n) -> (i, n); None for no sharding; BadInput for anything else."""
    if not text:
        return None
    try:
        i, n = (int(x) for x in text.split("/"))
    except ValueError:
        raise BadInput(f"--shard must be i/n, such as 0/3, not {text!r}") from None
    if not 0 <= i < n:
        raise BadInput(f"--shard {text}: i must be at least 0 and below n")
    return i, n


def in_shard(host: str, shard: tuple[int, int] | None) -> bool:
    """Whether ``host`` belongs to shard (i, n): a stable hash (not Python's salted ``hash``) of the host name."""
    if shard is None:
        return True
    digest = hashlib.sha1(host.lower().encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % shard[1] == shard[0]


def default_worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def open_crawl_stores(data_dir: Path, *, db: str | None, delay: float, agent: str,
                      lease_s: float = DEFAULT_LEASE_S) -> tuple[Store | PgStore, CrawlState | PgFrontier]:
    """(records store, frontier) of a crawl: the data folder's SQLite, or PostgreSQL shared with other workers."""
    if not db:
        return Store.open(data_dir), CrawlState(connect(data_dir))
    store = PgStore.open(db)
    try:
        return store, PgFrontier.open(db, delay=delay, agent=agent, lease_s=lease_s)
    except BaseException:
        store.close()
        raise


class PgFrontier:
    """One worker's handle on the shared frontier; the methods of ``crawler.state.CrawlState``."""

    def __init__(self, pool: ConnectionPool, *, worker: str, delay: float, agent: str, lease_s: float):
        self.pool = pool
        self.worker = worker
        self.delay = delay
        self.agent = agent
        self.lease_s = lease_s

    @classmethod
    def open(cls, dsn: str, *, worker: str | None = None, delay: float = 1.0, agent: str = "govnews",
             lease_s: float = DEFAULT_LEASE_S) -> PgFrontier:
        pool = connect_pool(dsn, durable=False)
        try:
            migrate(pool, dsn, SCHEMA_KEY, MIGRATIONS, "crawl state")
        except BaseException:
            pool.close()
            raise
        return cls(pool, worker=worker or default_worker(), delay=delay, agent=agent, lease_s=lease_s)

    def _run(self, sql: str, params=(), *, fetch: str | None = None):
        def work(conn: psycopg.Connection):
            cur = conn.cursor(row_factory=dict_row)
            cur.execute(sql, params)
            if fetch == "one":
                return cur.fetchone()
            if fetch == "all":
                return cur.fetchall()
            return cur.rowcount
        return retrying(self.pool, work, atomic=False)

    # -- the crawler's transaction calls: every method commits its own work ----------------------

    def begin(self) -> None:
        pass

    def commit(self) -> None:
        pass

    def close(self) -> None:
        """Give up every lease this worker holds (its unfinished URLs go back to the queue at once)."""
        try:
            self._run("UPDATE crawl_urls SET claimed_by = NULL, lease_until = NULL WHERE claimed_by = %s",
                      (self.worker,))
            self._run(f"UPDATE crawl_hosts SET lease_owner = NULL, lease_until = NULL,"
                      f" next_allowed = LEAST(next_allowed, {_NOW} + COALESCE(delay, %s)) WHERE lease_owner = %s",
                      (self.delay, self.worker))
        finally:
            self.pool.close()

    # -- runs --------------------------------------------------------------------------------

    def start_run(self, seeds: list[str]) -> tuple[int, bool]:
        """(run id, resumed): every worker of a shared crawl joins the unfinished run, else a new one starts."""
        def work(conn):
            conn.execute("LOCK TABLE crawl_runs IN SHARE ROW EXCLUSIVE MODE")
            row = conn.execute("SELECT id, finished FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()
            if row is not None and row[1] is None:
                return row[0], True
            return conn.execute("INSERT INTO crawl_runs (started, seeds) VALUES (%s, %s) RETURNING id",
                                (_now_iso(), " ".join(seeds))).fetchone()[0], False
        return retrying(self.pool, work)

    def finish_run(self, run: int) -> None:
        """The run is finished when no URL is left queued (another worker may still be at work)."""
        self._run("UPDATE crawl_runs SET finished = %s WHERE id = %s"
                  " AND NOT EXISTS (SELECT 1 FROM crawl_urls WHERE status = 'queued')", (_now_iso(), run))

    # -- frontier ----------------------------------------------------------------------------

    def enqueue(self, *, url: str, host: str, kind: str, depth: int, priority: int, gen: int, pattern: str,
                parent_pattern: str | None, hops: int = 0, newer: str | None = None,
                referrer: str | None = None) -> bool:
        return self._run(REQUEUE_SQL, {
            "url": url, "host": host, "kind": kind, "depth": depth, "priority": priority, "gen": gen,
            "pattern": pattern, "parent_pattern": parent_pattern, "hops": hops, "newer": newer,
            "referrer": referrer}) > 0

    def next_for_host(self, host: str, now: float) -> dict | None:
        """Claim the next URL of ``host`` (and the host) for this worker, or None: nothing due, or not ours now."""
        return retrying(self.pool, lambda conn: self._claim(conn, host, now))

    def _claim(self, conn: psycopg.Connection, host: str, now: float) -> dict | None:
        cur = conn.cursor(row_factory=dict_row)
        cur.execute(f"SELECT lease_owner, lease_until, next_allowed, delay, {_NOW} AS db_now FROM crawl_hosts"
                    " WHERE host = %s FOR UPDATE SKIP LOCKED", (host,))
        h = cur.fetchone()
        if h is None:  # another worker is claiming from this host right now
            return None
        db_now = float(h["db_now"])
        if h["lease_owner"] not in (None, self.worker) and (h["lease_until"] or 0) > db_now:
            return None
        if h["next_allowed"] > db_now:
            return None
        cur.execute("SELECT * FROM crawl_urls WHERE host = %s AND status = 'queued' AND next_try <= %s"
                    " AND (lease_until IS NULL OR lease_until < %s) ORDER BY priority, id LIMIT 1"
                    " FOR UPDATE SKIP LOCKED", (host, now, db_now))
        row = cur.fetchone()
        if row is None:
            if h["lease_owner"] == self.worker:
                cur.execute("UPDATE crawl_hosts SET lease_owner = NULL, lease_until = NULL WHERE host = %s", (host,))
            return None
        until = db_now + self.lease_s
        cur.execute("UPDATE crawl_urls SET claimed_by = %s, lease_until = %s WHERE id = %s",
                    (self.worker, until, row["id"]))
        # nobody's next request before this one is done (see update), or its lease is over
        cur.execute("UPDATE crawl_hosts SET lease_owner = %s, lease_until = %s, next_allowed = %s WHERE host = %s",
                    (self.worker, until, until, host))
        return row

    def next_wake(self, host: str) -> float | None:
        """When ``host`` may have work for this worker (this machine's clock): the earliest retry, not before the
        host is free (another worker's lease, the delay); None when nothing is queued for it at all."""
        row = self._run(
            f"SELECT {_NOW} AS db_now,"
            " (SELECT MIN(next_try) FROM crawl_urls u WHERE u.host = h.host AND status = 'queued'"
            f"   AND (u.lease_until IS NULL OR u.lease_until < {_NOW})) AS due,"
            " (SELECT MIN(u.lease_until) FROM crawl_urls u WHERE u.host = h.host AND status = 'queued'"
            f"   AND u.lease_until >= {_NOW}) AS leased,"
            " CASE WHEN h.lease_owner IS DISTINCT FROM %s THEN h.lease_until END AS host_lease, h.next_allowed"
            " FROM crawl_hosts h WHERE h.host = %s", (self.worker, host), fetch="one")
        if row is None or (row["due"] is None and row["leased"] is None):
            return None
        now = time.time()
        shift = now - float(row["db_now"])  # database clock -> this machine's clock
        poll = now + HOST_POLL_S  # what others hold may be given up any time: look again soon
        times = []
        if row["due"] is not None:
            free = max(row["next_allowed"], row["host_lease"] or 0) + shift
            times.append(max(row["due"], min(free, poll)))
        if row["leased"] is not None:
            times.append(min(row["leased"] + shift, poll))
        return min(times)

    def others_at_work(self, done_hosts: list[str]) -> str | None:
        """Whether the crawl may not be over although this worker sees nothing to do: a URL of a host it has not
        given up (``done_hosts``: page budget spent, robots.txt unreachable) is still queued (leased by another
        worker, or due later), or another worker holds a host (its page's links are not queued yet). A worker
        that died keeps its leases until they expire; then its URLs are queued again.

        "leased": another worker holds a host now; "queued": URLs wait, no other worker holds a host; None."""
        row = self._run(
            "SELECT EXISTS (SELECT 1 FROM crawl_hosts WHERE lease_owner IS NOT NULL AND lease_owner <> %s"
            f" AND lease_until >= {_NOW} AND host <> ALL(%s)) AS leased,"
            " EXISTS (SELECT 1 FROM crawl_urls WHERE status = 'queued' AND host <> ALL(%s)) AS queued",
            (self.worker, done_hosts, done_hosts), fetch="one")
        return "leased" if row["leased"] else "queued" if row["queued"] else None

    def queued_count(self) -> int:
        return self._run("SELECT COUNT(*) AS n FROM crawl_urls WHERE status = 'queued'", fetch="one")["n"]

    def get(self, url: str) -> dict | None:
        return self._run("SELECT * FROM crawl_urls WHERE url = %s", (url,), fetch="one")

    def update(self, row_id: int, **fields) -> None:
        """Record what happened to a URL; a change of this worker's claimed URL ends its lease."""
        names = ", ".join(f"{k} = %s" for k in fields)

        def work(conn):
            host = conn.execute("SELECT host FROM crawl_urls WHERE id = %s AND claimed_by = %s",
                                (row_id, self.worker)).fetchone()
            conn.execute(f"UPDATE crawl_urls SET {names}, claimed_by = NULL, lease_until = NULL WHERE id = %s",
                         (*fields.values(), row_id))
            if host:  # the request is over: the host's next one, by any worker, after the delay
                self._free_host(conn, host[0])
        retrying(self.pool, work)

    def _free_host(self, conn: psycopg.Connection, host: str) -> None:
        conn.execute(f"UPDATE crawl_hosts SET next_allowed = {_NOW} + COALESCE(delay, %s)"
                     " WHERE host = %s AND lease_owner = %s", (self.delay, host, self.worker))

    def find_article_by_hash(self, content_hash: str, not_url: str) -> str | None:
        row = self._run(
            "SELECT article_url FROM crawl_urls WHERE content_hash = %s AND status = 'fetched'"
            " AND page_type = 'article' AND article_url IS NOT NULL AND article_url != %s LIMIT 1",
            (content_hash, not_url), fetch="one")
        return row["article_url"] if row else None

    def article_stored(self, article_url: str, not_id: int) -> bool:
        return self._run("SELECT 1 AS x FROM crawl_urls WHERE article_url = %s AND status = 'fetched' AND id != %s"
                         " LIMIT 1", (article_url, not_id), fetch="one") is not None

    # -- hosts -------------------------------------------------------------------------------

    def host(self, host: str) -> dict | None:
        row = self._run("SELECT * FROM crawl_hosts WHERE host = %s", (host,), fetch="one")
        if row and row["robots_body"] is not None:
            row["robots_body"] = bytes(row["robots_body"])
        return row

    def ensure_host(self, host: str, scheme: str) -> None:
        self._run("INSERT INTO crawl_hosts (host, scheme) VALUES (%s, %s) ON CONFLICT DO NOTHING", (host, scheme))

    def hosts(self) -> list[dict]:
        return self._run("SELECT * FROM crawl_hosts ORDER BY host", fetch="all")

    def claim_host(self, host: str) -> bool:
        """Take ``host`` for a request outside the frontier (robots.txt); False if another worker has it.

        ``set_robots`` ends that request as ``update`` ends a URL's."""
        def work(conn):
            return conn.execute(
                f"UPDATE crawl_hosts SET lease_owner = %s, lease_until = {_NOW} + %s, next_allowed = {_NOW} + %s"
                f" WHERE host = %s AND next_allowed <= {_NOW}"
                f" AND (lease_owner IS NULL OR lease_owner = %s OR lease_until < {_NOW})",
                (self.worker, self.lease_s, self.lease_s, host, self.worker)).rowcount > 0
        return retrying(self.pool, work)

    def set_robots(self, host: str, status: int | None, body: bytes | None, attempts: int) -> None:
        """Keep the host's robots.txt answer, and its Crawl-delay as the host's delay for every worker."""
        delay = self.delay
        if status is not None:
            asked = Robots.from_response(status, body).crawl_delay(self.agent)
            if asked is not None:
                delay = max(self.delay, min(asked, MAX_CRAWL_DELAY))
        def work(conn):
            conn.execute("UPDATE crawl_hosts SET robots_status = %s, robots_body = %s, robots_at = %s,"
                         " robots_attempts = %s, delay = %s WHERE host = %s",
                         (status, body, time.time(), attempts, delay, host))
            self._free_host(conn, host)
        retrying(self.pool, work)

    def count_page(self, host: str, gen: int) -> int:
        row = self._run("UPDATE crawl_hosts SET run_pages = CASE WHEN run_gen = %s THEN run_pages + 1 ELSE 1 END,"
                        " run_gen = %s WHERE host = %s RETURNING run_pages", (gen, gen, host), fetch="one")
        return row["run_pages"] if row else 0

    def run_pages(self, host: str, gen: int) -> int:
        row = self._run("SELECT run_pages, run_gen FROM crawl_hosts WHERE host = %s", (host,), fetch="one")
        return row["run_pages"] if row and row["run_gen"] == gen else 0

    # -- trap budget -------------------------------------------------------------------------

    def pattern_counts(self, pattern: str) -> tuple[int, int, int]:
        row = self._run("SELECT pages, articles, self_articles FROM crawl_patterns WHERE pattern = %s",
                        (pattern,), fetch="one")
        return (row["pages"], row["articles"], row["self_articles"]) if row else (0, 0, 0)

    def bump_pattern(self, pattern: str | None, column: str) -> None:
        if pattern:
            self._run(f"INSERT INTO crawl_patterns (pattern, {column}) VALUES (%s, 1)"
                      f" ON CONFLICT (pattern) DO UPDATE SET {column} = crawl_patterns.{column} + 1", (pattern,))

    # -- archive progress (per worker: each writes its own WARC files) ------------------------

    def warc_done(self, name: str, upto: int) -> None:
        self._run("INSERT INTO crawl_warcs (name, processed_upto) VALUES (%s, %s) ON CONFLICT (name) DO UPDATE"
                  " SET processed_upto = GREATEST(crawl_warcs.processed_upto, excluded.processed_upto)",
                  (f"{self.worker}/{name}", upto))

    def warc_progress(self) -> dict[str, int]:
        prefix = f"{self.worker}/"
        rows = self._run("SELECT name, processed_upto FROM crawl_warcs WHERE starts_with(name, %s)", (prefix,),
                         fetch="all")
        return {r["name"][len(prefix):]: r["processed_upto"] for r in rows}

    def mark_alias(self, url: str, host: str, stored_from: str, gen: int) -> None:
        self._run(
            "INSERT INTO crawl_urls (url, host, status, reason, gen, article_url)"
            " VALUES (%s, %s, 'skipped', %s, %s, %s)"
            " ON CONFLICT (url) DO UPDATE SET status = 'skipped', reason = excluded.reason,"
            " article_url = excluded.url WHERE crawl_urls.status = 'queued' AND crawl_urls.lease_until IS NULL",
            (url, host, f"stored from {stored_from}", gen, url))

    # -- archived copies (every worker's: a reprocess reads the WARC files where --warc-prefix says) ----

    def archived_page_count(self) -> int:
        return self._run(f"SELECT COUNT(*) AS n FROM crawl_urls WHERE {ARCHIVED_PAGE}", fetch="one")["n"]

    def archived_pages(self, after_id: int, limit: int) -> list[dict]:
        """Pages with an archived 2xx copy, by id after ``after_id`` (``govnews reprocess`` walks them)."""
        return self._run(f"SELECT * FROM crawl_urls WHERE id > %s AND {ARCHIVED_PAGE} ORDER BY id LIMIT %s",
                         (after_id, limit), fetch="all")

    def archived_attachments(self) -> Iterator[dict]:
        """Every attachment archived with a 2xx answer (the columns of ``CrawlState.archived_attachments``)."""
        after = 0
        while True:
            rows = self._run("SELECT id, url, warc, warc_offset, page_type, fetched_at, content_hash, referrer"
                             " FROM crawl_urls WHERE kind = 'attachment' AND warc IS NOT NULL"
                             " AND http_status BETWEEN 200 AND 299 AND id > %s ORDER BY id LIMIT %s",
                             (after, ARCHIVED_BATCH), fetch="all")
            if not rows:
                return
            after = rows[-1]["id"]
            for row in rows:
                del row["id"]
                yield row

    def status_counts(self) -> dict[str, int]:
        return {r["status"]: r["n"] for r in self._run(
            "SELECT status, COUNT(*) AS n FROM crawl_urls GROUP BY status", fetch="all")}


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
