"""Office files: DOCX (python-docx's XML), XLSX (openpyxl, read-only), ODT and ODS (their content.xml).

All are ZIP files: the archive is checked before anything is expanded, so a ZIP bomb named .docx costs
nothing. Word files have no pages until printed: a page break (typed, or the one Word remembers from its last
layout) starts a new page. A spreadsheet sheet is a page.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile

from base.errors import BadInput
from base.settings import default
from extract.documents.models import Page
from extract.documents.pagetext import PageBuilder

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_SHEET_CELLS = 200_000  # cells read per sheet: past this a "sheet" is a data dump, not a report table


def open_zip(data: bytes) -> zipfile.ZipFile:
    """The ZIP archive of an Office file, refused when damaged or when it would expand past the limit."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise BadInput("damaged Office file: not a readable ZIP archive") from None
    limit = default("document_max_unzipped")
    if sum(i.file_size for i in infos) > limit or len(infos) > 10_000:
        raise BadInput(f"Office file expanding past {limit // 2**20} MB (a ZIP bomb?): refused")
    if any(i.flag_bits & 0x1 for i in infos):
        raise BadInput("password-protected Office file: cannot read it")
    return archive


def zip_format(archive: zipfile.ZipFile) -> str | None:
    """docx, xlsx, odt, ods or None, from the archive's own description (not the file name)."""
    names = set(archive.namelist())
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "mimetype" in names:
        mimetype = archive.read("mimetype")[:100]
        if mimetype.endswith(b"opendocument.text"):
            return "odt"
        if mimetype.endswith(b"opendocument.spreadsheet"):
            return "ods"
    return None


def docx_pages(archive: zipfile.ZipFile) -> list[Page]:
    from lxml import etree

    root = etree.fromstring(archive.read("word/document.xml"), etree.XMLParser(resolve_entities=False, huge_tree=False))
    body = root.find(f"{W}body")
    pages = [PageBuilder(1)]
    for block in (body if body is not None else []):
        if block.tag == f"{W}p":
            for i, text in enumerate(_docx_paragraph(block)):
                if i and not pages[-1].empty():
                    pages.append(PageBuilder(len(pages) + 1))
                pages[-1].add_paragraph(text)
        elif block.tag == f"{W}tbl":
            pages[-1].add_table(_docx_table(block))
    return [p.page() for p in pages]


def _docx_paragraph(p) -> list[str]:
    """The paragraph's text split at its page breaks (typed ones and the ones of Word's last layout)."""
    parts, current = [], []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}lastRenderedPageBreak", f"{W}cr"):
        if el.tag == f"{W}t":
            current.append(el.text or "")
        elif el.tag == f"{W}tab":
            current.append("\t")
        elif el.tag == f"{W}lastRenderedPageBreak" or el.get(f"{W}type") == "page":
            parts.append("".join(current))
            current = []
        else:
            current.append(" ")
    parts.append("".join(current))
    return parts


def _docx_table(tbl) -> list[list[list[str]]]:
    rows = []
    for tr in tbl.iter(f"{W}tr"):
        if tr.getparent() is not tbl:
            continue  # a nested table's rows: their text is read inside the outer cell
        row = []
        for tc in tr.findall(f"{W}tc"):
            paragraphs = ["".join(_docx_paragraph(p)) for p in tc.iter(f"{W}p")]
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            row.append(paragraphs)
            # a cell spanning columns keeps the grid: later rows' labels stay over their own columns
            row.extend([[]] * (int(span.get(f"{W}val", "1")) - 1 if span is not None else 0))
        rows.append(row)
    return rows


def xlsx_pages(data: bytes, max_pages: int) -> list[Page]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many types on damaged workbooks
        raise BadInput(f"damaged Excel file: {type(err).__name__}") from None
    pages = []
    try:
        for n, sheet in enumerate(book.worksheets[:max_pages], start=1):
            builder = PageBuilder(n)
            builder.add_paragraph(sheet.title)
            rows, cells = [], 0
            for values in sheet.iter_rows(values_only=True):
                cells += len(values)
                if cells > MAX_SHEET_CELLS:
                    break
                rows.append([[cell_text(v)] for v in values])
            builder.add_table(rows)
            pages.append(builder.page())
    finally:
        book.close()
    return pages


