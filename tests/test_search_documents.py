"""Documents (attachments read, scans by OCR) in the search index: one entry per page with text."""
from __future__ import annotations

import json

import pytest
from search_corpus import ARTICLES, fill_store
from test_store_documents import make_document

import cli
from index import documents as D
from index.search import search
from index.searchindex import update_index
from index.store import Store

ARTICLE = ARTICLES[0]
PAGE_2 = "Thu ngân sách nhà nước trên địa bàn huyện ước đạt 152 tỷ đồng"


def hits(data_dir, query: str, **options) -> list[tuple[str, int, int | None]]:
    return [(h.type, h.id, h.page) for h in search(data_dir, query, limit=50, **options).hits]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """Two articles and a document attached to the first, indexed; then OCR fills the pending page 2."""
    data_dir = tmp_path_factory.mktemp("docsearch")
    fill_store(data_dir, ARTICLES[:2])
    with Store.open(data_dir) as store:
        doc_id, _ = D.save_document(store, make_document(article_url=ARTICLE.url), fetched_at="t")
        orphan = make_document(url="https://other.gov.vn/files/qd.pdf", article_url=None, date=None,
                               pages=[{"n": 1, "text": "Quyết định phê duyệt quy hoạch vùng chè", "method": "text",
                                       "confidence": None, "needs_ocr": False}], indicators=[])
        orphan_id, _ = D.save_document(store, orphan, fetched_at="t")
    assert update_index(data_dir) == 4
    return data_dir, doc_id, orphan_id


def test_a_phrase_from_an_ocr_page_finds_the_document_with_and_without_diacritics(data):
    data_dir, doc_id, _ = data
    for query in ('"giá trị sản xuất"', '"gia tri san xuat"', "gia tri san xuat 7.906,7"):
        found = search(data_dir, query, limit=10).hits
        assert found and found[0].type == "document", query
        hit = found[0]
        assert (hit.document_id, hit.id, hit.page, hit.article_url) == (doc_id, doc_id, 1, ARTICLE.url)
        assert hit.site == ARTICLE.site and hit.published == "2019-07-12"
        assert hit.title.startswith("237/TB-UBND") and "kết quả thực hiện" in hit.title
        assert "<mark>" in hit.snippet_html


def test_a_document_without_article_takes_the_host_of_its_url(data):
    data_dir, _, orphan_id = data
    hit = search(data_dir, "quy hoach vung che").hits[0]
    assert (hit.type, hit.id, hit.site, hit.article_url) == ("document", orphan_id, "other.gov.vn", None)
    assert search(data_dir, "che", site="other.gov.vn").total == 1


def test_type_filter_keeps_articles_or_documents(data):
    data_dir, doc_id, _ = data
    both = hits(data_dir, "huyện")
    assert ("document", doc_id, 1) in both and any(t == "article" for t, _, _ in both)
    assert {t for t, _, _ in hits(data_dir, "huyện", kind="document")} == {"document"}
    assert {t for t, _, _ in hits(data_dir, "huyện", kind="article")} == {"article"}


def test_cli_documents_json_and_text(data, capsys):
    data_dir, doc_id, _ = data
    assert cli.main(["search", "gia tri san xuat", "--data", str(data_dir), "--documents", "--format", "json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and all(r["type"] == "document" for r in rows)
    assert (rows[0]["document_id"], rows[0]["page"], rows[0]["article_url"]) == (doc_id, 1, ARTICLE.url)
    assert cli.main(["search", "gia tri san xuat", "--data", str(data_dir), "--documents"]) == 0
    out = capsys.readouterr().out
    assert "[document, page 1] 237/TB-UBND" in out and f"attached to {ARTICLE.url}" in out


def test_ocr_filling_a_page_is_indexed_incrementally_and_rebuild_agrees(data):
    data_dir, doc_id, _ = data
    assert hits(data_dir, '"thu ngan sach nha nuoc"', kind="document") == []
    pages = [make_document()["pages"][0], {"n": 2, "text": PAGE_2, "method": "ocr", "confidence": 0.88,
                                           "needs_ocr": True}]
    with Store.open(data_dir) as store:
        assert D.save_document(store, make_document(article_url=ARTICLE.url, pages=pages),
                               fetched_at="t2")[1] == "changed"
    assert update_index(data_dir) == 1
    assert hits(data_dir, '"thu ngan sach nha nuoc"', kind="document") == [("document", doc_id, 2)]
    # both pages indexed once each: the changed document replaced its entries, not added to them
    assert sorted(hits(data_dir, "tỷ đồng", kind="document")) == [("document", doc_id, 1), ("document", doc_id, 2)]
    queries = ("huyện", "gia tri san xuat", "ngân sách", "quy hoach")
    # the same hits in the same order (scores move a little: whoosh's statistics count deleted entries until a merge)
    before = {q: [(h.type, h.id, h.page) for h in search(data_dir, q, limit=50).hits] for q in queries}
    assert update_index(data_dir, rebuild=True) == 4  # two articles, two documents
    after = {q: [(h.type, h.id, h.page) for h in search(data_dir, q, limit=50).hits] for q in queries}
    assert after == before
