"""Figures from the tables of reports (DOCX, XLSX, text-layer PDF): one figure per numeric cell.

A report table reads

    | STT | Chỉ tiêu                 | ĐVT     | KH 2018 | TH 2018 | So sánh TH/KH (%) |
    | 1   | Giá trị sản xuất         | tỷ đồng | 7.450   | 7.906,7 | 106               |

and gives, for the cell "7.906,7": value 7,906.7 × 10⁹, unit đồng, label "giá trị sản xuất" (the row's
first text cells), period "thực hiện 2018" (the column header, when it names a period or stage: "Năm
2018", "6 tháng đầu năm", "KH 2019", "Thực hiện", "Ước TH"), and for "106" a percent whose reference is
"kế hoạch". The unit comes from the row's unit column (ĐVT), else from the header ("Diện tích (ha)"),
else from the caption ("ĐVT: triệu đồng"); a cell that carries its own unit ("2.358 hồ sơ", "95%") is
read like text. text/start/end are the figure's text and offsets in its cell; row and column say which.
"""
from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal

from extract.indicators import vocab as V
from extract.indicators.attrs import first_period, sentence_excerpt
from extract.indicators.find import extract_indicators
from extract.indicators.grammar import NUM, NUM_RE, read_figure
from extract.indicators.numbers import parse_number, to_plain
from extract.models import Indicator

MAX_HEADER_ROWS = 3  # rows above the first numeric row that are read as the column headers
_MAX_ROW_NUMBER_DIGITS = 3  # a first column of numbers up to 999 may number the rows
# a bare number or fraction ("7.906,7", "-1,5", "12/12", "95 %"): the unit is the row's or the column's
_CELL_NUMBER_RE = re.compile(rf"\s*([+\-−–]?)\s*({NUM}(?:\s*/\s*{NUM})?)\s*(%?)\s*$")
_SLASH_RE = re.compile(r"\s*/\s*")
_MONTH_YEAR_RE = re.compile(r"(?:0?[1-9]|1[0-2])\s*/\s*(?:19|20)\d{2}")  # "6/2019" is a date
_UNIT_NOTE_RE = re.compile(r"(?:ĐVT|Đơn\s+vị\s+tính|Đơn\s+vị|DVT)\s*[:.]\s*([^()\n;,]+)", re.I)
_BRACKET_RE = re.compile(r"\(([^()]{1,30})\)")
_ENUMERATION_RE = re.compile(r"^(?:[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]|[IVXivx]{1,5}[.)]|[a-zđ][.)]|[-+*•])\s+")
_PERIOD_HEAD_RE = re.compile(rf"(?:{V.alternation(V.TABLE_PERIOD_WORDS)})(?!\w)", re.I)
_ABBREVIATION_RE = re.compile(rf"^(?:{V.alternation(V.TABLE_HEADER_ABBREVIATIONS)})(?!\w)", re.I)
_REF_CORE = "|".join(f"(?P<r{i}>{pattern})" for i, (pattern, _) in enumerate(V.REFERENCE_TABLE))
_HEADER_REF_RE = re.compile(rf"(?:\bso\s+(?:với\s+)?|/\s*|%\s*)(?:{_REF_CORE})", re.I)


