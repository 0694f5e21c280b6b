"""WARC writing: response+request pairs, revisits, rotation, read_record, damaged tails."""
import gzip
import os
import subprocess
import sys

import pytest
from warcio.archiveiterator import ArchiveIterator

from base.errors import BadInput
from base.warcread import iter_responses, read_record
from crawler.fetch import FetchResult
from crawler.warc import WarcWriter

WARCIO = [sys.executable, "-c", "import sys; from warcio.cli import main; sys.exit(main(sys.argv[1:]))"]
HTML = "<html><body><p>Hội nghị sơ kết</p></body></html>".encode()


def result(url="http://127.0.0.1:9/-/tin", status=200, body=HTML, gz=True, truncated=False):
    raw = gzip.compress(body) if gz else body
    headers = [("Content-Type", "text/html; charset=utf-8"), ("ETag", '"abc"')]
    if gz:
        headers.append(("Content-Encoding", "gzip"))
    return FetchResult(url=url, final_url=url, status=status, headers={k.lower(): v for k, v in headers},
                       body=body, charset="utf-8", truncated=truncated, raw=raw, header_list=headers,
                       reason="OK" if status == 200 else "Not Modified",
                       request_headers=[("Host", "127.0.0.1:9"), ("User-Agent", "govnews/0.1 (+https://x)")])


def test_write_and_read_back(tmp_path):
    writer = WarcWriter(tmp_path / "warc")
    name, offset, end = writer.write_exchange(result())
    name2, offset2, _ = writer.write_revisit(result(status=304, body=b"", gz=False), "2026-01-01T00:00:00Z")
    big = writer.write_exchange(result(url="http://127.0.0.1:9/big", truncated=True))
    writer.close()
    assert name == name2 and offset2 >= end
    got = read_record(tmp_path, name, offset)
    assert got.url == "http://127.0.0.1:9/-/tin" and got.status == 200 and got.body == HTML
    assert got.headers["etag"] == '"abc"' and got.charset == "utf-8" and got.date.startswith("20")
    revisit = read_record(tmp_path, name, offset2)
    assert revisit.record_type == "revisit" and revisit.status == 304 and revisit.body == b""
    assert read_record(tmp_path, big[0], big[1]).truncated
    with open(tmp_path / "warc" / name, "rb") as fh:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Profile")) for r in ArchiveIterator(fh)]
    assert [t for t, _ in records] == ["warcinfo", "response", "request", "revisit", "request", "response", "request"]
    assert records[3][1].endswith("/revisit/server-not-modified")
    with open(tmp_path / "warc" / name, "rb") as fh:
        assert fh.read(4)[:2] == b"\x1f\x8b"  # gzip member per record
    index = subprocess.run([*WARCIO, "index", str(tmp_path / "warc" / name)],
                           capture_output=True, text=True, check=True).stdout
    assert index.count('"warc-type": "response"') == 2 and '"warc-type": "revisit"' in index
    check = subprocess.run([*WARCIO, "check", "-v", str(tmp_path / "warc" / name)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_rotation(tmp_path):
    writer = WarcWriter(tmp_path / "warc", max_bytes=2000)
    # Random bytes do not compress: each exchange alone passes max_bytes, whatever gzip makes of the headers.
    names = {writer.write_exchange(result(url=f"http://127.0.0.1:9/{i}", body=os.urandom(3000)))[0]
             for i in range(6)}
    writer.close()
    assert len(names) >= 3
    assert len(list((tmp_path / "warc").glob("*.warc.gz"))) == len(names)


def test_damaged_tail_is_detected(tmp_path):
    writer = WarcWriter(tmp_path / "warc")
    name, _, end1 = writer.write_exchange(result(url="http://127.0.0.1:9/a"))
    _, _, end2 = writer.write_exchange(result(url="http://127.0.0.1:9/b"))
    writer.close()
    path = tmp_path / "warc" / name
    data = path.read_bytes()
    path.write_bytes(data[: end2 - 30])  # killed in the middle of the last request record
    ends = [end for _, end, _ in iter_responses(path)]
    assert ends[-1] < end2 and end1 in ends  # the iteration stops cleanly before the damaged record
    items = [item for _, _, item in iter_responses(path) if item is not None]
    assert [i.url for i in items] == ["http://127.0.0.1:9/a", "http://127.0.0.1:9/b"]
    assert [i.body for i in items] == [HTML, HTML]


def test_bad_names_are_bad_input(tmp_path):
    (tmp_path / "warc").mkdir()
    with pytest.raises(BadInput):
        read_record(tmp_path, "../records.sqlite", 0)
    with pytest.raises(BadInput):
        read_record(tmp_path, "missing.warc.gz", 0)
