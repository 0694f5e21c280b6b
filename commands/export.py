"""``govnews export``: all articles with their figures, to a file or stdout."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from base.errors import BadInput
from index.export import (
    FORMATS,
    _atomic_text,
    export_csv,
    export_jsonl,
    export_parquet,
    indicators_path,
)
from index.store import open_records


def run_export(data_dir: Path, fmt: str, out: str | os.PathLike | None = None, stream: IO[str] | None = None) -> int:
    """``govnews export --format jsonl|csv|parquet [--out PATH]``."""
    if fmt not in FORMATS:
        raise BadInput(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt != "jsonl" and not out:
        raise BadInput(f"--out PATH is needed for --format {fmt}")
    target = Path(out) if out else None
    if target is not None and target.is_dir():
        raise BadInput(f"--out {target} is a folder: give a file name")
    with open_records(data_dir) as store:
        articles = store.iter_articles()
        if fmt == "jsonl" and target is None:
            count = export_jsonl(articles, stream or sys.stdout)
        elif fmt == "jsonl":
            with _atomic_text(target) as f:
                count = export_jsonl(articles, f)
        elif fmt == "csv":
            count = export_csv(articles, target)
        else:
            count = export_parquet(articles, target)
    if target is not None:
        extra = f" and {indicators_path(target)}" if fmt == "csv" else ""
        print(f"exported {count} article(s) to {target}{extra}", file=sys.stderr)
    return 0
