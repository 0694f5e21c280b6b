"""The archive: WARC 1.1 files (warcio), one gzip member per record, rotated by size.

Every response is written with its request the moment it arrives and flushed, so
a killed crawl loses nothing the server sent; the records database points at
``(file name, offset)`` of each response record. 304 answers to conditional GETs
are ``revisit`` records (profile server-not-modified).
"""
from __future__ import annotations

import io
import os
import time
from datetime import datetime, timezone
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from base.settings import VERSION, default
from crawler.fetch import FetchResult

DEFAULT_MAX_WARC_BYTES = default("warc_max_bytes")  # rotate at 1 GB
WARC_VERSION = "WARC/1.1"
REVISIT_NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
SOFTWARE = f"govnews/{VERSION}"
FILE_PREFIX = "govnews"
FILE_SUFFIX = ".warc.gz"


def warc_date(now: float | None = None) -> str:
    stamp = datetime.fromtimestamp(time.time() if now is None else now, tz=timezone.utc)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class WarcWriter:
    """Appends records to ``DIR/govnews-<time>-<n>.warc.gz``; a new file past ``max_bytes``. One thread only."""

    def __init__(self, directory: Path, max_bytes: int = DEFAULT_MAX_WARC_BYTES):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.max_bytes = max_bytes
        self._stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
        self._seq = 0
        self._file: io.BufferedWriter | None = None
        self._writer: WARCWriter | None = None
        self.name = ""

    def _open_next(self) -> None:
        self.close()
        while True:
            self._seq += 1
            name = f"{FILE_PREFIX}-{self._stamp}-{os.getpid()}-{self._seq:05d}{FILE_SUFFIX}"
            path = self.directory / name
            if not path.exists():
                break
        self._file = open(path, "xb")
        self._writer = WARCWriter(self._file, gzip=True, warc_version=WARC_VERSION)
        self.name = name
        info = self._writer.create_warcinfo_record(name, {"software": SOFTWARE, "format": "WARC File Format 1.1"})
        self._writer.write_record(info)
        self._file.flush()

    def _ready(self) -> WARCWriter:
        if self._file is None or self._file.tell() >= self.max_bytes:
            self._open_next()
        return self._writer

    def write_exchange(self, result: FetchResult, when: float | None = None) -> tuple[str, int, int]:
        """Response + request records -> (file name, offset of the response record, end offset)."""
        writer = self._ready()
        date = warc_date(when)
        http = StatusAndHeaders(f"{result.status} {result.reason}".strip(), list(result.header_list),
                                protocol=result.http_version)
        extra = {"WARC-Date": date}
        if result.truncated:
            extra["WARC-Truncated"] = "length"
        response = writer.create_warc_record(result.url, "response", payload=io.BytesIO(result.raw),
                                             length=len(result.raw), http_headers=http, warc_headers_dict=extra)
        offset = self._file.tell()
        writer.write_record(response)
        self._write_request(writer, result, response.rec_headers.get_header("WARC-Record-ID"), date)
        self._file.flush()
        return self.name, offset, self._file.tell()

    def write_revisit(self, result: FetchResult, refers_to_date: str | None, when: float | None = None
                      ) -> tuple[str, int, int]:
        """A 304 answer: a revisit record (server-not-modified) + its request."""
        writer = self._ready()
        date = warc_date(when)
        http = StatusAndHeaders(f"{result.status} {result.reason}".strip(), list(result.header_list),
                                protocol=result.http_version)
        headers = {"WARC-Date": date, "WARC-Profile": REVISIT_NOT_MODIFIED,
                   "WARC-Refers-To-Target-URI": result.url}
        if refers_to_date:
            headers["WARC-Refers-To-Date"] = refers_to_date
        revisit = writer.create_warc_record(result.url, "revisit", payload=io.BytesIO(b""), length=0,
                                            http_headers=http, warc_headers_dict=headers)
        offset = self._file.tell()
        writer.write_record(revisit)
        self._write_request(writer, result, revisit.rec_headers.get_header("WARC-Record-ID"), date)
        self._file.flush()
        return self.name, offset, self._file.tell()

    def _write_request(self, writer: WARCWriter, result: FetchResult, concurrent_to: str, date: str) -> None:
        path = result.url.split("://", 1)[-1]
        path = path[path.find("/"):] if "/" in path else "/"
        http = StatusAndHeaders(f"GET {path} {result.http_version}", list(result.request_headers),
                                protocol="", is_http_request=True)
        request = writer.create_warc_record(result.url, "request", payload=io.BytesIO(b""), length=0,
                                            http_headers=http,
                                            warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": concurrent_to})
        writer.write_record(request)

    def close(self) -> None:
        if self._file is not None:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
        self._file = None
        self._writer = None
