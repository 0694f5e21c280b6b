"""Vietnamese number parsing.

Vietnamese writes "." to group thousands and "," for decimals ("1.536,246"),
but real portal text also carries English-style and mistyped numbers
("7.2 ha", "1,234,567", "1,187,93 tấn").  parse_number never raises: a
number it cannot read unambiguously, or one longer than MAX_CHARS characters, gives None so the
caller can skip it.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_GROUPS = re.compile(r"\d+(?:[.,]\d+)*")
# longer numbers are no figures (the largest real ones, budgets in đồng, have 15 digits): a run of
# thousands of digits is junk, and Python refuses to turn more than 4,300 digits into an int
MAX_CHARS = 40


def parse_number(raw: str) -> Decimal | None:
    """Read one number as printed ("2.358", "24,023", "1.536,246", "05") into a Decimal."""
    s = raw.strip()
    if not s or len(s) > MAX_CHARS or not _GROUPS.fullmatch(s):
        return None
    dots, commas = s.count("."), s.count(",")
    try:
        if dots and commas:
            last_dot, last_comma = s.rfind("."), s.rfind(",")
            if last_comma > last_dot:  # 1.536,246 (Vietnamese)
                int_part, frac = s[:last_comma], s[last_comma + 1:]
                if commas > 1 or not _thousands_ok(int_part, "."):
                    return None
                return Decimal(int_part.replace(".", "") + "." + frac)
            int_part, frac = s[:last_dot], s[last_dot + 1:]  # 1,536.25 (English)
            if dots > 1 or not _thousands_ok(int_part, ","):
                return None
            return Decimal(int_part.replace(",", "") + "." + frac)
        if dots:
            if _thousands_ok(s, "."):  # 2.358 / 1.000.000
                return Decimal(s.replace(".", ""))
            if dots == 1:  # "7.2 ha": a decimal typed the English way
                return Decimal(s)
            return None
        if commas:
            if commas == 1:  # always a decimal, even "24,023"
                return Decimal(s.replace(",", "."))
            if _thousands_ok(s, ","):  # 1,234,567 (English grouping)
                return Decimal(s.replace(",", ""))
            return None
        return Decimal(s)
    except InvalidOperation:
        return None


def _thousands_ok(s: str, sep: str) -> bool:
    """True when every group after the first has exactly three digits."""
    parts = s.split(sep)
    return len(parts) > 1 and 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


def to_plain(d: Decimal) -> int | float:
    """int for whole numbers (2358, not 2358.0); otherwise the shortest float."""
    if d == d.to_integral_value():
        return int(d)
    return float(d.normalize())
