"""Figures of a document, page by page: the indicator extractor over the running text, and table cells read
with their row label (what is measured), their column header (the period or plan/actual) and their unit
(a "ĐVT" column or a unit in the header: "Diện tích (ha)").

``table_figures`` is the adapter to the indicator package's table reader: it builds, for each cell, the
phrase "value unit" the extractor already understands, and labels the figure from the table.
"""
from __future__ import annotations

import re

from extract.documents.header import fold
from extract.documents.models import Cell, DocumentFigure, Page, Table

_NUMERIC = re.compile(r"[-+]?\d[\d.,]*\s*%?")
_ORDINAL = re.compile(r"(?:\d{1,3}|[IVXLC]{1,6}|[a-zđ])[.)]?")
# Headers of the unit column ("ĐVT", "Đơn vị tính") and of columns of row numbers ("STT", "TT").
UNIT_HEADERS = ("dvt", "don vi tinh", "don vi")
ROW_NUMBER_HEADERS = ("stt", "tt", "so tt", "so thu tu")
_HEADER_UNIT = re.compile(r"\(([^()]{1,20})\)\s*$")


def document_figures(pages: list[Page]) -> list[DocumentFigure]:
    from extract.indicators import extract_indicators

    figures = []
    for page in pages:
        if not page.text:
            continue
        # Table rows (tab-separated lines) are blanked, offsets kept: their cells are read with their labels.
        running = "\n".join(" " * len(ln) if "\t" in ln else ln for ln in page.text.split("\n"))
        figures.extend(DocumentFigure(page.n, f) for f in extract_indicators(running))
        for table in page.tables:
            figures.extend(DocumentFigure(page.n, f) for f in table_figures(table))
    return figures


def table_figures(table: Table) -> list:
    """Indicators of a table's numeric cells, labelled by row and column (cells without a unit give none)."""
    from extract.indicators import extract_indicators

    rows = table.rows
    first_data = next((i for i, row in enumerate(rows) if _numeric_cells(row)), None)
    if first_data is None:
        return []
    headers = rows[:first_data]
    width = max(len(r) for r in rows)
    column_names = [" - ".join(h[c].text for h in headers if c < len(h) and h[c].text) for c in range(width)]
    unit_col = next((c for c, name in enumerate(column_names) if fold(name).strip(" .:") in UNIT_HEADERS), None)
    skip = {c for c, name in enumerate(column_names) if fold(name).strip(" .:") in ROW_NUMBER_HEADERS}
    figures = []
    for row in rows[first_data:]:
        label = next((c.text for i, c in enumerate(row) if i not in skip and i != unit_col
                      and c.text and not _NUMERIC.fullmatch(c.text) and not _ORDINAL.fullmatch(c.text)), None)
        if not label:
            continue
        for c in _numeric_cells(row):
            if c in skip or c == unit_col:
                continue
            unit = _unit(row, unit_col, column_names[c])
            if unit is None:
                continue
            cell = row[c]
            phrase = f"{cell.text} {unit}" if unit != "%" or not cell.text.endswith("%") else cell.text
            found = [f for f in extract_indicators(phrase) if f.start == 0]
            if not found:
                continue
            figure = found[0]
            figure.text = cell.text
            figure.start, figure.end = (cell.start, cell.start + len(cell.text)) if cell.start >= 0 else (-1, -1)
            figure.label, figure.period = label, column_names[c] or None
            figure.sentence = " | ".join(x.text for x in row if x.text)
            figures.append(figure)
    return figures


def _numeric_cells(row: list[Cell]) -> list[int]:
    """Columns holding a number; a first column of "1", "2", "II" numbers the rows."""
    return [i for i, c in enumerate(row)
            if c.text and _NUMERIC.fullmatch(c.text) and not (i == 0 and _ORDINAL.fullmatch(c.text))]


def _unit(row: list[Cell], unit_col: int | None, column_name: str) -> str | None:
    folded = fold(column_name)
    if column_name.strip().endswith("%") or "ty le" in folded or folded.strip() == "%":
        return "%"
    if unit_col is not None and unit_col < len(row) and row[unit_col].text:
        return row[unit_col].text
    if m := _HEADER_UNIT.search(column_name):
        return m.group(1).strip()
    return None
