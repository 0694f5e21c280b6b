"""Bytes of a fetched or saved page -> text (NFC), or BadInput when it is not an HTML page.

Order of trust for the character set: byte-order mark, the HTTP header, the
page's own <meta charset>/http-equiv declaration, then detection. A declared
charset that does not decode the bytes cleanly is treated as a lie (portals
copy templates between sites) and detection takes over.

Windows-1258 (Vietnamese) stores tone marks as separate combining characters,
so NFC is applied after decoding, as it is to every page.
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from base.errors import BadInput
from extract.textnorm import normalize_text

# Only the first MAX_PARSE_BYTES of a page are decoded and parsed. Real article
# pages are well under 1 MB; anything far larger is a dump or an attack, and
# parsing all of it would cost seconds and hundreds of MB for no extra article text.
MAX_PARSE_BYTES = 4 * 2**20
# Inline data: URIs (base64 images pasted into the editor) this long are replaced by an empty "data:,"
# before the size limit applies: a 5 MB picture must not push the article's text past the limit.
MIN_INLINE_DATA_CHARS = 256
_INLINE_DATA = re.compile(rb"data:[\w.+/-]{0,100}(?:;[\w.+=-]{0,100})*,[^\"'()<>\s]{%d,}" % MIN_INLINE_DATA_CHARS)
_INLINE_DATA_TEXT = re.compile(_INLINE_DATA.pattern.decode("ascii"))
# A page declared (or detected) as UTF-8 whose bytes are valid UTF-8 but for a few stray bytes is UTF-8 with
# replacement characters: up to this share of its non-ASCII characters may be bad. A page in another
# charset misread as UTF-8 has most of its non-ASCII bytes invalid.
MAX_BAD_UTF8_SHARE = 0.02
# How much of the page the charset sniffers look at.
SNIFF_BYTES = 64 * 1024

# Magic numbers of the binary files people most often feed in by mistake.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"PK\x03\x04", "a ZIP archive or Office document (docx/xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (doc/xls)"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"WARC/", "a WARC archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
    (b"ID3", "an MP3 audio file"),
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels portals put in headers that Python spells differently.
CHARSET_ALIASES = {
    "windows-1258": "cp1258", "win-1258": "cp1258", "x-cp1258": "cp1258",
    "utf8": "utf-8", "unicode": "utf-8", "iso-8859-1": "cp1252", "latin1": "cp1252",
    "latin-1": "cp1252", "us-ascii": "utf-8", "ascii": "utf-8",  # HTML5: these labels mean a superset
}
# Declarations too often wrong to trust over bytes that are valid UTF-8.
WEAK_CODECS = frozenset(("cp1252", "latin-1", "iso8859-1", "ascii"))
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
# Share of control bytes above which a file is not text in any 8-bit charset.
MAX_CONTROL_SHARE = 0.05
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_MARKUP = re.compile(r"<\s*(?:!doctype|html|head|body|meta|title|div|p|a|table|span|article|br|h[1-6]|script|link)\b",
                     re.I)


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _sniff_binary(data: bytes) -> str | None:
    """What kind of non-text file this is, or None when it may be text."""
    head = data[:16]
    for magic, what in BINARY_SIGNATURES:
        if head.startswith(magic):
            return what
    sample = data[:SNIFF_BYTES]
    if any(sample.startswith(bom) for bom, _ in BOMS):
        return None
    if b"\x00" in sample:
        return "binary data (NUL bytes)"
    controls = sum(sample.count(c) for c in _CONTROL)
    if controls > MAX_CONTROL_SHARE * len(sample):
        return "binary data"
    return None


def _try(data: bytes, codec: str | None) -> str | None:
    if not codec:
        return None
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with replacement characters, when only a few bytes are not valid UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = sum(1 for c in text if ord(c) > 127)
    return text if non_ascii and bad <= MAX_BAD_UTF8_SHARE * non_ascii else None


def _detect(data: bytes) -> str:
    """Decode bytes whose charset nobody declared (or declared wrongly)."""
    text = _try(data, "utf-8") or _mostly_utf8(data)
    if text is not None:
        return text
    best = from_bytes(data[:SNIFF_BYTES]).best()
    codec = _codec(best.encoding) if best is not None else None
    # Vietnamese pages that are not UTF-8 are almost always Windows-1258.
    for candidate in (codec, "cp1258"):
        text = _try(data, candidate)
        if text is not None:
            return text
    return data.decode("cp1258", errors="replace")


def decode_html(data: bytes, http_charset: str | None = None) -> str:
    """Decode a page's bytes into NFC text, or raise BadInput if it is not an HTML page."""
    return decode_page(data, http_charset)[0]


