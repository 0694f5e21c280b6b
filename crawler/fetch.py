"""HTTP GET with streaming, a size cap, timeouts and gzip, keeping the raw bytes for the archive.

``fetch_once`` does exactly one request (no redirects followed: the crawler times and
archives every hop itself) and returns what the archive needs: the raw (still
content-encoded) body, the headers in order, and the request as sent.
``fetch_url`` is the one-shot helper behind ``govnews extract URL``.

Deadlines: the read timeout bounds one silent wait, not a response, so a server trickling a byte a second
would hold a request forever. Every response also has a wall-clock deadline and, after a grace period, a
minimum average transfer rate; both are checked as each piece of the body arrives (``read1`` returns what
the socket has, never waiting for a full chunk), and the socket's own timeout is shortened to the time left.
Headers trickled as slowly are cut by a watchdog that shuts the request's socket down at the deadline.
"""
from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from base.content import CHUNK, charset_of, content_decode
from base.errors import BadInput
from base.settings import default

DEFAULT_USER_AGENT = default("user_agent")
DEFAULT_TIMEOUT = default("timeout")  # connect, read (seconds)
DEFAULT_MAX_BYTES = default("max_bytes")

ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
ACCEPT_LANGUAGE = "vi,en;q=0.5"
ACCEPT_ENCODING = "gzip, deflate"  # only what we can decode ourselves while streaming
# Hop-by-hop framing already undone by urllib3; the archived body is the de-chunked byte stream.
FRAMING_HEADERS = ("transfer-encoding",)


@dataclass(frozen=True)
class Deadline:
    """How long one response may take: ``seconds`` in all, and at least ``min_rate`` bytes/s on average
    once ``grace`` seconds have passed (a slow start is normal, a trickle is not)."""

    seconds: float = default("response_seconds")
    min_rate: float = default("min_bytes_per_second")
    grace: float = default("rate_grace_seconds")


class FetchError(Exception):
    """No HTTP answer (DNS, refused, reset, timeout, bad URL). ``transient`` ones are worth a retry."""

    def __init__(self, reason: str, transient: bool = True):
        super().__init__(reason)
        self.reason = reason
        self.transient = transient


@dataclass
class FetchResult:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]  # lower-case names; repeated headers joined with ", "
    body: bytes  # content-decoded
    charset: str | None
    truncated: bool
    raw: bytes = b""  # as received (content-encoded), for the archive
    header_list: list[tuple[str, str]] = field(default_factory=list)
    reason: str = ""
    http_version: str = "HTTP/1.1"
    request_headers: list[tuple[str, str]] = field(default_factory=list)
    started: float = 0.0
    finished: float = 0.0

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()


_watched = threading.local()  # per fetch thread: the connections the current request reads from


class _WatchedHTTPConnection(HTTPConnection):
    def getresponse(self):
        getattr(_watched, "connections", []).append(self)  # so the watchdog can hang up while headers trickle
        return super().getresponse()


class _WatchedHTTPSConnection(HTTPSConnection):
    def getresponse(self):
        getattr(_watched, "connections", []).append(self)
        return super().getresponse()


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class _WatchedAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


def make_session() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # never route through a proxy from the environment: 127.0.0.1 must stay local
    for prefix in ("http://", "https://"):
        session.mount(prefix, _WatchedAdapter())
    return session


