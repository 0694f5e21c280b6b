"""Hostile crawled content: titles, bodies, attachment names, URLs and figures carrying markup and script.

Every HTML page must show it as text (no element, attribute or javascript: link comes from the archive),
and every JSON answer must carry it back intact yet inert.
"""
from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlencode

import pytest
from test_serve_fixtures import get, serving

from crawler.pipeline import CrawlOptions, crawl
from index.store import Store
from web.serve import make_server

EVIL = "evil.gov.vn"
TITLE = 'Tin <script>alert("xss-title")</script> <img src=x onerror=alert(1)> "quote\' &amp;'
BODY = ('Đoạn một <script>alert("xss-body")</script> ghi nhận 12 hộ <b onmouseover="alert(2)">nghèo</b>.\n\n'
        '<iframe src="javascript:alert(3)"></iframe> Tỷ lệ đạt 50% <svg onload=alert(7)>.')
HOSTILE = {
    "url": f'https://{EVIL}/-/tin"onmouseover="alert(9)',
    "site": EVIL, "site_name": '<style>body{display:none}</style>UBND', "category": "<i onclick=alert(10)>x</i>",
    "title": TITLE, "published": "2023-05-01", "author": '<a href="javascript:alert(11)">Tác giả</a>',
    "views": 1, "body": BODY,
    "attachments": [
        {"url": "javascript:alert(4)", "name": '<img src=x onerror="alert(5)">Tệp đính kèm'},
        {"url": f'https://{EVIL}/a.pdf" onclick="alert(6)', "name": "<script>alert(12)</script>.pdf"},
        {"url": "data:text/html,<script>alert(13)</script>", "name": "dữ liệu"},
    ],
    "images": [{"url": f"https://{EVIL}/a.jpg", "caption": "<svg onload=alert(14)>ảnh"}],
    "figures": [("12 hộ", 12, "hộ", "count", '<script>alert("label")</script> hộ nghèo', "<b>năm</b> 2023"),
                ("50%", 50, "%", "percent", "tỷ lệ <img src=x onerror=alert(15)>", None)],
}
# Elements our own pages may contain; anything else must have come from the archive.
OWN_ELEMENTS = {"html", "head", "meta", "title", "link", "body", "header", "nav", "main", "a", "span", "form",
                "div", "input", "button", "fieldset", "legend", "label", "select", "option", "p", "aside",
                "section", "h1", "h2", "h3", "ul", "ol", "li", "time", "mark", "sup", "article", "dl", "dt",
                "dd", "table", "thead", "tbody", "tr", "th", "td", "br", "iframe", "svg", "line", "text",
                "circle", "polyline", "rect", "code", "pre", "details", "summary"}


class Audit(HTMLParser):
    """Collects what would be dangerous in a page: unknown elements, on* attributes, non-http links."""

    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in OWN_ELEMENTS:
            self.problems.append(f"element <{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                self.problems.append(f"attribute {name} on <{tag}>")
            if name in ("href", "src", "action") and value is not None:
                if not (value.startswith(("/", "#", "?", "http://", "https://"))):
                    self.problems.append(f"{name}={value!r} on <{tag}>")
        if tag == "iframe" and dict(attrs).get("sandbox") != "":
            self.problems.append("iframe without an empty sandbox")

    def handle_data(self, data):
        self.text.append(data)


def audit(html: str) -> Audit:
    parser = Audit()
    parser.feed(html)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("xss") / "data", [HOSTILE]) as served:
        yield served


def pages_of(served):
    article_id = served.ids[0]
    return {
        "search": f"/?{urlencode({'q': 'doan mot ghi nhan'})}",
        "search_script_query": f"/?{urlencode({'q': '<script>alert(1)</script>', 'site': '<b>x'})}",
        "article": f"/articles/{article_id}",
        "archive_wrapper": f"/articles/{article_id}/archive",
        "figures": f"/figures?{urlencode({'q': 'hộ nghèo'})}",
        "figures_all": "/figures",
        "chart": f"/figures?{urlencode({'label': HOSTILE['figures'][0][4], 'unit': 'hộ'})}",
        "not_found": "/nothing<script>",
    }


@pytest.mark.parametrize("page", ["search", "search_script_query", "article", "archive_wrapper", "figures",
                                  "figures_all", "chart", "not_found"])
def test_pages_show_hostile_content_only_as_text(hostile, page):
    reply = get(hostile.base + pages_of(hostile)[page])
    assert reply.status in (200, 400, 404)
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    found = audit(reply.text)
    assert found.problems == []
    assert "<script" not in reply.text.lower()


def test_hostile_text_is_still_shown_escaped(hostile):
    article = get(f"{hostile.base}/articles/{hostile.ids[0]}")
    text = "".join(audit(article.text).text)
    # The reader sees the markup as characters: nothing was dropped, nothing was interpreted.
    for shown in (TITLE, '<script>alert("xss-body")</script>', '<img src=x onerror="alert(5)">Tệp đính kèm',
                  '<script>alert("label")</script> hộ nghèo', "<svg onload=alert(14)>ảnh"):
        assert shown in text
    assert "&lt;script&gt;alert(&quot;xss-title&quot;)&lt;/script&gt;" in article.text
    # Unsafe link targets are shown as text, never as href.
    assert 'href="javascript' not in article.text and 'href="data:' not in article.text


def test_search_hits_the_hostile_page_and_escapes_its_snippet(hostile):
    html = get(f"{hostile.base}/?{urlencode({'q': 'doan mot ghi nhan'})}").text
    assert f'href="/articles/{hostile.ids[0]}"' in html
    assert "&lt;script&gt;" in html


