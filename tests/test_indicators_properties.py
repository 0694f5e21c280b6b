"""Properties of the figure extractor and the number parser on generated text (hypothesis), and the
adversarial inputs of issue 14: never an exception, exact spans, output and time linear in the input."""
from __future__ import annotations

import json
import random
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.indicators import extract_indicators, extract_indicators_result, figures_from_table
from extract.indicators.attrs import SENTENCE_CHARS
from extract.indicators.numbers import MAX_CHARS, parse_number, to_plain

# pieces of report text: numbers in every notation, units, scale words, link words, dates, stops
PIECES = [
    "1.234", "5", "05", "1,5", "2.358", "12.345,6", "7.2", "1,234,567", "100", "3/4", "95/95", "19/19",
    "2023", "02/8/2023", "15-20", "(+6,2%)", "0255.3822.123", "198/BC-UBND", "8h30", "1.000.000",
    "tỷ", "triệu", "nghìn", "đồng", "tỷ đông", "%", "%KH", "ha", "tấn", "tắn", "hộ", "xã", "người",
    "lượt", "con", "km2", "tạ/ha", "đồng/kg", "trở lên", "so với cùng kỳ", "kế hoạch", "đạt", "tăng",
    "giảm", "ước đạt", "khoảng", "hơn", "trong đó", "thôn", "lần thứ", "năm", "6 tháng đầu năm",
    "Tổng thu", "Diện tích", "Tỷ lệ", "toàn huyện có", "và", ",", ";", ".", ":", "(", ")", "-", "/",
    "\n", "\n\n", "  ", "\u00a0", "…", "Ư", "ể", "e\u0301", "x", "KH", "I18%KH", "lha",
]
pieces_text = st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join)
any_text = st.one_of(pieces_text, st.text(max_size=300))


def _output_chars(found) -> int:
    return len(json.dumps([i.to_dict() for i in found], ensure_ascii=False))


def _check(text: str, found) -> None:
    for ind in found:
        assert text[ind.start:ind.end] == ind.text
        assert ind.start < ind.end
        assert len(ind.sentence) <= max(SENTENCE_CHARS, len(ind.text)) + 2  # the two cut marks
    assert [i.start for i in found] == sorted(i.start for i in found)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_text_gives_exact_spans_and_never_raises(text):
    found = extract_indicators(text)
    _check(text, found)
    assert _output_chars(found) <= 2_000 + 40 * len(text)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map(" ".join))
def test_time_and_output_are_linear_on_repeats(unit):
    """A generated phrase repeated to 40 KB: no super-linear step (the old extractor took minutes on
    runs like these), output linear in input."""
    text = (unit + " ") * (40_000 // (len(unit) + 1) + 1)
    t0 = time.process_time()  # CPU time: the machine may be shared
    found = extract_indicators(text)
    elapsed = time.process_time() - t0
    _check(text, found)
    assert elapsed < 8, (unit, elapsed)
    # A figure every few characters, each with its (bounded, 300-character) sentence window: linear, with a
    # constant near 40 on the densest phrases.
    assert _output_chars(found) <= 2_000 + 80 * len(text)


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.text(max_size=60), st.from_regex(r"\d{1,60}(?:[.,]\d{1,5}){0,6}", fullmatch=True)))
def test_parse_number_never_raises(raw):
    value = parse_number(raw)
    if value is not None:
        assert len(raw.strip()) <= MAX_CHARS
        assert isinstance(to_plain(value), (int, float))
        assert isinstance(to_plain(value * 10**12), (int, float))  # scaled like "nghìn tỷ"


cells = st.one_of(st.lists(st.sampled_from(PIECES), max_size=4).map(" ".join), st.text(max_size=20), st.none())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cells, max_size=6), max_size=6), st.one_of(st.none(), pieces_text))
def test_any_table_gives_exact_cell_spans_and_never_raises(rows, caption):
    for ind in figures_from_table(rows, caption=caption):
        cell = rows[ind.row][ind.column]
        assert cell[ind.start:ind.end] == ind.text and ind.start < ind.end
        assert len(ind.sentence) <= SENTENCE_CHARS + 2


