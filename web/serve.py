"""`govnews serve`: the search page, article, document and figures pages, archived copies and the JSON API.

Read-only (GET and HEAD), bound to 127.0.0.1 by default. Everything shown comes from crawled pages and
is untrusted: pages escape it (web/), archived copies are served under a sandboxing
Content-Security-Policy, and no request parameter ever names a file: static files come from a fixed
table and archived copies are found through the article's (or document's) own record. A document's archived
original is only ever a download (its format's type, ``Content-Disposition: attachment``).
"""
from __future__ import annotations

import io
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote, urlsplit

from base.datadir import records_path, warc_dir
from base.errors import BadInput
from web import pages
from web.chart import figure_series, line_chart
from web.docpage import document_page
from web.html import KIND_LABELS, local_href, safe_href
from web.httpd import (
    GovnewsServer,
    NotFound,
    Response,
    html_response,
    json_response,
    to_json,
)

WEB_DIR = Path(__file__).parent
# The only files /static/ serves: name -> content type. Nothing else on disk is reachable.
STATIC_TYPES = {"style.css": "text/css; charset=utf-8", "favicon.svg": "image/svg+xml"}
API_DOC = WEB_DIR / "api.html"

# Archived pages run no script, get an opaque origin, load nothing from the network and post no forms.
ARCHIVE_CSP = ("sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
               "form-action 'none'; base-uri 'none'; frame-ancestors 'self'")
SEARCH_FIELDS = ("q", "since", "until", "site", "category", "sort", "page")
FIGURE_FIELDS = ("q", "unit", "kind", "since", "until", "site", "label")
SORTS = ("relevance", "date")
# What a hit on a document adds (index.search's SearchHit, when the index holds documents).
HIT_DOCUMENT_FIELDS = ("type", "document_id", "page", "article_url")
PAGE_SIZE = 10  # hits per search page
MAX_API_LIMIT = 100  # hits per /api/search page
MAX_PAGE = 10_000
MAX_ID_DIGITS = 18  # larger ids cannot be SQLite integers
HOME_LATEST = 10  # newest articles listed on the home page
HOME_SITES = 30  # busiest sites listed on the home page
FIGURES_TABLE_ROWS = 200
CHART_MAX_ROWS = 5000
_SAFE_CONTENT_TYPE = re.compile(r"[\w.+-]+/[\w.+-]+(?:\s*;\s*charset=[\w.:-]+)?", re.IGNORECASE)
_WARC_NAME = re.compile(r"[\w.-]+")
_WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")  # ASCII digits only: "²".isdigit() is True, int("²") fails
# The archived original of a document is served for download as its format's type, whatever the portal
# answered: a ".doc" that is really HTML must not become a page of this server.
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
_FILE_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


# ---------------------------------------------------------------- request parameters

def int_param(params: dict[str, str], name: str, default: int | None, low: int, high: int) -> int | None:
    raw = params.get(name, "")
    if raw == "":
        return default
    if not _WHOLE_NUMBER.fullmatch(raw) or not low <= int(raw) <= high:
        raise BadInput(f"parameter {name!r} must be a whole number from {low} to {high}, not {raw!r}")
    return int(raw)


def sort_param(params: dict[str, str]) -> str:
    sort = params.get("sort") or "relevance"
    if sort not in SORTS:
        raise BadInput(f"parameter 'sort' must be one of {', '.join(SORTS)}, not {sort!r}")
    return sort


def kind_param(params: dict[str, str]) -> str | None:
    kind = params.get("kind") or None
    if kind is not None and kind not in KIND_LABELS:
        raise BadInput(f"parameter 'kind' must be one of {', '.join(KIND_LABELS)}, not {kind!r}")
    return kind


def article_id(raw: str) -> int:
    if len(raw) > MAX_ID_DIGITS:
        raise NotFound(raw)
    return int(raw)


