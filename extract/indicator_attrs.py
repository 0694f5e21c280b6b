"""Attributes of a figure read from its sentence: approx, estimate, change,
reference, label (what is measured) and period.
"""
from __future__ import annotations

import re

from extract import indicator_vocab as V
from extract.models import Indicator


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_APPROX_RE = re.compile(rf"(?:^|[\s(,:])({_alt(V.APPROX_WORDS)})[\s:]*$", re.I)
_CHANGE_RE = re.compile(
    rf"(?:^|[\s(,:])({_alt(V.CHANGE_WORDS)})(?:\s+(?:{_alt(V.APPROX_WORDS)}))?[\s:]*$", re.I)
_COMPARATIVE = frozenset({"cao hơn", "thấp hơn", "nhiều hơn", "ít hơn"})
_EQUIV_RE = re.compile(
    rf"^[\s,]*(?:\(\s*|(?:{_alt(V.EQUIVALENT_LINKS)})\s+)(?:(?:{_alt(V.APPROX_WORDS)})\s+)?$", re.I)
_ESTIMATE_RE = re.compile(rf"(?<![\w])(?<!quy )(?<!công )(?<!hiệp )(?<!điều )(?<!mong )"
                          rf"(?:{V.ESTIMATE_PATTERN})", re.I)
_REF_CORE = "|".join(f"(?P<r{i}>{pat})" for i, (pat, _) in enumerate(V.REFERENCE_TABLE))
_REF_AFTER_RE = re.compile(rf"^[\s,]*(?:(?:[^\W\d]+\s+){{0,3}}?(?P<so>so\s+với|so)\s+|với\s+)?(?:{_REF_CORE}"
                           rf"|(?P<year>{V.REFERENCE_AFTER_SO_VOI}))", re.I)
_REF_BEFORE_RE = re.compile(rf"\bso\s+(?:với\s+)?(?:{_REF_CORE}|(?P<year>{V.REFERENCE_AFTER_SO_VOI}))",
                            re.I)
_PERIOD_RE = re.compile("|".join(f"(?:{p})" for p in V.PERIOD_PATTERNS), re.I)
_PERIOD_NOT_AFTER = re.compile(r"(?:so\s+với|so|cùng\s+kỳ|kế\s+hoạch|với|của)\s+(?:cuối\s+|đầu\s+)?$",
                               re.I)
_YEAR_RE = re.compile(r"(?:19|20)\d{2}")

_TRAIL_WORDS = _alt(set(V.LABEL_VERBS) | set(V.APPROX_WORDS) | set(V.CHANGE_WORDS)
                    | {"từ", "số", "tổng số", "mức", "ở mức", "là", "khoảng", "lên", "còn",
                       "đã", "đạt tỷ lệ", "đạt tỉ lệ", "và", "với tổng số", "đến nay", "hiện nay",
                       "hiện có", "đến nay có", "hiện", "nay"})
_TRAIL_RE = re.compile(rf"(?:^|[\s,:(]+)(?:{_TRAIL_WORDS})[\s,:(]*$", re.I)
_LEAD_RE = re.compile(rf"^(?:{'|'.join(V.LABEL_LEAD_STRIP)})\s*", re.I)
_LEAD_PERIOD_RE = re.compile(rf"^(?:(?:trong|tính\s+đến|đến|từ|sau|qua)\s+)?(?:{_PERIOD_RE.pattern})"
                             r"(?:\s+(?:qua|vừa\s+qua|này))?\s*,?\s*", re.I)
_LOCATION_TAIL_RE = re.compile(r"\s+(?:tại|ở)\s+\S.*$", re.I)
_WEAK_SUBJECT_RE = re.compile(r"^(?:toàn\s+|cả\s+)?(?:huyện|tỉnh|xã|thị\s+xã|thành\s+phố|ngành|"
                              r"đơn\s+vị|địa\s+phương|ubnd\s+\S+(?:\s+\S+)?|chúng\s+tôi|"
                              r"trên\s+địa\s+bàn(?:\s+\S+)?)?$", re.I)
