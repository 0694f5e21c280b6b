"""Figures of a document, page by page, each with its page number: the indicator extractor over the running
text, and the indicator package's table reader over the Office tables (row and column labels as label and
period; ``row``/``column`` say which cell, ``start``/``end`` are offsets in the cell's text)."""
from __future__ import annotations

from extract.documents.models import Page
from extract.models import Indicator


def document_figures(pages: list[Page]) -> list[Indicator]:
    from extract.indicators import extract_indicators, figures_from_table

    figures = []
    for page in pages:
        if not page.text:
            continue
        # Table rows (tab-separated lines) are blanked, offsets kept: their cells are read with their labels.
        running = "\n".join(" " * len(ln) if "\t" in ln else ln for ln in page.text.split("\n"))
        found = extract_indicators(running)
        for table in page.tables:
            found.extend(figures_from_table([[c.text for c in row] for row in table.rows], caption=table.caption))
        for figure in found:
            figure.page = page.n
        figures.extend(found)
    return figures
