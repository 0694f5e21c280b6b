"""Figures of a document, page by page, each with its page number: the indicator extractor over the running
text, and the indicator package's table reader over the Office tables (row and column labels as label and
period; ``row``/``column`` say which cell, ``start``/``end`` are offsets in the cell's text)."""
from __future__ import annotations

from extract.documents.models import Page
from extract.models import Indicator


def document_figures(pages: list[Page]) -> tuple[list[Indicator], list[str]]:
    """(figures, warnings): a page whose figures cannot be read (an extractor failure on odd OCR text) is
    named in a warning, and the document keeps its text and its other pages' figures."""
    figures, warnings = [], []
    for page in pages:
        if not page.text:
            continue
        try:
            found = _page_figures(page)
        except (ValueError, IndexError, KeyError, ArithmeticError, RecursionError) as err:
            warnings.append(f"page {page.n}: figures not read ({type(err).__name__})")
            continue
        for figure in found:
            figure.page = page.n
        figures.extend(found)
    return figures, warnings


def _page_figures(page: Page) -> list[Indicator]:
    from extract.indicators import extract_indicators, figures_from_table

    # Table rows (tab-separated lines) are blanked, offsets kept: their cells are read with their labels.
    running = "\n".join(" " * len(ln) if "\t" in ln else ln for ln in page.text.split("\n"))
    found = extract_indicators(running)
    for table in page.tables:
        found.extend(figures_from_table([[c.text for c in row] for row in table.rows], caption=table.caption))
    return found
