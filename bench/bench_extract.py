"""Extraction speed: govnews extract_article vs trafilatura.bare_extraction on the same pages.

Run by hand from the project root:  python -m bench.bench_extract [--pages 2000]
The sample pages (tests/data/pages/*.html) are repeated until --pages pages have been
extracted by each extractor; pages/s are printed, then the peak Python heap (tracemalloc,
in a separate pass so tracing does not distort the timings) and the process's peak RSS.
Exit status 1 if govnews is slower than trafilatura.
"""
from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
import tracemalloc
from pathlib import Path

from extract import extract_article
from extract.decode import decode_html

ROOT = Path(__file__).resolve().parent.parent


def _run(name: str, fn, pages: list, n: int) -> float:
    """Time n extractions (no tracing: tracemalloc slows Python code several times over)."""
    for data in pages:  # warm-up: imports, regex compilation
        fn(data)
    start = time.perf_counter()
    for data in itertools.islice(itertools.cycle(pages), n):
        fn(data)
    elapsed = time.perf_counter() - start
    rate = n / elapsed
    print(f"{name:<30} {n:>6} pages  {elapsed:7.2f} s  {rate:8.1f} pages/s  {1000 * elapsed / n:6.2f} ms/page")
    return rate


def _peak_heap(fn, pages: list) -> float:
    """Peak Python heap (MB) while extracting every sample page once."""
    tracemalloc.start()
    for data in pages:
        fn(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages per extractor (default 2000)")
    args = parser.parse_args()
    pages = [p.read_bytes() for p in sorted((ROOT / "tests" / "data" / "pages").glob("*.html"))]
    if not pages:
        print("no sample pages found in tests/data/pages", file=sys.stderr)
        return 1
    from trafilatura import bare_extraction

    print(f"{len(pages)} sample pages, {sum(map(len, pages)) / len(pages) / 1024:.1f} KiB on average, "
          f"repeated to {args.pages}")
    # trafilatura gets the decoded text govnews starts from; govnews also pays for decoding the bytes.
    texts = [decode_html(p) for p in pages]
    traf = lambda t: bare_extraction(t, with_metadata=True)  # noqa: E731
    ours = _run("govnews extract_article", extract_article, pages, args.pages)
    theirs = _run("trafilatura bare_extraction", traf, texts, args.pages)
    print("peak Python heap (tracemalloc; lxml's C memory not included) per pass over the samples: "
          f"govnews {_peak_heap(extract_article, pages):.2f} MB, trafilatura {_peak_heap(traf, texts):.2f} MB")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS {rss:.0f} MB; govnews / trafilatura speed: {ours / theirs:.2f}x")
    if ours < theirs:
        print("govnews is SLOWER than trafilatura", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
