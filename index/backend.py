"""The one place that chooses where records and search live: the data folder (SQLite + whoosh) or PostgreSQL.

``--db URL`` (else ``$GOVNEWS_DB``) selects PostgreSQL; without it nothing changes. Commands call
``open_store`` / ``open_records`` / ``search`` here instead of choosing themselves.
"""
from __future__ import annotations

import os
from pathlib import Path

from base.errors import BadInput
from index.pgstore import PgStore, open_pg_records
from index.search import SearchResult
from index.store import Store
from index.store import open_records as open_sqlite_records

DB_ENV = "GOVNEWS_DB"


def db_url(db: str | None = None) -> str | None:
    """The PostgreSQL URL asked for (``--db``, else ``$GOVNEWS_DB``), or None for the data folder."""
    return db or os.environ.get(DB_ENV) or None


def uses_postgres(db: str | None = None) -> bool:
    return db_url(db) is not None


def open_store(data_dir: Path, db: str | None = None, *, create: bool = True) -> Store | PgStore:
    """The records store to write or read (``Store.open`` / ``PgStore.open``)."""
    url = db_url(db)
    return PgStore.open(url, create=create) if url else Store.open(data_dir, create=create)


def open_records(data_dir: Path, db: str | None = None) -> Store | PgStore:
    """The records store, which must already hold articles (search, export, figures)."""
    url = db_url(db)
    return open_pg_records(url) if url else open_sqlite_records(data_dir)


def search(data_dir: Path, query: str, *, db: str | None = None, **options) -> SearchResult:
    """``index.search.search`` on the data folder, or ``index.pgsearch.search`` on the records in PostgreSQL."""
    url = db_url(db)
    if url:
        if options.pop("kind", None) == "document":
            raise BadInput("documents are searched in the data folder's index; PostgreSQL search has articles only")
        from index.pgsearch import search as pg_search  # the embedded default never loads it

        return pg_search(url, query, **options)
    from index.search import search as whoosh_search

    return whoosh_search(data_dir, query, **options)
