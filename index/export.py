"""``govnews export``: every stored article with its indicators, streamed (constant memory).

Formats:

``jsonl``
    one DESIGN Article object per line plus ``fetched_at`` and ``archive``
    (``{"warc": file, "offset": n}``); to ``--out PATH`` or standard output.
``csv``
    two files (UTF-8 with BOM, for Excel): ``PATH`` with one row per article
    (``attachments`` and ``images`` as JSON text, ``indicator_count``) and
    ``<PATH without .csv>-indicators.csv`` with one row per indicator, joined to
    its article by ``article_id`` and ``url``.
``parquet``
    ``PATH``: one row per article, ``attachments``/``images``/``indicators`` as
    lists of structs (needs pyarrow: ``pip install 'govnews[parquet]'``).

With ``documents=True`` (``govnews export --documents``) the same formats hold the attachments read
(PDF, Word, Excel, scans): one Document JSON per line (plus ``fetched_at``, ``archive``, ``error``); in CSV,
``PATH`` with one row per document (its pages' text joined, ``page_count``) and ``PATH-indicators.csv`` with
its figures and their ``page``; in Parquet, ``pages`` and ``indicators`` (each with ``page``) as lists.

Files are written beside the target and renamed into place when complete.
"""
from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from base.errors import BadInput
from index.documents import DOCUMENT_COLUMNS
from index.store import ARTICLE_COLUMNS, INDICATOR_COLUMNS

FORMATS = ("jsonl", "csv", "parquet")
CSV_BOM = "\ufeff"
ARTICLE_CSV_FIELDS = ("id",) + ARTICLE_COLUMNS + (
    "fetched_at", "warc", "offset", "attachments", "images", "indicator_count")
INDICATOR_CSV_FIELDS = ("article_id", "url", "position") + INDICATOR_COLUMNS
DOCUMENT_CSV_FIELDS = ("id",) + DOCUMENT_COLUMNS + ("ocr_pending", "error", "fetched_at", "warc", "offset", "text",
                                                     "indicator_count")
DOCUMENT_INDICATOR_CSV_FIELDS = ("document_id", "url", "position", "page") + INDICATOR_COLUMNS
PARQUET_BATCH = 500  # articles per row group


def indicators_path(out: Path) -> Path:
    """Where the CSV export puts the indicators: ``articles.csv`` -> ``articles-indicators.csv``."""
    stem = out.name[:-4] if out.name.lower().endswith(".csv") else out.name
    return out.with_name(stem + "-indicators.csv")


def export_record(record: dict) -> dict:
    """A store article (or document) dict as an export line: its JSON + fetched_at + archive."""
    return {k: v for k, v in record.items() if k not in ("id", "change_seq")}


@contextmanager
def atomic_text(path: Path) -> Iterator[IO[str]]:
    part = path.with_name(path.name + ".part")
    try:
        stream = open(part, "w", encoding="utf-8", newline="")
    except OSError as err:
        raise BadInput(f"cannot write {path}: {err.strerror}") from None
    try:
        with stream:
            yield stream
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    os.replace(part, path)


def export_jsonl(articles: Iterator[dict], stream: IO[str]) -> int:
    count = 0
    for article in articles:
        stream.write(json.dumps(export_record(article), ensure_ascii=False) + "\n")
        count += 1
    return count


def export_csv(articles: Iterator[dict], out: Path) -> int:
    count = 0
    with atomic_text(out) as art_stream, atomic_text(indicators_path(out)) as ind_stream:
        art_stream.write(CSV_BOM)
        ind_stream.write(CSV_BOM)
        art_writer = csv.DictWriter(art_stream, fieldnames=ARTICLE_CSV_FIELDS, lineterminator="\r\n")
        ind_writer = csv.DictWriter(ind_stream, fieldnames=INDICATOR_CSV_FIELDS, lineterminator="\r\n")
        art_writer.writeheader()
        ind_writer.writeheader()
        for article in articles:
            row = {k: article[k] for k in ("id",) + ARTICLE_COLUMNS}
            row.update(fetched_at=article["fetched_at"], warc=article["archive"]["warc"],
                       offset=article["archive"]["offset"],
                       attachments=json.dumps(article["attachments"], ensure_ascii=False),
                       images=json.dumps(article["images"], ensure_ascii=False),
                       indicator_count=len(article["indicators"]))
            art_writer.writerow(row)
            for position, indicator in enumerate(article["indicators"]):
                ind_writer.writerow({"article_id": article["id"], "url": article["url"], "position": position,
                                     **indicator})
            count += 1
    return count


