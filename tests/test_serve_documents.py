"""Documents (attachments read) in `govnews serve`: the document page, the article's list, /api/documents,
the archived original as a download, document figures on the figures page, document search hits, hostile text.

The archive: the serve fixtures' three articles, the sample portal's real report PDF read by the real
extractor and archived in a real WARC (crawler.warc.WarcWriter), a scan waiting for OCR, and a hostile ".doc"
that is really HTML with markup in every field.
"""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote, urlencode

import pytest
from test_serve_fixtures import ARTICLES, MINH_LONG, get, serving
from test_xss import audit

from base.datadir import warc_dir
from crawler.fetch import FetchResult
from crawler.warc import WarcWriter
from extract.documents import extract_document
from index import documents as D
from index.store import Store
from web import pages
from web.serve import download_name

REPO = Path(__file__).resolve().parent.parent
REPORT_PDF = REPO / "samples" / "site" / "huyen-minhlong" / "documents" / "bao-cao-tong-ket-ntm-2022.pdf"
REPORT_URL = f"https://{MINH_LONG}/documents/20182/0/bao-cao-tong-ket-ntm-2022.pdf"
SCAN_URL = f"https://{MINH_LONG}/documents/20182/0/237-TB-UBND-quet.pdf"
EVIL_URL = f"https://{MINH_LONG}/documents/x/%22onclick=alert(1)%22.doc"
EVIL_HTML = b'<html><body><script>alert("doc")</script>not a Word file</body></html>'
EVIL_TEXT = 'Trang <script>alert("page")</script> ghi 12 hộ <img src=x onerror=alert(2)> nghèo'
EVIL = {
    "url": EVIL_URL, "article_url": "javascript:alert(3)", "name": '<script>alert("name")</script>.doc',
    "format": "doc", "kind": "<b>BÁO CÁO</b>", "number": '<img src=x onerror=alert(4)>', "issuer": "<i>UBND</i>",
    "place": None, "date": "2023-01-02", "subject": '"><svg onload=alert(5)>', "signer": "<u>Ký</u>",
    "position": None, "page_count": 1, "warnings": ["<script>alert(6)</script>"],
    "pages": [{"n": 1, "text": EVIL_TEXT, "method": "text", "confidence": None, "needs_ocr": False}],
    "indicators": [{"text": "12 hộ", "start": EVIL_TEXT.index("12 hộ"), "end": EVIL_TEXT.index("12 hộ") + 5,
                    "value": 12, "unit": "hộ", "kind": "count",
                    "label": '<script>alert("label")</script>', "period": "<b>2023</b>", "estimate": False,
                    "sentence": EVIL_TEXT, "page": 1}],
}
SCAN = {
    "url": SCAN_URL, "article_url": ARTICLES[1]["url"], "name": "237-TB-UBND-quet.pdf", "format": "pdf",
    "kind": "THÔNG BÁO", "number": "237/TB-UBND", "issuer": "UBND huyện Minh Long", "date": "2022-07-12",
    "subject": "kết quả cải cách hành chính", "page_count": 2,
    "pages": [{"n": 1, "text": "Giá trị sản xuất đạt 7.906,7 tỷ đồng", "method": "ocr", "confidence": 0.91,
               "needs_ocr": False},
              {"n": 2, "text": "", "method": "none", "confidence": None, "needs_ocr": True}],
    "indicators": [{"text": "7.906,7 tỷ đồng", "start": 21, "end": 36, "value": 7906700000000, "unit": "đồng",
                    "kind": "money", "label": "Giá trị sản xuất", "estimate": False, "page": 1}],
}