def figures_from_table(rows: list[list[str | int | float | Decimal | None]], *,
                       caption: str | None = None) -> list[Indicator]:
    """The figures of a table given as rows of cell texts (merged cells repeated or empty), in row
    order. Rows above the first row with a numeric cell are its headers; a table without them still
    gives figures, labelled by their rows. A cell may also be a number (an XLSX value): its text is
    then the number written with a decimal comma ("7906,7"), so that no "123.456" reads as thousands."""
    raw = [[_cell_text(c) for c in row] for row in rows]  # offsets are into these
    rows = [[_clean(c) for c in row] for row in raw]
    body_at = next((r for r, row in enumerate(rows) if _numeric_cells(row)), len(rows))
    heads = rows[:body_at] if body_at <= MAX_HEADER_ROWS else rows[body_at - MAX_HEADER_ROWS:body_at]
    width = max((len(row) for row in rows), default=0)
    headers = [_header(heads, c) for c in range(width)]
    number_col = {c for c, h in enumerate(headers) if h.lower().strip(" .:") in V.TABLE_NUMBER_HEADERS}
    if not number_col and _counts_rows(rows[body_at:]):
        number_col = {0}
    unit_col = next((c for c, h in enumerate(headers) if h.lower().strip(" .:") in V.TABLE_UNIT_HEADERS), None)
    table_unit = _unit_note(caption or "") or next(filter(None, map(_unit_note, headers)), None)
    table_period = first_period(caption or "")
    out: list[Indicator] = []
    for r in range(body_at, len(rows)):
        row = rows[r]
        numeric = [c for c in _numeric_cells(row) if c not in number_col and c != unit_col]
        if not numeric:
            continue
        label = _row_label(row, numeric[0], number_col | {unit_col})
        row_unit = row[unit_col] if unit_col is not None and unit_col < len(row) else ""
        line = " | ".join(cell for cell in row if cell)
        for c in numeric:
            header = headers[c] if c < len(headers) else ""
            # a comparison column ("So sánh TH/KH (%)") holds percentages whatever the row's unit
            unit = "%" if _is_percent_column(header) else row_unit or _header_unit(header) or table_unit or ""
            for ind in _cell_figures(raw[r][c], unit):
                ind.label = label or ind.label
                ind.period = _header_period(header) or table_period
                ind.estimate = ind.estimate or header.lower().startswith("ước")
                ind.reference = ind.reference or _header_reference(header, ind.kind)
                at = line.find(row[c])
                ind.sentence = sentence_excerpt(line, max(at, 0), max(at, 0) + len(row[c]))
                ind.row, ind.column = r, c
                out.append(ind)
    return out


def _cell_text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, (int, float, Decimal)) and not isinstance(cell, bool):
        if isinstance(cell, float) and not math.isfinite(cell):
            return ""
        text = format(cell, "f") if isinstance(cell, (float, Decimal)) else str(cell)
        if "." in text:
            text = text.rstrip("0").rstrip(".").replace(".", ",")
        return text
    return str(cell)


def _clean(cell: str) -> str:
    return unicodedata.normalize("NFC", " ".join(cell.split()))


def _counts_rows(body: list[list[str]]) -> bool:
    """A first column of small whole numbers that never go down, with text after them ("1 | Dân số | ..."):
    the rows' numbers, where no header says so."""
    seen = []
    for row in body:
        if row and row[0].isdigit() and len(row[0]) <= _MAX_ROW_NUMBER_DIGITS:
            if seen and int(row[0]) < seen[-1] or not any(not _is_numeric(c) for c in row[1:] if c):
                return False
            seen.append(int(row[0]))
    return len(seen) >= 2


def _numeric_cells(row: list[str]) -> list[int]:
    """Columns whose cell is a number, alone or with its own unit ("7.906,7", "95%", "2.358 hồ sơ")."""
    return [c for c, cell in enumerate(row) if cell not in V.TABLE_EMPTY_CELLS and _is_numeric(cell)]


def _is_numeric(cell: str) -> bool:
    if m := _CELL_NUMBER_RE.match(cell):
        parts = _SLASH_RE.split(m.group(2))
        return not _MONTH_YEAR_RE.fullmatch(m.group(2)) and all(parse_number(p) is not None for p in parts)
    if not cell[:1].isdigit():
        return False
    found = extract_indicators(cell)
    return bool(found) and found[0].start == 0  # "1. Giá trị sản xuất" is a numbered label


def _header(heads: list[list[str]], c: int) -> str:
    """A column's header: its cells in the header rows, top to bottom, a merged cell's repeat dropped."""
    parts: list[str] = []
    for row in heads:
        cell = row[c] if c < len(row) else ""
        if cell and (not parts or parts[-1] != cell):
            parts.append(cell)
    return " ".join(parts)


