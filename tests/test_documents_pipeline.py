"""Documents in the pipeline: the crawl reads archived attachments into the records store, ``govnews ocr`` reads
scanned pages later (page budget, resumable after a kill, never a page twice), ``govnews reprocess`` keeps them.

Two crawls for the whole module: the sample portals (text-layer PDFs, one a real Vietnamese report) and a small
127.0.0.1 server with a three-page scan (about 3 pages of Tesseract per OCR scenario).
"""
from __future__ import annotations

import csv
import io
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from documents_make import HEADER_LEFT, HEADER_RIGHT, scanned_pdf, text_pdf  # noqa: E402

import cli  # noqa: E402
from base.datadir import records_path  # noqa: E402
from extract.documents import ocr as ocr_module  # noqa: E402
from index.documents import documents_of, get_document_by_url, iter_documents, pending_page_count  # noqa: E402
from index.store import Store  # noqa: E402
from samples.server import SampleSites  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REPORT_PATH = "/documents/20182/0/bao-cao-tong-ket-ntm-2022.pdf"
REPORT_ARTICLE = "/-/tong-ket-chuong-trinh-mtqg-xay-dung-nong-thon-moi-nam-2022"
SCAN_PATH = "/van-ban/125-BC-UBND.pdf"
SCAN_PAGES = [
    HEADER_LEFT + HEADER_RIGHT + ["BÁO CÁO", "Kết quả thu ngân sách năm 2019"],
    ["Thu ngân sách đạt 132,354 tỷ đồng, đạt 115% kế hoạch."],
    ["Nơi nhận:", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"],
]


def _crawl(seeds: list[str], data: Path, *extra: str) -> None:
    assert cli.main(["crawl", *seeds, "--data", str(data), "--delay", "0", "--quiet", *extra]) == 0


@pytest.fixture(scope="module")
def samples_crawled(tmp_path_factory):
    data = tmp_path_factory.mktemp("samples")
    with SampleSites() as sites:
        _crawl(sites.seeds, data)
        yield data, sites.base_urls["huyen-minhlong"]


class _ScanSite(BaseHTTPRequestHandler):
    pdf = b""

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        if self.path == SCAN_PATH:
            body, kind = self.pdf, "application/pdf"
        elif self.path == "/":
            body, kind = f'<html><body><a href="{SCAN_PATH}">Báo cáo 125</a></body></html>'.encode(), "text/html"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def scan_site():
    _ScanSite.pdf = scanned_pdf(text_pdf(SCAN_PAGES, size=13))
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ScanSite)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def scan_crawled(scan_site, tmp_path_factory):
    """The scan site crawled (text layers only), and a copy of that data folder for the kill test."""
    data = tmp_path_factory.mktemp("scan") / "data"
    _crawl([scan_site], data)
    copy = data.parent / "copy"
    shutil.copytree(data, copy)
    return data, copy, scan_site + SCAN_PATH.lstrip("/")


def test_crawl_stores_documents_with_metadata_article_and_figures(samples_crawled):
    data, base = samples_crawled
    with Store.open(data) as store:
        doc = get_document_by_url(store, base + REPORT_PATH)
        assert (doc["kind"], doc["number"], doc["format"]) == ("BÁO CÁO", "412/BC-UBND", "pdf")
        assert doc["article_url"] == base + REPORT_ARTICLE
        assert doc["error"] is None and doc["pages"][0]["method"] == "text"
        assert "nông thôn mới" in doc["pages"][0]["text"].lower()
        assert doc["indicators"] and all(f["page"] >= 1 for f in doc["indicators"])
        assert any(f["value"] == 38_200_000_000 and f["unit"] == "đồng" for f in doc["indicators"])
        assert base + REPORT_PATH in [d["url"] for d in documents_of(store, base + REPORT_ARTICLE)]
        docs = list(iter_documents(store))
        state = sqlite3.connect(records_path(data))
        archived = {r[0] for r in state.execute("SELECT url FROM crawl_urls WHERE kind = 'attachment'"
                                                " AND warc IS NOT NULL AND http_status BETWEEN 200 AND 299")}
        state.close()
    assert archived and {d["url"] for d in docs} == archived  # every archived attachment is read, once
    assert all(d["article_url"] for d in docs)  # the sample portals link each file from an article


