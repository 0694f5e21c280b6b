"""Where figures can be: sentence splitting and the spans that are never figures.

Dates, times, year ranges, document numbers, phone numbers, URLs and file
names are found by pattern first; numbers inside them are skipped.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator

from extract.indicators.vocab import (
    FILE_EXTENSIONS,
    PHONE_WORDS,
    TIME_OF_DAY,
    alternation,
)

# abbreviations whose "." does not end a sentence ("TP. Quảng Ngãi")
_ABBREVIATIONS = frozenset({"tp", "tx", "tt", "ths", "ts", "pgs", "gs", "bs", "th.s", "p", "q",
                            "st", "đ/c", "đc", "ks", "cn", "bsck", "ls", "nxb", "vd"})
_LAST_WORD_RE = re.compile(r"(?<![\w./])([\w./]+)$")
_ABBREVIATION_TAIL = 12  # characters before a stop that can hold an abbreviation (and then some)
_SENTENCE_END = re.compile(r"(?:[.!?…]+|\.\.\.)[\"”')]*(?=\s)|\n")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, on the original text; stripped of surrounding space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group() != "\n":
            nxt = _next_char(text, m.end())
            if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in "\"“'(-•+*"):
                continue
            # the word before the stop, looked for in a bounded tail: abbreviations are short
            prev_word = _LAST_WORD_RE.search(text, max(start, m.start() - _ABBREVIATION_TAIL), m.start())
            if prev_word and prev_word.group(1).lower() in _ABBREVIATIONS:
                continue
        _add(spans, text, start, m.end())
        start = m.end()
    _add(spans, text, start, len(text))
    return spans


def _next_char(text: str, i: int) -> str:
    while i < len(text) and text[i].isspace():
        i += 1
    return text[i] if i < len(text) else ""


def _add(spans: list[tuple[int, int]], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        spans.append((a, b))



_DM = r"\d{1,2}\s*[/.\-]\s*\d{1,2}"
_NOT_FIGURE = re.compile(
    "|".join((
        r"https?://\S+|www\.\S+",
        # (matches start only where a word starts: tried from every character, a long run of digits and
        # dots would cost its length squared)
        rf"(?<![\w\-./])[\w\-./]+\.(?i:{alternation(FILE_EXTENSIONS)})\b",
        # full dates: 02/8/2023, 18-08-2023, 29.3.2023
        r"(?<!\d)\d{1,2}\s?([/.\-])\s?\d{1,2}\s?\1\s?\d{2,4}(?!\d)",
        # day/month after a time-of-day word: "ngày 31/12", "Chiều 29.3", "Sáng 16-6", "ngày 15, 16/8"
        rf"(?i:\b(?:{alternation(TIME_OF_DAY)}))\s+(?:\d{{1,2}}\s*(?:,|và|-|–)\s*)*{_DM}(?![\d,])",
        # "21/7đến 20/8/2021", "từ 01/6 - 30/6"
        rf"(?<![\d,.]){_DM}\s*(?:đến|tới|-|–)\s*{_DM}(?:\s*[/.\-]\s*\d{{2,4}})?(?![\d,])(?!\s*%)",
        # month/year and quarter/year: "8/2023", "I/2023"
        r"(?<![\d,.])\d{1,2}\s?/\s?(?:19|20)\d{2}(?!\d)",
        # times: 8h30, 14 giờ 30, 8:30, 7g
        r"(?<![\d,.])\d{1,2}\s?(?:h|giờ|g|:)\s?\d{2}(?:\s?phút|')?(?!\d)",
        # year ranges and seasons: 2021-2025, 2022 - 2023
        r"(?<!\d)(?:19|20)\d{2}\s?[-–]\s?(?:19|20)?\d{2}(?!\d)",
        # document numbers: 2553/QĐ-UBND, 198 /BC-UBND, 03-NQ/TU, 61/2018/NĐ-CP
        r"(?<![\w,./])(?<!/\s)\d+(?:\s?/\s?\d+)*(?:\s?/\s?|-)[A-ZĐ][\wĐ]*(?:[\-/.&][\wĐ]+)*",
        # phone numbers: 0255.3822.123, (0255) 3 822 123, +84 912 345 678
        r"(?<![\d,.])(?:\+84|\(?0\d{2,3}\)?)[\s.\-]?\d{2,4}[\s.\-]?\d{3,4}(?:[\s.\-]?\d{2,4})?(?!\d)",
        rf"(?i:\b(?:{alternation(PHONE_WORDS)}))\s*:?\s*[\d\s.()+\-]{{6,}}",
    ))
)


_PHONE_DIGITS = 9  # the fewest digits of a phone number (with its area code)
_PHRASE_WORDS = 4  # the longest phrase phrase_before looks for, in words ...
_PHRASE_CHARS = 48  # ... and in characters


def not_figure_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of the sentence that hold no figure (dates, documents, phones, ...)."""
    spans = []
    for m in _NOT_FIGURE.finditer(sentence):
        text = m.group()
        if re.fullmatch(r"(?:\+84|\(?0)[\d\s.()\-]+", text) and sum(c.isdigit() for c in text) < _PHONE_DIGITS:
            continue  # "0,5" or "05 xã" are no phone numbers
        spans.append((m.start(), m.end()))
    return spans


def phrase_before(text: str, phrases: frozenset[str], skip: str = " \t\u00a0:") -> tuple[str, int] | None:
    """The longest phrase of `phrases` (lower case, up to 4 words) that ends text, ignoring trailing
    `skip` characters: (phrase, start offset in text), or None.  A set lookup on the last words,
    because end-anchored regex alternations are slow on long texts."""
    end = len(text.rstrip(skip))
    start = max(0, end - _PHRASE_CHARS)
    tokens = text[start:end].split()
    if start > 0 and not text[start - 1].isspace() and tokens:
        tokens = tokens[1:]  # cut in the middle of a word
    lowered = []
    for i, token in enumerate(reversed(tokens[-_PHRASE_WORDS:])):
        bare = token.lstrip("([\"“'‘,;:-–")
        if not bare.isalpha():
            break
        lowered.append(bare.lower())
        if bare != token:  # "(giảm": an opening bracket ends the phrase
            tokens[len(tokens) - 1 - i] = bare
            break
    best = None
    for n in range(1, len(lowered) + 1):
        phrase = " ".join(reversed(lowered[:n]))
        if phrase in phrases:
            best = phrase, n
    if best is None:
        return None
    words = tokens[len(tokens) - best[1]:]
    pos = end
    for word in reversed(words):
        pos = text.rindex(word, 0, pos)
    return best[0], pos


def last_match(matches: Iterator[re.Match]) -> re.Match | None:
    """The last of an iterator of matches (a regex cannot search backwards), or None."""
    last = deque(matches, maxlen=1)
    return last[0] if last else None
