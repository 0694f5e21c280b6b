"""The label of a figure: what is measured, as a noun phrase taken from its sentence.

Rules, in order:
- the subject is the text before the figure in its clause, minus the linking
  verb ("đạt", "là", "chiếm", ...), opening phrases ("Trong 6 tháng đầu năm
  2023,", "Đến nay,") and trailing places/dates ("tại UBND huyện");
- a later figure of the same clause names only a part ("Tỷ lệ X cấp huyện đạt
  95%, cấp xã đạt 92%"): it carries the shared subject with its own part ("tỷ lệ X cấp xã");
- a count whose subject is empty or only a place ("Toàn huyện có 5 xã đạt
  chuẩn") is labelled by its counted noun and what follows ("xã đạt chuẩn").
"""
from __future__ import annotations

import re

from extract.indicators import vocab as V
from extract.indicators.spans import last_match, phrase_before
from extract.models import Indicator

_PERIOD = "|".join(f"(?:{p})" for p in V.PERIOD_PATTERNS)
_TRAIL = frozenset(set(V.LABEL_LINKS) | set(V.APPROX_WORDS) | set(V.CHANGE_WORDS) | set(V.RESPECTIVELY_LINKS))
_LEAD_RE = re.compile(rf"^(?:{'|'.join(V.LABEL_LEAD_STRIP)})\s*", re.I)
_LEAD_PERIOD_RE = re.compile(rf"^(?:(?:trong|tính\s+đến|đến|từ|sau|qua|của)\s+)?(?:{_PERIOD})"
                             r"(?:\s+(?:qua|vừa\s+qua|này))?\s*,?\s*", re.I)
_NOT_PLACE_O = "".join(rf"(?<!{w}\s)" for w in V.NOT_PLACE_O)
_TAIL_RE = re.compile(
    rf"(?:^|\s+)(?:(?:tại|{_NOT_PLACE_O}ở)\s+\S.*|(?:tính\s+)?(?:đến|từ|vào|trong)\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}[^,]*"
    rf"|(?:trong\s+)?(?:{_PERIOD})|(?:tính\s+)?đến\s+nay)$", re.I)
# a date phrase inside a subject: "gieo sạ tập trung từ ngày 28/12/2021 đến ngày 10/01/2022, diện tích"
_DATE_PHRASE_RE = re.compile(r"(?<!\S)(?:tính\s+)?(?:đến|từ|vào|trong)\s+(?:(?:hết\s+)?(?:ngày|đêm)\s+)?\d{1,2}"
                             r"(?:\s*(?:đến|-|–)\s*(?:ngày\s+)?\d{1,2})?\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?"
                             r"\s*,?\s*(?=\S)", re.I)
_BREAKDOWN_RE = re.compile(r"trong\s+đó|gồm|bao\s+gồm", re.I)
_COPULAS = frozenset(V.COPULA_LINKS)
_RESPECTIVELY = frozenset(V.RESPECTIVELY_LINKS)
_LINKED = frozenset(set(V.CHANGE_WORDS) | set(V.EQUIVALENT_LINKS))
_AGENT_RE = re.compile(r"^((?:\S+\s+){0,5}?)(?:đã|đang|sẽ|vừa|đều)\s+(\S.*)$", re.I)
_WEAK_SUBJECT_RE = re.compile(
    r"^(?:toàn\s+|cả\s+|các\s+)?(?:huyện|tỉnh|xã|thị\s+xã|thành\s+phố|ngành|đơn\s+vị|địa\s+phương|"
    r"ubnd\s+\S+(?:\s+\S+)?|chúng\s+tôi|trên\s+địa\s+bàn(?:\s+\S+)?)?$", re.I)
_POST_STOP_RE = re.compile(r"[,;.:()!?]|\s(?:và|với|trong đó|so với|so|bằng|chiếm|tương đương)\s|\d")
# a new subject starts after the first comma, "(" or "và" that follows the previous figure
_REGION_CUT_RE = re.compile(r"[,(]|\svà\s")
_WITH_RE = re.compile(r"(?<!so)\s+với\s+(?=\S)", re.I)
_AND_NEXT_RE = re.compile(r"^\s*và\s*$")
_EXISTENTIAL_RE = re.compile(r"(?:^|\s)(?:có|hiện\s+có|còn)\s*$", re.I)
_MAX_WORDS = 16
_EXISTENTIAL_CHARS = 20  # "có", "hiện có" right before the figure
_MAX_STRIP_PASSES = 5  # opening phrases and trailing places are stripped until none is left, at most this often
_AGENT_WORDS = 4  # "UBND huyện đã cấp 250 ...": a capitalised agent before "đã" of up to this many words
_SHORT_SUBJECT_WORDS = 3  # a subject this short may be a part ("cấp xã") or a verb phrase ("thu hút")
_PARALLEL_FIGURES = 4  # how many figures back a listed part or a shared predicate is looked for
_PREDICATE_CHARS = 40  # the words after a list of counts looked at for a shared predicate
_POST_CHARS = 120  # how far after a counted noun its label may reach
_GLUED_REF_RE = re.compile(rf"(?:{V.alternation(V.PERCENT_GLUED_REFERENCES)})(?!\w)")


