"""The HTTP side of `govnews serve`: connections, worker threads, the request handler, responses.

Connections are read by web/gate.py (one thread for every request header), answered by a fixed number of
worker threads, and every answer, the standard library's own refusals included, carries the security
headers. The routes come from the application (web/serve.py's App): ``app.routes()``.
"""
from __future__ import annotations

import io
import json
import queue
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, BinaryIO, Protocol
from urllib.parse import parse_qs, urlsplit

from base.errors import BadInput
from web import pages
from web.gate import HeaderGate, Received

MAX_PARAM_CHARS = 500

APP_CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
           "form-action 'self'; frame-ancestors 'self'")
COMMON_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                  "X-Frame-Options": "SAMEORIGIN"}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
_HOST_HEADER = re.compile(r"\[?(?P<host>[^\]]*?)\]?(?::[0-9]+)?")

# Connections: a listen backlog that absorbs bursts (the kernel drops connections past it), headers read by
# one thread with a deadline (slow sockets hold no thread), a fixed number of worker threads and a bounded
# queue before them (past it, a 503 at once rather than an unbounded wait).
LISTEN_BACKLOG = 128
WORKERS = 16
MAX_QUEUED = 256  # complete requests waiting for a worker
MAX_PENDING = 256  # connections still sending their header; past it the oldest is dropped
HEADER_SECONDS = 10.0  # time to send a whole request header
STREAM_SECONDS = 600.0  # time to take a whole streamed answer (CSV of every figure): a client reading slowly
                        # cannot hold a worker for longer
MAX_HEADER_BYTES = 65536 + 4096  # room for the standard library's own 414 (line over 64 KiB) and 431
BUSY_REPLY = ("HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
              "Retry-After: 1\r\nConnection: close\r\n"
              + "".join(f"{k}: {v}\r\n" for k, v in {"Content-Security-Policy": APP_CSP, **COMMON_HEADERS}.items())
              + "\r\n503 server busy, try again\n").encode("ascii")


class NotFound(Exception):
    """No page, article or archived copy here: a 404."""


@dataclass
class Response:
    status: int
    content_type: str
    body: bytes | Callable[[BinaryIO], None]  # bytes, or a function streaming the body to the socket
    headers: dict[str, str] = field(default_factory=dict)


def to_json(data: Any) -> bytes:
    """JSON that stays inert even if a browser were to sniff it as HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").encode("utf-8")


def html_response(text: str, status: int = 200) -> Response:
    return Response(status, "text/html; charset=utf-8", text.encode("utf-8"))


def json_response(data: Any, status: int = 200) -> Response:
    return Response(status, "application/json; charset=utf-8", to_json(data))


class Application(Protocol):
    def routes(self) -> list[tuple[re.Pattern[str], Callable[..., Response]]]:
        """(path pattern, handler(params, *groups) -> Response) pairs, tried in order."""


def parse_params(query: str) -> dict[str, str]:
    """First value of each query parameter, trimmed; over-long values are bad input."""
    try:
        parsed = parse_qs(query, keep_blank_values=True, max_num_fields=50)
    except ValueError as err:
        raise BadInput(f"bad query string: {err}") from None
    params = {}
    for name, values in parsed.items():
        value = values[0].strip()
        if len(value) > MAX_PARAM_CHARS:
            raise BadInput(f"parameter {name!r} is too long (at most {MAX_PARAM_CHARS} characters)")
        if "\x00" in value:
            raise BadInput(f"parameter {name!r} holds a NUL character")
        params[name] = value
    return params


class Handler(BaseHTTPRequestHandler):
    server_version = "govnews"
    sys_version = ""
    protocol_version = "HTTP/1.0"  # one request per connection; streamed bodies end when it closes
    timeout = 30  # seconds a write to a client that does not read may block
    server: GovnewsServer
    head_complete = True

    def setup(self) -> None:
        # The request header was read by the server's gate: the handler reads it from memory and only
        # writes to the socket.
        received: Received = self.request
        self.request = received.sock
        self.head_complete = received.complete
        super().setup()
        self.rfile.close()
        self.rfile = io.BytesIO(received.head)

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        if self.request_version == "HTTP/0.9":  # answered as 1.0: an HTTP/0.9 answer has no headers
            self.request_version = "HTTP/1.0"
        if not self.head_complete:
            self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "the request header is too large")
            return False
        return True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The standard library's own refusals (400, 414, 431, 505, ...) as our error page, with our headers."""
        self.log_error("code %d, message %s", code, message)
        self.close_connection = True
        self.request_version = "HTTP/1.0"  # a status line and headers even to what looked like HTTP/0.9
        text = message or (HTTPStatus(code).phrase if code in HTTPStatus._value2member_map_ else "")
        is_api = str(getattr(self, "path", "")).startswith("/api/")
        self._send(self._error(code, text, is_api), send_body=self.command != "HEAD")

    def do_GET(self) -> None:
        self._dispatch(send_body=True)

    def do_HEAD(self) -> None:
        self._dispatch(send_body=False)

    def __getattr__(self, name: str):
        # Any other method (POST, PUT, DELETE, ...) gets 405: the server is read-only.
        if name.startswith("do_"):
            return self._not_allowed
        raise AttributeError(name)

    def _not_allowed(self) -> None:
        self._send(Response(405, "text/plain; charset=utf-8", b"405 method not allowed: read-only\n",
                            {"Allow": "GET, HEAD"}), send_body=True)

    def _target(self) -> tuple[str, str, str]:
        """(host named by the request, path, query string).

        The host is the request line's own in absolute form ("GET http://host/path": the Host header is then
        ignored, RFC 9112 3.2.2), else the one Host header (none: HTTP/1.0 may omit it).
        """
        hosts = self.headers.get_all("Host") or []
        if len(hosts) > 1:
            raise BadInput("more than one Host header")
        if self.path.startswith("/"):
            path, _, query = self.path.partition("?")
            return (hosts[0] if hosts else "127.0.0.1"), path, query
        split = urlsplit(self.path)
        if split.scheme.lower() not in ("http", "https") or not split.netloc:
            raise BadInput("the request target must be a path such as /api/search")
        return split.netloc, split.path or "/", split.query  # "127.0.0.1@evil.com" is no loopback name

    def _host_allowed(self, host: str) -> bool:
        """On a loopback address, only loopback Host names: a DNS-rebinding page cannot read the archive."""
        if not self.server.loopback:
            return True
        match = _HOST_HEADER.fullmatch(host.strip().lower())
        return bool(match) and match.group("host") in LOOPBACK_HOSTS

    def _dispatch(self, send_body: bool) -> None:
        path = self.path.partition("?")[0]
        is_api = path.startswith("/api/")
        try:
            host, path, query = self._target()
            is_api = path.startswith("/api/")
            if not self._host_allowed(host):
                raise BadInput("unexpected Host header: open this server as http://127.0.0.1:PORT/")
            for pattern, handler in self.server.routes:
                match = pattern.fullmatch(path)
                if match:
                    response = handler(parse_params(query), *match.groups())
                    break
            else:
                raise NotFound(path)
        except NotFound:
            response = self._error(404, "not found", is_api)
        except BadInput as err:
            response = self._error(400, str(err), is_api)
        except Exception as err:  # a bug must not kill the server nor show a traceback to the browser
            self.log_error("error serving %r: %r", self.path, err)
            response = self._error(500, "internal error", is_api)
        self._send(response, send_body)

    @staticmethod
    def _error(status: int, message: str, is_api: bool) -> Response:
        if is_api:
            return json_response({"error": message, "status": status}, status)
        return html_response(pages.error_page(status, message), status)

    def _send(self, response: Response, send_body: bool) -> None:
        self.send_response(response.status)
        headers = {"Content-Type": response.content_type, "Content-Security-Policy": APP_CSP,
                   **COMMON_HEADERS, **response.headers}
        if isinstance(response.body, bytes):
            headers["Content-Length"] = str(len(response.body))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if not send_body:
            return
        try:
            if isinstance(response.body, bytes):
                self.wfile.write(response.body)
            else:
                response.body(_DeadlineWriter(self.wfile, time.monotonic() + STREAM_SECONDS))
        except (BrokenPipeError, ConnectionResetError):  # the client went away: nothing to answer
            pass
        except Exception as err:  # headers are gone: all we can do is log and cut the response short
            self.log_error("error streaming %r: %r", self.path, err)

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)


