"""The shared crawl frontier in PostgreSQL: URL and host leases, the delay across workers, takeover, shards.

The last tests run real worker processes (and kill -9 one of them) against a local HTTP server that
records every request: nothing is fetched twice, one host never has two requests in flight, and the
delay between two requests to a host holds whichever workers make them.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psycopg
import pytest

from base.errors import BadInput
from crawler.pgfrontier import PgFrontier, in_shard, parse_shard
from crawler.state import CrawlState, connect

ROOT = Path(__file__).resolve().parents[1]


def queue_urls(frontier: PgFrontier, urls: list[tuple[str, str]], gen: int = 1) -> None:
    for host, url in urls:
        frontier.ensure_host(host, "http")
        assert frontier.enqueue(url=url, host=host, kind="page", depth=0, priority=2, gen=gen, pattern="p",
                                parent_pattern=None)


@pytest.fixture
def two(pg_url):
    a = PgFrontier.open(pg_url, worker="A", delay=0.3, lease_s=1.0)
    b = PgFrontier.open(pg_url, worker="B", delay=0.3, lease_s=1.0)
    yield a, b
    a.close()
    b.close()


def test_a_claimed_url_and_its_host_belong_to_one_worker(two):
    a, b = two
    queue_urls(a, [("h1", "http://h1/1"), ("h1", "http://h1/2"), ("h2", "http://h2/1")])
    row = a.next_for_host("h1", time.time())
    assert row["url"] == "http://h1/1"
    assert b.next_for_host("h1", time.time()) is None  # h1 is A's while A works on it
    assert b.next_for_host("h2", time.time())["url"] == "http://h2/1"
    assert b.next_wake("h1") > time.time() + 0.1  # B is told to come back later, not to spin
    a.update(row["id"], status="fetched", http_status=200)
    assert a.get("http://h1/1")["status"] == "fetched" and a.get("http://h1/1")["lease_until"] is None
    assert a.queued_count() == 2 and a.status_counts() == {"fetched": 1, "queued": 2}


def test_the_host_delay_holds_across_workers(two):
    a, b = two
    queue_urls(a, [("h1", "http://h1/1"), ("h1", "http://h1/2")])
    first = a.next_for_host("h1", time.time())
    started = time.monotonic()
    a.update(first["id"], status="fetched")
    assert a.next_for_host("h1", time.time()) is None  # the 0.3 s delay is not over, for A either
    # A has nothing else for h1 once the second URL is B's; B waits for A's lease or the delay
    deadline = time.monotonic() + 5
    got = None
    while got is None and time.monotonic() < deadline:
        got = a.next_for_host("h1", time.time()) or b.next_for_host("h1", time.time())
        time.sleep(0.02)
    assert got["url"] == "http://h1/2" and time.monotonic() - started >= 0.28


def test_robots_crawl_delay_becomes_the_hosts_delay_for_everyone(two):
    a, b = two
    queue_urls(a, [("h1", "http://h1/1"), ("h1", "http://h1/2")])
    a.set_robots("h1", 200, b"User-agent: *\nCrawl-delay: 2\n", 1)
    assert b.host("h1")["robots_body"] == b"User-agent: *\nCrawl-delay: 2\n"
    row = b.next_for_host("h1", time.time())
    b.update(row["id"], status="fetched")
    assert a.host("h1")["delay"] == 2.0
    time.sleep(0.5)
    assert b.next_for_host("h1", time.time()) is None and a.next_for_host("h1", time.time()) is None


def test_an_expired_lease_is_taken_over(two):
    a, b = two
    queue_urls(a, [("h1", "http://h1/1")])
    assert a.next_for_host("h1", time.time())["url"] == "http://h1/1"  # then A dies without a word
    assert b.next_for_host("h1", time.time()) is None
    time.sleep(1.1)
    row = b.next_for_host("h1", time.time())
    assert row["url"] == "http://h1/1" and row["attempts"] == 0
    b.update(row["id"], status="fetched")
    assert b.status_counts() == {"fetched": 1}


def test_close_gives_the_leases_back(pg_url):
    a = PgFrontier.open(pg_url, worker="A", delay=0.0)
    queue_urls(a, [("h1", "http://h1/1")])
    assert a.next_for_host("h1", time.time())
    a.close()
    b = PgFrontier.open(pg_url, worker="B", delay=0.0)
    try:
        assert b.next_for_host("h1", time.time())["url"] == "http://h1/1"  # at once, no lease to wait for
    finally:
        b.close()


def test_requeue_rules_as_sqlite(two):
    a, _ = two
    queue_urls(a, [("h1", "http://h1/list")])
    row = a.next_for_host("h1", time.time())
    a.update(row["id"], status="not_article", page_type="listing")
    args = dict(url="http://h1/list", host="h1", kind="page", depth=0, priority=2, pattern="p", parent_pattern=None)
    assert not a.enqueue(gen=1, **args)  # same run: not again
    assert a.enqueue(gen=2, **args)  # a new run re-reads hubs
    row = a.get("http://h1/list")
    a.update(row["id"], status="fetched", page_type="article")
    assert not a.enqueue(gen=3, **args)  # an article is not fetched again
    assert a.enqueue(gen=3, newer="2999-01-01", **args)  # unless a sitemap says it changed


def test_referrers_and_archived_copies_as_sqlite(two, tmp_path):
    """What reprocess and the documents step read of the frontier: the same rows on both backends."""
    sqlite = CrawlState(connect(tmp_path))
    for state in (two[0], sqlite):
        args = dict(host="h1", depth=1, priority=2, gen=1, pattern="p", parent_pattern=None)
        state.ensure_host("h1", "http")
        state.enqueue(url="http://h1/a", kind="page", referrer="http://h1/", **args)
        state.enqueue(url="http://h1/a", kind="page", referrer="http://h1/other", **args)  # the first one stays
        state.enqueue(url="http://h1/a.pdf", kind="attachment", referrer="http://h1/a", **args)
        state.enqueue(url="http://h1/b", kind="page", **args)
        for url, status in (("http://h1/a", 200), ("http://h1/a.pdf", 200), ("http://h1/b", 404)):
            state.update(state.get(url)["id"], status="fetched", http_status=status, warc="w.warc.gz",
                         warc_offset=len(url), fetched_at="t")
        state.commit()
    pg, lite = two[0], sqlite
    assert pg.get("http://h1/a")["referrer"] == lite.get("http://h1/a")["referrer"] == "http://h1/"
    assert pg.archived_page_count() == lite.archived_page_count() == 1
    assert [r["url"] for r in pg.archived_pages(0, 10)] == [r["url"] for r in lite.archived_pages(0, 10)] == [
        "http://h1/a"]
    assert [dict(r) for r in pg.archived_attachments()] == [dict(r) for r in lite.archived_attachments()] == [
        {"url": "http://h1/a.pdf", "warc": "w.warc.gz", "warc_offset": 15, "page_type": None, "fetched_at": "t",
         "content_hash": None, "referrer": "http://h1/a"}]
    sqlite.close()


def test_runs_are_shared_and_warc_progress_is_per_worker(two):
    a, b = two
    run, resumed = a.start_run(["http://h1/"])
    assert not resumed and b.start_run(["http://h1/"]) == (run, True)
    a.warc_done("govnews-00001.warc.gz", 100)
    b.warc_done("govnews-00001.warc.gz", 50)
    assert a.warc_progress() == {"govnews-00001.warc.gz": 100} and b.warc_progress() == {"govnews-00001.warc.gz": 50}
    queue_urls(a, [("h1", "http://h1/1")])
    a.finish_run(run)  # a URL is still queued: another worker is not done
    assert b.start_run([]) == (run, True)


def test_shards_split_hosts_stably():
    hosts = [f"xa{n}.quangngai.gov.vn" for n in range(300)]
    shards = [(i, 3) for i in range(3)]
    owners = [[s for s in shards if in_shard(h, s)] for h in hosts]
    assert all(len(o) == 1 for o in owners)
    sizes = Counter(o[0] for o in owners)
    assert min(sizes.values()) > 60
    assert in_shard("minhlong.quangngai.gov.vn", parse_shard("1/3")) == in_shard("MinhLong.quangngai.gov.vn", (1, 3))
    assert parse_shard(None) is None and in_shard("x", None)
    for bad in ("3/3", "a/b", "1", "-1/2"):
        with pytest.raises(BadInput, match="--shard"):
            parse_shard(bad)


# -- real processes -----------------------------------------------------------------------------------

WORKER = """
import sys, time, requests
from pathlib import Path
from crawler.pgfrontier import PgFrontier
dsn, name, hosts = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
f = PgFrontier.open(dsn, worker=name, delay=float(sys.argv[4]), lease_s=float(sys.argv[5]))
session = requests.Session()
ready, workers = Path(sys.argv[6]), int(sys.argv[7])  # start together: a slow start must not leave one idle
(ready / name).touch()
while len(list(ready.iterdir())) < workers:
    time.sleep(0.01)
