"""extract_document on documents the tests make (text PDF, scan, DOCX, XLSX), legacy encodings, header
metadata, and bad input. The OCR of real scans is in test_documents_ocr.py."""
from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from documents_make import HEADER_LEFT, HEADER_RIGHT, docx_report, text_pdf, xlsx_report  # noqa: E402

from base.errors import BadInput  # noqa: E402
from extract import extract_document  # noqa: E402
from extract.documents.header import parse_header  # noqa: E402
from extract.documents.ocr import fix_ocr_text, render_scale  # noqa: E402
from extract.documents.vnencodings import convert_legacy, detect_legacy, to_unicode  # noqa: E402

BODY = ["BÁO CÁO", "Kết quả thu ngân sách năm 2019", "Thu ngân sách đạt 132,354 tỷ đồng, đạt 115% kế hoạch."]


def test_text_pdf_pages_metadata_and_figures():
    data = text_pdf([HEADER_LEFT + HEADER_RIGHT + BODY, ["Trang hai: trồng mới 250 ha cà phê và 1.200 cây sầu riêng."]])
    doc = extract_document(data, filename="125-BC.pdf").to_dict()
    assert doc["format"] == "pdf" and doc["page_count"] == 2 and not doc["ocr_pending"]
    assert [p["method"] for p in doc["pages"]] == ["text", "text"]
    assert "Độc lập - Tự do - Hạnh phúc" in doc["pages"][0]["text"]
    assert (doc["kind"], doc["number"], doc["date"]) == ("BÁO CÁO", "125/BC-UBND", "2019-06-15")
    assert doc["place"] == "Krông Nô"
    assert doc["issuer"] == "UBND HUYỆN KRÔNG NÔ" and doc["subject"] == "Kết quả thu ngân sách năm 2019"
    by_text = {(f["text"], f["page"]): f for f in doc["indicators"]}
    assert by_text[("132,354 tỷ đồng", 1)]["value"] == 132_354_000_000
    assert by_text[("250 ha", 2)]["unit"] == "ha"
    for f in doc["indicators"]:
        assert doc["pages"][f["page"] - 1]["text"][f["start"]:f["end"]] == f["text"]


def test_scan_without_ocr_is_flagged_pending():
    from documents_make import scanned_pdf

    doc = extract_document(scanned_pdf(text_pdf([HEADER_LEFT + BODY]), dpi=100)).to_dict()
    assert doc["ocr_pending"] and doc["pages"][0]["method"] == "none" and doc["pages"][0]["needs_ocr"]
    assert doc["pages"][0]["text"] == "" and "OCR pending" in doc["warnings"][0]


def test_signature_stamp_alone_is_a_scan():
    stamp = ["Người ký: Ủy ban Nhân dân tỉnh Đắk Nông", "Email: ubnd@daknong.gov.vn",
             "Cơ quan: Tỉnh Đắk Nông", "Thời gian ký: 18.07.2017 15:07:33 +07:00"]
    doc = extract_document(text_pdf([stamp]))
    assert doc.pages[0].needs_ocr and doc.pages[0].method == "none"


def test_docx_tables_page_breaks_header_and_signer():
    doc = extract_document(docx_report(), filename="report.docx").to_dict()
    assert doc["format"] == "docx" and len(doc["pages"]) == 2
    assert (doc["kind"], doc["number"], doc["date"]) == ("BÁO CÁO", "125/BC-UBND", "2019-06-15")
    assert doc["subject"] == "Kết quả sản xuất nông nghiệp 6 tháng đầu năm 2019"
    assert doc["signer"] == "Nguyễn Văn An" and doc["position"] == "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    table = [f for f in doc["indicators"] if f["page"] == 2]
    assert {(f["value"], f["unit"], f["label"], f["period"], f["row"], f["column"]) for f in table} == {
        (52786, "ha", "diện tích cà phê", "kế hoạch 2019", 1, 3),
        (62372, "ha", "diện tích cà phê", "thực hiện 2019", 1, 4),
        (138197, "tấn", "sản lượng lương thực", "kế hoạch 2019", 2, 3),
        (168604, "tấn", "sản lượng lương thực", "thực hiện 2019", 2, 4)}
    for f in doc["indicators"]:  # text figures: offsets in the page; table figures: in their cell
        text = doc["pages"][f["page"] - 1]["text"]
        assert text[f["start"]:f["end"]] == f["text"] if "row" not in f else f["text"] in text
    assert any(f["text"] == "62.372 ha" and f["page"] == 1 for f in doc["indicators"])


