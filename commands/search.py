"""``govnews search``: a search result for people (text) or tools (one JSON object per hit)."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

from index.backend import search
from index.search import SearchResult

FACET_LINES = 10  # facet values shown in text output
JSON_FIELDS = ("url", "title", "site", "published", "score", "snippet", "type")
DOCUMENT_FIELDS = ("document_id", "page", "article_url")  # only on document hits


def run_search(data_dir: Path, query: str, limit: int = 10, page: int = 1, since=None, until=None, site=None,
               category=None, sort: str = "relevance", fmt: str = "text", stream=None, db: str | None = None,
               kind: str | None = None) -> int:
    """``govnews search``: text for people, or one JSON object per hit (``--format json``).

    ``kind`` ("article" | "document") keeps one kind of hit; a document hit is one page of it.
    """
    out = stream or sys.stdout
    result = search(data_dir, query, db=db, since=since, until=until, site=site, category=category, sort=sort,
                    limit=limit, page=page, kind=kind)
    if fmt == "json":
        for hit in result.hits:
            fields = JSON_FIELDS + (DOCUMENT_FIELDS if hit.type == "document" else ())
            row = {k: v for k, v in asdict(hit).items() if k in fields}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return 0
    _print_text(result, limit, out)
    return 0


def _print_text(result: SearchResult, limit: int, out) -> None:
    if not result.total:
        out.write("no results\n")
        return
    first = (result.page - 1) * limit + 1
    out.write(f"{result.total} result(s); page {result.page} of {result.pages}\n\n")
    for n, hit in enumerate(result.hits, first):
        day = (hit.published or "")[:10] or "no date"
        title = hit.title or "(no title)"
        if hit.type == "document":
            title = f"[document, page {hit.page}] {title}"
        out.write(f"{n}. {title}\n   {day} · {hit.site_name or hit.site or ''} · {hit.url}\n")
        if hit.article_url:
            out.write(f"   attached to {hit.article_url}\n")
        if hit.snippet:
            out.write(f"   {hit.snippet}\n")
        out.write("\n")
    for name, counts in result.facets.items():
        if counts:
            top = list(counts.items())[:FACET_LINES]
            out.write(f"by {name}: " + ", ".join(f"{k} ({v})" for k, v in top) + "\n")
