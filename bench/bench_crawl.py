"""Crawl throughput and memory: a generated portal family of N articles over 8 hosts on 127.0.0.1.

    python -m bench.bench_crawl [--articles 5000] [--hosts 8] [--concurrency 8]

Pages are generated on the fly (a Liferay-like portal: home, paged listing, articles with
chrome, figures and a byline). Two crawls run, each in its own `govnews crawl --delay 0`
process into a fresh data folder: one stopped at ~1,000 pages, one over the whole site.
For each it prints pages/s (archive + extract + store), the CPU time per page (user + system, the crawl
process and the children it waited for: the figure that holds on a machine busy with other work) and the
process's peak RSS.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PER_PAGE = 20

PARAGRAPHS = (
    "Sáng ngày {d:02d}/{m}/2023, Đồng chí Nguyễn Văn {n} chủ trì hội nghị sơ kết công tác cải cách hành chính "
    "6 tháng đầu năm 2023 với sự tham dự của lãnh đạo các phòng, ban, ngành và UBND {x} xã, thị trấn.",
    "Trong 6 tháng đầu năm, huyện đã tiếp nhận và xử lý {a}.{b:03d} hồ sơ qua hệ thống một cửa điện tử, "
    "đạt tỷ lệ {p},{q}% hồ sơ giải quyết đúng hạn; tổng thu ngân sách ước đạt {m},{d} tỷ đồng, "
    "tăng {q}% so với cùng kỳ.",
    "Diện tích gieo trồng vụ Hè Thu đạt {a}.{b:03d} ha, năng suất bình quân {x},{d} tạ/ha; toàn huyện có {x}/{x} "
    "xã đạt chuẩn nông thôn mới, giải quyết việc làm cho {n} lao động.",
    "Hội nghị đã thảo luận, đánh giá những kết quả đạt được, chỉ ra những tồn tại, hạn chế và đề ra nhiệm vụ, "
    "giải pháp trọng tâm trong 6 tháng cuối năm nhằm nâng cao chất lượng phục vụ người dân và doanh nghiệp.",
)

MENU = ("Giới thiệu", "Tin tức - Sự kiện", "Chỉ đạo điều hành", "Văn bản", "Thủ tục hành chính", "Quy hoạch",
        "Kinh tế", "Văn hóa - Xã hội", "Quốc phòng - An ninh", "Cải cách hành chính", "Chuyển đổi số",
        "Lịch công tác", "Hỏi đáp", "Liên hệ", "Thống kê", "Dự án", "Đấu thầu", "Tuyển dụng")
LINKS = ("Cổng TTĐT Chính phủ", "Bộ Nội vụ", "Bộ Tài chính", "UBND tỉnh", "Sở Nội vụ", "Sở Tài chính",
         "Sở Kế hoạch và Đầu tư", "Báo điện tử tỉnh", "Đài PT-TH tỉnh", "Dịch vụ công trực tuyến")
CHROME_TOP = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title} - UBND huyện {host}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="canonical" href="{canonical}">
<link rel="stylesheet" href="/css/main.css"><script src="/js/jquery.min.js"></script>
<script>var portal = {{"groupId": 20182, "plid": 3, "languageId": "vi_VN", "themeDisplay": true}};</script></head><body>
<div class="header"><div class="date">Thứ bảy, 28/11/2026</div><a href="/"><img src="/logo.png" alt="logo"></a>
<h1 class="site-title">Cổng thông tin điện tử UBND huyện {host}</h1>
<form action="/tim-kiem"><input name="q" placeholder="Tìm kiếm"></form></div>
<ul class="menu"><li><a href="/">Trang chủ</a></li>""" + "".join(
    f'<li><a href="/chuyen-muc/{i}">{name}</a></li>' for i, name in enumerate(MENU)) + """</ul>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc?page=1">Tin tức - Sự kiện</a></div>
<div class="main">"""
CHROME_BOTTOM = """</div><div class="sidebar"><h3>Tin mới</h3><ul>{recent}</ul>
<h3>Liên kết website</h3><ul>""" + "".join(f'<li><a href="https://lienket{i}.gov.vn/">{name}</a></li>'
                                          for i, name in enumerate(LINKS)) + """</ul>
<div class="poll"><h3>Thăm dò ý kiến</h3><p>Bạn đánh giá thế nào về chất lượng dịch vụ công trực tuyến?</p>
<label><input type="radio"> Rất hài lòng</label><label><input type="radio"> Hài lòng</label></div>
<div class="counter">Đang truy cập: 25 — Lượt truy cập: 1.234.567</div></div>
<div class="footer">Cơ quan chủ quản: UBND huyện {host}. Địa chỉ: số 1 đường Chính, thị trấn, huyện {host}.
Điện thoại: 0255.3861.234 — Fax: 0255.3861.235 — Email: ubnd@huyen{host}.gov.vn. Chịu trách nhiệm chính:
Chánh Văn phòng HĐND và UBND huyện. Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin này.
<a href="/so-do-site">Sơ đồ site</a></div><script>window.analytics && analytics.track("view");</script></body></html>"""


