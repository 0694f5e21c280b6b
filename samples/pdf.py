"""A PDF with a real text layer in Vietnamese: the sample portals' report and the tests' documents.

pypdfium2 writes it with an embedded TrueType font (Debian's DejaVu, which has every Vietnamese glyph), one
text object per line, so a PDF reader gets the text back exactly as written.
"""
from __future__ import annotations

import ctypes
import io
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")  # Debian's fonts-dejavu-core
PAGE_SIZE = (595, 842)  # A4 in points
MARGIN_LEFT, FIRST_LINE = 50, 800
LINE_HEIGHT = 1.6  # line spacing, in font sizes


def text_pdf(pages: list[list[str]], size: float = 12, first_line: float = FIRST_LINE) -> bytes:
    """A PDF whose pages carry ``pages`` (lists of lines) as a real text layer."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    font_data = FONT.read_bytes()
    buf = (ctypes.c_uint8 * len(font_data)).from_buffer_copy(font_data)
    font = raw.FPDFText_LoadFont(pdf.raw, buf, len(font_data), raw.FPDF_FONT_TRUETYPE, 1)
    for lines in pages:
        page = pdf.new_page(*PAGE_SIZE)
        y = first_line
        for line in lines:
            obj = raw.FPDFPageObj_CreateTextObj(pdf.raw, font, size)
            wide = ctypes.create_string_buffer((line + "\0").encode("utf-16-le"))
            raw.FPDFText_SetText(obj, ctypes.cast(wide, ctypes.POINTER(raw.FPDF_WCHAR)))
            raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, MARGIN_LEFT, y)
            raw.FPDFPage_InsertObject(page.raw, obj)
            y -= size * LINE_HEIGHT
        page.gen_content()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()
