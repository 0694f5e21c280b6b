"""Full-text search over the whoosh index: ``search()`` and what it returns.

Matching: articles with every query word (a year excepted: "ngân sách 2022" also
means "published in 2022") come first; when fewer than a page of them exist,
articles with some of the words follow, ranked by how well they match.

Ranking: BM25F over title (boosted), body and portal metadata (portal name,
category); each word scores its exact form and its folded form, so an exact
spelling earns both; adjacent query words also score as a phrase (Vietnamese
words are several syllables: "hành chính"), the query's words of several syllables
score when the article holds them as words ("an_toàn", see index/analyzer.py), and a
run of three or more query words found whole scores more ("an toàn thông tin", not
"an toàn giao thông … thông tin đại chúng"); recent articles get a small boost.
Known abbreviations match their expansions and back ("BHYT" / "bảo hiểm y tế").

The parts: index/query.py (the query language), index/evaluation.py (numpy evaluation of
whole posting lists; index/whoosh_access.py reads whoosh's storage), index/ranking.py (scores,
bonuses, top results), index/snippets.py (facets, snippets). The open index, its arrays and
recently read postings stay in memory between searches (one index per process, shared by
threads). bench/bench_index.py measures the speed, bench/bench_ranking*.py the ranking.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from whoosh import index as whoosh_index
from whoosh.scoring import BM25F

from base.datadir import index_dir
from base.errors import BadInput
from index.documents import get_document
from index.evaluation import Evaluation, IndexArrays
from index.query import ParsedQuery, QueryError, build_filter, build_query, needs_fallback, parse_date, parse_query
from index.ranking import rank
from index.searchindex import document_title
from index.snippets import make_snippet, snippet_terms
from index.store import Store, open_records

__all__ = ["QueryError", "SearchHit", "SearchResult", "parse_date", "search"]

MAX_LIMIT = 1000
MATCH_ALL_FIRST = True  # articles with every query word first (see search())
BM25_PARAMS = {"B": 0.75, "K1": 1.2}
OPEN_INDEXES = 4  # indexes (data folders) kept open by one process


@dataclass
class SearchHit:
    id: int
    url: str
    title: str | None
    site: str | None
    published: str | None
    score: float
    snippet: str
    snippet_html: str
    site_name: str | None = None  # the portal's own name, for people; ``site`` is the host
    type: str = "article"  # or "document": one page of an attachment (``id`` is then the document's id)
    document_id: int | None = None
    page: int | None = None  # the document's page holding the match (1-based)
    article_url: str | None = None  # the article the document is attached to


@dataclass
class SearchResult:
    total: int
    hits: list[SearchHit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    page: int = 1
    pages: int = 0


# index folder -> (folder inode, searcher, arrays), shared by the threads of a process (the web server
# answers each request in a new thread) and used by one search at a time: a whoosh reader's files
# have one read position, and the searches are CPU-bound anyway.
_OPEN: dict[Path, tuple] = {}
_OPEN_LOCK = threading.Lock()


def open_index(data_dir: Path) -> tuple:
    """(searcher, IndexArrays) of the current index, kept between searches (call with _OPEN_LOCK held).

    Opening an index and reading its arrays cost more than many searches; the inode check
    notices a rebuild swapped in, ``up_to_date`` an incremental update.
    """
    path = index_dir(Path(data_dir))
    if not whoosh_index.exists_in(str(path)):
        open_records(data_dir).close()  # "no records ... run govnews crawl first" when that is the cause
        raise BadInput(f"no search index in {path}: run govnews index")
    cache = _OPEN
    inode = path.stat().st_ino
    cached = cache.get(path)
    if cached and cached[0] == inode and cached[1].up_to_date():
        return cached[1], cached[2]
    # Opened anew, not refresh()ed: whoosh reuses the reader of a segment that has since had documents
    # deleted (a changed document's pages) and would keep showing them.
    if cached:
        cached[1].close()
    searcher = whoosh_index.open_dir(str(path)).searcher(weighting=BM25F(**BM25_PARAMS))
    arrays = IndexArrays(searcher)
    cache.pop(path, None)
    cache[path] = (inode, searcher, arrays)
    while len(cache) > OPEN_INDEXES:  # the least recently opened goes
        cache.pop(next(iter(cache)))[1].close()
    return searcher, arrays


def check_paging(sort: str, limit: int, page: int) -> None:
    """The options both search engines share: a QueryError names a bad one."""
    if sort not in ("relevance", "date"):
        raise QueryError(f"--sort must be relevance or date, not {sort!r}")
    if not 1 <= int(limit) <= MAX_LIMIT:
        raise QueryError(f"--limit must be between 1 and {MAX_LIMIT}")
    if int(page) < 1:
        raise QueryError("--page must be 1 or more")


def search(data_dir: Path, query: str, *, since=None, until=None, site=None, category=None, kind=None,
           sort: str = "relevance", limit: int = 10, page: int = 1) -> SearchResult:
    """Search the index of ``data_dir``; raises QueryError for a query or option that cannot be used.

    Articles with every query word come first. When fewer than ``limit`` have them all,
    articles with some of the words follow (by relevance), and the total and facets count those.
    ``kind`` ("article" | "document") keeps one kind of hit; by default both (a document hit is one page).
    """
    check_paging(sort, limit, page)
    parsed = parse_query(query)
    flt = build_filter(since, until, site, category, kind)
    wanted = page * limit
    with _OPEN_LOCK:
        searcher, arrays = open_index(data_dir)
        evaluation = Evaluation(arrays)
        allowed = arrays.live
        if flt is not None:
            allowed = allowed & evaluation.evaluate(flt)[0]
        run = (arrays, evaluation, parsed, allowed, sort, wanted)
        ranked, total, facets = rank(build_query(parsed, match_all=MATCH_ALL_FIRST), *run)
        if MATCH_ALL_FIRST and total < limit and needs_fallback(parsed):
            more, total, facets = rank(build_query(parsed, match_all=False), *run)
            seen = {docnum for docnum, _ in ranked}
            ranked += [(docnum, score) for docnum, score in more if docnum not in seen]
        start = (page - 1) * limit
        shown = [(searcher.stored_fields(docnum), score) for docnum, score in ranked[start:start + limit]]
    hits = _hits(data_dir, shown, parsed)
    return SearchResult(total=total, hits=hits, facets=facets, page=page,
                        pages=math.ceil(total / limit) if total else 0)


def _hits(data_dir: Path, found: list[tuple[dict, float]], parsed: ParsedQuery) -> list[SearchHit]:
    if not found:
        return []
    wanted = snippet_terms(parsed)
    hits = []
    with Store.open(data_dir, create=False) as store:
        for stored, score in found:
            hit = (_document_hit(store, stored, wanted) if stored.get("type") == "document"
                   else _article_hit(store, int(stored["key"]), wanted))
            if hit is None:  # deleted from the records after indexing
                continue
            hit.score = round(float(score), 4)
            hits.append(hit)
    return hits


def _article_hit(store: Store, article_id: int, wanted) -> SearchHit | None:
    article = store.get_article(article_id)
    if article is None:
        return None
    text = article.get("summary") or ""
    text = f"{text}\n\n{article['body']}" if text else article["body"]
    plain, marked = make_snippet(text, wanted)
    return SearchHit(id=article_id, url=article["url"], title=article["title"], site=article["site"],
                     published=article["published"], score=0.0, snippet=plain, snippet_html=marked,
                     site_name=article.get("site_name"))


def _document_hit(store: Store, stored: dict, wanted) -> SearchHit | None:
    doc = get_document(store, int(stored["document_id"]))
    page = next((p for p in (doc or {}).get("pages") or [] if p["n"] == stored["page"]), None)
    if page is None:
        return None
    article = store.get_article_by_url(doc["article_url"]) if doc.get("article_url") else None
    plain, marked = make_snippet(page["text"] or "", wanted)
    return SearchHit(id=doc["id"], url=doc["url"], title=document_title(doc),
                     site=(article or {}).get("site") or urlsplit(doc["url"]).hostname,
                     published=doc.get("date") or (article or {}).get("published"), score=0.0,
                     snippet=plain, snippet_html=marked, site_name=(article or {}).get("site_name"),
                     type="document", document_id=doc["id"], page=page["n"], article_url=doc.get("article_url"))
