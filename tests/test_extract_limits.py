"""Hardening of HTML extraction (issue 14): bounded time on pages of many small blocks, a declared UTF-8
page with a few bad bytes stays UTF-8, and content is never cut silently."""
from __future__ import annotations

import time

from extract import extract_article
from extract.decode import MAX_PARSE_BYTES, check_page_text, decode_html

HEAD = "<html><head><meta charset='utf-8'><title>Huyện Minh Long đạt 5/5 xã nông thôn mới</title></head><body>"
TEXT = ("<h1>Huyện Minh Long đạt 5/5 xã nông thôn mới</h1><div class='journal-content-article'>"
        "<p>Năm 2023, huyện Minh Long có 5/5 xã đạt chuẩn nông thôn mới, giải quyết 2.358 hồ sơ đúng hạn.</p>"
        "<p>Tổng thu ngân sách trên địa bàn huyện đạt 18,65 tỷ đồng, tăng 12,4% so với cùng kỳ năm trước.</p>"
        "<p>Huyện tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân.</p>")


def test_many_small_blocks_are_extracted_in_bounded_time():
    html = "<html><body>" + "<table><tr><td>1</td><td>2.358 hồ sơ</td></tr></table>" * 20_000 + "</body></html>"
    start = time.process_time()  # CPU time: the bound holds however busy the machine is
    article = extract_article(html)
    elapsed = time.process_time() - start
    assert elapsed < 10, elapsed
    assert article.body.startswith("1 2.358 hồ sơ")


def test_declared_utf8_with_a_bad_byte_stays_utf8():
    data = (HEAD + TEXT + "</div></body></html>").encode("utf-8").replace(b"2.358", b"2.358\xff", 1)
    assert "Huyện Minh Long" in decode_html(data)
    article = extract_article(data)
    assert article.title == "Huyện Minh Long đạt 5/5 xã nông thôn mới"
    assert "\ufffd" in article.body and "tăng 12,4%" in article.body
    assert any(i.text == "18,65 tỷ đồng" for i in article.indicators)


def test_undeclared_mostly_utf8_page_is_utf8():
    data = (HEAD.replace("<meta charset='utf-8'>", "") + TEXT + "</div></body></html>").encode("utf-8") + b"\xc3"
    text = decode_html(data)
    assert "Huyện Minh Long" in text and text.endswith("\ufffd")


def test_inline_data_image_does_not_push_the_text_past_the_limit():
    image = "<p><img src='data:image/png;base64," + "A" * (5 * 2**20) + "'></p>"
    after = "<p>Sau hình ảnh, huyện đã hỗ trợ 1.250 hộ dân trồng rừng trên diện tích 41,8 nghìn ha.</p>"
    data = (HEAD + TEXT + image + after + "</div></body></html>").encode("utf-8")
    assert len(data) > MAX_PARSE_BYTES
    article = extract_article(data)
    assert article.page_type == "article"
    assert article.body.endswith("41,8 nghìn ha.")
    assert article.warnings == []
    assert article.to_dict()["warnings"] == []


def test_cut_page_says_so():
    # A long comment (cheap to parse) pushes the end of the page past the limit.
    filler = "<!--" + "bình luận " * (MAX_PARSE_BYTES // 10) + "-->"
    html = HEAD + TEXT + filler + "<p>Đoạn cuối bị cắt.</p></div></body></html>"
    article = extract_article(html.encode())
    assert article.body.startswith("Năm 2023") and "Đoạn cuối" not in article.body
    assert any("page cut at 4 MB" in w for w in article.warnings)
    assert article.to_dict()["warnings"] == article.warnings
    # The str input is cut the same way, and says so.
    assert any("page cut" in w for w in check_page_text(html)[1])


def test_text_lost_to_deep_nesting_is_reported():
    html = HEAD + TEXT + "</div>" + "<div>" * 100_000 + "Nội dung" + "</div>" * 100_000 + "</body></html>"
    article = extract_article(html)
    assert article.body.startswith("Năm 2023")
    assert any("nested too deep" in w for w in article.warnings)
    assert extract_article(HEAD + TEXT + "</div></body></html>").warnings == []
