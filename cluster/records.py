"""One archived record -> the rows the Spark job writes (pure: no Spark, no file system).

``derive`` runs in the executors on every response record; it makes the same decisions as one machine's
``govnews reprocess`` (``crawler.analyze.analyze`` for the page, then the crawler's rules for what becomes an
article and under which URL). The choices that need more than one record — the newest fetch of a URL, one
article per identity, one article per content — are the reducers below, applied by key after a shuffle; they
follow the crawl's order, which the archive keeps: records are written in the order the crawler processed
them, so (file name, offset) is that order.
"""
from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from base.errors import BadInput
from base.warcread import ArchivedResponse
from crawler.analyze import analyze
from crawler.documents import filename_of
from crawler.urls import Scope, article_identity, canonicalize, host_key, is_print_view
from extract.documents import extract_document

# A record dict is one of these kinds:
PAGE = "page"  # an HTML response: an article, another page, or an extraction error
FILE = "file"  # any other 2xx response that is not a sitemap or feed: a document when an article links it
DAMAGED = "damaged"  # a part of an archive file that cannot be read
SKIPPED_KINDS = ("sitemap", "feed")  # discovery documents: they lead to pages, they are not derived
# RFC 6266 filename*=UTF-8''name (percent-encoded) or filename="name"


def order(rec: dict) -> tuple[str, str, int]:
    """The crawl's processing order: archive file name (they sort by time of writing), path, offset."""
    return rec["warc"], rec["path"], rec["offset"]


