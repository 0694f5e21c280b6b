"""The judged sample queries on PostgreSQL: each finds its article first, and the figures equal whoosh's.

MRR, recall@10 and nDCG@10 of the judged queries (tests/test_search_samples.py's JUDGED, with and
without diacritics) are computed on both engines over the same records; they must agree within 0.01.
"""
from __future__ import annotations

import math

import pytest
import test_search_samples
from conftest import pg_schema
from test_search_samples import (  # noqa: F401  (collected here again, on PostgreSQL)
    JUDGED,
    fill_samples,
    test_each_query_finds_its_article_first,
    test_judged_samples_exist,
    test_without_diacritics_the_same_article_comes_first,
)

from index import pgsearch
from index.analyzer import fold
from index.pgstore import PgStore
from index.search import search as whoosh_search
from index.searchindex import update_index
from index.store import Store

DEPTH = 10


@pytest.fixture(scope="module")
def data(pg_database):
    with pg_schema(pg_database) as url:
        with PgStore.open(url) as store:
            names = fill_samples(store)
        yield url, names


@pytest.fixture(autouse=True)
def on_postgres(monkeypatch):
    monkeypatch.setattr(test_search_samples, "search", pgsearch.search)


def judged_figures(search, where, names) -> dict[str, float]:
    """MRR, recall@10 and nDCG@10 (one relevant article per query) of the judged queries, diacritics and not."""
    queries = {**JUDGED, **{fold(q): name for q, name in JUDGED.items()}}
    ranks = []
    for query, expected in queries.items():
        got = [names[h.id] for h in search(where, query, limit=DEPTH).hits]
        ranks.append(got.index(expected) + 1 if expected in got else None)
    n = len(ranks)
    return {"mrr": sum(1 / r for r in ranks if r) / n, "recall": sum(1 for r in ranks if r) / n,
            "ndcg": sum(1 / math.log2(r + 1) for r in ranks if r) / n}


def test_judged_figures_equal_whoosh(data, tmp_path):
    url, pg_names = data
    with Store.open(tmp_path) as store:
        names = fill_samples(store)
    update_index(tmp_path)
    embedded = judged_figures(whoosh_search, tmp_path, names)
    postgres = judged_figures(pgsearch.search, url, pg_names)
    assert embedded["mrr"] > 0.9
    for name, value in embedded.items():
        assert postgres[name] == pytest.approx(value, abs=0.01), (name, postgres, embedded)
