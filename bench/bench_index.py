"""Indexing and search speed of the govnews whoosh index on generated portal articles.

    python -m bench.bench_index [--docs 50000] [--procs 2] [--limitmb 256] [--no-multisegment] [--keep DIR]

Fills a records store with generated articles (bench/vn_corpus.py), builds the
search index from scratch with update_index, then runs a fixed query mix (words,
phrases, diacritic-free, abbreviations, filtered, date-sorted) and prints:
docs/s, index size, search latency p50/p95 (cold: the searcher's caches emptied
before each query; warm: repeated passes), per query kind, and peak memory (this process and
its indexing worker processes). Targets: >= 500 docs/s, p95 <= 100 ms, <= 500 MB.
"""
from __future__ import annotations

import argparse
import math
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import index.analyzer as analyzer_module
import index.searchindex as searchindex
from bench.vn_corpus import Generator
from index.query import bonus_query, parse_query
from index.search import open_index, search
from index.store import Store

# (kind, query, options): a fixed mix of the searches people run.
QUERY_MIX = (
    ("words", "cải cách hành chính", {}),
    ("no diacritics", "cai cach hanh chinh", {}),
    ("words", "hộ nghèo", {}),
    ("no diacritics", "ho can ngheo", {}),
    ("phrase", '"hộ nghèo"', {}),
    ("phrase", '"thu ngan sach"', {}),
    ("words", "thu ngân sách Ba Tơ 2022", {}),
    ("no diacritics", "ngan sach Minh Long 2023", {}),
    ("words", "nông thôn mới", {}),
    ("abbreviation", "NTM", {}),
    ("abbreviation", "BHYT", {}),
    ("no diacritics", "bao hiem y te", {}),
    ("abbreviation", "OCOP 3 sao", {}),
    ("words", "năng suất lúa đông xuân", {}),
    ("no diacritics", "tuyen sinh lop 10", {}),
    ("words", "giải phóng mặt bằng", {}),
    ("abbreviation", "KT-XH", {}),
    ("words", "diễn tập chữa cháy", {}),
    ("words", "sốt xuất huyết", {}),
    ("filtered", "hộ nghèo", {"since": "2022-01-01", "until": "2022-12-31"}),
    ("filtered", "cai cach hanh chinh", {"site": "minhlong.quangngai.gov.vn"}),
    ("sorted/paged", "nong thon moi", {"sort": "date"}),
    ("sorted/paged", "bảo hiểm xã hội", {"page": 3}),
    ("words", "ủy ban nhân dân", {}),
)


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def time_searches(data_dir: Path, rounds: int) -> None:
    """Search latency: cold (each query with the searcher's postings caches emptied) and warm
    (the mix repeated: what a server answering the same words again sees).

    Wall time and CPU time are both printed: CPU time is what other work on the machine does not skew.
    """
    search(data_dir, "warm up: open the index")
    arrays = open_index(data_dir)[1]
    timings: dict[str, list[tuple[str, float, float]]] = {"cold": [], "warm": []}
    for round_no in range(rounds + 2):
        for kind, query, options in QUERY_MIX:
            if round_no == 0:
                arrays.clear_caches()
            t, c = time.perf_counter(), time.process_time()
            search(data_dir, query, **options)
            if round_no != 1:  # the pass after the cold one fills the caches again and is not counted
                timings["cold" if round_no == 0 else "warm"].append(
                    (kind, (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000))
    for name, rows in timings.items():
        wall, cpu = [r[1] for r in rows], [r[2] for r in rows]
        print(f"search {name}: {len(rows)} queries, p50 {statistics.median(wall):.0f} ms, "
              f"p95 {percentile(wall, 0.95):.0f} ms, max {max(wall):.0f} ms (CPU time: p50 "
              f"{statistics.median(cpu):.0f} ms, p95 {percentile(cpu, 0.95):.0f} ms; "
              f"load average {os.getloadavg()[0]:.1f})")
        for kind in dict.fromkeys(k for k, _, _ in QUERY_MIX):
            wall = [r[1] for r in rows if r[0] == kind]
            print(f"  {kind:14} p50 {statistics.median(wall):5.0f} ms  p95 {percentile(wall, 0.95):5.0f} ms")


def segmentation_cost(data_dir: Path, sample: int = 300, underthesea: bool = False) -> None:
    """What cutting text into words costs (index/analyzer.py): per article at indexing, per query at search."""
    with Store.open(data_dir) as store:
        texts = [r[0] for r in store.conn.execute("SELECT body FROM articles LIMIT ?", (sample,))]
    analyzer_module.dictionary()  # loaded once per process
    started = time.process_time()
    for text in texts:
        for _ in analyzer_module.vietnamese_analyzer()(text, positions=True):
            pass
    syllables = (time.process_time() - started) / len(texts) * 1000
    started = time.process_time()
    for text in texts:
        for _ in analyzer_module.word_analyzer()(text):
            pass
    words = (time.process_time() - started) / len(texts) * 1000
    print(f"analysis per article (CPU): {syllables:.2f} ms syllables, {words:.2f} ms words (longest match)")
    queries = [q for _, q, _ in QUERY_MIX]
    started = time.process_time()
    for q in queries:
        bonus_query(parse_query(q))
    print(f"query parsing with words: {(time.process_time() - started) / len(queries) * 1000:.2f} ms per query")
    if underthesea:
        from underthesea import word_tokenize

        started = time.process_time()
        for text in texts[:50]:
            word_tokenize(text)
        print(f"underthesea word_tokenize (CRF): {(time.process_time() - started) / min(50, len(texts)) * 1000:.1f} "
              f"ms per article")


def fill(data_dir: Path, docs: int) -> float:
    gen = Generator(seed=7)
    started = time.monotonic()
    with Store.open(data_dir) as store:
        for n in range(docs):
            _, article = gen.article(n)
            store.save_article(article, fetched_at="2024-01-01T00:00:00+00:00")
    return time.monotonic() - started


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: a figure other work on the machine does not skew."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=50_000)
    parser.add_argument("--procs", type=int, default=searchindex.BULK_WRITER["procs"])
    parser.add_argument("--limitmb", type=int, default=searchindex.BULK_WRITER["limitmb"])
    parser.add_argument("--no-multisegment", action="store_true")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the query mix")
    parser.add_argument("--keep", metavar="DIR", help="use/keep this data folder (reuses its records)")
    parser.add_argument("--search-only", action="store_true", help="with --keep: time searches on the kept index")
    parser.add_argument("--underthesea", action="store_true", help="also time underthesea's CRF word_tokenize")
    args = parser.parse_args()

    searchindex.BULK_WRITER.update(procs=args.procs, limitmb=args.limitmb, multisegment=not args.no_multisegment)
    data_dir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="govnews-bench-"))
    try:
        with Store.open(data_dir) as store:
            have = store.count_articles()
        if have < args.docs:
            took = fill(data_dir, args.docs - have)
            print(f"records: {args.docs - have} generated articles stored in {took:.1f} s")
        with Store.open(data_dir) as store:
            total = store.count_articles()
            chars = store.conn.execute("SELECT AVG(LENGTH(body)) FROM articles").fetchone()[0]
        print(f"articles: {total}, average body {chars:.0f} characters")
        print(f"writer: {searchindex.BULK_WRITER}, commit every {searchindex.COMMIT_EVERY}")
        segmentation_cost(data_dir, underthesea=args.underthesea)

        if not args.search_only:
            started, cpu = time.monotonic(), cpu_seconds()
            done = searchindex.update_index(data_dir, rebuild=True)
            took, cpu = time.monotonic() - started, cpu_seconds() - cpu
            print(f"indexing: {done} docs in {took:.1f} s = {done / took:.0f} docs/s "
                  f"({cpu:.0f} CPU s = {done / cpu:.0f} docs per CPU second; load average {os.getloadavg()[0]:.1f})")
        index_bytes = du(data_dir / "index")
        print(f"index size: {index_bytes / 2**20:.1f} MB ({index_bytes / total:.0f} bytes/doc)")

        time_searches(data_dir, args.rounds)
        own, children = peak_mb()
        print(f"peak memory: {own:.0f} MB (this process), {children:.0f} MB (largest indexing worker)")
    finally:
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