while f.queued_count():
    row = None
    for host in hosts:
        row = f.next_for_host(host, time.time())
        if row:
            break
    if row is None:
        time.sleep(0.01)
        continue
    r = session.get(row["url"], headers={"X-Worker": name}, timeout=10)
    f.update(row["id"], status="fetched", http_status=r.status_code, reason=name)
f.close()
"""


class Recorder(BaseHTTPRequestHandler):
    """Pages at /<host>/<n>; records each request's start and end per host."""

    log: list[tuple[str, str, float, float, str]] = []
    lock = threading.Lock()
    in_flight: Counter = Counter()
    overlaps = 0

    def do_GET(self):  # noqa: N802 - http.server API
        host = self.path.split("/")[1]
        cls = type(self)
        with cls.lock:
            cls.in_flight[host] += 1
            if cls.in_flight[host] > 1:
                cls.overlaps += 1
        start = time.monotonic()
        time.sleep(0.01)
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")
        with cls.lock:
            cls.in_flight[host] -= 1
            cls.log.append((host, self.path, start, time.monotonic(), self.headers.get("X-Worker", "")))

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    Recorder.log, Recorder.in_flight, Recorder.overlaps = [], Counter(), 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def start_workers(dsn: str, hosts: list[str], names: list[str], delay: float, lease_s: float) -> list[subprocess.Popen]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ready = Path(tempfile.mkdtemp(prefix="govnews-workers-"))
    return [subprocess.Popen([sys.executable, "-c", WORKER, dsn, name, ",".join(hosts), str(delay), str(lease_s),
                              str(ready), str(len(names))], env=env, cwd=ROOT) for name in names]


