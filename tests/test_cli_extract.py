"""`govnews extract` end to end: files, stdin, URLs on 127.0.0.1, formats and bad input."""
from __future__ import annotations

import http.server
import io
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import cli

ROOT = Path(__file__).resolve().parent.parent
SEED_PAGE = ROOT / "tests" / "data" / "pages" / "liferay62-minhlong-cchc-seed.html"
SEED_EXPECTED = json.loads(SEED_PAGE.with_suffix(".expected.json").read_text(encoding="utf-8"))
SEED_TEXT = ROOT / "tests" / "data" / "seed" / "minh-long-2023-08-18.txt"


def run(argv, capsys, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_file_prints_article_json(capsys):
    code, out, err = run(["extract", str(SEED_PAGE), "--url", SEED_EXPECTED["url"]], capsys)
    assert code == 0, err
    article = json.loads(out)
    assert article["title"] == SEED_EXPECTED["title"]
    assert article["published"] == SEED_EXPECTED["published"]
    assert article["author"] == "Hà Trinh"
    assert article["site"] == "minhlong.quangngai.gov.vn"
    assert article["body"].startswith("Sáng ngày 02/8/2023")
    for figure in article["indicators"]:
        assert article["body"][figure["start"]:figure["end"]] == figure["text"]


def test_jsonl_one_line_per_input_in_order(capsys, tmp_path):
    pages = sorted((ROOT / "tests" / "data" / "pages").glob("*.html"))[:3]
    code, out, err = run(["extract", *map(str, pages), "--format", "jsonl"], capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 3
    for page, line in zip(pages, lines):
        expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
        assert json.loads(line)["title"] == expected["title"]


def test_json_with_several_inputs_is_one_array(capsys):
    pages = sorted((ROOT / "tests" / "data" / "pages").glob("*.html"))[:2]
    code, out, _ = run(["extract", *map(str, pages)], capsys)
    assert code == 0
    assert [type(a) for a in json.loads(out)] == [dict, dict]


def test_bad_inputs_are_reported_and_the_others_still_processed(capsys, tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    jpeg = tmp_path / "photo.html"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.html"
    code, out, err = run(["extract", str(pdf), str(SEED_PAGE), str(jpeg), str(empty), str(missing),
                          "--format", "jsonl"], capsys)
    assert code == 2
    assert len(out.splitlines()) == 1 and json.loads(out)["author"] == "Hà Trinh"
    messages = err.strip().splitlines()
    assert len(messages) == 4
    assert "PDF" in messages[0] and "JPEG" in messages[1]
    assert "empty" in messages[2] and "no such file" in messages[3]
    assert "Traceback" not in err


def test_oversized_file_is_refused(capsys, tmp_path):
    big = tmp_path / "big.html"
    with big.open("wb") as fh:
        fh.write(b"<html><body>")
        fh.write(b"<p>" + b"x" * 1024 + b"</p>\n" * 1)
        fh.truncate(50 * 2**20)
    code, _, err = run(["extract", str(big)], capsys)
    assert code == 2 and "larger than" in err


def test_stdin_and_text_format(capsys, monkeypatch):
    code, out, err = run(["extract", "-", "--format", "text"], capsys, stdin=SEED_PAGE.read_bytes(),
                         monkeypatch=monkeypatch)
    assert code == 0, err
    assert out.startswith("title: Minh Long tổ chức Hội nghị")
    assert "2.358 hồ sơ" in out


def test_text_mode_gives_body_and_indicators(capsys):
    code, out, err = run(["extract", "--text", str(SEED_TEXT), "--format", "jsonl"], capsys)
    assert code == 0, err
    result = json.loads(out)
    assert set(result) == {"body", "indicators"}
    texts = [f["text"] for f in result["indicators"]]
    assert "2.358 hồ sơ" in texts and "31/31 thôn" in texts
    for figure in result["indicators"]:
        assert result["body"][figure["start"]:figure["end"]] == figure["text"]


class _OnePage(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server API
        if self.path != "/tin/bai-viet":
            self.send_error(404)
            return
        body = SEED_PAGE.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def page_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _OnePage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_url_input_and_http_errors(capsys, page_server):
    code, out, err = run(["extract", f"{page_server}/tin/bai-viet", f"{page_server}/khong-co",
                          "--format", "jsonl"], capsys)
    assert code == 2
    article = json.loads(out)
    assert article["url"] == f"{page_server}/tin/bai-viet"
    assert article["site"] == page_server.split("//")[1]
    assert "404" in err


def test_unreachable_host_is_one_line(capsys):
    code, out, err = run(["extract", "http://127.0.0.1:9/nothing-listens-here"], capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_bad_usage_exits_2_with_one_line(capsys):
    code, _, err = run(["extract", "--format", "xml", "a.html"], capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1


def test_console_script_entry_point_runs():
    done = subprocess.run([sys.executable, "-c", "import cli, sys; sys.exit(cli.main(['--help']))"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "crawl" in done.stdout
