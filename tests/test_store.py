"""The records store: identity by URL, new/changed/unchanged, versions, streaming, migrations."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from base.errors import BadInput
from extract.models import Article, Attachment, Image, Indicator
from index.store import SCHEMA_VERSION, Store, open_records


def make_article(n: int = 1, **over) -> Article:
    body = (f"Sáng ngày 02/8/2023, huyện tổ chức hội nghị số {n}. "
            "Tổng số 2.358 hồ sơ được tiếp nhận, đạt 95%.")
    fields = dict(
        url=f"https://minhlong.quangngai.gov.vn/-/tin-{n}", site="minhlong.quangngai.gov.vn",
        site_name="UBND huyện Minh Long", title=f"Hội nghị sơ kết cải cách hành chính {n}",
        published="2023-08-18T16:01:00+07:00", author="Hà Trinh", views=158, body=body,
        attachments=[Attachment(url="https://minhlong.quangngai.gov.vn/documents/ke-hoach.pdf", name="Kế hoạch 2553")],
        images=[Image(url="https://minhlong.quangngai.gov.vn/hoi-nghi.jpg", caption="Quang cảnh hội nghị")],
        indicators=[
            Indicator(text="2.358 hồ sơ", start=57, end=68, value=2358, unit="hồ sơ", kind="count",
                      label="hồ sơ được tiếp nhận", period="6 tháng đầu năm 2023", sentence="Tổng số 2.358 hồ sơ"),
            Indicator(text="95%", start=84, end=87, value=95.5, unit="%", kind="percent", estimate=True,
                      change="tăng", approx="khoảng"),
        ],
    )
    fields.update(over)
    return Article(**fields)


def scalar(store, sql: str, *params):
    """One value from the store's database, on either backend (both take SQLite's ? placeholders)."""
    return store.conn.execute(sql, params).fetchone()[0]


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "data") as s:
        yield s


def test_round_trip_keeps_article_json_exactly(store):
    article = make_article()
    article_id, status = store.save_article(article, fetched_at="2023-08-19T00:00:00+00:00",
                                            warc="govnews-00001.warc.gz", offset=1234, content_hash="abc")
    assert status == "new"
    got = store.get_article(article_id)
    expected = article.to_dict()
    assert {k: got[k] for k in expected} == expected
    assert got["id"] == article_id
    assert got["fetched_at"] == "2023-08-19T00:00:00+00:00"
    assert got["archive"] == {"warc": "govnews-00001.warc.gz", "offset": 1234}
    # integers stay integers, reals stay reals, booleans come back as booleans
    assert type(got["indicators"][0]["value"]) is int and type(got["indicators"][1]["value"]) is float
    assert got["indicators"][1]["estimate"] is True and got["indicators"][0]["estimate"] is False
    assert Article.from_dict({k: got[k] for k in expected}) == article
    assert store.get_article_by_url(article.url)["id"] == article_id
    assert store.get_article(999) is None and store.get_article_by_url("http://nope/") is None


def test_unchanged_changed_and_versions(store):
    article = make_article()
    aid, status = store.save_article(article, fetched_at="t1", warc="w1", offset=1)
    assert status == "new"
    seq1 = store.max_change_seq()

    # only the view counter moved: same version, but the fetch is recorded
    article.views = 200
    assert store.save_article(article, fetched_at="t2", warc="w2", offset=2) == (aid, "unchanged")
    got = store.get_article(aid)
    assert got["views"] == 200 and got["fetched_at"] == "t2" and got["archive"] == {"warc": "w2", "offset": 2}
    assert store.max_change_seq() == seq1 and store.article_versions(aid) == []

    article.body += "\n\nĐoạn bổ sung."
    article.indicators = article.indicators[:1]
    assert store.save_article(article, fetched_at="t3", warc="w3", offset=3) == (aid, "changed")
    got = store.get_article(aid)
    assert got["body"].endswith("Đoạn bổ sung.") and len(got["indicators"]) == 1
    assert store.max_change_seq() > seq1
    versions = store.article_versions(aid)
    assert len(versions) == 1 and versions[0]["rev"] == 1
    assert versions[0]["archive"] == {"warc": "w2", "offset": 2} and versions[0]["fetched_at"] == "t2"
    assert not versions[0]["article"]["body"].endswith("Đoạn bổ sung.")
    assert len(versions[0]["article"]["indicators"]) == 2
    assert scalar(store, "SELECT rev FROM articles WHERE id = ?", aid) == 2
    # children were replaced, not appended
    assert scalar(store, "SELECT COUNT(*) FROM indicators") == 1
    assert store.count_articles() == 1


def test_failed_save_leaves_previous_version_intact(store, monkeypatch):
    article = make_article()
    aid, _ = store.save_article(article, fetched_at="t1")
    article.title = "Tiêu đề mới"
    article.indicators = [Indicator(text="x", start=0, end=1, value=object(), unit="u", kind="count")]
    with pytest.raises(Exception):  # noqa: B017 - each backend's driver raises its own error type
        store.save_article(article, fetched_at="t2")  # the bad indicator value fails mid-transaction
    got = store.get_article(aid)
    assert got["title"].startswith("Hội nghị") and len(got["indicators"]) == 2
    assert store.article_versions(aid) == []


def test_iter_articles_streams_in_id_order(store, monkeypatch):
    monkeypatch.setattr("index.store.ITER_BATCH", 3)
    for n in range(10):
        store.save_article(make_article(n), fetched_at="t")
    ids = [a["id"] for a in store.iter_articles()]
    assert ids == sorted(ids) and len(ids) == 10
    assert [a["id"] for a in store.iter_articles(after_id=ids[6])] == ids[7:]
    assert all(len(a["indicators"]) == 2 and a["attachments"] for a in store.iter_articles())
    # a changed article moves to the end of the change order
    changed = make_article(2, title="Đổi tiêu đề")
    store.save_article(changed, fetched_at="t")
    seqs = [(seq, a["url"]) for seq, a in store.iter_changed(0)]
    assert seqs[-1][1] == changed.url and [s for s, _ in seqs] == sorted(s for s, _ in seqs)
    last = seqs[-2][0]
    assert [a["url"] for _, a in store.iter_changed(last)] == [changed.url]


def test_schema_version_wal_and_reopen(tmp_path):
    with Store.open(tmp_path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        s.save_article(make_article(), fetched_at="t")
        # the crawler's tables live in the same file and survive
        s.conn.execute("CREATE TABLE IF NOT EXISTS crawl_pages (url TEXT PRIMARY KEY)")
        s.conn.execute("INSERT INTO meta (key, value) VALUES ('crawl_schema', '1')")
    with Store.open(tmp_path) as s:
        assert s.count_articles() == 1
        assert s.conn.execute("SELECT value FROM meta WHERE key = 'crawl_schema'").fetchone()[0] == "1"
    # plain sqlite3 (pandas, Datasette) can read it
    conn = sqlite3.connect(tmp_path / "records.sqlite")
    assert conn.execute("SELECT title, site FROM articles").fetchone()[1] == "minhlong.quangngai.gov.vn"
    conn.close()


def test_newer_schema_and_garbage_file_are_bad_input(tmp_path):
    with Store.open(tmp_path) as s:
        s.conn.execute("UPDATE meta SET value = '99' WHERE key = 'store_schema'")
    with pytest.raises(BadInput, match="newer"):
        Store.open(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    (other / "records.sqlite").write_bytes(b"this is not a database" * 100)
    with pytest.raises(BadInput, match="records database .*not a database"):
        Store.open(other)


def test_missing_or_empty_records_are_bad_input(tmp_path):
    with pytest.raises(BadInput, match="no records in .*run govnews crawl first"):
        Store.open(tmp_path / "nothing", create=False)
    assert not (tmp_path / "nothing").exists()
    Store.open(tmp_path / "empty").close()
    with pytest.raises(BadInput, match="no records"):
        open_records(tmp_path / "empty")


def test_article_without_url_is_rejected(store):
    with pytest.raises(BadInput):
        store.save_article(Article(url=None, body="x"), fetched_at="t")


def test_writer_and_reader_threads_each_with_own_store(tmp_path):
    Store.open(tmp_path).close()
    errors: list[BaseException] = []

    def write(start: int) -> None:
        try:
            with Store.open(tmp_path) as s:
                for n in range(start, start + 20):
                    s.save_article(make_article(n), fetched_at="t")
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=write, args=(i * 100,)) for i in range(3)]
    for t in threads:
        t.start()
    with Store.open(tmp_path) as reader:
        while any(t.is_alive() for t in threads):
            list(reader.iter_articles())
    for t in threads:
        t.join()
    assert not errors
    with Store.open(tmp_path) as s:
        assert s.count_articles() == 60
        seqs = [r[0] for r in s.conn.execute("SELECT change_seq FROM articles")]
        assert len(set(seqs)) == 60


def test_opening_an_up_to_date_store_does_not_wait_for_a_writer(tmp_path):
    Store.open(tmp_path).close()
    with Store.open(tmp_path) as writer:
        writer.conn.execute("BEGIN IMMEDIATE")  # a crawl in the middle of a write
        try:
            with Store.open(tmp_path) as reader:  # returns at once: no migration needed
                assert reader.count_articles() == 0
        finally:
            writer.conn.execute("ROLLBACK")