_POST_STOP_RE = re.compile(r"[,;.:()!?]|\s(?:và|với|trong đó|so với|so|bằng|chiếm)\s|\d")
_MAX_LABEL_WORDS = 16
_SHARED_RE = re.compile(r"^\s*(?:[,;]|và\b|\(|$)", re.I)


class FigureContext:
    """What the text said before the current sentence: paragraph and headline periods."""

    def __init__(self, text: str, title: str | None) -> None:
        self.text = text
        self.title_period = _first_period(title or "")
        self.carry: str | None = None
        self._last_end = 0

    def new_sentence(self, a: int, b: int) -> None:
        if "\n" in self.text[self._last_end:a]:
            self.carry = None
        self._last_end = b
        found = _periods(self.text[a:b])
        self._pending = found[-1][2] if found else None

    def fallback_period(self) -> str | None:
        return self.carry or self.title_period

    def end_sentence(self) -> None:
        if self._pending:
            self.carry = _complete(self._pending, self.carry or self.title_period)


def annotate(ctx: FigureContext, s: str, offset: int, figures: list[dict]) -> list[Indicator]:
    """Indicators for the figures of one sentence (offsets in the sentence; offset = sentence start)."""
    periods = _periods(s)
    fallback = ctx.fallback_period()
    out: list[Indicator] = []
    prev: dict | None = None
    sentence_text = " ".join(s.split())
    bases: list[tuple[Indicator, str | None]] = []
    for k, f in enumerate(figures):
        start, end = f["start"], f["end"]
        clause_start = max(s.rfind(";", 0, start) + 1, 0)
        seg_start = max(clause_start, prev["end"] if prev else 0)
        pre = s[seg_start:start]
        pre_clause = s[clause_start:start]

        approx = None
        change = None
        cm = _CHANGE_RE.search(pre)
        if cm:
            word = " ".join(cm.group(1).lower().split())
            change = V.CHANGE_WORDS.get(word)
        am = _APPROX_RE.search(pre)
        if am and not (cm and " ".join(cm.group(1).lower().split()) in _COMPARATIVE
                       and am.end() == cm.end() and am.start() >= cm.start()):
            approx = V.APPROX_WORDS[" ".join(am.group(1).lower().split())]

        reference = _reference_after(s[f["unit_end"]:f["unit_end"] + 80])
        if reference is None:
            bm = _REF_BEFORE_RE.search(pre_clause)
            if bm:
                reference = _ref_name(bm)
        if change == "tăng" and cm and cm.group(1).lower().startswith("vượt") \
                and f["kind"] != "percent" and reference is None:
            change = None
        if prev is not None and change is None and _EQUIV_RE.match(pre):
            change = out[-1].change
            if reference is None:
                reference = out[-1].reference
            elif out[-1].reference is None and out[-1].change:
                out[-1].reference = reference

        estimate = bool(_ESTIMATE_RE.search(pre_clause))
        period = _choose_period(periods, start, fallback)
        shared = prev is not None and seg_start == prev["end"] and bool(_SHARED_RE.match(pre))
        label, qualifier = _label(s, pre, figures, k, shared=shared)
        if label is None and bases:
            label = bases[-1][0].label
        if qualifier and bases:
            _strip_qualifier(bases, qualifier)
            label = bases[-1][0].label
        ind = Indicator(
            text=s[start:end], start=offset + start, end=offset + end,
            value=f["value"], unit=f["unit"], kind=f["kind"], upper=f["upper"], total=f["total"],
            approx=approx, estimate=estimate, change=change, reference=reference, label=label,
            period=period, sentence=sentence_text,
        )
        out.append(ind)
        bases.append((ind, label))
        prev = f
    return out


def _reference_after(post: str) -> str | None:
    m = _REF_AFTER_RE.match(post)
    if not m:
        return None
    if m.group("year") and not m.group("so"):
        return None
    return _ref_name(m)


def _ref_name(m: re.Match) -> str:
    for i, (_, name) in enumerate(V.REFERENCE_TABLE):
        if m.group(f"r{i}"):
            return name
    return " ".join(m.group("year").lower().split())