def figure_label(s: str, figures: list[dict], k: int, clause_start: int,
                 earlier: list[Indicator]) -> str | None:
    """Label of figures[k] in sentence s; earlier = the sentence's indicators so far (may be edited)."""
    f = figures[k]
    prev = figures[k - 1] if k and figures[k - 1]["end"] > clause_start else None
    if prev is not None and phrase_before(s[clause_start:f["start"]], _RESPECTIVELY):
        # "Tỷ lệ X tại 3 xã A, B, C lần lượt là 12%, ...": the clause subject, not the words after "3 xã"
        prev = None
        earlier = []
    seg_start = clause_start
    if prev is not None:
        seg_start = max(prev["end"], prev.get("ref_end", prev["end"]))
        region = s[seg_start:f["start"]]
        cut = _REGION_CUT_RE.search(region)
        if cut:
            seg_start += cut.end()
        wm = last_match(_WITH_RE.finditer(s, seg_start, f["start"]))
        if wm is not None:
            seg_start = wm.end()
    pre = s[seg_start:f["start"]]
    colon = pre.rstrip().endswith(":")
    existential = bool(_EXISTENTIAL_RE.search(pre[-_EXISTENTIAL_CHARS:].rstrip(" :")))
    subject = _subject(pre)
    words = subject.split()
    countable = f["kind"] in ("count", "ratio") and bool(f["unit"])
    base = earlier[-1].label if prev is not None and earlier else None

    if prev is not None and base:
        if not words and not countable:
            return base
        if len(words) == 1 and not countable:
            # "trong đó lúa 34.500 ha" breaks the earlier figure down; "ngô 540 ha, lạc 386 ha" lists
            # like items, each in place of the one before
            if _BREAKDOWN_RE.search(s, prev["end"], f["start"]) or prev["unit"] != f["unit"]:
                return _finish(f"{base} {subject}")
            return _finish(_replace_last(base, subject))
        # "..., trong đó khách quốc tế đạt 320.000 lượt" breaks down, it does not list parallels
        shared = None if _BREAKDOWN_RE.search(s, prev["end"], f["start"]) else _parallel(earlier, words)
        if shared:
            return shared
    # "Theo Quyết định ..., toàn tỉnh còn 1.962 hộ nghèo": the comma part next to the figure decides
    weak = not words or _WEAK_SUBJECT_RE.match(subject.rsplit(",", 1)[-1].strip())
    if (weak or existential) and (countable or f["kind"] in ("measure", "percent")):
        post = _post_unit(s, figures, k)
        # "Số người ... đạt 362 người, tăng 95 người": a bare unit names less than the subject
        bare = post is not None and post.lower() == f["unit"].lower()
        if bare and weak and base and phrase_before(pre, _LINKED) is not None:
            return base  # "tăng 95 người", "tương đương 35 căn nhà": the same subject
        if post and (not bare or weak or not words):
            return post
    if countable:
        if colon and 0 < len(words) <= _SHORT_SUBJECT_WORDS:
            return _finish(f"{f['unit']} {subject}")
        if 0 < len(words) <= _SHORT_SUBJECT_WORDS and words[0].lower() not in V.LABEL_NOUN_HEADS:
            post = _post_unit(s, figures, k)
            # "BHXH tự nguyện 12.345 người" names its subject; "thu hút 3 dự án" takes its object
            # ("khách quốc tế đạt 320.000 lượt": a link word leaves the subject a noun phrase)
            verb_phrase = post and (subject[0].islower() or " " in post.strip()) \
                and phrase_before(pre, _COPULAS) is None
            return _finish(f"{subject} {post}" if verb_phrase else subject)
    if not words:
        return base
    return _finish(" ".join(words[:_MAX_WORDS]))