def archive(data_dir: Path, url: str, body: bytes, content_type: str) -> tuple[str, int]:
    """One response in a WARC written by the crawler's own writer -> (file name, offset)."""
    writer = WarcWriter(warc_dir(data_dir))
    try:
        headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
        result = FetchResult(url=url, final_url=url, status=200, headers={k.lower(): v for k, v in headers},
                             body=body, charset=None, truncated=False, raw=body, header_list=headers, reason="OK")
        name, offset, _ = writer.write_exchange(result)
    finally:
        writer.close()
    return name, offset


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    data = tmp_path_factory.mktemp("serve-docs") / "data"
    with serving(data, ARTICLES) as served:
        pdf = REPORT_PDF.read_bytes()
        report = extract_document(pdf, filename=REPORT_PDF.name, url=REPORT_URL, article_url=ARTICLES[0]["url"])
        warc, offset = archive(data, REPORT_URL, pdf, "application/pdf")
        evil_warc, evil_offset = archive(data, EVIL_URL, EVIL_HTML, "text/html; charset=utf-8")
        with Store.open(data) as store:
            served.docs = {
                "report": D.save_document(store, report.to_dict(), fetched_at="2024-01-05T08:00:00+00:00",
                                          warc=warc, offset=offset)[0],
                "scan": D.save_document(store, SCAN, fetched_at="2024-01-05T08:00:00+00:00")[0],
                "evil": D.save_document(store, EVIL, fetched_at="2024-01-05T08:00:00+00:00",
                                        warc=evil_warc, offset=evil_offset)[0],
                "broken": D.save_document(store, {"url": SCAN_URL + "?v=2", "format": "pdf"}, fetched_at="t",
                                          error="encrypted PDF: needs a password")[0],
            }
        served.pdf = pdf
        yield served


# ---------------------------------------------------------------- the document page

def test_document_page_shows_metadata_text_by_page_and_marked_figures(site):
    reply = get(f"{site.base}/documents/{site.docs['report']}")
    assert reply.status == 200 and reply.headers["Content-Type"] == "text/html; charset=utf-8"
    html = reply.text
    text = "".join(audit(html).text)
    for shown in ("Số", "412/BC-UBND", "Loại văn bản", "BÁO CÁO", "Cơ quan ban hành", "UBND HUYỆN MINH LONG",
                  "20/12/2022", "Trích yếu", "Tổng kết Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2022",
                  "Người ký", "Nguyễn Văn Hùng", "Trang 1", "Lớp chữ của tệp"):
        assert shown in text, shown
    # back to its article (stored: an internal link), the original URL, the archived original as a download
    assert f'href="/articles/{site.ids[0]}"' in html and ARTICLES[0]["title"] in text
    assert f'href="{REPORT_URL}"' in html
    assert f'href="/documents/{site.docs["report"]}/original" download' in html
    # the figure is marked where it stands in page 1 and listed with a link to that page
    assert '<section class="doc-page" id="page-1">' in html
    assert '<mark class="fig" id="fig-1"' in html and "38,2 tỷ đồng<sup>1</sup></mark>" in html
    assert '<a href="#fig-1">1</a></td><td class="num"><a href="#page-1">1</a>' in html


def test_pending_scan_says_ocr_has_not_read_it_and_shows_ocr_confidence(site):
    html = get(f"{site.base}/documents/{site.docs['scan']}").text
    text = "".join(audit(html).text)
    assert "Nhận dạng OCR · độ tin cậy OCR 91%" in text
    assert "1 trang là bản quét chưa được nhận dạng (OCR)" in text and "govnews ocr" in text
    page2 = html[html.index('id="page-2"'):]
    assert "OCR chưa đọc trang này" in page2
    # not archived: no download link, and the download route has nothing to give
    assert "/original" not in html
    assert get(f"{site.base}/documents/{site.docs['scan']}/original").status == 404
    # its article is stored: the link goes to the article page
    assert f'href="/articles/{site.ids[1]}"' in html


def test_unreadable_document_says_why(site):
    reply = get(f"{site.base}/documents/{site.docs['broken']}")
    assert reply.status == 200
    assert "Không đọc được tệp: encrypted PDF: needs a password" in reply.text
    assert "Nội dung theo trang (0)" in reply.text
    assert get(f"{site.base}/api/documents/{site.docs['broken']}").json()["error"] == "encrypted PDF: needs a password"


def test_home_page_counts_documents(site):
    assert "có 3 bài viết và 4 văn bản đính kèm đã đọc" in get(f"{site.base}/").text