def _periods(s: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _PERIOD_RE.finditer(s):
        if _PERIOD_NOT_AFTER.search(s[max(0, m.start() - 20):m.start()]):
            continue
        out.append((m.start(), m.end(), _normal_period(m.group())))
    return out


def _first_period(title: str) -> str | None:
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


def _clean(label: str) -> str:
    label = " ".join(label.split()).strip(" ,:;-–(")
    for _ in range(4):
        new = _LEAD_PERIOD_RE.sub("", label)
        new = _LEAD_RE.sub("", new).strip(" ,:;-–(")
        if new == label:
            break
        label = new
    return label


def _label(s: str, pre: str, figures: list[dict], k: int, shared: bool) -> tuple[str | None, str | None]:
    """(label, qualifier): qualifier is set when this figure only names a part ("cấp xã")
    of a subject that an earlier figure of the sentence stated in full."""
    f = figures[k]
    subject = pre
    stripped: list[str] = []
    while (tm := _TRAIL_RE.search(subject)) and subject:
        stripped.append(" ".join(subject[tm.start():].strip(" ,:(").lower().split()))
        subject = subject[:tm.start()]
    subject = subject.strip(" ,:;(")
    subject = subject.rsplit(":", 1)[-1] if ":" in subject else subject
    subject = _LOCATION_TAIL_RE.sub("", _clean(subject))
    words = subject.split()
    countable = f["kind"] in ("count", "ratio") and bool(f["unit"])
    if shared and len(words) <= 3 and (words or not countable):
        return None, (subject if words else None)
    existential = any(w in ("có", "hiện có", "đến nay có") for w in stripped[:2])
    if countable:
        if len(words) < 2 or _WEAK_SUBJECT_RE.match(subject) or existential:
            post = _post_unit(s, figures, k)
            verb = next((w for w in stripped if w in V.ACTION_VERBS), None)
            if post:
                return _finish(f"{verb} {post}" if verb and not existential else post), None
        elif len(words) <= 3:  # "cấp huyện: 395 hồ sơ"
            return _finish(f"{f['unit']} {subject}"), None
    if not words:
        return None, None
    return _finish(" ".join(words[:_MAX_LABEL_WORDS])), None


_AND_NEXT_RE = re.compile(r"^\s*(?:và|,)\s*$")


def _post_unit(s: str, figures: list[dict], k: int) -> str | None:
    """The counted noun and what follows it: "có 5 xã đạt chuẩn" -> "xã đạt chuẩn"."""
    f = figures[k]
    tail_from = f["unit_end"]
    # "18 phòng, ban và 05/05 xã sử dụng ...": the predicate after the last listed figure
    j = k
    while j + 1 < len(figures) and _AND_NEXT_RE.match(s[figures[j]["unit_end"]:figures[j + 1]["start"]]):
        j += 1
        tail_from = figures[j]["unit_end"]
    tail = s[tail_from:tail_from + 120]
    stop = _POST_STOP_RE.search(tail)
    tail = tail[:stop.start()] if stop else tail
    label = " ".join((s[f["unit_start"]:f["unit_end"]] + " " + tail).split()).strip(" ,")
    words = label.split()
    return " ".join(words[:_MAX_LABEL_WORDS]) if words else None


def _finish(label: str) -> str:
    first = label.split()[0]
    if first[0].isupper() and not (len(first) > 1 and first[1:].isupper()):
        label = label[0].lower() + label[1:]
    return label


def _strip_qualifier(bases: list[tuple[Indicator, str | None]], qualifier: str) -> None:
    """"Tỷ lệ X cấp huyện đạt 95%, cấp xã đạt 92%": both are about "tỷ lệ X"."""
    head = qualifier.split()[0].lower()
    for ind, base in bases:
        if not base:
            continue
        words = base.split()
        for k in range(len(words) - 1, 0, -1):
            if words[k].lower() == head and len(words) - k <= 3:
                ind.label = " ".join(words[:k])
                break
