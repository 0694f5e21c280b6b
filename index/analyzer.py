"""The Vietnamese analyzer of the search index.

Every token is indexed in two forms at the same position (as Elasticsearch's
``asciifolding`` with ``preserve_original`` does):

* the *exact* form: NFC, lower case, tone mark placed by one rule
  ("hoà"/"hòa" -> "hòa", "uỷ"/"ủy" -> "ủy"), so old and new spellings meet;
* the *folded* form: no diacritics at all, đ -> d ("cải" -> "cai").

A query typed without diacritics matches the folded forms; a query with
diacritics matches both, and documents with the exact spelling score higher
(see index/search.py). There is no stop list and no minimum length: "ở", "a",
"y" (in "y tế") are words. Numbers stay whole ("2.358", "5/5", "95%", "1,5");
a percentage is also indexed as its bare number and a date ("02/8/2023") also
as its year, so "95" and "2023" find them. Upper-case abbreviations joined by
"-" or "&" stay one token ("KT-XH", "GD&ĐT"); other hyphens split words.

Syllables are the unit, and words are indexed too: a Vietnamese word is often
several syllables written apart ("an toàn", "thông tin"). The text is cut into
words by longest match against underthesea's bundled dictionary (Viet74K; its
CRF ``word_tokenize`` segments better but costs about 130 ms per article, the
dictionary a small share of that: bench/bench_index.py), and the words of
several syllables are indexed in a field of their own (``words``, no positions),
folded and joined with "_" ("an_toan"). So "an toàn thông tin" can
tell a page on information security from one on traffic safety that mentions
"thông tin đại chúng" (index/query.py scores the query's words as words).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from whoosh.analysis import Token, Tokenizer

# Combining marks for the five tones (huyền, sắc, ngã, hỏi, nặng).
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
VOWELS = frozenset("aăâeêioôơuưy")
# Vowels carrying a quality mark: the tone goes on (the last of) them ("người" -> ơ).
MARKED_VOWELS = frozenset("ăâêôơư")
# Initials whose second letter is not a vowel of the rhyme when a vowel follows ("quý", "giá").
GLIDE_INITIALS = ("qu", "gi")
# Look-alike letters seen in portal HTML; the extractor fixes them too, the index must not depend on it.
LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})  # Icelandic Eth -> Vietnamese Đ/đ

TOKEN_RE = re.compile(
    r"(?P<abbr>[A-ZĐ][A-ZĐ0-9]*(?:[-&][A-ZĐ][A-ZĐ0-9]*)+(?![^\W_]))"  # KT-XH, GD&ĐT, TN-MT
    r"|(?P<num>\d+(?:[.,/]\d+)*(?:\s?%)?)"  # 2.358  1,5  5/5  02/8/2023  95%  95 %
    r"|(?P<word>[^\W\d_][^\W_]*)"  # syllables, and mixed tokens such as F0, QL24
)
# Lower-case words joined by "-" or "&" in a query: an abbreviation if the table knows it.
JOINED_RE = re.compile(r"(?<![^\W_])[^\W\d_]+(?:[-&][^\W\d_]+)+(?![^\W_])")
# A day/month/year or month/year date: its year is indexed too.
DATE_YEAR_RE = re.compile(r"^(?:\d{1,2}/){1,2}(\d{4})$")
# The word list underthesea ships (one word a line, syllables apart), read without importing underthesea.
WORD_LIST = ("corpus", "data", "Viet74K.txt")
# Longer entries of the list are idioms and sayings, not words: matching them would hide the words inside.
MAX_WORD_SYLLABLES = 4
WORD_JOINER = "_"  # "an toàn" is indexed as "an_toan": no token of the syllable analysis holds "_"
# Two or more syllables (letters only) apart by spaces on one line: where words of several syllables can be.
RUN_RE = re.compile(r"(?<![^\W_])[^\W\d_]+(?:[^\S\n]+[^\W\d_]+)+(?![^\W_])")


def normalize_text(text: str) -> str:
    """NFC with look-alike letters fixed: the first step for indexed text and queries alike."""
    return unicodedata.normalize("NFC", text).translate(LOOKALIKES)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Drop every diacritic; đ -> d. ``fold("Đường") == "Duong"``."""
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def normalize_tone(word: str) -> str:
    """Put a lower-case syllable's tone mark where one rule says ("hoà" -> "hòa", "thuỷ" -> "thủy").

    The rule ("new style"): on the vowel with a quality mark (the last one, "ươ" -> ơ);
    else on the last vowel when a final consonant follows ("hoàng"); else on the first of
    two vowels ("hòa", "của") or the middle of three ("ngoài", "khuỷu").
    """
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in TONE_MARKS]
    if len(tones) != 1:
        return word
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    at = _tone_position(base)
    if at is None:
        return word
    return unicodedata.normalize("NFC", base[:at + 1] + tones[0] + base[at + 1:])


