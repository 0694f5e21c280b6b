"""``govnews index``: bring the search index up to date, or rebuild it, and say what was done."""
from __future__ import annotations

import time
from pathlib import Path

from index.backend import db_url, open_store
from index.searchindex import update_index
from index.store import Store


def run_index(data_dir: Path, rebuild: bool = False, quiet: bool = False, db: str | None = None) -> int:
    """``govnews index [--rebuild]``."""
    if db_url(db):  # PostgreSQL indexes each article as it is stored (generated tsvector, GIN index)
        with open_store(data_dir, db, create=False) as store:
            print(f"PostgreSQL keeps the search index with the records: {store.count_articles()} article(s)")
        return 0
    started = time.monotonic()
    done = update_index(data_dir, rebuild=rebuild, progress=not quiet)
    if not quiet:
        with Store.open(data_dir, create=False) as store:
            total = store.count_articles()
        what = "rebuilt the index" if rebuild else "index up to date"
        print(f"{what}: {done} article(s) indexed, {total} in the records ({time.monotonic() - started:.1f} s)")
    return 0
