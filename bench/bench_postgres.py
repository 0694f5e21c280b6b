"""PostgreSQL as records store, search engine and shared crawl frontier, with the embedded figures beside.

    python bench/bench_postgres.py [--docs 100000] [--whoosh-docs 10000] [--frontier 1000000]
                                   [--crawl-articles 2000] [--server postgresql:///govnews_test] [--skip crawl,...]

Makes a fresh database on the server (dropped at the end) and prints, for the same run:

- indexing: generated portal articles (bench/vn_corpus.py) stored into PostgreSQL with
  ``PgStore.save_articles`` (COPY; the tsvectors and the GIN index are built as rows go in) -> articles/s;
  beside it the embedded path on ``--whoosh-docs`` articles: SQLite store, then the whoosh index build.
- search: bench/bench_index.py's query mix on both, p50/p95 (PostgreSQL at ``--docs``, whoosh at
  ``--whoosh-docs``).
- claim: ``PgFrontier.next_for_host`` + ``update`` with ``--frontier`` URLs queued over many hosts
  -> p50/p95 of the claim; beside it SQLite's ``CrawlState.next_for_host`` on the same number of URLs.
- crawl: generated hosts (bench/bench_crawl.py's sites) crawled by one SQLite-backed ``govnews crawl``
  with ``--concurrency C``, then by three ``govnews crawl --db`` workers with C/3 each -> pages/s.
Targets (issue 12): >= 2,000 articles/s; search p95 <= 100 ms at 500,000 articles; claim p95 <= 5 ms
with 1 million URLs; three workers >= 0.9x the pages/s of one.
"""
from __future__ import annotations

import argparse
import os
import random
import secrets
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg  # noqa: E402
from bench_crawl import start_sites  # noqa: E402
from bench_index import QUERY_MIX, percentile  # noqa: E402
from vn_corpus import Generator  # noqa: E402

from crawler.pgfrontier import PgFrontier  # noqa: E402
from crawler.state import CrawlState, connect  # noqa: E402
from index import pgsearch  # noqa: E402
from index.pgstore import PgStore  # noqa: E402
from index.search import search as whoosh_search  # noqa: E402
from index.searchindex import update_index  # noqa: E402
from index.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BATCH = 1000
FETCHED = "2024-01-01T00:00:00+00:00"


def stats(ms: list[float]) -> str:
    return f"p50 {statistics.median(ms):.1f} ms, p95 {percentile(ms, 0.95):.1f} ms, max {max(ms):.1f} ms"


def bench_indexing(url: str, docs: int, whoosh_docs: int, tmp: Path) -> None:
    gen = Generator(seed=7)
    took = 0.0
    with PgStore.open(url) as store:
        for start in range(0, docs, BATCH):
            batch = [(gen.article(n)[1], {"fetched_at": FETCHED}) for n in range(start, min(docs, start + BATCH))]
            t = time.perf_counter()
            store.save_articles(batch)
            took += time.perf_counter() - t
        chars = sum(len(a.body) for a, _ in batch) / len(batch)
    print(f"indexing, PostgreSQL: {docs} articles (body ~{chars:.0f} chars) in {took:.1f} s = {docs / took:.0f}"
          f" articles/s (stored with figures, tsvectors and GIN index; load average {os.getloadavg()[0]:.1f})")
    gen = Generator(seed=7)
    t = time.perf_counter()
    with Store.open(tmp) as store:
        for n in range(whoosh_docs):
            store.save_article(gen.article(n)[1], fetched_at=FETCHED)
    stored = time.perf_counter() - t
    t = time.perf_counter()
    update_index(tmp, rebuild=True)
    indexed = time.perf_counter() - t
    print(f"indexing, embedded: {whoosh_docs} articles: SQLite store {whoosh_docs / stored:.0f} articles/s, whoosh"
          f" index {whoosh_docs / indexed:.0f} articles/s; both {whoosh_docs / (stored + indexed):.0f} articles/s")


def bench_search(url: str, tmp: Path, docs: int, whoosh_docs: int, rounds: int) -> None:
    with PgStore.open(url, create=False) as store:
        engines = (("PostgreSQL", docs, lambda q, **o: pgsearch.search(store, q, **o)),
                   ("whoosh", whoosh_docs, lambda q, **o: whoosh_search(tmp, q, **o)))
        for name, count, run in engines:
            run("warm up")
            timings = []
            for _ in range(rounds):
                for _kind, query, options in QUERY_MIX:
                    t = time.perf_counter()
                    run(query, **options)
                    timings.append((time.perf_counter() - t) * 1000)
            print(f"search, {name} at {count} articles: {len(timings)} queries, {stats(timings)}")


