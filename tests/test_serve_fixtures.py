"""A small archive for the `govnews serve` tests, built with the real store, WARC and search index.

Imported by test_serve*.py, test_xss*.py and test_browser*.py; the checks at the bottom make sure the
archive itself is what the other tests assume.
"""
from __future__ import annotations

import io
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from base.datadir import warc_dir
from extract.models import Article, Attachment, Image, Indicator
from index.searchindex import update_index
from index.store import Store
from web.serve import make_server

WARC_NAME = "test-00001.warc.gz"
MINH_LONG = "minhlong.quangngai.gov.vn"
SON_HA = "sonha.quangngai.gov.vn"
LABEL_HO_SO = "hồ sơ tiếp nhận qua hệ thống một cửa điện tử"

# Three articles on two sites over two years; the "hồ sơ" figure recurs so the chart has a series.
ARTICLES: list[dict[str, Any]] = [
    {
        "url": f"https://{MINH_LONG}/-/minh-long-so-ket-cai-cach-hanh-chinh-2023",
        "site": MINH_LONG, "site_name": "UBND huyện Minh Long", "category": "Tin hoạt động",
        "title": "Minh Long tổ chức Hội nghị sơ kết công tác cải cách hành chính 06 tháng đầu năm 2023",
        "published": "2023-08-18T16:01:00+07:00", "author": "Hà Trinh", "views": 158,
        "body": ("Sáng ngày 02/8/2023, UBND huyện Minh Long tổ chức Hội nghị sơ kết công tác cải cách "
                 "hành chính 6 tháng đầu năm 2023.\n\n"
                 "Trong 6 tháng đầu năm 2023, huyện đã tiếp nhận và xử lý 2.358 hồ sơ qua hệ thống một cửa "
                 "điện tử; tỷ lệ văn bản trao đổi trên môi trường mạng đạt 95%."),
        "attachments": [{"url": f"https://{MINH_LONG}/documents/ke-hoach-2553.pdf", "name": "Kế hoạch 2553"}],
        "images": [{"url": f"https://{MINH_LONG}/hoi-nghi.jpg", "caption": "Quang cảnh hội nghị"}],
        "figures": [("2.358 hồ sơ", 2358, "hồ sơ", "count", LABEL_HO_SO, "6 tháng đầu năm 2023"),
                    ("95%", 95, "%", "percent", "tỷ lệ văn bản trao đổi trên môi trường mạng",
                     "6 tháng đầu năm 2023")],
    },
    {
        "url": f"https://{MINH_LONG}/-/ket-qua-cai-cach-hanh-chinh-2022",
        "site": MINH_LONG, "site_name": "UBND huyện Minh Long", "category": "Cải cách hành chính",
        "title": "Kết quả cải cách hành chính 6 tháng đầu năm 2022",
        "published": "2022-07-10T09:30:00+07:00", "author": "Minh Tâm", "views": 90,
        "body": ("Năm 2022, công tác cải cách hành chính của huyện có nhiều chuyển biến.\n\n"
                 "Huyện đã tiếp nhận 1.980 hồ sơ qua hệ thống một cửa điện tử, giải quyết đúng hạn 98%."),
        "attachments": [], "images": [],
        "figures": [("1.980 hồ sơ", 1980, "hồ sơ", "count", LABEL_HO_SO, "6 tháng đầu năm 2022")],
    },
    {
        "url": f"https://{SON_HA}/-/son-ha-trong-rung-2023",
        "site": SON_HA, "site_name": "UBND huyện Sơn Hà", "category": "Kinh tế",
        "title": "Sơn Hà ra quân trồng rừng và đẩy mạnh cải cách hành chính",
        "published": "2023-03-02", "author": None, "views": None,
        "body": ("Huyện Sơn Hà ra quân trồng mới 150 ha rừng tập trung.\n\n"
                 "Quý I năm 2023, bộ phận một cửa tiếp nhận 1.204 hồ sơ qua hệ thống một cửa điện tử."),
        "attachments": [], "images": [],
        "figures": [("150 ha", 150, "ha", "measure", "trồng mới rừng tập trung", "năm 2023"),
                    ("1.204 hồ sơ", 1204, "hồ sơ", "count", LABEL_HO_SO, "Quý I năm 2023")],
    },
]


def page_html(spec: dict[str, Any]) -> bytes:
    """The portal page as archived (with a script the archived copy must not run)."""
    paragraphs = "".join(f"<p>{p}</p>" for p in spec["body"].split("\n\n"))
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{spec["title"]}</title></head>'
            f'<body><h1 id="title">{spec["title"]}</h1>{paragraphs}'
            f'<script>document.title = "SCRIPT RAN";</script></body></html>').encode()


def to_article(spec: dict[str, Any]) -> Article:
    body = spec["body"]
    indicators = []
    for text, value, unit, kind, label, period in spec["figures"]:
        start = body.index(text)
        indicators.append(Indicator(text=text, start=start, end=start + len(text), value=value, unit=unit,
                                    kind=kind, label=label, period=period, sentence=body))
    fields = {k: spec.get(k) for k in ("url", "site", "site_name", "title", "published", "author", "views",
                                        "category", "body")}
    return Article(**fields, attachments=[Attachment(**a) for a in spec["attachments"]],
                   images=[Image(**i) for i in spec["images"]], indicators=indicators)


def build_archive(data_dir: Path, specs: list[dict[str, Any]]) -> list[int]:
    """Archive each spec's page in one WARC, store its article, index everything; article ids in order."""
    folder = warc_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    offsets = []
    with open(folder / WARC_NAME, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for spec in specs:
            payload = spec.get("html") or page_html(spec)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(payload)))], protocol="HTTP/1.1")
            record = writer.create_warc_record(spec["url"], "response", payload=io.BytesIO(payload),
                                               length=len(payload), http_headers=http)
            offsets.append(fh.tell())
            writer.write_record(record)
    ids = []
    with Store.open(data_dir) as store:
        for spec, offset in zip(specs, offsets):
            article_id, _ = store.save_article(to_article(spec), fetched_at="2024-01-05T08:00:00+00:00",
                                               warc=WARC_NAME, offset=offset)
            ids.append(article_id)
    update_index(data_dir)
    return ids


@dataclass
class Served:
    base: str
    ids: list[int]
    data_dir: Path


@contextmanager
def serving(data_dir: Path, specs: list[dict[str, Any]]) -> Iterator[Served]:
    ids = build_archive(data_dir, specs)
    server = make_server(data_dir, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield Served(f"http://{host}:{port}", ids, data_dir)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@dataclass
class Reply:
    status: int
    headers: Any
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)


def get(url: str, method: str = "GET") -> Reply:
    """One request; HTTP errors are returned, not raised (never goes further than 127.0.0.1)."""
    assert url.startswith("http://127.0.0.1:")
    request = urllib.request.Request(url, method=method)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=10) as reply:
            return Reply(reply.status, reply.headers, reply.read())
    except urllib.error.HTTPError as err:
        return Reply(err.code, err.headers, err.read())


def test_archive_fixture_stores_spans_that_match_bodies(tmp_path):
    ids = build_archive(tmp_path / "data", ARTICLES)
    assert len(set(ids)) == len(ARTICLES)
    with Store.open(tmp_path / "data") as store:
        for article_id, spec in zip(ids, ARTICLES):
            got = store.get_article(article_id)
            assert got["archive"]["warc"] == WARC_NAME
            assert [got["body"][i["start"]:i["end"]] for i in got["indicators"]] == [f[0] for f in spec["figures"]]