def safe_links(article: dict[str, Any]) -> dict[str, Any]:
    """The article with the URL of any image or attachment that is not an absolute http(s) URL set to null
    (``javascript:``, ``data:``, ...): neither the page nor the JSON hands such a link on."""
    for key in ("images", "attachments"):
        article[key] = [{**item, "url": safe_href(item.get("url"))} for item in article.get(key) or []]
    return article


def download_name(document: dict[str, Any]) -> str:
    """The original's file name for Content-Disposition: ASCII letters, digits, '.', '_', '-' only (no quote,
    no path, no header injection), ending in the document's format. Liferay portals put the file name
    mid-path (``/documents/1/2/bao-cao.pdf/<uuid>``): the last segment naming a document file wins."""
    try:
        segments = [unquote(s) for s in urlsplit(document.get("url") or "").path.split("/") if s]
    except ValueError:
        segments = []
    named = [s for s in segments if s.lower().endswith(tuple(f".{f}" for f in DOCUMENT_TYPES))]
    url_name = (named or segments or [""])[-1]
    stem = _FILE_NAME_UNSAFE.sub("-", unicodedata.normalize("NFKD", url_name).encode("ascii", "ignore").decode())
    stem = re.sub(r"-+\.", ".", stem).strip(".-_")[:100] or f"document-{int(document['id'])}"
    fmt = document.get("format")
    extension = f".{fmt}" if fmt in DOCUMENT_TYPES else ""
    return stem if not extension or stem.lower().endswith(extension) else stem + extension


def safe_content_type(headers: dict[str, str]) -> str:
    """The archived Content-Type when it is well-formed, else a type no browser renders."""
    value = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    value = value.strip()
    return value if _SAFE_CONTENT_TYPE.fullmatch(value) else "application/octet-stream"


# ---------------------------------------------------------------- the application

