"""Attributes of a figure read from its sentence: approx, estimate, change,
reference, label (what is measured) and period.
"""
from __future__ import annotations

import re

from extract.indicators import vocab as V
from extract.indicators.label import figure_label
from extract.indicators.spans import last_match, phrase_before
from extract.models import Indicator

_APPROX = frozenset(V.APPROX_WORDS)
_CHANGES = frozenset(V.CHANGE_WORDS)
_EQUIV_RE = re.compile(rf"^[\s,]*(?:\(\s*\+?|(?:{V.alternation(V.EQUIVALENT_LINKS)})\s+)"
                       rf"(?:(?:{V.alternation(V.APPROX_WORDS)})\s+)?$", re.I)
_ESTIMATE_RE = re.compile(
    "(?<![\\w])" + "".join(f"(?<!{w} )" for w in V.NOT_ESTIMATE_BEFORE) + f"(?:{V.ESTIMATE_PATTERN})", re.I)
_REF_CORE = "|".join(f"(?P<r{i}>{pat})" for i, (pat, _) in enumerate(V.REFERENCE_TABLE))
# "so với năm 2022"; "15/18 chỉ tiêu chủ yếu theo Nghị quyết" names a plan but never a year
_REF_AFTER_RE = re.compile(rf"^[\s,/)]*(?:(?:[^\W\d]+\s+){{0,3}}?(?:(?P<so>so\s+với|so)|theo)\s+|với\s+)?(?:{_REF_CORE}"
                           rf"|(?P<year>{V.REFERENCE_AFTER_SO_VOI}))", re.I)
# "so sánh" (compare; "giá so sánh 2010") names no reference
_REF_BEFORE_RE = re.compile(rf"\bso\s+(?!sánh\b)(?:với\s+)?(?:{_REF_CORE}|(?P<year>{V.REFERENCE_AFTER_SO_VOI}))",
                            re.I)
# an aside in brackets governs nothing after it: "(tăng 18 lượt so với tháng trước) với 98 vụ việc"
_BREAKDOWN_RE = re.compile(rf"(?<!\w)(?:{V.alternation(V.BREAKDOWN_WORDS)})(?!\w)", re.I)
_ASIDE_RE = re.compile(r"\([^()]*\)")
_WINDOW = 400
_REFERENCE_CHARS = 80  # "so với cùng kỳ năm trước", "dự toán HĐND tỉnh giao": a reference after a figure
_PERIOD_LINK_CHARS = 20  # "so với", "kế hoạch" just before a period make it a reference, not the period
# a figure's `sentence` is its whole sentence up to this many characters, else a window around it
SENTENCE_CHARS = 300
_ROMAN_RE = re.compile(r"\b[ivx]+\b")  # "so với quý II" keeps its numeral
_REF_TAIL_RE = re.compile(r"[^,;.()\d]{0,40}?(?=\s+và\s|\s*[,;.()]|\s*$)")
_PERIOD_RE = re.compile("|".join(f"(?:{p})" for p in V.PERIOD_PATTERNS), re.I)
_PERIOD_NOT_AFTER = re.compile(r"(?:(?:so\s+với|so)(?:\s+[^\W\d]+){0,3}|cùng\s+kỳ|kế\s+hoạch|với|của"
                               r"|ngày\s+\d{1,2})\s+(?:cuối\s+|đầu\s+)?$", re.I)
_DIGIT_RE = re.compile(r"\d")
_YEAR_RE = re.compile(r"(?:19|20)\d{2}")


class FigureContext:
    """What the text said before the current sentence: paragraph and headline periods."""

    def __init__(self, text: str, title: str | None) -> None:
        self.text = text
        self.title_period = first_period(title or "")
        self.carry: str | None = None
        self.periods: list[tuple[int, int, str]] = []
        self._pending: str | None = None
        self._last_end = 0

    def new_sentence(self, a: int, b: int) -> None:
        if "\n" in self.text[self._last_end:a]:
            self.carry = None
        self._last_end = b
        found = self.periods = _periods(self.text[a:b]) if _has_digit(self.text, a, b) else []
        self._pending = found[-1][2] if found else None

    def fallback_period(self) -> str | None:
        return self.carry or self.title_period

    def end_sentence(self) -> None:
        if self._pending:
            self.carry = _complete(self._pending, self.carry or self.title_period)


