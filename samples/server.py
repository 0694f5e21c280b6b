"""Serve the sample portals in ``samples/site/`` on 127.0.0.1, optionally with faults.

    with SampleSites(faults=True) as sites:
        sites.seeds        # ["http://127.0.0.1:PORT/", ...] one start URL per portal
        sites.base_urls    # {"huyen-minhlong": "http://127.0.0.1:PORT", ...}
        sites.articles     # absolute URLs of the real articles a full crawl must store
        sites.expected     # their manifest entries (title, published, author, views, ...) with "url"
        sites.log          # [RequestLog(site, method, path, started, finished, status, headers)]
        sites.requests(site)           # a copy of the log, one portal's entries
        sites.fault_url("calendar")    # absolute URL of a fault (names in FAULTS)
        sites.robots_allows(url)       # what the served robots.txt says about url
        sites.put(site, path, body) / sites.remove(site, path)   # change a page while running

    SampleSites(faults=False, gzip=True, ports=None, robots_extra=None)
        ports: {"huyen-minhlong": 8081, ...} to serve on given ports (OSError if taken);
        robots_extra: {"xa-wordpress": "Crawl-delay: 0.5"} lines added to a portal's
        ``User-agent: *`` group.

    python -m samples.server [--faults]     # serve until Ctrl-C and print the URLs

Portals (one ThreadingHTTPServer each, on its own free port; all of them are
host 127.0.0.1, so a crawler must treat host:port as the host):

- ``huyen-minhlong``: Liferay 7 district portal. Articles ``/-/<slug>``; listing
  ``/tin-tuc-su-kien`` paged with the asset publisher's ``..._cur=N`` parameter
  (``p_p_id``/``_delta`` included); RSS ``/-/asset_publisher/tintuc01/rss``;
  ``/sitemap.xml`` (not announced in robots.txt); every article also answers at
  ``/<page>/-/asset_publisher/<id>/content/<slug>`` and, as a print view, at
  ``?p_p_state=pop_up`` (both with the canonical link of ``/-/<slug>``).
  robots.txt disallows ``/tim-kiem`` and ``/c/``, both linked from every page.
- ``tinh-nukeviet``: NukeViet 4 province portal. ``/`` redirects to ``/vi/``;
  articles ``/vi/news/<cat>/<slug>-<id>.html``; listings ``/vi/news/<cat>/`` and
  ``.../page-2``; RSS ``/vi/news/rss/``; robots.txt has a ``Sitemap:`` line to a
  sitemap index whose news sitemap is gzipped and lists one article that no page
  links (``reach: sitemap`` in the manifest). robots.txt disallows ``/admin/``,
  ``/vi/news/print/`` and ``/vi/news/sendmail/``, all linked.
- ``xa-wordpress``: WordPress commune site. Articles ``/YYYY/MM/<slug>/``;
  ``/category/tin-tuc/page/2/``; ``/feed/`` (latest 10 only); ``/wp-sitemap.xml``
  (``/sitemap.xml`` redirects there); shortlinks ``/?p=ID`` redirect (301) to the
  article; a path without its trailing slash redirects to it. robots.txt
  disallows ``/wp-admin/`` (linked from the footer).
- ``so-sharepoint``: SharePoint 2013 department portal. ``/`` redirects to
  ``/Pages/Home.aspx``; articles ``/noidung/<list>/Pages/<page>.aspx?ItemID=<n>&l=<List>``
  (no canonical link; the ``ItemID`` parameter is what identifies the article);
  listing ``/Pages/tin-tuc-su-kien.aspx?Page=2`` ("Trang sau"); the "Thông báo"
  listing pages only through ``javascript:__doPostBack`` links, so its older
  notices are reachable only through ``/sitemap.xml`` (not announced in
  robots.txt) and the feed ``/_layouts/15/listfeed.aspx?List=ThongBao``
  (``reach: feed`` in the manifest). robots.txt disallows ``/Search/``, linked.

Pages also link to the other portals (``{{SITE:name}}``), to an extra server that
is never a seed (``sites.outside_url``, logged as site ``"ngoai"``) and to
``http://localhost:1/`` (refuses connections). Nothing here sends traffic
anywhere but 127.0.0.1.

Every static response has an ETag (content hash) and a fixed Last-Modified and
answers If-None-Match / If-Modified-Since with 304; text is gzipped when the
client accepts it (``gzip=False`` turns that off). Query parameters a real CMS
ignores (``utm_*``, ``fbclid``, ``gclid``, ...) are ignored. ``sites.put(site,
path, body)`` / ``sites.remove(site, path)`` change a page while running (new
Last-Modified = now) to test incremental crawls.

Faults (``faults=True``), all on ``huyen-minhlong`` unless said otherwise, linked
from its home page (block "Liên kết nhanh") unless said otherwise; ``FAULTS``
below lists them by name:

- ``robots_disallowed`` /noi-bo/danh-ba-can-bo: robots.txt gains ``Disallow: /noi-bo/``.
- ``retry_after`` /-/minh-long-thu-ngan-sach-nha-nuoc-nam-2022-vuot-du-toan (a real
  article, linked from the listings): the first request gets 503 with
  ``Retry-After: 1``, later ones 200.
- ``server_error`` /-/bao-cao-tong-ket-nam-2020: always 500.
- ``slow`` /-/minh-long-giai-ngan-von-dau-tu-cong-9-thang-dau-nam-2024 (a real
  article): answers after ``SLOW_SECONDS`` (2 s).
- ``redirect_chain`` /tin-cu/2021/tap-huan-van-thu-luu-tru: 301 -> 302 (relative
  Location) -> 301 -> the article /-/minh-long-tap-huan-nghiep-vu-van-thu-luu-tru,
  which nothing else links (``reach: redirect``; a real article only in this mode).
- ``redirect_loop`` /chuyen-huong/a -> /chuyen-huong/b -> /chuyen-huong/a ...
- ``not_found`` /-/bai-viet-da-xoa and /documents/20182/0/khong-ton-tai.pdf: 404.
- ``soft_404`` /-/tin-khong-con-ton-tai: 200 page saying "Bài viết không tồn tại".
- ``calendar`` /lich-cong-tac?month=2024-11: a month view linking the previous and
  next month, forever.
- ``tracking_duplicates``: the seed article linked with ``?utm_source=...`` and
  ``?fbclid=...`` (same page as without).
- ``print_view``: the seed article's ``?p_p_state=pop_up`` print view.
- ``alias``: the seed article under its asset-publisher alias with ``?redirect=``.
- ``huge`` /tai-lieu/bao-cao-tong-hop-du-lieu-dan-cu: a 30 MB HTML page, generated
  while streaming (Content-Length set, never gzipped).
- ``binary_as_html`` /thu-vien-anh/hinh-anh-hoat-dong: JPEG bytes served as text/html.
- ``other_host``: links to ``sites.outside_url`` and ``http://localhost:1/``.
- ``nfd`` (xa-wordpress) the article /2023/12/long-son-tiem-chung-mo-rong-cho-tre-em-duoi-1-tuoi/
  is served in decomposed Unicode (NFD).
- ``windows_1258`` (tinh-nukeviet) the article ...-48305.html is served encoded as
  windows-1258 (declared in the Content-Type header and the meta tag).
- ``sitemap_only`` (tinh-nukeviet): the article reachable only through the sitemap
  (present without faults too).

``RequestLog.started``/``finished`` are ``time.monotonic()`` values: ``started``
when the request line has been read, ``finished`` right after the last byte was
handed to the socket (allow a few ms when checking that two requests to one
portal never overlap).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import threading
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit
from urllib.robotparser import RobotFileParser

SITE_ROOT = Path(__file__).resolve().parent / "site"
SITE_NAMES = ("huyen-minhlong", "tinh-nukeviet", "xa-wordpress", "so-sharepoint")
# Manifest "reach" of the articles a full crawl must store; "redirect" ones count only with faults.
ALWAYS_REACHABLE = ("linked", "sitemap", "feed")
OUTSIDE = "ngoai"
FAULT_SITE = "huyen-minhlong"
SLOW_SECONDS = 2.0
HUGE_BYTES = 30 * 2**20
STATIC_LAST_MODIFIED = 1731632400.0  # 2024-11-15 01:00 UTC: every bundled file
HTML_UTF8 = "text/html; charset=utf-8"

CONTENT_TYPES = {
    ".html": HTML_UTF8,
    ".xml": "application/xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".gz": "application/x-gzip",
    ".pdf": "application/pdf",
    ".png": "image/png",
}
# Parameters portals ignore when choosing what to serve (analytics and click ids).
IGNORED_PARAMS = re.compile(r"^(utm_[a-z]+|fbclid|gclid|msclkid|_ga|mc_cid|mc_eid|zarsrc)$")

SEED_ARTICLE = "/-/minh-long-to-chuc-hoi-nghi-so-ket-cong-tac-cai-cach-hanh-chinh-06-thang-dau-nam-2023"


@dataclass(frozen=True)
class Fault:
    site: str
    path: str  # path (and query) a crawler requests
    behaviour: str


FAULTS: dict[str, Fault] = {
    "robots_disallowed": Fault(FAULT_SITE, "/noi-bo/danh-ba-can-bo", "disallowed by robots.txt, linked"),
    "retry_after": Fault(
        FAULT_SITE,
        "/-/minh-long-thu-ngan-sach-nha-nuoc-nam-2022-vuot-du-toan",
        "503 + Retry-After: 1 on the first request, then the article",
    ),
    "server_error": Fault(FAULT_SITE, "/-/bao-cao-tong-ket-nam-2020", "always 500"),
    "slow": Fault(
        FAULT_SITE,
        "/-/minh-long-giai-ngan-von-dau-tu-cong-9-thang-dau-nam-2024",
        f"the article after {SLOW_SECONDS:g} s",
    ),
    "redirect_chain": Fault(
        FAULT_SITE,
        "/tin-cu/2021/tap-huan-van-thu-luu-tru",
        "3 redirects to /-/minh-long-tap-huan-nghiep-vu-van-thu-luu-tru",
    ),
    "redirect_loop": Fault(FAULT_SITE, "/chuyen-huong/a", "redirects to /chuyen-huong/b and back, forever"),
    "not_found": Fault(FAULT_SITE, "/-/bai-viet-da-xoa", "404"),
    "not_found_document": Fault(FAULT_SITE, "/documents/20182/0/khong-ton-tai.pdf", "404"),
    "soft_404": Fault(FAULT_SITE, "/-/tin-khong-con-ton-tai", "200 'Bài viết không tồn tại'"),
    "calendar": Fault(FAULT_SITE, "/lich-cong-tac?month=2024-11", "month pages linking prev/next forever"),
    "tracking_utm": Fault(
        FAULT_SITE,
        SEED_ARTICLE + "?utm_source=facebook&utm_medium=social&utm_campaign=cchc",
        "duplicate of the seed article",
    ),
    "tracking_fbclid": Fault(FAULT_SITE, SEED_ARTICLE + "?fbclid=IwAR2f0sXyZ_sample", "duplicate of the seed article"),
    "print_view": Fault(FAULT_SITE, SEED_ARTICLE + "?p_p_state=pop_up", "print view of the seed article"),
    "alias": Fault(
        FAULT_SITE,
        "/tin-tuc-su-kien/-/asset_publisher/tintuc01/content/"
        + SEED_ARTICLE[3:]
        + "?inheritRedirect=true&redirect=%2Ftin-tuc-su-kien",
        "asset-publisher alias of the seed article",
    ),
    "huge": Fault(FAULT_SITE, "/tai-lieu/bao-cao-tong-hop-du-lieu-dan-cu", "30 MB HTML page, streamed"),
    "binary_as_html": Fault(FAULT_SITE, "/thu-vien-anh/hinh-anh-hoat-dong", "JPEG bytes as text/html"),
    "nfd": Fault(
        "xa-wordpress",
        "/2023/12/long-son-tiem-chung-mo-rong-cho-tre-em-duoi-1-tuoi/",
        "article served in decomposed Unicode (NFD)",
    ),
    "windows_1258": Fault(
        "tinh-nukeviet",
        "/vi/news/van-hoa-xa-hoi/ket-qua-thuc-hien-chuong-trinh-mtqg-giam-ngheo-ben-vung-nam-2023-48305.html",
        "article encoded as windows-1258",
    ),
    "sitemap_only": Fault(
        "tinh-nukeviet",
        "/vi/news/chinh-tri/tiep-tuc-day-manh-chuyen-doi-so-trong-co-quan-nha-nuoc-47188.html",
        "article listed only in the gzipped news sitemap",
    ),
}
REDIRECT_CHAIN = {  # path -> (status, Location as sent; "{{BASE}}" becomes the absolute base)
    "/tin-cu/2021/tap-huan-van-thu-luu-tru": (301, "{{BASE}}/web/guest/tin-cu/tap-huan-van-thu-luu-tru"),
    "/web/guest/tin-cu/tap-huan-van-thu-luu-tru": (302, "/web/guest/-/minh-long-tap-huan-nghiep-vu-van-thu-luu-tru"),
    "/web/guest/-/minh-long-tap-huan-nghiep-vu-van-thu-luu-tru": (
        301,
        "{{BASE}}/-/minh-long-tap-huan-nghiep-vu-van-thu-luu-tru",
    ),
    "/chuyen-huong/a": (302, "{{BASE}}/chuyen-huong/b"),
    "/chuyen-huong/b": (302, "/chuyen-huong/a"),
}
OTHER_HOST_LINKS = ("{{OUTSIDE}}/tin-tuc/lien-ket", "http://localhost:1/")


@dataclass(frozen=True)
class RequestLog:
    site: str
    method: str
    path: str  # as requested, query included
    started: float  # time.monotonic()
    finished: float
    status: int
    headers: dict[str, str] = field(default_factory=dict, compare=False)


def load_manifest() -> dict:
    return json.loads((SITE_ROOT / "manifest.json").read_text(encoding="utf-8"))


def to_windows_1258(text: str) -> bytes:
    """Encode Vietnamese text as cp1258: letters it lacks become base letter + combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        rest = []
        for mark in marks:
            merged = unicodedata.normalize("NFC", base + mark)
            if len(merged) == 1 and _encodable(merged):
                base = merged
            else:
                rest.append(mark)
        out += (base + "".join(rest)).encode("cp1258", errors="xmlcharrefreplace")
    return bytes(out)


