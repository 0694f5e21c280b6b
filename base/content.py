"""HTTP bodies: the charset a Content-Type names, and content decoding (gzip, deflate) with an output cap.

Shared by the fetcher, which decodes as bytes arrive, and the archive reader, which decodes what was archived raw.
"""
from __future__ import annotations

import zlib

CHUNK = 64 * 1024
ARCHIVE_MAX_DECODED = 256 * 2**20  # a guard against a decompression bomb read back from an archive


def charset_of(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def _decoder(encoding: str):
    encoding = encoding.strip().lower()
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(32 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return "deflate"
    return None


def decode_body(raw: bytes, encoding: str) -> bytes:
    """The body of an archived response: ``raw`` content-decoded (as much as decodes)."""
    return content_decode(raw, encoding, ARCHIVE_MAX_DECODED)[0]


def content_decode(raw: bytes, encoding: str, max_bytes: int) -> tuple[bytes, bool]:
    """Content-decode ``raw`` up to ``max_bytes`` of output -> (body, cut off)."""
    dec = _decoder(encoding)
    if dec is None:
        return raw[:max_bytes], len(raw) > max_bytes
    if dec == "deflate":  # servers disagree whether "deflate" has a zlib header
        try:
            return _decode_with(zlib.decompressobj(), raw, max_bytes)
        except zlib.error:
            dec = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        return _decode_with(dec, raw, max_bytes)
    except zlib.error:
        return raw[:max_bytes], len(raw) > max_bytes  # mislabelled: the bytes are the body


def _decode_with(dec, raw: bytes, max_bytes: int) -> tuple[bytes, bool]:
    out = dec.decompress(raw, max_bytes + 1)
    return out[:max_bytes], len(out) > max_bytes
