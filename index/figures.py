"""``govnews indicators``: the extracted figures, filtered, as a table, CSV or JSONL.

Each row is one Indicator (DESIGN's fields) plus the article it came from:
``article_id``, ``title``, ``url``, ``published``, ``site``; a figure read from an attachment also names its
document (``document_url``, ``document_name``) and ``page`` (null for figures of the article text; the article
fields are those of the article the document hangs off, its date the document's own when the article has
none). A text query keeps
the figures whose label, sentence, unit or article title contain every query
word (diacritics ignored, whole syllables: "ho ngheo" matches "hộ nghèo").
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from index.analyzer import fold, query_terms, terms
from index.backend import open_records
from index.search import QueryError, parse_date
from index.store import INDICATOR_COLUMNS

ARTICLE_FIELDS = ("article_id", "title", "url", "published", "site")
DOCUMENT_FIELDS = ("document_url", "document_name", "page")
# Indicator fields in DESIGN order, then the article's, then the document's (figures of attachments).
ROW_FIELDS = INDICATOR_COLUMNS + ARTICLE_FIELDS + DOCUMENT_FIELDS
KINDS = ("count", "percent", "ratio", "money", "measure")
# Terminal table: (row field, heading, maximum width).
CSV_BOM = "\ufeff"  # lets Excel recognise UTF-8 and show Vietnamese


_INDICATOR_SELECT = ", ".join(f'i."{c}"' for c in INDICATOR_COLUMNS)
# Article figures and document figures in one stream; ``source`` (0 article, 1 document) and ``owner`` keep each
# article's figures together, then its documents' figures.
_FIGURES_SQL = f"""
SELECT {_INDICATOR_SELECT}, a.id AS article_id, a.title, a.url, a.published, a.site,
       NULL AS document_url, NULL AS document_name, NULL AS page, 0 AS source, a.id AS owner, i.position
FROM indicators i JOIN articles a ON a.id = i.article_id
UNION ALL
SELECT {_INDICATOR_SELECT}, a.id, a.title, a.url, COALESCE(a.published, d.date), a.site,
       d.url, d.name, i.page, 1, d.id, i.position
FROM document_indicators i JOIN documents d ON d.id = i.document_id LEFT JOIN articles a ON a.url = d.article_url
"""


def _iso_day(number: int | None) -> str | None:
    return None if number is None else f"{number // 10000:04d}-{number // 100 % 100:02d}-{number % 100:02d}"


def query_indicators(data_dir: Path, q: str | None = None, *, unit: str | None = None, kind: str | None = None,
                     since: str | None = None, until: str | None = None, site: str | None = None,
                     limit: int | None = None, db: str | None = None) -> Iterator[dict]:
    """Stream the figures matching the filters, newest articles first (``db``: records in PostgreSQL).

    Bad options and a data folder without records raise at the call, not at the first row.
    """
    if limit is not None and limit < 1:
        raise QueryError("--limit must be 1 or more")
    where, params = _filters(kind, since, until, site)
    words = {t.folded for t in query_terms(q)} if q and q.strip() else set()
    if q and q.strip() and not words:
        raise QueryError("the query has no words to search for (only punctuation)")
    unit_key = fold(unit.strip().lower()) if unit else None
    sql = (f"SELECT {', '.join(_q(c) for c in ROW_FIELDS)} FROM ({_FIGURES_SQL}) AS figures"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY published IS NULL, published DESC, source, owner, position")
    store = open_records(data_dir, db)
    return _rows(store, sql, params, unit_key, words, limit)


def _filters(kind: str | None, since: str | None, until: str | None, site: str | None) -> tuple[list[str], list]:
    """SQL conditions on the columns of _FIGURES_SQL, and their parameters."""
    if kind is not None and kind not in KINDS:
        raise QueryError(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
    low = _iso_day(parse_date(since, "--since", end=False))
    high = _iso_day(parse_date(until, "--until", end=True))
    where, params = [], []
    if kind:
        where.append("kind = ?")
        params.append(kind)
    if low:
        where.append("substr(published, 1, 10) >= ?")
        params.append(low)
    if high:
        where.append("substr(published, 1, 10) <= ?")
        params.append(high)
    if site:
        where.append("lower(site) = ?")
        params.append(site.strip().lower())
    return where, params


def label_series(data_dir: Path, label: str, unit: str | None = None, *, kind: str | None = None,
                 since: str | None = None, until: str | None = None, site: str | None = None,
                 limit: int = 5000) -> list[dict]:
    """Every figure with this label (and unit), articles' and attachments', oldest first, under the same
    filters as query_indicators: one figure over time, for a chart.

    The label is compared in SQL (case-insensitive), where query_indicators would fold and match every
    row's words.
    """
    where, params = _filters(kind, since, until, site)
    where = ["label = ? COLLATE NOCASE", *(["unit = ?"] if unit else []), *where]
    params = [label, *([unit] if unit else []), *params, limit]
    keys = ("label", "unit", "value", "period", "published", "site", "title")
    sql = (f"SELECT {', '.join(_q(k) for k in keys)} FROM ({_FIGURES_SQL})"
           f" WHERE {' AND '.join(where)} ORDER BY published LIMIT ?")
    store = open_records(data_dir)
    try:
        return [dict(zip(keys, row)) for row in store.conn.execute(sql, params)]
    finally:
        store.close()


def _rows(store, sql: str, params: list, unit_key: str | None, words: set[str], limit: int | None) -> Iterator[dict]:
    try:
        produced = 0
        for row in store.conn.execute(sql, params):
            record = dict(zip(ROW_FIELDS, row))
            record["estimate"] = bool(record["estimate"])
            if unit_key is not None and fold((record["unit"] or "").lower()) != unit_key:
                continue
            if words and not words <= _words(record):
                continue
            yield {k: record[k] for k in ROW_FIELDS}
            produced += 1
            if limit is not None and produced >= limit:
                return
    finally:
        store.close()


def _words(record: dict) -> set[str]:
    text = " ".join(record[k] or "" for k in ("label", "sentence", "unit", "text", "title"))
    return {t.folded for t in terms(text)}


def _q(column: str) -> str:
    return f'"{column}"'


def write_csv(rows: Iterable[dict], stream: IO[str], *, bom: bool = True) -> int:
    """Rows as CSV (header first, UTF-8 BOM unless ``bom=False``); returns the number of rows."""
    if bom:
        stream.write(CSV_BOM)
    writer = csv.DictWriter(stream, fieldnames=ROW_FIELDS, lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def write_jsonl(rows: Iterable[dict], stream: IO[str]) -> int:
    count = 0
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def format_number(value: object) -> str:
    """Vietnamese number style: '.' groups thousands, ',' marks decimals (2358 -> '2.358', 12.6 -> '12,6')."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    whole, _, frac = f"{value:,.6f}".rstrip("0").partition(".")
    whole = whole.replace(",", ".")
    return f"{whole},{frac}" if frac else whole
