"""Documents (attachments read: PDF, Word, Excel, scans) in the records store.

The tables (``documents``, ``document_pages``, ``document_indicators``) are described in ``index/store.py``;
these functions read and write them through an open ``Store``, or a ``PgStore`` (index/pgstore.py), whose
``conn`` and ``transaction()`` take the same SQL with ``?`` placeholders.
"""
from __future__ import annotations

import json
from collections.abc import Iterator

from base.errors import BadInput
from index.store import INDICATOR_COLUMNS, ITER_BATCH, MAX_CHANGE_SEQ_SQL, Store, fingerprint, quoted, to_db

# Document JSON fields stored as plain columns of ``documents``.
DOCUMENT_COLUMNS = ("url", "article_url", "name", "format", "kind", "number", "issuer", "place", "date", "subject",
                    "signer", "position", "page_count")


def _pending(page: dict) -> bool:
    """A scan (or a page with only a signature stamp) whose text OCR has not read yet."""
    return bool(page.get("needs_ocr")) and page.get("method") == "none"


def save_document(store: Store, document: dict, *, fetched_at: str, warc: str | None = None,
                  offset: int | None = None, content_hash: str | None = None,
                  error: str | None = None) -> tuple[int, str]:
    """Insert or replace one document (the Document JSON) -> (document_id, "new"|"changed"|"unchanged").

    ``error`` records why an archived attachment could not be read; the row is kept so that the
    attachment is known and a later reprocess can try again.
    """
    if not document.get("url"):
        raise BadInput("cannot store a document without a url")
    pages = document.get("pages") or []
    pending = sum(1 for p in pages if _pending(p))
    warnings = json.dumps(document.get("warnings") or [], ensure_ascii=False)
    fp = fingerprint({**document, "error": error})
    with store.transaction() as conn:
        row = conn.execute("SELECT id, fingerprint FROM documents WHERE url = ?", (document["url"],)).fetchone()
        if row and row[1] == fp:
            conn.execute("UPDATE documents SET fetched_at = ?, warc = COALESCE(?, warc),"
                         " warc_offset = COALESCE(?, warc_offset), content_hash = COALESCE(?, content_hash)"
                         " WHERE id = ?", (fetched_at, warc, offset, content_hash, row[0]))
            return row[0], "unchanged"
        values = [document.get(c) for c in DOCUMENT_COLUMNS]
        values[DOCUMENT_COLUMNS.index("page_count")] = document.get("page_count") or len(pages)
        seq = conn.execute(MAX_CHANGE_SEQ_SQL).fetchone()[0] + 1
        if row is None:
            cur = conn.execute(
                f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}, ocr_pending, warnings, error,"
                " fetched_at, warc, warc_offset, content_hash, fingerprint, change_seq)"
                f" VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))}, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (*values, pending, warnings, error, fetched_at, warc, offset, content_hash, fp, seq))
            document_id, status = cur.fetchone()[0], "new"
        else:
            document_id, status = row[0], "changed"
            conn.execute(
                f"UPDATE documents SET {', '.join(c + ' = ?' for c in DOCUMENT_COLUMNS)},"
                " ocr_pending = ?, warnings = ?, error = ?, fetched_at = ?, warc = COALESCE(?, warc),"
                " warc_offset = COALESCE(?, warc_offset), content_hash = COALESCE(?, content_hash),"
                " fingerprint = ?, change_seq = ? WHERE id = ?",
                (*values, pending, warnings, error, fetched_at, warc, offset, content_hash, fp, seq, document_id))
            conn.execute("DELETE FROM document_pages WHERE document_id = ?", (document_id,))
            conn.execute("DELETE FROM document_indicators WHERE document_id = ?", (document_id,))
        conn.executemany(
            "INSERT INTO document_pages (document_id, n, text, method, confidence, needs_ocr)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(document_id, p["n"], p.get("text") or "", p.get("method"), p.get("confidence"),
              int(bool(p.get("needs_ocr")))) for p in pages])
        conn.executemany(
            f"INSERT INTO document_indicators (document_id, position, page,"
            f" {', '.join(quoted(c) for c in INDICATOR_COLUMNS)})"
            f" VALUES (?, ?, ?, {', '.join('?' * len(INDICATOR_COLUMNS))})",
            [(document_id, i, ind.get("page"), *(to_db(ind.get(c)) for c in INDICATOR_COLUMNS))
             for i, ind in enumerate(document.get("indicators") or [])])
    return document_id, status

