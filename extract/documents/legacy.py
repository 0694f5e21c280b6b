"""Pre-2007 Office files: Word .doc (Debian's antiword, else catdoc) and Excel .xls (xlrd).

Both are OLE compound files. An encrypted DOCX/XLSX is one too (its "EncryptedPackage" stream), which is how a
password-protected Word file is told apart from a damaged one.
"""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from base.errors import BadInput
from extract.documents.models import Page
from extract.documents.office import cell_text
from extract.documents.pagetext import PageBuilder

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def ole_format(data: bytes) -> str | None:
    """doc, xls, encrypted or None: which kind of OLE file ``data`` is, from its stream names."""
    head = data[:2_000_000]
    if _utf16("EncryptedPackage") in head or _utf16("EncryptionInfo") in head:
        return "encrypted"
    if _utf16("WordDocument") in head:
        return "doc"
    if _utf16("Workbook") in head or _utf16("Book") in head:
        return "xls"
    return None


def doc_pages(data: bytes, seconds: float) -> list[Page]:
    """A Word 97-2003 file's pages (antiword marks page breaks with form feeds)."""
    with tempfile.TemporaryDirectory(prefix="govnews-doc-") as tmp:
        path = Path(tmp) / "file.doc"
        path.write_bytes(data)
        text = _run(["antiword", "-m", "UTF-8.txt", "-w", "0", str(path)], seconds)
        if text is None:
            text = _run(["catdoc", "-d", "utf-8", "-w", str(path)], seconds)
    if text is None:
        raise BadInput("damaged or unsupported Word .doc file: antiword and catdoc cannot read it")
    pages = []
    for n, chunk in enumerate(text.split("\f"), start=1):
        builder = PageBuilder(n)
        for line in chunk.split("\n"):
            builder.add_paragraph(line)
        pages.append(builder.page())
    while len(pages) > 1 and not pages[-1].text:
        pages.pop()
    return pages


def _run(cmd: list[str], seconds: float) -> str | None:
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=seconds, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0 or not done.stdout.strip():
        return None
    return done.stdout.decode("utf-8", errors="replace")


def xls_pages(data: bytes, max_pages: int) -> list[Page]:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except Exception as err:  # xlrd raises its own and struct errors on damaged files
        raise BadInput(f"damaged Excel .xls file: {type(err).__name__}") from None
    pages = []
    try:
        for n in range(min(book.nsheets, max_pages)):
            sheet = book.sheet_by_index(n)
            builder = PageBuilder(n + 1)
            builder.add_paragraph(sheet.name)
            builder.add_table([[[_xls_value(book, c)] for c in sheet.row(r)] for r in range(min(sheet.nrows, 20_000))])
            pages.append(builder.page())
            book.unload_sheet(n)
    finally:
        book.release_resources()
    return pages


def _xls_value(book, cell) -> str:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return cell_text(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
        except (ValueError, OverflowError):
            return cell_text(cell.value)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    return cell_text(cell.value)
