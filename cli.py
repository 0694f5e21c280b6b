"""The ``govnews`` command: argument parsing and wiring only.

Each sub-command hands its arguments to one function in a package. Errors the
user can fix (``BadInput``) become a one-line message and exit status 2; a bug
becomes a one-line message and exit status 1 (set GOVNEWS_DEBUG=1 for the traceback).
"""
from __future__ import annotations

import argparse
import os
import sys

from base.errors import BadInput
from base.settings import setting

EXIT_OK, EXIT_ERROR, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as BadInput (exit 2, one line)."""

    def error(self, message: str):  # noqa: D401 - argparse API
        raise BadInput(f"{self.prog}: {message}")


def _add_data(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", metavar="DIR", help="data folder (default: $GOVNEWS_DATA or ./govnews-data)")


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", help="records and search in PostgreSQL (postgresql://user@host/dbname;"
                   " default: $GOVNEWS_DB, else the data folder)")


def _add_setting(p: argparse.ArgumentParser, name: str) -> None:
    """An option whose default, type and help come from the settings table."""
    spec = setting(name)
    shown = "" if spec.default is None else f" (default: {spec.default})"
    p.add_argument("--" + name.replace("_", "-"), type=spec.type, default=spec.default, help=spec.help + shown)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="govnews",
                     description="Archive, extract, index and search Vietnamese government portal news.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("extract", help="extract articles from HTML files, URLs or - (stdin)")
    p.add_argument("sources", nargs="+", metavar="SRC")
    p.add_argument("--url", help="the page's URL when SRC is a file or stdin")
    p.add_argument("--text", action="store_true", help="inputs are plain article text: print body and indicators")
    p.add_argument("--format", choices=["json", "jsonl", "text"], default="json")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("crawl", help="crawl portals into the archive, records and index (resumable)")
    p.add_argument("seeds", nargs="+", metavar="SEED_URL")
    _add_data(p)
    for name in ("max_pages", "delay", "concurrency", "max_depth", "user_agent"):
        _add_setting(p, name)
    _add_db(p)
    p.add_argument("--shard", metavar="I/N", help="crawl only the hosts of shard I of N (0 <= I < N), by host name")
    _add_setting(p, "lease_seconds")
    p.add_argument("--subdomains", action="store_true", help="also crawl subdomains of the seeds' hosts")
    p.add_argument("--allow-domain", action="append", default=[], metavar="HOST",
                   help="also crawl this host (repeatable)")
    p.add_argument("--no-attachments", action="store_true", help="do not fetch linked PDF/DOC/XLS files")
    p.add_argument("--ocr", action="store_true", help="at the end, read the scanned pages of documents by OCR")
    p.add_argument("--quiet", action="store_true", help="no progress display")
    p.set_defaults(func=cmd_crawl)

    p = sub.add_parser("reprocess", help="re-extract every archived page and re-index (or, with --spark, "
                                         "WARC files on Apache Spark into Parquet)")
    _add_data(p)
    _add_db(p)
    p.add_argument("--quiet", action="store_true")
    p.add_argument("--spark", action="store_true", help="run on Spark: WARC files in, Parquet datasets out")
    p.add_argument("warcs", nargs="*", metavar="WARC", help="with --spark: WARC files, folders or globs")
    p.add_argument("--out", metavar="DIR", help="with --spark: where the Parquet datasets go")
    p.add_argument("--master", metavar="URL",
                   help="with --spark: Spark master URL (default: spark-submit's, else local[*])")
    p.add_argument("--ocr", action="store_true", help="with --spark: OCR scanned attachments")
    p.set_defaults(func=cmd_reprocess)

    p = sub.add_parser("ocr", help="read the scanned pages of stored documents by OCR (resumable)")
    _add_data(p)
    p.add_argument("--max-pages", type=int, metavar="N", help="read at most N pages in this run")
    p.add_argument("--workers", type=int, metavar="N", help="Tesseract processes at once (default: one per core)")
    p.add_argument("--quiet", action="store_true", help="no progress display")
    p.set_defaults(func=cmd_ocr)

    p = sub.add_parser("index", help="bring the search index up to date with the records")
    _add_data(p)
    _add_db(p)
    p.add_argument("--rebuild", action="store_true", help="rebuild the index from scratch")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="full-text search")
    p.add_argument("query", metavar="QUERY")
    _add_data(p)
    _add_db(p)
    _add_setting(p, "limit")
    p.add_argument("--page", type=int, default=1)
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument("--site", metavar="HOST")
    p.add_argument("--category")
    p.add_argument("--documents", action="store_true",
                   help="only documents (attachments read: PDF, Word, Excel, scans), one hit per page")
    p.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("indicators", help="the extracted figures, filtered")
    p.add_argument("query", nargs="?", metavar="QUERY")
    _add_data(p)
    _add_db(p)
    p.add_argument("--unit")
    p.add_argument("--kind", choices=["count", "percent", "ratio", "money", "measure"])
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument("--site", metavar="HOST")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--format", choices=["table", "csv", "jsonl"], default=None,
                   help="default: table on a terminal, csv otherwise")
    p.set_defaults(func=cmd_indicators)

    p = sub.add_parser("export", help="all articles with their indicators")
    _add_data(p)
    p.add_argument("--format", choices=["jsonl", "csv", "parquet"], required=True)
    p.add_argument("--out", metavar="PATH", help="output file (default: stdout for jsonl)")
    p.add_argument("--documents", action="store_true", help="export the attachments read (documents) instead")
    _add_db(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("serve", help="web search page and JSON API")
    _add_data(p)
    _add_setting(p, "host")
    _add_setting(p, "port")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("sites", help="each archived site: page counts and share of articles with date/author/views")
    _add_data(p)
    _add_db(p)
    p.add_argument("--format", choices=["table", "jsonl"], default="table")
    p.set_defaults(func=cmd_sites)

    p = sub.add_parser("migrate", help="copy a data folder's records into PostgreSQL (idempotent, resumable)")
    _add_data(p)
    p.add_argument("--db", metavar="URL", required=True, help="postgresql://user@host/dbname")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("demo", help="crawl the bundled sample portals offline and show searches and figures")
    _add_data(p)
    p.set_defaults(func=cmd_demo)
    return parser


def cmd_extract(args) -> int:
    from commands.extract import run_extract

    return run_extract(args.sources, url=args.url, text_mode=args.text, fmt=args.format)


def cmd_crawl(args) -> int:
    from base.datadir import resolve_data_dir
    from crawler.pgfrontier import parse_shard
    from crawler.pipeline import CrawlOptions, crawl
    from index.backend import db_url

    db = db_url(args.db)
    options = CrawlOptions(
        max_pages=args.max_pages, delay=args.delay, concurrency=args.concurrency,
        max_depth=args.max_depth, user_agent=args.user_agent, subdomains=args.subdomains,
        allow_domains=args.allow_domain, attachments=not args.no_attachments,
        quiet=args.quiet, db=db, shard=parse_shard(args.shard), lease_seconds=args.lease_seconds,
        update_index=db is None,  # PostgreSQL indexes each article as it is stored
        ocr=args.ocr,
    )
    return crawl(args.seeds, resolve_data_dir(args.data), options)


def cmd_reprocess(args) -> int:
    from base.datadir import resolve_data_dir
    from crawler.pipeline import reprocess
    from index.backend import db_url

    if args.spark or args.warcs or args.out or args.master or args.ocr:
        from commands.reprocess_spark import run_reprocess_spark

        if not args.spark:
            raise BadInput("reprocess: WARC files, --out, --master and --ocr go with --spark")
        return run_reprocess_spark(args.warcs, args.out, master=args.master, ocr=args.ocr, quiet=args.quiet)
    return reprocess(resolve_data_dir(args.data), quiet=args.quiet, db=db_url(args.db))


def cmd_ocr(args) -> int:
    from base.datadir import resolve_data_dir
    from commands.ocr import run_ocr

    return run_ocr(resolve_data_dir(args.data), max_pages=args.max_pages, workers=args.workers, quiet=args.quiet)


def cmd_index(args) -> int:
    from base.datadir import resolve_data_dir
    from commands.index import run_index

    return run_index(resolve_data_dir(args.data), rebuild=args.rebuild, quiet=args.quiet, db=args.db)


def cmd_search(args) -> int:
    from base.datadir import resolve_data_dir
    from commands.search import run_search

    return run_search(
        resolve_data_dir(args.data), args.query, limit=args.limit, page=args.page, since=args.since,
        until=args.until, site=args.site, category=args.category, sort=args.sort, fmt=args.format, db=args.db,
        kind="document" if args.documents else None,
    )


def cmd_indicators(args) -> int:
    from base.datadir import resolve_data_dir
    from commands.figures import run_indicators

    fmt = args.format or ("table" if sys.stdout.isatty() else "csv")
    return run_indicators(
        resolve_data_dir(args.data), args.query, unit=args.unit, kind=args.kind, since=args.since,
        until=args.until, site=args.site, limit=args.limit, fmt=fmt, db=args.db,
    )


def cmd_export(args) -> int:
    from base.datadir import resolve_data_dir
    from commands.export import run_export

    return run_export(resolve_data_dir(args.data), fmt=args.format, out=args.out, documents=args.documents,
                      db=args.db)


def cmd_serve(args) -> int:
    from base.datadir import resolve_data_dir
    from web.serve import run_server

    return run_server(resolve_data_dir(args.data), host=args.host, port=args.port)


def cmd_sites(args) -> int:
    from base.datadir import resolve_data_dir
    from commands.sites import run_sites

    return run_sites(resolve_data_dir(args.data), fmt=args.format, db=args.db)

def cmd_migrate(args) -> int:
    from base.datadir import resolve_data_dir
    from commands.migrate import run_migrate

    return run_migrate(resolve_data_dir(args.data), args.db, quiet=args.quiet)


def cmd_demo(args) -> int:
    from commands.demo import run_demo

    return run_demo(args.data)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return EXIT_BAD_INPUT
        return args.func(args) or EXIT_OK
    except BadInput as err:
        print(f"govnews: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("govnews: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `govnews ... | head` closed the pipe; not an error worth reporting.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as err:  # a bug: still one line unless asked for details
        if os.environ.get("GOVNEWS_DEBUG"):
            raise
        print(f"govnews: internal error: {type(err).__name__}: {err}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