def annotate(ctx: FigureContext, s: str, offset: int, figures: list[dict]) -> list[Indicator]:
    """Indicators for the figures of one sentence (offsets in the sentence; offset = sentence start)."""
    periods = ctx.periods
    fallback = ctx.fallback_period()
    out: list[Indicator] = []
    prev: dict | None = None
    ref_taken = 0
    for k, f in enumerate(figures):
        start, end = f["start"], f["end"]
        # a window keeps run-on "sentences" (tables, lists without stops) linear
        clause_start = max(s.rfind(";", max(0, start - _WINDOW), start) + 1, start - _WINDOW, 0)
        seg_start = max(clause_start, prev["end"] if prev else 0)
        pre = s[seg_start:start]
        pre_clause = s[clause_start:start]

        approx = None
        change = None
        am = phrase_before(pre, _APPROX)
        cm = phrase_before(pre, _CHANGES)
        if cm is None and am is not None:  # "tăng hơn 5%"
            cm = phrase_before(pre[:am[1]], _CHANGES)
        if cm and not phrase_before(pre, V.MET_OR_EXCEEDED):
            change = V.CHANGE_WORDS[cm[0]]
        if am and not (cm and cm[0] in V.COMPARATIVE_CHANGES and am[1] > cm[1]):
            approx = V.APPROX_WORDS[am[0]]

        reference, ref_len = _reference_after(s[f["unit_end"]:f["unit_end"] + _REFERENCE_CHARS])
        f["ref_end"] = f["unit_end"] + ref_len
        sign = s[start - 1] if start >= 2 and s[start - 2] == "(" else ""
        # "Sản phẩm tăng so với cùng kỳ: điện 2.156 triệu kWh (+12,5%)": a reference stated before
        # applies to changes and percentages, not to the levels between
        # one an earlier figure took after itself is used up, unless this figure breaks that one down
        # ("tăng 8,12% so với cùng kỳ, trong đó ... tăng 3,5%" vs "..., bình quân 8 tháng tăng 3,85%")
        if reference is None and (change or f["kind"] == "percent" or sign in V.SIGN_CHANGES):
            free = pre_clause
            if ref_taken > clause_start and not _BREAKDOWN_RE.search(s, ref_taken, start):
                free = s[ref_taken:start]
            bm = _REF_BEFORE_RE.search(_ASIDE_RE.sub(" ", free)) if "so" in free.lower() else None
            if bm:
                reference = _ref_name(bm)
        if change == "tăng" and cm and cm[0].startswith("vượt") \
                and f["kind"] != "percent" and reference is None:
            change = None
        if prev is not None and change is None and _EQUIV_RE.match(pre):
            change = out[-1].change
            if reference is None:
                reference = out[-1].reference
            elif out[-1].reference is None and out[-1].change:
                out[-1].reference = reference
        if ref_len:
            ref_taken = f["ref_end"]
        if change is None and sign in V.SIGN_CHANGES:
            change = V.SIGN_CHANGES[sign]

        estimate = _is_estimate(pre_clause, clause_start, figures[:k], f, change)
        period = _choose_period(periods, start, fallback)
        label = figure_label(s, figures, k, clause_start, out)
        ind = Indicator(
            text=s[start:end], start=offset + start, end=offset + end,
            value=f["value"], unit=f["unit"], kind=f["kind"], upper=f["upper"], total=f["total"],
            approx=approx, estimate=estimate, change=change, reference=reference, label=label,
            period=period, sentence=sentence_excerpt(s, start, end),
        )
        out.append(ind)
        prev = f
    return out


