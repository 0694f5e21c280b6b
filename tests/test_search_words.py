"""Words of several syllables (issue 15): a page holding the query's words as words ranks above pages that hold
its syllables apart, with and without diacritics, on real portal text (tests/search_corpus.py WORDS_ARTICLES)."""
from __future__ import annotations

import pytest
from search_corpus import WORDS_ARTICLES, fill_store

from index.analyzer import segment, word_analyzer
from index.search import search
from index.searchindex import update_index


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("words") / "data"
    fill_store(data_dir, WORDS_ARTICLES)
    update_index(data_dir)
    return data_dir


def slugs(data_dir, query: str) -> list[str]:
    return [hit.url.rsplit("/", 1)[1] for hit in search(data_dir, query).hits]


@pytest.mark.parametrize("query", ["an toàn thông tin", "an toan thong tin", "An Toàn Thông Tin",
                                   "an toan thong tin mang"])
def test_information_security_above_traffic_safety_and_mass_media(data, query):
    found = slugs(data, query)
    assert len(found) == 3  # every page holds every syllable
    assert found[0] == "an-ninh-mang", found


@pytest.mark.parametrize("query", ["an toàn giao thông", "an toan giao thong", "thông tin đại chúng"])
def test_the_other_words_still_find_their_pages(data, query):
    assert slugs(data, query)[0] == "an-toan-giao-thong"


def test_quoted_phrase_and_filters_unchanged(data):
    assert slugs(data, '"an toàn thông tin"') == ["an-ninh-mang"]
    assert slugs(data, '"an toan thong tin"') == ["an-ninh-mang"]
    assert set(slugs(data, "ATGT")) == {"an-toan-giao-thong", "cong-an-tong-ket"}  # the abbreviation table
    assert search(data, "an toàn thông tin", site="thanhtra.daknong.gov.vn").total == 1


def test_words_are_cut_by_longest_match_within_a_sentence_part():
    tokens = [t.text for t in word_analyzer()("An toàn giao thông, thông tin đại chúng; Uỷ ban GD&ĐT huyện")]
    assert tokens == ["an_toan", "giao_thong", "thong_tin_dai_chung", "uy_ban"]  # never across the comma
    assert segment(["an", "toan", "thong", "tin"], folded=True) == [(0, 2), (2, 4)]
    assert segment(["an", "toàn", "thông", "tin"]) == [(0, 2), (2, 4)]
