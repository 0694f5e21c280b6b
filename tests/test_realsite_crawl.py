"""Crawl a real portal's saved copy (``../shared/realsites/krongno.daknong.gov.vn``) served on 127.0.0.1.

What a real crawl meets there: "Xem chi tiết tại đây" links to scanned PDFs under ``img/`` (the content of
notices that are not articles), ``/web/2018…/http://host/…`` links left by a rebuild from web-archive captures
(paths this copy does not have), directory redirects, dead links and missing attachments.
"""
import functools
import sqlite3
import threading
import time
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from base.warcread import read_record
from crawler.pipeline import CrawlOptions, crawl
from crawler.state import CrawlState, connect
from tests.conftest import shared_path

SITE = ("realsites", "krongno.daknong.gov.vn")
ARTICLE_WITH_PDF = "/bao-cao-ket-qua-giai-quyet-kien-nghi-cua-ong-nguyen-van-binh/"
DOCUMENT_MAGIC = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # PDF, OOXML (zip), legacy Office
# Interface text of this template (and of its English twin) that must never be an article's title or author.
INTERFACE_TEXT = frozenset({
    "trang thông tin điện tử huyện krông nô", "forgot password", "photo gallery", "thư viện ảnh", "đăng nhập",
    "login", "sign in", "trang chủ", "liên hệ", "sơ đồ site", "tìm kiếm", "văn bản", "tin tức sự kiện",
})


class LoggingHandler(SimpleHTTPRequestHandler):
    requests: list[tuple[str, int]]  # set per server

    def log_request(self, code="-", size="-"):
        self.requests.append((self.path, int(code) if str(code).isdigit() else 0))

    def log_message(self, *args):
        pass


def serve(folder: Path):
    log: list[tuple[str, int]] = []
    handler = type("Handler", (LoggingHandler,), {"requests": log})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}", log


@pytest.fixture(scope="module")
def site_folder() -> Path:
    return shared_path(*SITE)


@pytest.fixture(scope="module")
def crawled(site_folder, tmp_path_factory):
    server, base, log = serve(site_folder)
    data = tmp_path_factory.mktemp("realsite") / "data"
    started = time.monotonic()
    try:
        # Extraction in the crawl process: worker processes would start only after 200 pages and not pay off.
        code = crawl([base + "/"], data, CrawlOptions(delay=0, quiet=True, update_index=False, extract_processes=0))
    finally:
        server.shutdown()
        server.server_close()
    conn = sqlite3.connect(data / "records.sqlite")
    conn.row_factory = sqlite3.Row
    yield {"data": data, "base": base, "log": log, "code": code, "seconds": time.monotonic() - started,
           "conn": conn}
    conn.close()


def test_crawl_ends_within_bounds(crawled, site_folder):
    assert crawled["code"] == 0
    files = sum(1 for _ in site_folder.glob("*/index.html")) + sum(1 for _ in (site_folder / "img").iterdir())
    responses = crawled["conn"].execute("SELECT COUNT(*) FROM crawl_urls WHERE http_status IS NOT NULL").fetchone()[0]
    # Every page and attachment once, plus the directory redirects ("/slug" -> "/slug/") and dead links.
    assert responses <= 1.5 * files, responses
    fetched = Counter(path for path, status in crawled["log"] if status == 200)
    assert max(fetched.values()) == 1, fetched.most_common(3)
    assert crawled["conn"].execute("SELECT COUNT(*) FROM crawl_urls WHERE status = 'queued'").fetchone()[0] == 0


def test_web_archive_capture_links_are_not_crawled_as_local_paths(crawled):
    asked = [path for path, _status in crawled["log"] if path.startswith("/web/")]
    assert asked == []


def test_attachments_are_archived_and_findable(crawled, site_folder):
    data = crawled["data"]
    state = CrawlState(connect(data))
    try:
        archived = [dict(row) for row in state.archived_attachments()]
    finally:
        state.close()
    names = {unquote(urlsplit(row["url"]).path).rsplit("/", 1)[-1] for row in archived}
    on_disk = {path.name for path in (site_folder / "img").iterdir()}
    assert len(archived) >= 35, len(archived)  # of the 47 files under img/, the ones pages link correctly
    assert names <= on_disk and len(names) == len(archived)
    for row in archived:
        record = read_record(data, row["warc"], row["warc_offset"])
        assert record.status == 200 and record.body.startswith(DOCUMENT_MAGIC), row["url"]
        assert row["referrer"] and row["referrer"].startswith(crawled["base"] + "/"), row  # the page linking it
        assert not urlsplit(row["referrer"]).path.startswith("/img/")


def test_no_duplicate_article(crawled):
    rows = crawled["conn"].execute("SELECT url, content_hash FROM articles").fetchall()
    assert rows
    urls = [row["url"].rstrip("/") for row in rows]
    assert len(urls) == len(set(urls))
    hashes = [row["content_hash"] for row in rows]
    assert len(hashes) == len(set(hashes))


def test_no_interface_text_as_author(crawled):
    authors = [row[0] for row in crawled["conn"].execute("SELECT author FROM articles WHERE author IS NOT NULL")]
    assert not [a for a in authors if a.strip().casefold() in INTERFACE_TEXT]


def test_no_interface_text_as_title(crawled):
    titles = [row[0] for row in crawled["conn"].execute("SELECT title FROM articles")]
    assert not [t for t in titles if (t or "").strip().casefold() in INTERFACE_TEXT]


@pytest.mark.parametrize("attachments", [True, False])
def test_no_attachments_option(site_folder, tmp_path, attachments):
    server, base, log = serve(site_folder)
    try:
        assert crawl([base + ARTICLE_WITH_PDF], tmp_path / "data",
                     CrawlOptions(delay=0, quiet=True, update_index=False, max_depth=0,
                                  attachments=attachments)) == 0
    finally:
        server.shutdown()
        server.server_close()
    documents = [path for path, status in log if path.startswith("/img/") and status == 200]
    assert len(documents) == (1 if attachments else 0), documents
