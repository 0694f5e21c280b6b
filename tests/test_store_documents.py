"""Documents (attachments read) in the records store: round trip, change detection, OCR bookkeeping, migration.

Each test taking ``store`` runs on both backends (SQLite in a data folder, PostgreSQL)."""
from __future__ import annotations

import sqlite3

import pytest

from base.errors import BadInput
from index import documents as D
from index.pgstore import PgStore
from index.store import MIGRATIONS, SCHEMA_VERSION, Store

PDF_URL = "https://krongno.daknong.gov.vn/img/237-TB-UBND.pdf"


def make_document(**over) -> dict:
    doc = {
        "url": PDF_URL, "article_url": "https://krongno.daknong.gov.vn/ket-qua-ktxh-2018/",
        "name": "237-TB-UBND.pdf", "format": "pdf", "kind": "THÔNG BÁO", "number": "237/TB-UBND",
        "issuer": "UBND huyện Krông Nô", "place": "Krông Nô", "date": "2019-07-12", "position": "CHỦ TỊCH",
        "page_count": 2, "ocr_pending": True, "warnings": ["1 scanned page(s) not read: OCR pending"],
        "subject": "kết quả thực hiện các chỉ tiêu Kế hoạch phát triển KT-XH năm 2018", "signer": "Nguyễn Văn A",
        "pages": [{"n": 1, "text": "Giá trị sản xuất đạt 7.906,7 tỷ đồng", "method": "ocr", "confidence": 0.91,
                   "needs_ocr": False},
                  {"n": 2, "text": "", "method": "none", "confidence": None, "needs_ocr": True}],
        "indicators": [{"text": "7.906,7 tỷ đồng", "start": 21, "end": 36, "value": 7906700000000, "upper": None,
                        "total": None, "unit": "đồng", "kind": "money", "approx": None, "estimate": False,
                        "change": None, "reference": None, "label": "Giá trị sản xuất", "period": "năm 2018",
                        "sentence": "Giá trị sản xuất đạt 7.906,7 tỷ đồng", "page": 1}],
    }
    doc.update(over)
    return doc


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """The embedded store, and the PostgreSQL one (index/pgstore.py): the same functions, the same results."""
    if request.param == "sqlite":
        with Store.open(tmp_path / "data") as s:
            yield s
    else:
        with PgStore.open(request.getfixturevalue("pg_url")) as s:
            yield s


def test_document_round_trip(store):
    doc = make_document()
    doc_id, status = D.save_document(store, doc, fetched_at="2019-07-13T00:00:00+00:00", warc="a.warc.gz", offset=7)
    assert status == "new"
    got = D.get_document(store, doc_id)
    assert {k: got[k] for k in doc} == doc
    assert got["ocr_pending"] is True and got["error"] is None
    assert got["archive"] == {"warc": "a.warc.gz", "offset": 7}
    assert type(got["indicators"][0]["value"]) is int and got["indicators"][0]["page"] == 1
    assert D.get_document_by_url(store, PDF_URL)["id"] == doc_id
    assert D.documents_of(store, doc["article_url"])[0]["number"] == "237/TB-UBND"
    assert D.count_documents(store) == 1 and D.get_document(store, 99) is None


def test_document_changes_bump_the_shared_change_counter(store):
    doc_id, _ = D.save_document(store, make_document(), fetched_at="t1")
    seq = store.max_change_seq()
    assert D.save_document(store, make_document(), fetched_at="t2") == (doc_id, "unchanged")
    assert store.max_change_seq() == seq
    read = make_document(ocr_pending=False, pages=[make_document()["pages"][0], {
        "n": 2, "text": "Trang hai", "method": "ocr", "confidence": 0.8, "needs_ocr": False}])
    assert D.save_document(store, read, fetched_at="t3") == (doc_id, "changed")
    assert store.max_change_seq() == seq + 1
    assert [s for s, _ in D.iter_changed_documents(store, seq)] == [seq + 1]
    assert D.get_document(store, doc_id)["pages"][1]["text"] == "Trang hai"
    assert list(D.pending_ocr(store)) == []


def test_pending_ocr_lists_scans_waiting(store):
    D.save_document(store, make_document(), fetched_at="t", warc="a.warc.gz", offset=3)
    D.save_document(store, make_document(url=PDF_URL + "?x", pages=[]), fetched_at="t")
    pending = list(D.pending_ocr(store))
    assert [(p["url"], p["warc"], p["warc_offset"], p["ocr_pending"]) for p in pending] == [
        (PDF_URL, "a.warc.gz", 3, 1)]


def test_unreadable_document_is_kept_with_its_reason(store):
    doc_id, _ = D.save_document(store, {"url": PDF_URL, "format": "pdf"}, fetched_at="t",
                                    error="encrypted PDF: needs a password")
    assert D.get_document(store, doc_id)["error"] == "encrypted PDF: needs a password"
    with pytest.raises(BadInput):
        D.save_document(store, {"url": ""}, fetched_at="t")


def test_schema_1_database_is_migrated(tmp_path):
    path = tmp_path / "data" / "records.sqlite"
    path.parent.mkdir()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('store_schema', '1')")
    conn.commit()
    conn.close()
    with Store.open(tmp_path / "data") as store:
        assert store.schema_version() == SCHEMA_VERSION == 3
        assert D.count_documents(store) == 0


def test_site_templates_are_kept_with_their_counts(store):
    from index import templates as T

    assert T.get_template(store, "x.gov.vn") is None
    T.save_template(store, "x.gov.vn", {"site": "x.gov.vn", "pages": 30, "fields": {}}, pages=30)
    T.count_template_use(store, "x.gov.vn", applied=30, changed=4)
    got = T.get_template(store, "x.gov.vn")
    assert (got["pages"], got["applied"], got["changed"]) == (30, 30, 4)
    assert got["template"]["pages"] == 30
    T.save_template(store, "x.gov.vn", {"site": "x.gov.vn", "pages": 60, "fields": {}}, pages=60)
    assert T.templates(store)["x.gov.vn"]["applied"] == 0  # a new template starts counting again
