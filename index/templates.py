"""Per-site templates in the records store (table ``site_templates``, described in ``index/store.py``).

What a template is and how it is learned and applied: ``extract/template.py``. The functions take a ``Store``
or a ``PgStore`` (index/pgstore.py; the same SQL, ``?`` placeholders).
"""
from __future__ import annotations

import json

from index.store import Store, now_iso


def save_template(store: Store, site: str, template: dict, pages: int) -> None:
    """Keep (or replace) the template learned for ``site`` from ``pages`` pages; its counts start again."""
    with store.transaction() as conn:
        conn.execute("INSERT INTO site_templates (site, pages, applied, changed, learned_at, data)"
                     " VALUES (?, ?, 0, 0, ?, ?) ON CONFLICT (site) DO UPDATE SET pages = excluded.pages,"
                     " applied = 0, changed = 0, learned_at = excluded.learned_at, data = excluded.data",
                     (site, pages, now_iso(), json.dumps(template, ensure_ascii=False)))

def count_template_use(store: Store, site: str, applied: int, changed: int) -> None:
    with store.transaction() as conn:
        conn.execute("UPDATE site_templates SET applied = applied + ?, changed = changed + ? WHERE site = ?",
                     (applied, changed, site))

def get_template(store: Store, site: str) -> dict | None:
    """{"site", "pages", "applied", "changed", "learned_at", "template"} or None."""
    row = store.conn.execute("SELECT site, pages, applied, changed, learned_at, data FROM site_templates"
                            " WHERE site = ?", (site,)).fetchone()
    if row is None:
        return None
    return dict(zip(("site", "pages", "applied", "changed", "learned_at"), row[:5]), template=json.loads(row[5]))

def templates(store: Store) -> dict[str, dict]:
    sites = [r[0] for r in store.conn.execute("SELECT site FROM site_templates ORDER BY site")]
    return {site: get_template(store, site) for site in sites}

def site_article_locations(store: Store, site: str) -> list[tuple[int, str, str, int]]:
    """(id, url, warc, offset) of a site's articles that have an archived response, in id order."""
    return store.conn.execute("SELECT id, url, warc, warc_offset FROM articles WHERE site = ? AND warc IS NOT NULL"
                             " ORDER BY id", (site,)).fetchall()

def article_counts_by_site(store: Store) -> dict[str, int]:
    return dict(store.conn.execute("SELECT site, COUNT(*) FROM articles GROUP BY site").fetchall())