def test_xlsx_sheets_are_pages_with_vietnamese_numbers():
    doc = extract_document(xlsx_report(), filename="bieu.xlsx").to_dict()
    assert [p["n"] for p in doc["pages"]] == [1, 2] and doc["pages"][0]["text"].startswith("Nông nghiệp")
    assert "7.906,7" in doc["pages"][0]["text"]
    figures = {(f["page"], f["label"], f["period"]): f for f in doc["indicators"]}
    assert figures[(1, "giá trị sản xuất", "thực hiện")]["value"] == 7_906_700_000_000
    assert figures[(1, "giá trị sản xuất", "kế hoạch")]["value"] == 7_500_000_000_000
    assert any(f["page"] == 2 and f["value"] == 132_354_000_000 and f["unit"] == "đồng" for f in doc["indicators"])


@pytest.mark.parametrize("legacy, unicode", [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("b¸o c¸o kÕt qu¶ thùc hiÖn 7.906,7 tû ®ång", "báo cáo kết quả thực hiện 7.906,7 tỷ đồng"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("Ñaék Noâng, ngaøy 20 thaùng 5 naêm 2019, taêng tröôûng", "Đắk Nông, ngày 20 tháng 5 năm 2019, tăng trưởng"),
])
def test_legacy_encodings_detected_and_converted(legacy, unicode):
    assert to_unicode(legacy) == (unicode, detect_legacy(legacy))
    assert detect_legacy(legacy) in ("tcvn3", "vni")


@pytest.mark.parametrize("text", ["Cộng hòa xã hội chủ nghĩa Việt Nam, cà phê, ý kiến", "Café à la crème",
                                  "Krông Nô 2019"])
def test_unicode_text_is_left_alone(text):
    assert detect_legacy(text) is None


def test_tcvn3_text_layer_is_converted():
    doc = extract_document(text_pdf([["UBND huyÖn Kr«ng N«", "Thu ng©n s¸ch ®¹t 132,354 tû ®ång, ®¹t 115% kÕ ho¹ch.",
                                      "DiÖn tÝch gieo trång ®¹t 62.372 ha."]]))
    page = doc.pages[0]
    assert page.method == "converted" and "Thu ngân sách đạt 132,354 tỷ đồng" in page.text
    assert any(f.text == "132,354 tỷ đồng" for f in doc.indicators)
    assert convert_legacy("®", "tcvn3") == "đ"


def test_header_of_ocr_text_with_columns_side_by_side():
    text = ("UỶ BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nHUYỆN KRÔNG NÔ Độc lâp- Tự do- Hạnh phúc\n"
            "Số: 237 /TB-UBND Krông Nô, ngày   tháng 7 năm 2019\n\nTHÔNG BÁO :\n"
            "V/v kết quả thực hiện các chỉ tiêu Kế hoạch phát triển Kinh tế - Xã hội,\n"
            "đảm bảo Quốc phòng - An ninh năm 2018\n\nDo thời điểm xây dựng Báo cáo đánh giá ...")
    ending = "Nơi nhận:\n- Như trên;\n- Lưu: VT. KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn Bình"
    h = parse_header(text, [text, ending])
    assert (h.kind, h.number, h.date, h.place) == ("THÔNG BÁO", "237/TB-UBND", "2019-07", "Krông Nô")
    assert h.issuer == "UBND HUYỆN KRÔNG NÔ"
    assert h.subject == ("kết quả thực hiện các chỉ tiêu Kế hoạch phát triển Kinh tế - Xã hội, "
                         "đảm bảo Quốc phòng - An ninh năm 2018")
    assert (h.signer, h.position) == ("Trần Văn Bình", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")


def test_letter_without_kind_line_is_cong_van_and_unreadable_number_stays_unknown():
    text = ("VĂN PHÒNG HĐND&UBND CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN KRÔNG NÔ Độc lập - Tự do - Hạnh phúc\n"
            "Sôz4Š /BTCD Krông Nô, ngày/@ tháng 6 năm 2019\n\nV/v chuyển đơn của ông Lê Văn Liêm\n\n"
            "Kính gửi: Phòng Nông nghiệp và PTNT.")
    h = parse_header(text)
    assert (h.kind, h.number, h.date) == ("CÔNG VĂN", None, "2019-06")
    assert h.subject == "chuyển đơn của ông Lê Văn Liêm"


def test_ocr_fixes_never_invent_digits():
    assert fix_ocr_text("đạt 4.512,3 tỷ đông, đạt I10%KH; I,7 lần; 106%%KH") == \
        "đạt 4.512,3 tỷ đồng, đạt 110%KH; 1,7 lần; 106%KH"
    assert fix_ocr_text("gió mùa đông bắc; Ia Grai") == "gió mùa đông bắc; Ia Grai"


def test_render_size_is_capped():
    assert render_scale(595, 842, 300, 20_000_000) == pytest.approx(300 / 72)
    huge = render_scale(595 * 4, 842 * 4, 600, 20_000_000)
    assert (595 * 4 * huge) * (842 * 4 * huge) <= 20_000_000 * 1.0001


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


def _zip_bomb(mb: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            block = b"\0" * 2**20
            for _ in range(mb):
                fh.write(block)
    return out.getvalue()


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b"   \n", "empty file"),
    (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "PDF"),
    ("<html><body>Giấy mời</body></html>".encode(), "HTML"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le"), "password"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "not a PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "WordDocument".encode("utf-16-le") + b"\0" * 3000,
     "damaged or unsupported Word .doc"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "Workbook".encode("utf-16-le") + b"\0" * 3000,
     "damaged Excel .xls"),
    (b"PK\x03\x04garbage", "damaged"),
])
def test_bad_input_is_one_line(data, message):
    with pytest.raises(BadInput) as err:
        extract_document(data, filename="x.docx")
    assert message in str(err.value) and "\n" not in str(err.value)


