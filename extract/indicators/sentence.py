"""The figures of one sentence: the grammar read at each number that may be one, minus the numbers
that name or bound things ("thôn 5", "lần thứ 14", "từ 15 m trở lên", "trên thang 100 điểm").
"""
from __future__ import annotations

import re

from extract.indicators import vocab as V
from extract.indicators.grammar import NUM, NUM_RE, Figure, context_measure, read_figure
from extract.indicators.numbers import parse_number, to_plain
from extract.indicators.spans import not_figure_spans, phrase_before

# how far before a number the words that change its reading are looked for, in characters:
_QUALIFIER_CHARS = 20  # "trên thang 100", "trên 1 ha": a word or two
_COUNTING_CHARS = 30  # "đạt 68 điểm", "tiêm ít nhất 1 mũi": a verb phrase
_NAMING_CHARS = 40  # "lần thứ 14", "có chiều dài từ 15 m": a naming phrase of up to four words
_ORDINALS = frozenset(V.ORDINAL_BEFORE)

_SCALE_TOPS = frozenset(V.SCALE_TOP_BEFORE)
_QUANTITY_SO = frozenset(V.QUANTITY_BEFORE_SO)
_THRESHOLD_AFTER_RE = re.compile(rf"[ \t\u00a0]+(?:{V.alternation(V.THRESHOLD_AFTER)})(?!\w)")
_THRESHOLD_BEFORE_RE = re.compile(r"(?<!\w)có(?:\s+[^\W\d]+){1,3}\s+từ\s*$", re.I)
# "(mầm non 52, tiểu học 58, THCS 38)": words then a bare whole number, listed
_BRACKET_ITEM = r"[^\W\d][^\W\d]*(?:[ \t\u00a0]+[^\W\d]+){0,3}[ \t\u00a0]+\d+(?:\.\d{3})*"
_BRACKET_LIST_RE = re.compile(rf"[ \t\u00a0]*\(((?:{_BRACKET_ITEM}[ \t\u00a0]*[,;][ \t\u00a0]*)+{_BRACKET_ITEM})\)")
_BRACKET_ITEM_RE = re.compile(r"([^\W\d][^\W\d]*(?:[ \t\u00a0]+[^\W\d]+){0,3})[ \t\u00a0]+(\d+(?:\.\d{3})*)")

_GROUP_RE = re.compile(r"\d{3}(?!\d)")
_PER_ONE_RE = re.compile(r"(?:trên|mỗi|cho\s+mỗi|bình\s+quân|/)[ \t\u00a0]*$", re.I)
_CHAIN_RE = re.compile(rf"(?:[ \t\u00a0]*(?:,|và|hoặc|-|–|đến)[ \t\u00a0]*{NUM}(?![\w/]))+")
# a time word before the number only names a date part when the number fits one
_DATE_WORD_LIMITS = {"năm": (1900, 2100), "tháng": (1, 12), "ngày": (1, 31), "quý": (1, 4),
                     "tuần": (1, 53)}




def figures_as_dicts(figures: list[Figure]) -> list[dict]:
    return [
        {"start": f.start, "end": f.end, "value": to_plain(f.value),
         "upper": None if f.upper is None else to_plain(f.upper),
         "total": None if f.total is None else to_plain(f.total),
         "unit": f.unit, "kind": f.kind, "unit_start": f.unit_start, "unit_end": f.unit_end}
        for f in figures
    ]