def _subject(pre: str) -> str:
    subject = _DATE_PHRASE_RE.sub(" ", pre)
    while subject and (tm := phrase_before(subject, _TRAIL, skip=" \t\u00a0,:(")):
        before = subject[:tm[1]].split()
        first, *rest = tm[0].split()
        if before and f"{before[-1]} {first}".lower() in V.NOT_LINK_COMPOUNDS:
            if not rest:
                break
            subject = subject[:tm[1] + len(first)]  # "chứng chỉ đạt 28,4%": "chỉ" ends the noun
            continue
        subject = subject[:tm[1]]
    subject = subject.strip(" ,:;(")
    if ":" in subject:
        subject = subject.rsplit(":", 1)[-1]
    subject = " ".join(subject.split()).strip(" ,:;-–(+")
    for _ in range(_MAX_STRIP_PASSES):
        new = _LEAD_PERIOD_RE.sub("", subject)
        new = _LEAD_RE.sub("", new).strip(" ,:;-–(")
        new = _TAIL_RE.sub("", new).strip(" ,:;-–(")
        if new == subject:
            break
        subject = new
    am = _AGENT_RE.match(subject)
    if am and (not am.group(1).strip() or _WEAK_SUBJECT_RE.match(am.group(1).strip())
               or len(am.group(1).split()) <= _AGENT_WORDS and am.group(1)[:1].isupper()):
        subject = am.group(2)
    return subject


def _replace_last(base: str, word: str) -> str:
    """"năng suất ngô ..., lạc 24,6 tạ/ha": the listed item takes the place of the earlier one."""
    base_words = base.split()
    if len(base_words) >= 2:
        return " ".join(base_words[:-1] + [word])
    return f"{base} {word}"


def _parallel(earlier: list[Indicator], words: list[str]) -> str | None:
    """"Tỷ lệ X cấp huyện đạt 95%, cấp xã đạt 92%": "cấp xã" takes the place of "cấp huyện" after
    the shared subject ("tỷ lệ X cấp xã"), so each label names both the subject and its part
    ("đăng ký khai sinh 3.456 trường hợp, khai tử 1.215 trường hợp")."""
    if not words or len(words) > _SHORT_SUBJECT_WORDS:
        return None
    head = words[0].lower()
    for ind in reversed(earlier[-_PARALLEL_FIGURES:]):
        label_words = (ind.label or "").split()
        for i in range(len(label_words) - 1, 1, -1):
            tail = [w.lower() for w in label_words[i:]]
            if tail[0] == head and len(tail) == len(words) and tail != [w.lower() for w in words]:
                return " ".join(label_words[:i] + words)
    return None


def _post_unit(s: str, figures: list[dict], k: int) -> str | None:
    """The counted noun and what follows it: "có 5 xã đạt chuẩn" -> "xã đạt chuẩn"."""
    f = figures[k]
    tail_from = f["unit_end"]
    # "18 phòng, ban và 05/05 xã sử dụng ...": the predicate after the last listed figure
    j = k
    while j + 1 < len(figures) and j < k + _PARALLEL_FIGURES \
            and _AND_NEXT_RE.match(s[figures[j]["unit_end"]:figures[j + 1]["start"]]):
        j += 1
    if j > k and _starts_predicate(s[figures[j]["unit_end"]:figures[j]["unit_end"] + _PREDICATE_CHARS]):
        tail_from = figures[j]["unit_end"]
    if gm := _GLUED_REF_RE.match(s, tail_from):
        tail_from = gm.end()  # "đạt 106%KH": the reference, not what is counted
    tail = s[tail_from:tail_from + _POST_CHARS]
    stop = _POST_STOP_RE.search(tail)
    tail = tail[:stop.start()] if stop else tail
    unit_text = s[f["unit_start"]:f["unit_end"]] if f["kind"] != "percent" else ""
    label = " ".join((unit_text + " " + tail).split()).strip(" ,")
    words = label.split()
    return _finish(" ".join(words[:_MAX_WORDS])) if words else None


def _starts_predicate(text: str) -> bool:
    words = text.split()[:2]
    return bool(words) and (words[0].lower() in V.PREDICATE_STARTS
                            or " ".join(words).lower() in V.PREDICATE_STARTS)


def _finish(label: str) -> str:
    first = label.split()[0]
    if first[0].isupper() and not (len(first) > 1 and first[1:].isupper()):
        label = label[0].lower() + label[1:]
    return label
