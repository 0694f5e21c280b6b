"""extract_article on small portal pages: bylines, sources, views, dates, captions, page types, fallbacks."""
from __future__ import annotations

import re

import pytest

from base.errors import BadInput
from extract import extract_article

TITLE = "Hội nghị tổng kết công tác cải cách hành chính năm 2023 của huyện"
URL = "https://minhlong.quangngai.gov.vn/-/hoi-nghi-tong-ket"
PARAS = [
    "Sáng ngày 05/01/2024, UBND huyện tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2023 và triển khai nhiệm vụ năm 2024.",
    "Năm 2023, toàn huyện tiếp nhận 4.512 hồ sơ thủ tục hành chính, giải quyết đúng hạn đạt 98,6%; có 5/5 xã duy trì tốt bộ phận một cửa.",
    "Đồng chí Đinh Văn Điết, Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị tiếp tục nâng cao chất lượng phục vụ người dân, doanh nghiệp.",
]
BODY = "".join(f"<p>{p}</p>" for p in PARAS)


def page(body=BODY, *, info="<span>05/01/2024 10:30</span>", after="", head="", title=TITLE, cls="journal-content-article"):
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title} - UBND huyện Minh Long</title>
<meta name="author" content="UBND huyện Minh Long">{head}</head><body>
<a href="#main-content">Truy cập nội dung luôn</a>
<div id="banner"><span class="datetime-today">Hôm nay, Thứ Hai ngày 02/02/2026</span>
<div class="slogan">Mừng Đảng - Mừng Xuân (03/02/1930 - 03/02/2026)</div>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức - Sự kiện</a></li></ul></div>
<div class="portlet"><h1 class="portlet-title"><span class="portlet-title-text">Tin tức - Sự kiện</span></h1>
<div class="asset-full-content"><h3 class="header-title">{title}</h3><div class="asset-metadata">{info}</div>
<div class="{cls}">{body}</div>{after}</div>
<div class="tin-khac"><h4>Các tin khác</h4><ul><li><a href="/-/a">Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2024</a> (10/01/2024)</li></ul></div></div>
<div class="thong-ke"><p>Thống kê truy cập</p><p>Số lượt truy cập: 794</p><p>Tổng số lượt xem: 16449550</p><p>Đang truy cập: 12</p></div>
<div id="footer">Địa chỉ: Thị trấn Long Hiệp, huyện Minh Long - Điện thoại: 0255.3867.123</div></body></html>"""


def extract(html, url=URL):
    return extract_article(html, url=url)


# ------------------------------------------------------------------ bylines

@pytest.mark.parametrize("last,author", [
    ("<p>Hà Trinh</p>", "Hà Trinh"),
    ("<p><strong>NGUYỄN TUYỀN</strong></p>", "NGUYỄN TUYỀN"),
    ("<p>CTV Phương Liên</p>", "CTV Phương Liên"),
    ('<p style="text-align: right;">Mai Thắm (Trung tâm TT&amp;VH)</p>', "Mai Thắm (Trung tâm TT&VH)"),
    ('<p align="right"><em>Văn Thành - Thu Hương</em></p>', "Văn Thành - Thu Hương"),
    ("<p>Tác giả: Lê Văn Hòa</p>", "Lê Văn Hòa"),
    ("<p>Tin, ảnh: Lê Hoàng Phúc</p>", "Lê Hoàng Phúc"),
    ("<p>Bài và ảnh: Đức Minh</p>", "Đức Minh"),
    ("<p>T.H</p>", "T.H"),
    ("<p>Hà Trinh</p><p>Nguồn: Báo Quảng Ngãi</p>", "Hà Trinh"),
])
def test_byline_at_the_end_of_the_body(last, author):
    article = extract(page(BODY + last))
    assert article.author == author
    assert article.body.endswith(PARAS[-1])


def test_byline_after_a_run_of_spaces_in_the_last_paragraph():
    body = BODY.replace(PARAS[-1] + "</p>", PARAS[-1] + "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; Hà Trinh</p>")
    article = extract(page(body))
    assert article.author == "Hà Trinh"
    assert article.body.endswith(PARAS[-1])


@pytest.mark.parametrize("info,author,published", [
    ("<p>Văn Hùng (Phú Lương) 17:26, 16/03/2023</p>", "Văn Hùng (Phú Lương)", "2023-03-16T17:26:00+07:00"),
    ("<p><span>XUÂN CHIẾN</span> | <span>13:06, 25/02/2024</span></p>", "XUÂN CHIẾN", "2024-02-25T13:06:00+07:00"),
    ("<p>Tác giả: Trần Minh Quang - Thứ Năm, 21/03/2024, 15:20</p>", "Trần Minh Quang", "2024-03-21T15:20:00+07:00"),
    ('<p>Đăng ngày 13/03/2024 bởi <a rel="author" href="/author/lan">Nguyễn Thị Lan</a></p>', "Nguyễn Thị Lan", "2024-03-13"),
])
def test_byline_under_the_title(info, author, published):
    article = extract(page(info=info))
    assert article.author == author
    assert article.published == published


def test_labelled_author_after_the_body():
    article = extract(page(after='<div class="tacgia">Tác giả: Đinh Thị Hạnh</div>'))
    assert article.author == "Đinh Thị Hạnh"


@pytest.mark.parametrize("last,source", [
    ("<p>Nguồn tin: Báo Quảng Ngãi</p>", "Báo Quảng Ngãi"),
    ("<p><em>Nguồn: VOV</em></p>", "VOV"),
    ("<p>(Theo Báo Tây Ninh)</p>", "Báo Tây Ninh"),
])
def test_source_credit_is_not_the_author(last, source):
    article = extract(page(BODY + last))
    assert article.author is None
    assert article.source == source
    assert source not in article.body


@pytest.mark.parametrize("html", [
    page(BODY + "<p>Ảnh: Hà Trinh</p>"),                                    # photo credit
    page(BODY + "<p>Tác giả: admin</p>"),                                   # CMS account
    page(BODY + "<p>Trân trọng thông báo!</p>"),                             # a closing sentence
    page(BODY + "<p>Hội nghị kết thúc lúc 11 giờ cùng ngày.</p>"),           # ordinary last sentence
    page(BODY, info="<p>Người ký: Nguyễn Văn Phương</p><p>Ngày đăng: 05/01/2024</p>"),  # document signer
    page(BODY, head='<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "admin"}}</script>'),
    page(BODY, after='<div class="comments"><div class="comment"><b>Nguyễn Văn Bình</b> 06/01/2024<p>Rất hay</p></div></div>'),
    page(BODY, head='<meta name="author" content="Cổng thông tin điện tử huyện Minh Long">'),
])
def test_not_an_author(html):
    article = extract(html)
    assert article.author is None
    assert article.body.startswith(PARAS[0])


def test_official_named_in_text_is_not_the_author():
    article = extract(page(BODY))  # the last paragraph names "Đồng chí Đinh Văn Điết"
    assert article.author is None
    assert article.body.endswith(PARAS[-1])


def test_person_in_meta_author_is_used_when_no_byline():
    html = page(BODY).replace('content="UBND huyện Minh Long"', 'content="Nguyễn Văn Nam"')
    assert extract(html).author == "Nguyễn Văn Nam"


# ------------------------------------------------------------------ views

@pytest.mark.parametrize("info,views", [
    ("<span>05/01/2024 10:30</span> <span>Lượt xem: 4186</span>", 4186),
    ("<span>05/01/2024 10:30</span> | <span>Lượt xem: 1.205</span>", 1205),
    ("<span>05/01/2024 10:30</span> <span>4186 lượt xem</span>", 4186),
    ("<span>05/01/2024 10:30</span>&nbsp;&nbsp;&nbsp; <span class='icon-eye'></span> 158", 158),
    ("<span>05/01/2024 10:30</span><span class='view-count'><i class='fa fa-eye'></i> 2.013</span>", 2013),
    ("<span>05/01/2024 10:30</span>", None),
    ("<span>Cập nhật: 05/01/2024 10:30</span> | <span>158</span>", 158),
    ("<span>05/01/2024 10:30</span> | <span>0 bình luận</span>", None),
    ("<span>Thứ 6 05/01/2024 10:30</span>", None),
    # Joomla's Vietnamese "Hits" label in the article's own box is its count, not the site's.
    ("<span>05/01/2024 10:30</span> | <span>Lượt truy cập: 45</span>", 45),
    ("<span>05/01/2024 10:30</span> | <span>Tổng lượt truy cập: 4.567</span>", None),
    ("<span>05/01/2024 10:30</span> | <span>Lượt xem: 0</span>", 0),
])
def test_views(info, views):
    assert extract(page(info=info)).views == views


def test_site_counters_are_never_views():
    html = page(info="<span>05/01/2024 10:30</span>", after="<p>Số lượt truy cập: 794</p><p>Tổng số lượt xem: 16449550</p>")
    article = extract(html)
    assert article.views is None
    assert "16449550" not in article.body and "Số lượt truy cập" not in article.body


# ------------------------------------------------------------------ dates

def test_no_dateline_gives_null_not_a_widget_or_body_date():
    body = BODY + "<p>Ngày ban hành: 12/03/2023. Theo Quyết định số 2553/QĐ-UBND ngày 29/12/2022 của UBND huyện.</p>"
    article = extract(page(body, info=""))
    assert article.published is None


def test_meta_time_completes_a_date_only_dateline():
    head = '<meta property="article:published_time" content="2024-01-05T03:30:00Z">'
    assert extract(page(info="<span>05/01/2024</span>", head=head)).published == "2024-01-05T10:30:00+07:00"


def test_structured_date_when_no_visible_dateline():
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-01-05T10:30:00+07:00"}</script>'
    assert extract(page(info="", head=head)).published == "2024-01-05T10:30:00+07:00"


@pytest.mark.parametrize("info", [
    "<div>Được đăng ngày Thứ sáu, 05 Tháng 1 2024 10:30</div>",
    "<div>Thời gian đăng: 05/01/2024 10:30</div>",
    "<div>Ngày xuất bản: 05/01/2024 10:30 &nbsp; Người đăng: admin</div>",
    "<div>Ngày tạo: 05/01/2024 10:30</div><div>Lần cập nhật cuối (Thứ hai, 08 Tháng 1 2024 08:00)</div>",
])
def test_posting_labels_of_cms_templates(info):
    assert extract(page(info=info)).published == "2024-01-05T10:30:00+07:00"


def test_last_modified_line_is_not_the_publication_date():
    after = "<p>Lần cập nhật cuối ( Thứ hai, 08 Tháng 1 2024 08:00 )</p>"
    assert extract(page(info="", after=after)).published is None


def test_category_and_date_line_above_the_headline():
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="menu"><a href="/">Trang chủ</a></div><div class="news-detail">
<div class="cat-date"><a href="/thoi-su">Thời sự</a> - 05/01/2024 10:30</div><h1>{TITLE}</h1>
<div class="news-content">{BODY}</div></div></body></html>"""
    article = extract(html)
    assert (article.title, article.published) == (TITLE, "2024-01-05T10:30:00+07:00")
    assert article.body == "\n\n".join(PARAS)