def _encodable(ch: str) -> bool:
    try:
        ch.encode("cp1258")
        return True
    except UnicodeEncodeError:
        return False


@dataclass
class _Response:
    status: int
    headers: dict[str, str]
    body: bytes | Iterable[bytes] = b""
    cacheable: bool = False  # static content: ETag / Last-Modified / 304 / gzip apply
    last_modified: float = STATIC_LAST_MODIFIED


def _simple_page(title: str, body: str, charset: str = "utf-8") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head>'
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f'<title>{title}</title></head>\n<body><header><a href="/">Trang chủ</a></header>\n<main>\n{body}\n</main>'
        "\n<footer>Địa chỉ: huyện Minh Long, tỉnh Quảng Ngãi</footer></body></html>\n"
    )


class _Site:
    """One portal: routing, placeholders, faults and the request log of its server."""

    def __init__(self, owner: SampleSites, name: str):
        self.owner = owner
        self.name = name
        self.folder = SITE_ROOT / name
        routes = json.loads((self.folder / "_routes.json").read_text(encoding="utf-8")) if name != OUTSIDE else {}
        self.paths: dict[str, str] = routes.get("paths", {})
        self.variants: dict[str, list] = routes.get("variants", {})
        self.aliases = [(re.compile(p), r) for p, r in routes.get("aliases", [])]
        self.cache: dict[str, bytes] = {}
        self.overrides: dict[str, tuple[bytes, str, float] | None] = {}
        self.seen: set[str] = set()
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None
        self.serving = False
        self.base = ""

    # -- placeholders
    def substitute(self, text: str) -> str:
        text = text.replace("{{BASE}}", self.base).replace("{{OUTSIDE}}", self.owner.outside_url)
        return re.sub(
            r"\{\{SITE:([a-z-]+)\}\}", lambda m: self.owner.base_urls.get(m.group(1), "http://localhost:1"), text
        )

    def load(self, rel: str) -> bytes:
        with self.lock:
            if rel in self.cache:
                return self.cache[rel]
        data = (self.folder / rel).read_bytes()
        suffix = Path(rel).suffix
        if suffix == ".gz":
            data = gzip.compress(self.substitute(gzip.decompress(data).decode("utf-8")).encode("utf-8"), mtime=0)
        elif CONTENT_TYPES.get(suffix, "").split(";")[0].startswith(("text/", "application/xml", "application/rss")):
            text = self.substitute(data.decode("utf-8"))
            if rel == "index.html" and self.name == FAULT_SITE and self.owner.faults:
                text = text.replace("<!--FAULT-LINKS-->", self.substitute(_fault_links()))
            if rel == "robots.txt" and self.name == FAULT_SITE and self.owner.faults:
                text = text.replace("Disallow: /c/\n", "Disallow: /c/\nDisallow: /noi-bo/\n")
            if rel == "robots.txt" and self.name in self.owner.robots_extra:
                text = text.replace(
                    "User-agent: *\n", "User-agent: *\n" + self.owner.robots_extra[self.name].rstrip("\n") + "\n", 1
                )
            data = text.encode("utf-8")
        with self.lock:
            self.cache[rel] = data
        return data

    # -- routing
    def resolve(self, method: str, path: str, query: str) -> _Response:
        if path in self.overrides:
            found = self.overrides[path]
            if found is None:
                return self.not_found()
            body, ctype, modified = found
            return _Response(200, {"Content-Type": ctype}, body, cacheable=True, last_modified=modified)
        if self.name == OUTSIDE:
            return _Response(
                200, {"Content-Type": HTML_UTF8}, _simple_page("Cổng thông tin", "<p>Trang ngoài phạm vi.</p>").encode()
            )
        if self.owner.faults:
            handled = self.fault(path, query)
            if handled is not None:
                return handled
        params = {k: v for k, v in parse_qsl(query, keep_blank_values=True) if not IGNORED_PARAMS.match(k)}
        for pattern, replacement in self.aliases:
            if pattern.match(path):
                path = pattern.sub(replacement, path)
                break
        target = None
        for wanted, candidate in self.variants.get(path, []):
            if all(params.get(k) == v for k, v in wanted.items()):
                target = candidate
                break
        if target is None and params.keys() == {"p"} and path == "/":
            return self.not_found()
        target = target or self.paths.get(path)
        if target is None:
            if not path.endswith("/") and path + "/" in self.paths:
                return self.redirect(301, path + "/")
            return self.not_found()
        if target.startswith("-> "):
            return self.redirect(301, target[3:])
        body = self.load(target)
        ctype = CONTENT_TYPES.get(Path(target).suffix, "application/octet-stream")
        return self.fault_encoding(path, _Response(200, {"Content-Type": ctype}, body, cacheable=True))

    def redirect(self, status: int, location: str) -> _Response:
        location = self.base + location if location.startswith("/") else self.substitute(location)
        return _Response(
            status,
            {"Location": location, "Content-Type": HTML_UTF8},
            _simple_page("Chuyển hướng", f'<a href="{location}">{location}</a>').encode(),
        )

    def not_found(self) -> _Response:
        return _Response(
            404,
            {"Content-Type": HTML_UTF8},
            _simple_page("Không tìm thấy trang", "<h1>404 - Không tìm thấy trang yêu cầu</h1>").encode(),
        )

    # -- faults
    def fault(self, path: str, query: str) -> _Response | None:
        site = self.name
        if site == FAULT_SITE and path in REDIRECT_CHAIN:
            status, location = REDIRECT_CHAIN[path]
            if location.startswith("{{"):
                return self.redirect(status, location)
            return _Response(status, {"Location": location, "Content-Type": HTML_UTF8}, b"")
        if site == FAULT_SITE and path == FAULTS["retry_after"].path:
            with self.lock:
                first = path not in self.seen
                self.seen.add(path)
            if first:
                return _Response(
                    503,
                    {"Retry-After": "1", "Content-Type": HTML_UTF8},
                    _simple_page("Bảo trì", "<h1>Hệ thống đang bảo trì, vui lòng thử lại sau</h1>").encode(),
                )
        if site == FAULT_SITE and path == FAULTS["slow"].path:
            time.sleep(SLOW_SECONDS)
        if site == FAULT_SITE and path == FAULTS["server_error"].path:
            return _Response(
                500, {"Content-Type": HTML_UTF8}, _simple_page("Lỗi", "<h1>Internal Server Error</h1>").encode()
            )
        if site == FAULT_SITE and path == FAULTS["soft_404"].path:
            return _Response(
                200,
                {"Content-Type": HTML_UTF8},
                _simple_page(
                    "UBND huyện Minh Long",
                    '<div class="journal-content-article"><div class="alert alert-danger">'
                    "Bài viết không tồn tại hoặc đã bị xóa.</div></div>",
                ).encode(),
            )
        if site == FAULT_SITE and path == FAULTS["robots_disallowed"].path:
            return _Response(
                200,
                {"Content-Type": HTML_UTF8},
                _simple_page("Danh bạ cán bộ", "<p>Trang nội bộ: danh bạ điện thoại cán bộ, công chức.</p>").encode(),
            )
        if site == FAULT_SITE and path == "/lich-cong-tac":
            return _calendar(query)
        if site == FAULT_SITE and path == FAULTS["huge"].path:
            return _Response(200, {"Content-Type": HTML_UTF8, "Content-Length": str(HUGE_BYTES)}, _huge_page())
        if site == FAULT_SITE and path == FAULTS["binary_as_html"].path:
            rng = random.Random(1258)
            body = (
                b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
                + rng.randbytes(20000)
                + b"\xff\xd9"
            )
            return _Response(200, {"Content-Type": HTML_UTF8}, body)
        return None

    def fault_encoding(self, path: str, resp: _Response) -> _Response:
        if not self.owner.faults:
            return resp
        if self.name == FAULTS["nfd"].site and path == FAULTS["nfd"].path:
            resp.body = unicodedata.normalize("NFD", resp.body.decode("utf-8")).encode("utf-8")
        elif self.name == FAULTS["windows_1258"].site and path == FAULTS["windows_1258"].path:
            text = resp.body.decode("utf-8").replace("charset=utf-8", "charset=windows-1258")
            resp.body = to_windows_1258(text)
            resp.headers["Content-Type"] = "text/html; charset=windows-1258"
        return resp


