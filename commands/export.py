"""``govnews export``: all articles with their figures, to a file or stdout."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from base.errors import BadInput
from index import documents as D
from index.backend import open_records, open_store
from index.export import (
    FORMATS,
    atomic_text,
    export_csv,
    export_documents_csv,
    export_jsonl,
    export_parquet,
    indicators_path,
)


def run_export(data_dir: Path, fmt: str, out: str | os.PathLike | None = None, stream: IO[str] | None = None,
               documents: bool = False, db: str | None = None) -> int:
    """``govnews export --format jsonl|csv|parquet [--out PATH] [--documents] [--db URL]``."""
    if fmt not in FORMATS:
        raise BadInput(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt != "jsonl" and not out:
        raise BadInput(f"--out PATH is needed for --format {fmt}")
    target = Path(out) if out else None
    if target is not None and target.is_dir():
        raise BadInput(f"--out {target} is a folder: give a file name")
    with (open_store(data_dir, db, create=False) if documents else open_records(data_dir, db)) as store:
        records = D.iter_documents(store) if documents else store.iter_articles()
        if fmt == "jsonl" and target is None:
            count = export_jsonl(records, stream or sys.stdout)
        elif fmt == "jsonl":
            with atomic_text(target) as f:
                count = export_jsonl(records, f)
        elif fmt == "csv":
            count = (export_documents_csv if documents else export_csv)(records, target)
        else:
            count = export_parquet(records, target, documents=documents)
    if target is not None:
        extra = f" and {indicators_path(target)}" if fmt == "csv" else ""
        what = "document" if documents else "article"
        print(f"exported {count} {what}(s) to {target}{extra}", file=sys.stderr)
    return 0
