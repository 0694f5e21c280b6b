"""Legacy Vietnamese 8-bit encodings (TCVN3/ABC ".VnTime" fonts, VNI) read back as Latin-1 letters, to Unicode.

Word files and PDF text layers made with these fonts store Vietnamese as ordinary Windows-1252 code points:
"Céng hoµ x· héi chñ nghÜa ViÖt Nam" (TCVN3), "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam" (VNI). Each
encoding leaves marks that Unicode Vietnamese never has (µ, ·, ¸, ® … for TCVN3; a vowel followed by a
tone letter such as "oä", "aø" for VNI), so a text is converted only when those marks dominate.
"""
from __future__ import annotations

import re
import unicodedata

# TCVN3 (TCVN 5712:1993, ABC): one code point per letter. Upper-case toned letters have no codes: the
# ".VnTimeH" fonts draw the lower-case codes as capitals, so such text comes back in lower case.
TCVN3: dict[str, str] = dict(zip(
    "¨©ª«¬\u00ad®¡¢£¤¥¦§"
    "µ¶·¸¹" "»¼½¾Æ" "ÇÈÉÊË" "ÌÎÏÐÑ" "ÒÓÔÕÖ" "×ØÜÝÞ" "ßáâãä" "åæçèé" "êëìíî" "ïñòóô" "õö÷øù" "úûüýþ",
    "ăâêôơưđĂÂÊÔƠƯĐ"
    "àảãáạ" "ằẳẵắặ" "ầẩẫấậ" "èẻẽéẹ" "ềểễếệ" "ìỉĩíị" "òỏõóọ" "ồổỗốộ" "ờởỡớợ" "ùủũúụ" "ừửữứự" "ỳỷỹýỵ",
    strict=True))

# Code points TCVN3 uses that Unicode Vietnamese text never contains: the evidence for TCVN3.
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_TCVN3_MARKS = frozenset(set(TCVN3) - _VIETNAMESE_LATIN1)

# VNI: a base vowel followed by a modifier letter carrying the shape (circumflex, breve) and/or the tone.
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
VNI_MODIFIERS: dict[str, str] = {
    "ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT,
    "â": _CIRC, "à": _CIRC + _GRAVE, "á": _CIRC + _ACUTE, "å": _CIRC + _HOOK, "ã": _CIRC + _TILDE, "ä": _CIRC + _DOT,
    "ê": _BREVE, "è": _BREVE + _GRAVE, "é": _BREVE + _ACUTE, "ú": _BREVE + _HOOK, "ü": _BREVE + _TILDE,
    "ë": _BREVE + _DOT,
}
# Letters VNI writes as one code point: ơ, ư, đ and the toned i / ỵ.
VNI_SINGLE: dict[str, str] = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
    "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ", "Ì": "Ì", "Í": "Í", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ",
}
_TONES_ONLY = "øùûõïØÙÛÕÏ"
_VNI_PAIR = re.compile(
    "([aAeEoO])([" + "".join(VNI_MODIFIERS) + "".join(VNI_MODIFIERS).upper() + "])"
    "|([uUyYôÔöÖ])([" + _TONES_ONLY + "])"
    "|([" + "".join(VNI_SINGLE) + "])")


def _vni_pair(match: re.Match) -> str:
    """One VNI letter: a pair (vowel, modifier) or a single code point, in one pass so output is never re-read."""
    if match.group(5):
        return VNI_SINGLE[match.group(5)]
    base, mod = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    marks = VNI_MODIFIERS[mod.lower()]
    if base.lower() == "e" and marks.startswith(_BREVE) or base.lower() == "o" and marks.startswith(_BREVE):
        return match.group(0)  # breve only sits on "a": not a VNI pair
    base = VNI_SINGLE.get(base, base)
    return unicodedata.normalize("NFC", base + marks)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_TCVN3_MARK_RE = re.compile("[" + re.escape("".join(sorted(_TCVN3_MARKS))) + "]")
_VIETNAMESE_ONLY = re.compile("[\u1ea0-\u1ef9ăđơưĂĐƠƯ]")  # letters only Unicode Vietnamese has
_VNI_EVIDENCE = re.compile("[aAeEoO][âàáåãäÂÀÁÅÃÄ]|[aAeEoOuUyYôÔöÖ][øùûõïØÙÛÕÏ]|[ñÑ](?=[aeiouyâôö])")


def detect_legacy(text: str) -> str | None:
    """"tcvn3", "vni" or None (Unicode or plain ASCII): the legacy encoding whose marks dominate ``text``."""
    non_ascii = len(_NON_ASCII.findall(text))
    if non_ascii < 3:
        return None
    tcvn = len(_TCVN3_MARK_RE.findall(text))
    vni = 2 * len(_VNI_EVIDENCE.findall(text))
    vietnamese = len(_VIETNAMESE_ONLY.findall(text))
    best, score = max((("tcvn3", tcvn), ("vni", vni)), key=lambda kv: kv[1])
    # Real Unicode text has its own letters (ạ, ư, đ …): legacy marks must outnumber them clearly.
    if score >= 3 and score > 0.3 * non_ascii and score > 2 * vietnamese:
        return best
    return None


def convert_legacy(text: str, encoding: str) -> str:
    """``text`` read in the legacy ``encoding`` ("tcvn3" or "vni") as Unicode NFC."""
    if encoding == "tcvn3":
        out = "".join(TCVN3.get(c, c) for c in text)
    elif encoding == "vni":
        out = _VNI_PAIR.sub(_vni_pair, text)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    return unicodedata.normalize("NFC", out)


def to_unicode(text: str) -> tuple[str, str | None]:
    """(Unicode text, the legacy encoding it was converted from or None)."""
    encoding = detect_legacy(text)
    return (convert_legacy(text, encoding), encoding) if encoding else (text, None)
