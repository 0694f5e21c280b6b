"""Vietnamese number reading: thousands dots, decimal commas, typos."""
from __future__ import annotations

from decimal import Decimal

import pytest

from extract.indicators.numbers import parse_number, to_plain

CASES = [
    ("2.358", 2358), ("1.000.000", 1000000), ("05", 5), ("0", 0), ("1,5", 1.5),
    ("24,023", 24.023), ("99,962", 99.962), ("1.536,246", 1536.246), ("7.2", 7.2),
    ("46.8", 46.8), ("0.5", 0.5), ("1,234,567", 1234567), ("1,536.25", 1536.25),
    ("12.500", 12500), ("868.000", 868000), ("100", 100), ("3,0", 3),
]


@pytest.mark.parametrize("raw,expected", CASES)
def test_parse_number(raw, expected):
    value = to_plain(parse_number(raw))
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize("raw", ["1,187,93", "1.2.3", "", "abc", "1..2", "1.23.456", "12,3.45,6"])
def test_unreadable_numbers_give_none(raw):
    assert parse_number(raw) is None


def test_scaled_values_stay_exact():
    assert to_plain(parse_number("1,5") * 10**9) == 1500000000
    assert to_plain(parse_number("4,6") * 10**12) == 4600000000000
    assert to_plain(parse_number("24,023") * 10**9) == 24023000000
    assert parse_number("0,1") + parse_number("0,2") == Decimal("0.3")
