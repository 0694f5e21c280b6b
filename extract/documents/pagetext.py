"""Page text built from paragraphs and tables, remembering where each table cell landed in it."""
from __future__ import annotations

from extract.documents.models import Cell, Page, Table
from extract.documents.vnencodings import to_unicode
from extract.textnorm import clean_line


class PageBuilder:
    """Collects one page's lines. Tables of one-line cells become tab-separated rows; a table whose cells hold
    several paragraphs (the two-column header of an administrative document) is written cell after cell,
    the way a reader (or OCR) reads the columns."""

    def __init__(self, n: int):
        self.n = n
        self.lines: list[str] = []
        self.size = 0
        self.tables: list[Table] = []

    def empty(self) -> bool:
        return not any(line.strip() for line in self.lines)

    def add_line(self, text: str) -> int:
        """Append a line; its offset in the page text."""
        start = self.size
        self.lines.append(text)
        self.size += len(text) + 1
        return start

    def add_paragraph(self, text: str) -> None:
        text = clean_line(text)
        if text:
            self.add_line(text)

    def add_table(self, rows: list[list[list[str]]]) -> None:
        """``rows``: cells as lists of paragraph texts."""
        caption = self.lines[-1] if self.lines else None
        table = Table([], caption)
        for row in rows:
            cells = [[clean_line(p) for p in cell if clean_line(p)] for cell in row]
            if not any(cells):
                continue
            if all(len(c) <= 1 for c in cells):
                table.rows.append(self._tab_row([c[0] if c else "" for c in cells]))
            else:
                table.rows.append([Cell(" ".join(c), self._cell_lines(c)) for c in cells])
        if table.rows:
            self.tables.append(table)

    def _tab_row(self, texts: list[str]) -> list[Cell]:
        while texts and not texts[-1]:
            texts.pop()
        start = self.add_line("\t".join(texts))
        cells = []
        for text in texts:
            cells.append(Cell(text, start))
            start += len(text) + 1
        return cells

    def _cell_lines(self, paragraphs: list[str]) -> int:
        """Write a cell's paragraphs as lines; the offset of its text when that is one line, else -1."""
        start = self.size
        for p in paragraphs:
            self.add_line(p)
        return start if len(paragraphs) == 1 else -1

    def page(self) -> Page:
        text = "\n".join(self.lines).rstrip()
        converted, legacy = to_unicode(text)
        page = Page(self.n, converted, method="converted" if legacy else "text", tables=self.tables)
        if legacy:  # VNI letters shrink from two code points to one: cell offsets no longer hold
            for table in self.tables:
                for row in table.rows:
                    for cell in row:
                        cell.text = to_unicode(cell.text)[0]
                        cell.start = -1
        return page