def fetched_at(warc_date: str) -> str | None:
    """WARC-Date as the records' ``fetched_at`` (UTC, seconds: ``2026-12-03T18:19:37+00:00``)."""
    try:
        stamp = datetime.fromisoformat(warc_date.replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp.replace(microsecond=0).isoformat()


def year_of(date: str | None) -> int | None:
    """The year partition of an ISO date (null when the page states no date)."""
    return int(date[:4]) if date and date[:4].isdigit() else None


def derive(item: ArchivedResponse, warc: str, path: str, offset: int, hosts: frozenset[str]) -> dict | None:
    """One archived record -> a record dict (None: nothing to derive: a request, a revisit, a non-2xx answer,
    robots.txt, a sitemap or feed). A page whose extraction fails is a record with its ``error``."""
    if item.record_type != "response" or not 200 <= item.status < 300:
        return None
    if urlsplit(item.url).path == "/robots.txt":
        return None
    base = {"url": item.url, "warc": warc, "path": path, "offset": offset, "fetched_at": fetched_at(item.date),
            "error": None, "article": None, "ident": None, "content_hash": None}
    content_type = item.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        analysis = analyze(item.url, item.status, content_type, item.body, item.charset, item.truncated)
    except Exception as err:  # one bad record is an error row, never a failed task
        return {**base, "kind": PAGE, "error": f"{type(err).__name__}: {err}"[:300]}
    if analysis.kind in SKIPPED_KINDS:
        return None
    if analysis.kind != "html":
        return {**base, "kind": FILE, "truncated": item.truncated,
                "name": filename_of(item.url, item.headers.get("content-disposition"))}
    rec = {**base, "kind": PAGE, "error": analysis.error, "content_hash": analysis.content_hash}
    article = analysis.article
    if analysis.error is None and article is not None and article.page_type == "article" \
            and not is_print_view(item.url):
        ident = article_identity(item.url, article.canonical_url, Scope(set(hosts)))
        article.url = ident
        if not article.site:
            article.site = urlsplit(ident).hostname
        rec.update(ident=ident, article=article.to_dict())
    return rec


def damaged(warc: str, path: str, offset: int, reason: str) -> dict:
    """A part of an archive file that cannot be read, from ``offset`` on."""
    return {"kind": DAMAGED, "url": None, "warc": warc, "path": path, "offset": offset, "fetched_at": None,
            "error": f"archive unreadable: {reason}"[:300]}


# -- reducers (associative and commutative: Spark may combine in any order) -------------------------------

def later(a: dict, b: dict) -> dict:
    """The newest fetch of a URL: what the crawl state points at, so what one machine re-extracts."""
    return a if order(a) > order(b) else b


def earlier(a: dict, b: dict) -> dict:
    """The first of two articles with the same content: later copies were stored as duplicates."""
    return a if order(a) < order(b) else b


def identity_winner(a: dict, b: dict) -> dict:
    """The article stored under an identity: the page fetched from that very URL, else the first alias."""
    def key(rec: dict) -> tuple:
        return rec["url"] != rec["ident"], order(rec)

    return a if key(a) < key(b) else b


# -- rows (the columns of cluster/schema.py) --------------------------------------------------------------

def _figure(indicator: dict) -> dict:
    # Parquet columns are doubles: 2358 and 1.5 alike
    return {**indicator, **{k: None if indicator[k] is None else float(indicator[k])
                            for k in ("value", "upper", "total")}}


def article_row(rec: dict) -> dict:
    article = rec["article"]
    return {**article, "indicators": [_figure(i) for i in article["indicators"]],
            "fetched_at": rec["fetched_at"], "archive": {"warc": rec["warc"], "offset": rec["offset"]},
            "warc": rec["warc"], "offset": rec["offset"], "content_hash": rec["content_hash"],
            "year": year_of(article["published"])}


def indicator_rows(rec: dict) -> list[dict]:
    article = rec["article"]
    return [{**_figure(indicator), "url": article["url"], "position": position, "warc": rec["warc"],
             "offset": rec["offset"], "site": article["site"], "year": year_of(article["published"])}
            for position, indicator in enumerate(article["indicators"])]


def error_row(rec: dict) -> dict:
    return {"url": rec["url"], "site": host_key(rec["url"]) if rec["url"] else None, "warc": rec["warc"],
            "offset": rec["offset"], "fetched_at": rec["fetched_at"], "reason": rec["error"]}


def attachment_links(rec: dict) -> list[tuple[str, tuple]]:
    """(attachment URL as the crawler fetched it, (article URL, site, year)) per attachment."""
    article = rec["article"]
    links = []
    for attachment in article["attachments"]:
        target = canonicalize(attachment["url"], rec["url"])
        if target:
            links.append((target, (article["url"], article["site"], year_of(article["published"]))))
    return links


def document_fields(data: bytes, doc: dict, ocr: bool) -> dict:
    """The Document fields of an attachment's bytes (``extract_document``: text layers, and OCR of scanned
    pages with ``ocr``). A file that cannot be read keeps its ``error`` and no fields, as one machine stores it."""
    try:
        if doc.get("truncated"):
            raise BadInput("archived copy cut off at the download size limit")
        found = extract_document(data, doc["name"], ocr=ocr, url=doc["url"], article_url=doc["article_url"])
    except Exception as err:  # one bad file is an error row, never a failed task
        reason = str(err) if isinstance(err, BadInput) else f"{type(err).__name__}: {err}"
        return {"pages": [], "indicators": [], "warnings": [], "ocr_pending": False, "error": reason[:300]}
    return {**found.to_dict(), "error": None}


def document_row(doc: dict, data: bytes, ocr: bool) -> dict:
    """A linked attachment's row: where it is, which article links it, and what its bytes say."""
    fields = document_fields(data, doc, ocr)
    return {**fields, "indicators": [_figure(i) for i in fields["indicators"]], "url": doc["url"],
            "article_url": doc["article_url"], "name": doc["name"], "warc": doc["warc"], "offset": doc["offset"],
            "archive": {"warc": doc["warc"], "offset": doc["offset"]}, "fetched_at": doc["fetched_at"],
            "site": doc["site"], "year": year_of(fields.get("date")) or doc["year"]}


def document_indicator_rows(row: dict) -> list[dict]:
    """A document row's figures, one row each (``page``: the page it is on)."""
    return [{**indicator, "url": row["url"], "position": position, "warc": row["warc"], "offset": row["offset"],
             "site": row["site"], "year": row["year"]}
            for position, indicator in enumerate(row["indicators"])]