def bench_claims(url: str, urls: int, hosts: int, tmp: Path, samples: int) -> None:
    frontier = PgFrontier.open(url, worker="bench", delay=0.0)
    try:
        t = time.perf_counter()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("INSERT INTO crawl_hosts (host) SELECT 'h' || n || '.gov.vn' FROM generate_series(0, %s) n",
                         (hosts - 1,))
            conn.execute("INSERT INTO crawl_urls (url, host, priority) SELECT 'http://h' || (n %% %s) || '.gov.vn/'"
                         " || n, 'h' || (n %% %s) || '.gov.vn', n %% 3 FROM generate_series(1, %s) n",
                         (hosts, hosts, urls))
            conn.execute("ANALYZE crawl_urls")
        print(f"frontier: {urls} URLs over {hosts} hosts queued in {time.perf_counter() - t:.1f} s")
        rng = random.Random(3)
        timings = []
        for _ in range(samples):
            host = f"h{rng.randrange(hosts)}.gov.vn"
            t = time.perf_counter()
            row = frontier.next_for_host(host, time.time())
            timings.append((time.perf_counter() - t) * 1000)
            if row:
                frontier.update(row["id"], status="fetched", http_status=200)
        print(f"claim, PostgreSQL (next_for_host, SKIP LOCKED, leases): {samples} claims, {stats(timings)}")
    finally:
        frontier.close()
    conn = connect(tmp / "frontier")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO crawl_urls (url, host, priority) VALUES (?, ?, ?)",
                     ((f"http://h{n % hosts}.gov.vn/{n}", f"h{n % hosts}.gov.vn", n % 3) for n in range(1, urls + 1)))
    conn.execute("COMMIT")
    state = CrawlState(conn)
    rng = random.Random(3)
    timings = []
    for _ in range(samples):
        host = f"h{rng.randrange(hosts)}.gov.vn"
        t = time.perf_counter()
        row = state.next_for_host(host, time.time())
        timings.append((time.perf_counter() - t) * 1000)
        if row:
            state.update(row["id"], status="fetched", http_status=200)
            state.commit()
    state.close()
    print(f"claim, SQLite (CrawlState.next_for_host, one crawl): {samples} claims, {stats(timings)}")


def crawl_processes(seeds: list[str], tmp: Path, db: str | None, workers: int, concurrency: int) -> float:
    env = {k: v for k, v in os.environ.items() if k != "GOVNEWS_DB"}
    env["PYTHONPATH"] = str(ROOT)
    extra = ["--db", db] if db else []
    started = time.time()
    procs = [subprocess.Popen([sys.executable, "-m", "cli", "crawl", *seeds, "--data", str(tmp / f"w{i}"),
                               "--delay", "0", "--concurrency", str(concurrency), "--quiet", *extra],
                              cwd=ROOT, env=env) for i in range(workers)]
    if any(p.wait() != 0 for p in procs):
        raise SystemExit("a crawl worker failed")
    return time.time() - started


def bench_crawl(url: str, tmp: Path, articles: int, hosts: int, concurrency: int) -> None:
    per_host = (articles + hosts - 1) // hosts
    servers, seeds = start_sites(hosts, per_host)
    try:
        took = crawl_processes(seeds, tmp / "one", None, 1, concurrency)
        with sqlite3.connect(tmp / "one" / "w0" / "records.sqlite") as db:
            pages = db.execute("SELECT COUNT(*) FROM crawl_urls WHERE http_status IS NOT NULL").fetchone()[0]
        print(f"crawl, one SQLite worker (--concurrency {concurrency}): {pages} pages in {took:.1f} s ="
              f" {pages / took:.1f} pages/s (start-up and whoosh indexing included)")
        took = crawl_processes(seeds, tmp / "three", url, 3, max(1, concurrency // 3))
        with psycopg.connect(url) as conn:
            pages = conn.execute("SELECT COUNT(*) FROM crawl_urls WHERE http_status IS NOT NULL").fetchone()[0]
        print(f"crawl, three --db workers (--concurrency {max(1, concurrency // 3)} each): {pages} pages in"
              f" {took:.1f} s = {pages / took:.1f} pages/s")
    finally:
        for server in servers:
            server.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--whoosh-docs", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--frontier", type=int, default=1_000_000)
    parser.add_argument("--frontier-hosts", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--crawl-articles", type=int, default=2000)
    parser.add_argument("--crawl-hosts", type=int, default=8)
    parser.add_argument("--concurrency", type=int, default=6)
    parser.add_argument("--server", default=os.environ.get("GOVNEWS_TEST_PG") or "postgresql:///govnews_test",
                        help="URL of a database to connect to for CREATE DATABASE")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: index,search,claim,crawl")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    name = f"govnews_bench_{secrets.token_hex(4)}"
    with psycopg.connect(args.server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = args.server.rsplit("/", 1)[0] + "/" + name
    tmp = Path(tempfile.mkdtemp(prefix="govnews-bench-"))
    try:
        print(f"database {name}; {os.cpu_count()} CPU cores; load average {os.getloadavg()[0]:.1f}")
        if "index" not in skip:
            bench_indexing(url, args.docs, args.whoosh_docs, tmp / "embedded")
        if "search" not in skip and "index" not in skip:
            bench_search(url, tmp / "embedded", args.docs, args.whoosh_docs, args.rounds)
        if "claim" not in skip:
            bench_claims(url, args.frontier, args.frontier_hosts, tmp, args.claims)
        if "crawl" not in skip:
            with psycopg.connect(url, autocommit=True) as conn:  # a fresh frontier for the crawl
                conn.execute("DROP TABLE IF EXISTS crawl_urls, crawl_hosts, crawl_patterns, crawl_runs, crawl_warcs")
                conn.execute("DELETE FROM meta WHERE key = 'crawl_schema'")
            bench_crawl(url, tmp / "crawl", args.crawl_articles, args.crawl_hosts, args.concurrency)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        with psycopg.connect(args.server, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
