"""Properties of the search query parser on generated queries (hypothesis): a query is parsed and turned
into a whoosh query, or refused with QueryError (a BadInput: one line, exit 2), never another exception."""
from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from base.errors import BadInput
from index.query import (
    MAX_QUERY_CHARS,
    QueryError,
    bonus_query,
    build_filter,
    build_query,
    needs_fallback,
    parse_date,
    parse_query,
)

PIECES = [
    "hộ", "nghèo", "ngân sách", "Đường", "KT-XH", "kt-xh", "GD&ĐT", "bhyt", "covid-19", "F0", "QL24",
    "2023", "02/8/2023", "1,5", "2.358", "95%", "95 %", "5/5", "AND", "OR", "NOT", "and", "-", "-hộ", "--",
    '"', '""', '"hộ nghèo"', '-"hộ"', "\u201chộ nghèo\u201d", "\u00ab", "\u00bb", "(", ")", "*", "?", ":", "~", "^",
    "title:hộ", "\\", "/", "&", "|", "!", ".", ",", "…", "²", "①", "٣", "３", "Ⅻ", "½", "e\u0301", "Ð", "ð",
    "\u200b", "\u00ad", "\ufeff", "\x00", "\x07", "\t", "\n", "\r", "\u2028", "\U0001F600", "ǅ", "ß", "İ",
]
queries = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=20).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=20).map("".join),
    st.text(max_size=80),
    st.text(alphabet=st.characters(categories=["P", "S", "Z", "Cc", "No", "Nl"]), max_size=40),
)


def _parse_and_build(text: str) -> None:
    try:
        parsed = parse_query(text)
    except QueryError as err:
        assert isinstance(err, BadInput)
        assert str(err) and "\n" not in str(err)
        return
    assert parsed.positive
    assert all(t.exact for c in parsed.clauses for t in c.terms)
    for match_all in (True, False):
        build_query(parsed, match_all=match_all)
    bonus_query(parsed)
    needs_fallback(parsed)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(queries)
def test_any_query_is_parsed_or_refused_with_query_error(text):
    _parse_and_build(text)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map(" ".join), st.integers(0, 40))
def test_long_queries_are_refused_or_parsed_fast(unit, extra):
    """Queries around and far above the length limit: refused with a message, or parsed in little time."""
    for size in (MAX_QUERY_CHARS - extra, MAX_QUERY_CHARS + 1 + extra, 100 * MAX_QUERY_CHARS):
        text = (unit + " ") * (size // (len(unit) + 1) + 1)
        text = text[:size]
        t0 = time.process_time()
        _parse_and_build(text)
        assert time.process_time() - t0 < 1


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=20),
                 st.from_regex(r"[0-9٣３²①]{1,5}(?:-[0-9٣３²①]{1,3}){0,3}", fullmatch=True)),
       st.booleans())
def test_date_options_are_parsed_or_refused(value, end):
    try:
        day = parse_date(value, "--since", end)
    except QueryError as err:
        assert "--since" in str(err) and "\n" not in str(err)
        return
    assert day is None or isinstance(day, int)


@settings(max_examples=40, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=12)), st.one_of(st.none(), st.text(max_size=12)),
       st.one_of(st.none(), st.text(max_size=12)), st.one_of(st.none(), st.text(max_size=12)))
def test_filters_are_built_or_refused(since, until, site, category):
    try:
        build_filter(since=since, until=until, site=site, category=category)
    except QueryError as err:
        assert str(err) and "\n" not in str(err)


def test_unicode_digits_and_control_characters():
    for text in ("²", "①", "x²", "hộ ①", "٣٠", "\x00", "\x00hộ\x07", "\u202ehộ", "hộ\r\nnghèo", '"hộ', "NOT",
                 "- - -", "OR hộ", "hộ OR", "NOT NOT hộ", '"" hộ', "-hộ", "!!!", "x" * (MAX_QUERY_CHARS + 1)):
        _parse_and_build(text)
    assert [t.exact for c in parse_query("\x00hộ\x07 nghèo").clauses for t in c.terms] == ["hộ", "nghèo"]