def _tone_position(base: str) -> int | None:
    start = 2 if base[:2] in GLIDE_INITIALS and len(base) > 2 and base[2] in VOWELS else 0
    first = next((i for i in range(start, len(base)) if base[i] in VOWELS), None)
    if first is None:
        return None
    end = first
    while end < len(base) and base[end] in VOWELS:
        end += 1
    marked = [i for i in range(first, end) if base[i] in MARKED_VOWELS]
    if marked:
        return marked[-1]
    size = end - first
    if size == 1:
        return first
    if end < len(base):  # a final consonant follows
        return end - 1
    return first if size == 2 else first + 1


@dataclass(frozen=True)
class TermForms:
    """One token of a text: its exact and folded forms, plus extra forms indexed at its position."""

    exact: str
    folded: str
    extras: tuple[str, ...] = ()
    start: int = 0
    end: int = 0


@lru_cache(maxsize=500_000)
def token_forms(kind: str, raw: str) -> tuple[str, ...]:
    """All forms indexed for one token: exact first, then folded and extras, without repeats."""
    extras: tuple[str, ...] = ()
    if kind == "num":
        exact = folded = raw.replace(" ", "")
        if exact.endswith("%"):
            extras = (exact[:-1],)
        else:
            year = DATE_YEAR_RE.match(exact)
            extras = (year.group(1),) if year else ()
    elif kind == "abbr":
        exact = raw.lower()
        folded = fold(exact)
    else:
        exact = normalize_tone(raw.lower())
        folded = fold(exact)
    forms = [exact]
    for form in (folded, *extras):
        if form not in forms:
            forms.append(form)
    return tuple(forms)


def terms(text: str) -> Iterator[TermForms]:
    """The tokens of ``text`` (already NFC) with their forms and character spans."""
    for m in TOKEN_RE.finditer(text):
        forms = token_forms(m.lastgroup, m.group())
        folded = forms[1] if len(forms) > 1 and m.lastgroup != "num" else forms[0]
        yield TermForms(forms[0], folded, forms[2:] if m.lastgroup != "num" else forms[1:], m.start(), m.end())


def query_terms(text: str) -> list[TermForms]:
    """The tokens of a query string, normalised like indexed text.

    Users type abbreviations in lower case ("kt-xh"); known ones are kept whole like "KT-XH" in text.
    """
    text = JOINED_RE.sub(lambda m: m.group().upper() if fold(m.group().lower()) in ABBREVIATION_EXPANSIONS
                         else m.group(), normalize_text(text))
    return list(terms(text))


class VietnameseTokenizer(Tokenizer):
    """whoosh tokenizer emitting every form of each token at the token's position."""

    def __eq__(self, other) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        text = normalize_text(value)
        if not tokenize:
            token.original = token.text = text
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        # NFC may shorten NFD input; character offsets refer to the normalised text.
        pos = start_pos
        for m in TOKEN_RE.finditer(text):
            for form in token_forms(m.lastgroup, m.group()):
                token.text = form
                token.boost = 1.0
                token.stopped = False
                if keeporiginal:
                    token.original = form
                if positions:
                    token.pos = pos
                if chars:
                    token.startchar, token.endchar = start_char + m.start(), start_char + m.end()
                yield token
            pos += 1


def vietnamese_analyzer() -> VietnameseTokenizer:
    return VietnameseTokenizer()


def word_analyzer() -> WordTokenizer:
    return WordTokenizer()


class WordTokenizer(Tokenizer):
    """whoosh tokenizer emitting the words of several syllables of a text, folded and joined: "an_toan".

    For a field of its own, without positions: the words score as terms (index/query.py); phrases
    and exact spellings are the syllable fields' job, so one form per word is enough.
    """

    def __eq__(self, other) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, word in enumerate(word_tokens(normalize_text(value)), start_pos):
            token.text, token.boost, token.stopped = word, 1.0, False
            if keeporiginal:
                token.original = word
            if positions:
                token.pos = pos
            yield token


def word_tokens(text: str) -> Iterator[str]:
    """The words of several syllables of a text (NFC), folded and joined by "_", by longest match."""
    for run in RUN_RE.finditer(text):
        syllables = [normalize_tone(s) for s in run.group().lower().split()]
        for start, end in segment(syllables):
            yield WORD_JOINER.join(fold(s) for s in syllables[start:end])


@dataclass(frozen=True)
class WordList:
    """Words of several syllables, as syllable tuples, with the longest word each syllable starts."""

    words: frozenset[tuple[str, ...]]
    longest: dict[str, int]

    @classmethod
    def of(cls, words: list[tuple[str, ...]]) -> WordList:
        longest: dict[str, int] = {}
        for w in words:
            longest[w[0]] = max(longest.get(w[0], 0), len(w))
        return cls(frozenset(words), longest)


