"""The Parquet datasets ``govnews reprocess --spark --out DIR`` writes, and their Spark schemas.

Every dataset is Hive-partitioned by ``site`` (the portal's host, ``:port`` included when not the default;
``%3A`` in folder names) and, except ``errors``, ``year`` (of ``published`` for articles and indicators, of the
document's date or else its article's for documents; null: ``year=__HIVE_DEFAULT_PARTITION__``). Readers get
both back as columns: ``pyarrow.dataset.dataset(DIR/"articles", partitioning="hive")``,
``pandas.read_parquet(DIR/"articles")``, DuckDB ``read_parquet('DIR/articles/**/*.parquet',
hive_partitioning = true)``, Spark ``spark.read.parquet(DIR + "/articles")``.

``DIR/articles`` — one row per article, the columns of ``govnews export --format parquet`` (DESIGN's Article
JSON, ``fetched_at``, ``archive``) without the store's ``id`` (a cluster has no records database: ``url``, the
canonical URL, is the key), plus:
    ``warc`` (archive file name), ``offset`` (of the response record in it) — ``archive`` flattened;
    ``content_hash`` (sha1 of the folded title + body: equal texts under two URLs are one article).
``DIR/indicators`` — one row per figure: ``url`` (the article's), ``position`` (order in the article), the
Indicator fields (``value``/``upper``/``total`` as doubles), ``warc``, ``offset``.
``DIR/documents`` — one row per archived attachment that an article links: the columns of ``govnews export
--documents --format parquet`` (DESIGN's Document JSON plus ``place``, ``position``, ``page_count``,
``ocr_pending``, ``warnings``, ``error``, ``pages`` with ``needs_ocr``, ``indicators`` with ``page``,
``fetched_at``, ``archive``) without the store's ``id``, plus ``warc``, ``offset``. ``name`` is the file's name
(Content-Disposition, else the URL's last segment); ``article_url`` the linking article. Text layers always,
OCR of scanned pages with ``--ocr``; a file that cannot be read has its ``error`` and no fields.
``DIR/document_indicators`` — one row per document figure: ``url`` (the document's), ``position``, the
Indicator fields, ``page``, ``warc``, ``offset`` (the columns of the CSV export's document figures).
``DIR/errors`` — one row per page whose extraction failed, or per unreadable part of an archive file: ``url``
(null for a damaged file), ``warc``, ``offset``, ``fetched_at``, ``reason``.

``fetched_at`` is the record's WARC-Date (UTC, to the second); the one-machine store keeps the crawler's clock
at the same moment.
"""
from __future__ import annotations

from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

PARTITIONS = ("site", "year")


def _struct(*fields: tuple[str, object]) -> StructType:
    return StructType([StructField(name, kind, True) for name, kind in fields])


S, L, D = StringType(), LongType(), DoubleType()
INDICATOR_FIELDS = (
    ("text", S), ("start", L), ("end", L), ("value", D), ("upper", D), ("total", D), ("unit", S), ("kind", S),
    ("approx", S), ("estimate", BooleanType()), ("change", S), ("reference", S), ("label", S), ("period", S),
    ("sentence", S),
)
WHERE = (("warc", S), ("offset", L))
PLACE = (("site", S), ("year", IntegerType()))

ARTICLES = _struct(
    ("url", S), ("site_name", S), ("title", S), ("published", S), ("author", S), ("source", S),
    ("views", L), ("category", S), ("summary", S), ("body", S),
    ("attachments", ArrayType(_struct(("url", S), ("name", S)))),
    ("images", ArrayType(_struct(("url", S), ("caption", S)))),
    ("indicators", ArrayType(_struct(*INDICATOR_FIELDS))),
    ("language", S), ("page_type", S), ("fetched_at", S), ("archive", _struct(*WHERE)),
    *WHERE, ("content_hash", S), *PLACE,
)
INDICATORS = _struct(("url", S), ("position", L), *INDICATOR_FIELDS, *WHERE, *PLACE)
DOCUMENT_FIGURE = (*INDICATOR_FIELDS, ("page", L))
DOCUMENTS = _struct(
    ("url", S), ("article_url", S), ("name", S), ("format", S), ("kind", S), ("number", S), ("issuer", S),
    ("place", S), ("date", S), ("subject", S), ("signer", S), ("position", S), ("page_count", L),
    ("ocr_pending", BooleanType()), ("warnings", ArrayType(S)), ("error", S),
    ("pages", ArrayType(_struct(("n", L), ("text", S), ("method", S), ("confidence", D),
                                ("needs_ocr", BooleanType())))),
    ("indicators", ArrayType(_struct(*DOCUMENT_FIGURE))),
    ("fetched_at", S), ("archive", _struct(*WHERE)), *WHERE, *PLACE,
)
DOCUMENT_INDICATORS = _struct(("url", S), ("position", L), *DOCUMENT_FIGURE, *WHERE, *PLACE)
ERRORS = _struct(("url", S), ("warc", S), ("offset", L), ("fetched_at", S), ("reason", S), ("site", S))

DATASETS = {"articles": ARTICLES, "indicators": INDICATORS, "documents": DOCUMENTS,
            "document_indicators": DOCUMENT_INDICATORS, "errors": ERRORS}


def as_tuple(schema: StructType, row: dict) -> tuple:
    """A row dict in the schema's column order (missing columns are null)."""
    return tuple(row.get(name) for name in schema.fieldNames())