class App:
    """What each route does, independent of the HTTP plumbing."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.static = {name: (ctype, (WEB_DIR / "static" / name).read_bytes())
                       for name, ctype in STATIC_TYPES.items()}
        self.api_doc = API_DOC.read_text(encoding="utf-8")

    def routes(self) -> list[tuple[re.Pattern[str], Callable[..., Response]]]:
        table = [
            (r"/", self.search_page),
            (r"/articles/([0-9]+)", self.article_page),
            (r"/articles/([0-9]+)/archive", self.archive_page),
            (r"/documents/([0-9]+)", self.document_page),
            (r"/documents/([0-9]+)/original", self.document_original),
            (r"/archive/([0-9]+)", self.archived_copy),
            (r"/figures", self.figures_page),
            (r"/api", self.api_page),
            (r"/api/search", self.api_search),
            (r"/api/articles/([0-9]+)", self.api_article),
            (r"/api/documents/([0-9]+)", self.api_document),
            (r"/api/indicators", self.api_indicators),
            (r"/static/([a-z0-9-]+\.[a-z]+)", self.static_file),
        ]
        return [(re.compile(pattern), handler) for pattern, handler in table]

    # -- data access (each request opens its own Store: sqlite connections stay in one thread)

    def _article(self, raw_id: str) -> dict[str, Any]:
        from index.store import Store

        with Store.open(self.data_dir, create=False) as store:
            article = store.get_article(article_id(raw_id))
        if article is None:
            raise NotFound(raw_id)
        return safe_links(article)

    def _document(self, raw_id: str) -> dict[str, Any]:
        """The stored document: the Document JSON + id, fetched_at, archive, error."""
        from index.documents import get_document
        from index.store import Store

        with Store.open(self.data_dir, create=False) as store:
            document = get_document(store, article_id(raw_id))
        if document is None:
            raise NotFound(raw_id)
        document.pop("change_seq", None)  # the store's bookkeeping, not the document's
        return document

    def _articles_by_url(self, urls: Iterable[str]) -> dict[str, dict[str, Any]]:
        """url -> {"id", "title"} of the stored articles among ``urls`` (the articles documents hang off)."""
        from index.store import Store

        found = {}
        with Store.open(self.data_dir, create=False) as store:
            for url in dict.fromkeys(u for u in urls if isinstance(u, str)):
                row = store.conn.execute("SELECT id, title FROM articles WHERE url = ?", (url,)).fetchone()
                if row:
                    found[url] = {"id": row[0], "title": row[1]}
        return found

    def _document_ids(self, urls: Iterable[str]) -> dict[str, int]:
        """url -> id of the stored documents among ``urls``."""
        from index.store import Store

        with Store.open(self.data_dir, create=False) as store:
            return {url: row[0] for url in dict.fromkeys(urls)
                    if (row := store.conn.execute("SELECT id FROM documents WHERE url = ?", (url,)).fetchone())}

    def _search(self, params: dict[str, str], limit: int):
        from index.search import search

        page = int_param(params, "page", 1, 1, MAX_PAGE)
        return search(self.data_dir, params.get("q", ""), since=params.get("since") or None,
                      until=params.get("until") or None, site=params.get("site") or None,
                      category=params.get("category") or None, sort=sort_param(params),
                      limit=limit, page=page)

    def _indicators(self, params: dict[str, str], q: str | None, limit: int | None) -> Iterator[dict]:
        from index.figures import query_indicators

        return iter(query_indicators(
            self.data_dir, q or None, unit=params.get("unit") or None, kind=kind_param(params),
            since=params.get("since") or None, until=params.get("until") or None,
            site=params.get("site") or None, limit=limit))

    def _overview(self) -> dict[str, Any]:
        """What the home page shows before any search: size, newest articles, busiest sites."""
        from index.documents import count_documents
        from index.store import Store

        with Store.open(self.data_dir, create=False) as store:
            latest = store.conn.execute(
                "SELECT id, title, url, site, published FROM articles"
                " ORDER BY published DESC LIMIT ?", (HOME_LATEST,)).fetchall()
            sites = store.conn.execute(
                "SELECT site, COUNT(*) FROM articles GROUP BY site ORDER BY 2 DESC, 1 LIMIT ?",
                (HOME_SITES,)).fetchall()
            count, documents = store.count_articles(), count_documents(store)
        return {"count": count, "documents": documents,
                "latest": [dict(zip(("id", "title", "url", "site", "published"), row)) for row in latest],
                "sites": sites, "names": self._site_names([row[3] for row in latest] + [s for s, _ in sites])}

    def _chart_rows(self, params: dict[str, str], label: str) -> list[dict[str, Any]]:
        """Every figure with this label (and unit) under the page's kind, date and site filters, named by portal."""
        from index.figures import label_series

        rows = label_series(self.data_dir, label, params.get("unit") or None, kind=kind_param(params),
                            since=params.get("since") or None, until=params.get("until") or None,
                            site=params.get("site") or None, limit=CHART_MAX_ROWS)
        names = self._site_names(row["site"] for row in rows if row.get("site"))
        return [{**row, "site_name": names.get(row.get("site"))} for row in rows]

    def _site_names(self, hosts: Iterable[str]) -> dict[str, str]:
        """host -> the portal's name (from its newest article that has one), for the hosts shown."""
        from index.store import Store

        names = {}
        with Store.open(self.data_dir, create=False) as store:
            for host in dict.fromkeys(hosts):
                row = store.conn.execute(
                    "SELECT site_name FROM articles WHERE site = ? AND site_name <> ''"
                    " ORDER BY id DESC LIMIT 1", (host,)).fetchone()
                if row:
                    names[host] = row[0]
        return names

    # -- HTML pages

    def search_page(self, params: dict[str, str]) -> Response:
        shown = {k: params.get(k, "") for k in SEARCH_FIELDS}
        if not params.get("q"):
            return html_response(pages.search_page(shown, overview=self._overview()))
        started = time.perf_counter()
        try:
            result = self._search(params, PAGE_SIZE)
        except BadInput as err:
            return html_response(pages.search_page(shown, error=str(err)), 400)
        names = self._site_names(host for host, _ in pages.facet_sites(result.facets or {}))
        articles = self._articles_by_url(getattr(h, "article_url", None) for h in result.hits
                                         if pages.document_hit_id(h) is not None)
        return html_response(pages.search_page(shown, result, elapsed=time.perf_counter() - started,
                                               site_names=names, articles=articles))

    def article_page(self, params: dict[str, str], raw_id: str) -> Response:
        from index.documents import documents_of
        from index.store import Store

        article = self._article(raw_id)
        with Store.open(self.data_dir, create=False) as store:
            documents = documents_of(store, article["url"])
        return html_response(pages.article_page(article, documents))

    def document_page(self, params: dict[str, str], raw_id: str) -> Response:
        document = self._document(raw_id)
        article = self._articles_by_url([document.get("article_url")]).get(document.get("article_url"))
        return html_response(document_page(document, article))

    def document_original(self, params: dict[str, str], raw_id: str) -> Response:
        """The archived file, as a download of its format's type (never shown inline by the browser)."""
        document = self._document(raw_id)
        record = self._archived(document.get("archive") or {}, f"document {raw_id}", raw_id)
        ctype = DOCUMENT_TYPES.get(document.get("format"), "application/octet-stream")
        return Response(200, ctype, bytes(record.body),
                        {"Content-Disposition": f'attachment; filename="{download_name(document)}"',
                         "Content-Security-Policy": ARCHIVE_CSP})

    def archive_page(self, params: dict[str, str], raw_id: str) -> Response:
        article = self._article(raw_id)
        if not (article.get("archive") or {}).get("warc"):
            raise NotFound(raw_id)
        return html_response(pages.archive_page(article))

    def archived_copy(self, params: dict[str, str], raw_id: str) -> Response:
        record = self._archived(self._article(raw_id).get("archive") or {}, f"article {raw_id}", raw_id)
        return Response(200, safe_content_type(record.headers), bytes(record.body),
                        {"Content-Security-Policy": ARCHIVE_CSP})

    def _archived(self, archive: dict[str, Any], what: str, raw_id: str):
        """The response record a record's ``archive`` points at, found only inside the archive folder."""
        from base.warcread import read_record

        name, offset = archive.get("warc"), archive.get("offset")
        folder = warc_dir(self.data_dir).resolve()
        if not isinstance(name, str) or not _WARC_NAME.fullmatch(name) or not isinstance(offset, int):
            raise NotFound(raw_id)
        path = (folder / name).resolve()
        if path.parent != folder or not path.is_file():
            raise NotFound(raw_id)
        try:
            record = read_record(self.data_dir, name, offset)
        except Exception as err:  # a damaged or missing record is "not available", not a server crash
            print(f"govnews serve: cannot read archived copy of {what}: {err}", file=sys.stderr)
            raise NotFound(raw_id) from None
        if getattr(record, "record_type", "response") != "response":  # a revisit holds no page
            raise NotFound(raw_id)
        return record

    def figures_page(self, params: dict[str, str]) -> Response:
        shown = {k: params.get(k, "") for k in FIGURE_FIELDS}
        csv_params = {k: params.get(k) for k in ("q", "unit", "kind", "since", "until", "site")}
        csv_href = local_href("/api/indicators", {**csv_params, "format": "csv"})
        label = params.get("label") or None
        try:
            rows = list(islice(self._indicators(params, params.get("q"), FIGURES_TABLE_ROWS + 1),
                               FIGURES_TABLE_ROWS + 1))
            chart = line_chart(figure_series(self._chart_rows(params, label), label),
                               params.get("unit") or "") if label else ""
        except BadInput as err:
            return html_response(pages.figures_page(shown, None, csv_href=csv_href, error=str(err)), 400)
        truncated, rows = len(rows) > FIGURES_TABLE_ROWS, rows[:FIGURES_TABLE_ROWS]
        return html_response(pages.figures_page(
            shown, rows, truncated=truncated, chart=chart, chart_label=label,
            chart_unit=params.get("unit"), csv_href=csv_href,
            site_names=self._site_names(row["site"] for row in rows if row.get("site")),
            document_ids=self._document_ids(row["document_url"] for row in rows if row.get("document_url"))))

    def api_page(self, params: dict[str, str]) -> Response:
        return html_response(pages.layout("API", self.api_doc, "nav_api"))

    def static_file(self, params: dict[str, str], name: str) -> Response:
        if name not in self.static:
            raise NotFound(name)
        ctype, data = self.static[name]
        return Response(200, ctype, data, {"Cache-Control": "max-age=3600"})

    # -- JSON API

    def api_search(self, params: dict[str, str]) -> Response:
        if not params.get("q"):
            raise BadInput("missing query: give q, the words to search for")
        limit = int_param(params, "limit", PAGE_SIZE, 1, MAX_API_LIMIT)
        result = self._search(params, limit)
        hits = [{"id": h.id, "url": h.url, "title": h.title, "site": h.site, "site_name": h.site_name,
                 "published": h.published, "score": h.score, "snippet": h.snippet,
                 **{k: getattr(h, k) for k in HIT_DOCUMENT_FIELDS if hasattr(h, k)}} for h in result.hits]
        return json_response({"query": params.get("q", ""), "total": result.total, "page": result.page,
                              "pages": result.pages, "hits": hits, "facets": result.facets})

    def api_article(self, params: dict[str, str], raw_id: str) -> Response:
        return json_response(self._article(raw_id))

    def api_document(self, params: dict[str, str], raw_id: str) -> Response:
        return json_response(self._document(raw_id))

    def api_indicators(self, params: dict[str, str]) -> Response:
        fmt = params.get("format") or "json"
        if fmt not in ("json", "csv"):
            raise BadInput(f"parameter 'format' must be json or csv, not {fmt!r}")
        limit = int_param(params, "limit", None, 1, 10**9)
        rows = self._indicators(params, params.get("q"), limit)
        # Pull the first row now so that a bad query still becomes a 400, before any byte is sent.
        first = next(rows, None)
        rows = chain([first], rows) if first is not None else iter(())
        if fmt == "csv":
            return Response(200, "text/csv; charset=utf-8", _csv_writer(rows),
                            {"Content-Disposition": 'attachment; filename="govnews-indicators.csv"'})
        return Response(200, "application/json; charset=utf-8", _json_writer(rows))