def sentence_figures(s: str) -> list[Figure]:
    skip = not_figure_spans(s)
    figures: list[Figure] = []
    consumed = 0
    k = 0  # skip spans are sorted and disjoint: walk them alongside the numbers
    for m in NUM_RE.finditer(s):
        while k < len(skip) and skip[k][1] <= m.start():
            k += 1
        if m.start() < consumed or (k < len(skip) and skip[k][0] <= m.start()) or _is_fragment(s, m):
            continue
        fig = read_figure(s, m) or context_measure(s, m)
        if fig is not None and (phrase_before(s[max(0, m.start() - _QUALIFIER_CHARS):m.start()], _SCALE_TOPS)
                                or _series_position(s, m, fig)):
            consumed = fig.end
            continue
        if fig is not None and fig.kind == "measure" and fig.unit == "điểm" \
                and fig.value == fig.value.to_integral_value() \
                and phrase_before(s[max(0, m.start() - _COUNTING_CHARS):m.start()], V.SCORE_BEFORE) is None:
            fig.kind = "count"  # "quan trắc tại 12 điểm": places, not a score
        # "thôn 5", "lần thứ 14" name things; "các loại 386 ha" still measures
        if (fig is None or fig.kind in ("count", "ratio")) and _is_ordinal(s, m):
            chain = _CHAIN_RE.match(s, m.end())
            consumed = chain.end() if chain else m.end()
            continue
        if fig is not None and _PER_ONE_RE.search(s[max(0, m.start() - _QUALIFIER_CHARS):m.start()]) and fig.value == 1:
            consumed = fig.end  # "trên 1 ha đất canh tác": a denominator, not a figure
            continue
        if fig is not None and _is_threshold(s, fig):
            consumed = fig.end
            continue
        if fig is not None:
            figures.append(fig)
            consumed = fig.end
            if fig.kind == "count" and (parts := _bracket_breakdown(s, fig)):
                figures.extend(parts)
                consumed = parts[-1].end
    return figures


def _is_fragment(s: str, m: re.Match) -> bool:
    """"7§.346 người", "l.200 ha": a thousands group glued to a misread digit (OCR) is the tail of a
    number whose head is lost; reading "346 người" would report a wrong figure."""
    a = m.start()
    return a >= 2 and s[a - 1] == "." and not s[a - 2].isspace() and _GROUP_RE.match(s, a) is not None


def _is_threshold(s: str, fig: Figure) -> bool:
    """"385 tàu có chiều dài từ 15 m trở lên": the bound qualifies a noun, no figure is reported."""
    if not _THRESHOLD_AFTER_RE.match(s, fig.unit_end):
        return False
    return _THRESHOLD_BEFORE_RE.search(s[max(0, fig.start - _NAMING_CHARS):fig.start]) is not None


def _bracket_breakdown(s: str, fig: Figure) -> list[Figure]:
    """"156 trường (mầm non 52, tiểu học 58, THCS 38)": the bare numbers in a bracket right after a
    count break it down and count the same unit; "(thôn 1, thôn 5)" names things instead."""
    bm = _BRACKET_LIST_RE.match(s, fig.end)
    if not bm:
        return []
    parts = []
    for im in _BRACKET_ITEM_RE.finditer(s, bm.start(1), bm.end(1)):
        name, raw = im.group(1), im.group(2)
        value = parse_number(raw)
        named = phrase_before(name, _ORDINALS) and not phrase_before(name, V.ORDINAL_COMPOUNDS)
        if value is None or named or phrase_before(name, V.TIME_UNITS):
            return []
        a, b = im.start(2), im.end(2)
        parts.append(Figure(a, b, value, None, None, fig.unit, "count", b, b))
    return parts


def _series_position(s: str, m: re.Match, fig: Figure) -> bool:
    """"tiêm ít nhất 1 mũi": which dose, not how many."""
    rule = V.SERIES_POSITION.get(fig.unit)
    return bool(rule) and fig.total is None and fig.value <= rule[0] \
        and phrase_before(s[max(0, m.start() - _COUNTING_CHARS):m.start()], frozenset(rule[1])) is not None


def _is_ordinal(s: str, m: re.Match) -> bool:
    before = s[max(0, m.start() - _NAMING_CHARS):m.start()]
    om = phrase_before(before, _ORDINALS)
    if om and phrase_before(before[:om[1]], V.ORDINAL_CANCELLERS) is None \
            and phrase_before(before, V.ORDINAL_COMPOUNDS) is None:
        word = om[0]
        if word == "số":
            return phrase_before(before[:om[1]], _QUANTITY_SO) is None
        limits = _DATE_WORD_LIMITS.get(word)
        if limits is None:
            return True
        value = parse_number(m.group())
        return value is not None and limits[0] <= value <= limits[1] and "," not in m.group()
    return False
