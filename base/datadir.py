"""Where govnews keeps its three stores, and the names inside the data folder."""
from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DATA_DIR = "govnews-data"
RECORDS_FILE = "records.sqlite"  # SQLite: crawl state, articles, indicators
WARC_DIR = "warc"  # the archive: *.warc.gz
INDEX_DIR = "index"  # whoosh search index, rebuildable from the records
LOG_FILE = "crawl.log"


def resolve_data_dir(arg: str | os.PathLike | None = None) -> Path:
    """``--data DIR``, else ``$GOVNEWS_DATA``, else ``./govnews-data``."""
    return Path(arg or os.environ.get("GOVNEWS_DATA") or DEFAULT_DATA_DIR)


def records_path(data_dir: Path) -> Path:
    return Path(data_dir) / RECORDS_FILE


def warc_dir(data_dir: Path) -> Path:
    return Path(data_dir) / WARC_DIR


def index_dir(data_dir: Path) -> Path:
    return Path(data_dir) / INDEX_DIR
