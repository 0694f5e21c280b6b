"""``govnews extract``: run the extractors over files, URLs or stdin and print the results.

Each input is handled on its own: a bad one gets a one-line message on stderr
and the others are still processed; the exit status is 2 if any input was bad.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from base.errors import BadInput
from base.settings import default

MAX_INPUT_BYTES = default("max_bytes")  # the crawler's response limit; bigger inputs are not news pages
MAX_DOCUMENT_BYTES = max(MAX_INPUT_BYTES, default("document_max_bytes"))
# Attachments (PDF, Office files) are read as documents: by their first bytes, or by their name.
DOCUMENT_MAGIC = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".xlsx", ".doc", ".xls", ".odt", ".ods")


def run_extract(sources: list[str], url: str | None = None, text_mode: bool = False,
                fmt: str = "json", out: IO[str] | None = None) -> int:
    out = out or sys.stdout
    results = _results(sources, url, text_mode)
    failures = 0
    if fmt == "json" and len(sources) > 1:
        # Several inputs as one valid JSON document: an array, in input order.
        items = []
        for src, result in results:
            if isinstance(result, BadInput):
                failures += _report(src, result)
            else:
                items.append(result)
        json.dump(items, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 2 if failures else 0
    for src, result in results:
        if isinstance(result, BadInput):
            failures += _report(src, result)
        elif fmt == "jsonl":
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        elif fmt == "json":
            out.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(_as_text(result) + "\n")
        out.flush()
    return 2 if failures else 0


def _report(src: str, err: BadInput) -> int:
    print(f"govnews: {src}: {err}", file=sys.stderr)
    return 1


def _results(sources: list[str], url: str | None, text_mode: bool) -> Iterator[tuple[str, dict | BadInput]]:
    for src in sources:
        try:
            yield src, _extract_one(src, url, text_mode)
        except BadInput as err:
            yield src, err


def _extract_one(src: str, url: str | None, text_mode: bool) -> dict:
    data, charset, page_url = _read(src)
    if not text_mode and (data.startswith(DOCUMENT_MAGIC) or src.lower().endswith(DOCUMENT_SUFFIXES)):
        from extract.documents import extract_document

        name = None if src == "-" else src.rsplit("/", 1)[-1]
        return extract_document(data, filename=name, ocr=True, url=page_url).to_dict()
    data = _checked_size(data, "standard input" if src == "-" else "file" if page_url is None else "page")
    if text_mode:
        from extract.indicators import extract_indicators

        body = _plain_text(data, charset)
        return {"body": body, "indicators": [i.to_dict() for i in extract_indicators(body)]}
    from extract.article import extract_article

    article = extract_article(data, url=url or page_url, http_charset=charset)
    if article.page_type == "article" and not article.body and not article.title:
        raise BadInput("no article text found in this page")
    return article.to_dict()


def _read(src: str) -> tuple[bytes, str | None, str | None]:
    """The input's bytes, the charset its transport declared, and its URL when it has one."""
    if src == "-":
        return sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1), None, None
    if src.startswith(("http://", "https://")):
        from crawler.fetch import fetch_url

        result = fetch_url(src, max_bytes=MAX_INPUT_BYTES)
        if result.status >= 400:
            raise BadInput(f"HTTP {result.status} from {src}")
        if result.truncated:
            raise BadInput(f"page larger than {MAX_INPUT_BYTES // 2**20} MB")
        return result.body, result.charset, result.final_url
    path = Path(src)
    if not path.exists():
        raise BadInput("no such file")
    if path.is_dir():
        raise BadInput("is a folder, not a file")
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as err:
        raise BadInput(f"cannot read: {err.strerror or err}") from None
    return data, None, None


def _plain_text(data: bytes, charset: str | None) -> str:
    """Article text typed or saved by a person: UTF-8 (with or without BOM), else Windows-1258."""
    from extract.textnorm import normalize_text

    if b"\x00" in data[:4096]:
        raise BadInput("not a text file: binary data")
    for codec in (charset, "utf-8-sig"):
        try:
            return normalize_text(data.decode(codec or "utf-8-sig"))
        except (UnicodeDecodeError, LookupError):
            continue
    return normalize_text(data.decode("cp1258", errors="replace"))


def _checked_size(data: bytes, what: str) -> bytes:
    if len(data) > MAX_INPUT_BYTES:
        raise BadInput(f"{what} larger than {MAX_INPUT_BYTES // 2**20} MB: not a news page")
    return data


def _as_text(result: dict) -> str:
    """A human-readable rendering of an article, a document or a --text result."""
    lines = []
    if "title" in result:
        for field in ("title", "published", "author", "source", "views", "site_name", "url", "page_type"):
            if result.get(field) is not None:
                lines.append(f"{field}: {result[field]}")
        lines.append("")
    if "pages" in result:  # a document: its metadata, then each page under its number and how it was read
        for field in ("name", "format", "kind", "number", "issuer", "place", "date", "subject", "signer",
                      "position", "page_count"):
            if result.get(field) is not None:
                lines.append(f"{field}: {result[field]}")
        lines.extend(f"warning: {w}" for w in result.get("warnings") or [])
        for page in result["pages"]:
            confidence = f", confidence {page['confidence']}" if page.get("confidence") is not None else ""
            lines.extend(["", f"--- page {page['n']} ({page['method']}{confidence})", page["text"]])
    lines.append(result.get("body") or "")
    figures = result.get("indicators") or []
    if figures:
        lines.append("")
        lines.append(f"figures ({len(figures)}):")
        for f in figures:
            total = f"/{f['total']}" if f.get("total") is not None else ""
            label = f"  [{f['label']}]" if f.get("label") else ""
            page = f"  p. {f['page']}" if f.get("page") is not None else ""
            lines.append(f"  {f['text']}  =  {f['value']}{total} {f['unit']} ({f['kind']}){label}{page}")
    return unicodedata.normalize("NFC", "\n".join(lines))
