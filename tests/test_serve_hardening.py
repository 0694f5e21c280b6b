"""`govnews serve` against an outsider's probes (issue 14): an index filled while serving, slow and
numerous connections, Unicode digits, Host header tricks, malformed requests and unsafe links."""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from urllib.parse import quote, urlencode

import pytest
from test_serve_fixtures import ARTICLES, MINH_LONG, SON_HA, build_archive, get, serving

from index.searchindex import update_index
from index.store import Store
from web import httpd, serve
from web.serve import make_server

SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy")
UNSAFE_IMAGE = {**ARTICLES[0], "url": f"https://{MINH_LONG}/-/anh-hoi-nghi", "title": "Ảnh hội nghị",
                "images": [{"url": "javascript:alert(1)", "caption": "ảnh một"},
                           {"url": " JaVaScRiPt:alert(2)", "caption": "ảnh hai"},
                           {"url": "data:text/html,<script>alert(3)</script>", "caption": "ảnh ba"},
                           {"url": f"https://{MINH_LONG}/anh-bon.jpg", "caption": "ảnh bốn"}],
                "attachments": [{"url": "javascript:openDoc('ke-hoach.pdf')", "name": "Kế hoạch"}]}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("hardening") / "data", [*ARTICLES, UNSAFE_IMAGE]) as served:
        yield served


def raw(base: str, request: bytes, timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    """Send ``request`` byte for byte to the server at ``base``; (status, headers, body) of the answer."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), headers, body


# ---------------------------------------------------------------- 1. the index fills while serving

def test_search_answers_once_an_empty_index_is_filled(tmp_path):
    data = tmp_path / "data"
    Store.open(data).close()
    update_index(data)  # an empty index, as one second into a first crawl
    server = make_server(data)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        empty = get(f"{base}/api/search?q=h%E1%BB%99")
        assert empty.status == 200 and empty.json()["total"] == 0
        build_archive(data, ARTICLES)  # the crawl stores and indexes its articles
        for _ in range(2):  # and again: the refreshed index keeps answering
            filled = get(f"{base}/api/search?{urlencode({'q': 'cai cach hanh chinh'})}")
            assert filled.status == 200, filled.body
            assert filled.json()["total"] == 3
        assert get(f"{base}/?{urlencode({'q': 'cai cach'})}").status == 200
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# ---------------------------------------------------------------- 7. many and slow connections

def test_listen_backlog_absorbs_a_burst():
    assert httpd.GovnewsServer.request_queue_size >= 128


def test_slow_sockets_hold_no_thread_and_normal_requests_still_answer(site):
    host, port = site.base.removeprefix("http://").split(":")
    before = threading.active_count()
    slow = []
    try:
        for _ in range(40):
            sock = socket.create_connection((host, int(port)), timeout=5)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a")  # a header that never ends
            slow.append(sock)
        time.sleep(0.3)
        assert threading.active_count() <= before + 1  # not one thread per slow socket
        started = time.monotonic()
        reply = get(f"{site.base}/api/search?q=cai+cach")
        assert reply.status == 200 and time.monotonic() - started < 5
    finally:
        for sock in slow:
            sock.close()


@contextmanager
def own_server(data_dir, monkeypatch, **limits):
    """A server of its own over ``data_dir``, with some of web.httpd's connection limits changed."""
    for name, value in limits.items():
        monkeypatch.setattr(httpd, name, value)
    server = make_server(data_dir)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_a_header_that_never_ends_is_dropped_at_the_deadline(site, monkeypatch):
    with own_server(site.data_dir, monkeypatch, HEADER_SECONDS=1.0) as port:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            sock.settimeout(0.2)
            started = time.monotonic()
            closed = False
            while not closed and time.monotonic() - started < 8:  # a byte every 0.2 s, as slowloris sends
                try:
                    sock.sendall(b"a")
                    closed = sock.recv(1) == b""
                except TimeoutError:
                    continue
                except OSError:
                    closed = True
            assert closed and time.monotonic() - started < 3


def test_too_many_waiting_connections_drop_the_oldest(site, monkeypatch):
    with own_server(site.data_dir, monkeypatch, MAX_PENDING=10) as port:
        socks = []
        try:
            for _ in range(15):
                sock = socket.create_connection(("127.0.0.1", port), timeout=5)
                sock.sendall(b"GET / HTTP/1.0\r\n")
                socks.append(sock)
                time.sleep(0.02)
            assert socks[0].recv(1) == b""  # closed by the server to make room
            socks[-1].setblocking(False)
            with pytest.raises(BlockingIOError):  # the newest still waits for the rest of its header
                socks[-1].recv(1)
            reply = get(f"http://127.0.0.1:{port}/static/style.css")
            assert reply.status == 200
        finally:
            for sock in socks:
                sock.close()


def test_a_full_queue_answers_503_at_once_with_the_security_headers(site, monkeypatch):
    release = threading.Event()
    answer_api_page = serve.App.api_page

    def stuck(self, params):
        release.wait(10)
        return answer_api_page(self, params)

    monkeypatch.setattr(serve.App, "api_page", stuck)
    with own_server(site.data_dir, monkeypatch, WORKERS=1, MAX_QUEUED=1) as port:
        busy = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(2)]
        try:
            for sock in busy:  # the first holds the only worker, the second fills the queue
                sock.sendall(b"GET /api HTTP/1.0\r\n\r\n")
                time.sleep(0.2)
            started = time.monotonic()
            status, headers, _ = raw(f"http://127.0.0.1:{port}", b"GET /static/style.css HTTP/1.0\r\n\r\n")
            assert status == 503 and time.monotonic() - started < 2
            assert headers["Retry-After"] == "1"
            for name in SECURITY_HEADERS:
                assert name in headers
        finally:
            release.set()
            for sock in busy:
                assert sock.recv(12) == b"HTTP/1.0 200"  # the held requests are still answered
                sock.close()