@pytest.mark.parametrize("line", [
    '<p><em>Xem thêm: <a href="/-/hoi-nghi">Hội nghị tổng kết công tác cải cách hành chính năm 2022</a></em></p>',
    '<p><strong>Tin liên quan:</strong> <a href="/-/hoi-nghi">Huyện triển khai nhiệm vụ cải cách hành chính năm 2024</a></p>',
])
def test_see_also_line_inside_the_body_is_not_text(line):
    article = extract(page(BODY + line + "<p>Hà Trinh</p>"))
    assert article.body == "\n\n".join(PARAS)
    assert article.author == "Hà Trinh"


def test_see_also_words_in_a_sentence_stay():
    para = "<p>Xem thêm thông tin chi tiết về thủ tục tại Bộ phận một cửa của huyện hoặc trên Cổng dịch vụ công.</p>"
    assert extract(page(BODY + para)).body.endswith("trên Cổng dịch vụ công.")


def test_body_opening_with_a_link_to_a_document_is_still_an_article():
    first = ('<p><a href="/van-ban/123">Quyết định số 123/QĐ-UBND ngày 02/01/2024</a> của UBND huyện về kế hoạch '
             'cải cách hành chính năm 2024 đã được ban hành.</p>')
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body><h1>{TITLE}</h1>
<p>05/01/2024 10:30</p><div class="x">{first}{BODY}</div></body></html>"""
    article = extract(html)
    assert article.page_type == "article"
    assert article.body.startswith("Quyết định số 123/QĐ-UBND") and article.body.endswith(PARAS[-1])


def test_dateline_inside_the_body_container():
    article = extract(page("<p>Ngày đăng: 11/07/2024&nbsp; 09:45</p>" + BODY, info=""))
    assert article.published == "2024-07-11T09:45:00+07:00"
    assert article.body.startswith(PARAS[0])


# ------------------------------------------------------------------ title, text, images, attachments

def test_title_is_the_headline_not_the_portlet_header_or_title_tag():
    article = extract(page())
    assert article.title == TITLE
    assert article.site_name == "UBND huyện Minh Long"
    assert article.category == "Tin tức - Sự kiện"


def test_body_has_no_chrome():
    body = extract(page()).body
    assert body == "\n\n".join(PARAS)


def test_related_list_inside_the_container_is_cut():
    body = BODY + "<p><strong>Tin liên quan</strong></p><ul><li><a href='/-/x'>Một bài viết khác có liên quan về cải cách hành chính</a></li></ul>"
    assert extract(page(body)).body == "\n\n".join(PARAS)


def test_images_and_captions():
    body = (BODY + '<p style="text-align:center"><img data-src="/documents/hoi-nghi.jpg" src="data:image/gif;base64,R0lGOD" alt=""></p>'
            '<p style="text-align:center"><em>Quang cảnh hội nghị</em></p>'
            '<figure><img src="https://cdn.example.vn/anh-2.jpg"><figcaption>Trao giấy khen cho tập thể</figcaption></figure>'
            '<p><img src="/images/icon-print.png" width="16" height="16"></p>')
    article = extract(page(body))
    assert [(i.url, i.caption) for i in article.images] == [
        ("https://minhlong.quangngai.gov.vn/documents/hoi-nghi.jpg", "Quang cảnh hội nghị"),
        ("https://cdn.example.vn/anh-2.jpg", "Trao giấy khen cho tập thể"),
    ]
    assert "Quang cảnh" not in article.body and "Trao giấy khen" not in article.body


def test_attachments():
    body = BODY + ('<p>Tệp đính kèm: <a href="/documents/20182/0/KH+2553.pdf/5f8a-11">Kế hoạch 2553</a></p>'
                   '<p><a href="/upload/bieu-mau.xlsx"></a></p><p><a href="/tin-khac.html">Tin khác</a></p>')
    article = extract(page(body))
    assert [(a.url, a.name) for a in article.attachments] == [
        ("https://minhlong.quangngai.gov.vn/documents/20182/0/KH+2553.pdf/5f8a-11", "Kế hoạch 2553"),
        ("https://minhlong.quangngai.gov.vn/upload/bieu-mau.xlsx", "bieu-mau.xlsx"),
    ]
    assert "Kế hoạch 2553" not in article.body


def test_lead_paragraph_is_the_summary():
    html = page(info='<span>05/01/2024 10:30</span><h2 class="sapo">Năm 2023, huyện giải quyết đúng hạn 98,6% hồ sơ thủ tục hành chính.</h2>')
    assert extract(html).summary == "Năm 2023, huyện giải quyết đúng hạn 98,6% hồ sơ thủ tục hành chính."
    assert extract(page()).summary is None


def test_canonical_and_site():
    html = page(head='<link rel="canonical" href="/-/hoi-nghi-tong-ket-cong-tac">')
    article = extract(html)
    assert article.canonical_url == "https://minhlong.quangngai.gov.vn/-/hoi-nghi-tong-ket-cong-tac"
    assert article.site == "minhlong.quangngai.gov.vn"
    assert "canonical_url" not in article.to_dict()


def test_str_and_bytes_give_the_same_article():
    html = page()
    assert extract(html).to_dict() == extract(html.encode("utf-8")).to_dict()


def test_indicators_are_filled_for_articles_only(monkeypatch):
    import extract.article as mod
    calls = []
    monkeypatch.setattr(mod, "extract_indicators", lambda text, title=None: calls.append((text, title)) or [])
    article = extract(page())
    assert calls == [(article.body, TITLE)]
    extract('<html lang="vi"><head><title>Lỗi</title></head><body><p>Bài viết không tồn tại hoặc đã bị xóa</p></body></html>')
    assert len(calls) == 1


# ------------------------------------------------------------------ page types

TEASER = '<div class="item"><h3><a href="/-/tin-{0}">Tin hoạt động số {0} của UBND huyện trong tuần qua về kinh tế</a></h3><span>0{0}/02/2024</span></div>'


@pytest.mark.parametrize("html,url,kind", [
    (page(), None, "article"),
    ("<html lang='vi'><head><title>Trang chủ</title></head><body><div class='news'>" + "".join(TEASER.format(i) for i in range(1, 9))
     + "</div></body></html>", None, "listing"),
    (page(), "https://minhlong.quangngai.gov.vn/", "listing"),
    (page(), "https://minhlong.quangngai.gov.vn/tag/cai-cach-hanh-chinh", "listing"),
    (page(), "https://minhlong.quangngai.gov.vn/tim-kiem?q=hoi+nghi", "listing"),
    (page(), "https://www.tayninh.gov.vn/vi/news/kinh-te/", "listing"),
    (page(title="Kết quả tìm kiếm", body="".join(TEASER.format(i) for i in range(1, 4))), None, "listing"),
    (page(title="Lịch công tác tuần", body="<table><tr><td>Thứ Hai 05/02/2024</td><td>Họp giao ban</td></tr></table>"), None, "listing"),
    (page(body="<p>Bài viết không tồn tại hoặc đã bị xóa.</p>", title="Tin tức"), None, "other"),
    (page(title="Liên hệ", body="<p>Địa chỉ: Thị trấn Long Hiệp. Điện thoại: 0255.3867.123</p>"), None, "other"),
    (page(), "https://minhlong.quangngai.gov.vn/lien-he", "other"),
    # Article addresses that look like a home page or sit under a category path: the page decides.
    (page(), "https://longson.minhlong.quangngai.gov.vn/?p=598", "article"),
    (page(), "https://hoaiduc.hanoi.gov.vn/index.php?option=com_content&view=article&id=2156&Itemid=112", "article"),
    (page(), "https://x.gov.vn/chuyen-muc/tin-tuc/hoi-nghi-tong-ket-cong-tac-cai-cach-hanh-chinh-2023", "article"),
    (page(), "https://x.gov.vn/danh-muc/kinh-te/hoi-nghi-tong-ket-4512.html", "article"),
    (page(), "https://x.gov.vn/category/tin-tuc/", "listing"),
    ("<html lang='vi'><head><title>Trang chủ</title></head><body><div class='news'>" + "".join(TEASER.format(i) for i in range(1, 9))
     + "</div></body></html>", "https://x.gov.vn/chuyen-muc/tin-tuc/hoat-dong-cua-ubnd-huyen-trong-tuan", "listing"),
])
def test_page_type(html, url, kind):
    article = extract_article(html, url=url)
    assert article.page_type == kind
    if kind != "article":
        assert article.indicators == []


# ------------------------------------------------------------------ other pages and bad input

ENGLISH = """<html lang="en"><head><title>City council approves new park budget | Springfield News</title>
<meta property="og:title" content="City council approves new park budget">
<meta property="article:published_time" content="2023-05-03T23:30:00+02:00"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><h1>City council approves new park budget</h1>
<p>The Springfield city council voted on Tuesday to approve a budget of 2.4 million dollars for the new riverside park, ending months of debate.</p>
<p>Construction is expected to begin in the autumn and to last about eighteen months, according to the parks department.</p>
<p>Residents who spoke at the meeting mostly welcomed the plan, although several asked for more parking near the entrance.</p>
</main><footer>Copyright Springfield News</footer></body></html>"""


def test_non_vietnamese_page_uses_the_general_extractor():
    article = extract_article(ENGLISH, url="https://news.example.com/park-budget")
    assert article.page_type == "article"
    assert article.language == "en"
    assert article.title == "City council approves new park budget"
    assert article.published.startswith("2023-05-03")
    assert "riverside park" in article.body and "Copyright" not in article.body


@pytest.mark.parametrize("data", [b"", b"%PDF-1.4\n1 0 obj", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"])
def test_not_html_raises_bad_input(data):
    with pytest.raises(BadInput):
        extract_article(data)


def test_many_related_links_inside_the_body_do_not_make_a_listing():
    long_para = "<p>" + " ".join(PARAS * 2) + "</p>"
    links = "".join(f"<li><a href='/-/tin-{i}'>Tin hoạt động số {i} của UBND huyện về cải cách hành chính</a></li>" for i in range(8))
    article = extract(page(long_para + f"<ul>{links}</ul>"))
    assert article.page_type == "article"
    assert "Tin hoạt động số" not in article.body


def test_wrapper_with_the_same_class_gives_way_to_the_inner_body():
    html = page(cls="x").replace('<div class="portlet">', '<div class="noidung"><div class="portlet">').replace(
        '<div class="x">', '<div class="noidung-chitiet">').replace('<div class="thong-ke">', '</div><div class="thong-ke">')
    article = extract(html)
    assert article.body == "\n\n".join(PARAS)


def test_template_lang_attribute_does_not_override_vietnamese_text():
    article = extract(page().replace('<html lang="vi">', '<html lang="en-US">'))
    assert article.language == "vi" and article.title == TITLE and article.author is None


def test_date_printed_above_the_headline():
    html = page(info="").replace('<h3 class="header-title">', '<div class="date">Thứ Sáu, 05/01/2024 - 10:30</div><h3 class="header-title">')
    assert extract(html).published == "2024-01-05T10:30:00+07:00"


def test_title_when_the_title_tag_only_names_the_portal():
    body = "<h2>I. Kết quả đạt được</h2>" + BODY + "<h2>II. Nhiệm vụ năm 2024</h2><p>Tiếp tục đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng.</p>"
    html = page(body).replace(f"<title>{TITLE} - UBND huyện Minh Long</title>", "<title>Cổng thông tin điện tử huyện Minh Long</title>")
    article = extract(html)
    assert article.title == TITLE
    assert article.body.startswith("I. Kết quả đạt được")


def test_broken_urls_in_the_page_do_not_raise():
    html = page(BODY + '<p><a href="http://[broken/file.pdf">Tệp</a></p>', head='<link rel="canonical" href="http://[x">')
    article = extract(html)
    assert article.title == TITLE


def test_invalid_url_argument_is_bad_input():
    with pytest.raises(BadInput, match="not a valid URL"):
        extract_article(page(), url="http://[bad")


@pytest.mark.parametrize("last,author", [
    ("<p>Nguyễn Văn Hải - Phòng Văn hóa và Thông tin</p>", "Nguyễn Văn Hải - Phòng Văn hóa và Thông tin"),
    ("<p>Thu Hà, Trung tâm TT-VH-TT huyện</p>", "Thu Hà, Trung tâm TT-VH-TT huyện"),
    ("<p>Đinh Thị Hoa – Công chức Văn hóa – Xã hội</p>", "Đinh Thị Hoa – Công chức Văn hóa – Xã hội"),
    # An organisation alone is the byline of notices and unit news.
    ("<p>Phòng Văn hóa và Thông tin huyện</p>", "Phòng Văn hóa và Thông tin huyện"),
    ("<p>Trạm Y tế xã Long Sơn</p>", "Trạm Y tế xã Long Sơn"),
    ("<p>Chi cục Trồng trọt và Bảo vệ thực vật</p>", "Chi cục Trồng trọt và Bảo vệ thực vật"),
    ("<p style='text-align:right'><strong>Công an xã Long Sơn</strong></p>", "Công an xã Long Sơn"),
    # ... but a closing sentence that starts with a unit is not.
    ("<p>Phòng Văn hóa và Thông tin huyện đề nghị các xã triển khai</p>", None),
    ("<p>Phòng Văn hóa và Thông tin huyện.</p>", None),
    ("<p>Trung tâm Y tế huyện tiếp nhận 120 hồ sơ</p>", None),
    ("<p>Ban Chỉ đạo huyện yêu cầu các xã</p>", None),
    ("<p>Nguyễn Văn Hải - Phòng Văn hóa báo cáo kết quả</p>", None),
])
def test_byline_with_the_writers_unit(last, author):
    article = extract(page(BODY + last))
    assert article.author == author
    if author:
        assert author not in article.body and article.body.endswith(PARAS[-1])
    else:
        assert article.body.endswith(re.sub(r"<[^>]+>", "", last))


@pytest.mark.parametrize("trailer", [
    "<p>Hà Trinh</p><p>In bài viết | RSS</p>",
    "<p>Hà Trinh</p><p>Gửi email</p><p>Quay lại</p><p>Về đầu trang</p>",
    "<p>Hà Trinh</p><div><a href='#'>Chia sẻ</a> | <a href='#'>Facebook</a> | <a href='#'>Zalo</a></div>",
    "<p>Hà Trinh</p><p>Bản in</p><p>Lên đầu trang</p>",
])
def test_tool_lines_after_the_byline_are_chrome(trailer):
    article = extract(page(BODY + trailer))
    assert article.author == "Hà Trinh"
    assert article.body.endswith(PARAS[-1])


@pytest.mark.parametrize("trailer,author,source", [
    ("<p>Phạm Long</p><p>Nguồn: Báo Quảng Ngãi</p><p>In bài viết | RSS</p>", "Phạm Long", "Báo Quảng Ngãi"),
    ("<p>Nguồn tin: Sở Lao động - Thương binh và Xã hội</p>", None, "Sở Lao động - Thương binh và Xã hội"),
])
def test_source_line_after_the_byline(trailer, author, source):
    article = extract(page(BODY + trailer))
    assert (article.author, article.source) == (author, source)
    assert article.body.endswith(PARAS[-1])


def test_labelled_source_with_a_dash_in_the_tail():
    html = page(after='<div><p class="text-right"><strong>Nguồn tin: </strong>Sở Lao động - Thương binh và Xã hội</p></div>')
    assert extract(html).source == "Sở Lao động - Thương binh và Xã hội"


@pytest.mark.parametrize("box,author", [
    ('<div class="tac-gia">Chi cục Thủy sản</div>', "Chi cục Thủy sản"),
    ('<div class="tac-gia">Minh Thư - Chi cục Kiểm lâm</div>', "Minh Thư - Chi cục Kiểm lâm"),
])
def test_organisation_in_an_author_box(box, author):
    article = extract(page(after=box))
    assert article.author == author and article.body.endswith(PARAS[-1])


def test_byline_with_a_date_at_the_end():
    article = extract(page(BODY + "<p>Hà Trinh - 18/08/2023</p>", info=""))
    assert article.author == "Hà Trinh"
    assert article.published == "2023-08-18"
    assert article.body.endswith(PARAS[-1])


def test_short_first_sentence_with_a_date_stays_in_the_body():
    article = extract(page("<p>Ngày 12/3/2024, tại xã Long Sơn.</p>" + BODY))
    assert article.body.startswith("Ngày 12/3/2024, tại xã Long Sơn.")
    assert article.published == "2024-01-05T10:30:00+07:00"


def test_article_sentences_that_start_like_chrome_are_kept():
    first = "Hôm nay 5/1, đoàn công tác của tỉnh đã làm việc với UBND huyện về cải cách hành chính."
    second = "Lượt truy cập Cổng dịch vụ công của huyện năm 2023 tăng 35% so với năm trước, đạt hơn 120.000 lượt."
    article = extract(page(f"<p>{first}</p><p>{second}</p>" + BODY))
    assert article.body.startswith(first + "\n\n" + second)


def test_nukeviet_article_whose_body_is_an_attachment():
    related = "".join(f"<li><a href='/vi/news/tin-tuc/tin-{i}.html'>Thông báo kết quả thực hiện dự toán ngân sách quý {i} năm 2023</a></li>"
                      for i in range(8))
    html = f"""<html lang="vi"><head><title>Công khai dự toán ngân sách năm 2024 - Cổng thông tin điện tử tỉnh Tây Ninh</title></head><body>