def _row_label(row: list[str], first_number: int, skip: set) -> str | None:
    """The row's text cells before its first number, numbering ("1.", "a)", "-") dropped."""
    words = [_ENUMERATION_RE.sub("", row[c]) for c in range(first_number) if c not in skip and row[c]]
    label = " ".join(w for w in words if w).strip(" :")
    if not label:
        return None
    first = label.split()[0]
    if first[0].isupper() and not (len(first) > 1 and first[1:].isupper()):
        label = label[0].lower() + label[1:]
    return label


def _unit_note(text: str) -> str | None:
    m = _UNIT_NOTE_RE.search(text)
    return m.group(1).strip(" .") if m else None


def _header_unit(header: str) -> str | None:
    """"Diện tích (ha)", "Tỷ lệ (%)", "(ĐVT: triệu đồng)": the unit a header names in brackets."""
    note = _unit_note(header)
    if note:
        return note
    for m in _BRACKET_RE.finditer(header):
        inner = m.group(1).strip()
        if inner == "%" or (inner and not inner[0].isdigit() and _reads_as_unit(inner)):
            return inner
    return None


def _reads_as_unit(unit: str) -> bool:
    s = f"1 {unit.lower()}"
    fig = read_figure(s, NUM_RE.match(s))
    return fig is not None and fig.end == len(s)


def _cell_figures(cell: str, unit: str) -> list[Indicator]:
    """The figures of one cell: read as text when it holds its own unit, else its number with `unit`."""
    m = _CELL_NUMBER_RE.match(cell)
    if m is None:
        return extract_indicators(cell)
    sign, raw, percent = m.groups()
    start, end = m.start(2), m.end(3) if percent else m.end(2)
    unit = "%" if percent else unit
    change = V.SIGN_CHANGES.get(sign) if sign else None
    s = f"{raw} {unit.lower()}" if unit else raw
    fig = read_figure(s, NUM_RE.match(s)) if unit else None
    if fig is not None and fig.end == len(s):
        value, total, kind, unit = fig.value, fig.total, fig.kind, fig.unit
    else:  # no unit, or one the grammar does not know ("công trình/dự án"): counted as written
        value, *rest = (parse_number(p) for p in _SLASH_RE.split(raw))
        total = rest[0] if rest else None
        kind = "ratio" if total is not None else "count"
        unit = " ".join(unit.lower().split())
    return [Indicator(text=cell[start:end], start=start, end=end, value=to_plain(value), unit=unit, kind=kind,
                      total=None if total is None else to_plain(total), change=change)]


def _is_percent_column(header: str) -> bool:
    lowered = header.lower()
    return "%" in lowered or any(mark in lowered for mark in V.TABLE_PERCENT_HEADERS)


def _header_period(header: str) -> str | None:
    """The period or stage a column header names: "Năm 2018" -> "năm 2018", "KH 2019" -> "kế hoạch 2019";
    a comparison column ("So sánh TH/KH (%)") names none."""
    text = _BRACKET_RE.sub(" ", header)
    text = " ".join(text.split())
    lowered = text.lower()
    if not text or any(mark in lowered for mark in V.TABLE_COMPARISON_MARKS):
        return None
    found = first_period(text)
    if not _PERIOD_HEAD_RE.match(text):
        return found
    am = _ABBREVIATION_RE.match(text)
    if am:
        text = V.TABLE_HEADER_ABBREVIATIONS[am.group().lower()] + text[am.end():]
    return text[0].lower() + text[1:]


def _header_reference(header: str, kind: str) -> str | None:
    """"So sánh TH/KH (%)", "% so với cùng kỳ": what a percent column compares with."""
    if kind != "percent":
        return None
    m = _HEADER_REF_RE.search(header)
    if m is None:
        return None
    return next(name for i, (_, name) in enumerate(V.REFERENCE_TABLE) if m.group(f"r{i}"))
