"""The command line on PostgreSQL: govnews migrate (articles, documents, templates; idempotent, resumable,
merging), search/index --db, bad URLs."""
from __future__ import annotations

import json
import re

import psycopg
import pytest
from search_corpus import ARTICLES, fill_store
from test_store_documents import PDF_URL, make_document

import cli
from commands import migrate
from index.documents import iter_documents, save_document
from index.pgstore import PgStore
from index.store import Store
from index.templates import count_template_use, save_template, templates


@pytest.fixture
def folder(tmp_path):
    data_dir = tmp_path / "data"
    fill_store(data_dir, ARTICLES)
    changed = ARTICLES[0]
    with Store.open(data_dir) as store:  # one article with an older version
        store.save_article(type(changed)(**{**changed.__dict__, "title": changed.title + " (cập nhật)"}),
                           fetched_at="2023-12-01T00:00:00+00:00", warc="govnews-00002.warc.gz", offset=7)
        save_document(store, make_document(), fetched_at="2023-12-02T00:00:00+00:00", warc="a.warc.gz", offset=9,
                      content_hash="h1")
        save_document(store, {"url": PDF_URL + "?2", "format": "pdf"}, fetched_at="t", error="encrypted PDF")
        save_template(store, "x.gov.vn", {"site": "x.gov.vn", "pages": 30, "fields": {}}, pages=30)
        count_template_use(store, "x.gov.vn", applied=30, changed=4)
    return data_dir


def documents_and_templates(store) -> tuple[list[dict], dict]:
    docs = [{k: v for k, v in d.items() if k not in ("id", "change_seq")} for d in iter_documents(store)]
    return docs, templates(store)


def test_migrate_copies_everything_and_is_idempotent(folder, pg_url, capsys):
    assert cli.main(["migrate", "--data", str(folder), "--db", pg_url, "--quiet"]) == 0
    assert f"{len(ARTICLES)} article(s) in the database" in capsys.readouterr().out
    with Store.open(folder) as source, PgStore.open(pg_url) as target:
        assert target.count_articles() == source.count_articles()
        for article in source.iter_articles():
            copy = target.get_article_by_url(article["url"])
            assert {k: v for k, v in copy.items() if k != "id"} == {k: v for k, v in article.items() if k != "id"}
        url = ARTICLES[0].url
        old, new = source.get_article_by_url(url), target.get_article_by_url(url)
        assert [v["article"] for v in target.article_versions(new["id"])] == [
            v["article"] for v in source.article_versions(old["id"])]
        assert documents_and_templates(target) == documents_and_templates(source)
        assert len(documents_and_templates(target)[0]) == 2
    # again, and as a merge of another folder holding the same records: nothing new
    migrate_key = "migrated:%"
    with psycopg.connect(pg_url) as conn:
        conn.execute("DELETE FROM meta WHERE key LIKE %s", (migrate_key,))
    assert cli.main(["migrate", "--data", str(folder), "--db", pg_url, "--quiet"]) == 0
    out = capsys.readouterr().out
    assert " 0 new, 0 changed," in out and f"{len(ARTICLES)} article(s) in the database" in out
    assert "0 document(s) new, 0 changed, 2 unchanged; 1 site template(s)" in out


def test_migrate_resumes_after_a_stop(folder, pg_url, monkeypatch, capsys):
    monkeypatch.setattr(migrate, "PROGRESS_EVERY", 3)
    real_copy, copied = migrate._copy, []

    def copy_then_stop(source, target, article):
        if len(copied) == 7:
            raise KeyboardInterrupt
        copied.append(article["id"])
        return real_copy(source, target, article)

    monkeypatch.setattr(migrate, "_copy", copy_then_stop)
    assert cli.main(["migrate", "--data", str(folder), "--db", pg_url, "--quiet"]) == 130
    monkeypatch.setattr(migrate, "_copy", real_copy)
    assert cli.main(["migrate", "--data", str(folder), "--db", pg_url, "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "resumed after article 6" in out and " 0 changed" in out
    with PgStore.open(pg_url) as target:
        assert target.count_articles() == len(ARTICLES)


def test_search_and_index_with_db(folder, pg_url, capsys, monkeypatch):
    assert cli.main(["migrate", "--data", str(folder), "--db", pg_url, "--quiet"]) == 0
    capsys.readouterr()
    assert cli.main(["search", "cai cach hanh chinh", "--db", pg_url, "--format", "json", "--limit", "3"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert first["url"].endswith("/-/cchc")
    monkeypatch.setenv("GOVNEWS_DB", pg_url)  # the environment chooses the same
    assert cli.main(["search", "BHYT", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["url"].endswith("/-/bhyt")
    assert cli.main(["index"]) == 0
    assert f"{len(ARTICLES)} article(s)" in capsys.readouterr().out


@pytest.mark.parametrize("url, message", [
    ("postgresql://root@127.0.0.1:1/x", "cannot connect to postgresql://root@127.0.0.1:1/x: .*refused"),
    ("http://example/db", "--db must be a postgresql://"),
])
def test_bad_db_urls_exit_2_with_one_line(folder, url, message, capsys):
    assert cli.main(["search", "hộ nghèo", "--db", url]) == 2
    assert cli.main(["migrate", "--data", str(folder), "--db", url]) == 2
    for line in capsys.readouterr().err.splitlines():
        assert line.startswith("govnews: ")
        assert re.search(message, line)


def test_newer_schema_exits_2(folder, pg_url, capsys):
    assert cli.main(["migrate", "--data", str(folder), "--db", pg_url, "--quiet"]) == 0
    with psycopg.connect(pg_url) as conn:
        conn.execute("UPDATE meta SET value = '7' WHERE key = 'store_schema'")
    capsys.readouterr()
    assert cli.main(["search", "hộ nghèo", "--db", pg_url]) == 2
    assert cli.main(["migrate", "--data", str(folder), "--db", pg_url]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all("records schema 7, newer than this govnews" in line for line in err)


def test_export_with_db_gives_the_folders_records(folder, pg_url, capsys):
    assert cli.main(["migrate", "--data", str(folder), "--db", pg_url, "--quiet"]) == 0
    capsys.readouterr()
    lines = {}
    for where in (["--data", str(folder)], ["--db", pg_url]):
        for what in ([], ["--documents"]):
            assert cli.main(["export", "--format", "jsonl", *where, *what]) == 0
            records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
            lines[(where[0], bool(what))] = sorted(
                ({k: v for k, v in r.items() if k not in ("id", "change_seq")} for r in records),
                key=lambda r: r["url"])
    assert lines[("--db", False)] == lines[("--data", False)] and len(lines[("--db", False)]) == len(ARTICLES)
    assert lines[("--db", True)] == lines[("--data", True)] and len(lines[("--db", True)]) == 2


def test_indicators_with_db_gives_the_folders_figures(folder, pg_url, capsys):
    assert cli.main(["migrate", "--data", str(folder), "--db", pg_url, "--quiet"]) == 0
    capsys.readouterr()
    rows = {}
    for where in (["--data", str(folder)], ["--db", pg_url]):
        assert cli.main(["indicators", "--format", "jsonl", *where]) == 0
        rows[where[0]] = [{k: v for k, v in json.loads(line).items() if k != "article_id"}
                          for line in capsys.readouterr().out.splitlines()]
    assert rows["--db"] == rows["--data"]
    assert any(r["document_url"] == PDF_URL for r in rows["--db"]) and len(rows["--db"]) > 5
