"""``govnews index``: bring the search index up to date, or rebuild it, and say what was done."""
from __future__ import annotations

import time
from pathlib import Path

from index.searchindex import update_index
from index.store import Store


def run_index(data_dir: Path, rebuild: bool = False, quiet: bool = False) -> int:
    """``govnews index [--rebuild]``."""
    started = time.monotonic()
    done = update_index(data_dir, rebuild=rebuild, progress=not quiet)
    if not quiet:
        with Store.open(data_dir, create=False) as store:
            total = store.count_articles()
        what = "rebuilt the index" if rebuild else "index up to date"
        print(f"{what}: {done} article(s) indexed, {total} in the records ({time.monotonic() - started:.1f} s)")
    return 0
