"""Figures ("indicators") from Vietnamese news and report text, and from report tables.

    from extract.indicators import extract_indicators, figures_from_table

Pipeline per sentence that contains a digit (find.py):
1. skip the spans that are never figures (spans.py: dates, document numbers, phones, ...) and numbers
   that are ordinals or names ("thôn 5") (sentence.py);
2. read the figure grammar at each remaining number (grammar.py):
   NUMBER [scale] [("/" | "-" | "đến") NUMBER [scale]] UNIT ["/" PER-UNIT]...
   A number needs a unit (%, money, measure or a counted noun) to be a figure; unknown counted nouns
   are found with underthesea's word segmentation (nlp.py);
3. attach the attributes (attrs.py, label.py): approx, estimate, change, reference, label, period.
Numbers are read by numbers.py; every word list is in vocab.py. Spans are always offsets into the
original text. table.py reads the cells of a table as figures, with the same grammar.
"""
from extract.indicators.find import IndicatorResult, extract_indicators, extract_indicators_result
from extract.indicators.table import figures_from_table

__all__ = ["IndicatorResult", "extract_indicators", "extract_indicators_result", "figures_from_table"]
