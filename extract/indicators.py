"""Figures ("indicators") from Vietnamese news text.

Pipeline per sentence that contains a digit:
1. skip the spans that are never figures (indicator_spans: dates, document
   numbers, phones, ...), and numbers that are ordinals or names ("thôn 5");
2. read the figure grammar at each remaining number:
   NUMBER [scale] [("/" | "-" | "đến") NUMBER [scale]] UNIT ["/" PER-UNIT]...
   A number needs a unit (%, money, measure or a counted noun) to be a figure;
   unknown counted nouns are found with underthesea's word segmentation;
3. attach the attributes (indicator_attrs): approx, estimate, change,
   reference, label, period.
Spans are always offsets into the original text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal

from extract import indicator_vocab as V
from extract.indicator_attrs import FigureContext, annotate
from extract.indicator_nlp import first_word
from extract.indicator_spans import not_figure_spans, phrase_before, split_sentences
from extract.models import Indicator
from extract.numbers import parse_number, to_plain

_NUM = r"\d+(?:[.,]\d+)*"
# a sign after "(" is a change ("(+6,2%)", "(-3,1%)"), not a range or a code
_SIGNED = "".join(rf"(?<=\({re.escape(sign)})|" for sign in V.SIGN_CHANGES)
_NUM_RE = re.compile(rf"(?:{_SIGNED}(?<![\w/\-]))(?<!\w\+)(?<!\d[.,]){_NUM}")
_SP = r"[ \t\u00a0]{0,2}"  # real text has double spaces and glued units ("943ha")



_SCALE_RE = re.compile(rf"[ \t\u00a0]{{0,2}}({V.alternation(V.SCALE_WORDS)})(?!\w)"
                       rf"(?![ \t\u00a0]+(?:{V.alternation(V.SCALE_NOT_BEFORE)})(?!\w))", re.I)
_RATIO_RE = re.compile(rf"[ \t\u00a0]?/[ \t\u00a0]?({_NUM})(?![\w/])")
_RANGE_RE = re.compile(rf"[ \t\u00a0]?(?:-|–|—|~)[ \t\u00a0]?({_NUM})(?![\w/])|[ \t\u00a0]+(?:đến|tới)[ \t\u00a0]+({_NUM})(?![\w/])")
_FRACTION_OF_RE = re.compile(r"[ \t\u00a0]+số(?=[ \t\u00a0])")
_EQUALS_PERCENT_RE = re.compile(rf"[ \t\u00a0]?=[ \t\u00a0]?{_NUM}[ \t\u00a0]?%")

_UNIT_TABLE: dict[str, tuple[str, str]] = {}
for _surface, _canon in V.MEASURE_UNITS.items():
    _UNIT_TABLE[_surface.lower()] = (_canon, "measure")
for _surface in V.COUNT_UNITS:
    _UNIT_TABLE[_surface.lower()] = (_surface, "count")
for _surface, _canon in V.MONEY_UNITS.items():
    _UNIT_TABLE[_surface.lower()] = (_canon, "money")
for _surface, _canon in V.PERCENT_UNITS.items():
    _UNIT_TABLE[_surface.lower()] = (_canon, "percent")
for _surface, (_scale, _canon) in V.MONEY_SCALED.items():
    _UNIT_TABLE[_surface.lower()] = (_canon, "money")

_UNIT_RE = re.compile(rf"{_SP}({V.alternation(_UNIT_TABLE)})(?!\w)", re.I)
# "đồng/kg", "đồng một kg", and per a round number of people: "115 máy/100 dân"
_PER_RE = re.compile(rf"(?:[ \t\u00a0]?/[ \t\u00a0]?|[ \t\u00a0]+(?:{V.alternation(V.PER_WORDS)})[ \t\u00a0]+)"
                     rf"((?:1(?:0{{1,2}}|\.000|0\.000|00\.000)[ \t\u00a0])?(?:{V.alternation(V.PER_UNITS)}))(?!\w)", re.I)
_COORD_RE = re.compile(rf",{_SP}({V.alternation(V.COORDINATED_NOUNS)})(?!\w)(?![ \t\u00a0]?\d)")
_COORD_LAST_RE = re.compile(rf"[ \t\u00a0]+(?:và|hoặc)[ \t\u00a0]+({V.alternation(V.COORDINATED_NOUNS)})(?!\w)(?![ \t\u00a0]*\d)")
_LUOT_RE = re.compile(rf"[ \t\u00a0]({V.alternation(V.COUNT_UNITS)})(?!\w)")
_NEXT_WORD_RE = re.compile(r"[ \t\u00a0]{1,2}(?=[a-zđà-ỹ])")

_CONTEXT_UNIT_RE = re.compile(rf"[ \t\u00a0]{{1,2}}({V.alternation(V.CONTEXT_UNITS)})(?!\w)", re.I)
_ORDINALS = frozenset(V.ORDINAL_BEFORE)
_PLACE_NAMES = frozenset(V.PLACE_NAME_NOUNS)
_SCALE_TOPS = frozenset(V.SCALE_TOP_BEFORE)
_QUANTITY_SO = frozenset(V.QUANTITY_BEFORE_SO)
_THRESHOLD_AFTER_RE = re.compile(rf"[ \t\u00a0]+(?:{V.alternation(V.THRESHOLD_AFTER)})(?!\w)")
_THRESHOLD_BEFORE_RE = re.compile(r"(?<!\w)có(?:\s+[^\W\d]+){1,3}\s+từ\s*$", re.I)
# "(mầm non 52, tiểu học 58, THCS 38)": words then a bare whole number, listed
_BRACKET_ITEM = r"[^\W\d][^\W\d]*(?:[ \t\u00a0]+[^\W\d]+){0,3}[ \t\u00a0]+\d+(?:\.\d{3})*"
_BRACKET_LIST_RE = re.compile(rf"[ \t\u00a0]*\(((?:{_BRACKET_ITEM}[ \t\u00a0]*[,;][ \t\u00a0]*)+{_BRACKET_ITEM})\)")
_BRACKET_ITEM_RE = re.compile(r"([^\W\d][^\W\d]*(?:[ \t\u00a0]+[^\W\d]+){0,3})[ \t\u00a0]+(\d+(?:\.\d{3})*)")
_YEAR_SHAPED = re.compile(r"(?:19|20)\d{2}")
_PER_ONE_RE = re.compile(r"(?:trên|mỗi|cho\s+mỗi|bình\s+quân|/)[ \t\u00a0]*$", re.I)
_CHAIN_RE = re.compile(rf"(?:[ \t\u00a0]*(?:,|và|hoặc|-|–|đến)[ \t\u00a0]*{_NUM}(?![\w/]))+")
# a time word before the number only names a date part when the number fits one
_DATE_WORD_LIMITS = {"năm": (1900, 2100), "tháng": (1, 12), "ngày": (1, 31), "quý": (1, 4),
                     "tuần": (1, 53)}


@dataclass
class _Figure:
    start: int
    end: int
    value: Decimal
    upper: Decimal | None
    total: Decimal | None
    unit: str
    kind: str
    unit_start: int
    unit_end: int


def extract_indicators(text: str, title: str | None = None) -> list[Indicator]:
    """Every figure the text reports, in text order (see DESIGN.md "Indicator").

    The vocabulary is NFC; a text in another form (NFD from some portals) is read on an NFC
    copy and the spans are mapped back, so text[start:end] == indicator.text always holds."""
    if not text:
        return []
    if title is not None and not unicodedata.is_normalized("NFC", title):
        title = unicodedata.normalize("NFC", title)
    if unicodedata.is_normalized("NFC", text):
        return _extract_nfc(text, title)
    nfc, original_at = _nfc_with_offsets(text)
    out = []
    for ind in _extract_nfc(nfc, title):
        start, end = original_at[ind.start], original_at[ind.end]
        out.append(replace(ind, text=text[start:end], start=start, end=end))
    return out


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


def _extract_nfc(text: str, title: str | None) -> list[Indicator]:
    context = FigureContext(text, title)
    out: list[Indicator] = []
    for a, b in split_sentences(text):
        sentence = text[a:b]
        context.new_sentence(a, b)
        if any(c.isdigit() for c in sentence):
            figures = _sentence_figures(sentence)
            out.extend(annotate(context, sentence, a, figures_as_dicts(figures)))
        context.end_sentence()
    return out


def figures_as_dicts(figures: list[_Figure]) -> list[dict]:
    return [
        {"start": f.start, "end": f.end, "value": to_plain(f.value),
         "upper": None if f.upper is None else to_plain(f.upper),
         "total": None if f.total is None else to_plain(f.total),
         "unit": f.unit, "kind": f.kind, "unit_start": f.unit_start, "unit_end": f.unit_end}
        for f in figures
    ]


def _sentence_figures(s: str) -> list[_Figure]:
    skip = not_figure_spans(s)
    figures: list[_Figure] = []
    consumed = 0
    k = 0  # skip spans are sorted and disjoint: walk them alongside the numbers
    for m in _NUM_RE.finditer(s):
        while k < len(skip) and skip[k][1] <= m.start():
            k += 1
        if m.start() < consumed or (k < len(skip) and skip[k][0] <= m.start()):
            continue
        fig = _read_figure(s, m) or _context_measure(s, m)
        if fig is not None and (phrase_before(s[max(0, m.start() - 20):m.start()], _SCALE_TOPS)
                                or _series_position(s, m, fig)):
            consumed = fig.end
            continue
        if fig is not None and fig.kind == "measure" and fig.unit == "điểm" \
                and fig.value == fig.value.to_integral_value() \
                and phrase_before(s[max(0, m.start() - 30):m.start()], V.SCORE_BEFORE) is None:
            fig.kind = "count"  # "quan trắc tại 12 điểm": places, not a score
        # "thôn 5", "lần thứ 14" name things; "các loại 386 ha" still measures
        if (fig is None or fig.kind in ("count", "ratio")) and _is_ordinal(s, m):
            chain = _CHAIN_RE.match(s, m.end())
            consumed = chain.end() if chain else m.end()
            continue
        if fig is not None and _PER_ONE_RE.search(s[max(0, m.start() - 20):m.start()]) and fig.value == 1:
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


def _is_threshold(s: str, fig: _Figure) -> bool:
    """"385 tàu có chiều dài từ 15 m trở lên": the bound qualifies a noun, no figure is reported."""
    if not _THRESHOLD_AFTER_RE.match(s, fig.unit_end):
        return False
    return _THRESHOLD_BEFORE_RE.search(s[max(0, fig.start - 40):fig.start]) is not None


def _bracket_breakdown(s: str, fig: _Figure) -> list[_Figure]:
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
        parts.append(_Figure(a, b, value, None, None, fig.unit, "count", b, b))
    return parts


def _context_measure(s: str, m: re.Match) -> _Figure | None:
    """"tuổi thọ trung bình 73,5 tuổi": a word that is no unit elsewhere ("trẻ dưới 5 tuổi")
    measures when its subject is named just before."""
    um = _CONTEXT_UNIT_RE.match(s, m.end())
    value = parse_number(m.group()) if um else None
    if value is None:
        return None
    unit = um.group(1).lower()
    before = s[max(0, m.start() - 60):m.start()].lower()
    if not any(subject in before for subject in V.CONTEXT_UNITS[unit]):
        return None
    return _Figure(m.start(), um.end(), value, None, None, unit, "measure", um.start(1), um.end())


def _series_position(s: str, m: re.Match, fig: _Figure) -> bool:
    """"tiêm ít nhất 1 mũi": which dose, not how many."""
    rule = V.SERIES_POSITION.get(fig.unit)
    return bool(rule) and fig.total is None and fig.value <= rule[0] \
        and phrase_before(s[max(0, m.start() - 30):m.start()], frozenset(rule[1])) is not None


def _is_ordinal(s: str, m: re.Match) -> bool:
    before = s[max(0, m.start() - 40):m.start()]
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


def _read_scale(s: str, i: int) -> tuple[int, int, str | None]:
    scale, last = 1, None
    while True:
        sm = _SCALE_RE.match(s, i)
        if not sm:
            return scale, i, last
        last = sm.group(1).lower()
        scale *= V.SCALE_WORDS[last]
        i = sm.end()


def _read_figure(s: str, m: re.Match) -> _Figure | None:
    value = parse_number(m.group())
    if value is None:
        return None
    scale1, i, scale_word = _read_scale(s, m.end())
    upper = total = None
    scale2 = 1
    rm = _RATIO_RE.match(s, i)
    gm = None if rm else _RANGE_RE.match(s, i)
    second = rm or gm
    if second:
        other = parse_number(second.group(1) or second.group(2) or "")
        if other is not None:
            scale2, j, word2 = _read_scale(s, second.end())
            if rm:
                total = other
            elif other >= value or scale1 != scale2:
                upper = other
            if total is not None or upper is not None:
                i, scale_word = j, word2 or scale_word
    # "5 đến 7 triệu": the scale word of the second number serves both; "800.000 đến 1,5 triệu": the
    # first number is already larger than the second, so it stands unscaled
    if (total is not None or upper is not None) and scale1 == 1 \
            and value <= (total if total is not None else upper):
        scale1 = scale2
    unit_start = i
    unit = _read_unit(s, i, total is not None)
    if unit is None and total is not None and (sm := _FRACTION_OF_RE.match(s, i)):
        unit = _read_unit(s, sm.end(), True)  # "3/4 số hộ"
    if unit is None:
        if scale_word in V.BARE_SCALE_MONEY:
            unit = ("đồng", "money", i, 1)
        elif total is not None and _EQUALS_PERCENT_RE.match(s, i):
            unit = ("", "ratio", i, 1)
        else:
            return None
    canon, kind, i, unit_scale = unit
    if kind == "count" and canon.lower() not in _UNIT_TABLE and _YEAR_SHAPED.fullmatch(m.group()) \
            and total is None and upper is None:
        return None  # "vụ Hè Thu 2024 gieo trồng": a year before a verb, not 2024 of a guessed noun
    if kind == "money" or kind == "measure" or kind == "count":
        while pm := _PER_RE.match(s, i):
            per = pm.group(1)
            canon += "/" + (per if per.isupper() else per.lower())  # "đồng/HTX" keeps its acronym
            i = pm.end()
    if kind == "count":
        canon, i = _coordinated(s, canon, i)
    em = _EQUALS_PERCENT_RE.match(s, i) if total is not None else None
    if em:
        i = em.end()
    value *= scale1 * unit_scale
    if upper is not None:
        upper *= scale2 * unit_scale
    if total is not None:
        total *= scale2 * unit_scale
        kind = "ratio"
    end = i
    while end > m.start() and s[end - 1] in " \t\u00a0":
        end -= 1
    return _Figure(m.start(), end, value, upper, total, canon, kind, unit_start, i)


def _read_unit(s: str, i: int, ratio: bool = False) -> tuple[str, str, int, int] | None:
    """(canonical unit, kind, end, unit's own scale) for the unit starting at i, or None."""
    j = i
    while j < len(s) and j < i + 3 and s[j] in " \t\u00a0":
        j += 1
    if j >= len(s) or not (s[j].isalpha() or s[j] in "%‰$°²³"):
        return None  # cheap exit: most numbers without a unit are followed by digits or punctuation
    um = _UNIT_RE.match(s, i)
    if um:
        surface = um.group(1).lower()
        canon, kind = _UNIT_TABLE[surface]
        scale = V.MONEY_SCALED.get(surface, (1, ""))[0]
        if kind == "count" and surface != um.group(1) and um.group(1)[0].isupper() \
                and not um.group(1).isupper() and not ratio:
            # "5 Xã ..." starts a name and "4 Giải ngân ..." (a table row) a verb, not a count;
            # "95/95 Tổ ...", "1.452 Tổ công nghệ số" count
            if surface in _PLACE_NAMES or (first_word(s[um.start(1):um.start(1) + 40]) or "").lower() != surface:
                return None
        end = um.end()
        if surface.startswith("lượt"):  # "450 lượt doanh nghiệp", "lượt khách hàng" (not "lượt khách")
            lm = _LUOT_RE.match(s, um.start(1) + len("lượt"))
            if lm and lm.end() > end:
                return f"lượt {_UNIT_TABLE[lm.group(1).lower()][0]}", kind, lm.end(), scale
        if kind == "count" and " " not in surface and _NEXT_WORD_RE.match(s, end):
            # "14 nhà văn hóa": the vocabulary noun may only begin a longer word
            word = first_word(s[um.start(1):um.start(1) + 40])
            if word and len(word) > len(um.group(1)) and s.startswith(word, um.start(1)) \
                    and word.lower() == word and word.split()[0] == surface \
                    and word.split()[1] not in V.NON_NOUN_WORDS:
                canon, end = word, um.start(1) + len(word)
        return canon, kind, end, scale
    nm = _NEXT_WORD_RE.match(s, i)
    if not nm:
        return None
    j = nm.end()
    word = first_word(s[j:j + 40])
    if not word or " " not in word or not s.startswith(word, j) or word != word.lower():
        return None
    head = word.split()[0]
    if word in V.NON_NOUN_WORDS or head in V.NON_NOUN_WORDS or word in V.TIME_UNITS \
            or head in V.TIME_UNITS or head in V.NOT_UNIT_WORDS:
        return None
    return word, "count", j + len(word), 1


def _coordinated(s: str, unit: str, i: int) -> tuple[str, int]:
    """"18 phòng, ban, đơn vị": the listed nouns are one counted unit."""
    parts = [unit]
    j = i
    while cm := _COORD_RE.match(s, j):
        if s[cm.end():cm.end() + 3].lstrip(" \t\u00a0")[:1].isupper():
            break  # "19/19 tiêu chí, xã Tịnh Thới ...": a noun before a name starts a new subject
        parts.append(cm.group(1))
        j = cm.end()
    if len(parts) > 1:
        lm = _COORD_LAST_RE.match(s, j)
        if lm:
            return ", ".join(parts) + " và " + lm.group(1), lm.end()
        return ", ".join(parts), j
    return unit, i
