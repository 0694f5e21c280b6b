"""Reading the archive: the response (or revisit) record at a file and offset, or every record of a file.

The writer is ``crawler/warc.py``; reading sits in the base because the web page (archived copies), the
reprocess pipeline and the Spark job all read records.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from base.content import CHUNK, charset_of, decode_body
from base.datadir import warc_dir
from base.errors import BadInput


@dataclass
class ArchivedResponse:
    url: str
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes  # transfer- and content-decoded
    date: str  # WARC-Date
    record_type: str = "response"
    truncated: bool = False

    @property
    def charset(self) -> str | None:
        return charset_of(self.headers.get("content-type", ""))


def _to_archived(record) -> ArchivedResponse:
    http = record.http_headers
    headers: dict[str, str] = {}
    if http is not None:
        for name, value in http.headers:
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
    body = b""
    if record.rec_type == "response":
        if "chunked" in headers.get("transfer-encoding", "").lower():  # not ours: we archive de-chunked bodies
            body = _read_all(record.content_stream())
        else:
            # Decode ourselves: warcio's decompressing reader can return nothing on a first read() of a member.
            body = decode_body(_read_all(record.raw_stream), headers.get("content-encoding", ""))
    status = int(http.get_statuscode()) if http is not None and http.get_statuscode() else 0
    return ArchivedResponse(
        url=record.rec_headers.get_header("WARC-Target-URI") or "", status=status, headers=headers, body=body,
        date=record.rec_headers.get_header("WARC-Date") or "", record_type=record.rec_type,
        truncated=bool(record.rec_headers.get_header("WARC-Truncated")),
    )


def _read_all(stream) -> bytes:
    parts = []
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)


def _warc_path(data_dir: Path, warc: str) -> Path:
    if not warc or Path(warc).name != warc:
        raise BadInput(f"not an archive file name: {warc!r}")
    path = warc_dir(Path(data_dir)) / warc
    if not path.is_file():
        raise BadInput(f"no archive file {warc} in {warc_dir(Path(data_dir))}")
    return path


def read_record(data_dir: Path, warc: str, offset: int) -> ArchivedResponse:
    """The response (or revisit) record at ``offset`` of ``data_dir/warc/<warc>``."""
    path = _warc_path(data_dir, warc)
    with open(path, "rb") as fh:
        fh.seek(int(offset))
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type in ("response", "revisit"):
                    return _to_archived(record)
                break
        except Exception as err:
            raise BadInput(f"no readable record at {warc}:{offset}: {err}") from None
    raise BadInput(f"no response record at {warc}:{offset}")


def iter_responses(path: Path, start: int = 0) -> Iterator[tuple[int, int, ArchivedResponse | None]]:
    """(offset, end offset, response or None) for each record from ``start`` (None: not a response/revisit).

    Stops quietly at a damaged tail (a record cut by a kill); the caller learns where from the last end offset.
    """
    with open(path, "rb") as fh:
        yield from iter_stream_responses(fh, start)


def iter_stream_responses(fh: BinaryIO, start: int = 0) -> Iterator[tuple[int, int, ArchivedResponse | None]]:
    """``iter_responses`` over an open, seekable binary stream: a local file, or an HDFS/S3 file of a Spark job."""
    fh.seek(start)
    iterator = ArchiveIterator(fh)
    # warcio counts offsets from the stream's position when it started (seekable streams), older versions from 0
    shift = start - iterator.offset
    try:
        for record in iterator:
            # read the record before asking for its offset: asking reads it to the end
            item = _to_archived(record) if record.rec_type in ("response", "revisit") else None
            offset = shift + iterator.get_record_offset()
            end = offset + iterator.get_record_length()
            yield offset, end, item
    except Exception:
        return