def test_truncated_and_encrypted_pdf_and_zip_bomb_are_refused(monkeypatch):
    from base import settings

    data = text_pdf([BODY])
    with pytest.raises(BadInput, match="damaged or truncated PDF"):
        extract_document(data[: len(data) // 2])
    # the limit lowered to 8 MB so that the bomb stays small to make: 9 MB of zeros in 9 kB
    monkeypatch.setitem(settings._BY_NAME, "document_max_unzipped",
                        settings.Setting("document_max_unzipped", 8 * 2**20, "test"))
    bomb = _zip_bomb(9)
    assert len(bomb) < 100_000
    with pytest.raises(BadInput, match="ZIP bomb"):
        extract_document(bomb, filename="bao-cao.docx")
    with pytest.raises(BadInput, match="not a Word"):
        extract_document(_zip({"a.txt": b"x"}))
    from documents_make import encrypted_pdf

    with pytest.raises(BadInput, match="password-protected PDF"):
        extract_document(encrypted_pdf())


def test_page_limit_gives_a_warning(monkeypatch):
    from base import settings

    monkeypatch.setitem(settings._BY_NAME, "document_max_pages",
                        settings.Setting("document_max_pages", 3, "test"))
    doc = extract_document(text_pdf([[f"Trang {i}: thu ngân sách đạt {i} tỷ đồng trong tháng này."] for i in range(5)]))
    assert len(doc.pages) == 3 and doc.page_count == 5 and "first 3 of 5 pages" in doc.warnings[0]


def test_cli_prints_document_json_and_refuses_fake_doc(tmp_path, capsys):
    from cli import main

    (tmp_path / "report.docx").write_bytes(docx_report())
    (tmp_path / "fake.doc").write_bytes(b"<html><body>x</body></html>")
    code = main(["extract", str(tmp_path / "report.docx"), str(tmp_path / "fake.doc"), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 2
    doc = json.loads(out.splitlines()[0])
    assert doc["format"] == "docx" and doc["number"] == "125/BC-UBND" and doc["name"] == "report.docx"
    assert "fake.doc: an HTML page" in err and "Traceback" not in err


def test_real_text_layer_pdf_gold(shared):
    """The one real PDF with a text layer: every metadata field, and its mis-mapped bold glyphs mended."""
    path = shared / "realdocs" / "krongno-lich-tiep-cong-dansigned-20190110042523289280.pdf"
    doc = extract_document(path.read_bytes(), filename=path.name)
    assert (doc.kind, doc.number, doc.date, doc.place) == ("THÔNG BÁO", "02/TB-UBND", "2019-01-10", "Quảng Phú")
    assert (doc.issuer, doc.signer, doc.position) == ("UBND XÃ QUẢNG PHÚ", "Vũ Hoàng Phú", "CHỦ TỊCH")
    text = doc.pages[0].text
    gold = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc", "XÃ QUẢNG PHÚ",
            "2. Địa điểm: Trụ sở UBND xã Quảng Phú, huyện Krông Nô, tỉnh Đắk Nông.",
            "- Buổi sáng: Từ 07 giờ 00 phút đến 11 giờ 30 phút."]
    assert [g for g in gold if g not in text] == []


def test_real_docx_files_read(shared):
    for name in ("krongno-123.docx", "krongno-file-huong-dan.docx"):
        doc = extract_document((shared / "realdocs" / name).read_bytes(), filename=name)
        assert doc.format == "docx" and doc.pages and doc.pages[0].method == "text"
    assert "B4: giá trị là địa chỉ IP" in doc.text


def test_odt_and_ods():
    from documents_make import ods_report, odt_report

    odt = extract_document(odt_report(), filename="tb.odt")
    assert odt.format == "odt" and len(odt.pages) == 2 and odt.kind == "THÔNG BÁO"
    assert "Tiếp được 45 lượt công dân." in odt.pages[0].text  # <text:s/> are spaces
    figure = next(f for f in odt.indicators if f.page == 2)
    assert (figure.value, figure.unit, figure.label) == (12, "đơn", "đơn thư tiếp nhận")
    ods = extract_document(ods_report(), filename="bieu.ods")
    assert ods.format == "ods" and ods.pages[0].text.startswith("Biểu 1\nChỉ tiêu\tDiện tích (ha)\nCà phê\t39.215,5")
    assert [(f.value, f.unit) for f in ods.indicators] == [(39215.5, "ha")]


def test_number_from_file_name_when_handwritten_and_signer_after_recipients():
    text = ("UBND HUYỆN KRÔNG NÔ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "BAN QLDA VÀ PT QUỸ ĐẤT Độc lập - Tự do - Hạnh phúc\n"
            "Số: (€ /TB-BQL Krông Nô, ngày 30 tháng 5 năm 2019\nTHÔNG BÁO\n\nV/v lựa chọn tổ chức bán đấu giá")
    last = "Trân trọng!\nNơi nhận:\n- Như trên;\n- Sở Tư pháp tỉnh Đắk Nông;\n- Lưu VT, HS.\nPhạm Văn Hải"
    petition = "Đắk Mâm, ngày 06/6/2019\nNgười làm đơn\nNguyễn Văn Hiếu"
    h = parse_header(text, [text, last, petition], "15-TB_20190530041840366372.pdf")
    assert (h.number, h.kind, h.subject) == ("15/TB-BQL", "THÔNG BÁO", "lựa chọn tổ chức bán đấu giá")
    assert (h.signer, h.position) == ("Phạm Văn Hải", None)  # the petition attached after it is not signed by it
    assert parse_header(text, None, "photo-2019.pdf").number is None  # a name not shaped like the number
    assert parse_header(text.replace("(€", "42"), None, None).number == "42/TB-BQL"


def test_signer_title_mended_and_seal_fragments_are_no_name():
    last = "Nơi nhận:\n- Lưu: VT. TL. CHỦ TINH\nCHÁNH VĂN PHÒNG\nHuyện ủy\nCao Văn Tính"
    assert parse_header("x", [last]).signer == "Cao Văn Tính"
    assert parse_header("x", [last]).position == "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG"


@pytest.mark.parametrize("ocr, fixed", [
    ("Các tô chức bán đâu giá tài sản", "Các tổ chức bán đấu giá tài sản"),
    ("Độc lâp- Tự do- Hạnh phúc; sản xuât; đât trồng lúa", "Độc lập- Tự do- Hạnh phúc; sản xuất; đất trồng lúa"),
    ("cấp có thâm quyền xem xét; (kê hoạch 19,57%)", "cấp có thẩm quyền xem xét; (kế hoạch 19,57%)"),
    ("thị trấn Đăk Mâm, huyện Krông Nô; Lê Văn", "thị trấn Đăk Mâm, huyện Krông Nô; Lê Văn"),  # names kept
    ("câu hỏi, bê tông, năm 2019", "câu hỏi, bê tông, năm 2019"),  # words as they are
    ("QUYÉT ĐỊNH\nCỘNG HÒA XÃ HỌI\nthị trắn", "QUYẾT ĐỊNH\nCỘNG HÒA XÃ HỘI\nthị trấn"),  # a shape mark lost
])
def test_tones_dropped_by_ocr_are_restored_only_when_unambiguous(ocr, fixed):
    from extract.documents.ocrwords import restore_tones

    assert restore_tones(ocr) == fixed


def test_cli_text_format_shows_metadata_and_pages(tmp_path, capsys):
    from cli import main

    (tmp_path / "report.docx").write_bytes(docx_report())
    assert main(["extract", str(tmp_path / "report.docx"), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "number: 125/BC-UBND" in out and "--- page 2 (text)" in out and "p. 2" in out


def test_a_page_whose_figures_fail_is_named_and_the_rest_kept(monkeypatch):
    import extract.indicators as indicators

    real = indicators.extract_indicators

    def flaky(text, *args, **kwargs):
        if "hỏng" in text:
            raise IndexError("list index out of range")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(indicators, "extract_indicators", flaky)
    doc = extract_document(text_pdf([["Trang một: trồng mới 250 ha cà phê trên địa bàn huyện."],
                                     ["Trang hỏng: thu ngân sách đạt 3/4 tỷ đồng trong năm."]]))
    assert [f.page for f in doc.indicators] == [1] and doc.pages[1].text
    assert doc.warnings == ["page 2: figures not read (IndexError)"]
