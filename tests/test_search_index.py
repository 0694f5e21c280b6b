"""The search index: incremental updates, rebuild, crash mid-index, the writer lock."""
from __future__ import annotations

import pytest
from search_corpus import ARTICLES, fill_store
from whoosh import index as whoosh_index

import cli
import index.searchindex as searchindex
from base.datadir import index_dir
from base.errors import BadInput
from index.search import search
from index.searchindex import update_index
from index.store import Store


def ranked(data_dir, query: str) -> list[tuple[int, float]]:
    return [(h.id, h.score) for h in search(data_dir, query, limit=50).hits]


def doc_count(data_dir) -> int:
    ix = whoosh_index.open_dir(str(index_dir(data_dir)))
    try:
        return ix.doc_count()
    finally:
        ix.close()


QUERIES = ("cai cach hanh chinh", "huyện", '"hộ nghèo"', "BHYT", "ngân sách 2022")


def test_incremental_update_indexes_only_new_and_changed(tmp_path):
    fill_store(tmp_path, ARTICLES[:6])
    assert update_index(tmp_path) == 6
    assert update_index(tmp_path) == 0
    with Store.open(tmp_path) as store:
        store.save_article(ARTICLES[6], fetched_at="t")  # new
        changed = ARTICLES[1]
        changed.title, original = "Ba Tơ công bố kết quả giảm nghèo bền vững", changed.title
        try:
            _, status = store.save_article(changed, fetched_at="t")
        finally:
            changed.title = original
        assert status == "changed"
        store.save_article(ARTICLES[2], fetched_at="t2")  # unchanged: not re-indexed
    assert update_index(tmp_path) == 2
    assert search(tmp_path, "giam ngheo ben vung").hits[0].url.endswith("/ho-ngheo")
    assert search(tmp_path, "lua dong xuan").hits[0].url.endswith("/lua-dong-xuan")
    # the old title is gone, not duplicated
    assert search(tmp_path, '"kết quả rà soát hộ nghèo"').total == 1
    assert search(tmp_path, "huyện", limit=50).total == len({h.id for h in search(tmp_path, "huyện", limit=50).hits})


def test_rebuild_reproduces_the_same_results(tmp_path):
    fill_store(tmp_path)
    update_index(tmp_path)
    before = {q: ranked(tmp_path, q) for q in QUERIES}
    assert update_index(tmp_path, rebuild=True) == len(ARTICLES)
    assert {q: ranked(tmp_path, q) for q in QUERIES} == before
    assert not index_dir(tmp_path).with_name("index.new").exists()
    assert not index_dir(tmp_path).with_name("index.old").exists()


def test_crash_mid_index_leaves_a_searchable_index_and_rerun_completes(tmp_path, monkeypatch):
    fill_store(tmp_path)
    monkeypatch.setattr(searchindex, "COMMIT_EVERY", 4)
    real_document = searchindex.document
    seen = []

    def failing_document(article):
        seen.append(article["id"])
        if len(seen) == 7:
            raise KeyboardInterrupt  # the user pressed ^C in the middle of the second batch
        return real_document(article)

    monkeypatch.setattr(searchindex, "document", failing_document)
    with pytest.raises(KeyboardInterrupt):
        update_index(tmp_path)
    monkeypatch.setattr(searchindex, "document", real_document)
    # the first batch was committed and is searchable
    assert doc_count(tmp_path) == 4
    assert search(tmp_path, "cai cach hanh chinh").hits[0].url.endswith("/cchc")
    assert update_index(tmp_path) == len(ARTICLES) - 4
    assert doc_count(tmp_path) == len(ARTICLES)
    assert search(tmp_path, "chua chay").hits[0].url.endswith("/dien-tap-pccc")


def test_locked_index_is_reported_clearly(tmp_path, monkeypatch):
    fill_store(tmp_path, ARTICLES[:2])
    update_index(tmp_path)
    with Store.open(tmp_path) as store:
        store.save_article(ARTICLES[3], fetched_at="t")
    monkeypatch.setattr(searchindex, "LOCK_WAIT_S", 0.3)
    ix = whoosh_index.open_dir(str(index_dir(tmp_path)))
    writer = ix.writer()  # another process indexing
    try:
        with pytest.raises(BadInput, match="locked by another govnews process"):
            update_index(tmp_path)
        # searching still works while the index is being written
        assert search(tmp_path, "cai cach").total >= 1
    finally:
        writer.cancel()
        ix.close()
    assert update_index(tmp_path) == 1


def test_index_of_an_older_format_is_rebuilt(tmp_path, monkeypatch):
    fill_store(tmp_path, ARTICLES[:3])
    update_index(tmp_path)
    monkeypatch.setattr(searchindex, "INDEX_FORMAT", searchindex.INDEX_FORMAT + 1)
    assert update_index(tmp_path) == 3


def test_cli_index_command(tmp_path, capsys):
    fill_store(tmp_path, ARTICLES[:3])
    assert cli.main(["index", "--data", str(tmp_path)]) == 0
    assert "3 article(s) indexed" in capsys.readouterr().out
    assert cli.main(["index", "--data", str(tmp_path), "--rebuild", "--quiet"]) == 0
    assert capsys.readouterr().out == ""


def test_article_changed_during_a_fresh_build_is_indexed_once_in_its_new_state(tmp_path, monkeypatch):
    fill_store(tmp_path, ARTICLES[:4])
    real_iter = Store.iter_changed

    def iter_with_a_change(self, after_seq=0):
        items = list(real_iter(self, after_seq))
        yield from items
        seq, article = items[0]
        yield seq + 100, {**article, "title": "Tiêu đề đã sửa trong lúc lập chỉ mục"}

    monkeypatch.setattr(Store, "iter_changed", iter_with_a_change)
    assert update_index(tmp_path) == 5
    assert doc_count(tmp_path) == 4
    assert search(tmp_path, "tieu de da sua").hits[0].url == ARTICLES[0].url
    assert search(tmp_path, '"sơ kết công tác cải cách hành chính 06 tháng"').total == 0
