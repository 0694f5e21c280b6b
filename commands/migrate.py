"""``govnews migrate --data DIR --db URL``: copy a data folder's records (articles, documents, site templates)
into PostgreSQL.

Idempotent: an article already there with the same content is "unchanged" (the store's own rule), so
running it twice, or merging a second crawl's folder into the same database, stores no duplicates
(identity is the canonical URL; a different content becomes a new version). Resumable: the last
article id copied from this folder is kept in the database's ``meta`` table after every batch, and
a run that was stopped continues after it. An article's older versions are copied before it (in
order), when the database does not have that article yet, so its history moves too.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from base.datadir import records_path
from extract.models import Article
from index.documents import iter_documents, save_document
from index.pgstore import PgStore
from index.store import Store

PROGRESS_EVERY = 500  # articles between progress saves (and lines on stderr)


def run_migrate(data_dir: Path, db: str, quiet: bool = False) -> int:
    """Copy every article (with figures, attachments, images, versions) of ``data_dir`` into ``db``."""
    started = time.monotonic()
    with Store.open(data_dir, create=False) as source, PgStore.open(db) as target:
        key = f"migrated:{records_path(Path(data_dir)).resolve()}"
        after = int(_meta(target, key) or 0)
        counts = {"new": 0, "changed": 0, "unchanged": 0}
        last = after
        for n, article in enumerate(source.iter_articles(after_id=after), 1):
            for status in _copy(source, target, article):
                counts[status] += 1
            last = article["id"]
            if n % PROGRESS_EVERY == 0:
                _set_meta(target, key, str(last))
                if not quiet:
                    print(f"migrate: {n} article(s) copied…", file=sys.stderr)
        _set_meta(target, key, str(last))
        documents = _copy_documents(source, target, f"{key}:documents")
        templates = _copy_templates(source, target)
        total = target.count_articles()
    resumed = f" (resumed after article {after})" if after else ""
    print(f"migrated {data_dir} into {target.path}{resumed}: {counts['new']} new, {counts['changed']} changed,"
          f" {counts['unchanged']} unchanged; {total} article(s) in the database; {documents['new']} document(s)"
          f" new, {documents['changed']} changed, {documents['unchanged']} unchanged; {templates} site template(s)"
          f" ({time.monotonic() - started:.1f} s)")
    return 0


def _copy_documents(source: Store, target: PgStore, key: str) -> dict[str, int]:
    """Copy the attachments read (idempotent as articles: the same content is "unchanged"; resumable)."""
    after = int(_meta(target, key) or 0)
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    last = after
    for n, doc in enumerate(iter_documents(source, after_id=after), 1):
        content_hash = source.conn.execute("SELECT content_hash FROM documents WHERE id = ?", (doc["id"],)).fetchone()
        fields = {k: v for k, v in doc.items() if k not in ("id", "fetched_at", "archive", "error", "change_seq")}
        counts[save_document(target, fields, fetched_at=doc["fetched_at"], warc=doc["archive"]["warc"],
                             offset=doc["archive"]["offset"], content_hash=content_hash[0],
                             error=doc["error"])[1]] += 1
        last = doc["id"]
        if n % PROGRESS_EVERY == 0:
            _set_meta(target, key, str(last))
    _set_meta(target, key, str(last))
    return counts


def _copy_templates(source: Store, target: PgStore) -> int:
    """Copy the site templates with their counts (a folder's template replaces the database's for its site)."""
    rows = source.conn.execute("SELECT site, pages, applied, changed, learned_at, data FROM site_templates").fetchall()
    with target.transaction() as conn:
        conn.executemany(
            "INSERT INTO site_templates (site, pages, applied, changed, learned_at, data) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (site) DO UPDATE SET pages = excluded.pages, applied = excluded.applied,"
            " changed = excluded.changed, learned_at = excluded.learned_at, data = excluded.data", rows)
    return len(rows)


def _copy(source: Store, target: PgStore, article: dict) -> list[str]:
    """Save one article (its older versions first when the database is new to it); the statuses of the saves."""
    statuses = []
    if target.get_article_by_url(article["url"]) is None:
        for version in source.article_versions(article["id"]):
            statuses.append(target.save_article(
                Article.from_dict(version["article"]), fetched_at=version["fetched_at"],
                warc=version["archive"]["warc"], offset=version["archive"]["offset"])[1])
    fields = {k: v for k, v in article.items() if k not in ("id", "fetched_at", "archive")}
    statuses.append(target.save_article(
        Article.from_dict(fields), fetched_at=article["fetched_at"], warc=article["archive"]["warc"],
        offset=article["archive"]["offset"], content_hash=_content_hash(source, article["id"]))[1])
    return statuses


def _content_hash(source: Store, article_id: int) -> str | None:
    row = source.conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def _meta(store: PgStore, key: str) -> str | None:
    with store.pg_transaction() as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = %s", (key,)).fetchone()
    return row[0] if row else None


def _set_meta(store: PgStore, key: str, value: str) -> None:
    with store.pg_transaction() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE"
                     " SET value = excluded.value", (key, value))