def export_documents_csv(documents: Iterator[dict], out: Path) -> int:
    count = 0
    with atomic_text(out) as doc_stream, atomic_text(indicators_path(out)) as ind_stream:
        doc_stream.write(CSV_BOM)
        ind_stream.write(CSV_BOM)
        doc_writer = csv.DictWriter(doc_stream, fieldnames=DOCUMENT_CSV_FIELDS, lineterminator="\r\n")
        ind_writer = csv.DictWriter(ind_stream, fieldnames=DOCUMENT_INDICATOR_CSV_FIELDS, lineterminator="\r\n",
                                    extrasaction="ignore")
        doc_writer.writeheader()
        ind_writer.writeheader()
        for doc in documents:
            row = {k: doc.get(k) for k in ("id",) + DOCUMENT_COLUMNS + ("ocr_pending", "error", "fetched_at")}
            row.update(warc=doc["archive"]["warc"], offset=doc["archive"]["offset"],
                       text="\n\n".join(p["text"] for p in doc["pages"] if p["text"]),
                       indicator_count=len(doc["indicators"]))
            doc_writer.writerow(row)
            for position, indicator in enumerate(doc["indicators"]):
                ind_writer.writerow({"document_id": doc["id"], "url": doc["url"], "position": position, **indicator})
            count += 1
    return count


def parquet_indicator_type(pa, with_page: bool = False):
    """The Parquet struct of one figure (numbers as doubles: a figure may be 2358 or 12.6)."""
    text = pa.string()
    fields = [
        ("text", text), ("start", pa.int64()), ("end", pa.int64()), ("value", pa.float64()),
        ("upper", pa.float64()), ("total", pa.float64()), ("unit", text), ("kind", text), ("approx", text),
        ("estimate", pa.bool_()), ("change", text), ("reference", text), ("label", text), ("period", text),
        ("sentence", text),
    ]
    return pa.struct(fields + [("page", pa.int64())] if with_page else fields)


def parquet_document_schema(pa):
    text = pa.string()
    page = pa.struct([("n", pa.int64()), ("text", text), ("method", text), ("confidence", pa.float64()),
                      ("needs_ocr", pa.bool_())])
    return pa.schema([("id", pa.int64())] + [(c, pa.int64() if c == "page_count" else text) for c in DOCUMENT_COLUMNS]
                     + [("ocr_pending", pa.bool_()), ("warnings", pa.list_(text)), ("error", text),
                        ("pages", pa.list_(page)), ("indicators", pa.list_(parquet_indicator_type(pa, True))),
                        ("fetched_at", text), ("archive", pa.struct([("warc", text), ("offset", pa.int64())]))])


def parquet_article_schema(pa):
    text = pa.string()
    indicator = parquet_indicator_type(pa)
    return pa.schema([
        ("id", pa.int64()), ("url", text), ("site", text), ("site_name", text), ("title", text),
        ("published", text), ("author", text), ("source", text), ("views", pa.int64()), ("category", text),
        ("summary", text), ("body", text),
        ("attachments", pa.list_(pa.struct([("url", text), ("name", text)]))),
        ("images", pa.list_(pa.struct([("url", text), ("caption", text)]))),
        ("indicators", pa.list_(indicator)),
        ("language", text), ("page_type", text), ("fetched_at", text),
        ("archive", pa.struct([("warc", text), ("offset", pa.int64())])),
    ])


def export_parquet(articles: Iterator[dict], out: Path, documents: bool = False) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise BadInput("parquet export needs pyarrow: pip install 'govnews[parquet]'") from None
    schema = parquet_document_schema(pa) if documents else parquet_article_schema(pa)
    part = out.with_name(out.name + ".part")
    count = 0
    try:
        writer = pq.ParquetWriter(str(part), schema)
    except OSError as err:
        raise BadInput(f"cannot write {out}: {err}") from None
    try:
        batch: list[dict] = []
        for article in articles:
            batch.append(_parquet_row(article))
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
        writer.close()
    except BaseException:
        writer.close()
        part.unlink(missing_ok=True)
        raise
    os.replace(part, out)
    return count


def _parquet_row(article: dict) -> dict:
    row = dict(article)
    row["indicators"] = [{**i, **{k: None if i[k] is None else float(i[k]) for k in ("value", "upper", "total")}}
                         for i in article["indicators"]]
    return row