def _fault_links() -> str:
    linked = (
        "robots_disallowed",
        "server_error",
        "redirect_chain",
        "redirect_loop",
        "not_found",
        "not_found_document",
        "soft_404",
        "calendar",
        "tracking_utm",
        "tracking_fbclid",
        "print_view",
        "alias",
        "huge",
        "binary_as_html",
    )
    titles = {
        "robots_disallowed": "Danh bạ cán bộ (nội bộ)",
        "server_error": "Báo cáo tổng kết năm 2020",
        "redirect_chain": "Tập huấn nghiệp vụ văn thư (tin cũ)",
        "redirect_loop": "Cổng dịch vụ công",
        "not_found": "Tin đã lưu trữ",
        "not_found_document": "Quyết định 01/QĐ-UBND (PDF)",
        "soft_404": "Thông báo tuyển dụng",
        "calendar": "Lịch công tác",
        "tracking_utm": "Chia sẻ: Hội nghị sơ kết CCHC",
        "tracking_fbclid": "Hội nghị sơ kết CCHC (Facebook)",
        "print_view": "In bài: Hội nghị sơ kết CCHC",
        "alias": "Hội nghị sơ kết CCHC",
        "huge": "Báo cáo tổng hợp dữ liệu dân cư",
        "binary_as_html": "Thư viện ảnh",
    }
    items = "".join(f'<li><a href="{FAULTS[n].path.replace("&", "&amp;")}">{titles[n]}</a></li>' for n in linked)
    items += "".join(f'<li><a href="{u}">Liên kết ngoài</a></li>' for u in OTHER_HOST_LINKS)
    return ('<div class="portlet-boundary lien-ket-nhanh"><h2 class="portlet-title">Liên kết nhanh</h2>'
            f"<ul>{items}</ul></div>")