def article_page(host: int, n: int, total: int) -> str:
    title = f"Huyện {host} tổ chức hội nghị sơ kết công tác cải cách hành chính số {n}"
    paras = "".join(
        "<p>" + PARAGRAPHS[(n + i) % len(PARAGRAPHS)].format(
            d=1 + (n + i) % 28, m=1 + (n + i) % 12, n=100 + n % 900, x=3 + i, a=1 + n % 9, b=(n * 7 + i) % 1000,
            p=80 + n % 19, q=(n + i) % 10) + "</p>"
        for i in range(10))
    recent = "".join(f'<li><a href="/-/bai-viet-{(n + k) % total}">Huyện {host} tổ chức hội nghị số '
                     f'{(n + k) % total}</a></li>' for k in range(1, 8))
    return (CHROME_TOP.format(title=title, host=host, canonical=f"/-/bai-viet-{n}")
            + f'<div class="journal-content-article"><h2 class="title">{title}</h2>'
            f'<div class="date">18/08/2023 16:01</div>{paras}<p style="text-align:right"><strong>Hà Trinh</strong></p>'
            f'</div><div class="other-news"><h3>Tin khác</h3><ul>{recent}</ul></div>'
            + CHROME_BOTTOM.format(recent=recent, host=host))


def listing_page(host: int, page: int, total: int) -> str:
    first = (page - 1) * PER_PAGE
    items = "".join(f'<li><a href="/-/bai-viet-{k}">Huyện {host} tổ chức hội nghị số {k}</a>'
                    f'<span class="date">18/08/2023</span></li>' for k in range(first, min(first + PER_PAGE, total)))
    pages = (total + PER_PAGE - 1) // PER_PAGE
    nav = "".join(f'<a href="/tin-tuc?page={p}">{p}</a> ' for p in range(max(1, page - 3), min(pages, page + 3) + 1))
    if page < pages:
        nav += f'<a href="/tin-tuc?page={page + 1}">Trang sau</a>'
    return (CHROME_TOP.format(title="Tin tức - Sự kiện", host=host, canonical=f"/tin-tuc?page={page}")
            + f'<div class="asset-publisher"><ul class="news-list">{items}</ul><div class="paging">{nav}</div></div>'
            + CHROME_BOTTOM.format(recent="", host=host))


def make_handler(host: int, total: int):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            path, _, query = self.path.partition("?")
            status, ctype, body = 200, "text/html; charset=utf-8", None
            if path == "/robots.txt":
                ctype, body = "text/plain", "User-agent: *\nDisallow: /tim-kiem\n"
            elif path == "/" or path.startswith("/chuyen-muc/") or path == "/so-do-site":
                body = listing_page(host, 1, total)
            elif path == "/tin-tuc":
                page = int(query.split("=", 1)[1]) if query.startswith("page=") else 1
                body = listing_page(host, page, total)
            elif path in ("/css/main.css", "/js/jquery.min.js"):
                ctype, body = "text/plain", "/* */"
            elif path.startswith("/-/bai-viet-") and path[12:].isdigit() and int(path[12:]) < total:
                body = article_page(host, int(path[12:]), total)
            if body is None:
                status, body = 404, "<html><body><h1>Không tìm thấy trang</h1></body></html>"
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    return Handler


def start_sites(hosts: int, per_host: int) -> tuple[list[ThreadingHTTPServer], list[str]]:
    servers = []
    for h in range(hosts):
        server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(h, per_host))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers, [f"http://127.0.0.1:{s.server_address[1]}/" for s in servers]


def run_crawl(seeds: list[str], data: Path, max_pages: int | None, concurrency: int):
    """(seconds, pages fetched, articles stored, peak RSS in MB, steady pages/s, CPU seconds) of one `govnews crawl`."""
    argv = [sys.executable, "-m", "cli", "crawl", *seeds, "--data", str(data), "--delay", "0",
            "--concurrency", str(concurrency), "--quiet"]
    if max_pages:
        argv += ["--max-pages", str(max_pages)]
    started = time.time()
    proc = subprocess.Popen(argv, cwd=ROOT)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.time() - started
    if status != 0:
        raise SystemExit(f"crawl failed with status {status}")
    import sqlite3

    with sqlite3.connect(data / "records.sqlite") as db:
        pages = db.execute("SELECT COUNT(*) FROM crawl_urls WHERE http_status IS NOT NULL").fetchone()[0]
        articles = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, pages, articles, usage.ru_maxrss // 1024, steady_rate(data / "crawl.log"), cpu


def steady_rate(log: Path) -> float:
    """Responses per second between the first and the last response in the crawl log (no start-up, no index)."""
    stamps = []
    for line in log.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ", 4)
        if len(parts) == 5 and parts[2] == "INFO" and parts[3].isdigit():
            stamps.append(datetime.strptime(f"{parts[0]} {parts[1]}", "%Y-%m-%d %H:%M:%S,%f").timestamp())
    return (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--hosts", type=int, default=8)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    per_host = (args.articles + args.hosts - 1) // args.hosts
    servers, seeds = start_sites(args.hosts, per_host)
    print(f"{args.hosts} hosts x {per_host} articles (+{(per_host + PER_PAGE - 1) // PER_PAGE} listing pages each)")
    try:
        for label, max_pages in (("1,000 pages", 1000 // args.hosts), ("whole site", None)):
            with tempfile.TemporaryDirectory(prefix="govnews-bench-") as tmp:
                elapsed, pages, articles, rss, steady, cpu = run_crawl(seeds, Path(tmp) / "data", max_pages,
                                                                       args.concurrency)
                print(f"{label:>12}: {pages} pages ({articles} articles) in {elapsed:.1f} s: "
                      f"{steady:.1f} pages/s while crawling, {pages / elapsed:.1f} pages/s overall (process "
                      f"start-up and search indexing included); CPU {1000 * cpu / pages:.1f} ms/page; "
                      f"peak RSS {rss} MB; load average "
                      f"{os.getloadavg()[0]:.1f}")
    finally:
        for server in servers:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