def cell_text(value) -> str:
    """A spreadsheet value as Vietnamese text would write it: "7.906,7", "2019-05-20"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return f"{int(value):,}".replace(",", ".")
        whole, _, frac = f"{value:,.6f}".rstrip("0").partition(".")
        return whole.replace(",", ".") + ("," + frac if frac else "")
    if isinstance(value, (dt.datetime, dt.date)):
        return value.date().isoformat() if isinstance(value, dt.datetime) and not value.time() else value.isoformat()
    return str(value)


TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
MAX_REPEAT = 200  # "repeated" rows and columns: LibreOffice pads every sheet to 1,048,576 empty rows


def odf_pages(archive: zipfile.ZipFile, fmt: str) -> list[Page]:
    """An OpenDocument text (page breaks from LibreOffice's last layout) or spreadsheet (a sheet a page)."""
    from lxml import etree

    try:
        root = etree.fromstring(archive.read("content.xml"), etree.XMLParser(resolve_entities=False))
    except (KeyError, etree.XMLSyntaxError):
        raise BadInput("damaged OpenDocument file: no readable content.xml") from None
    body = root.find(f"{OFFICE}body")
    if body is None:
        return []
    if fmt == "ods":
        pages = []
        for n, sheet in enumerate(body.iter(f"{TABLE}table"), start=1):
            builder = PageBuilder(n)
            builder.add_paragraph(sheet.get(f"{TABLE}name") or "")
            builder.add_table(_odf_rows(sheet))
            pages.append(builder.page())
        return pages
    pages = [PageBuilder(1)]
    for el in body.iter(f"{TEXT}p", f"{TEXT}h", f"{TABLE}table", f"{TEXT}soft-page-break"):
        if any(a.tag == f"{TABLE}table" for a in el.iterancestors()):
            continue  # read with its table
        if el.tag == f"{TEXT}soft-page-break":
            if not pages[-1].empty():
                pages.append(PageBuilder(len(pages) + 1))
        elif el.tag == f"{TABLE}table":
            pages[-1].add_table(_odf_rows(el))
        else:
            pages[-1].add_paragraph(_odf_text(el))
    return [p.page() for p in pages]


def _odf_rows(table) -> list[list[list[str]]]:
    rows = []
    for tr in table.iter(f"{TABLE}table-row"):
        row = []
        for cell in tr:
            if cell.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                continue
            value = _odf_cell(cell)
            repeat = min(int(cell.get(f"{TABLE}number-columns-repeated", "1")), MAX_REPEAT)
            row.extend([[value]] * repeat)
        if any(c[0] for c in row):
            rows.extend([row] * min(int(tr.get(f"{TABLE}number-rows-repeated", "1")), MAX_REPEAT))
        if len(rows) > MAX_SHEET_CELLS // max(1, len(row)):
            break
    return rows


def _odf_cell(cell) -> str:
    kind = cell.get(f"{OFFICE}value-type")
    if kind in ("float", "currency", "percentage") and cell.get(f"{OFFICE}value") is not None:
        number = float(cell.get(f"{OFFICE}value"))
        return cell_text(number * 100) + "%" if kind == "percentage" else cell_text(number)
    return " ".join(_odf_text(p) for p in cell.iter(f"{TEXT}p"))


def _odf_text(el) -> str:
    """A paragraph's text with ODF's spaces (<text:s text:c="3"/>), tabs and line breaks."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == f"{TEXT}s":
            parts.append(" " * int(child.get(f"{TEXT}c", "1")))
        elif child.tag == f"{TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{TEXT}line-break":
            parts.append(" ")
        elif child.tag not in (f"{TEXT}note", f"{TEXT}soft-page-break"):
            parts.append(_odf_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