@lru_cache(maxsize=1)
def dictionary() -> tuple[WordList, WordList]:
    """The words of several syllables: exact forms (tone placed by normalize_tone), and folded forms."""
    spec = find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return WordList.of([]), WordList.of([])
    path = Path(spec.submodule_search_locations[0]).joinpath(*WORD_LIST)
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).lower()
    words = [line.split() for line in text.splitlines()]
    words = [w for w in words if 1 < len(w) <= MAX_WORD_SYLLABLES]
    syllables = {s for w in words for s in w}
    tone = {s: normalize_tone(s) for s in syllables}
    folded = {s: fold(s) for s in syllables}
    return (WordList.of([tuple(tone[s] for s in w) for w in words]),
            WordList.of([tuple(folded[s] for s in w) for w in words]))


def segment(syllables: list[str], folded: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each word of several syllables in a run of syllables, by longest match.

    ``folded``: the syllables are diacritic-free and matched against the folded word list.
    """
    found = dictionary()[1 if folded else 0]
    words, longest = found.words, found.longest
    spans = []
    i, n = 0, len(syllables)
    while i < n - 1:
        size = min(longest.get(syllables[i], 0), n - i)
        while size > 1 and tuple(syllables[i:i + size]) not in words:
            size -= 1
        if size > 1:
            spans.append((i, i + size))
            i += size
        else:
            i += 1
    return spans


# Abbreviations found either way at query time: "BHYT" also finds "bảo hiểm y tế" and back.
# Keys are lower case; only abbreviations with one meaning in government news are listed
# (e.g. "ND" or "TT" are left out: Nghị định/nhân dân, Thông tư/thị trấn/trung tâm).
ABBREVIATIONS: dict[str, str] = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "ubmttq": "ủy ban mặt trận tổ quốc",
    "mttq": "mặt trận tổ quốc",
    "bhyt": "bảo hiểm y tế",
    "bhxh": "bảo hiểm xã hội",
    "bhtn": "bảo hiểm thất nghiệp",
    "ntm": "nông thôn mới",
    "tthc": "thủ tục hành chính",
    "cchc": "cải cách hành chính",
    "kt-xh": "kinh tế xã hội",
    "ktxh": "kinh tế xã hội",
    "ocop": "mỗi xã một sản phẩm",
    "nsnn": "ngân sách nhà nước",
    "gpmb": "giải phóng mặt bằng",
    "xdcb": "xây dựng cơ bản",
    "cbcc": "cán bộ công chức",
    "cbccvc": "cán bộ công chức viên chức",
    "dtts": "dân tộc thiểu số",
    "cntt": "công nghệ thông tin",
    "cđs": "chuyển đổi số",
    "dvc": "dịch vụ công",
    "dvctt": "dịch vụ công trực tuyến",
    "atgt": "an toàn giao thông",
    "pccc": "phòng cháy chữa cháy",
    "atvstp": "an toàn vệ sinh thực phẩm",
    "thcs": "trung học cơ sở",
    "thpt": "trung học phổ thông",
    "gd&đt": "giáo dục và đào tạo",
    "gd-đt": "giáo dục và đào tạo",
    "gdđt": "giáo dục và đào tạo",
    "tn&mt": "tài nguyên và môi trường",
    "tn-mt": "tài nguyên và môi trường",
    "tnmt": "tài nguyên và môi trường",
    "nn&ptnt": "nông nghiệp và phát triển nông thôn",
    "nnptnt": "nông nghiệp và phát triển nông thôn",
    "lđtbxh": "lao động thương binh và xã hội",
    "lđ-tb&xh": "lao động thương binh và xã hội",
    "ctmtqg": "chương trình mục tiêu quốc gia",
    "bch": "ban chấp hành",
    "bcđ": "ban chỉ đạo",
    "đbqh": "đại biểu quốc hội",
    "qp-an": "quốc phòng an ninh",
    "qpan": "quốc phòng an ninh",
    "csgt": "cảnh sát giao thông",
    "vsmt": "vệ sinh môi trường",
    "kh&cn": "khoa học và công nghệ",
    "khcn": "khoa học công nghệ",
    "htx": "hợp tác xã",
    "ttyt": "trung tâm y tế",
    "grdp": "tổng sản phẩm trên địa bàn",
}


def _folded_seq(text: str) -> tuple[str, ...]:
    return tuple(t.folded for t in terms(normalize_text(text)))


# Folded abbreviation -> folded expansion tokens, and expansion tokens -> abbreviations.
ABBREVIATION_EXPANSIONS: dict[str, tuple[str, ...]] = {
    fold(abbr): _folded_seq(words) for abbr, words in ABBREVIATIONS.items()
}
EXPANSION_ABBREVIATIONS: dict[tuple[str, ...], tuple[str, ...]] = {}
for _abbr, _seq in ABBREVIATION_EXPANSIONS.items():
    EXPANSION_ABBREVIATIONS.setdefault(_seq, ())
    EXPANSION_ABBREVIATIONS[_seq] += (_abbr,)
del _abbr, _seq