def test_search_box_echo_of_a_script_query_is_escaped(hostile):
    query = urlencode({"q": '"><script>alert(1)</script>'})
    html = get(f"{hostile.base}/?{query}").text
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html


@pytest.mark.parametrize("path", ["/api/articles/{id}", "/api/search?q=doan+mot", "/api/search?q=%3Cscript%3E",
                                  "/api/indicators", "/api/search?q=%22%3Cscript%3E"])
def test_json_answers_round_trip_and_carry_no_raw_markup(hostile, path):
    reply = get(hostile.base + path.format(id=hostile.ids[0]))
    assert reply.headers["Content-Type"] == "application/json; charset=utf-8"
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert b"<" not in reply.body and b">" not in reply.body
    data = json.loads(reply.body)
    if path.startswith("/api/articles"):
        assert data["title"] == TITLE and data["body"] == BODY
        assert data["attachments"][0]["name"] == HOSTILE["attachments"][0]["name"]
    elif path == "/api/indicators":
        assert data["indicators"][0]["label"] == HOSTILE["figures"][0][4]
    elif path == "/api/search?q=doan+mot":
        assert data["hits"][0]["title"] == TITLE


def test_archived_hostile_page_is_served_sandboxed(hostile):
    reply = get(f"{hostile.base}/archive/{hostile.ids[0]}")
    assert reply.status == 200
    policy = reply.headers["Content-Security-Policy"]
    assert policy.split(";")[0].strip() == "sandbox"
    assert "script-src" not in policy and "default-src 'none'" in policy
    assert reply.headers["X-Content-Type-Options"] == "nosniff"


# ---------------------------------------------------------------- the same through a real crawl

# A portal article whose text (escaped in its source, as portals do) is markup, plus a live script.
CRAWLED_PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Tin &lt;script&gt;alert("t")&lt;/script&gt; hội nghị - UBND xã</title>
<script>document.title = "SCRIPT RAN";</script></head>
<body><div class="header">Trang chủ | Giới thiệu</div>
<div class="article">
<h1 class="title">Tin &lt;script&gt;alert("t")&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; hội nghị</h1>
<div class="date">Ngày 18/08/2023 16:01</div>
<div class="content">
<p>Sáng ngày 02/8/2023, xã tổ chức hội nghị &lt;script&gt;alert("body")&lt;/script&gt; tổng kết công tác giảm
nghèo năm 2023 với sự tham gia của đông đảo cán bộ và nhân dân trên địa bàn.</p>
<p>Trong năm, toàn xã có 120 hộ thoát nghèo &lt;b onmouseover="alert(2)"&gt;vượt kế hoạch&lt;/b&gt;, tỷ lệ hộ
nghèo giảm còn 4,5%. <script>alert("inline")</script> Xã tiếp tục triển khai các chương trình hỗ trợ sinh kế.</p>
<p>Tệp đính kèm: <a href="/documents/ke-hoach.pdf">&lt;img src=x onerror="alert(5)"&gt;Kế hoạch giảm nghèo.pdf</a></p>
<p>Hội nghị cũng đã khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua giảm
nghèo bền vững giai đoạn 2021 - 2025.</p>
</div></div><div class="footer">Bản quyền thuộc UBND xã</div></body></html>""".encode()


class _Portal(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/tin/hoi-nghi":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(CRAWLED_PAGE)))
            self.end_headers()
            self.wfile.write(CRAWLED_PAGE)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


@contextmanager
def running(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    data = tmp_path_factory.mktemp("crawled") / "data"
    with running(ThreadingHTTPServer(("127.0.0.1", 0), _Portal)) as portal:
        assert crawl([f"{portal}/tin/hoi-nghi"], data,
                     CrawlOptions(max_pages=5, delay=0, concurrency=1, quiet=True, attachments=False)) == 0
    with Store.open(data) as store:
        articles = list(store.iter_articles())
    log = data / "crawl.log"
    with running(make_server(data)) as base:
        yield base, articles, log.read_text(encoding="utf-8") if log.exists() else ""


def test_crawled_hostile_page_is_stored_as_text_and_shown_escaped(crawled):
    base, articles, crawl_log = crawled
    assert len(articles) == 1, crawl_log
    article = articles[0]
    # The crawl kept the markup as text: otherwise this test would prove nothing.
    assert "<script>" in article["title"] and '<script>alert("body")</script>' in article["body"]
    assert article["attachments"][0]["name"].startswith('<img src=x onerror="alert(5)">')
    pages = [f"/articles/{article['id']}", f"/articles/{article['id']}/archive",
             f"/?{urlencode({'q': 'hoi nghi giam ngheo'})}", f"/figures?{urlencode({'q': 'ho thoat ngheo'})}"]
    for page in pages:
        reply = get(base + page)
        assert reply.status == 200, page
        assert audit(reply.text).problems == [], page
        assert "<script" not in reply.text.lower(), page
    shown = "".join(audit(get(f"{base}/articles/{article['id']}").text).text)
    assert article["title"] in shown and article["attachments"][0]["name"] in shown
    hits = get(f"{base}/api/search?{urlencode({'q': 'hoi nghi giam ngheo'})}")
    assert b"<" not in hits.body and hits.json()["hits"][0]["title"] == article["title"]
    archived = get(f"{base}/archive/{article['id']}")
    assert archived.body == CRAWLED_PAGE
    assert archived.headers["Content-Security-Policy"].startswith("sandbox;")
