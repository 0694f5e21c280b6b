"""Re-processing throughput: one machine's ``govnews reprocess`` beside the Spark job on local[1] and local[2].

    python bench/bench_spark.py [--articles 2000] [--hosts 8] [--data DIR]

Without ``--data`` it crawls a generated portal family (``bench_crawl``'s pages: N articles over 8 hosts on
127.0.0.1) into a temporary data folder; with ``--data`` it uses an existing one (e.g. a real crawl). All three
runs read the same WARC files. Pages/s counts the archived HTML pages (what one machine re-extracts: the 2xx
``page`` rows of the crawl state) over the run's wall time. For Spark it also prints the session start-up and
the per-job overhead (the same job on a WARC file of one page), and the rate with that overhead taken out.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from base.warcread import iter_responses  # noqa: E402
from cluster.spark import run_job, spark_session  # noqa: E402
from crawler.pipeline import CrawlOptions, crawl, reprocess  # noqa: E402
from index.searchindex import update_index  # noqa: E402

QUIET_CONF = {"spark.ui.showConsoleProgress": "false"}


def crawl_family(data: Path, articles: int, hosts: int) -> None:
    from bench.bench_crawl import start_sites

    servers, seeds = start_sites(hosts, (articles + hosts - 1) // hosts)
    try:
        crawl(seeds, data, CrawlOptions(delay=0.0, quiet=True, update_index=False, attachments=False))
    finally:
        for server in servers:
            server.shutdown()


def archived_pages(data: Path) -> int:
    conn = sqlite3.connect(data / "records.sqlite")
    return conn.execute("SELECT COUNT(*) FROM crawl_urls WHERE warc IS NOT NULL AND kind = 'page'"
                        " AND http_status BETWEEN 200 AND 299").fetchone()[0]


def one_page_warc(data: Path, target: Path) -> Path:
    """The archive's head up to its first HTML page: a job with (almost) nothing to do."""
    [first, *_] = sorted((data / "warc").glob("*.warc.gz"))
    for _offset, end, item in iter_responses(first):
        if item is not None and "html" in item.headers.get("content-type", ""):
            target.write_bytes(first.read_bytes()[:end])
            return target
    raise SystemExit(f"no HTML page in {first}")


def bench_spark(master: str, data: Path, tiny: Path, out: Path, pages: int) -> str:
    started = time.monotonic()
    spark = spark_session(master, quiet=True, conf=QUIET_CONF)
    spark.sparkContext.parallelize([0], 1).count()
    startup = time.monotonic() - started
    try:
        run_job(spark, [str(tiny)], str(out / "tiny"))  # warms the JVM and the Python workers
        overhead = run_job(spark, [str(tiny)], str(out / "tiny")).seconds
        result = run_job(spark, [str(data / "warc")], str(out / master))
    finally:
        spark.stop()
    work = max(result.seconds - overhead, 1e-9)
    return (f"spark {master:>9}: {pages / result.seconds:6.1f} pages/s ({result.seconds:.1f} s, "
            f"{result.ranges} ranges, {result.articles} articles, {result.indicators} indicators); "
            f"per-job overhead {overhead:.1f} s, "
            f"{pages / work:.1f} pages/s without it; session start-up {startup:.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--hosts", type=int, default=8)
    parser.add_argument("--data", type=Path, help="an existing data folder (default: crawl a generated one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="govnews-bench-spark-") as tmp:
        data = args.data or Path(tmp) / "data"
        if args.data is None:
            started = time.monotonic()
            crawl_family(data, args.articles, args.hosts)
            print(f"crawled {args.articles} articles over {args.hosts} hosts in {time.monotonic() - started:.1f} s")
        update_index(data)  # so that reprocess's own index update has nothing to do: extraction is measured
        pages = archived_pages(data)
        size = sum(p.stat().st_size for p in (data / "warc").glob("*.warc.gz"))
        print(f"{pages} archived pages, {size / 2**20:.1f} MB of WARC; {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f}")
        started = time.monotonic()
        reprocess(data, quiet=True)
        elapsed = time.monotonic() - started
        print(f"one machine        : {pages / elapsed:6.1f} pages/s ({elapsed:.1f} s, one process)")
        tiny = one_page_warc(data, Path(tmp) / "one-page.warc.gz")
        for master in ("local[1]", "local[2]"):
            print(bench_spark(master, data, tiny, Path(tmp) / "out", pages), flush=True)
        print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