def _calendar(query: str) -> _Response:
    month = dict(parse_qsl(query)).get("month", "2024-11")
    m = re.fullmatch(r"(\d{4})-(\d{2})", month)
    year, mon = (int(m.group(1)), int(m.group(2))) if m and 1 <= int(m.group(2)) <= 12 else (2024, 11)
    prev = f"{year - (mon == 1):04d}-{12 if mon == 1 else mon - 1:02d}"
    nxt = f"{year + (mon == 12):04d}-{1 if mon == 12 else mon + 1:02d}"
    rows = "".join(
        f"<tr><td>{d:02d}/{mon:02d}/{year}</td><td>Họp giao ban UBND huyện</td></tr>" for d in (3, 10, 17, 24)
    )
    body = (
        f"<h1>Lịch công tác tháng {mon:02d}/{year}</h1><table>{rows}</table>"
        f'<p><a href="/lich-cong-tac?month={prev}">« Tháng trước</a> | '
        f'<a href="/lich-cong-tac?month={nxt}">Tháng sau »</a></p>'
    )
    return _Response(200, {"Content-Type": HTML_UTF8}, _simple_page(f"Lịch công tác {mon:02d}/{year}", body).encode())


def _huge_page() -> Iterable[bytes]:
    head = _simple_page("Báo cáo tổng hợp dữ liệu dân cư", "<!--BODY-->").encode()
    start, end = head.split(b"<!--BODY-->")
    row = "<p>Thôn Mả Tiền: 1.032 hộ, 4.215 nhân khẩu; đã thu nhận 3.980 hồ sơ định danh điện tử.</p>\n".encode()
    remaining = HUGE_BYTES - len(start) - len(end)
    yield start
    chunk = row * (262144 // len(row))
    while remaining > 0:
        piece = chunk[:remaining]
        remaining -= len(piece)
        yield piece
    yield end


class _Handler(BaseHTTPRequestHandler):
    server_version = "SamplePortal/1.0"
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def log_message(self, format: str, *args) -> None:  # quiet: the request log is kept in SampleSites.log
        pass

    def _serve(self, head: bool) -> None:
        site: _Site = self.server.site  # type: ignore[attr-defined]
        started = time.monotonic()
        status = 0
        try:
            split = urlsplit(self.path)
            resp = site.resolve(self.command, split.path, split.query)
            resp = self._conditional(resp)
            status = resp.status
            self.send_response(resp.status)
            for key, value in resp.headers.items():
                self.send_header(key, value)
            body = resp.body
            if isinstance(body, bytes):
                if "Content-Length" not in resp.headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if not head and resp.status != 304:
                    self.wfile.write(body)
            else:
                self.end_headers()
                if not head:
                    for piece in body:
                        self.wfile.write(piece)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up (e.g. a crawler cutting a huge page off)
        finally:
            finished = time.monotonic()
            site.owner._record(
                RequestLog(site.name, self.command, self.path, started, finished, status, dict(self.headers.items()))
            )

    def _conditional(self, resp: _Response) -> _Response:
        if not resp.cacheable or resp.status != 200:
            return resp
        body = resp.body
        assert isinstance(body, bytes)
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        resp.headers["ETag"] = etag
        resp.headers["Last-Modified"] = formatdate(resp.last_modified, usegmt=True)
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        not_modified = False
        if inm is not None:
            tags = {t.strip().removeprefix("W/").replace("-gzip", "") for t in inm.split(",")}
            not_modified = "*" in tags or etag in tags
        elif ims:
            try:
                not_modified = int(resp.last_modified) <= parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                not_modified = False
        if not_modified:
            keep = {k: v for k, v in resp.headers.items() if k in ("ETag", "Last-Modified")}
            return _Response(304, keep, b"")
        ctype = resp.headers.get("Content-Type", "")
        site: _Site = self.server.site  # type: ignore[attr-defined]
        if (
            site.owner.gzip
            and "gzip" in self.headers.get("Accept-Encoding", "")
            and ctype.startswith(("text/", "application/xml", "application/rss"))
            and len(body) > 256
        ):
            resp.body = gzip.compress(body, mtime=0)
            resp.headers["Content-Encoding"] = "gzip"
            resp.headers["Vary"] = "Accept-Encoding"
            resp.headers["ETag"] = etag[:-1] + '-gzip"'
        return resp


class SampleSites:
    """The sample portals, each on its own 127.0.0.1 port, plus one out-of-scope server."""

    def __init__(
        self,
        faults: bool = False,
        *,
        gzip: bool = True,
        ports: dict[str, int] | None = None,
        robots_extra: dict[str, str] | None = None,
    ):
        """``ports`` asks for given ports per portal (e.g. to re-crawl the same URLs); OSError if one is taken.
        ``robots_extra`` adds lines (e.g. ``Crawl-delay: 0.5``) to a portal's ``User-agent: *`` group."""
        self.faults = faults
        self.gzip = gzip
        self.ports = dict(ports or {})
        self.robots_extra = dict(robots_extra or {})
        self.log: list[RequestLog] = []
        self._log_lock = threading.Lock()
        self._sites: dict[str, _Site] = {}
        self.base_urls: dict[str, str] = {}
        self.outside_url = ""
        self._threads: list[threading.Thread] = []

    # -- lifecycle
    def start(self) -> SampleSites:
        for name in SITE_NAMES + (OUTSIDE,):
            site = _Site(self, name)
            try:
                server = ThreadingHTTPServer(("127.0.0.1", self.ports.get(name, 0)), _Handler)
            except OSError:
                self.stop()
                raise
            server.daemon_threads = True
            server.site = site  # type: ignore[attr-defined]
            site.server = server
            site.base = f"http://127.0.0.1:{server.server_address[1]}"
            self._sites[name] = site
            if name == OUTSIDE:
                self.outside_url = site.base
            else:
                self.base_urls[name] = site.base
        for site in self._sites.values():
            thread = threading.Thread(
                target=site.server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"sample-{site.name}",
                daemon=True,
            )
            thread.start()
            site.serving = True
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        for site in self._sites.values():
            if site.server is not None:
                if site.serving:
                    site.server.shutdown()
                site.server.server_close()
                site.server = None
        for thread in self._threads:
            thread.join(timeout=5)
        self._threads.clear()

    def __enter__(self) -> SampleSites:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- what is served
    @property
    def seeds(self) -> list[str]:
        return [base + "/" for base in self.base_urls.values()]

    @property
    def expected(self) -> list[dict]:
        """Manifest entries (title, published, author, views, ...) of the real articles, with their "url"."""
        reach = set(ALWAYS_REACHABLE) | ({"redirect"} if self.faults else set())
        return [
            dict(a, url=self.base_urls[a["site"]] + a["path"])
            for a in load_manifest()["articles"]
            if a["reach"] in reach
        ]

    @property
    def articles(self) -> list[str]:
        return [a["url"] for a in self.expected]

    def url(self, site: str, path: str) -> str:
        return self.base_urls[site] + path

    def fault_url(self, name: str) -> str:
        fault = FAULTS[name]
        return self.base_urls[fault.site] + fault.path

    def robots_allows(self, url: str, user_agent: str = "*") -> bool:
        """What the served robots.txt of the URL's portal says about it."""
        for site in self._sites.values():
            if site.name != OUTSIDE and url.startswith(site.base + "/"):
                parser = RobotFileParser()
                parser.parse(site.load("robots.txt").decode("utf-8").splitlines())
                return parser.can_fetch(user_agent, url)
        return True

    def site_of(self, url: str) -> str | None:
        for site in self._sites.values():
            if url == site.base or url.startswith(site.base + "/"):
                return site.name
        return None

    # -- changing pages while running (incremental crawls)
    def put(self, site: str, path: str, body: str | bytes, content_type: str = HTML_UTF8) -> None:
        s = self._sites[site]
        data = s.substitute(body).encode("utf-8") if isinstance(body, str) else body
        with s.lock:
            s.overrides[path] = (data, content_type, time.time())

    def remove(self, site: str, path: str) -> None:
        s = self._sites[site]
        with s.lock:
            s.overrides[path] = None

    def page(self, site: str, path: str) -> bytes:
        """The bundled bytes of a page as served without faults (placeholders substituted)."""
        s = self._sites[site]
        return s.load(s.paths[path])

    def _record(self, entry: RequestLog) -> None:
        with self._log_lock:
            self.log.append(entry)

    def requests(self, site: str | None = None) -> list[RequestLog]:
        with self._log_lock:
            return [e for e in self.log if site is None or e.site == site]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m samples.server", description="Serve the sample portals on 127.0.0.1."
    )
    parser.add_argument("--faults", action="store_true", help="add the fault routes (see the module docstring)")
    args = parser.parse_args(argv)
    with SampleSites(faults=args.faults) as sites:
        for name, base in sites.base_urls.items():
            print(f"{name:16} {base}/")
        print(f"{'(out of scope)':16} {sites.outside_url}/")
        if args.faults:
            for name in FAULTS:
                print(f"  fault {name:20} {sites.fault_url(name)}")
        print("Ctrl-C to stop.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