def _json_writer(rows: Iterable[dict]) -> Callable[[BinaryIO], None]:
    def write(out: BinaryIO) -> None:
        out.write(b'{"indicators":[')
        count = 0
        for row in rows:
            out.write((b"," if count else b"") + to_json(row))
            count += 1
        out.write(b'],"count":' + str(count).encode() + b"}")
    return write


def _csv_writer(rows: Iterable[dict]) -> Callable[[BinaryIO], None]:
    def write(out: BinaryIO) -> None:
        from index.figures import write_csv

        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        try:
            write_csv(rows, text)
            text.flush()
        finally:
            text.detach()
    return write


def make_server(data_dir: Path, host: str = "127.0.0.1", port: int = 0, quiet: bool = True) -> GovnewsServer:
    """A server over ``data_dir`` (port 0 picks a free port); call serve_forever() and shutdown()."""
    data_dir = Path(data_dir)
    if not records_path(data_dir).is_file():
        raise BadInput(f"no govnews archive in {data_dir} (run `govnews crawl` or `govnews demo` first)")
    try:
        return GovnewsServer((host, port), App(data_dir), quiet=quiet)
    except OSError as err:
        raise BadInput(f"cannot listen on {host}:{port}: {err.strerror or err}") from None


def run_server(data_dir: Path, host: str = "127.0.0.1", port: int = 8080) -> int:
    """`govnews serve`: serve until Ctrl+C; exit code."""
    server = make_server(data_dir, host, port, quiet=False)
    bound_host, bound_port = server.server_address[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    print(f"govnews: serving {data_dir} at http://{shown}:{bound_port}/ (Ctrl+C to stop)", file=sys.stderr)
    if not server.loopback:
        print("govnews: warning: this address is reachable from other machines", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("govnews: stopped", file=sys.stderr)
    finally:
        server.server_close()
    return 0