def test_indicators_show_document_figures(samples_crawled, capsys):
    data, base = samples_crawled
    assert cli.main(["indicators", "--data", str(data), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    from_report = [r for r in rows if r["document_url"] == base + REPORT_PATH]
    assert from_report and all(r["page"] == "1" for r in from_report)
    assert all(r["url"] == base + REPORT_ARTICLE for r in from_report)  # the article the document hangs off
    assert any(r["text"] == "38,2 tỷ đồng" for r in from_report)


def test_reprocess_keeps_documents(samples_crawled):
    data, base = samples_crawled
    with Store.open(data) as store:
        before = {d["url"]: (d["change_seq"], d["number"]) for d in iter_documents(store)}
    assert cli.main(["reprocess", "--data", str(data), "--quiet"]) == 0
    with Store.open(data) as store:
        after = {d["url"]: (d["change_seq"], d["number"]) for d in iter_documents(store)}
    assert after == before  # re-derived from the archive: same documents, nothing changed, nothing lost


def test_scan_stored_pending_then_ocr_within_budget_never_twice(scan_crawled, monkeypatch, capsys):
    data, _, url = scan_crawled
    with Store.open(data) as store:
        doc = get_document_by_url(store, url)
        assert doc["ocr_pending"] and [p["method"] for p in doc["pages"]] == ["none"] * 3
    calls = []
    real = ocr_module.tesseract
    monkeypatch.setattr(ocr_module, "tesseract", lambda image, *a, **k: calls.append(1) or real(image, *a, **k))

    assert cli.main(["ocr", "--data", str(data), "--max-pages", "1", "--quiet"]) == 0
    assert "OCR read 1 scanned page(s) of 1 document(s)" in capsys.readouterr().out
    assert len(calls) == 1
    with Store.open(data) as store:
        doc = get_document_by_url(store, url)
        assert [p["method"] for p in doc["pages"]] == ["ocr", "none", "none"]
        assert doc["kind"] == "BÁO CÁO" and doc["date"] == "2019-06-15"  # metadata derived from the page read
        assert pending_page_count(store) == 2

    assert cli.main(["ocr", "--data", str(data), "--workers", "2", "--quiet"]) == 0
    assert "OCR read 2 scanned page(s)" in capsys.readouterr().out
    assert cli.main(["ocr", "--data", str(data), "--quiet"]) == 0
    assert "OCR read 0 scanned page(s) of 0 document(s)" in capsys.readouterr().out
    assert len(calls) == 3  # one Tesseract call per page, over three runs
    with Store.open(data) as store:
        doc = get_document_by_url(store, url)
        assert not doc["ocr_pending"] and [p["method"] for p in doc["pages"]] == ["ocr"] * 3
        assert (doc["signer"], doc["position"]) == ("Nguyễn Văn An", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
        assert any(f["value"] == 132_354_000_000 and f["page"] == 2 for f in doc["indicators"])
        seq = doc["change_seq"]
    assert cli.main(["reprocess", "--data", str(data), "--quiet"]) == 0  # keeps the OCR text, reads nothing
    assert len(calls) == 3
    with Store.open(data) as store:
        doc = get_document_by_url(store, url)
        assert [p["method"] for p in doc["pages"]] == ["ocr"] * 3 and doc["change_seq"] == seq


def test_ocr_killed_mid_run_keeps_pages_read_and_crawl_ocr_finishes(scan_crawled):
    _, data, url = scan_crawled
    proc = subprocess.Popen([sys.executable, "-m", "cli", "ocr", "--data", str(data), "--workers", "1", "--quiet"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    try:
        while _methods(data, url).count("ocr") < 1:  # the first page is stored: kill while the second is read
            assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read().decode()
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    kept = _methods(data, url)
    assert kept.count("ocr") in (1, 2) and kept[0] == "ocr"
    with Store.open(data) as store:
        first = get_document_by_url(store, url)["pages"][0]["text"]
    assert "BÁO CÁO" in first

    # the crawl's --ocr pass finishes what the killed run left, keeping the pages already read
    site = url.rsplit("/", 2)[0] + "/"
    _crawl([site], data, "--ocr")
    with Store.open(data) as store:
        doc = get_document_by_url(store, url)
    assert [p["method"] for p in doc["pages"]] == ["ocr"] * 3 and doc["pages"][0]["text"] == first


def _methods(data: Path, url: str) -> list[str]:
    with sqlite3.connect(records_path(data)) as conn:
        return [r[0] for r in conn.execute("SELECT p.method FROM document_pages p JOIN documents d ON"
                                           " d.id = p.document_id WHERE d.url = ? ORDER BY p.n", (url,))]