def test_article_page_lists_its_documents(site):
    html = get(f"{site.base}/articles/{site.ids[0]}").text
    section = html[html.index('<section id="documents">'):]
    section = section[:section.index("</section>")]
    assert f'<a href="/documents/{site.docs["report"]}">bao-cao-tong-ket-ntm-2022.pdf</a>' in section
    assert "412/BC-UBND" in section and "BÁO CÁO" in section and "1 trang" in section
    scan_article = get(f"{site.base}/articles/{site.ids[1]}").text
    assert f'href="/documents/{site.docs["scan"]}"' in scan_article and "1 trang chờ OCR" in scan_article
    # an article without documents has no such section
    assert '<section id="documents">' not in get(f"{site.base}/articles/{site.ids[2]}").text


# ---------------------------------------------------------------- the API

def test_api_document_is_the_document_json_with_id_fetched_at_and_archive(site):
    reply = get(f"{site.base}/api/documents/{site.docs['scan']}")
    assert reply.status == 200 and reply.headers["Content-Type"] == "application/json; charset=utf-8"
    data = reply.json()
    assert data["id"] == site.docs["scan"] and data["fetched_at"] == "2024-01-05T08:00:00+00:00"
    assert data["archive"] == {"warc": None, "offset": None} and "change_seq" not in data
    for key in ("kind", "number", "issuer", "date", "subject", "pages", "page_count"):
        assert data[key] == SCAN[key], key
    assert data["ocr_pending"] is True and data["indicators"][0]["page"] == 1
    report = get(f"{site.base}/api/documents/{site.docs['report']}").json()
    assert report["archive"]["warc"].endswith(".warc.gz") and isinstance(report["archive"]["offset"], int)
    assert report["number"] == "412/BC-UBND" and report["article_url"] == ARTICLES[0]["url"]


@pytest.mark.parametrize("raw", ["999999", "9" * 18, "9" * 40, quote("١"), quote("²"), "1x", "-1", "0"])
def test_unknown_or_odd_document_ids_are_404(site, raw):
    for path in ("/api/documents/{}", "/documents/{}", "/documents/{}/original"):
        reply = get(site.base + path.format(raw))
        assert reply.status == 404, (path, raw)
        if path.startswith("/api/"):
            assert reply.json()["status"] == 404


# ---------------------------------------------------------------- the archived original

def test_archived_original_is_a_download_of_the_archived_bytes(site):
    reply = get(f"{site.base}/documents/{site.docs['report']}/original")
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/pdf"
    assert reply.headers["Content-Disposition"] == 'attachment; filename="bao-cao-tong-ket-ntm-2022.pdf"'
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["Content-Security-Policy"].startswith("sandbox")
    assert reply.body == site.pdf
    head = get(f"{site.base}/documents/{site.docs['report']}/original", method="HEAD")
    assert head.status == 200 and head.body == b"" and head.headers["Content-Length"] == str(len(site.pdf))


def test_an_html_file_named_doc_is_downloaded_as_word_never_rendered(site):
    reply = get(f"{site.base}/documents/{site.docs['evil']}/original")
    assert reply.status == 200 and reply.body == EVIL_HTML
    assert reply.headers["Content-Type"] == "application/msword"
    assert reply.headers["Content-Disposition"] == 'attachment; filename="onclick-alert-1.doc"'


@pytest.mark.parametrize("url, fmt, name", [
    ("https://x.gov.vn/documents/Báo cáo số 1.pdf", "pdf", "Bao-cao-so-1.pdf"),
    ('https://x.gov.vn/a/"x\r\nSet-Cookie: a=b', "docx", "xSet-Cookie-a-b.docx"),
    ("https://x.gov.vn/documents/20182/0/b%C3%A1o-c%C3%A1o.pdf/5f1c-uuid?version=1.0", "pdf", "bao-cao.pdf"),
    ("https://x.gov.vn/img/a.PDF", "pdf", "a.PDF"),
    ("https://x.gov.vn/", None, "document-7"),
    ("https://x.gov.vn/tai-ve?id=3", "doc", "tai-ve.doc"),
    ("https://x.gov.vn/..", "xlsx", "document-7.xlsx"),
])
def test_download_names_are_plain_ascii_with_the_format(url, fmt, name):
    assert download_name({"id": 7, "url": url, "format": fmt}) == name


