"""OCR of scanned PDF pages: pypdfium2 renders each page grey, Tesseract (the `tesseract` command) reads it.

Tesseract runs as one process per page with ``OMP_THREAD_LIMIT=1``: its own threads were three times slower
than one thread per process on a loaded machine, and separate processes spread pages over the cores. Pages
are rendered one at a time under a lock (pdfium is not thread-safe) and handed to Tesseract on its standard
input as PGM, so nothing but the rendered page is held in memory per worker.
"""
from __future__ import annotations

import math
import os
import re
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from base.settings import default
from extract.documents.ocrwords import restore_tones
from extract.textnorm import normalize_text

# Misreadings of Tesseract's Vietnamese model that are unambiguous in context (never a digit invented).
OCR_FIXES: tuple[tuple[re.Pattern, str], ...] = (
    # "tỷ đông", "triệu đông": after a scale word "đông" (east/winter) can only be the currency "đồng".
    (re.compile(r"(?<!\w)(tỷ|tỉ|triệu|nghìn|ngàn|trăm)(\s+)đông(?!\w)"), r"\1\2đồng"),
    # "I10%KH", "I,7 lần": a capital I or small l glued in front of digits is the digit one.
    (re.compile(r"(?<![\w.,])[Il](?=\d|[.,]\d)"), "1"),
    # "106%%KH": a doubled percent sign.
    (re.compile(r"(?<=\d)%%"), "%"),
)


@dataclass
class OcrResult:
    index: int  # 0-based page index in the PDF
    text: str = ""
    confidence: float | None = None  # mean word confidence, 0..1
    error: str | None = None  # why the page was not read (time limit, Tesseract failure)


def fix_ocr_text(text: str) -> str:
    for pattern, repl in OCR_FIXES:
        text = pattern.sub(repl, text)
    return text


def render_scale(width_pt: float, height_pt: float, dpi: int, max_pixels: int) -> float:
    """The render scale for ``dpi``, lowered so the bitmap stays within ``max_pixels`` (memory per page)."""
    scale = dpi / 72
    pixels = width_pt * height_pt * scale * scale
    if pixels > max_pixels:
        scale *= math.sqrt(max_pixels / pixels)
    return scale


def render_pgm(page, dpi: int, max_pixels: int) -> bytes:
    """A pypdfium2 page rendered grey as a binary PGM image (what Tesseract reads on standard input)."""
    width, height = page.get_size()
    bitmap = page.render(scale=render_scale(width, height, dpi, max_pixels), grayscale=True)
    w, h, stride = bitmap.width, bitmap.height, bitmap.stride
    buf = memoryview(bitmap.buffer)
    rows = bytes(buf) if stride == w else b"".join(bytes(buf[r * stride:r * stride + w]) for r in range(h))
    bitmap.close()
    return b"P5\n%d %d\n255\n" % (w, h) + rows


def tesseract(image: bytes, dpi: int, lang: str | None = None,
              seconds: float | None = None) -> tuple[str, float | None]:
    """(text, mean word confidence 0..1) of one image (PGM/PNG bytes) read by the `tesseract` command."""
    lang = lang or default("ocr_language")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with tempfile.TemporaryDirectory(prefix="govnews-ocr-") as tmp:
        base = Path(tmp) / "page"
        subprocess.run(["tesseract", "stdin", str(base), "-l", lang, "--dpi", str(dpi), "txt", "tsv"],
                       input=image, env=env, check=True, capture_output=True,
                       timeout=seconds or default("ocr_page_seconds"))
        text = base.with_suffix(".txt").read_text(encoding="utf-8", errors="replace")
        tsv = base.with_suffix(".tsv").read_text(encoding="utf-8", errors="replace")
    return _clean(text), _confidence(tsv)


def _clean(text: str) -> str:
    text = normalize_text(text.replace("\f", ""))
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return restore_tones(fix_ocr_text(text))


def _confidence(tsv: str) -> float | None:
    """Mean confidence of the words, weighted by their length (a misread long word counts more)."""
    total = weight = 0.0
    for line in tsv.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) < 12 or not cols[11].strip():
            continue
        try:
            conf = float(cols[10])
        except ValueError:
            continue
        if conf >= 0:
            n = len(cols[11].strip())
            total += conf * n
            weight += n
    return round(total / weight / 100, 3) if weight else None


def ocr_pages(pdf, indexes: list[int], workers: int | None = None, deadline: float | None = None,
              dpi: int | None = None) -> list[OcrResult]:
    """OCR the pages ``indexes`` (0-based) of an open pypdfium2 document with ``workers`` Tesseract processes.

    Pages not started before ``deadline`` (a ``time.monotonic()`` value) come back with an error, unread.
    """
    dpi = dpi or default("ocr_dpi")
    max_pixels = default("ocr_max_pixels")
    workers = max(1, workers or default("ocr_workers") or os.cpu_count() or 1)
    lock = threading.Lock()

    def one(index: int) -> OcrResult:
        if deadline is not None and time.monotonic() > deadline:
            return OcrResult(index, error="time limit reached before this page")
        with lock:
            page = pdf[index]
            image = render_pgm(page, dpi, max_pixels)
            page.close()
        try:
            text, confidence = tesseract(image, dpi)
        except subprocess.TimeoutExpired:
            return OcrResult(index, error="OCR time limit reached on this page")
        except (subprocess.CalledProcessError, OSError) as err:
            return OcrResult(index, error=f"Tesseract failed: {_one_line(err)}")
        return OcrResult(index, text, confidence)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, indexes))


def _one_line(err: Exception) -> str:
    stderr = getattr(err, "stderr", None)
    if stderr:
        lines = [ln for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
        if lines:
            return lines[-1][:200]
    return str(err).splitlines()[0][:200] if str(err) else type(err).__name__
