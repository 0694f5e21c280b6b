"""``govnews sites``: each archived site with its page counts and how complete its articles are."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO

from index.sites import site_summaries

COLUMNS = (("site", "site", 28), ("site_name", "portal", 28), ("pages_fetched", "fetched", 7),
           ("articles", "articles", 8), ("not_articles", "other", 6), ("failed", "failed", 6),
           ("documents", "docs", 5), ("with_date", "date", 5), ("with_author", "author", 6),
           ("with_views", "views", 5), ("with_figures", "figures", 7), ("first", "from", 10), ("last", "to", 10),
           ("template", "template", 40))


def _cell(value: object, width: int) -> str:
    if isinstance(value, dict):  # a learned template: how much it saw, what it reads
        fields = ",".join(value["fields"]) or "chrome only"
        value = f"{value['pages']} pages: {fields}; {value['changed']}/{value['applied']} refined"
    if isinstance(value, float):
        text = f"{round(value * 100)}%"
    else:
        text = "" if value is None else str(value)
    return (text if len(text) <= width else text[:width - 1] + "…").ljust(width)


def run_sites(data_dir: Path, fmt: str = "table", stream: IO[str] | None = None, db: str | None = None) -> int:
    out = stream or sys.stdout
    summaries = site_summaries(data_dir, db)
    if fmt == "jsonl":
        for summary in summaries:
            out.write(json.dumps(summary.to_dict(), ensure_ascii=False) + "\n")
        return 0
    out.write("  ".join(h.ljust(w) for _, h, w in COLUMNS).rstrip() + "\n")
    for summary in summaries:
        row = summary.to_dict()
        out.write("  ".join(_cell(row[key], w) for key, _, w in COLUMNS).rstrip() + "\n")
    if not summaries:
        out.write("(no sites archived yet)\n")
    return 0
