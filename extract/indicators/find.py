"""Figures of a whole text: the sentence loop, NFC handling and the time budget.

Every step is linear in the text: sentences are read one by one, each figure looks at a bounded window
around itself, and a figure keeps a bounded excerpt of its sentence (attrs.sentence_excerpt). A text that
still takes longer than the budget (the ``figure_seconds`` setting) is read up to the sentence where the
budget ran out; ``IndicatorResult.cut_at`` says where, so callers can warn.
"""
from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass, replace

from base.settings import default
from extract.indicators.attrs import FigureContext, annotate
from extract.indicators.sentence import figures_as_dicts, sentence_figures
from extract.indicators.spans import split_sentences
from extract.models import Indicator

# longer "sentences" are read in pieces cut at a space (_bounded): far above any real sentence
MAX_SENTENCE_CHARS = 5000


@dataclass
class IndicatorResult:
    """The figures found in a text, and where reading stopped when the time budget ran out."""

    indicators: list[Indicator]
    cut_at: int | None = None  # offset in the text from which no figure was looked for; None: read whole


def extract_indicators(text: str, title: str | None = None) -> list[Indicator]:
    """Every figure the text reports, in text order (see DESIGN.md "Indicator").

    The vocabulary is NFC; a text in another form (NFD from some portals) is read on an NFC
    copy and the spans are mapped back, so text[start:end] == indicator.text always holds.
    Reading stops at the ``figure_seconds`` budget; use extract_indicators_result to learn where."""
    return extract_indicators_result(text, title).indicators


def extract_indicators_result(text: str, title: str | None = None, *,
                              seconds: float | None = None) -> IndicatorResult:
    """extract_indicators, with the offset where reading stopped if it took longer than `seconds`
    (default: the ``figure_seconds`` setting)."""
    if not text:
        return IndicatorResult([])
    deadline = time.monotonic() + (default("figure_seconds") if seconds is None else seconds)
    if title is not None and not unicodedata.is_normalized("NFC", title):
        title = unicodedata.normalize("NFC", title)
    if unicodedata.is_normalized("NFC", text):
        return _extract_nfc(text, title, deadline)
    nfc, original_at = _nfc_with_offsets(text)
    result = _extract_nfc(nfc, title, deadline)
    out = []
    for ind in result.indicators:
        start, end = original_at[ind.start], original_at[ind.end]
        out.append(replace(ind, text=text[start:end], start=start, end=end))
    cut_at = None if result.cut_at is None else original_at[result.cut_at]
    return IndicatorResult(out, cut_at)


def _nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """NFC copy of text and, for each offset of the copy (and its end), the offset in text.
    Each starter and the combining marks after it are normalised as one unit, so every unit
    boundary of the copy maps to a boundary in the original."""
    pieces: list[str] = []
    original_at: list[int] = []
    a = 0
    n = len(text)
    while a < n:
        b = a + 1
        while b < n and unicodedata.combining(text[b]):
            b += 1
        piece = unicodedata.normalize("NFC", text[a:b])
        pieces.append(piece)
        original_at.extend([a] * len(piece))
        a = b
    original_at.append(n)
    return "".join(pieces), original_at


def _extract_nfc(text: str, title: str | None, deadline: float) -> IndicatorResult:
    context = FigureContext(text, title)
    out: list[Indicator] = []
    for a, b in _bounded(text, split_sentences(text)):
        if time.monotonic() > deadline:
            return IndicatorResult(out, a)
        sentence = text[a:b]
        context.new_sentence(a, b)
        if any(c.isdigit() for c in sentence):
            figures = sentence_figures(sentence)
            out.extend(annotate(context, sentence, a, figures_as_dicts(figures)))
        context.end_sentence()
    return IndicatorResult(out)


def _bounded(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences of at most MAX_SENTENCE_CHARS, longer run-ons (tables and lists without stops, junk) cut
    after a ";" or "," (where a clause ends, so no figure is split), else at a space, so that the budget
    is checked often and no step sees more than that. A word longer than the limit stays whole: cutting
    inside it could make a new number out of the digits of another."""
    out = []
    for a, b in spans:
        while b - a > MAX_SENTENCE_CHARS:
            cut = _cut_point(text, a + MAX_SENTENCE_CHARS // 2, a + MAX_SENTENCE_CHARS)
            if cut < 0:
                cut = text.find(" ", a + MAX_SENTENCE_CHARS, b)
                if cut < 0:
                    break
            out.append((a, cut))
            a = cut + 1
        out.append((a, b))
    return out


def _cut_point(text: str, lo: int, hi: int) -> int:
    """The last clause end ("; ", ", ") in text[lo:hi], else its last space; -1 if it has none."""
    for mark in ("; ", ", "):
        i = text.rfind(mark, lo, hi)
        if i >= 0:
            return i + 1
    return text.rfind(" ", lo, hi)