def _hang_up(connections: list) -> None:
    """The watchdog at the deadline: wake the fetch thread blocked on these sockets (it reports the deadline)."""
    for conn in list(connections):
        sock = getattr(conn, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:  # already closed
                pass


def fetch_once(session: requests.Session, url: str, *, user_agent: str = DEFAULT_USER_AGENT,
               extra_headers: dict[str, str] | None = None, timeout=DEFAULT_TIMEOUT,
               max_bytes: int = DEFAULT_MAX_BYTES, allow_redirects: bool = False,
               deadline: Deadline = Deadline()) -> FetchResult:
    """One GET. Raises FetchError when there is no HTTP answer (or it is slower than ``deadline``)."""
    headers = {"User-Agent": user_agent, "Accept": ACCEPT, "Accept-Language": ACCEPT_LANGUAGE,
               "Accept-Encoding": ACCEPT_ENCODING, **(extra_headers or {})}
    started = time.monotonic()
    _watched.connections = connections = []
    watchdog = threading.Timer(deadline.seconds, _hang_up, (connections,))
    watchdog.daemon = True
    watchdog.start()
    try:
        return _get(session, url, headers, timeout, max_bytes, allow_redirects, deadline, started)
    except FetchError as err:
        if time.monotonic() - started >= deadline.seconds and not err.reason.endswith("too slow"):
            raise FetchError(f"no complete answer within {deadline.seconds:g} s: response too slow") from None
        raise
    finally:
        watchdog.cancel()
        _watched.connections = []


def _get(session: requests.Session, url: str, headers: dict[str, str], timeout, max_bytes: int,
         allow_redirects: bool, deadline: Deadline, started: float) -> FetchResult:
    try:
        resp = session.get(url, headers=headers, timeout=timeout, stream=True, allow_redirects=allow_redirects)
    except requests.exceptions.InvalidURL as err:
        raise FetchError(f"invalid URL: {err}", transient=False) from None
    except (requests.exceptions.MissingSchema, requests.exceptions.InvalidSchema) as err:
        raise FetchError(f"invalid URL: {err}", transient=False) from None
    except requests.exceptions.Timeout:
        raise FetchError("timed out") from None
    except requests.exceptions.TooManyRedirects:
        raise FetchError("too many redirects", transient=False) from None
    except requests.exceptions.RequestException as err:
        raise FetchError(f"connection failed: {_short(err)}") from None
    try:
        raw, cut = _read_raw(resp, max_bytes, started, deadline, _read_timeout(timeout))
    finally:
        resp.close()
    header_list = [(k, v) for k, v in resp.raw.headers.items()]
    merged: dict[str, str] = {}
    for name, value in header_list:
        key = name.lower()
        merged[key] = f"{merged[key]}, {value}" if key in merged else value
    body, body_cut = content_decode(raw, merged.get("content-encoding", ""), max_bytes)
    sent = list(resp.request.headers.items())
    if not any(k.lower() == "host" for k, _ in sent):
        sent.insert(0, ("Host", urlsplit(resp.request.url).netloc))
    version = {10: "HTTP/1.0", 11: "HTTP/1.1", 20: "HTTP/2"}.get(getattr(resp.raw, "version", 11), "HTTP/1.1")
    return FetchResult(
        url=url, final_url=resp.url, status=resp.status_code, headers=merged, body=body,
        charset=charset_of(merged.get("content-type", "")), truncated=cut or body_cut, raw=raw,
        header_list=[(k, v) for k, v in header_list if k.lower() not in FRAMING_HEADERS],
        reason=resp.reason or "", http_version=version, request_headers=sent,
        started=started, finished=time.monotonic(),
    )


def _read_timeout(timeout) -> float | None:
    return timeout[1] if isinstance(timeout, tuple) else timeout


def _read_raw(resp: requests.Response, max_bytes: int, started: float, deadline: Deadline,
              read_timeout: float | None) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    size = 0
    sock = getattr(getattr(resp.raw, "connection", None), "sock", None)
    try:
        while True:
            elapsed = time.monotonic() - started
            left = deadline.seconds - elapsed
            if left <= 0:
                raise FetchError(f"no complete answer within {deadline.seconds:g} s: response too slow")
            if elapsed > deadline.grace and size < deadline.min_rate * elapsed:
                raise FetchError(f"below {deadline.min_rate:g} bytes/s: response too slow")
            if sock is not None:  # a silent server is cut when the deadline passes, not a read timeout later
                sock.settimeout(left if read_timeout is None else min(left, read_timeout))
            chunk = resp.raw.read1(CHUNK, decode_content=False)
            if not chunk:
                return b"".join(chunks), False
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                return b"".join(chunks)[:max_bytes], True
    except FetchError:
        raise
    except Exception as err:  # urllib3 read timeouts and resets arrive as several exception types
        if time.monotonic() - started >= deadline.seconds:
            raise FetchError(f"no complete answer within {deadline.seconds:g} s: response too slow") from None
        if "timed out" in str(err).lower():
            raise FetchError("read timed out") from None
        raise FetchError(f"connection broken: {_short(err)}") from None


def _short(err: Exception) -> str:
    """The root cause of a requests error in a few words ("Connection refused", "Name or service
    not known"): requests wraps it in urllib3 errors whose text is a paragraph about retries."""
    cause, seen = err, set()
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror
        inner = getattr(cause, "reason", None)
        if not isinstance(inner, BaseException):
            inner = next((a for a in cause.args if isinstance(a, BaseException)), None)
        cause = cause.__cause__ or inner or cause.__context__
    text = str(err).splitlines()[0] if str(err) else type(err).__name__
    return text[:200]


def fetch_url(url: str, *, user_agent: str = DEFAULT_USER_AGENT, timeout=DEFAULT_TIMEOUT,
              max_bytes: int = DEFAULT_MAX_BYTES, deadline: Deadline = Deadline()) -> FetchResult:
    """One GET (redirects followed, no retries) for a user-given URL; BadInput when it cannot be reached."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading it validates the port ("http://h:99999/" raises here)
    except ValueError as err:  # "http://[::1", a port that is not a number: the user's typo, not a bug
        raise BadInput(f"not a valid URL: {url} ({err})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise BadInput(f"cannot reach {url}: not an http(s) URL")
    session = make_session()
    try:
        return fetch_once(session, url, user_agent=user_agent, timeout=timeout, max_bytes=max_bytes,
                          allow_redirects=True, deadline=deadline)
    except FetchError as err:
        raise BadInput(f"cannot reach {url}: {err.reason}") from None
    except ValueError as err:  # requests' InvalidURL and kin: a URL it cannot send
        raise BadInput(f"not a valid URL: {url} ({err})") from None
    finally:
        session.close()
