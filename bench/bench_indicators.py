"""Indicator extraction speed: articles/s and sentences/s on ~2,500-character articles, and peak memory.

    python -m bench.bench_indicators [--articles N]      (from the project root)

Articles are built from the sentences of the seed article, of the sample portal pages'
bodies (tests/data/pages, extracted with extract_article) and of the test suite's sentence
cases, drawn with a fixed seed so every run measures the same texts. Pin it to one core
with `taskset -c 0` to measure single-core speed.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

from extract.article import extract_article
from extract.indicators import extract_indicators
from extract.indicators.nlp import first_word, warm_up
from extract.indicators.spans import split_sentences
from tests.test_indicators_cases import CASES, NEGATIVES

ROOT = Path(__file__).resolve().parent.parent

ARTICLE_CHARS = 2500


def build_articles(n: int) -> list[str]:
    raw = (ROOT / "tests" / "data" / "seed" / "minh-long-2023-08-18.txt").read_text(encoding="utf-8")
    seed_body = raw[raw.index("Sáng ngày 02/8/2023"):raw.index("\n\nHà Trinh")]
    bodies = [seed_body] + [extract_article(page.read_bytes()).body
                            for page in sorted((ROOT / "tests" / "data" / "pages").glob("*.html"))]
    pool = [c[0] for c in CASES] + NEGATIVES + [body[a:b] for body in bodies for a, b in split_sentences(body)]
    rng = random.Random(20230818)
    articles = []
    for _ in range(n):
        paragraphs, para, size = [], [], 0
        while size < ARTICLE_CHARS:
            sentence = rng.choice(pool)
            para.append(sentence)
            size += len(sentence) + 1
            if len(para) >= rng.randint(3, 6):
                paragraphs.append(" ".join(para))
                para = []
        paragraphs.append(" ".join(para))
        articles.append("\n\n".join(p for p in paragraphs if p))
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    args = parser.parse_args()
    t0 = time.perf_counter()
    warm_up()  # model loading is a one-time cost per process, reported apart
    warm = time.perf_counter() - t0
    articles = build_articles(args.articles)
    sentences = sum(len(split_sentences(a)) for a in articles)
    chars = sum(len(a) for a in articles)
    t0, c0 = time.perf_counter(), time.process_time()
    figures = 0
    for article in articles:
        first_word.cache_clear()  # the pool repeats sentences; real articles would not hit the cache
        figures += len(extract_indicators(article, title="Sơ kết 6 tháng đầu năm 2023"))
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(articles)} (avg {chars // len(articles)} chars), sentences: {sentences}, "
          f"figures: {figures}")
    print(f"warm-up (model load): {warm:.2f} s")
    print(f"articles/s: {len(articles) / elapsed:.1f} wall, {len(articles) / cpu:.1f} per CPU second")
    print(f"sentences/s: {sentences / elapsed:.0f} wall, {sentences / cpu:.0f} per CPU second")
    print(f"peak memory (RSS): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
