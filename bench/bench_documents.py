"""Document reading speed and memory (run by hand: ``python -m bench.bench_documents [--ocr-pages N]``).

- text layers: pages per second on a made 50-page report (36 lines a page, 18 figures), reading alone and
  with metadata and figures (target ≥ 50);
- OCR: pages per minute per core at 300 dpi, on pages of the real scans in ../shared/realdocs, with one
  worker and with as many workers as cores (target ≥ 15 per core);
- memory: peak RSS of a Tesseract worker (RUSAGE_CHILDREN) and of this process while rendering an
  image-only page scanned at 600 dpi (target ≤ 500 MB).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from documents_make import scanned_pdf, text_pdf  # noqa: E402

from extract import extract_document  # noqa: E402

REALDOCS = ROOT.parent / "shared" / "realdocs"
LINE = "Thu ngân sách Nhà nước trên địa bàn đạt 132,354 tỷ đồng, đạt 115%KH; diện tích gieo trồng 62.372 ha."
PLAIN = "Ủy ban nhân dân huyện chỉ đạo các cơ quan, đơn vị triển khai thực hiện nghiêm túc các nội dung sau đây."
# A report page: 36 lines, one in six with figures (three each), as in the real 2018 socio-economic report.
PAGE = ([PLAIN] * 5 + [LINE]) * 6


def bench_text_layer(pages: int = 50) -> tuple[float, float]:
    """(pages/s reading the text layer, pages/s for the whole extract_document with figures)."""
    from extract.documents.pdf import pdf_pages

    data = text_pdf([[f"Trang {n}"] + PAGE for n in range(pages)], size=9)
    start = time.perf_counter()
    read, _, _ = pdf_pages(data, ocr=False, max_pages=pages, deadline=float("inf"))
    reading = time.perf_counter() - start
    start = time.perf_counter()
    doc = extract_document(data)
    whole = time.perf_counter() - start
    assert len(read) == len(doc.pages) == pages and doc.pages[-1].method == "text"
    return pages / reading, pages / whole


def bench_ocr(pages: int, workers: int) -> tuple[float, float]:
    """(pages/min per worker, pages/min, pages per CPU-minute of Tesseract) on the first pages of the real scans."""
    import pypdfium2 as pdfium

    from extract.documents.ocr import ocr_pages

    files = sorted(REALDOCS.glob("*.pdf"))
    done = 0
    start = time.perf_counter()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # documents arrive one at a time: each gives up to `workers` pages at once, until `pages` are read
    for path in files:
        if done >= pages:
            break
        pdf = pdfium.PdfDocument(path.read_bytes())
        batch = list(range(min(len(pdf), workers, pages - done)))
        done += sum(1 for r in ocr_pages(pdf, batch, workers=workers) if r.error is None)
        pdf.close()
    minutes = (time.perf_counter() - start) / 60
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_minutes = (cpu_after.ru_utime + cpu_after.ru_stime - cpu_before.ru_utime - cpu_before.ru_stime) / 60
    # CPU time is what a page costs a core; wall time also counts whoever else shares the machine
    return done / minutes / workers, done / minutes, done / cpu_minutes


def bench_600dpi() -> tuple[float, float]:
    """(peak MB of this process, peak MB of a Tesseract child) reading an image-only page scanned at 600 dpi."""
    data = scanned_pdf(text_pdf([[LINE] * 40], size=9), dpi=600)
    extract_document(data, ocr=True, workers=1)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, child


# Hand-checked against the page images: the header of four real scans (the day of 237 and 242 is handwritten).
GOLD_METADATA = {
    "krongno-237-tb-ubnd-ket-qua-thuc-hien-chi-tieu-ktxh-nam-2018.pdf": {
        "kind": "THÔNG BÁO", "number": "237/TB-UBND", "date": "2019-07-16",
        "subject": "kết quả thực hiện các chỉ tiêu Kế hoạch phát triển Kinh tế - Xã hội, "
                   "đảm bảo Quốc phòng - An ninh năm 2018"},
    "krongno-242-bc-ubnd-ket-qua-xu-ly-don-nguyen-van-binh.pdf": {
        "kind": "BÁO CÁO", "number": "242/BC-UBND", "date": "2019-06-19",
        "subject": "kết quả giải quyết kiến nghị của công dân"},
    "krongno-3021-qd-ubnd-to-chuc-va-hoat-dong-20190603110010156161.pdf": {
        "kind": "QUYẾT ĐỊNH", "number": "3021/QĐ-UBND", "date": "2014-09-11", "signer": "Ngô Xuân Lộc",
        "subject": "Ban hành Quy định tổ chức và hoạt động của Ban Tiếp công dân huyện Krông Nô"},
    "krongno-15-tb-20190530041840366372.pdf": {
        "kind": "THÔNG BÁO", "number": "15/TB-BQL", "date": "2019-05-30",
        "subject": "lựa chọn tổ chức bán đấu giá tài sản là quyền sử dụng đất Khu vực Rừng trồng xã Đăk Sôr "
                   "(Đợt 1-2019)"},
}


def bench_metadata() -> tuple[int, int, int, list[str]]:
    """(fields right, fields with only the month of a handwritten day, fields in the gold, misses) on the
    first page of the gold scans, each read under its name on the portal (sources.jsonl)."""
    import json

    names = {}
    for line in (REALDOCS / "sources.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        names[row["file"]] = row["path"].rsplit("/", 1)[-1]
    right = month_only = total = 0
    misses = []
    for file, gold in GOLD_METADATA.items():
        doc = extract_document((REALDOCS / file).read_bytes(), filename=names.get(file, file), ocr=True)
        for field, expected in gold.items():
            got = getattr(doc, field)
            total += 1
            if " ".join(str(got).split()).casefold() == expected.casefold():
                right += 1
            elif field == "date" and got and expected.startswith(got) and len(got) == 7:
                month_only += 1
            else:
                misses.append(f"{file[:30]} {field}: {got!r} (gold {expected!r})")
    return right, month_only, total, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ocr-pages", type=int, default=6, help="scanned pages to OCR per run")
    args = parser.parse_args()
    reading, whole = bench_text_layer()
    print(f"text layer: {reading:.0f} pages/s read, {whole:.0f} pages/s with metadata and figures")
    own, child = bench_600dpi()
    print(f"600-dpi image-only page: peak {own:.0f} MB in this process, {child:.0f} MB in a Tesseract worker")
    if not REALDOCS.exists():
        print(f"OCR: skipped, needs {REALDOCS}")
        return
    right, month_only, total, misses = bench_metadata()
    print(f"metadata of 4 hand-checked scans: {right}/{total} fields right, {month_only} dates given to the month "
          "only (handwritten day)")
    for miss in misses:
        print("  miss:", miss)
    cores = os.cpu_count() or 1
    for workers in sorted({1, cores}):
        per_worker, total, per_cpu = bench_ocr(args.ocr_pages, workers)
        print(f"OCR 300 dpi, {workers} worker(s): {total:.1f} pages/min, {per_worker:.1f} pages/min per worker "
              f"(wall clock), {per_cpu:.1f} pages per CPU-minute of Tesseract")


if __name__ == "__main__":
    main()
