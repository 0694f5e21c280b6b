"""`govnews serve` under load: many concurrent clients, with slow (slowloris) sockets held open beside them.

    python -m bench.bench_load [--clients 200] [--requests 2000] [--slow 50] [--docs 2000] [--data DIR]

Fills a data folder with generated articles (bench/vn_corpus.py) unless --data names one, starts
`govnews serve` on 127.0.0.1 in its own process, opens --slow sockets that send a request header one
byte at a time and never finish it, then lets --clients threads send --requests requests in all
(search page, JSON search, article page, figures API, static file), each on a new connection, all
clients starting together. Prints p50/p95/max latency, errors (no answer within --timeout, a reset, or
a status other than 200) and whether the server still answers after the slow sockets are gone.

Traffic goes to 127.0.0.1 only; the request count and the run time are bounded, and the server is stopped
at the end. Target: 0 errors, p95 well under a second on 2 cores.
"""
from __future__ import annotations

import argparse
import http.client
import math
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import cycle
from pathlib import Path

from bench.vn_corpus import Generator
from extract import extract_indicators
from index.searchindex import update_index
from index.store import Store

HOST = "127.0.0.1"
# The requests of the mix, cycled: what a person browsing and a tool polling the API send.
PATHS = (
    "/?q=c%E1%BA%A3i+c%C3%A1ch+h%C3%A0nh+ch%C3%ADnh",
    "/api/search?q=ho+ngheo&limit=10",
    "/articles/{article}",
    "/api/search?q=nong+thon+moi&sort=date&page=2",
    "/api/indicators?limit=20",
    "/static/style.css",
    "/",
    "/api/articles/{article}",
)
FIGURE_ARTICLES = 300  # articles given extracted figures, so the figures API has rows to send
SLOW_BYTE_EVERY = 2.0  # seconds between the bytes a slow socket sends


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if error:
                self.errors[error] += 1


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def fill(data_dir: Path, docs: int) -> None:
    gen = Generator(seed=11)
    with Store.open(data_dir) as store:
        for n in range(docs):
            _, article = gen.article(n)
            if n < FIGURE_ARTICLES:
                article.indicators = extract_indicators(article.body)
            store.save_article(article, fetched_at="2024-01-01T00:00:00+00:00")
    update_index(data_dir)


def start_server(data_dir: Path) -> tuple[subprocess.Popen, int]:
    """`govnews serve` on a free port, in its own process (its own interpreter lock, as in real use)."""
    command = [sys.executable, "-c", "import sys, cli; sys.exit(cli.main(sys.argv[1:]))",
               "serve", "--data", str(data_dir), "--host", HOST, "--port", "0"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    line = proc.stderr.readline()
    match = re.search(r"http://[^:]+:(\d+)/", line)
    if not match:
        proc.kill()
        raise SystemExit(f"the server did not start: {line.strip()} {proc.stderr.read()[:500]}")
    threading.Thread(target=lambda: proc.stderr.read(), daemon=True).start()  # drain its access log
    return proc, int(match.group(1))


def fetch(port: int, path: str, timeout: float) -> tuple[float, str | None]:
    started = time.perf_counter()
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path)
        reply = conn.getresponse()
        reply.read()
        error = None if reply.status == 200 else f"status {reply.status}"
    except (OSError, http.client.HTTPException) as err:
        error = type(err).__name__
    finally:
        conn.close()
    return time.perf_counter() - started, error


def slow_socket(port: int, stop: threading.Event, held: list[int]) -> None:
    """A slowloris client: a request header trickled one byte at a time, never finished."""
    try:
        sock = socket.create_connection((HOST, port), timeout=5)
    except OSError:
        return
    header = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-Padding: " + b"a" * 10_000
    sent = 0
    try:
        while not stop.is_set() and sent < len(header):
            sock.sendall(header[sent:sent + 1])
            sent += 1
            stop.wait(SLOW_BYTE_EVERY)
    except OSError:
        pass  # the server dropped it: what it should do with a header that never ends
    finally:
        held.append(sent)
        sock.close()


def run_load(port: int, clients: int, requests: int, timeout: float, article_ids: list[int]) -> Results:
    results = Results()
    paths = cycle(p.format(article=article_ids[n % len(article_ids)]) for n, p in enumerate(PATHS * 7))
    todo = iter(range(requests))
    lock = threading.Lock()
    start = threading.Barrier(clients)

    def client() -> None:
        start.wait()
        while True:
            with lock:
                if next(todo, None) is None:
                    return
                path = next(paths)
            results.add(*fetch(port, path, timeout))

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def server_threads(pid: int) -> int:
    try:
        return len(os.listdir(f"/proc/{pid}/task"))
    except OSError:
        return -1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--slow", type=int, default=50, help="slowloris sockets held open during the load")
    parser.add_argument("--docs", type=int, default=2000, help="generated articles (without --data)")
    parser.add_argument("--data", help="serve this data folder instead of generated articles")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a client waits for one answer")
    args = parser.parse_args()
    # 200 client threads each hold a socket; the slow ones and the server's side need descriptors too.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 4096)), hard))

    temp = None if args.data else Path(tempfile.mkdtemp(prefix="govnews-load-"))
    data_dir = Path(args.data) if args.data else temp / "data"
    try:
        if temp:
            t = time.monotonic()
            fill(data_dir, args.docs)
            print(f"archive: {args.docs} generated articles in {time.monotonic() - t:.1f} s")
        with Store.open(data_dir, create=False) as store:
            ids = [row[0] for row in store.conn.execute("SELECT id FROM articles ORDER BY id LIMIT 50")]
        proc, port = start_server(data_dir)
        try:
            fetch(port, PATHS[1], args.timeout)  # opens the index once, as any first search does
            stop, held = threading.Event(), []
            slow = [threading.Thread(target=slow_socket, args=(port, stop, held), daemon=True)
                    for _ in range(args.slow)]
            for t in slow:
                t.start()
            time.sleep(1.0)
            threads_before = server_threads(proc.pid)
            t = time.monotonic()
            results = run_load(port, args.clients, args.requests, args.timeout, ids)
            wall = time.monotonic() - t
            threads_after = server_threads(proc.pid)
            stop.set()
            for t_slow in slow:
                t_slow.join(10)
            after, after_error = fetch(port, PATHS[1], args.timeout)
        finally:
            proc.terminate()
            proc.wait(10)
    finally:
        if temp:
            shutil.rmtree(temp, ignore_errors=True)

    lat = [s * 1000 for s in results.latencies]
    failures = sum(results.errors.values())
    print(f"load: {args.clients} concurrent clients, {len(lat)} requests, {args.slow} slowloris sockets, "
          f"{wall:.1f} s ({len(lat) / wall:.0f} requests/s)")
    print(f"latency: p50 {statistics.median(lat):.0f} ms, p95 {percentile(lat, 0.95):.0f} ms, "
          f"max {max(lat):.0f} ms")
    print(f"errors: {failures}" + (f" ({dict(results.errors)})" if failures else ""))
    print(f"server threads: {threads_before} with the slow sockets open, {threads_after} after the load")
    print(f"slow sockets: {len(held)} ended, bytes sent before the server dropped them: "
          f"median {statistics.median(held) if held else 0:.0f}")
    print(f"after the load: {'answers' if after_error is None else after_error} ({after * 1000:.0f} ms)")
    return 0 if failures == 0 and after_error is None else 1


if __name__ == "__main__":
    sys.exit(main())
