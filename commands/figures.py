"""``govnews indicators``: the figures as a table for people, CSV for spreadsheets or JSON lines for tools."""
from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from index.figures import format_number, query_indicators, write_csv, write_jsonl
from index.search import QueryError

TABLE_COLUMNS = (
    ("published", "date", 10), ("site", "site", 26), ("value", "value", 16), ("unit", "unit", 10),
    ("kind", "kind", 7), ("label", "label", 40), ("title", "article", 50),
)


def _cell(row: dict, key: str) -> str:
    value = row[key]
    if key == "published":
        return (value or "")[:10]
    if key == "value":
        text = format_number(value)
        if row["total"] is not None:
            text += "/" + format_number(row["total"])
        elif row["upper"] is not None:
            text += "–" + format_number(row["upper"])
        return text
    return "" if value is None else " ".join(str(value).split())


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, an ellipsis marking the cut."""
    return text if len(text) <= width else text[:width - 1] + "…"


def write_table(rows: Iterable[dict], stream: IO[str], width: int | None = None) -> int:
    """A readable table, one figure per line, columns cut to fit the terminal."""
    width = width or shutil.get_terminal_size((160, 24)).columns
    header = "  ".join(h.ljust(w) for _, h, w in TABLE_COLUMNS)
    stream.write(header[:width].rstrip() + "\n")
    count = 0
    for row in rows:
        line = "  ".join(shorten(_cell(row, k), w).ljust(w) for k, _, w in TABLE_COLUMNS)
        stream.write(line[:width].rstrip() + "\n")
        count += 1
    if not count:
        stream.write("(no figures match)\n")
    return count


def run_indicators(data_dir: Path, query: str | None = None, unit=None, kind=None, since=None, until=None,
                   site=None, limit=None, fmt: str = "table", stream: IO[str] | None = None,
                   db: str | None = None) -> int:
    """``govnews indicators``."""
    out = stream or sys.stdout
    rows = query_indicators(data_dir, query, unit=unit, kind=kind, since=since, until=until, site=site, limit=limit,
                            db=db)
    if fmt == "csv":
        write_csv(rows, out)
    elif fmt == "jsonl":
        write_jsonl(rows, out)
    elif fmt == "table":
        write_table(rows, out)
    else:
        raise QueryError(f"--format must be table, csv or jsonl, not {fmt!r}")
    return 0
