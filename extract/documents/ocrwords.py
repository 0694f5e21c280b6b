"""Tone marks Tesseract drops on Vietnamese letters that already carry a mark: "tô chức", "kê hoạch",
"sản xuât", "thị trân", "Độc lâp" for "tổ chức", "kế hoạch", "sản xuất", "thị trấn", "Độc lập"; and the
shape mark it changes under a tone: "QUYÉT", "XÃ HỌI", "thị trắn" for "QUYẾT", "XÃ HỘI", "thị trấn".

The stacked mark (circumflex or breve plus tone) is what the `vie` model loses most on scanned Times New Roman.
A word with a bare â, ê, ô or ă is given back its tone only when the evidence is unambiguous:
- one toned form makes a word of the dictionary with its neighbour ("kê hoạch" is no word, "kế hoạch" is) while
  the word as read does not; or
- the syllable as read cannot exist (a syllable ending in p, t, c or ch takes the sắc or nặng tone) and only one
  of those two forms is a dictionary syllable;
- a word that is no syllable of the dictionary becomes one by a single change of shape mark, and only one does
  (or only one makes a word with a neighbour).
The dictionary is underthesea's Viet74K word list (a dependency already); without it nothing changes.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_TONES = ("\u0301", "\u0323", "\u0300", "\u0309", "\u0303")  # sắc, nặng, huyền, hỏi, ngã
_BARE = re.compile("[âêôăÂÊÔĂ]")
_TONED = re.compile("[\u0300\u0301\u0303\u0309\u0323]")
_WORD = re.compile(r"[^\W\d_]+")
_STOP_FINAL = re.compile(r"(?:p|t|c|ch)$", re.I)


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    try:
        import underthesea
    except ImportError:
        return frozenset()
    path = Path(underthesea.__file__).parent / "corpus" / "data" / "Viet74K.txt"
    if not path.exists():
        return frozenset()
    words = path.read_text(encoding="utf-8").split("\n")
    return frozenset(unicodedata.normalize("NFC", w.strip().lower()) for w in words if w.strip())


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every syllable of the dictionary's words ("hoạch" is one, though only "kế hoạch" is a word)."""
    return frozenset(s for w in dictionary() for s in w.split())


# Letters of one base that OCR confuses by their shape mark: "QUYÉT" for "QUYẾT", "đuợc" for "được".
_SHAPES = {"a": "aăâ", "ă": "aăâ", "â": "aăâ", "e": "eê", "ê": "eê", "o": "oôơ", "ô": "oôơ", "ơ": "oôơ",
           "u": "uư", "ư": "uư"}


def _shape_variants(word: str) -> list[str]:
    """``word`` with one vowel's shape mark changed, its tone kept."""
    out = []
    for i, ch in enumerate(word):
        decomposed = unicodedata.normalize("NFD", ch)
        tone = "".join(m for m in decomposed[1:] if m in _TONES)
        shaped = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in _TONES))
        for other in _SHAPES.get(shaped, ""):
            if other != shaped:
                out.append(word[:i] + unicodedata.normalize("NFC", other + tone) + word[i + 1:])
    return out


def _candidates(word: str) -> list[str]:
    """``word`` with each tone put on its first bare circumflex/breve vowel (the vowel that carries the tone)."""
    if _TONED.search(unicodedata.normalize("NFD", word)):
        return []
    m = _BARE.search(word)
    if not m:
        return []
    return [word[: m.start()] + unicodedata.normalize("NFC", m.group() + t) + word[m.end():] for t in _TONES]


def _fixed(word: str, before: str | None, after: str | None, words: frozenset[str]) -> str | None:
    options = _candidates(word)
    if not options:
        return None
    # The neighbours as read, and as they would be with their own dropped tone restored: when the word as
    # read makes a word with a mended neighbour ("cây trông" is "cây trồng"), the mistake may be the neighbour's.
    lefts = [before, *_candidates(before)] if before else []
    rights = [after, *_candidates(after)] if after else []

    def makes_word(w: str, neighbours_as_read: bool) -> bool:
        left = lefts[:1] if neighbours_as_read else lefts
        right = rights[:1] if neighbours_as_read else rights
        return any(f"{b} {w}" in words for b in left) or any(f"{w} {a}" in words for a in right)

    if not makes_word(word, neighbours_as_read=False):
        good = [c for c in options if makes_word(c, neighbours_as_read=False)]
        if len(good) == 1:
            return good[0]
    if _STOP_FINAL.search(word):
        good = [c for c in options[:2] if c in words]  # only sắc and nặng end in p, t, c, ch
        if len(good) == 1:
            return good[0]
    return None


def _reshaped(word: str, before: str | None, after: str | None, words: frozenset[str]) -> str | None:
    """A word that is no Vietnamese syllable, with the one shape mark that makes it one ("quyét" -> "quyết");
    between several, the one that makes a word with a neighbour."""
    known = syllables()
    if word in known or not word.isalpha() or word.isascii():
        return None
    good = [v for v in _shape_variants(word) if v in known]
    if len(good) > 1:
        good = [v for v in good if (before and f"{before} {v}" in words) or (after and f"{v} {after}" in words)]
    return good[0] if len(good) == 1 else None


def restore_tones(text: str) -> str:
    """``text`` with the dropped tone marks put back where the evidence is unambiguous (see the module)."""
    words = dictionary()
    if not words or text.isascii():
        return text
    out = []
    for line in text.split("\n"):
        tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(line)]
        pieces, last = [], 0
        upper_line = line.isupper()
        for i, (start, end, word) in enumerate(tokens):
            if word[0].isupper() and not upper_line and i:
                continue  # a name inside a sentence ("Krông Nô", "Đắk Mâm", "Lê"): its letters are its own
            before = tokens[i - 1][2].lower() if i and tokens[i - 1][1] + 1 >= start else None
            after = tokens[i + 1][2].lower() if i + 1 < len(tokens) and end + 1 >= tokens[i + 1][0] else None
            fixed = _fixed(word.lower(), before, after, words) or _reshaped(word.lower(), before, after, words)
            if fixed:
                if word.isupper():
                    fixed = fixed.upper()
                elif word[0].isupper():
                    fixed = fixed[0].upper() + fixed[1:]
                pieces.append(line[last:start] + fixed)
                last = end
        pieces.append(line[last:])
        out.append("".join(pieces))
    return "\n".join(out)