def _is_estimate(pre_clause: str, clause_start: int, earlier: list[dict], f: dict,
                 change: str | None) -> bool:
    """"ước đạt 31,6 tỷ đồng, bằng 118,5% ..., tăng 12,4%": the estimated figure and those derived
    from it (percentages, changes, the same unit) -- not every figure later in the clause
    ("ước thực hiện 142,7 tỷ đồng, ... cho 2.146 đối tượng")."""
    if "ước" not in pre_clause.lower():
        return False
    last = last_match(_ESTIMATE_RE.finditer(pre_clause))
    if last is None:
        return False
    after = clause_start + last.end()
    first = next((e for e in earlier if e["start"] >= after), None)
    return first is None or f["kind"] == "percent" or change is not None or f["unit"] == first["unit"]


def _reference_after(post: str) -> tuple[str | None, int]:
    """The reference right after a figure ("so với cùng kỳ") and how far it reaches."""
    m = _REF_AFTER_RE.match(post)
    if not m or (m.group("year") and not m.group("so")):
        return None, 0
    tail = _REF_TAIL_RE.match(post, m.end())  # "dự toán HĐND tỉnh giao"
    return _ref_name(m), tail.end() if tail else m.end()


def _ref_name(m: re.Match) -> str:
    for i, (_, name) in enumerate(V.REFERENCE_TABLE):
        if m.group(f"r{i}"):
            return name
    return _ROMAN_RE.sub(lambda r: r.group().upper(), " ".join(m.group("year").lower().split()))


def _has_digit(text: str, a: int, b: int) -> bool:
    return _DIGIT_RE.search(text, a, b) is not None


def _periods(s: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _PERIOD_RE.finditer(s):
        if _PERIOD_NOT_AFTER.search(s[max(0, m.start() - _PERIOD_LINK_CHARS):m.start()]):
            continue
        out.append((m.start(), m.end(), _normal_period(m.group())))
    return out


def first_period(title: str) -> str | None:
    found = _periods(title)
    return found[0][2] if found else None


def _normal_period(p: str) -> str:
    p = " ".join(p.split())
    p = re.sub(r"^0+(\d)", r"\1", p)
    p = re.sub(r"\s*/\s*", "/", p)
    return p[0].lower() + p[1:]


def _complete(period: str, fallback: str | None) -> str:
    """"6 tháng đầu năm" takes the year of "6 tháng đầu năm 2023" stated earlier."""
    if fallback and not _YEAR_RE.search(period) and fallback.lower().startswith(period.lower()):
        return fallback
    return period


def _choose_period(periods, start: int, fallback: str | None) -> str | None:
    before = [p for p in periods if p[1] <= start]
    chosen = before[-1][2] if before else (periods[0][2] if periods else None)
    if chosen is None:
        return fallback
    return _complete(chosen, fallback)


def sentence_excerpt(s: str, start: int, end: int, limit: int = SENTENCE_CHARS) -> str:
    """The sentence of the figure s[start:end], spaces collapsed; a sentence longer than `limit`
    characters is cut to a window around the figure at word boundaries, "…" marking each cut, so that
    every figure stores at most `limit` characters (plus the two marks; or its own text, if that is
    longer) however long its sentence is, and the output stays linear in the input. The window always
    holds the figure's text."""
    whole = " ".join(s.split())
    if len(whole) <= limit:
        return whole
    room = max(0, limit - (end - start))
    a = max(0, start - room // 2)
    b = min(len(s), end + room - (start - a))
    a = max(0, a - (room - (start - a) - (b - end)))  # room left after the sentence's end goes before
    if a > 0 and not s[a - 1].isspace():
        a = _next_space(s, a, start)
    if b < len(s) and not s[b].isspace():
        b = _last_space(s, b, end)
    excerpt = " ".join(s[a:b].split())
    return ("…" if a > 0 else "") + excerpt + ("…" if b < len(s) else "")


def _next_space(s: str, i: int, limit: int) -> int:
    while i < limit and not s[i].isspace():
        i += 1
    return i


def _last_space(s: str, i: int, limit: int) -> int:
    while i > limit and not s[i - 1].isspace():
        i -= 1
    return i