def test_a_streamed_answer_stops_at_its_deadline(site, monkeypatch):
    status, _, body = raw(site.base, b"GET /api/indicators HTTP/1.0\r\n\r\n")
    assert status == 200 and body.startswith(b'{"indicators":[') and body.endswith(b"}")
    with own_server(site.data_dir, monkeypatch, STREAM_SECONDS=-1.0) as port:  # already past it
        status, _, body = raw(f"http://127.0.0.1:{port}", b"GET /api/indicators HTTP/1.0\r\n\r\n")
    assert status == 200 and body == b""  # cut short: the worker is free again


# ---------------------------------------------------------------- 8. numeric parameters

@pytest.mark.parametrize("path", [
    "/api/search?q=x&limit={v}", "/api/search?q=x&page={v}", "/?q=x&page={v}", "/api/indicators?limit={v}",
])
@pytest.mark.parametrize("value", ["²", "①", "¹", "١", "２", "-1", "1e3", "0x10", "1.0", "9" * 40])
def test_numeric_parameters_take_ascii_digits_only(site, path, value):
    reply = get(site.base + path.format(v=quote(value)))
    assert reply.status == 400
    message = reply.json()["error"] if path.startswith("/api/") else reply.text
    assert "whole number" in message


def test_no_parameter_value_on_any_route_is_a_server_error(site):
    odd = ["²", "①", "١٢", "２０２３", "2023-0²", "1e3", "9" * 30, "\u202e", "2023-02-30"]
    routes = {"/": ["q", "since", "until", "site", "category", "sort", "page"],
              "/figures": ["q", "unit", "kind", "since", "until", "site", "label"],
              "/api/search": ["q", "since", "until", "site", "category", "sort", "limit", "page"],
              "/api/indicators": ["q", "unit", "kind", "since", "until", "site", "limit", "format"]}
    for path, names in routes.items():
        for name in names:
            for value in odd:
                params = {"q": "cai cach", "label": "hồ sơ tiếp nhận", name: value}
                reply = get(f"{site.base}{path}?{urlencode(params)}")
                assert reply.status in (200, 400), (path, name, value, reply.status)


def test_article_ids_take_ascii_digits_only(site):
    assert get(f"{site.base}/api/articles/{quote('١')}").status == 404
    status, _, _ = raw(site.base, "GET /articles/\u0661 HTTP/1.0\r\n\r\n".encode())
    assert status in (400, 404)


# ---------------------------------------------------------------- Host header and request target

@pytest.mark.parametrize("request_bytes", [
    b"GET /api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.com\r\n\r\n",
    b"GET /api/search?q=x HTTP/1.1\r\nHost: evil.com\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET http://evil.com/api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET http://127.0.0.1@evil.com/api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET ftp://127.0.0.1/api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
])
def test_host_tricks_are_refused(site, request_bytes):
    status, headers, body = raw(site.base, request_bytes)
    assert status == 400
    assert b'"hits"' not in body


