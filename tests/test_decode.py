"""Bytes -> text: charsets (incl. Windows-1258), NFC, look-alikes, and inputs that are not HTML pages."""
from __future__ import annotations

import codecs
import time
import unicodedata
from pathlib import Path

import pytest

from base.errors import BadInput
from extract import extract_article
from extract.decode import MAX_PARSE_BYTES, decode_html

PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "pages"
CP1258_PAGE = PAGES / "aspnet-kienxuong-nang-suat-lua-cp1258.html"
PAGE = "<html><head><title>Tin</title></head><body><p>{}</p></body></html>"
TEXT = "Huyện Đức Phổ thu ngân sách đạt 31,2% dự toán, tăng trưởng ổn định"


def test_utf8_plain():
    assert TEXT in decode_html(PAGE.format(TEXT).encode("utf-8"))


def test_http_charset_wins_over_a_wrong_meta():
    html = ('<html><head><meta charset="iso-8859-1"></head><body><p>' + TEXT + "</p></body></html>").encode("utf-8")
    assert TEXT in decode_html(html, http_charset="utf-8")


def test_declared_charset_that_does_not_decode_is_ignored():
    # The meta says UTF-8 but the bytes are Windows-1258: detection takes over.
    data = CP1258_PAGE.read_bytes().replace(b"windows-1258", b"utf-8")
    assert "Năng suất lúa vụ Mùa" in decode_html(data)


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                       (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_bom(bom, codec):
    text = decode_html(bom + PAGE.format(TEXT).encode(codec))
    assert TEXT in text and not text.startswith("\ufeff")


def test_windows_1258_declared_in_meta_comes_out_nfc():
    raw = CP1258_PAGE.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = decode_html(raw)
    assert "Năng suất lúa vụ Mùa năm 2020 ước đạt 52,6 tạ/ha" in text
    assert unicodedata.is_normalized("NFC", text)


def test_windows_1258_undeclared_is_detected():
    raw = CP1258_PAGE.read_bytes().replace(b"charset=windows-1258", b"")
    assert "Phòng Nông nghiệp và Phát triển nông thôn" in decode_html(raw)


def test_windows_1258_http_charset_label():
    raw = CP1258_PAGE.read_bytes().replace(b"charset=windows-1258", b"")
    assert "Đức Thịnh" in decode_html(raw, http_charset="Windows-1258")


def test_decomposed_text_and_lookalike_eth_are_mended():
    nfd = unicodedata.normalize("NFD", "Ðức Phổ ðạt 27 sản phẩm")
    text = decode_html(PAGE.format(nfd).encode("utf-8"))
    assert "Đức Phổ đạt 27 sản phẩm" in text


@pytest.mark.parametrize("data,what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 4, "JPEG"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100, "PNG"),
    (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 100, "ZIP"),
    (b"<html>" + b"\x00\x01\x02\x03" * 500, "binary"),
    (bytes(range(1, 32)) * 200, "binary"),
])
def test_binary_is_bad_input(data, what):
    with pytest.raises(BadInput) as err:
        decode_html(data)
    message = str(err.value)
    assert message.startswith("not an HTML page") and what in message and "\n" not in message


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", b"\xef\xbb\xbf"])
def test_empty_is_bad_input(data):
    with pytest.raises(BadInput, match="empty"):
        decode_html(data)


def test_plain_text_is_not_a_page():
    with pytest.raises(BadInput, match="no HTML markup"):
        decode_html("Chỉ là một đoạn văn bản thường, không có thẻ HTML nào.".encode())


@pytest.mark.parametrize("html", [
    "<html><body><h1>Tiêu đề</h1><p>Nội dung bị cắt ngang giữa chừng khi tải tr",
    "<div><p>Thẻ không đóng <b>in đậm <i>nghiêng</div></p></html></body>",
    "<html><head><title>Chỉ có tiêu đề</title></head>",
    "<?xml version='1.0' encoding='utf-8'?><html><body><p>XHTML</p></body></html>",
    "<!-- chỉ có chú thích --><p>x</p>",
])
def test_truncated_or_malformed_html_does_not_raise(html):
    for data in (html, html.encode("utf-8")):
        article = extract_article(data)
        assert article.page_type in ("article", "listing", "other")


def test_str_input_with_nul_is_bad_input():
    with pytest.raises(BadInput):
        extract_article("<html>\x00\x00\x00</html>")


def test_huge_page_is_capped_and_fast():
    sentence = "Tổng thu ngân sách trên địa bàn huyện đạt 18,65 tỷ đồng, tăng 12,4% so với cùng kỳ. "
    paragraph = "<p>" + sentence * 8 + "</p>\n"
    head = ("<html><head><title>Trang rất lớn - UBND huyện Sơn Hà</title></head><body>"
            "<h1>Trang rất lớn</h1><div class='journal-content-article'>")
    data = (head + paragraph * (50 * 2**20 // len(paragraph.encode("utf-8")))).encode("utf-8")
    assert len(data) >= 49 * 2**20
    start = time.process_time()  # CPU time: the machine may be shared
    text = decode_html(data)
    assert len(text.encode("utf-8")) <= MAX_PARSE_BYTES
    article = extract_article(data)
    elapsed = time.process_time() - start
    assert article.title == "Trang rất lớn"
    assert article.body.startswith("Tổng thu ngân sách")
    assert elapsed < 15, elapsed


@pytest.mark.parametrize("http,meta", [("ISO-8859-1", ""), (None, '<meta charset="iso-8859-1">'),
                                       ("latin-1", '<meta charset="windows-1252">')])
def test_latin1_default_label_does_not_garble_utf8(http, meta):
    html = f"<html><head>{meta}</head><body><p>{TEXT}</p></body></html>".encode()
    assert TEXT in decode_html(html, http_charset=http)


def test_real_latin1_page_still_decodes():
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Café crème brûlée</p></body></html>'.encode("cp1252")
    assert "Café crème brûlée" in decode_html(html)