class _DeadlineWriter(io.BufferedIOBase):
    """The response stream, refusing writes past a wall-clock deadline (each write may also block for
    Handler.timeout): a client that reads a byte now and then cannot keep a worker forever."""

    def __init__(self, out: BinaryIO, deadline: float):
        super().__init__()
        self.out, self.deadline = out, deadline

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        if time.monotonic() > self.deadline:
            raise TimeoutError("the client took too long to read the answer")
        self.out.write(data)
        return len(data)

    def flush(self) -> None:
        if not self.out.closed:
            self.out.flush()


class GovnewsServer(HTTPServer):
    """A listen backlog for bursts of clients, request headers read by one thread (web/gate.py), requests
    answered by a fixed number of worker threads, and a bounded queue between them: past it, 503."""

    request_queue_size = LISTEN_BACKLOG
    gate: HeaderGate | None = None  # both set once the socket is bound (a failed bind closes the server)
    workers: tuple[threading.Thread, ...] = ()

    def __init__(self, address: tuple[str, int], app: Application, quiet: bool = False):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)
        self.app = app
        self.routes = app.routes()
        self.quiet = quiet
        self.loopback = address[0] in LOOPBACK_HOSTS
        self.jobs: queue.Queue[Received | None] = queue.Queue(maxsize=MAX_QUEUED)
        self.workers = tuple(threading.Thread(target=self._work, name=f"govnews-worker-{n}", daemon=True)
                             for n in range(WORKERS))
        for worker in self.workers:
            worker.start()
        self.gate = HeaderGate(self._enqueue, seconds=HEADER_SECONDS, max_pending=MAX_PENDING,
                               max_bytes=MAX_HEADER_BYTES)

    def process_request(self, request: socket.socket, client_address: Any) -> None:
        self.gate.add(request, client_address)

    def _enqueue(self, received: Received) -> None:
        try:
            self.jobs.put_nowait(received)
        except queue.Full:
            try:  # best effort: the socket is non-blocking and the reply fits in its buffer
                received.sock.send(BUSY_REPLY)
            except OSError:
                pass
            received.sock.close()

    def _work(self) -> None:
        while (received := self.jobs.get()) is not None:
            try:
                self.finish_request(received, received.address)
            except (BrokenPipeError, ConnectionResetError):  # the client went away before the answer
                pass
            except Exception:
                self.handle_error(received.sock, received.address)
            finally:
                self.shutdown_request(received.sock)

    def server_close(self) -> None:
        super().server_close()
        if self.gate is not None:
            self.gate.close()
        for _ in self.workers:
            try:
                self.jobs.put_nowait(None)
            except queue.Full:  # workers are daemon threads: they end with the process anyway
                break
