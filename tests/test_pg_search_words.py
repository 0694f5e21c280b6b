"""Words of several syllables (issue 15) on PostgreSQL: tests/test_search_words.py's ranking tests, on records kept
there and searched by ``index.pgsearch.search``."""
from __future__ import annotations

import pytest
import test_search_words
from conftest import pg_schema
from search_corpus import WORDS_ARTICLES, fill_store
from test_search_words import (  # noqa: F401  (collected here again, on PostgreSQL)
    test_information_security_above_traffic_safety_and_mass_media,
    test_quoted_phrase_and_filters_unchanged,
    test_the_other_words_still_find_their_pages,
)

from index import pgsearch
from index.pgstore import PgStore


@pytest.fixture(scope="module")
def data(pg_database):
    with pg_schema(pg_database) as url:
        fill_store(url, WORDS_ARTICLES, open_store=PgStore.open)
        yield url


@pytest.fixture(autouse=True)
def on_postgres(monkeypatch):
    monkeypatch.setattr(test_search_words, "search", pgsearch.search)
