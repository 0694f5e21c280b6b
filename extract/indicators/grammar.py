"""The figure grammar read at one number of a sentence.

    NUMBER [scale] [("/" | "-" | "đến") NUMBER [scale]] UNIT ["/" PER-UNIT]...

A number needs a unit (%, money, measure or a counted noun) to be a figure; unknown counted nouns are
found with underthesea's word segmentation (nlp.first_word). Offsets are into the sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from extract.indicators import vocab as V
from extract.indicators.nlp import first_word
from extract.indicators.numbers import parse_number

NUM = r"\d+(?:[.,]\d+)*"
# a sign after "(" is a change ("(+6,2%)", "(-3,1%)"), not a range or a code
_SIGNED = "".join(rf"(?<=\({re.escape(sign)})|" for sign in V.SIGN_CHANGES)
NUM_RE = re.compile(rf"(?:{_SIGNED}(?<![\w/\-]))(?<!\w\+)(?<!\d[.,]){NUM}")
_SP = r"[ \t\u00a0]{0,2}"  # real text has double spaces and glued units ("943ha")



_SCALE_RE = re.compile(rf"[ \t\u00a0]{{0,2}}({V.alternation(V.SCALE_WORDS)})(?!\w)"
                       rf"(?![ \t\u00a0]+(?:{V.alternation(V.SCALE_NOT_BEFORE)})(?!\w))", re.I)
_RATIO_RE = re.compile(rf"[ \t\u00a0]?/[ \t\u00a0]?({NUM})(?![\w/])")
_RANGE_RE = re.compile(rf"[ \t\u00a0]?(?:-|–|—|~)[ \t\u00a0]?({NUM})(?![\w/])"
                       rf"|[ \t\u00a0]+(?:đến|tới)[ \t\u00a0]+({NUM})(?![\w/])")
_FRACTION_OF_RE = re.compile(r"[ \t\u00a0]+số(?=[ \t\u00a0])")
_EQUALS_PERCENT_RE = re.compile(rf"[ \t\u00a0]?=[ \t\u00a0]?{NUM}[ \t\u00a0]?%")

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
for _surface, _meant in V.OCR_UNIT_CONFUSIONS.items():
    _UNIT_TABLE[_surface] = _UNIT_TABLE[_meant]

_UNIT_RE = re.compile(rf"{_SP}({V.alternation(_UNIT_TABLE)})(?!\w)", re.I)
# "đồng/kg", "đồng một kg", and per a round number of people: "115 máy/100 dân"
_PER_RE = re.compile(rf"(?:[ \t\u00a0]?/[ \t\u00a0]?|[ \t\u00a0]+(?:{V.alternation(V.PER_WORDS)})[ \t\u00a0]+)"
                     rf"((?:1(?:0{{1,2}}|\.000|0\.000|00\.000)[ \t\u00a0])?(?:{V.alternation(V.PER_UNITS)}))(?!\w)",
                     re.I)
_COORD_RE = re.compile(rf",{_SP}({V.alternation(V.COORDINATED_NOUNS)})(?!\w)(?![ \t\u00a0]?\d)")
_COORD_LAST_RE = re.compile(rf"[ \t\u00a0]+(?:và|hoặc)[ \t\u00a0]+({V.alternation(V.COORDINATED_NOUNS)})"
                            rf"(?!\w)(?![ \t\u00a0]*\d)")
_LUOT_RE = re.compile(rf"[ \t\u00a0]({V.alternation(V.COUNT_UNITS)})(?!\w)")
_NEXT_WORD_RE = re.compile(r"[ \t\u00a0]{1,2}(?=[a-zđà-ỹ])")

_OCR_DONG_RE = re.compile(rf"[ \t\u00a0]{{1,2}}(?:{V.alternation(V.OCR_DONG_AFTER_SCALE)})(?!\w)")
_PERCENT_GLUED_RE = re.compile(rf"{_SP}%(?=(?:{V.alternation(V.PERCENT_GLUED_REFERENCES)})(?!\w))")
_CONTEXT_UNIT_RE = re.compile(rf"[ \t\u00a0]{{1,2}}({V.alternation(V.CONTEXT_UNITS)})(?!\w)", re.I)
# "1,5 nghìn tỷ": scale words multiply; a longer run ("tỷ tỷ tỷ ...") is no amount anyone writes
MAX_SCALE_WORDS = 2
# "triệu đồng/người/năm", "18 phòng, ban, đơn vị": real units have two or three parts; the caps keep a
# figure's text short on junk ("đồng/người/người/...")
MAX_PER_UNITS = 3
MAX_LISTED_NOUNS = 8
_SUBJECT_CHARS = 60  # "tuổi thọ trung bình 73,5 tuổi": where the subject of a context unit is looked for
_WORD_CHARS = 40  # the fragment given to word segmentation to find the one word after a number
_PLACE_NAMES = frozenset(V.PLACE_NAME_NOUNS)
_YEAR_SHAPED = re.compile(r"(?:19|20)\d{2}")


@dataclass
class Figure:
    start: int
    end: int
    value: Decimal
    upper: Decimal | None
    total: Decimal | None
    unit: str
    kind: str
    unit_start: int
    unit_end: int


def context_measure(s: str, m: re.Match) -> Figure | None:
    """"tuổi thọ trung bình 73,5 tuổi": a word that is no unit elsewhere ("trẻ dưới 5 tuổi")
    measures when its subject is named just before."""
    um = _CONTEXT_UNIT_RE.match(s, m.end())
    value = parse_number(m.group()) if um else None
    if value is None:
        return None
    unit = um.group(1).lower()
    before = s[max(0, m.start() - _SUBJECT_CHARS):m.start()].lower()
    if not any(subject in before for subject in V.CONTEXT_UNITS[unit]):
        return None
    return Figure(m.start(), um.end(), value, None, None, unit, "measure", um.start(1), um.end())


def _read_scale(s: str, i: int) -> tuple[int, int, str | None]:
    scale, last = 1, None
    for _ in range(MAX_SCALE_WORDS):
        sm = _SCALE_RE.match(s, i)
        if not sm:
            return scale, i, last
        last = sm.group(1).lower()
        scale *= V.SCALE_WORDS[last]
        i = sm.end()
    return scale, i, last


def read_figure(s: str, m: re.Match) -> Figure | None:
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
    om = _OCR_DONG_RE.match(s, i) if scale_word else None
    unit = ("đồng", "money", om.end(), 1) if om else _read_unit(s, i, total is not None)
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
        for _ in range(MAX_PER_UNITS):
            if not (pm := _PER_RE.match(s, i)):
                break
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
    return Figure(m.start(), end, value, upper, total, canon, kind, unit_start, i)


def _read_unit(s: str, i: int, ratio: bool = False) -> tuple[str, str, int, int] | None:
    """(canonical unit, kind, end, unit's own scale) for the unit starting at i, or None."""
    j = i
    while j < len(s) and j < i + 3 and s[j] in " \t\u00a0":
        j += 1
    if j >= len(s) or not (s[j].isalpha() or s[j] in "%‰$°²³"):
        return None  # cheap exit: most numbers without a unit are followed by digits or punctuation
    um = _UNIT_RE.match(s, i)
    if not um and (pm := _PERCENT_GLUED_RE.match(s, i)):
        return "%", "percent", pm.end(), 1  # "106%KH": the reference is read after the unit
    if um:
        surface = um.group(1).lower()
        canon, kind = _UNIT_TABLE[surface]
        scale = V.MONEY_SCALED.get(surface, (1, ""))[0]
        if kind == "count" and surface != um.group(1) and um.group(1)[0].isupper() \
                and not um.group(1).isupper() and not ratio:
            # "5 Xã ..." starts a name and "4 Giải ngân ..." (a table row) a verb, not a count;
            # "95/95 Tổ ...", "1.452 Tổ công nghệ số" count
            word = first_word(s[um.start(1):um.start(1) + _WORD_CHARS]) or ""
            if surface in _PLACE_NAMES or word.lower() != surface:
                return None
        end = um.end()
        if surface.startswith("lượt"):  # "450 lượt doanh nghiệp", "lượt khách hàng" (not "lượt khách")
            lm = _LUOT_RE.match(s, um.start(1) + len("lượt"))
            if lm and lm.end() > end:
                return f"lượt {_UNIT_TABLE[lm.group(1).lower()][0]}", kind, lm.end(), scale
        if kind == "count" and " " not in surface and _NEXT_WORD_RE.match(s, end):
            # "14 nhà văn hóa": the vocabulary noun may only begin a longer word
            word = first_word(s[um.start(1):um.start(1) + _WORD_CHARS])
            if word and len(word) > len(um.group(1)) and s.startswith(word, um.start(1)) \
                    and word.lower() == word and word.split()[0] == surface \
                    and word.split()[1] not in V.NON_NOUN_WORDS:
                canon, end = word, um.start(1) + len(word)
        return canon, kind, end, scale
    nm = _NEXT_WORD_RE.match(s, i)
    if not nm:
        return None
    j = nm.end()
    word = first_word(s[j:j + _WORD_CHARS])
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
    while len(parts) < MAX_LISTED_NOUNS and (cm := _COORD_RE.match(s, j)):
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
