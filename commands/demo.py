"""``govnews demo``: the whole pipeline on the bundled sample portals, offline, in seconds.

It serves the sample portals of ``samples/site/`` on 127.0.0.1 (free ports),
crawls them with fast politeness settings into a data folder, brings the search
index up to date, prints a few searches (one typed without diacritics) and a
table of figures, and says how to browse the result with ``govnews serve``.

Without ``--data`` the folder is a new temporary directory that is kept (its
path is printed) so it can be served afterwards. The portals' ports are saved in
the folder (``DEMO_PORTS_FILE``): running the demo again on the same folder
serves the portals on the same ports, so the second run is an incremental crawl
of the same URLs rather than a copy of everything under new ones.
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import TextIO

from base.errors import BadInput
from commands.figures import shorten
from index.figures import format_number
from samples.server import SampleSites, load_manifest

DEMO_DELAY = 0.05  # seconds between two requests to one portal: the portals are local
DEMO_PORTS_FILE = "demo-portals.json"
CMS_LABELS = {"liferay": "Liferay", "nukeviet": "NukeViet", "wordpress": "WordPress", "sharepoint": "SharePoint"}
# (query, why it is shown): the first is typed without diacritics on purpose.
DEMO_SEARCHES = (
    ("cai cach hanh chinh", "typed without diacritics"),
    ("hộ nghèo", "with diacritics"),
    ("giải ngân vốn đầu tư công", "a phrase"),
)
# A report attached to a sample article (a real text-layer PDF), found by a phrase typed without diacritics.
DEMO_DOCUMENT_QUERY = "nuoc sinh hoat hop ve sinh"
DEMO_DOCUMENT_FIGURES = 6
DEMO_FIGURES_QUERY = "hộ nghèo"
DEMO_FIGURES_ROWS = 10
FIGURES_PER_ARTICLE = 2
HITS_SHOWN = 3
SNIPPET_CHARS = 150


def run_demo(data_arg: str | None, out: TextIO | None = None) -> int:
    """Serve, crawl, index, search, show figures; returns the exit code."""
    from crawler.pipeline import CrawlOptions, crawl
    from index.searchindex import update_index
    from index.store import Store

    out = out or sys.stdout
    data_dir, ports = _data_dir(data_arg)
    manifest = load_manifest()
    try:
        sites = SampleSites(ports=ports).start()
    except OSError as err:
        raise BadInput(f"cannot serve the sample portals on the ports saved in {data_dir / DEMO_PORTS_FILE} "
                       f"({err.strerror}); use a new --data folder") from err
    names: dict[str, str] = {}
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        (data_dir / DEMO_PORTS_FILE).write_text(json.dumps(
            {name: int(base.rsplit(":", 1)[1]) for name, base in sites.base_urls.items()}) + "\n", encoding="utf-8")
        print(f"govnews demo: {len(sites.base_urls)} sample portals served on 127.0.0.1 (no network needed)", file=out)
        for name, base in sites.base_urls.items():
            info = manifest["sites"][name]
            names[base + "/"] = info["short_name"]
            print(f"  {info['short_name']:24} {CMS_LABELS.get(info['cms'], info['cms']):11} {base}/", file=out)
        print(f"\nCrawling them into {data_dir} (delay {DEMO_DELAY:g} s between requests to a portal)...", file=out)
        out.flush()
        started = time.monotonic()
        options = CrawlOptions(delay=DEMO_DELAY, quiet=not sys.stderr.isatty())
        code = crawl(sites.seeds, data_dir, options)
        elapsed = time.monotonic() - started
    finally:
        sites.stop()
    if code != 0:
        print(f"govnews demo: the crawl ended with exit status {code}; see {data_dir / 'crawl.log'}", file=sys.stderr)
        return code
    update_index(data_dir)
    with Store.open(data_dir) as store:
        count = store.count_articles()
    print(f"Stored {count} articles in {elapsed:.1f} s; search index up to date.", file=out)
    if not count:
        print("govnews demo: no article was stored; see the crawl log", file=sys.stderr)
        return 1
    for query, why in DEMO_SEARCHES:
        _show_search(data_dir, query, why, names, out)
    _show_document(data_dir, out)
    _show_figures(data_dir, names, out)
    print("\nNext:", file=out)
    print(f"  govnews serve --data {data_dir}        then open http://127.0.0.1:8080/", file=out)
    print(f'  govnews search "nong thon moi" --data {data_dir}', file=out)
    print(f"  govnews indicators --unit ha --data {data_dir}", file=out)
    if data_arg is None:
        print(f"The data folder is kept for that; delete it when done: rm -r {data_dir}", file=out)
    return 0


def _data_dir(data_arg: str | None) -> tuple[Path, dict[str, int] | None]:
    """The folder to crawl into and, when a previous demo used it, that demo's ports."""
    if data_arg is None:
        return Path(tempfile.mkdtemp(prefix="govnews-demo-")), None
    data_dir = Path(data_arg)
    if data_dir.exists() and not data_dir.is_dir():
        raise BadInput(f"{data_dir} is not a folder")
    saved = data_dir / DEMO_PORTS_FILE
    if saved.exists():
        try:
            ports = {str(k): int(v) for k, v in json.loads(saved.read_text(encoding="utf-8")).items()}
        except (ValueError, AttributeError) as err:
            raise BadInput(f"{saved} is damaged; use a new --data folder") from err
        return data_dir, ports
    if data_dir.exists() and any(data_dir.iterdir()):
        raise BadInput(f"{data_dir} already holds other data; give govnews demo a new or empty folder")
    return data_dir, None