def get_document(store: Store, document_id: int) -> dict | None:
    """The Document JSON plus ``id``, ``fetched_at``, ``archive``, ``error`` and ``change_seq``."""
    row = store.conn.execute(
        f"SELECT id, {', '.join(DOCUMENT_COLUMNS)}, ocr_pending, warnings, error, fetched_at, warc, warc_offset,"
        " change_seq FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        return None
    n = len(DOCUMENT_COLUMNS)
    doc = dict(zip(("id",) + DOCUMENT_COLUMNS, row[:n + 1]))
    doc["pages"] = [{"n": p[0], "text": p[1], "method": p[2], "confidence": p[3], "needs_ocr": bool(p[4])}
                    for p in store.conn.execute("SELECT n, text, method, confidence, needs_ocr FROM document_pages"
                                                " WHERE document_id = ? ORDER BY n", (document_id,))]
    doc["indicators"] = []
    for ind_row in store.conn.execute(
            f"SELECT page, {', '.join(quoted(c) for c in INDICATOR_COLUMNS)} FROM document_indicators"
            " WHERE document_id = ? ORDER BY position", (document_id,)):
        ind = dict(zip(INDICATOR_COLUMNS, ind_row[1:]), page=ind_row[0])
        ind["estimate"] = bool(ind["estimate"])
        doc["indicators"].append(ind)
    doc.update(ocr_pending=row[n + 1] > 0, warnings=json.loads(row[n + 2] or "[]"), error=row[n + 3],
               fetched_at=row[n + 4], archive={"warc": row[n + 5], "offset": row[n + 6]}, change_seq=row[n + 7])
    return doc

def get_document_by_url(store: Store, url: str) -> dict | None:
    row = store.conn.execute("SELECT id FROM documents WHERE url = ?", (url,)).fetchone()
    return get_document(store, row[0]) if row else None

def document_hashes(store: Store) -> dict[str, tuple[int, str | None]]:
    """url -> (id, ``content_hash`` of the archived copy it was read from) of every stored document."""
    return {r[0]: (r[1], r[2]) for r in store.conn.execute("SELECT url, id, content_hash FROM documents")}


def pending_page_count(store: Store) -> int:
    """Scanned pages of all documents not read by OCR yet."""
    return store.conn.execute("SELECT COALESCE(SUM(ocr_pending), 0) FROM documents").fetchone()[0]


def article_linking(store: Store, url: str) -> str | None:
    """The stored article whose attachment list names ``url`` (the first one stored), if any."""
    row = store.conn.execute("SELECT a.url FROM attachments t JOIN articles a ON a.id = t.article_id"
                             " WHERE t.url = ? ORDER BY a.id LIMIT 1", (url,)).fetchone()
    return row[0] if row else None


def count_documents(store: Store) -> int:
    return store.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

def documents_of(store: Store, article_url: str) -> list[dict]:
    """Short rows (id, url, name, kind, number, date, page_count, ocr_pending) of an article's documents."""
    cols = ("id", "url", "name", "kind", "number", "date", "page_count", "ocr_pending")  # ocr_pending: pages
    return [dict(zip(cols, r)) for r in store.conn.execute(
        f"SELECT {', '.join(cols)} FROM documents WHERE article_url = ? ORDER BY id", (article_url,))]

def iter_documents(store: Store, after_id: int = 0) -> Iterator[dict]:
    """Every document in id order, one at a time (a document may hold hundreds of pages)."""
    yield from (doc for _, doc in _iter_documents_by(store, "id", after_id))

def iter_changed_documents(store: Store, after_seq: int = 0) -> Iterator[tuple[int, dict]]:
    """(change_seq, document) of documents added or changed after ``after_seq``, in change order."""
    yield from _iter_documents_by(store, "change_seq", after_seq)

def pending_ocr(store: Store) -> Iterator[dict]:
    """Documents with scanned pages not read by OCR yet: id, url, warc, offset, name, ocr_pending."""
    after = 0
    cols = ("id", "url", "warc", "warc_offset", "name", "ocr_pending")
    while True:
        rows = store.conn.execute(
            f"SELECT {', '.join(cols)} FROM documents WHERE ocr_pending > 0 AND id > ? ORDER BY id LIMIT ?",
            (after, ITER_BATCH)).fetchall()
        if not rows:
            return
        yield from (dict(zip(cols, r)) for r in rows)
        after = rows[-1][0]

def _iter_documents_by(store: Store, key: str, after: int) -> Iterator[tuple[int, dict]]:
    while True:
        row = store.conn.execute(f"SELECT id, {key} FROM documents WHERE {key} > ? ORDER BY {key} LIMIT 1",
                                (after,)).fetchone()
        if row is None:
            return
        doc = get_document(store, row[0])
        if doc is not None:
            yield row[1], doc
        after = row[1]
