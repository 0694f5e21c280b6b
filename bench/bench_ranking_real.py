"""Ranking of multi-syllable words on a real portal's archive (issue 15), with and without diacritics.

    python -m bench.bench_ranking_real [--keep DIR] [--show] [--shared ../shared]

Corpus: every page of ../shared/realsites/krongno.daknong.gov.vn/ extracted with
``extract.extract_article`` (what a crawl stores: the pages of type "article"), plus the
article pages of other portals in ../shared/realpages/. Queries: Vietnamese words of
several syllables as people type them, each once with diacritics and once without. A page
is relevant when it holds the word as a phrase (its syllables side by side, in the title,
summary or body). Prints precision at 5 (relevant pages in the top 5, over min(5, relevant
pages)) and MRR@10, for each form of the queries, and the time to segment the corpus.
``--keep DIR`` keeps the extracted records (extraction is the slow part) and reuses them.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import index.searchindex as searchindex
from extract import extract_article
from index.analyzer import fold, normalize_text, terms
from index.search import search
from index.store import Store

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"  # ../shared, as the tests find it
SITE = "realsites/krongno.daknong.gov.vn"
SITE_URL = "http://krongno.daknong.gov.vn/"

# Words of several syllables found in the archive, chosen where its pages also hold the syllables
# apart ("an toàn giao thông ... thông tin đại chúng" holds every syllable of "an toàn thông tin").
QUERIES = (
    "an toàn thông tin", "dịch vụ công", "cải cách hành chính", "nông thôn mới", "an toàn giao thông",
    "công nghệ thông tin", "kinh tế xã hội", "tiếp công dân", "thủ tục hành chính", "cán bộ công chức",
    "đơn thư", "tín dụng", "cho vay", "kiểm toán", "hội nông dân", "đại biểu quốc hội", "vệ sinh môi trường",
    "thông tin đại chúng", "trật tự an toàn xã hội",
)


def _pages(shared: Path) -> list[tuple[Path, str]]:
    found = []
    site = shared / SITE
    for path in sorted(site.rglob("index.html")):
        slug = path.parent.relative_to(site).as_posix()
        found.append((path, SITE_URL + ("" if slug == "." else slug + "/")))
    for path in sorted((shared / "realpages").glob("*.html")):
        if not path.name.startswith("krongno"):  # those are pages of the saved site above
            found.append((path, f"http://realpages.test/{path.stem}/"))
    return found


def fill(data_dir: Path, shared: Path) -> int:
    """Extract the pages into a records store; returns the number of articles stored."""
    stored = 0
    with Store.open(data_dir) as store:
        for path, url in _pages(shared):
            try:
                article = extract_article(path.read_bytes(), url)
            except Exception:  # an empty or broken page: a crawl would skip it too
                continue
            if article.page_type == "article":
                store.save_article(article, fetched_at="2024-01-01T00:00:00+00:00")
                stored += 1
    return stored


def _folded(text: str | None) -> list[str]:
    return [t.folded for t in terms(normalize_text(text or ""))]


def judgments(data_dir: Path) -> dict[str, set[str]]:
    """query -> urls of the pages holding it as a phrase."""
    with Store.open(data_dir, create=False) as store:
        rows = store.conn.execute("SELECT url, title, summary, body FROM articles").fetchall()
    docs = {url: _folded("\n".join(p or "" for p in parts)) for url, *parts in rows}
    relevant = {}
    for query in QUERIES:
        words = _folded(query)
        n = len(words)
        relevant[query] = {url for url, d in docs.items() if any(d[i:i + n] == words for i in range(len(d) - n + 1))}
    return relevant


def measure(data_dir: Path, relevant: dict[str, set[str]], show: bool) -> dict[str, tuple[float, float]]:
    report = {}
    for label, typed in (("with diacritics", lambda q: q), ("without diacritics", fold)):
        p5 = rr = 0.0
        for query in QUERIES:
            urls = [hit.url for hit in search(data_dir, typed(query), limit=10).hits]
            rel = relevant[query]
            top = sum(url in rel for url in urls[:5]) / max(1, min(5, len(rel)))
            first = next((1 / (i + 1) for i, url in enumerate(urls) if url in rel), 0.0)
            p5, rr = p5 + top, rr + first
            if show:
                marks = "".join("+" if url in rel else "." for url in urls[:5])
                print(f"  {marks:5}  P@5 {top:.2f}  RR {first:.2f}  {typed(query)} ({len(rel)} relevant)")
        report[label] = (p5 / len(QUERIES), rr / len(QUERIES))
        print(f"{label:19} P@5 {report[label][0]:.3f}  MRR@10 {report[label][1]:.3f}  ({len(QUERIES)} queries)")
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR", help="use/keep this data folder (reuses its records)")
    parser.add_argument("--show", action="store_true", help="print each query's top 5 (+ relevant, . not)")
    parser.add_argument("--shared", metavar="DIR", type=Path, default=SHARED, help="the shared fixtures folder")
    args = parser.parse_args()
    if not (args.shared / SITE).is_dir():
        print(f"no saved site at {args.shared / SITE} (give --shared DIR)", file=sys.stderr)
        return 2
    data_dir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="govnews-real-"))
    try:
        if not (data_dir / "records.sqlite").exists():
            started = time.monotonic()
            stored = fill(data_dir, args.shared)
            print(f"records: {stored} articles extracted in {time.monotonic() - started:.0f} s")
        relevant = judgments(data_dir)
        missing = [q for q, urls in relevant.items() if not urls]
        if missing:
            print(f"queries no page holds (left out): {missing}", file=sys.stderr)
        started = time.monotonic()
        done = searchindex.update_index(data_dir, rebuild=True)
        print(f"indexing: {done} articles in {time.monotonic() - started:.1f} s")
        measure(data_dir, relevant, args.show)
    finally:
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
