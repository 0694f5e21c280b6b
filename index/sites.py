"""Per archived site: what was crawled, what was stored, and how complete the stored articles are.

``govnews sites`` prints it; the numbers let a user see at a glance where extraction is weak (a portal whose
articles have no author or date although its pages show one) and how much of a portal was reached.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from index import templates as T
from index.backend import open_store


@dataclass
class SiteSummary:
    site: str
    site_name: str | None
    articles: int  # stored as articles
    documents: int  # attachments read
    pages_fetched: int  # every fetched URL of the host (pages, listings, attachments), from the crawl state
    not_articles: int  # listings and other pages
    failed: int
    with_date: float  # shares of the stored articles, 0-1
    with_author: float
    with_views: float
    with_figures: float
    first: str | None  # earliest and latest publication date
    last: str | None
    template: dict | None = None  # the learned template: pages learned from, fields it reads, use counts


    def to_dict(self) -> dict:
        return asdict(self)


# SQL both backends speak (SQLite, PostgreSQL: index/backend.py chooses).
_ARTICLE_SQL = """
SELECT site, MAX(site_name), COUNT(*), COUNT(published), COUNT(author), COUNT(views),
       SUM(CASE WHEN EXISTS (SELECT 1 FROM indicators i WHERE i.article_id = a.id) THEN 1 ELSE 0 END),
       MIN(substr(published, 1, 10)), MAX(substr(published, 1, 10))
FROM articles a GROUP BY site
"""
_CRAWL_SQL = """
SELECT host, SUM(CASE WHEN status NOT IN ('queued', 'robots', 'skipped') THEN 1 ELSE 0 END),
       SUM(CASE WHEN status = 'not_article' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END)
FROM crawl_urls GROUP BY host
"""
_DOCUMENTS_SQL = """
SELECT a.site, COUNT(DISTINCT d.id) FROM documents d JOIN articles a ON a.url = d.article_url GROUP BY a.site
"""


def site_summaries(data_dir: Path, db: str | None = None) -> list[SiteSummary]:
    """One summary per site that has stored articles or crawled pages, most articles first.

    ``db``: the records and crawl state in PostgreSQL (``--db``), else the data folder's."""
    with open_store(data_dir, db, create=False) as store:
        conn = store.conn
        crawled = {}
        if store.has_table("crawl_urls"):
            crawled = {row[0]: row[1:] for row in conn.execute(_CRAWL_SQL)}
        documents = dict(conn.execute(_DOCUMENTS_SQL).fetchall())
        learned = {site: _template_summary(row) for site, row in T.templates(store).items()}
        out = []
        for site, name, count, dated, authored, viewed, figured, first, last in conn.execute(_ARTICLE_SQL):
            fetched, not_articles, failed = crawled.pop(site, (0, 0, 0))
            out.append(SiteSummary(site or "", name, count, documents.get(site, 0), fetched or 0, not_articles or 0,
                                   failed or 0, dated / count, authored / count, viewed / count, figured / count,
                                   first, last, learned.get(site)))
        for host, (fetched, not_articles, failed) in crawled.items():  # crawled, nothing stored
            out.append(SiteSummary(host, None, 0, 0, fetched or 0, not_articles or 0, failed or 0,
                                   0.0, 0.0, 0.0, 0.0, None, None))
    return sorted(out, key=lambda s: (-s.articles, s.site))


def _template_summary(row: dict) -> dict:
    template = row["template"]
    return {"pages": row["pages"], "applied": row["applied"], "changed": row["changed"],
            "learned_at": row["learned_at"], "chrome_lines": len(template.get("chrome", ())),
            "placeholders": template.get("placeholders", []),
            "fields": {name: f["path"] for name, f in template.get("fields", {}).items()}}
