"""Dates as Vietnamese portals print them -> ISO 8601 (local time +07:00).

``find_dates`` lists every date in a piece of text with the time printed next
to it; the caller decides which one is the publication date (the article
extractor only looks at the lines around the title). Dates joined into a range
and dates after labels such as "Ngày ban hành" or "Hôm nay" are flagged.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from itertools import accumulate

from extract.portal_vocab import (
    AM_WORDS,
    DATE_ISO,
    DATE_NUMERIC,
    DATE_RANGE_JOIN,
    DATE_TIME_GAP,
    DATE_WORDS,
    MAX_DATE_TIME_GAP,
    MONTH_WORDS,
    NOT_PUBLISHED_LABEL,
    PM_WORDS,
    TIME_OF_DAY,
)

VN_TZ = timezone(timedelta(hours=7))
MIN_YEAR, MAX_YEAR = 1900, 2100
# No Vietnamese portal published anything before this year: older dates are history, not a dateline.
FIRST_WEB_YEAR = 1995


@dataclass
class DateHit:
    start: int
    end: int
    iso: str
    has_time: bool
    in_range: bool = False     # part of "d1 - d2"
    excluded: bool = False     # after a label such as "Ngày ban hành", "Hôm nay"

    @property
    def usable(self) -> bool:
        return not (self.in_range or self.excluded)


def _valid(y: int, m: int, d: int) -> date | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month(word: str) -> int:
    if word.isdigit():
        return int(word)
    # The pattern ignores case the Unicode way, which also accepts "ſ" for "s" and "İ" for "i":
    # lower() does not map those back, so the name is found the way the pattern found it.
    return MONTH_WORDS.get(word.lower()) or next(
        n for name, n in MONTH_WORDS.items() if re.fullmatch(re.escape(name), word, re.I))


def _time(match) -> tuple[int, int, int] | None:
    h, mi, s = int(match["H"]), int(match["M"]), int(match["S"] or 0)
    ampm = (match["ampm"] or "").lower()
    if ampm in PM_WORDS and h < 12:
        h += 12
    elif ampm in AM_WORDS and h == 12:
        h = 0
    if h > 23 or mi > 59 or s > 59:
        return None
    return h, mi, s


def _format(day: date, hms: tuple[int, int, int] | None) -> str:
    if hms is None:
        return day.isoformat()
    return datetime(day.year, day.month, day.day, *hms, tzinfo=VN_TZ).isoformat()


def find_dates(text: str) -> list[DateHit]:
    """Every day-first or ISO date in text, paired with an adjacent time of day."""
    spans: list[tuple[int, int, date, tuple | None]] = []
    for rx in (DATE_NUMERIC, DATE_WORDS):
        for m in rx.finditer(text):
            day = _valid(int(m["y"]), _month(m["m"]), int(m["d"]))
            if day:
                spans.append((m.start(), m.end(), day, None))
    inside = _inside(spans)
    for m in DATE_ISO.finditer(text):
        day = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
        if day and not inside(m.start()):
            spans.append((m.start(), m.end(), day, "iso" if m["H"] else None))
    spans.sort(key=lambda t: t[0])
    inside = _inside(spans)
    times = [t for t in TIME_OF_DAY.finditer(text) if not inside(t.start())]
    time_starts, time_ends = [t.start() for t in times], [t.end() for t in times]
    hits: list[DateHit] = []
    used: set[int] = set()
    for start, end, day, hms in spans:
        s0, e0 = start, end
        if hms is None:
            # Only the times within the gap of this date can pair with it (times are in text order).
            near = range(bisect_left(time_ends, start - MAX_DATE_TIME_GAP),
                         bisect_right(time_starts, end + MAX_DATE_TIME_GAP))
            for i in near:
                t = times[i]
                if i in used:
                    continue
                after = t.start() >= end and DATE_TIME_GAP.match(text[end:t.start()])
                before = t.end() <= start and DATE_TIME_GAP.match(text[t.end():start])
                if after or before:
                    hms = _time(t)
                    if hms is not None:
                        used.add(i)
                        s0, e0 = min(start, t.start()), max(end, t.end())
                        break
        if hms == "iso":
            iso = parse_structured(text[start:end]) or day.isoformat()
            hits.append(DateHit(s0, e0, iso, "T" in iso))
            continue
        hits.append(DateHit(s0, e0, _format(day, hms), hms is not None, excluded=day.year < FIRST_WEB_YEAR))
    for a, b in zip(hits, hits[1:]):
        if not a.has_time and not b.has_time and DATE_RANGE_JOIN.match(text[a.end:b.start]):
            a.in_range = b.in_range = True
    for h in hits:
        if h.excluded or NOT_PUBLISHED_LABEL.search(text[max(0, h.start - 40):h.start]):
            h.excluded = True
    return hits


def _inside(spans: list[tuple]) -> Callable[[int], bool]:
    """Whether a position falls in one of the spans: a binary search, so a text of many dates stays linear."""
    spans = sorted(spans, key=lambda t: t[0])
    starts = [s[0] for s in spans]
    reach = list(accumulate((s[1] for s in spans), max))  # the furthest end among spans starting so far
    return lambda pos: (i := bisect_right(starts, pos) - 1) >= 0 and pos < reach[i]


def first_date(text: str) -> DateHit | None:
    """The first usable date in text (not in a range, not after an excluding label)."""
    for h in find_dates(text):
        if h.usable:
            return h
    return None


def parse_structured(value: str | None, *, local: bool = True) -> str | None:
    """A machine-readable date (meta, JSON-LD, <time datetime>) -> ISO 8601.

    local=True (Vietnamese pages): times with an offset are converted to +07:00
    and times without one are taken as +07:00. Otherwise the offset is kept as given.
    """
    if not value:
        return None
    value = value.strip()
    m = DATE_ISO.search(value)
    if not m:
        hit = first_date(value)
        return hit.iso if hit else None
    day = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
    if day is None:
        return None
    if not m["H"]:
        return day.isoformat()
    try:
        dt = datetime(day.year, day.month, day.day, int(m["H"]), int(m["M"]), int(m["S"] or 0))
    except ValueError:
        return day.isoformat()
    tz = m["tz"]
    if tz:
        if tz == "Z":
            offset = timezone.utc
        else:
            sign = -1 if tz[0] == "-" else 1
            hh, mm = int(tz[1:3]), int(tz[-2:])
            if hh > 23 or mm > 59:  # no time zone: the time cannot be placed, the date stands
                return day.isoformat()
            offset = timezone(sign * timedelta(hours=hh, minutes=mm))
        dt = dt.replace(tzinfo=offset)
        return dt.astimezone(VN_TZ).isoformat() if local else dt.isoformat()
    return dt.replace(tzinfo=VN_TZ).isoformat() if local else dt.isoformat()