def test_absolute_form_naming_this_server_is_served(site):
    port = site.base.rsplit(":", 1)[1]
    status, _, body = raw(site.base, f"GET http://127.0.0.1:{port}/api/search?q=cai+cach HTTP/1.1\r\n"
                                f"Host: evil.com\r\n\r\n".encode())
    assert status == 200 and b'"hits"' in body


def test_origin_form_path_is_never_read_as_a_host(site):
    status, _, _ = raw(site.base, b"GET //evil.com/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert status == 404


# ---------------------------------------------------------------- the standard library's own errors

@pytest.mark.parametrize("request_bytes, status", [
    (b"GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n", 505),
    (b"GET / HTTX/1.0\r\nHost: 127.0.0.1\r\n\r\n", 400),
    (b"GET /" + b"a" * 70_000 + b" HTTP/1.0\r\n\r\n", 414),
    (b"GET / HTTP/1.0\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n", 431),
    (b"GET / HTTP/1.0\r\n" + b"".join(b"X-H%d: 1\r\n" % n for n in range(120)) + b"\r\n", 431),
    (b"GET / HTTP/1.0\r\n" + b"".join(b"X-H%d: %s\r\n" % (n, b"a" * 900) for n in range(90)) + b"\r\n", 431),
    (b"BREW / HTTP/1.0\r\n\r\n", 405),
], ids=["version 505", "version 400", "line 414", "header line 431", "header count 431", "header size 431",
        "method 405"])
def test_refusals_carry_the_security_headers(site, request_bytes, status):
    got, headers, body = raw(site.base, request_bytes)
    assert got == status
    for name in SECURITY_HEADERS:
        assert name in headers, (name, headers)
    assert headers["Content-Security-Policy"] == httpd.APP_CSP
    assert b"<script" not in body.lower()


def test_an_http_09_request_still_gets_headers(site):
    got, headers, body = raw(site.base, b"GET /static/style.css\r\n\r\n")
    assert got == 200 and "Content-Security-Policy" in headers


# ---------------------------------------------------------------- unsafe links

def test_images_and_attachments_with_unsafe_urls_are_no_links(site):
    article_id = site.ids[-1]
    data = get(f"{site.base}/api/articles/{article_id}").json()
    assert [i["url"] for i in data["images"]] == [None, None, None, f"https://{MINH_LONG}/anh-bon.jpg"]
    assert [i["caption"] for i in data["images"]] == ["ảnh một", "ảnh hai", "ảnh ba", "ảnh bốn"]
    assert data["attachments"] == [{"url": None, "name": "Kế hoạch"}]
    page = get(f"{site.base}/articles/{article_id}").text
    assert "javascript" not in page.lower() and "data:text" not in page
    assert f'href="https://{MINH_LONG}/anh-bon.jpg"' in page
    assert "ảnh một" in page and "Kế hoạch" in page  # shown, as text


# ---------------------------------------------------------------- portals by name

def test_search_facet_names_portals_and_filters_by_host(site):
    html = get(f"{site.base}/?{urlencode({'q': 'cai cach hanh chinh'})}").text
    facet = html.split('<section class="facet">')[1]
    assert f'<span class="site" title="{SON_HA}">UBND huyện Sơn Hà</span>' in facet
    assert f'href="/?q=cai+cach+hanh+chinh&amp;site={SON_HA}"' in facet
    assert f">{SON_HA}<" not in html  # the host is a tooltip and a filter value, never the label


def test_figures_table_names_portals(site):
    html = get(f"{site.base}/figures?unit=ha").text
    assert f'<span class="site" title="{SON_HA}">UBND huyện Sơn Hà</span>' in html


@pytest.mark.parametrize("filters, circles", [
    ({}, 4), ({"site": SON_HA}, 1), ({"site": MINH_LONG}, 3), ({"since": "2023-01-01"}, 3),
    ({"until": "2022-12-31"}, 1), ({"site": MINH_LONG, "since": "2023"}, 2), ({"kind": "percent"}, 0),
])
def test_chart_follows_the_page_filters(site, filters, circles):
    from test_serve_fixtures import LABEL_HO_SO

    html = get(f"{site.base}/figures?{urlencode({'label': LABEL_HO_SO, 'unit': 'hồ sơ', **filters})}").text
    assert html.count("<circle") == circles
    assert f'<input type="hidden" name="label" value="{LABEL_HO_SO}">' in html  # kept when filters change
    if circles:
        assert "UBND huyện" in html.split('<ul class="legend">')[1].split("</ul>")[0]