def wait_for_fetches(worker: str, count: int) -> None:
    deadline = time.monotonic() + 60
    while sum(1 for *_, w in Recorder.log if w == worker) < count:
        assert time.monotonic() < deadline, f"{worker} fetched nothing"
        time.sleep(0.005)


def fill(dsn: str, base: str, hosts: list[str], per_host: int) -> set[str]:
    f = PgFrontier.open(dsn, worker="seeder")
    urls = [(h, f"{base}/{h}/{n}") for h in hosts for n in range(per_host)]
    queue_urls(f, urls)
    f.close()
    return {u for _, u in urls}


def test_three_worker_processes_share_the_frontier(pg_url, recorder):
    hosts = [f"h{n}" for n in range(6)]
    urls = fill(pg_url, recorder, hosts, 8)
    delay = 0.05
    workers = start_workers(pg_url, hosts, ["w0", "w1", "w2"], delay, lease_s=30)
    for w in workers:
        assert w.wait(timeout=120) == 0
    paths = Counter(path for _, path, *_ in Recorder.log)
    assert set(f"{recorder}{p}" for p in paths) == urls and set(paths.values()) == {1}  # each once
    assert Recorder.overlaps == 0  # never two requests in flight to one host
    for host in hosts:
        times = sorted((start, end) for h, _, start, end, _ in Recorder.log if h == host)
        assert min(b[0] - a[1] for a, b in zip(times, times[1:])) >= delay * 0.9  # from one's end to the next
    assert len({w for *_, w in Recorder.log}) == 3  # all three did work
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT status, COUNT(*) FROM crawl_urls GROUP BY 1").fetchall() == [("fetched", 48)]


def test_killed_worker_urls_are_fetched_once_in_total(pg_url, recorder):
    hosts = [f"k{n}" for n in range(4)]
    urls = fill(pg_url, recorder, hosts, 12)
    workers = start_workers(pg_url, hosts, ["w0"], delay=0.02, lease_s=2.0)
    wait_for_fetches("w0", 1)
    workers += start_workers(pg_url, hosts, ["w1", "w2"], delay=0.02, lease_s=2.0)
    wait_for_fetches("w0", 4)
    os.kill(workers[0].pid, signal.SIGKILL)
    assert workers[0].wait(timeout=10) == -signal.SIGKILL
    for w in workers[1:]:
        assert w.wait(timeout=120) == 0
    with psycopg.connect(pg_url) as conn:
        done = dict(conn.execute("SELECT url, reason FROM crawl_urls WHERE status = 'fetched'").fetchall())
        assert conn.execute("SELECT COUNT(*) FROM crawl_urls WHERE status != 'fetched'").fetchone()[0] == 0
    assert set(done) == urls
    paths = Counter(f"{recorder}{path}" for _, path, *_ in Recorder.log)
    # a request the killed worker had in flight (answered, never recorded) is the only one made twice
    twice = [u for u, n in paths.items() if n > 1]
    assert len(twice) <= 1 and all(done[u] != "w0" for u in twice)
    assert Recorder.overlaps == 0


def test_a_dropped_connection_is_replaced_and_the_claim_kept(two, pg_url):
    a, _ = two
    queue_urls(a, [("h1", "http://h1/1"), ("h1", "http://h1/2")])
    row = a.next_for_host("h1", time.time())
    with psycopg.connect(pg_url, autocommit=True) as admin:  # the server restarts, say: every connection dropped
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                      " WHERE datname = current_database() AND pid != pg_backend_pid()")
    a.update(row["id"], status="fetched")
    assert a.get("http://h1/1")["status"] == "fetched" and a.queued_count() == 1