def decode_page(data: bytes, http_charset: str | None = None) -> tuple[str, list[str]]:
    """(NFC text, warnings): decode_html, saying when the page had to be cut."""
    if not data or not data.strip() or not data.lstrip(codecs.BOM_UTF8).strip():
        raise BadInput("not an HTML page: the input is empty")
    what = _sniff_binary(data)
    if what:
        raise BadInput(f"not an HTML page: looks like {what}")
    warnings = []
    if len(data) > MAX_PARSE_BYTES:
        data = _INLINE_DATA.sub(b"data:,", data)
    if len(data) > MAX_PARSE_BYTES:
        # Cut before a tag so no multi-byte character is split.
        cut = data.rfind(b"<", 0, MAX_PARSE_BYTES)
        data = data[:cut if cut > 0 else MAX_PARSE_BYTES]
        warnings.append(_cut_warning())
    text = None
    for bom, codec in BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(codec, errors="replace")
            break
    if text is None:
        declared = META_CHARSET.search(data[:SNIFF_BYTES])
        for label in (http_charset, declared.group(1).decode("ascii", "ignore") if declared else None):
            codec = _codec(label)
            if codec in WEAK_CODECS:
                # "ISO-8859-1" is what servers and HTTP clients say when nobody said anything; Latin-1
                # decodes any bytes, so valid UTF-8 (the usual truth) is tried first.
                text = _try(data, "utf-8")
            text = text if text is not None else _try(data, codec)
            if text is None and codec == "utf-8":
                text = _mostly_utf8(data)  # a few bad bytes do not make the declaration a lie
            if text is not None:
                break
    if text is None:
        text = _detect(data)
    text = normalize_text(text)
    if not _MARKUP.search(text[:SNIFF_BYTES]) and not _MARKUP.search(text):
        raise BadInput("not an HTML page: no HTML markup found")
    return text, warnings


def _cut_warning() -> str:
    return f"page cut at {MAX_PARSE_BYTES // 2**20} MB: the text after that point is not extracted"


def check_html_text(text: str) -> str:
    """The str counterpart of decode_html: same checks, same cap, NFC."""
    return check_page_text(text)[0]


def check_page_text(text: str) -> tuple[str, list[str]]:
    """(NFC text, warnings): check_html_text, saying when the page had to be cut."""
    if not text or not text.strip():
        raise BadInput("not an HTML page: the input is empty")
    if "\x00" in text[:SNIFF_BYTES]:
        raise BadInput("not an HTML page: looks like binary data (NUL bytes)")
    if text.lstrip().startswith("%PDF"):
        raise BadInput("not an HTML page: looks like a PDF file")
    warnings = []
    if len(text) > MAX_PARSE_BYTES:
        text = _INLINE_DATA_TEXT.sub("data:,", text)
    if len(text) > MAX_PARSE_BYTES:
        text = text[:MAX_PARSE_BYTES]
        warnings.append(_cut_warning())
    text = normalize_text(text)
    if not _MARKUP.search(text):
        raise BadInput("not an HTML page: no HTML markup found")
    return text, warnings
