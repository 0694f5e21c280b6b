"""The crawl state's schema: an older data folder is migrated in place, a newer one refused."""
import sqlite3

import pytest

from crawler.state import SCHEMA_VERSION, CrawlState, connect


def test_schema_1_gains_the_referrer_column(tmp_path):
    conn = sqlite3.connect(tmp_path / "records.sqlite")
    conn.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        INSERT INTO meta VALUES ('crawl_schema', '1');
        CREATE TABLE crawl_urls (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, host TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'page', depth INTEGER NOT NULL DEFAULT 0, priority INTEGER NOT NULL DEFAULT 2,
            status TEXT NOT NULL DEFAULT 'queued', reason TEXT, dup_of TEXT, gen INTEGER NOT NULL DEFAULT 0,
            pattern TEXT, parent_pattern TEXT, hops INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,
            next_try REAL NOT NULL DEFAULT 0, http_status INTEGER, page_type TEXT, etag TEXT, last_modified TEXT,
            content_hash TEXT, article_url TEXT, warc TEXT, warc_offset INTEGER, warc_date TEXT, fetched_at TEXT);
        INSERT INTO crawl_urls (url, host) VALUES ('http://h/old', 'h');
    """)
    conn.close()
    state = CrawlState(connect(tmp_path))
    try:
        assert state.get("http://h/old")["referrer"] is None
        assert state.enqueue(url="http://h/a.pdf", host="h", kind="attachment", depth=1, priority=2, gen=1,
                             pattern="h/a.pdf?", parent_pattern=None, referrer="http://h/old")
        assert state.get("http://h/a.pdf")["referrer"] == "http://h/old"
        version = state.query("SELECT value FROM meta WHERE key = 'crawl_schema'").fetchone()[0]
        assert int(version) == SCHEMA_VERSION
    finally:
        state.close()


def test_newer_schema_is_refused(tmp_path):
    connect(tmp_path).close()
    conn = sqlite3.connect(tmp_path / "records.sqlite")
    conn.execute("UPDATE meta SET value = ? WHERE key = 'crawl_schema'", (str(SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        connect(tmp_path)