<div class="news_column"><h1 class="title">Công khai dự toán ngân sách năm 2024</h1><span class="h5">Thứ Năm - 04/01/2024 10:20</span>
<div id="news-bodyhtml" class="bodytext">Chi tiết xem tệp đính kèm.</div>
<div class="news-download-file"><a href="/uploads/news/2024_01/du-toan-2024.pdf">du-toan-2024.pdf</a></div></div>
<div class="other-news"><ul>{related}</ul></div></body></html>"""
    article = extract_article(html, url="https://www.tayninh.gov.vn/vi/news/ngan-sach/cong-khai-du-toan-2024-50001.html")
    assert article.page_type == "article"
    assert article.body == "Chi tiết xem tệp đính kèm."
    assert article.published == "2024-01-04T10:20:00+07:00"
    assert [a.name for a in article.attachments] == ["du-toan-2024.pdf"]


def test_commenter_inside_the_article_box_is_not_the_author():
    comments = ('<div class="comment-list"><div class="comment"><span class="author fn">Nguyễn Văn Bình</span>'
                '<span>06/01/2024 08:00</span><p>Bài viết rất hay.</p></div></div>')
    article = extract(page(after=comments, info="<span>05/01/2024 10:30</span>"))
    assert article.author is None
    assert article.published == "2024-01-05T10:30:00+07:00"


def test_joomla_article_info_box():
    html = f"""<!DOCTYPE html><html lang="vi-vn"><head><meta charset="utf-8"><title>{TITLE}</title>
