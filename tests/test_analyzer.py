"""The Vietnamese analyzer: NFC, case, diacritics, đ, tone placement, numbers, abbreviations."""
from __future__ import annotations

import unicodedata

import pytest

from index.analyzer import (
    ABBREVIATION_EXPANSIONS,
    EXPANSION_ABBREVIATIONS,
    fold,
    normalize_tone,
    query_terms,
    vietnamese_analyzer,
)


def forms(text: str) -> list[tuple[str, ...]]:
    return [tuple(dict.fromkeys((t.exact, t.folded, *t.extras))) for t in query_terms(text)]


def indexed(text: str) -> list[tuple[str, int]]:
    return [(t.text, t.pos) for t in vietnamese_analyzer()(text, positions=True)]


def test_exact_and_folded_forms_at_the_same_position():
    assert indexed("Cải cách") == [("cải", 0), ("cai", 0), ("cách", 1), ("cach", 1)]
    assert forms("Thu ngân sách") == [("thu",), ("ngân", "ngan"), ("sách", "sach")]


def test_d_stroke_folds_to_d_upper_and_lower():
    assert forms("Đường Đắk đi") == [("đường", "duong"), ("đắk", "dak"), ("đi", "di")]
    assert fold("ĐĂK") == "DAK"
    # the Icelandic Eth some portals type for Đ
    assert forms("\u00d0ắk") == [("đắk", "dak")]


def test_nfd_input_gives_the_same_tokens_as_nfc():
    text = "Hội nghị sơ kết cải cách hành chính ở Quảng Ngãi"
    assert forms(unicodedata.normalize("NFD", text)) == forms(text)
    assert indexed(unicodedata.normalize("NFD", text)) == indexed(text)


@pytest.mark.parametrize("old, new", [
    ("uỷ", "ủy"), ("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Uỷ ban", "ủy ban"), ("hoá", "hóa"),
])
def test_old_and_new_tone_placement_meet(old, new):
    assert forms(old) == forms(new)


@pytest.mark.parametrize("word, expected", [
    ("người", "người"), ("hoàng", "hoàng"), ("ngoài", "ngoài"), ("quý", "quý"), ("giữa", "giữa"),
    ("của", "của"), ("khuỷu", "khuỷu"), ("tuổi", "tuổi"), ("gì", "gì"), ("thuyết", "thuyết"),
])
def test_tone_placement_leaves_standard_spellings_alone(word, expected):
    assert normalize_tone(word) == expected


def test_no_stop_words_and_no_minimum_length():
    text = "Ở xã A, y tế và an toàn to lớn in ấn"
    assert [f[0] for f in forms(text)] == ["ở", "xã", "a", "y", "tế", "và", "an", "toàn", "to", "lớn", "in", "ấn"]


@pytest.mark.parametrize("text, token", [
    ("tổng số 2.358 hồ sơ", "2.358"), ("đạt 5/5 xã", "5/5"), ("đạt 95%", "95%"), ("đạt 95 %", "95%"),
    ("1,5 tỷ đồng", "1,5"), ("1.536,246 tỷ", "1.536,246"), ("ngày 02/8/2023.", "02/8/2023"), ("năm 2023.", "2023"),
])
def test_numbers_are_kept_whole(text, token):
    assert token in [f[0] for f in forms(text)]


def test_percentages_and_dates_also_index_their_number_and_year():
    assert ("95%", "95") in forms("đạt 95%")
    assert ("02/8/2023", "2023") in forms("ngày 02/8/2023")
    assert ("2.358",) in forms("2.358")  # a thousands group is not split


def test_typos_in_numbers_do_not_break_tokenizing():
    assert [f[0] for f in forms("1,187,93 tấn và 7.2 ha")] == ["1,187,93", "tấn", "và", "7.2", "ha"]


def test_abbreviations_joined_by_hyphen_or_ampersand_stay_whole():
    assert ("kt-xh",) in forms("phát triển KT-XH")
    assert ("gd&đt", "gd&dt") in forms("Sở GD&ĐT")
    # a query typed in lower case is recognised from the table
    assert ("kt-xh",) in forms("kt-xh")
    # ordinary hyphenated words split
    assert [f[0] for f in forms("Hòa Bình - Đắk Tô, covid-19")] == ["hòa", "bình", "đắk", "tô", "covid", "19"]


def test_abbreviation_table_goes_both_ways():
    assert ABBREVIATION_EXPANSIONS["bhyt"] == ("bao", "hiem", "y", "te")
    assert ABBREVIATION_EXPANSIONS["hdnd"] == ("hoi", "dong", "nhan", "dan")
    assert set(EXPANSION_ABBREVIATIONS[("kinh", "te", "xa", "hoi")]) == {"kt-xh", "ktxh"}
    assert "ntm" in EXPANSION_ABBREVIATIONS[("nong", "thon", "moi")]


def test_character_offsets_point_into_the_text():
    text = "Huyện Minh Long đạt 95 % kế hoạch"
    for token in vietnamese_analyzer()(text, chars=True):
        piece = text[token.startchar:token.endchar]
        assert piece and fold(token.text) in fold(piece.lower()).replace(" ", "")