# --- issue 14's reproductions, as written -------------------------------------------------------

def test_sentence_is_bounded_so_output_is_linear():
    text = "Thu ngân sách đạt 1,5 nghìn tỷ đồng, " * 2000  # 74 KB; gave 193 MB of JSON
    found = extract_indicators(text)
    assert len(found) == 2000 and found[0].value == 1_500_000_000_000 and found[0].unit == "đồng"
    assert all("1,5 nghìn tỷ đồng" in i.sentence or i.text in i.sentence for i in found)
    assert all(i.text in i.sentence.replace("…", "") for i in found)
    assert _output_chars(found) < 5 * 2**20


def test_sentence_window_holds_the_figure_and_cuts_at_words():
    before = "Trong năm qua, huyện đã tập trung chỉ đạo quyết liệt các ngành, các cấp " * 8
    after = " và các chỉ tiêu khác về văn hóa, xã hội đều đạt và vượt so với kế hoạch đề ra" * 8
    text = before + "thu ngân sách đạt 12.345,6 tỷ đồng" + after + "."
    [ind] = [i for i in extract_indicators(text) if i.unit == "đồng"]
    assert ind.sentence.startswith("…") and ind.sentence.endswith("…")
    assert "12.345,6 tỷ đồng" in ind.sentence and len(ind.sentence) <= SENTENCE_CHARS + 2
    inner = ind.sentence.strip("…")
    assert inner in " ".join(text.split())  # nothing rewritten
    words = text.split()
    assert inner.split()[0] in words and inner.split()[-1] in words  # cut at word boundaries


def test_short_sentence_is_kept_whole():
    [ind] = extract_indicators("Toàn huyện có 5 xã đạt chuẩn nông thôn mới.")
    assert ind.sentence == "Toàn huyện có 5 xã đạt chuẩn nông thôn mới."


def test_absurd_number_is_no_figure_and_the_rest_is_kept():
    text = "Tổng thu 1" + ".000" * 2500 + " tỷ đồng. Huyện có 5 xã đạt chuẩn."
    found = extract_indicators(text)
    assert [i.text for i in found] == ["5 xã"]
    assert extract_indicators("đạt 1" + "0" * 5000 + " tỷ đồng") == []


def test_junk_units_do_not_grow_a_figure():
    text = "Có 5 phòng" + ", ban" * 2000 + " tham gia. Thu 5 tỷ đồng" + "/người" * 2000 + "."
    found = extract_indicators(text)
    assert [i.value for i in found] == [5, 5_000_000_000]
    assert all(len(i.text) < 100 and len(i.sentence) <= SENTENCE_CHARS + 2 for i in found)


def test_scale_words_do_not_multiply_without_end():
    text = "Thu 1 " + "tỷ " * 3000 + "đồng."
    found = extract_indicators(text)
    assert len(found) <= 1
    _check(text, found)


def _timed(text: str) -> float:
    t0 = time.process_time()
    extract_indicators(text)
    return time.process_time() - t0


def test_runs_of_digits_and_separators_are_linear():
    rng = random.Random(14)
    digits = "".join(rng.choice("0123456789") for _ in range(100_000))
    assert _timed(digits) < 2
    assert _timed("1" + ".000" * 25_000) < 2
    assert _timed("5" + "/5" * 50_000) < 2
    assert _timed("5 / " * 25_000) < 3
    assert _timed("a" * 100_000 + " .") < 2
    assert _timed(digits * 10) < 20  # 1 MB of digits


def test_time_budget_stops_reading_and_says_where():
    text = "Huyện có 5 xã đạt chuẩn. " * 4000
    whole = extract_indicators_result(text)
    assert whole.cut_at is None and len(whole.indicators) == 4000
    cut = extract_indicators_result(text, seconds=0.0)
    assert cut.cut_at == 0 and cut.indicators == []
    part = extract_indicators_result(text, seconds=0.05)  # the whole text takes ten times that
    assert part.cut_at is not None and text[part.cut_at:].startswith("Huyện")
    assert all(i.end <= part.cut_at for i in part.indicators) and len(part.indicators) < 4000
