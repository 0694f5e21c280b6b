"""A fault server on 127.0.0.1 (trickling bytes, a silent body, a too-slow transfer, an endless body, a reset
mid-body, a redirect loop): ``fetch_url`` and a crawl survive each within their deadlines."""
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from base.errors import BadInput
from crawler.fetch import Deadline, FetchError, fetch_once, fetch_url, make_session
from crawler.pipeline import CrawlOptions, crawl
from index.store import Store

DEADLINE = 1.5  # seconds; the real default is minutes
FAULT_PATHS = ("/trickle", "/silent", "/slow-rate", "/slow-headers", "/endless", "/reset", "/loop-a")
ARTICLE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Huyện Minh Long tổng kết công tác năm 2024</title></head><body>
<div class="menu"><a href="/">Trang chủ</a></div>
<div class="article"><h1>Huyện Minh Long tổng kết công tác năm 2024</h1>
<div class="date">Ngày đăng: 20/12/2024 08:30</div>
<p>Sáng ngày 20/12/2024, UBND huyện Minh Long tổ chức hội nghị tổng kết công tác năm 2024 và triển khai nhiệm vụ
năm 2025 với sự tham dự của lãnh đạo các phòng, ban, ngành và UBND 5 xã.</p>
<p>Trong năm, tổng thu ngân sách trên địa bàn ước đạt 45,6 tỷ đồng, tăng 12% so với cùng kỳ; toàn huyện có 5/5 xã
đạt chuẩn nông thôn mới, giải quyết việc làm cho 1.250 lao động.</p>
<p>Hội nghị đã thảo luận, đánh giá những kết quả đạt được, chỉ ra những tồn tại, hạn chế và đề ra nhiệm vụ, giải
pháp trọng tâm trong năm tới nhằm nâng cao chất lượng phục vụ người dân và doanh nghiệp trên địa bàn huyện.</p>
<p class="author">Nguyễn Văn An</p></div></body></html>"""


class FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow:\n", "text/plain")
        if path == "/":
            links = "".join(f'<li><a href="{p}">Tin {i}</a></li>' for i, p in enumerate(FAULT_PATHS))
            links += '<li><a href="/tin-tuc/tong-ket-cong-tac-nam-2024">Tổng kết công tác năm 2024</a></li>'
            return self._send(200, f"<html><body><h1>Cổng thông tin</h1><ul>{links}</ul></body></html>".encode())
        if path == "/tin-tuc/tong-ket-cong-tac-nam-2024":
            return self._send(200, ARTICLE.encode())
        if path in ("/loop-a", "/loop-b"):
            target = "/loop-b" if path == "/loop-a" else "/loop-a"
            return self._send(302, b"", extra=[("Location", target)])
        if path not in FAULT_PATHS:
            return self._send(404, b"<html><body><h1>404</h1></body></html>")
        try:
            self._fault(path)
        except OSError:  # the client hung up: that is what the test wants
            pass

    def _fault(self, path: str) -> None:
        if path == "/slow-headers":  # the status line, then a header a byte at a time: no body is ever reached
            self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Padding: ")
            for _ in range(10_000):
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(0.2)
        if path == "/endless":  # no Content-Length, a body that never ends
            self._headers(200, None)
            while True:
                self.wfile.write(b"<p>" + b"x" * 8192 + b"</p>")
        length = 100_000
        self._headers(200, length)
        if path == "/trickle":  # a few bytes a second: each read returns, the response never completes
            for _ in range(length):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.2)
        elif path == "/silent":  # headers, then nothing: no single read times out before the deadline
            time.sleep(DEADLINE * 4)
        elif path == "/slow-rate":  # steady but far below the minimum rate
            for _ in range(length // 50):
                self.wfile.write(b"y" * 50)
                self.wfile.flush()
                time.sleep(0.05)
        elif path == "/reset":  # part of the body, then a TCP reset
            self.wfile.write(b"z" * 1000)
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.rfile.close()  # the file objects hold the socket open: close them, then the socket resets
            self.wfile.close()
            self.connection.close()

    def _headers(self, status: int, length: int | None, ctype: str = "text/html; charset=utf-8", extra=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for name, value in extra:
            self.send_header(name, value)
        if length is None:
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", extra=()):
        self._headers(status, len(body), ctype, extra)
        self.wfile.write(body)

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except ValueError:  # the reset fault closed the socket's files under the handler
            self.close_connection = True

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), FaultHandler)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


SHORT = Deadline(seconds=DEADLINE, min_rate=5_000, grace=0.5)


@pytest.mark.parametrize("path", ["/trickle", "/silent", "/slow-rate", "/slow-headers"])
def test_slow_answers_are_cut_at_the_deadline(server, path):
    started = time.monotonic()
    with pytest.raises(FetchError, match="too slow") as err:
        fetch_once(make_session(), server + path, timeout=(2.0, 30.0), deadline=SHORT)
    assert err.value.transient
    assert time.monotonic() - started < DEADLINE + 1.0


def test_trickle_is_cut_without_a_rate_limit_too(server):
    """Only the wall clock: a byte every 0.2 s passes no read timeout, the deadline still holds."""
    started = time.monotonic()
    with pytest.raises(FetchError, match="too slow"):
        fetch_once(make_session(), server + "/trickle", timeout=(2.0, 30.0),
                   deadline=Deadline(seconds=DEADLINE, min_rate=0, grace=0))
    assert DEADLINE - 0.1 <= time.monotonic() - started < DEADLINE + 1.0


def test_fetch_url_reports_a_trickle_as_bad_input(server):
    started = time.monotonic()
    with pytest.raises(BadInput, match="too slow"):
        fetch_url(server + "/trickle", deadline=SHORT)
    assert time.monotonic() - started < DEADLINE + 1.0


def test_endless_body_is_cut_at_the_size_limit(server):
    result = fetch_once(make_session(), server + "/endless", max_bytes=300_000, deadline=SHORT)
    assert result.truncated and len(result.raw) == 300_000


def test_reset_mid_body_is_a_transient_error(server):
    with pytest.raises(FetchError) as err:
        fetch_once(make_session(), server + "/reset", deadline=SHORT)
    assert err.value.transient and "connection broken" in err.value.reason


def test_redirect_loop_ends(server):
    started = time.monotonic()
    with pytest.raises(BadInput, match="redirect|too slow"):  # requests gives up after 30 hops, or the deadline
        fetch_url(server + "/loop-a", deadline=Deadline(seconds=5))
    assert time.monotonic() - started < 6


def test_crawl_survives_every_fault_within_its_deadlines(server, tmp_path):
    data = tmp_path / "data"
    options = CrawlOptions(delay=0, quiet=True, update_index=False, timeout=(1.0, 0.5), max_retries=0,
                           max_bytes=300_000, response_seconds=DEADLINE, min_bytes_per_second=5_000,
                           rate_grace_seconds=0.5)
    started = time.monotonic()
    assert crawl([server + "/"], data, options) == 0
    # Each slow fault costs about its deadline plus the pause after hanging up (the read timeout), ~10 s in all;
    # the bound leaves room for a loaded machine. Without deadlines the trickles would take hours.
    assert time.monotonic() - started < 60
    with Store.open(data) as store:
        assert store.get_article_by_url(server + "/tin-tuc/tong-ket-cong-tac-nam-2024") is not None
    import sqlite3

    conn = sqlite3.connect(data / "records.sqlite")
    rows = dict(conn.execute("SELECT url, reason FROM crawl_urls WHERE url LIKE ?", (server + "/%",)).fetchall())
    for path in ("/trickle", "/slow-rate", "/slow-headers"):
        assert "too slow" in rows[server + path], (path, rows[server + path])
    assert rows[server + "/silent"].endswith(("timed out", "too slow"))  # the 0.5 s read timeout comes first
    assert "size limit" in rows[server + "/endless"] or "cut off" in rows[server + "/endless"]
    assert "connection broken" in rows[server + "/reset"]
    loop = [u for u in rows if "/loop-" in u]
    assert 1 <= len(loop) <= 2
