"""WARC files for the Spark job: open them wherever they live, cut them into record ranges, read a range.

A big WARC file (1 GB by default) should spread over many tasks. A first pass reads each file once, without
parsing HTTP, and cuts it at record boundaries into ranges of about ``split_bytes``; the second pass gives each
range to a task, which seeks to its start and reads records until the range ends. Damage (a record cut by a
kill, garbage) becomes a ``damaged`` record, never an exception.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import BinaryIO
from urllib.parse import urlsplit, urlunsplit

from warcio.archiveiterator import ArchiveIterator

from base.content import CHUNK
from base.warcread import iter_stream_responses
from cluster import records
from crawler.urls import host_key

# Hadoop's names for S3 (s3a://, s3n://) are plain S3 to pyarrow.
FS_SCHEMES = {"s3a": "s3", "s3n": "s3"}


@dataclass
class Listing:
    """One WARC file cut into record ranges, with the hosts its responses come from."""

    path: str
    ranges: list[tuple[int, int]] = field(default_factory=list)
    hosts: set[str] = field(default_factory=set)
    damage: dict | None = None  # a ``records.damaged`` record when the file stops being readable


def warc_name(path: str) -> str:
    """The archive file's name, as the records store keeps it (``warc`` column)."""
    return PurePosixPath(urlsplit(path).path).name


def open_input(path: str) -> BinaryIO:
    """A seekable binary stream of a local path (``/x``, ``file:/x``) or a file system URI (``hdfs://``,
    ``s3a://``, through pyarrow: HDFS needs libhdfs and ``CLASSPATH``, S3 the usual AWS credentials)."""
    parts = urlsplit(path)
    if parts.scheme in ("", "file"):
        return open(parts.path if parts.scheme else path, "rb")
    from pyarrow import fs

    uri = urlunsplit(parts._replace(scheme=FS_SCHEMES.get(parts.scheme, parts.scheme)))
    filesystem, inner = fs.FileSystem.from_uri(uri)
    return filesystem.open_input_file(inner)


def list_file(path: str, split_bytes: int) -> Listing:
    """Record ranges of about ``split_bytes`` (compressed) each, cut at record boundaries."""
    listing = Listing(path)
    start = end = 0
    try:
        with open_input(path) as fh:
            iterator = ArchiveIterator(fh, no_record_parse=True)
            for record in iterator:
                if record.format != "warc":  # warcio reads any text as ARC records: not an archive of ours
                    raise ValueError(f"not a WARC record at offset {iterator.get_record_offset()}")
                if record.rec_type == "response":
                    host = host_key(record.rec_headers.get_header("WARC-Target-URI") or "")
                    if host:
                        listing.hosts.add(host)
                # read the content before asking for offsets: asking reads (and drops) the rest of the record
                whole = record.length is not None and _content_length(record.raw_stream) >= record.length
                offset = iterator.get_record_offset()
                if not whole:
                    raise ValueError(f"record at offset {offset} cut off")
                end = offset + iterator.get_record_length()
                if end - start >= split_bytes:
                    listing.ranges.append((start, end))
                    start = end
    except Exception as err:
        listing.damage = records.damaged(warc_name(path), path, end, f"{type(err).__name__}: {err}")
    if end > start:
        listing.ranges.append((start, end))
    return listing


def _content_length(stream) -> int:
    """Bytes a record's content really has (a file cut by a kill ends inside one)."""
    total = 0
    while chunk := stream.read(CHUNK):
        total += len(chunk)
    return total


def read_range(path: str, start: int, end: int, hosts: frozenset[str]) -> Iterator[dict]:
    """The record dicts (``records.derive``) of the records starting in [start, end)."""
    name = warc_name(path)
    reached = start
    try:
        with open_input(path) as fh:
            for offset, record_end, item in iter_stream_responses(fh, start):
                if offset >= end:
                    return
                reached = record_end
                if item is not None:
                    rec = records.derive(item, name, path, offset, hosts)
                    if rec is not None:
                        yield rec
    except OSError as err:
        yield records.damaged(name, path, reached, f"{type(err).__name__}: {err}")
        return
    if reached < end:  # the reader stopped at a record it could not parse
        yield records.damaged(name, path, reached, "record cannot be parsed")


def read_body(path: str, offset: int) -> bytes:
    """The decoded body of the response record at ``offset``."""
    with open_input(path) as fh:
        for _offset, _end, item in iter_stream_responses(fh, offset):
            return item.body if item is not None else b""
    return b""