<meta name="author" content="Super User"></head><body><div class="moduletable"><p>Hôm nay: Thứ Hai, 02/02/2026</p></div>
<div class="item-page" itemscope itemtype="https://schema.org/Article"><div class="page-header"><h2 itemprop="headline">{TITLE}</h2></div>
<dl class="article-info muted"><dt class="article-info-term">Chi tiết</dt>
<dd class="createdby" itemprop="author"><span itemprop="name">Viết bởi Super User</span></dd>
<dd class="category-name">Danh mục: <a href="/tin-tuc">Tin hoạt động</a></dd>
<dd class="published"><time datetime="2023-11-16T09:12:44+07:00" itemprop="datePublished">Được đăng: 16 Tháng 11 2023</time></dd>
<dd class="hits">Lượt xem: 345</dd></dl><div itemprop="articleBody">{BODY}</div>
<ul class="pager pagenav"><li><a href="/tin-tuc/1">Trước</a></li><li><a href="/tin-tuc/3">Tiếp</a></li></ul></div></body></html>"""
    article = extract(html)
    assert (article.title, article.published, article.views) == (TITLE, "2023-11-16T09:12:44+07:00", 345)
    assert article.author is None  # "Super User" is the CMS account
    assert article.category == "Tin hoạt động"
    assert article.body == "\n\n".join(PARAS)


def test_last_sentence_starting_with_a_label_word_is_text():
    last = "Bởi vậy, huyện sẽ tiếp tục rà soát và hoàn thiện quy trình trong năm 2024."
    article = extract(page(BODY + f"<p>{last}</p>"))
    assert article.author is None and article.body.endswith(last)


ITEM = ('<div class="item-tin"><a class="tieu-de" href="/tin/{0}.aspx">Sơ kết công tác phòng, chống thiên tai đợt {0} năm 2025</a>'
        '<span class="ngay">(0{0}/07/2025)</span><p>Ban Chỉ huy tổ chức hội nghị sơ kết công tác và triển khai nhiệm vụ thời gian tới.</p></div>')


@pytest.mark.parametrize("items,pager,kind", [
    (3, "", "listing"),
    (2, '<div class="phan-trang"><a href="?Page=2">2</a></div>', "listing"),
])
def test_short_lists_of_teasers_are_listings(items, pager, kind):
    html = ("<html lang='vi'><head><title>Tin tức - Sự kiện</title></head><body><div class='danh-sach-tin'><h2>Tin tức</h2>"
            + "".join(ITEM.format(i) for i in range(1, items + 1)) + pager + "</div></body></html>")
    assert extract_article(html).page_type == kind


@pytest.mark.parametrize("title,url", [
    ("Giới thiệu chung về huyện Minh Long", None),
    ("Sơ đồ site", None),
    ("Đăng nhập", None),
    ("Lịch sử hình thành huyện", "https://minhlong.quangngai.gov.vn/gioi-thieu"),
])
def test_about_sitemap_login_pages_are_other(title, url):
    html = page(title=title, body="<p>Huyện Minh Long là huyện miền núi nằm ở phía Tây Nam tỉnh Quảng Ngãi, có 05 đơn vị hành chính cấp xã.</p>" * 4)
    assert extract_article(html, url=url).page_type == "other"


def test_short_page_without_an_article_container_is_not_an_article():
    html = ("<html lang='vi'><head><title>Văn bản chỉ đạo điều hành</title></head><body><h2>Văn bản chỉ đạo điều hành</h2>"
            "<table><tr><td>1</td><td><a href='/documents/kh-2553.pdf'>Kế hoạch 2553</a></td><td>18/08/2023</td></tr></table></body></html>")
    assert extract_article(html).page_type != "article"


def test_embedded_pdf_viewer_is_an_attachment():
    body = BODY + ('<p><iframe src="/pdfjs/web/viewer.html?file=%2Fdocuments%2F20182%2F0%2Fke-hoach-cchc-2024.pdf" width="100%"></iframe></p>'
                   '<embed src="/upload/bao-cao.pdf" type="application/pdf"><iframe src="https://www.youtube.com/embed/abc"></iframe>')
    article = extract(page(body))
    assert [a.url for a in article.attachments] == [
        "https://minhlong.quangngai.gov.vn/documents/20182/0/ke-hoach-cchc-2024.pdf",
        "https://minhlong.quangngai.gov.vn/upload/bao-cao.pdf",
    ]
    assert [a.name for a in article.attachments] == ["ke-hoach-cchc-2024.pdf", "bao-cao.pdf"]
    assert article.body == "\n\n".join(PARAS)


def test_french_page_is_not_taken_for_vietnamese():
    french = ENGLISH.replace('lang="en"', 'lang="fr"').replace(
        "<p>The Springfield", "<p>Le conseil municipal a approuvé à l'unanimité le budget de l'école élémentaire, prévu pour l'été.</p><p>The Springfield")
    article = extract_article(french, url="https://news.example.com/park-budget")
    assert article.language == "fr"
    assert "approuvé" in article.body


# ------------------------------------------------------------------ generality: markup variants

def test_dateline_span_run_together_with_views_and_font_tools():
    info = ('<span class="date-news">15/04/2024 08:30</span><span class="view-count">1.254</span>'
            '<span class="font-size">Cỡ chữ: <a>A-</a><a>A</a><a>A+</a></span>')
    article = extract(page(info=info))
    assert (article.published, article.views) == ("2024-04-15T08:30:00+07:00", 1254)


@pytest.mark.parametrize("tools", [
    "<div>In trang&nbsp;&nbsp; Quay lại&nbsp;&nbsp; Lên đầu trang</div>",
    "<p>Chia sẻ / Facebook / Zalo / Gửi email</p>",
    "<p><a href='#'><img src='/images/back.gif'> Quay lại</a> <a href='#'><img src='/images/ico_print.gif'> In bài viết</a></p>",
])
def test_tool_link_lines_leave_the_body_with_their_icons(tools):
    article = extract(page(BODY + "<p style='text-align:right'><b>Lê Thị Hằng</b></p>" + tools))
    assert article.author == "Lê Thị Hằng"
    assert article.body.endswith(PARAS[-1]) and article.images == []


def test_sentence_made_of_tool_words_and_others_stays():
    article = extract(page(BODY + "<p>In ấn tài liệu tuyên truyền gửi các thôn</p>"))
    assert article.body.endswith("In ấn tài liệu tuyên truyền gửi các thôn")


def test_box_around_the_body_with_a_title_class_is_not_the_title():
    html = page(title="").replace('<div class="asset-full-content">', '<div class="asset-full-content no-title">').replace(
        '<h3 class="header-title"></h3>', '').replace("<title> - UBND huyện Minh Long</title>",
                                                     f'<title>{TITLE} - Tin hoạt động - UBND huyện Minh Long</title>')
    assert extract(html).title == TITLE


@pytest.mark.parametrize("doc_title,title", [
    ("Phát triển kinh tế - xã hội năm 2023 - Tin hoạt động - UBND xã Long Sơn", "Phát triển kinh tế - xã hội năm 2023"),
    ("Hội nghị tổng kết năm 2023 - Tin tức - Sự kiện - Cổng TTĐT huyện Minh Long", "Hội nghị tổng kết năm 2023"),
    ("Ngày hội Đại đoàn kết toàn dân tộc năm 2023 - Nghĩa Kỳ - Trang thông tin điện tử xã Nghĩa Kỳ",
     "Ngày hội Đại đoàn kết toàn dân tộc năm 2023"),
    ("Tổng kết công tác năm 2023 - Báo cáo tổng kết - UBND huyện", "Tổng kết công tác năm 2023 - Báo cáo tổng kết"),
])
def test_title_from_the_title_tag_keeps_its_own_dashes(doc_title, title):
    html = (f"<html><head><meta charset='utf-8'><title>{doc_title}</title>"
            f"<meta property='og:site_name' content='Trang thông tin điện tử xã Nghĩa Kỳ'></head><body>"
            f"<div class='portlet'><h2 class='portlet-title'>Tin hoạt động</h2>"
            f"<div class='journal-content-article'>{BODY}</div></div></body></html>")
    assert extract(html).title == title


def test_labelled_author_with_a_longer_label():
    html = page(after='<div><p class="text-right"><strong>Tác giả bài viết: </strong>Hồng Nhung</p>'
                      '<p class="text-right"><strong>Nguồn tin: </strong>Văn phòng HĐND - UBND huyện</p></div>')
    article = extract(html)
    assert (article.author, article.source) == ("Hồng Nhung", "Văn phòng HĐND - UBND huyện")


@pytest.mark.parametrize("trailer,author,source,published", [
    ("<p>Hà Trinh</p><p>18/08/2023</p>", "Hà Trinh", None, "2023-08-18"),
    ("<p>Hà Trinh</p><p>Ngày đăng: 18/08/2023 10:20</p>", "Hà Trinh", None, "2023-08-18T10:20:00+07:00"),
    ("<p>Theo baochinhphu.vn</p>", None, "baochinhphu.vn", None),
])
def test_datelines_and_domain_sources_under_the_body(trailer, author, source, published):
    article = extract(page(BODY + trailer, info=""))
    assert (article.author, article.source, article.published) == (author, source, published)
    assert article.body.endswith(PARAS[-1])


def test_closing_sentence_with_a_date_stays_in_the_body():
    last = "Sáng ngày 18/8/2023, UBND huyện họp."
    article = extract(page(BODY + f"<p>{last}</p>", info=""))
    assert article.body.endswith(last) and article.published is None


@pytest.mark.parametrize("info", [
    "<span>05/01/2024 10:30</span> | <span>Đã xem: 321</span>",
    "<span>05/01/2024 10:30</span> <span>Số lần đọc: 321</span>",
    "<span>05/01/2024 10:30</span> <span>(321 lượt xem)</span>",
    "<span>05/01/2024 10:30</span> <span>Xem: 321</span>",
    "<p>Cập nhật lúc 10:30 ngày 05/01/2024 - Đã đọc: 321</p>",
    # Fields printed with no space between them, or separated only by an icon glyph.
    "<span>05/01/2024 10:30</span><span class='views'>321</span>",
    "<span>05/01/2024 10:30</span><span class='hit'><i class='fa fa-eye'></i>321</span>",
    "<span class='date'>05/01/2024</span><span class='time'>10:30</span><span>Lượt xem:</span><span>321</span>",
])
def test_view_counter_wordings_and_fields_run_together(info):
    article = extract(page(info=info))
    assert (article.published, article.views) == ("2024-01-05T10:30:00+07:00", 321)


def test_list_of_units_at_the_end_is_text():
    items = "<ul><li>Phòng Văn hóa và Thông tin huyện</li><li>Hội Nông dân huyện</li><li>Đoàn Thanh niên huyện</li></ul>"
    article = extract(page(BODY + "<p>Tham gia hội nghị có đại diện các đơn vị:</p>" + items))
    assert article.author is None
    assert article.body.endswith("Hội Nông dân huyện\n\nĐoàn Thanh niên huyện")


@pytest.mark.parametrize("box", ['<div class="footer-news-detail"><span class="luot-xem">Lượt xem: 88</span> <a>In bài viết</a></div>',
                                 '<footer class="entry-footer"><span>Lượt xem: 88</span></footer>'])
def test_views_in_the_articles_own_footer(box):
    article = extract(page(after=box))
    assert article.views == 88 and article.body.endswith(PARAS[-1])


def test_page_footer_counters_are_never_views():
    html = page().replace('<div id="footer">', '<div id="footer"><p>Lượt xem: 16449550</p>')
    assert extract(html).views is None


@pytest.mark.parametrize("trailer,author,source", [
    ("<p>Tin: Hà Trinh; Ảnh: Minh Long</p>", "Hà Trinh", None),
    ("<p>Bài: Hà Trinh - Ảnh: Minh Long</p>", "Hà Trinh", None),
    ("<p>Bài, ảnh: Hà Trinh (Trung tâm VH-TT)</p>", "Hà Trinh (Trung tâm VH-TT)", None),
    ("<p>(Nguồn: Sở Y tế tỉnh).</p>", None, "Sở Y tế tỉnh"),
])
def test_photo_credit_after_the_name_and_bracketed_sources(trailer, author, source):
    article = extract(page(BODY + trailer))
    assert (article.author, article.source) == (author, source)
    assert article.body.endswith(PARAS[-1])


@pytest.mark.parametrize("heading,published", [
    (f'{TITLE} <span class="date">(05/01/2024)</span>', "2024-01-05"),
    (f"{TITLE} <small>05/01/2024 10:30</small>", "2024-01-05T10:30:00+07:00"),
    (f'<a href="#">{TITLE}</a> - <i>05/01/2024</i>', "2024-01-05"),
])
def test_date_printed_inside_the_headline(heading, published):
    html = page(info="").replace(f'<h3 class="header-title">{TITLE}</h3>', f'<h3 class="header-title">{heading}</h3>')
    article = extract(html)
    assert (article.title, article.published) == (TITLE, published)


def test_date_inside_the_headline_text_stays_in_the_title():
    heading = "Hội nghị ngày <b>05/01/2024</b> của huyện Minh Long"
    html = page(info="", title="Hội nghị ngày 05/01/2024 của huyện Minh Long").replace(
        '<h3 class="header-title">Hội nghị ngày 05/01/2024 của huyện Minh Long</h3>', f'<h3 class="header-title">{heading}</h3>')
    article = extract(html)
    assert (article.title, article.published) == ("Hội nghị ngày 05/01/2024 của huyện Minh Long", None)


@pytest.mark.parametrize("after_byline", [
    '<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Có liên quan</em></h3></div>',
    '<h3>Có liên quan</h3><p><a href="/x">Tin khác về cải cách hành chính của huyện năm 2023</a></p>',
    '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Chia sẻ:</h3><ul><li><a href="?share=facebook">Facebook</a></li></ul></div>'
    '<div class="sharedaddy sd-like"><h3 class="sd-title">Thích điều này:</h3></div>',
])
def test_wordpress_jetpack_blocks_after_the_byline(after_byline):
    article = extract(page(BODY + "<p>Thanh Nhàn</p>" + after_byline))
    assert article.author == "Thanh Nhàn" and article.body.endswith(PARAS[-1])


@pytest.mark.parametrize("figure,caption", [
    ('<table class="image center"><tbody><tr><td><img src="/a.jpg"></td></tr><tr><td class="image_desc">'
     'Đại biểu dự hội nghị tổng kết năm 2023</td></tr></tbody></table>', "Đại biểu dự hội nghị tổng kết năm 2023"),
    ('<div type="Photo"><div><img src="/a.jpg"></div><div class="PhotoCMS_Caption"><p>Lãnh đạo huyện trao giấy khen</p></div></div>',
     "Lãnh đạo huyện trao giấy khen"),
])
def test_newspaper_caption_markup(figure, caption):
    article = extract(page(f"<p>{PARAS[0]}</p>{figure}<p>{PARAS[1]}</p><p>{PARAS[2]}</p>"))
    assert [i.caption for i in article.images] == [caption]
    assert caption not in article.body and article.body.endswith(PARAS[-1])


@pytest.mark.parametrize("last,author,ends", [
    (f"<p>{PARAS[2]} <strong>Hà Trinh</strong></p>", "Hà Trinh", PARAS[2]),
    (f"<p>{PARAS[2]}/. <em>Thanh Nhàn</em></p>", "Thanh Nhàn", PARAS[2] + "/."),
    # A name closing a sentence without punctuation before it is the text's.
    ("<p>Chủ trì hội nghị có đồng chí <b>Đinh Văn Điết</b></p>", None, "Chủ trì hội nghị có đồng chí Đinh Văn Điết"),
])
def test_bold_name_closing_the_last_paragraph(last, author, ends):
    article = extract(page(f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p>" + last))
    assert article.author == author and article.body.endswith(ends)


# ------------------------------------------------------------------ real-page rules (issue 10)

@pytest.mark.parametrize("info,published,views", [
    ("<span>Publish date: 05/01/2024 | 10:30 AM</span>", "2024-01-05T10:30:00+07:00", None),
    ("<span>Date: 05/01/2024 10:30 | View count: 1.234</span>", "2024-01-05T10:30:00+07:00", 1234),
    ("<span>(05.01.2024 10:30)</span>", "2024-01-05T10:30:00+07:00", None),
])
def test_english_and_bracketed_datelines(info, published, views):
    article = extract(page(info=info))
    assert (article.published, article.views) == (published, views)


@pytest.mark.parametrize("info,after", [
    ("<span>Posted by: Ad Min | 05/01/2024</span>", ""),
    ("<span>05/01/2024</span>", '<p style="text-align:right">Forgot Password</p>'),
    ("<span>05/01/2024</span>", '<p style="text-align:right"><b>PHOTO GALLERY</b></p>'),
    ("<span>05/01/2024</span>", "<p>Pho Ban bien tap</p>"),
])
def test_accounts_interface_text_and_placeholders_are_not_authors(info, after):
    assert extract(page(body=BODY + after, info=info)).author is None


def test_editor_placeholder_leaves_the_body_and_the_byline_stays():
    body = BODY + '<p style="text-align:right">Vương Hợp – ĐTT.</p><p>Phó Ban biên tập</p><p>Xem chi tiết tại đây</p>'
    article = extract(page(body=body))
    assert article.author == "Vương Hợp"
    assert article.body.endswith(PARAS[-1])


@pytest.mark.parametrize("title", ["Cơ cấu tổ chức", "Chức năng, nhiệm vụ", "Lãnh đạo UBND", "Đường dây nóng",
                                   "Danh bạ điện thoại", "Mua sắm công"])
def test_static_information_pages_are_other(title):
    assert extract(page(title=title)).page_type == "other"


def test_a_headline_starting_like_a_static_page_is_news():
    assert extract(page(title="Lãnh đạo huyện thăm hỏi gia đình chính sách dịp Tết Nguyên đán")).page_type == "article"


def test_lead_outside_the_body_opens_the_body():
    lead = "Năm 2023, huyện Minh Long giải quyết đúng hạn 98,6% hồ sơ thủ tục hành chính, vượt kế hoạch đề ra."
    article = extract(page(info=f'<span>05/01/2024 10:30</span><p class="sapo">{lead}</p>'))
    assert article.summary == lead
    assert article.body.startswith(lead + "\n\n" + PARAS[0])
    assert any(i.text == "98,6%" and i.start < len(lead) for i in article.indicators)


SHAREPOINT = """<html><head><title>Trang chủ - Cổng thông tin điện tử huyện Krông Nô</title></head><body>
<div class="menu"><a href="/">Trang chủ</a></div>
<table><tr><td class="FolderTitle">tin nổi bật</td><td class="Time">{date}</td></tr></table>
<div id="part1"><table id="tableforprint"><tr><td><p class="Title">{title}</p></td></tr>
<tr><td><div class="x"><p><br></p><div><div class="asset-content">
<div class="journal-content-article">{body}</div></div></div></div></td></tr></table></div>
<div class="tbtinkhac"><p>TIN ĐÃ ĐƯA</p><ul>{related}</ul></div></body></html>"""
RELATED = "".join(f'<li><a href="/tin-{i}/">Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội số {i}</a> '
                  f"(30.07.2019 17:59)</li>" for i in range(8))


def test_headline_and_dateline_over_a_deeply_nested_body():
    html = SHAREPOINT.format(date="11/06/2019", title="Krông Nô phát động hưởng ứng Ngày Môi trường thế giới năm 2019",
                             body=BODY, related=RELATED)
    article = extract_article(html)
    assert article.page_type == "article"
    assert article.title == "Krông Nô phát động hưởng ứng Ngày Môi trường thế giới năm 2019"
    assert article.published == "2019-06-11"
    assert article.body.startswith(PARAS[0])


def test_document_notice_under_a_headline_is_an_article():
    html = SHAREPOINT.format(date="(26.07.2019 14:14)", title="Lịch công tác tuần thứ 25 của Chủ tịch UBND huyện",
                             body='<p>Xem chi tiết <a href="/img/tuan-25.pdf">Tại đây</a></p>', related=RELATED)
    article = extract_article(html)
    assert article.page_type == "article"
    assert article.title == "Lịch công tác tuần thứ 25 của Chủ tịch UBND huyện"
    assert article.published == "2019-07-26T14:14:00+07:00"
    assert len(article.body) < 80


def test_sharepoint_list_view_in_a_category_page_is_a_listing():
    columns = "".join(f"<th>{c}</th>" for c in ("Title", "Created By", "Published", "Category", "ReadCounter"))
    html = (f'<html><head><title>Tin nổi bật</title></head><body><table class="ms-listviewtable"><tr>{columns}</tr>'
            f'<tr><td><div class="ms-rtestate-field">{BODY}</div></td><td>Le Phu Tien</td><td>21/10/2013</td>'
            f"<td>Tin</td><td>12</td></tr></table></body></html>")
    assert extract_article(html).page_type == "listing"


@pytest.mark.parametrize("title", ["Home", "Trang thông tin điện tử Huyện Krông Nô"])
def test_a_page_without_a_headline_of_its_own_is_not_news(title):
    banner = "<p>Mừng đất nước đổi mới, mừng Đảng quang vinh, mừng Xuân Mậu Tuất 2018 cùng toàn thể nhân dân!</p>" * 4
    html = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
            f'<div class="content">{banner}</div></body></html>')
    assert extract_article(html).page_type == "other"


@pytest.mark.parametrize("after,author", [
    ('<p class="AuthorArticle">Nguyễn Văn Nam</p>', "Nguyễn Văn Nam"),
    ('<div class="texttacgia">Tin, ảnh: Mỹ Hằng</div>', "Mỹ Hằng"),
    ('<div class="texttacgia">Linh Phạm - Lê Hải</div>', "Linh Phạm - Lê Hải"),
    ('<p>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;<strong>Vương Hợp .</strong></p>', "Vương Hợp"),
])
def test_byline_elements_and_pushed_right_names(after, author):
    article = extract(page(body=BODY + after))
    assert article.author == author
    assert article.body.endswith(PARAS[-1])


def test_paragraphs_set_as_h1_inside_the_body_are_not_the_headline():
    body = "".join(f"<h1>{p}</h1>" for p in PARAS)
    html = SHAREPOINT.format(date="30/07/2019", title="Đak Song khai giảng lớp bồi dưỡng đối tượng kết nạp Đảng",
                             body=body, related=RELATED)
    article = extract_article(html)
    assert article.title == "Đak Song khai giảng lớp bồi dưỡng đối tượng kết nạp Đảng"
    assert article.published == "2019-07-30"
    assert article.body.startswith(PARAS[0])
