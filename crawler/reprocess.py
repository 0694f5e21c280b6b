"""``govnews reprocess``: run every archived HTML page through today's extractor (no network), update the
records, then the search index."""
from __future__ import annotations

import sys
from pathlib import Path

from base.datadir import records_path
from base.errors import BadInput
from base.warcread import read_record
from crawler.analyze import analyze
from crawler.documents import read_attachments
from crawler.options import CrawlOptions, Stats
from crawler.pgfrontier import open_crawl_stores
from crawler.progress import crawl_log, progress_bar
from crawler.slots import Scheduler
from crawler.templates import learn_site_templates, load_templates
from crawler.urls import Scope, is_print_view
from crawler.writer import Writer
from extract.template import SiteTemplate
from index.templates import count_template_use

BATCH = 200  # archived pages read from the state at a time


def reprocess(data_dir: Path, quiet: bool = False, db: str | None = None) -> int:
    """Re-extract every archived HTML page, update the records and the search index. Exit code.

    Site templates are learned again first (from the page rules alone), so every page, early ones included,
    is extracted with its site's template. ``db``: the records and crawl state are in PostgreSQL (the WARC
    files named there are read from ``data_dir``); PostgreSQL indexes each article as it is stored, so
    there is no index to update.
    """
    from index.searchindex import update_index

    data_dir = Path(data_dir)
    if db is None and not records_path(data_dir).exists():
        raise BadInput(f"no records in {data_dir}: run govnews crawl first")
    data_dir.mkdir(parents=True, exist_ok=True)  # for crawl.log
    options = CrawlOptions(quiet=quiet, attachments=False, db=db)
    store, state = open_crawl_stores(data_dir, db=db, delay=options.delay, agent=options.agent,
                                     lease_s=options.lease_seconds)
    hosts = [f"{r['scheme']}://{r['host']}/" for r in state.hosts()]
    stats = Stats()
    scheduler = Scheduler(state, Scope.from_seeds(hosts or ["http://localhost/"]), options, stats)
    writer = Writer(state, store, None, scheduler, options, stats)
    try:
        with crawl_log(data_dir):
            learn_site_templates(data_dir, store)
            pages = reextract_all(writer, data_dir, load_templates(store), quiet=quiet)
            documents = read_attachments(data_dir, store, state, force=True)
    finally:
        state.close()
        store.close()
    if db is None:
        update_index(data_dir, progress=not quiet and sys.stderr.isatty())
    if not quiet:
        print(f"reprocessed {pages} archived pages: articles {stats.new} new, {stats.changed} changed, "
              f"{stats.unchanged} unchanged, {stats.duplicates} duplicates, {stats.failed} failed; documents "
              f"{documents.new} new, {documents.changed} changed, {documents.unchanged} unchanged, "
              f"{documents.unreadable} unreadable", file=sys.stderr)
    return 0


def reextract_all(writer: Writer, data_dir: Path, templates: dict[str, SiteTemplate], *, quiet: bool = True,
                  sites: set[str] | None = None) -> int:
    """Run the archived pages (of ``sites`` only, when given) through today's extractor; pages done.

    Each template's use is counted in the store: pages it was applied to, and how many of them it changed.
    """
    state = writer.state
    progress = progress_bar(quiet, "reprocess", state.archived_page_count())
    pages = last = 0
    use: dict[str, list[int]] = {}
    try:
        while rows := state.archived_pages(last, BATCH):
            for row in rows:
                last = row["id"]
                if progress is not None:
                    progress.update(1)
                if sites is not None and row["host"] not in sites:
                    continue
                template = templates.get(row["host"])
                changed = writer.stats.changed
                reextract(writer, data_dir, dict(row), template)
                state.commit()
                pages += 1
                if template is not None:
                    counts = use.setdefault(row["host"], [0, 0])
                    counts[0] += 1
                    counts[1] += writer.stats.changed - changed
    finally:
        if progress is not None:
            progress.close()
        for site, (applied, changed) in use.items():
            count_template_use(writer.store, site, applied, changed)
    return pages


def reextract(writer: Writer, data_dir: Path, row: dict, template: SiteTemplate | None = None) -> None:
    """Run one page archived earlier through today's extractor."""
    state = writer.state
    try:
        old = read_record(data_dir, row["warc"], row["warc_offset"])
    except BadInput as err:
        state.update(row["id"], reason=f"archive unreadable: {err}"[:300])
        return
    content_type = old.headers.get("content-type", "").split(";")[0].strip().lower()
    analysis = analyze(row["url"], old.status, content_type, old.body, old.charset, old.truncated, template)
    if analysis.kind != "html":
        return
    common = {"content_hash": analysis.content_hash, "fetched_at": row["fetched_at"], "warc": row["warc"],
              "warc_offset": row["warc_offset"]}
    article = analysis.article
    if analysis.error is not None:
        state.update(row["id"], status="failed", reason=analysis.error)
        writer.stats.failed += 1
    elif article is None or article.page_type != "article" or is_print_view(row["url"]):
        state.update(row["id"], status="not_article", reason=None, page_type=article.page_type if article else None)
    else:
        writer.store_article(row, article, analysis.content_hash, common)
