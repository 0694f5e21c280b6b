"""fetch_once / fetch_url against a tiny server on 127.0.0.1: gzip, size cap, timeouts, errors."""
import gzip
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from base.errors import BadInput
from crawler.fetch import FetchError, fetch_once, fetch_url, make_session

PAGE = "<html><body><p>Xin chào Minh Long</p></body></html>".encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path == "/gzip":
            data = gzip.compress(PAGE)
            self._send(200, data, [("Content-Encoding", "gzip"), ("Content-Type", "text/html; charset=utf-8")])
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(5 * 2**20))
            self.end_headers()
            try:
                for _ in range(5 * 16):
                    self.wfile.write(b"x" * 65536)
            except OSError:
                pass
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, PAGE, [])
        elif self.path == "/moved":
            self._send(301, b"", [("Location", "/gzip")])
        elif self.path == "/etag":
            if self.headers.get("If-None-Match") == '"v1"':
                self._send(304, b"", [("ETag", '"v1"')])
            else:
                self._send(200, PAGE, [("ETag", '"v1"')])
        else:
            self._send(404, b"not here", [])

    def _send(self, status, body, headers):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:  # the client gave up (timeout test)
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_gzip_is_decoded_but_raw_bytes_kept(server):
    result = fetch_once(make_session(), server + "/gzip")
    assert result.status == 200 and result.body == PAGE
    assert result.raw == gzip.compress(PAGE) or gzip.decompress(result.raw) == PAGE
    assert result.charset == "utf-8" and result.content_type == "text/html"
    assert ("Content-Encoding", "gzip") in result.header_list
    sent = dict(result.request_headers)
    assert sent["User-Agent"].startswith("govnews/") and "+http" in sent["User-Agent"]
    assert "gzip" in sent["Accept-Encoding"]


def test_size_cap_cuts_off_streaming(server):
    result = fetch_once(make_session(), server + "/big", max_bytes=100_000)
    assert result.truncated and len(result.body) == 100_000


def test_read_timeout_is_an_error(server):
    with pytest.raises(FetchError) as err:
        fetch_once(make_session(), server + "/slow", timeout=(2, 0.3))
    assert err.value.transient and "timed out" in err.value.reason


def test_redirect_not_followed_by_crawler_fetch(server):
    result = fetch_once(make_session(), server + "/moved")
    assert result.status == 301 and result.headers["location"] == "/gzip"
    assert fetch_url(server + "/moved").final_url.endswith("/gzip")


def test_conditional_get(server):
    first = fetch_once(make_session(), server + "/etag")
    again = fetch_once(make_session(), server + "/etag", extra_headers={"If-None-Match": first.headers["etag"]})
    assert first.status == 200 and again.status == 304 and again.body == b""


def test_unreachable_is_bad_input():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(BadInput, match="cannot reach"):
        fetch_url(f"http://127.0.0.1:{port}/")
    with pytest.raises(BadInput, match="cannot reach"):
        fetch_url("ftp://127.0.0.1/x")


def test_malformed_urls_are_bad_input_not_internal_errors():
    for url in ("http://[::1", "http://127.0.0.1:99999/", "http://127.0.0.1:port/", "http://"):
        with pytest.raises(BadInput):
            fetch_url(url)
