"""PostgreSQL search: the search tests of tests/test_search.py, run on records kept in PostgreSQL.

The imported tests call ``search(data_dir, ...)``; here ``data`` holds a database URL and ``search`` is
``index.pgsearch.search`` (same arguments, same result), so every assertion is the embedded engine's.
"""
from __future__ import annotations

import pytest
import test_search
from conftest import pg_schema
from search_corpus import fill_store
from test_search import (  # noqa: F401  (collected here again, on PostgreSQL)
    ALL,
    test_abbreviation_matches_expansion_only_article,
    test_abbreviations_find_either_form,
    test_bad_options_raise_query_error,
    test_bad_queries_raise_query_error,
    test_facets_count_sites_and_years_of_all_matches,
    test_filters_site_dates_category,
    test_hits_carry_snippets_with_marks,
    test_numbers_are_searchable_whole,
    test_old_and_new_tone_placement_find_each_other,
    test_operators_and_exclusion,
    test_phrase_queries_with_and_without_diacritics,
    test_query_with_diacritics_ranks_exact_spelling_first,
    test_ranking_puts_the_right_article_first,
    test_sort_by_date_and_pagination,
)

from base.errors import BadInput
from index import pgsearch
from index.pgstore import PgStore


@pytest.fixture(scope="module")
def data(pg_database):
    with pg_schema(pg_database) as url:
        ids = fill_store(url, ALL, open_store=PgStore.open)
        yield url, ids


@pytest.fixture(autouse=True)
def on_postgres(monkeypatch):
    monkeypatch.setattr(test_search, "search", pgsearch.search)


def test_an_open_store_can_be_searched_many_times(data):
    url, ids = data
    with PgStore.open(url, create=False) as store:
        first = pgsearch.search(store, "hộ nghèo")
        assert first.hits[0].id == ids["ho-ngheo"]
        assert pgsearch.search(store, "hộ nghèo").hits == first.hits


def test_no_records_is_bad_input(pg_url):
    with pytest.raises(BadInput, match="no records"):
        pgsearch.search(pg_url, "hộ nghèo")
