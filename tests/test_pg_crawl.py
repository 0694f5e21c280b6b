"""Three ``govnews crawl --db`` processes share one frontier: the records of one worker, nothing twice, polite.

The sample portals are crawled once by one worker into a data folder (SQLite), then by three worker
processes at once (each with its own data folder for its WARC files) into PostgreSQL. The servers'
own request log says what the three did together.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from test_store import scalar

import cli
from crawler.fetch import DEFAULT_USER_AGENT
from crawler.pipeline import CrawlOptions, crawl
from index.pgstore import PgStore
from index.store import Store
from samples.server import SampleSites

ROOT = Path(__file__).resolve().parents[1]
DELAY = 0.05
OVERLAP_SLACK = 0.005  # the server logs "finished" just after handing the last byte to the socket
CLI = "import sys, cli; sys.exit(cli.main(sys.argv[1:]))"


def records(store) -> dict[str, tuple]:
    return {a["url"]: (a["title"], a["published"], a["body"], len(a["indicators"])) for a in store.iter_articles()}


def workers(sites: SampleSites, url: str, tmp: Path, names: list[str], lease: float) -> list[subprocess.Popen]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("GOVNEWS_DB", None)
    return [subprocess.Popen([sys.executable, "-c", CLI, "crawl", *sites.seeds, "--data", str(tmp / name),
                              "--db", url, "--delay", str(DELAY), "--lease-seconds", str(lease), "--quiet"],
                             env=env, cwd=ROOT, stdout=subprocess.DEVNULL) for name in names]


def check_polite(sites: SampleSites, entries) -> None:
    by_site = defaultdict(list)
    for entry in entries:
        by_site[entry.site].append(entry)
        url = sites.base_urls.get(entry.site, sites.outside_url) + entry.path
        assert sites.robots_allows(url, DEFAULT_USER_AGENT), f"requested disallowed {url}"
    assert "ngoai" not in by_site
    for site, got in by_site.items():
        got.sort(key=lambda e: e.started)
        assert got[0].path == "/robots.txt"
        for before, after in zip(got, got[1:]):
            assert after.started >= before.finished - OVERLAP_SLACK, f"two requests in flight to {site}"
            assert after.started - before.finished >= DELAY - OVERLAP_SLACK, f"gap below --delay on {site}"


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    """The sample portals, and what one embedded (SQLite) worker stores and asks of them."""
    data = tmp_path_factory.mktemp("one") / "data"
    with SampleSites() as sites:
        assert crawl(sites.seeds, data, CrawlOptions(delay=DELAY, quiet=True, update_index=False)) == 0
        asked = Counter((e.site, e.path) for e in sites.log)
        with Store.open(data) as store:
            yield sites, records(store), asked


def test_three_workers_store_what_one_does_and_ask_nothing_twice(single, pg_url, tmp_path):
    sites, expected, asked_by_one = single
    start = len(sites.log)
    procs = workers(sites, pg_url, tmp_path, ["w0", "w1", "w2"], lease=30)
    assert [p.wait(timeout=300) for p in procs] == [0, 0, 0]
    entries = sites.log[start:]
    asked = Counter((e.site, e.path) for e in entries)
    assert asked == asked_by_one  # the same requests, once each, as one worker makes
    check_polite(sites, entries)
    with PgStore.open(pg_url) as store:
        assert records(store) == expected
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT COUNT(*) FROM crawl_urls WHERE status = 'queued'").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM crawl_runs WHERE finished IS NOT NULL").fetchone()[0] == 1
        # each worker's archive progress is its own (how the work spread depends on which started first)
        assert conn.execute("SELECT bool_and(name LIKE '%:%/govnews-%') FROM crawl_warcs").fetchone()[0]


@pytest.mark.xfail(strict=False, reason="known defect (issue 12, open): under load the surviving workers can end "
                   "before taking over every host of a worker killed early; passes on an idle machine")
def test_a_killed_worker_is_replaced(single, pg_url, tmp_path):
    sites, expected, asked_by_one = single
    start = len(sites.log)
    procs = workers(sites, pg_url, tmp_path, ["w0", "w1", "w2"], lease=6)
    deadline = time.monotonic() + 60
    while len(sites.log) - start < 15:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.kill(procs[0].pid, signal.SIGKILL)
    assert procs[0].wait(timeout=10) == -signal.SIGKILL
    assert [p.wait(timeout=300) for p in procs[1:]] == [0, 0]
    with PgStore.open(pg_url) as store:
        assert records(store) == expected
    entries = sites.log[start:]
    asked = Counter((e.site, e.path) for e in entries)
    again = {k: n - asked_by_one.get(k, 0) for k, n in asked.items() if n > asked_by_one.get(k, 0)}
    # only what the killed worker had in flight (one request per host at most) is asked again
    assert set(again.values()) <= {1} and len({site for site, _ in again}) == len(again), again
    assert set(asked) == set(asked_by_one)
    check_polite(sites, entries)


def test_reprocess_and_sites_with_db(single, pg_url, tmp_path, capsys):
    sites, expected, _ = single
    data = tmp_path / "w"
    assert crawl(sites.seeds, data, CrawlOptions(delay=DELAY, quiet=True, db=pg_url, update_index=False)) == 0
    with PgStore.open(pg_url) as store:
        assert records(store) == expected
        seq = scalar(store, "SELECT MAX(change_seq) FROM articles")
    # every archived page again through the extractor, from this worker's WARC files: nothing changes
    assert cli.main(["reprocess", "--data", str(data), "--db", pg_url]) == 0
    assert re.search(r"reprocessed [1-9]\d* archived pages: articles 0 new, 0 changed, \d+ unchanged",
                     capsys.readouterr().err)
    with PgStore.open(pg_url) as store:
        assert records(store) == expected
        assert scalar(store, "SELECT MAX(change_seq) FROM articles") == seq  # no article stored again
    assert cli.main(["sites", "--data", str(tmp_path / "none"), "--db", pg_url, "--format", "jsonl"]) == 0
    summaries = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    by_host = Counter(urlsplit(url).netloc for url in expected)
    assert {s["site"]: s["articles"] for s in summaries if s["articles"]} == dict(by_host)
    assert all(s["pages_fetched"] >= s["articles"] for s in summaries)
    assert sum(s["not_articles"] for s in summaries) > 0
