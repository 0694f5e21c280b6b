"""Small documents made by the tests themselves: a text PDF (pypdfium2 with a TrueType font), a scan of it
(the page rendered, then placed as an image in a new PDF), a DOCX and an XLSX."""
from __future__ import annotations

import io

from samples.pdf import text_pdf  # noqa: F401 - the tests make their text PDFs with it


def scanned_pdf(text_pdf_bytes: bytes, dpi: int = 300) -> bytes:
    """The pages of a PDF rendered to grey images and saved as an image-only PDF: a scan with no text layer."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(text_pdf_bytes)
    pdf = pdfium.PdfDocument.new()
    for i in range(len(source)):
        w, h = source[i].get_size()
        bitmap = source[i].render(scale=dpi / 72, grayscale=True)
        page = pdf.new_page(w, h)
        image = pdfium.PdfImage.new(pdf)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(w, h))
        page.insert_obj(image)
        page.gen_content()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "HUYỆN KRÔNG NÔ", "Số: 125/BC-UBND"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Krông Nô, ngày 15 tháng 6 năm 2019"]


def docx_report() -> bytes:
    """A report as districts write them: the two-column header table, the kind, the subject, a paragraph with
    figures, a page break, a table with a unit column, the signature."""
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    header = d.add_table(rows=1, cols=2)
    for cell, lines in zip(header.rows[0].cells, (HEADER_LEFT, HEADER_RIGHT)):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    d.add_paragraph("BÁO CÁO")
    d.add_paragraph("Kết quả sản xuất nông nghiệp 6 tháng đầu năm 2019")
    p = d.add_paragraph("Tổng diện tích gieo trồng đạt 62.372 ha, đạt 118% kế hoạch; "
                        "thu ngân sách đạt 132,354 tỷ đồng.")
    p.add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("Biểu 1. Kết quả thực hiện")
    table = d.add_table(rows=3, cols=5)
    for row, values in zip(table.rows, (["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch 2019", "Thực hiện 2019"],
                                        ["1", "Diện tích cà phê", "ha", "52.786", "62.372"],
                                        ["2", "Sản lượng lương thực", "tấn", "138.197", "168.604"])):
        for cell, value in zip(row.cells, values):
            cell.text = value
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"):
        d.add_paragraph(line)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def xlsx_report() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Nông nghiệp"
    sheet.append(["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"])
    sheet.append([1, "Giá trị sản xuất", "tỷ đồng", 7500, 7906.7])
    sheet.append([2, "Tỷ lệ hộ nghèo (%)", None, 3.5, 2.98])
    second = book.create_sheet("Ngân sách")
    second.append(["Chỉ tiêu", "Thu ngân sách (tỷ đồng)"])
    second.append(["Năm 2018", 132.354])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')


def _odf(mimetype: str, body: str) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", mimetype)
        z.writestr("content.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}>'
                                  f"<office:body>{body}</office:body></office:document-content>")
    return out.getvalue()


def odt_report() -> bytes:
    """An OpenDocument text as LibreOffice writes it: spaces as <text:s/>, a soft page break, a table."""
    return _odf("application/vnd.oasis.opendocument.text", (
        "<office:text><text:p>THÔNG BÁO</text:p><text:p>Kết quả tiếp công dân tháng 5</text:p>"
        "<text:p>Tiếp<text:s/>được<text:s text:c='2'/>45 lượt công dân.</text:p><text:soft-page-break/>"
        "<table:table><table:table-row><table:table-cell><text:p>Chỉ tiêu</text:p></table:table-cell>"
        "<table:table-cell><text:p>ĐVT</text:p></table:table-cell><table:table-cell><text:p>Tháng 5</text:p>"
        "</table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>Đơn thư tiếp nhận"
        "</text:p></table:table-cell><table:table-cell><text:p>đơn</text:p></table:table-cell>"
        "<table:table-cell office:value-type='float' office:value='12'><text:p>12</text:p></table:table-cell>"
        "</table:table-row></table:table></office:text>"))


def ods_report() -> bytes:
    """An OpenDocument spreadsheet padded the LibreOffice way (a row repeated a million times)."""
    return _odf("application/vnd.oasis.opendocument.spreadsheet", (
        "<office:spreadsheet><table:table table:name='Biểu 1'><table:table-row>"
        "<table:table-cell><text:p>Chỉ tiêu</text:p></table:table-cell>"
        "<table:table-cell><text:p>Diện tích (ha)</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:table-cell><text:p>Cà phê</text:p></table:table-cell>"
        "<table:table-cell office:value-type='float' office:value='39215.5'><text:p>39215,5</text:p>"
        "</table:table-cell><table:table-cell table:number-columns-repeated='16000'/></table:table-row>"
        "<table:table-row table:number-rows-repeated='1048000'><table:table-cell "
        "table:number-columns-repeated='1024'/></table:table-row></table:table></office:spreadsheet>"))


def encrypted_pdf() -> bytes:
    """A one-page PDF locked with a user password (standard security handler, RC4 40-bit, as old tools did)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>"]
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    file_id = b"<" + b"ab" * 16 + b">"
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [%s %s] >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, file_id, file_id, xref))
    return out