# ---------------------------------------------------------------- figures page and search hits

def test_figures_page_names_a_document_figure_with_its_page(site):
    html = get(f"{site.base}/figures?{urlencode({'q': 'nguồn vốn huy động'})}").text
    assert f'<a href="/documents/{site.docs["report"]}#page-1">bao-cao-tong-ket-ntm-2022.pdf</a> · tr. 1' in html
    assert f'href="/articles/{site.ids[0]}"' in html
    scan = get(f"{site.base}/figures?{urlencode({'q': 'giá trị sản xuất'})}").text
    assert f'href="/documents/{site.docs["scan"]}#page-1"' in scan


def _hit(**extra) -> SimpleNamespace:
    base = {"id": 1, "url": REPORT_URL, "title": "Báo cáo 412/BC-UBND", "site": MINH_LONG,
            "site_name": "UBND huyện Minh Long", "published": "2022-12-20", "score": 1.0,
            "snippet": "nguồn vốn", "snippet_html": "<mark>nguồn vốn</mark>"}
    return SimpleNamespace(**{**base, **extra})


def test_a_document_hit_names_its_page_and_article_and_article_hits_are_unchanged():
    article_hit = _hit(id=5, url=ARTICLES[0]["url"], title=ARTICLES[0]["title"])
    doc_hit = _hit(type="document", document_id=9, page=3, article_url=ARTICLES[0]["url"])
    orphan = _hit(type="document", document_id="12", page=None, article_url="javascript:alert(1)")
    result = SimpleNamespace(total=3, hits=[article_hit, doc_hit, orphan], facets={}, page=1, pages=1)
    html = pages.search_page({"q": "nguồn vốn"}, result, articles={ARTICLES[0]["url"]: {"id": 5, "title": "Bài"}})
    assert audit(html).problems == []
    assert f'<li class="hit"><h3><a href="/articles/5">{ARTICLES[0]["title"]}</a>' in html
    assert '<li class="hit doc-hit"><h3><a href="/documents/9#page-3">Báo cáo 412/BC-UBND</a>' in html
    assert "Văn bản đính kèm · tr. 3</span>" in html and 'trong bài <a href="/articles/5">Bài</a>' in html
    assert '<a href="/documents/12">' in html and "trong bài javascript:alert(1)" in html
    # a hit without a usable document id stays an article hit
    assert pages.document_hit_id(_hit(type="document", document_id="x")) is None
    assert pages.document_hit_id(_hit(type="article", document_id=3)) is None


def test_api_search_passes_document_fields_through_when_hits_have_them(site):
    data = get(f"{site.base}/api/search?{urlencode({'q': 'cai cach hanh chinh'})}").json()
    assert data["hits"] and all(h.get("type", "article") == "article" for h in data["hits"])


# ---------------------------------------------------------------- hostile documents

@pytest.mark.parametrize("path", ["/documents/{evil}", "/articles/{a}", "/figures", "/figures?q=ho+ngheo"])
def test_hostile_document_is_shown_only_as_text(site, path):
    reply = get(site.base + path.format(evil=site.docs["evil"], a=site.ids[0]))
    assert reply.status == 200
    assert audit(reply.text).problems == []
    assert "<script" not in reply.text.lower()


def test_hostile_document_text_and_metadata_are_escaped_not_dropped(site):
    html = get(f"{site.base}/documents/{site.docs['evil']}").text
    text = "".join(audit(html).text)
    for shown in (EVIL["name"], EVIL["number"], EVIL["subject"], EVIL["kind"], EVIL["issuer"], EVIL["signer"],
                  '<script>alert("page")</script>', "<script>alert(6)</script>", '<script>alert("label")</script>'):
        assert shown in text, shown
    assert 'href="javascript' not in html and "12 hộ<sup>1</sup></mark>" in html
    data = get(f"{site.base}/api/documents/{site.docs['evil']}")
    assert b"<" not in data.body and b">" not in data.body
    assert json.loads(data.body)["pages"][0]["text"] == EVIL_TEXT
