"""Ranking quality of govnews search on a judged query set, against simpler analyzers.

    python -m bench.bench_ranking [--background 800] [--show]

Corpus: generated portal articles (bench/vn_corpus.py), plus for each judged query
one to three target articles of the query's subject, district and year. An article
is relevant to a query when its subject and district (and year, when the query
names one) are the query's. A third of the queries are typed without diacritics.

Variants:
  standard    whoosh StandardAnalyzer (stop list, min length 2), title^3 + body, any word
  folding     whoosh RegexTokenizer + lower case + accent folding, no stop list, title^3 + body, any word
  govnews     index.searchindex + index.search as shipped
  govnews-any the same index, ranking all articles with any query word (MATCH_ALL_FIRST off)
Generated text has no words that read differently cut differently: bench/bench_ranking_real.py
measures the word segmentation (index/analyzer.py) on a real portal's archive.
Prints MRR@10, recall@10, nDCG@10 overall and on the queries without diacritics.
"""
from __future__ import annotations

import argparse
import math
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StandardAnalyzer
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import MultifieldParser, OrGroup
from whoosh.support.charset import accent_map

import index.search as search_module
import index.searchindex as searchindex
from bench.vn_corpus import DISTRICTS, Generator
from index.analyzer import fold
from index.store import Store

# subject -> query templates ({district}, {year}); what people type to find such reports.
QUERY_TEMPLATES = {
    "cchc": ("cải cách hành chính {district} {year}", "kết quả cải cách hành chính huyện {district}"),
    "ngheo": ("hộ nghèo {district} năm {year}", "rà soát hộ cận nghèo {district}"),
    "ngansach": ("thu ngân sách {district} {year}", "dự toán ngân sách huyện {district} {year}"),
    "ntm": ("nông thôn mới {district}", "xã đạt chuẩn nông thôn mới {district} {year}"),
    "ocop": ("sản phẩm OCOP {district}", "OCOP 3 sao {district}"),
    "lua": ("năng suất lúa {district} {year}", "vụ Đông Xuân {district} {year}"),
    "bhyt": ("bảo hiểm xã hội {district} {year}", "BHYT {district} {year}"),
    "giaoduc": ("tổng kết năm học {district} {year}", "tuyển sinh lớp 10 {district} {year}"),
    "giaothong": ("giải phóng mặt bằng đường {district}", "khởi công cầu {district}"),
    "bau_cu": ("kỳ họp HĐND huyện {district}", "hiệp thương bầu cử HĐND {district}"),
    "pccc": ("diễn tập chữa cháy {district}", "phòng cháy chữa cháy rừng {district} {year}"),
    "yte": ("tiêm chủng mở rộng {district} {year}", "sốt xuất huyết {district}"),
}


def build(background: int, seed: int = 11):
    """(articles with their (subject, district, year), judged queries [(text, subject, district, year|None)])."""
    gen = Generator(seed)
    rng = random.Random(seed)
    items = [gen.article(n) for n in range(background)]
    labelled = [(a, t, a.site_name.removeprefix("UBND huyện "), int(a.published[:4])) for t, a in items]
    queries = []
    for subject, templates in QUERY_TEMPLATES.items():
        for template in templates:
            district, year = rng.choice(DISTRICTS), rng.randint(2018, 2024)
            for _ in range(rng.randint(1, 3)):
                _, article = gen.article(len(labelled), topic=subject, district=district, year=year)
                labelled.append((article, subject, district, year))
            text = template.format(district=district, year=year)
            if len(queries) % 3 == 2:
                text = fold(text)
            queries.append((text, subject, district, year if "{year}" in template else None))
    rng.shuffle(labelled)
    return labelled, queries


def relevant(labelled, query) -> set[str]:
    _, subject, district, year = query
    return {a.url for a, s, d, y in labelled if s == subject and d == district and (year is None or y == year)}


def metrics(ranked: list[str], rel: set[str]) -> tuple[float, float, float]:
    top = ranked[:10]
    rr = next((1 / (i + 1) for i, url in enumerate(top) if url in rel), 0.0)
    recall = sum(url in rel for url in top) / min(len(rel), 10)
    dcg = sum(1 / math.log2(i + 2) for i, url in enumerate(top) if url in rel)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(rel), 10)))
    return rr, recall, dcg / ideal


def plain_whoosh(labelled, analyzer, workdir: Path):
    schema = Schema(url=ID(stored=True, unique=True), title=TEXT(analyzer=analyzer, field_boost=3.0),
                    body=TEXT(analyzer=analyzer))
    ix = whoosh_index.create_in(str(workdir), schema)
    with ix.writer(limitmb=256) as w:
        for article, *_ in labelled:
            w.add_document(url=article.url, title=article.title, body=article.body)
    parser = MultifieldParser(["title", "body"], schema, group=OrGroup)

    def run(text: str) -> list[str]:
        with ix.searcher() as s:
            return [hit["url"] for hit in s.search(parser.parse(text), limit=10)]
    return run


def govnews(labelled, workdir: Path):
    with Store.open(workdir) as store:
        for article, *_ in labelled:
            store.save_article(article, fetched_at="2024-01-01T00:00:00+00:00")
    searchindex.update_index(workdir, rebuild=True)
    return lambda text: [hit.url for hit in search_module.search(workdir, text, limit=10).hits]


def evaluate(name: str, run, queries, labelled) -> dict:
    rows = []
    started = time.monotonic()
    for query in queries:
        rows.append((query[0] == fold(query[0]), metrics(run(query[0]), relevant(labelled, query))))
    took = time.monotonic() - started
    report = {"name": name}
    for label, subset in (("all", rows), ("no diacritics", [r for r in rows if r[0]])):
        n = len(subset) or 1
        report[label] = tuple(sum(m[i] for _, m in subset) / n for i in range(3))
    print(f"{name:12} MRR@10 {report['all'][0]:.3f}  recall@10 {report['all'][1]:.3f}  nDCG@10 {report['all'][2]:.3f}"
          f"  | no diacritics: MRR {report['no diacritics'][0]:.3f}  recall {report['no diacritics'][1]:.3f}"
          f"  nDCG {report['no diacritics'][2]:.3f}  ({took / len(queries) * 1000:.0f} ms/query)")
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--background", type=int, default=800, help="generated articles besides the targets")
    parser.add_argument("--show", action="store_true", help="print each query with its rank of the first hit")
    args = parser.parse_args()
    labelled, queries = build(args.background)
    plain = sum(q[0] == fold(q[0]) for q in queries)
    print(f"corpus: {len(labelled)} articles; {len(queries)} judged queries ({plain} without diacritics)")
    root = Path(tempfile.mkdtemp(prefix="govnews-rank-"))
    try:
        for name in ("standard", "folding", "govnews"):
            workdir = root / name
            workdir.mkdir()
            if name == "standard":
                run = plain_whoosh(labelled, StandardAnalyzer(), workdir)
            elif name == "folding":
                run = plain_whoosh(labelled, RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map), workdir)
            else:
                run = govnews(labelled, workdir)
            evaluate(name, run, queries, labelled)
            if name == "govnews":
                # the alternative design: rank every article with any query word, no "every word first"
                search_module.MATCH_ALL_FIRST = False
                evaluate("govnews-any", run, queries, labelled)
                search_module.MATCH_ALL_FIRST = True
            if args.show and name == "govnews":
                for query in queries:
                    ranked, rel = run(query[0]), relevant(labelled, query)
                    rank = next((i + 1 for i, url in enumerate(ranked) if url in rel), None)
                    print(f"   {rank!s:>4}  {query[0]}  ({len(rel)} relevant)")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