def _show_search(data_dir: Path, query: str, why: str, names: dict[str, str], out: TextIO) -> None:
    from index.search import search

    result = search(data_dir, query, limit=HITS_SHOWN)
    print(f'\nSearch "{query}" ({why}): {result.total} hit{"s" if result.total != 1 else ""}', file=out)
    for rank, hit in enumerate(result.hits, 1):
        day = (hit.published or "")[:10] or "----------"
        print(f"  {rank}. {day}  {_portal(hit.url, hit.site, names)}", file=out)
        print(f"     {hit.title or hit.url}", file=out)
        snippet = " ".join(hit.snippet.split())
        if snippet:
            print(f"     {shorten(snippet, SNIPPET_CHARS)}", file=out)


def _show_document(data_dir: Path, out: TextIO) -> None:
    """The attached report a search finds, with its metadata and the figures read from it."""
    from index import documents
    from index.search import search
    from index.store import Store

    result = search(data_dir, DEMO_DOCUMENT_QUERY, kind="document", limit=1)
    print(f'\nSearch "{DEMO_DOCUMENT_QUERY}" in the attached documents: {result.total} hit(s)', file=out)
    if not result.hits:
        return
    hit = result.hits[0]
    with Store.open(data_dir) as store:
        doc = documents.get_document(store, hit.document_id)
    print(f"  {doc['kind'] or 'Văn bản'} {doc['number'] or doc['name']}, {doc['issuer'] or ''}, {doc['date'] or ''}"
          f" (page {hit.page}, attached to {hit.article_url})", file=out)
    print(f"     {shorten(doc['subject'] or '', SNIPPET_CHARS)}", file=out)
    for figure in doc["indicators"][:DEMO_DOCUMENT_FIGURES]:
        total = f"/{format_number(figure['total'])}" if figure["total"] is not None else ""
        print(f"     p.{figure['page']}  {format_number(figure['value'])}{total} {figure['unit'] or ''}"
              f"  {shorten(figure['label'] or '', 60)}", file=out)


def _show_figures(data_dir: Path, names: dict[str, str], out: TextIO) -> None:
    from index.figures import query_indicators

    rows: list[dict] = []
    per_article: dict[int, int] = {}
    for row in query_indicators(data_dir, DEMO_FIGURES_QUERY):  # streamed, newest articles first
        # a few figures from each of several articles shows more than one article's whole list
        if per_article.get(row["article_id"], 0) < FIGURES_PER_ARTICLE:
            per_article[row["article_id"]] = per_article.get(row["article_id"], 0) + 1
            rows.append(row)
            if len(rows) == DEMO_FIGURES_ROWS:
                break
    print(f'\nFigures about "{DEMO_FIGURES_QUERY}", a few per article (all of them: '
          f'govnews indicators "{DEMO_FIGURES_QUERY}" --data {data_dir}):', file=out)
    header = f"  {'date':10}  {'portal':22}  {'value':>14}  {'unit':10}  {'what':44}"
    print(header, file=out)
    for row in rows:
        total = row.get("total")
        value = format_number(row["value"]) + ("/" + format_number(total) if total is not None else "")
        what = row.get("label") or row.get("sentence") or ""
        portal = _portal(row.get("url") or "", row.get("site"), names)
        unit = shorten(row.get("unit") or "", 10)
        print(f"  {(row.get('published') or '')[:10]:10}  {shorten(portal, 22):22}"
              f"  {value:>14}  {unit:10}  {shorten(' '.join(what.split()), 44)}", file=out)
    if not rows:
        print("  (no figures found)", file=out)


def _portal(url: str, site: str | None, names: dict[str, str]) -> str:
    """The portal's name for a URL (every sample portal is host 127.0.0.1; only the port differs)."""
    return next((name for base, name in names.items() if url.startswith(base)), site or "")

