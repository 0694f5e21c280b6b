"""The PostgreSQL records store: the store tests of tests/test_store.py on PgStore, plus what only it has.

The tests imported from test_store run here against a real PostgreSQL (``pg_url``: an empty schema of a
database made for this session), with the same assertions as on SQLite.
"""
from __future__ import annotations

import threading

import psycopg
import pytest
from conftest import pg_schema
from test_store import (  # noqa: F401  (collected here again, with this module's ``store`` fixture)
    make_article,
    scalar,
    test_article_without_url_is_rejected,
    test_failed_save_leaves_previous_version_intact,
    test_iter_articles_streams_in_id_order,
    test_round_trip_keeps_article_json_exactly,
    test_unchanged_changed_and_versions,
)

from base.errors import BadInput
from index.pgstore import SCHEMA_VERSION, PgStore, open_pg_records


@pytest.fixture
def store(pg_url):
    with PgStore.open(pg_url) as s:
        yield s


def test_schema_version_and_reopen(pg_url):
    with PgStore.open(pg_url) as s:
        assert s.schema_version() == SCHEMA_VERSION
        s.save_article(make_article(), fetched_at="t")
    with PgStore.open(pg_url, create=False) as s:
        assert s.count_articles() == 1
    # plain SQL (psql, pandas) reads it; the folded text vector has no diacritics
    with psycopg.connect(pg_url) as conn:
        title, folded = conn.execute("SELECT title, fts_folded::text FROM articles").fetchone()
        assert title.startswith("Hội nghị") and "'hoi':" in folded and "'long':" in folded
        assert "'hội'" not in folded


def test_newer_schema_is_bad_input(pg_url):
    PgStore.open(pg_url).close()
    with psycopg.connect(pg_url) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'store_schema'")
    for create in (True, False):
        with pytest.raises(BadInput, match="records schema 99, newer than this govnews"):
            PgStore.open(pg_url, create=create)


def test_missing_or_empty_records_are_bad_input(pg_url):
    with pytest.raises(BadInput, match="no records in .*run govnews crawl --db first"):
        PgStore.open(pg_url, create=False)
    PgStore.open(pg_url).close()
    with pytest.raises(BadInput, match="no records"):
        open_pg_records(pg_url)


@pytest.mark.parametrize("url, message", [
    ("mysql://x@localhost/db", "--db must be a postgresql://"),
    ("postgresql://root@127.0.0.1:1/none", "cannot connect to postgresql://root@127.0.0.1:1/none: .*refused"),
    ("postgresql:///govnews_no_such_database_here", 'cannot connect to .*govnews_no_such_database_here.*not exist'),
    ("postgresql://[::1/x", "cannot connect|--db must be"),
])
def test_unusable_urls_are_one_line_bad_input(url, message):
    with pytest.raises(BadInput, match=message) as info:
        PgStore.open(url)
    assert "\n" not in str(info.value)


def test_read_only_user(pg_url, pg_database):
    with PgStore.open(pg_url) as s:
        s.save_article(make_article(), fetched_at="t")
    schema = pg_url.rsplit("%3D", 1)[1]
    role = f"ro_{schema}"
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN")
        conn.execute(f"GRANT USAGE ON SCHEMA {schema} TO {role}")
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {role}")
    try:
        # the local socket only trusts the login's own name: become the read-only role at connection start
        ro_url = f"{pg_url}%20-crole%3D{role}"
        with PgStore.open(ro_url, create=False) as reader:  # reading is fine
            assert reader.count_articles() == 1
        with pytest.raises(BadInput, match="may read but not write"):
            PgStore.open(ro_url)
    finally:
        with psycopg.connect(pg_database, autocommit=True) as conn:
            conn.execute(f"DROP OWNED BY {role}")
            conn.execute(f"DROP ROLE {role}")


def test_writers_in_threads_share_one_store_and_change_seq_stays_unique(pg_url):
    errors: list[BaseException] = []
    with PgStore.open(pg_url) as shared:
        def write(start: int) -> None:
            try:
                for n in range(start, start + 15):
                    shared.save_article(make_article(n), fetched_at="t")
                    shared.save_article(make_article(n % 5), fetched_at="t")  # the same URLs from every thread
            except BaseException as err:  # pragma: no cover - reported below
                errors.append(err)

        threads = [threading.Thread(target=write, args=(i * 100,)) for i in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        assert shared.count_articles() == 45 + 5 - len({0, 1, 2, 3, 4} & set(range(0, 15)))
        assert scalar(shared, "SELECT COUNT(DISTINCT change_seq) FROM articles") == shared.count_articles()


def test_dropped_connection_is_replaced_and_nothing_lost(pg_url):
    with PgStore.open(pg_url) as s:
        s.save_article(make_article(1), fetched_at="t")
        with psycopg.connect(pg_url, autocommit=True) as admin:  # the server drops every connection of the store
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                          " WHERE datname = current_database() AND pid != pg_backend_pid()")
        assert s.save_article(make_article(2), fetched_at="t")[1] == "new"
        assert s.count_articles() == 2


def test_save_articles_in_bulk_gives_what_one_by_one_does(pg_url, pg_database):
    def where(n):
        return {"fetched_at": f"t{n}", "warc": "w", "offset": n, "content_hash": f"h{n}"}

    changed = make_article(1, title="Tiêu đề mới")
    with PgStore.open(pg_url) as bulk:
        bulk.save_article(make_article(1), **{"offset": 0, "fetched_at": "t", "warc": "w"})
        batch = [(make_article(n), where(n)) for n in range(2, 7)] + [
            (changed, where(7)), (make_article(2), where(8)), (make_article(9, views=1), where(9)),
            (make_article(9, views=2), where(10))]
        got = bulk.save_articles(batch)
        assert [status for _, status in got] == ["new"] * 5 + ["changed", "unchanged", "new", "unchanged"]
        assert got[0][0] != got[1][0] and got[6][0] == got[0][0] and got[7][0] == got[8][0]
        by_bulk = {a["url"]: a for a in bulk.iter_articles()}
        versions = bulk.article_versions(got[5][0])
    with pg_schema(pg_database) as other, PgStore.open(other) as single:
        single.save_article(make_article(1), **{"offset": 0, "fetched_at": "t", "warc": "w"})
        for article, w in batch:
            single.save_article(article, fetched_at=w["fetched_at"], warc=w["warc"], offset=w["offset"],
                                content_hash=w["content_hash"])
        by_one = {a["url"]: a for a in single.iter_articles()}
        assert [v["article"] for v in versions] == [v["article"] for v in single.article_versions(
            by_one[changed.url]["id"])]
    strip = ("id",)
    assert {u: {k: v for k, v in a.items() if k not in strip} for u, a in by_bulk.items()} == \
        {u: {k: v for k, v in a.items() if k not in strip} for u, a in by_one.items()}
    assert by_bulk[make_article(9).url]["views"] == 2 and by_bulk[make_article(2).url]["fetched_at"] == "t8"
