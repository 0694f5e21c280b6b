"""Regenerate the static sample portals in this folder from ``_content/*.txt``.

    python samples/site/build_site.py

Four portals of four CMS families (Liferay 7 district portal, NukeViet 4
province portal, WordPress commune site, SharePoint 2013 department portal), each a folder holding its pages and a
``_routes.json`` (URL path -> file, query-string variants, redirects) that
``samples/server.py`` serves. ``manifest.json`` lists every real article with
the fields an extractor must find, so tests can measure recall and precision.

Absolute URLs (canonical, sitemaps, feeds) are written as ``{{BASE}}`` and
links to the other sample portals as ``{{SITE:name}}``; the server substitutes
them because every portal runs on its own free port. ``{{OUTSIDE}}`` is a
server on 127.0.0.1 that is never a seed (an out-of-scope host).

Content format of ``_content/<site>.txt``: articles separated by lines
``=== <slug>``, then ``key: value`` header lines, a blank line, and paragraphs
separated by blank lines.
"""
from __future__ import annotations

import gzip
import json
import shutil
import struct
import unicodedata
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONTENT = HERE / "_content"

# Fixed "today" of the header date widgets: deliberately not any article's date.
WIDGET_TODAY = "Thứ Sáu, 15/11/2024"
WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")

LIFERAY_AP = "com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_tintuc01"
LIFERAY_AP_ID = "tintuc01"


@dataclass
class Art:
    site: str
    slug: str
    title: str
    date: datetime
    author: str | None
    views: int
    paragraphs: list[str]
    category: tuple[str, str] = ("tin-tuc", "Tin tức")
    sapo: str | None = None
    source: str | None = None
    images: list[tuple[str, str]] = field(default_factory=list)
    attachments: list[tuple[str, str]] = field(default_factory=list)
    # linked | sitemap (only in the sitemap) | feed (only in the sitemap and feed: listing pages behind postbacks)
    # | redirect (only through the fault redirect chain)
    reach: str = "linked"
    num: int = 0
    path: str = ""

    @property
    def listed(self) -> bool:
        return self.reach == "linked"

    @property
    def iso(self) -> str:
        return self.date.strftime("%Y-%m-%dT%H:%M:00+07:00")

    @property
    def dmy(self) -> str:
        return self.date.strftime("%d/%m/%Y")


def parse_content(site: str) -> list[Art]:
    arts: list[Art] = []
    text = (CONTENT / f"{site}.txt").read_text(encoding="utf-8")
    for chunk in text.split("\n=== ")[1:]:
        head, _, body = chunk.partition("\n\n")
        lines = head.splitlines()
        slug = lines[0].strip()
        meta: dict[str, list[str]] = {}
        for line in lines[1:]:
            key, _, value = line.partition(":")
            meta.setdefault(key.strip(), []).append(value.strip())
        one = {k: v[0] for k, v in meta.items()}
        paragraphs = [" ".join(p.split("\n")).strip() for p in body.strip().split("\n\n") if p.strip()]
        cat = tuple(x.strip() for x in one.get("category", "tin-tuc | Tin tức").split("|"))
        arts.append(Art(
            site=site, slug=slug, title=one["title"],
            date=datetime.strptime(one["date"], "%Y-%m-%d %H:%M"),
            author=one.get("author") or None, views=int(one.get("views", "0")),
            paragraphs=paragraphs, category=(cat[0], cat[1]), sapo=one.get("sapo"),
            source=one.get("source"),
            images=[tuple(x.strip() for x in v.split("|")) for v in meta.get("image", [])],
            attachments=[tuple(x.strip() for x in v.split("|")) for v in meta.get("attachment", [])],
            reach=one.get("reach", "linked"), num=int(one.get("id", "0")),
        ))
    return arts


# ---------------------------------------------------------------- tiny binary assets

def tiny_png(rgb: tuple[int, int, int], size: int = 8) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# A real report behind one sample article, so the demo shows a document found by search with its figures.
# Its text layer is laid out like a Vietnamese administrative document: the two-column header, the kind,
# the subject, the body with figures, the signature block.
REPORTS = {
    "bao-cao-tong-ket-ntm-2022.pdf": [[
        "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "HUYỆN MINH LONG                         Độc lập - Tự do - Hạnh phúc",
        "Số: 412/BC-UBND                     Minh Long, ngày 20 tháng 12 năm 2022",
        "",
        "BÁO CÁO",
        "Tổng kết Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2022",
        "",
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Năm 2022, tổng nguồn vốn huy động thực hiện Chương trình đạt 38,2 tỷ đồng,",
        "trong đó vốn ngân sách trung ương 24,6 tỷ đồng, vốn ngân sách tỉnh 6,1 tỷ đồng.",
        "2. Xã Long Hiệp đạt 19/19 tiêu chí; các xã còn lại bình quân đạt 12,6/19 tiêu chí.",
        "3. Toàn huyện đã cứng hóa 126,4 km đường giao thông nông thôn;",
        "tỷ lệ hộ dân sử dụng nước sinh hoạt hợp vệ sinh đạt 96,5%.",
        "4. Thu nhập bình quân đầu người đạt 32,4 triệu đồng/năm, tăng 8,2% so với năm 2021.",
        "5. Tỷ lệ hộ nghèo giảm còn 18,7%; có 6/31 thôn đạt chuẩn thôn nông thôn mới.",
        "",
        "II. NHIỆM VỤ NĂM 2023",
        "Phấn đấu có thêm 01 xã đạt chuẩn nông thôn mới, giảm tỷ lệ hộ nghèo 4%.",
        "",
        "                                                  TM. ỦY BAN NHÂN DÂN",
        "                                                  KT. CHỦ TỊCH",
        "                                                  PHÓ CHỦ TỊCH",
        "",
        "                                                  Nguyễn Văn Hùng",
    ]],
}


def attachment_pdf(name: str, title: str) -> bytes:
    from samples.pdf import text_pdf

    return text_pdf(REPORTS[name], size=10.5, first_line=790) if name in REPORTS else tiny_pdf(title)


def tiny_pdf(title: str) -> bytes:
    """A one-page PDF with a correct xref table; text kept ASCII (no font embedding)."""
    ascii_title = title.encode("ascii", "replace").decode().replace("(", "[").replace(")", "]")
    stream = f"BT /F1 14 Tf 50 780 Td ({ascii_title}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def ascii_name(text: str) -> str:
    flat = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in flat if not unicodedata.combining(c))


# ---------------------------------------------------------------- site writer

class SiteWriter:
    def __init__(self, name: str):
        self.name = name
        self.dir = HERE / name
        self.paths: dict[str, str] = {}
        self.variants: dict[str, list] = {}
        self.aliases: list[list[str]] = []

    def reset(self) -> None:
        if self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir()

    def file(self, rel: str, data: str | bytes) -> str:
        target = self.dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return rel

    def page(self, url_path: str, rel: str, data: str | bytes) -> None:
        self.paths[url_path] = self.file(rel, data)

    def redirect(self, url_path: str, target: str) -> None:
        self.paths[url_path] = "-> " + target

    def variant(self, url_path: str, params: dict[str, str], target: str) -> None:
        self.variants.setdefault(url_path, []).append([params, target])

    def finish(self) -> None:
        routes = {"paths": self.paths, "variants": self.variants, "aliases": self.aliases}
        self.file("_routes.json", json.dumps(routes, ensure_ascii=False, indent=1, sort_keys=True))


def paragraphs_html(art: Art, byline_style: str) -> str:
    body = "\n".join(f"<p style=\"text-align:justify\">{escape(p)}</p>" for p in art.paragraphs)
    if art.author and byline_style == "end":
        body += f"\n<p style=\"text-align:right\"><strong>{escape(art.author)}</strong></p>"
    return body


def sitemap(urls: list[tuple[str, str]]) -> str:
    items = "\n".join(f"  <url><loc>{{{{BASE}}}}{escape(u)}</loc><lastmod>{d}</lastmod></url>" for u, d in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + items + "\n</urlset>\n")


def sitemap_index(paths: list[str]) -> str:
    items = "\n".join(f"  <sitemap><loc>{{{{BASE}}}}{p}</loc></sitemap>" for p in paths)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + items + "\n</sitemapindex>\n")


def rss(title: str, home: str, arts: list[Art]) -> str:
    items = "\n".join(
        f"<item><title>{escape(a.title)}</title><link>{{{{BASE}}}}{escape(a.path)}</link>"
        f"<guid isPermaLink=\"true\">{{{{BASE}}}}{escape(a.path)}</guid>"
        f"<pubDate>{a.date.strftime('%a, %d %b %Y %H:%M:00')} +0700</pubDate>"
        f"<description>{escape(a.sapo or a.paragraphs[0][:200])}</description></item>"
        for a in arts)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{escape(title)}</title><link>{{{{BASE}}}}{home}</link>"
            "<description>Tin tức mới nhất</description><language>vi</language>\n"
            + items + "\n</channel></rss>\n")


def related(arts: list[Art], art: Art, n: int = 5) -> list[Art]:
    others = [a for a in arts if a is not art and a.listed]
    return others[:n]


# ---------------------------------------------------------------- Liferay 7 district portal

ML_NAME = "UBND huyện Minh Long"
ML_MENU = [("/", "Trang chủ"), ("/gioi-thieu", "Giới thiệu"), ("/tin-tuc-su-kien", "Tin tức - Sự kiện"),
           ("/van-ban", "Văn bản chỉ đạo điều hành"), ("/lien-he", "Liên hệ")]


def ml_page(title: str, main: str, *, canonical: str, head_extra: str = "") -> str:
    menu = "".join(f'<li class="lfr-nav-item"><a href="{u}"><span>{escape(t)}</span></a></li>' for u, t in ML_MENU)
    return f"""<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="vi-VN">
<head>
<title>{escape(title)} - {ML_NAME}</title>
<meta content="initial-scale=1.0, width=device-width" name="viewport" />
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<meta name="author" content="{ML_NAME}" />
<link href="{{{{BASE}}}}{canonical}" rel="canonical" />
<link href="/-/asset_publisher/{LIFERAY_AP_ID}/rss" rel="alternate" title="Tin tức - Sự kiện" type="application/rss+xml" />
<link href="/o/minhlong-theme/css/main.css" rel="stylesheet" type="text/css" />
{head_extra}<script>var Liferay = {{ThemeDisplay: {{getLanguageId: function() {{ return "vi_VN"; }}}}}};</script>
</head>
<body class="controls-visible yui3-skin-sam guest-site signed-out public-page site">
<nav aria-label="Liên kết nhanh" class="quick-access-nav" id="quickAccessNav"><h1 class="hide-accessible">Điều hướng</h1>
<ul><li><a href="#main-content">Truy cập nội dung luôn</a></li></ul></nav>
<div class="container-fluid" id="wrapper">
<header id="banner" role="banner">
 <div class="top-bar"><span class="date-today">Hôm nay, {WIDGET_TODAY}</span>
  <form action="/tim-kiem" method="get" class="search-bar"><input name="q" placeholder="Tìm kiếm..." type="text" /><button type="submit">Tìm</button></form>
  <a href="/tim-kiem?q=c%E1%BA%A3i+c%C3%A1ch">Tìm kiếm nâng cao</a> | <a href="/c/portal/login">Đăng nhập</a></div>
 <div class="logo"><a href="/" title="Trang chủ"><img alt="Logo" src="/o/minhlong-theme/images/logo.png" /><span class="site-name">ỦY BAN NHÂN DÂN HUYỆN MINH LONG</span></a></div>
 <nav class="sort-pages modify-pages" id="navigation" role="navigation"><ul aria-label="Trang web" role="menubar">{menu}</ul></nav>
</header>
<section id="content">
<div class="columns-2-1" id="main-content" role="main">
<div class="portlet-layout row"><div class="col-md-8 portlet-column">
{main}
</div>
<div class="col-md-4 portlet-column portlet-column-last">
 <div class="portlet-boundary"><h2 class="portlet-title">Liên kết website</h2><ul class="web-links">
  <li><a href="{{{{SITE:tinh-nukeviet}}}}/">Cổng thông tin điện tử tỉnh Tây Ninh</a></li>
  <li><a href="{{{{SITE:xa-wordpress}}}}/">Trang thông tin xã Long Sơn</a></li>
  <li><a href="{{{{OUTSIDE}}}}/">Cổng Dịch vụ công quốc gia</a></li></ul></div>
 <div class="portlet-boundary thong-ke"><h2 class="portlet-title">Thống kê truy cập</h2>
  <p>Số lượt truy cập: 794</p><p>Tổng số lượt xem: 16449550</p></div>
</div></div></div>
</section>
<footer id="footer" role="contentinfo">
 <p><strong>ỦY BAN NHÂN DÂN HUYỆN MINH LONG</strong></p>
 <p>Địa chỉ: Thôn Ba Tơ, xã Long Hiệp, huyện Minh Long, tỉnh Quảng Ngãi</p>
 <p>Điện thoại: 0255.3867.123 - Fax: 0255.3867.456 - Email: minhlong@quangngai.gov.vn</p>
 <p>Chịu trách nhiệm chính: Chánh Văn phòng HĐND và UBND huyện</p>
</footer>
</div>
</body>
</html>
"""


def ml_article_main(art: Art, others: list[Art]) -> str:
    figs = "".join(f'<div class="image-article" style="text-align:center"><img alt="{escape(c)}" src="/documents/20182/0/{f}" />'
                   f'<p><em>{escape(c)}</em></p></div>' for f, c in art.images)
    atts = ""
    if art.attachments:
        atts = '<div class="attachment-article"><span>Tệp đính kèm:</span><ul>' + "".join(
            f'<li><a href="/documents/20182/0/{f}">{escape(n)}</a></li>' for f, n in art.attachments) + "</ul></div>"
    source = f'<p class="source-article" style="text-align:right">Nguồn: {escape(art.source)}</p>' if art.source else ""
    rel = "".join(f'<li><a href="{o.path}">{escape(o.title)}</a> <span class="date">({o.dmy})</span></li>' for o in others)
    return f"""<div class="portlet-boundary portlet-journal-content" id="p_p_id_com_liferay_journal_content_web_portlet_JournalContentPortlet_">
<div class="journal-content-article">
<h3 class="title-article">{escape(art.title)}</h3>
<div class="date-article"><span class="date">{art.date.strftime('%d/%m/%Y %H:%M')}</span>&nbsp;&nbsp;&nbsp;&nbsp;<span class="view-count"><i class="icon-eye-open"></i> {art.views}</span></div>
<div class="content-article">
{figs}
{paragraphs_html(art, "end")}
{source}
</div>
{atts}
<div class="tool-article"><a href="javascript:window.print()">In bài viết</a> | <a href="/-/asset_publisher/{LIFERAY_AP_ID}/rss">RSS</a></div>
</div>
</div>
<div class="portlet-boundary other-news"><h4 class="title-other">Các tin khác</h4><ul>{rel}</ul></div>"""


def ml_print(art: Art) -> str:
    return f"""<!DOCTYPE html>
<html lang="vi-VN"><head><title>{escape(art.title)}</title>
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<meta name="robots" content="noindex" />
<link href="{{{{BASE}}}}{art.path}" rel="canonical" /></head>
<body class="portal-popup">
<div class="journal-content-article">
<h3 class="title-article">{escape(art.title)}</h3>
<div class="date-article"><span class="date">{art.date.strftime('%d/%m/%Y %H:%M')}</span></div>
<div class="content-article">{paragraphs_html(art, "end")}</div>
</div>
<script>window.print();</script>
</body></html>
"""


def build_liferay(site: str) -> list[Art]:
    w = SiteWriter(site)
    w.reset()
    arts = sorted(parse_content(site), key=lambda a: a.date, reverse=True)
    for a in arts:
        a.path = f"/-/{a.slug}"
    listed = [a for a in arts if a.listed]
    for a in arts:
        w.page(a.path, f"-/{a.slug}.html", ml_page(a.title, ml_article_main(a, related(arts, a)), canonical=a.path))
        w.variant(a.path, {"p_p_state": "pop_up"}, w.file(f"print/{a.slug}.html", ml_print(a)))
        for f, caption in a.images:
            w.page(f"/documents/20182/0/{f}", f"documents/{f}", tiny_png((60 + len(caption) % 150, 120, 90)))
        for f, name in a.attachments:
            w.page(f"/documents/20182/0/{f}", f"documents/{f}", attachment_pdf(f, ascii_name(name)))
    # The asset publisher also shows every article under a long alias URL (canonical points to /-/slug).
    w.aliases.append([r"^/[a-z0-9-]+/-/asset_publisher/[A-Za-z0-9]+/content/([a-z0-9-]+)$", r"/-/\1"])

    delta = 5
    pages = [listed[i:i + delta] for i in range(0, len(listed), delta)]

    def page_url(n: int) -> str:
        return (f"/tin-tuc-su-kien?p_p_id={LIFERAY_AP}&amp;p_p_lifecycle=0&amp;p_p_state=normal&amp;p_p_mode=view"
                f"&amp;_{LIFERAY_AP}_delta={delta}&amp;p_r_p_resetCur=false&amp;_{LIFERAY_AP}_cur={n}")

    for n, chunk in enumerate(pages, 1):
        items = "".join(
            f'<div class="news-item"><h4><a href="{a.path}">{escape(a.title)}</a></h4>'
            f'<span class="date">{a.date.strftime("%d/%m/%Y %H:%M")}</span>'
            f'<p class="summary">{escape(a.paragraphs[0][:220])}...</p></div>' for a in chunk)
        nav = '<ul class="lfr-pagination-buttons pager">'
        nav += f'<li><a href="{page_url(1)}">Đầu</a></li>'
        nav += f'<li><a href="{page_url(n - 1)}">Trước</a></li>' if n > 1 else '<li class="disabled"><a href="javascript:;">Trước</a></li>'
        nav += f'<li><a href="{page_url(n + 1)}">Tiếp</a></li>' if n < len(pages) else '<li class="disabled"><a href="javascript:;">Tiếp</a></li>'
        nav += f'<li><a href="{page_url(len(pages))}">Cuối</a></li></ul>'
        nav += f'<small class="search-results">Hiển thị {(n - 1) * delta + 1} - {(n - 1) * delta + len(chunk)} trong {len(listed)} kết quả.</small>'
        main = (f'<div class="portlet-boundary portlet-asset-publisher"><h2 class="portlet-title">Tin tức - Sự kiện</h2>'
                f'<div class="asset-publisher">{items}</div><div class="taglib-page-iterator">{nav}</div></div>')
        html = ml_page("Tin tức - Sự kiện", main, canonical="/tin-tuc-su-kien")
        if n == 1:
            w.page("/tin-tuc-su-kien", "tin-tuc-su-kien/index.html", html)
        w.variant("/tin-tuc-su-kien", {f"_{LIFERAY_AP}_cur": str(n)}, w.file(f"tin-tuc-su-kien/trang-{n}.html", html))

    top = listed[:5]
    home_items = "".join(
        f'<li><a href="{a.path}">{escape(a.title)}</a> <span class="date">({a.dmy})</span></li>' for a in top)
    home = (f'<div class="portlet-boundary tin-noi-bat"><h2 class="portlet-title">Tin nổi bật</h2><ul>{home_items}</ul>'
            f'<a class="view-more" href="/tin-tuc-su-kien">Xem tất cả</a></div><!--FAULT-LINKS-->')
    w.page("/", "index.html", ml_page("Trang chủ", home, canonical="/"))

    docs = [(f, n, a) for a in listed for f, n in a.attachments]
    rows = "".join(f'<tr><td>{i}</td><td><a href="/documents/20182/0/{f}">{escape(n)}</a></td><td>{a.dmy}</td></tr>'
                   for i, (f, n, a) in enumerate(docs, 1))
    w.page("/van-ban", "van-ban.html", ml_page("Văn bản chỉ đạo điều hành", (
        '<div class="portlet-boundary"><h2 class="portlet-title">Văn bản chỉ đạo điều hành</h2>'
        f'<table class="table"><tr><th>STT</th><th>Trích yếu</th><th>Ngày ban hành</th></tr>{rows}</table></div>'),
        canonical="/van-ban"))
    w.page("/gioi-thieu", "gioi-thieu.html", ml_page("Giới thiệu", (
        '<div class="journal-content-article"><h3 class="title-article">Giới thiệu chung về huyện Minh Long</h3>'
        "<p>Huyện Minh Long là huyện miền núi nằm ở phía Tây Nam tỉnh Quảng Ngãi, có 05 đơn vị hành chính cấp xã "
        "với tổng diện tích tự nhiên khoảng 216 km².</p></div>"), canonical="/gioi-thieu"))
    w.page("/lien-he", "lien-he.html", ml_page("Liên hệ", (
        '<div class="journal-content-article"><h3 class="title-article">Liên hệ</h3>'
        "<p>Văn phòng HĐND và UBND huyện Minh Long. Điện thoại: 0255.3867.123.</p></div>"), canonical="/lien-he"))
    w.page("/tim-kiem", "tim-kiem.html", ml_page("Tìm kiếm", "<p>Không tìm thấy kết quả nào phù hợp.</p>",
                                                 canonical="/tim-kiem"))
    w.page("/c/portal/login", "login.html", ml_page("Đăng nhập", "<form><input name='login'></form>",
                                                    canonical="/c/portal/login"))
    w.page(f"/-/asset_publisher/{LIFERAY_AP_ID}/rss", "rss.xml", rss("Tin tức - Sự kiện", "/tin-tuc-su-kien", listed))
    w.page("/sitemap.xml", "sitemap.xml", sitemap(
        [("/", "2024-11-15"), ("/tin-tuc-su-kien", "2024-11-15")] + [(a.path, a.date.strftime("%Y-%m-%d")) for a in listed]))
    w.page("/robots.txt", "robots.txt", "User-agent: *\nDisallow: /tim-kiem\nDisallow: /c/\n")
    w.page("/o/minhlong-theme/css/main.css", "main.css", "body{font-family:Arial,sans-serif}\n")
    w.page("/o/minhlong-theme/images/logo.png", "logo.png", tiny_png((200, 30, 30)))
    w.finish()
    return arts


# ---------------------------------------------------------------- NukeViet 4 province portal

TN_NAME = "Cổng thông tin điện tử tỉnh Tây Ninh"


def tn_page(title: str, main: str, *, canonical: str, og_type: str = "website", head_extra: str = "",
            breadcrumb: str = "") -> str:
    return f"""<!DOCTYPE html>
	<html lang="vi" xmlns="http://www.w3.org/1999/xhtml" prefix="og: http://ogp.me/ns#">
	<head>
<title>{escape(title)}</title>
<meta name="description" content="{escape(title)} - Tin Tức - {TN_NAME}">
<meta name="author" content="{TN_NAME}">
<meta name="copyright" content="{TN_NAME} []">
<meta name="robots" content="index, archive, follow, noodb">
<meta name="generator" content="NukeViet v4.5">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta property="og:title" content="{escape(title)}">
<meta property="og:type" content="{og_type}">
<meta property="og:site_name" content="{TN_NAME}">
<meta property="og:url" content="{{{{BASE}}}}{canonical}">
{head_extra}<link rel="canonical" href="{{{{BASE}}}}{canonical}">
<link rel="alternate" href="/vi/news/rss/" title="Tin Tức" type="application/rss+xml">
<link rel="StyleSheet" href="/themes/egov/css/style.css">
	</head>
	<body>
<noscript><div class="alert alert-danger">Trình duyệt của bạn đã tắt chức năng hỗ trợ JavaScript.</div></noscript>
<div class="body-bg"><div class="wraper">
<header><div class="container"><div id="header" class="row">
 <div class="logo col-xs-24"><a title="{TN_NAME}" href="/vi/"><img src="/uploads/logo.png" alt="{TN_NAME}"></a>
 <span class="site_name">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH TÂY NINH</span></div>
</div></div></header>
<nav class="second-nav" id="menusite"><div class="container"><ul class="nav navbar-nav">
 <li><a href="/vi/">Trang nhất</a></li><li><a href="/vi/news/">Tin Tức</a></li>
 <li><a href="/vi/news/kinh-te/">Kinh tế</a></li><li><a href="/vi/news/van-hoa-xa-hoi/">Văn hóa - Xã hội</a></li>
 <li><a href="/vi/news/chinh-tri/">Chính trị</a></li><li><a href="/vi/contact/">Liên hệ</a></li></ul>
 <div class="current-time">Hôm nay: {WIDGET_TODAY}</div></div></nav>
<div class="container"><div class="breadcrumbs-wrap"><ul class="breadcrumbs list-none"><li><a href="/vi/">Trang nhất</a></li><li><a href="/vi/news/">Tin Tức</a></li>{breadcrumb}</ul></div>
<div class="row"><div class="col-md-16">
{main}
</div>
<div class="col-md-8"><div class="panel panel-default"><div class="panel-heading">Thống kê truy cập</div><div class="panel-body">
<ul class="counter list-none"><li><span>Đang truy cập</span><span>52</span></li><li><span>Hôm nay</span><span>4.512</span></li>
<li><span>Tháng hiện tại</span><span>121.045</span></li><li><span>Tổng lượt truy cập</span><span>12.345.678</span></li></ul></div></div>
<div class="panel panel-default"><div class="panel-heading">Liên kết</div><div class="panel-body"><ul>
<li><a href="{{{{SITE:huyen-minhlong}}}}/">UBND huyện Minh Long</a></li><li><a href="{{{{OUTSIDE}}}}/chinh-phu">Cổng TTĐT Chính phủ</a></li></ul></div></div>
</div></div></div>
<footer id="footer" class="footerNav2"><div class="container">
<p><strong>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH TÂY NINH</strong></p>
<p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Tây Ninh. Địa chỉ: 136 đường Trần Hưng Đạo, phường 3, thành phố Tây Ninh.</p>
<p>Điện thoại: 0276.3822.311 - Email: ttdt@tayninh.gov.vn</p>
<p><a href="/admin/">Quản trị</a> | <a href="/vi/page/so-do-site.html">Sơ đồ site</a></p>
</div></footer>
</div></div>
	</body>
</html>
"""


def tn_article_main(art: Art, newer: list[Art], older: list[Art]) -> str:
    date_line = f"{WEEKDAYS[art.date.weekday()]} - {art.date.strftime('%d/%m/%Y %H:%M')}"
    ym = art.date.strftime("%Y_%m")
    figs = "".join(f'<figure class="article center"><img alt="{escape(c)}" src="/uploads/news/{ym}/{f}" width="500">'
                   f'<figcaption>{escape(c)}</figcaption></figure>' for f, c in art.images)
    atts = ""
    if art.attachments:
        atts = ('<div class="news-download-file"><div class="panel-heading">Tập tin đính kèm</div><ul>' + "".join(
            f'<li><em class="fa fa-file-pdf-o"></em> <a href="/uploads/news/{ym}/{f}" title="{escape(n)}">{escape(n)}</a></li>'
            for f, n in art.attachments) + "</ul></div>")
    tail = ""
    if art.author:
        tail += f'<p class="h5 text-right"><strong>Tác giả: </strong>{escape(art.author)}</p>'
    if art.source:
        tail += f'<p class="h5 text-right"><strong>Nguồn tin: </strong>{escape(art.source)}</p>'

    def lst(arts: list[Art]) -> str:
        return "".join(f'<li><em class="fa fa-angle-right"></em> <a href="{a.path}" title="{escape(a.title)}">'
                       f'{escape(a.title)}</a> <em>({a.dmy})</em></li>' for a in arts)

    return f"""<div class="news_column panel panel-default"><div class="panel-body">
<h1 class="title margin-bottom-lg">{escape(art.title)}</h1>
<div class="row margin-bottom-lg"><div class="col-md-12"><span class="h5">{date_line}</span></div>
<div class="col-md-12"><ul class="list-inline text-right"><li><a class="dimgray" rel="nofollow" title="Gửi bài viết qua email" href="/vi/news/sendmail/{art.num}/"><em class="fa fa-envelope"></em></a></li>
<li><a class="dimgray" rel="nofollow" title="In ấn" href="/vi/news/print/{art.category[0]}/{art.slug}-{art.num}.html"><em class="fa fa-print"></em></a></li></ul></div></div>
<div class="clearfix"><div class="hometext m-bottom">{escape(art.sapo or "")}</div>{figs}</div>
<div id="news-bodyhtml" class="bodytext margin-bottom-lg">
{paragraphs_html(art, "none")}
</div>
{atts}
<div class="margin-bottom-lg">{tail}</div>
<div class="news-view"><em class="fa fa-eye"></em> Lượt xem: {art.views}</div>
</div></div>
<div class="news_column panel panel-default"><div class="panel-body other-news">
<p class="h3"><strong>Những tin mới hơn</strong></p><ul class="related list-none">{lst(newer)}</ul>
<p class="h3"><strong>Những tin cũ hơn</strong></p><ul class="related list-none">{lst(older)}</ul>
</div></div>"""


TN_CATEGORIES = {"kinh-te": "Kinh tế", "van-hoa-xa-hoi": "Văn hóa - Xã hội", "chinh-tri": "Chính trị"}


def build_nukeviet(site: str) -> list[Art]:
    w = SiteWriter(site)
    w.reset()
    arts = sorted(parse_content(site), key=lambda a: a.date, reverse=True)
    for a in arts:
        a.path = f"/vi/news/{a.category[0]}/{a.slug}-{a.num}.html"
    listed = [a for a in arts if a.listed]
    for a in arts:
        pool = [o for o in listed if o is not a and o.category == a.category]
        newer = [o for o in pool if o.date > a.date][-3:]
        older = [o for o in pool if o.date < a.date][:3]
        head = (f'<meta property="article:published_time" content="{a.iso}">\n'
                f'<meta property="article:section" content="{escape(a.category[1])}">\n')
        crumb = f'<li><a href="/vi/news/{a.category[0]}/">{escape(a.category[1])}</a></li>'
        w.page(a.path, a.path.lstrip("/"), tn_page(a.title, tn_article_main(a, newer, older), canonical=a.path,
                                                   og_type="article", head_extra=head, breadcrumb=crumb))
        ym = a.date.strftime("%Y_%m")
        for f, caption in a.images:
            w.page(f"/uploads/news/{ym}/{f}", f"uploads/news/{ym}/{f}", tiny_png((30, 90 + len(caption) % 150, 160)))
        for f, name in a.attachments:
            w.page(f"/uploads/news/{ym}/{f}", f"uploads/news/{ym}/{f}", tiny_pdf(ascii_name(name)))

    per_page = 4

    def listing(base: str, title: str, items: list[Art], crumb: str) -> None:
        chunks = [items[i:i + per_page] for i in range(0, len(items), per_page)] or [[]]
        for n, chunk in enumerate(chunks, 1):
            body = "".join(
                f'<div class="news_column panel panel-default"><div class="panel-body"><h3><a href="{a.path}" title="{escape(a.title)}">'
                f'{escape(a.title)}</a></h3><p class="text-muted"><em class="fa fa-clock-o"></em> {a.date.strftime("%d/%m/%Y %H:%M")}</p>'
                f'<div class="text-justify">{escape(a.sapo or a.paragraphs[0][:200])}</div></div></div>' for a in chunk)
            pager = '<div class="text-center"><ul class="pagination">'
            for k in range(1, len(chunks) + 1):
                href = base if k == 1 else f"{base}page-{k}"
                pager += f'<li class="active"><a href="#">{k}</a></li>' if k == n else f'<li><a href="{href}">{k}</a></li>'
            if n < len(chunks):
                pager += f'<li><a href="{base}page-{n + 1}" title="Trang sau">»</a></li>'
            pager += "</ul></div>"
            url = base if n == 1 else f"{base}page-{n}"
            rel = url.lstrip("/") + ("index.html" if n == 1 else ".html")
            w.page(url, rel, tn_page(f"{title} - Trang {n}" if n > 1 else title, body + pager, canonical=url,
                                     breadcrumb=crumb))

    listing("/vi/news/", "Tin Tức", listed, "")
    for slug, name in TN_CATEGORIES.items():
        listing(f"/vi/news/{slug}/", name, [a for a in listed if a.category[0] == slug],
                f'<li><a href="/vi/news/{slug}/">{escape(name)}</a></li>')
    home = ('<div class="panel panel-default"><div class="panel-heading"><a href="/vi/news/">Tin tức - Sự kiện</a></div><ul class="list-none">'
            + "".join(f'<li><a href="{a.path}">{escape(a.title)}</a> <em>({a.dmy})</em></li>' for a in listed[:6])
            + '</ul><a href="/vi/news/" class="pull-right">Xem thêm</a></div>')
    w.page("/vi/", "vi/index.html", tn_page(TN_NAME, home, canonical="/vi/"))
    w.redirect("/", "/vi/")
    w.page("/vi/contact/", "vi/contact/index.html", tn_page("Liên hệ", "<p>Gửi phản hồi tới Ban biên tập.</p>", canonical="/vi/contact/"))
    w.page("/vi/page/so-do-site.html", "vi/page/so-do-site.html", tn_page("Sơ đồ site", (
        '<ul><li><a href="/vi/news/">Tin Tức</a></li>' + "".join(f'<li><a href="/vi/news/{s}/">{escape(n)}</a></li>' for s, n in TN_CATEGORIES.items())
        + '<li><a href="/vi/contact/">Liên hệ</a></li></ul>'), canonical="/vi/page/so-do-site.html"))
    w.page("/admin/", "admin.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Quản trị</title></head><body><form>Đăng nhập quản trị</form></body></html>\n")
    w.page("/vi/news/rss/", "rss.xml", rss("Tin Tức - " + TN_NAME, "/vi/news/", listed[:20]))
    news_sitemap = sitemap([(a.path, a.date.strftime("%Y-%m-%d")) for a in arts])
    w.page("/vi/news/sitemap.xml.gz", "vi/news/sitemap.xml.gz", gzip.compress(news_sitemap.encode("utf-8"), mtime=0))
    w.page("/vi/page/sitemap.xml", "vi/page/sitemap.xml", sitemap([("/vi/contact/", "2024-01-01"), ("/vi/page/so-do-site.html", "2024-01-01")]))
    w.page("/sitemap.xml", "sitemap.xml", sitemap_index(["/vi/news/sitemap.xml.gz", "/vi/page/sitemap.xml"]))
    w.page("/robots.txt", "robots.txt", (
        "User-agent: *\nDisallow: /admin/\nDisallow: /includes/\nDisallow: /vendor/\nDisallow: /install/\n"
        "Disallow: /vi/news/sendmail/\nDisallow: /vi/news/print/\n\nSitemap: {{BASE}}/sitemap.xml\n"))
    w.page("/themes/egov/css/style.css", "style.css", "body{font-family:Roboto,Arial,sans-serif}\n")
    w.page("/uploads/logo.png", "uploads/logo.png", tiny_png((10, 80, 160)))
    w.finish()
    return arts


# ---------------------------------------------------------------- WordPress commune site

LS_NAME = "UBND xã Long Sơn"


def ls_page(title: str, main: str, recent: list[Art], *, canonical: str, body_class: str, head_extra: str = "") -> str:
    recent_html = "".join(f'<li><a href="{a.path}">{escape(a.title)}</a> <span class="post-date">{a.dmy}</span></li>' for a in recent)
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} &#8211; {LS_NAME}</title>
<meta name='robots' content='max-image-preview:large' />
<link rel="alternate" type="application/rss+xml" title="{LS_NAME} &raquo; Dòng thông tin" href="{{{{BASE}}}}/feed/" />
<link rel='stylesheet' id='twentytwenty-style-css' href='/wp-content/themes/twentytwenty/style.css?ver=2.5' media='all' />
<meta name="generator" content="WordPress 6.4.3" />
<link rel="canonical" href="{{{{BASE}}}}{canonical}" />
{head_extra}</head>
<body class="{body_class}">
<a class="skip-link screen-reader-text" href="#site-content">Chuyển đến nội dung</a>
<header id="site-header" class="header-footer-group">
 <div class="header-titles"><div class="site-title"><a href="/">{LS_NAME}</a></div>
 <div class="site-description">Trang thông tin điện tử xã Long Sơn, huyện Minh Long, tỉnh Quảng Ngãi</div>
 <div class="today">Hôm nay, {WIDGET_TODAY}</div></div>
 <nav class="primary-menu-wrapper" aria-label="Ngang"><ul class="primary-menu reset-list-style">
  <li class="menu-item"><a href="/">Trang chủ</a></li><li class="menu-item"><a href="/gioi-thieu/">Giới thiệu</a></li>
  <li class="menu-item"><a href="/category/tin-tuc/">Tin tức</a></li><li class="menu-item"><a href="/category/thong-bao/">Thông báo</a></li>
  <li class="menu-item"><a href="/lien-he/">Liên hệ</a></li></ul></nav>
</header>
<main id="site-content">
{main}
</main>
<aside class="widget-area">
 <div class="widget widget_search"><form role="search" method="get" action="/"><input type="search" name="s" placeholder="Tìm kiếm &hellip;"></form></div>
 <div class="widget widget_recent_entries"><h2 class="widget-title">Bài viết mới</h2><ul>{recent_html}</ul></div>
 <div class="widget widget_counter"><h2 class="widget-title">Lượt truy cập</h2><p>Hôm nay: 37</p><p>Tổng lượt truy cập: 205.917</p></div>
 <div class="widget"><h2 class="widget-title">Liên kết</h2><ul><li><a href="{{{{SITE:huyen-minhlong}}}}/">UBND huyện Minh Long</a></li>
 <li><a href="http://localhost:1/">Hệ thống một cửa điện tử</a></li></ul></div>
</aside>
<footer id="site-footer" class="header-footer-group">
 <p>UBND xã Long Sơn - Địa chỉ: thôn Mả Tiền, xã Long Sơn, huyện Minh Long, tỉnh Quảng Ngãi</p>
 <p>Điện thoại: 0255.3867.555 - Email: longson.minhlong@quangngai.gov.vn</p>
 <p>&copy; 2024 {LS_NAME} &middot; <a href="/wp-admin/">Quản trị trang</a> &middot; <a href="/wp-login.php">Đăng nhập</a></p>
</footer>
</body>
</html>
"""


def ls_article_main(art: Art, prev: Art | None, nxt: Art | None) -> str:
    up = art.date.strftime("/wp-content/uploads/%Y/%m/")
    figs = "".join(f'<figure class="wp-block-image size-large"><img decoding="async" src="{up}{f}" alt="" class="wp-image-{art.num + i + 1}"/>'
                   f'<figcaption class="wp-element-caption">{escape(c)}</figcaption></figure>' for i, (f, c) in enumerate(art.images))
    atts = "".join(f'<div class="wp-block-file"><a href="{up}{f}">{escape(n)}</a><a href="{up}{f}" class="wp-block-file__button" download>Tải về</a></div>'
                   for f, n in art.attachments)
    source = f"<p><em>Nguồn: {escape(art.source)}</em></p>" if art.source else ""
    nav = '<nav class="navigation post-navigation" aria-label="Bài viết"><div class="nav-links">'
    if prev:
        nav += f'<div class="nav-previous"><a href="{prev.path}" rel="prev"><span class="meta-nav">Bài trước</span> {escape(prev.title)}</a></div>'
    if nxt:
        nav += f'<div class="nav-next"><a href="{nxt.path}" rel="next"><span class="meta-nav">Bài sau</span> {escape(nxt.title)}</a></div>'
    nav += "</div></nav>"
    return f"""<article class="post-{art.num} post type-post status-publish format-standard hentry category-{art.category[0]}" id="post-{art.num}">
<header class="entry-header has-text-align-center">
<div class="entry-categories"><span class="screen-reader-text">Danh mục</span><div class="entry-categories-inner"><a href="/category/{art.category[0]}/" rel="category tag">{escape(art.category[1])}</a></div></div>
<h1 class="entry-title">{escape(art.title)}</h1>
<div class="post-meta-wrapper post-meta-single post-meta-single-top"><ul class="post-meta">
<li class="post-author meta-wrapper"><span class="meta-text">Bởi <a href="/author/admin/">admin</a></span></li>
<li class="post-date meta-wrapper"><span class="meta-text"><a href="{art.path}"><time class="entry-date published" datetime="{art.iso}">{art.dmy}</time></a></span></li>
<li class="post-views meta-wrapper"><span class="meta-text">Lượt xem: {art.views}</span></li>
</ul></div>
</header>
<div class="post-inner thin"><div class="entry-content">
{figs}
{paragraphs_html(art, "end")}
{source}
{atts}
</div></div>
</article>
{nav}"""


def build_wordpress(site: str) -> list[Art]:
    w = SiteWriter(site)
    w.reset()
    arts = sorted(parse_content(site), key=lambda a: a.date, reverse=True)
    for a in arts:
        a.path = a.date.strftime(f"/%Y/%m/{a.slug}/")
    listed = [a for a in arts if a.listed]
    recent = listed[:5]
    for a in arts:
        i = listed.index(a) if a.listed else -1
        nxt = listed[i - 1] if i > 0 else None
        prev = listed[i + 1] if 0 <= i < len(listed) - 1 else None
        head = f"<link rel='shortlink' href='{{{{BASE}}}}/?p={a.num}' />\n"
        w.page(a.path, a.path.lstrip("/") + "index.html", ls_page(
            a.title, ls_article_main(a, prev, nxt), recent, canonical=a.path, head_extra=head,
            body_class=f"post-template-default single single-post postid-{a.num} single-format-standard"))
        w.variant("/", {"p": str(a.num)}, "-> " + a.path)
        up = a.date.strftime("/wp-content/uploads/%Y/%m/")
        for f, caption in a.images:
            w.page(up + f, up.lstrip("/") + f, tiny_png((170, 60 + len(caption) % 150, 40)))
        for f, name in a.attachments:
            w.page(up + f, up.lstrip("/") + f, tiny_pdf(ascii_name(name)))

    per_page = 4

    def excerpt(a: Art) -> str:
        return (f'<article class="post-{a.num} post type-post"><h2 class="entry-title heading-size-1"><a href="{a.path}">{escape(a.title)}</a></h2>'
                f'<div class="post-meta"><time datetime="{a.iso}">{a.dmy}</time></div>'
                f'<div class="entry-content"><p>{escape(a.paragraphs[0][:240])} [&hellip;]</p></div></article>')

    def archive(base: str, title: str, items: list[Art], body_class: str) -> None:
        chunks = [items[i:i + per_page] for i in range(0, len(items), per_page)] or [[]]
        for n, chunk in enumerate(chunks, 1):
            pager = '<nav class="navigation pagination" aria-label="Phân trang bài viết"><div class="nav-links">'
            if n > 1:
                pager += f'<a class="prev page-numbers" href="{base if n == 2 else f"{base}page/{n - 1}/"}">&larr; Trang trước</a>'
            for k in range(1, len(chunks) + 1):
                href = base if k == 1 else f"{base}page/{k}/"
                pager += (f'<span aria-current="page" class="page-numbers current">{k}</span>' if k == n
                          else f'<a class="page-numbers" href="{href}">{k}</a>')
            if n < len(chunks):
                pager += f'<a class="next page-numbers" href="{base}page/{n + 1}/">Trang sau &rarr;</a>'
            pager += "</div></nav>"
            url = base if n == 1 else f"{base}page/{n}/"
            main = f'<header class="archive-header"><h1 class="archive-title">{escape(title)}</h1></header>' + "".join(map(excerpt, chunk)) + pager
            w.page(url, url.lstrip("/") + "index.html", ls_page(title, main, recent, canonical=url, body_class=body_class))

    archive("/category/tin-tuc/", "Chuyên mục: Tin tức", [a for a in listed if a.category[0] == "tin-tuc"], "archive category")
    archive("/category/thong-bao/", "Chuyên mục: Thông báo", [a for a in listed if a.category[0] == "thong-bao"], "archive category")
    home = ('<section class="home-news"><h2>Tin mới</h2>' + "".join(map(excerpt, listed[:5]))
            + '<p><a href="/category/tin-tuc/">Xem thêm tin tức &raquo;</a></p></section>')
    w.page("/", "index.html", ls_page(LS_NAME, home, recent, canonical="/", body_class="home blog"))
    for slug, title, text in (("gioi-thieu", "Giới thiệu", "Xã Long Sơn nằm ở phía Tây huyện Minh Long, gồm 5 thôn."),
                              ("lien-he", "Liên hệ", "Mọi ý kiến xin gửi về Văn phòng UBND xã Long Sơn.")):
        w.page(f"/{slug}/", f"{slug}/index.html", ls_page(title, (
            f'<article class="page type-page"><h1 class="entry-title">{title}</h1><div class="entry-content"><p>{escape(text)}</p></div></article>'),
            recent, canonical=f"/{slug}/", body_class="page-template-default page"))
    w.page("/wp-admin/", "wp-admin.html", "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>Đăng nhập</title></head><body>wp-admin</body></html>\n")
    w.page("/wp-login.php", "wp-login.html", "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>Đăng nhập</title></head><body><form>Tên người dùng</form></body></html>\n")
    w.page("/feed/", "feed.rss", rss(LS_NAME, "/", listed[:10]))
    w.page("/wp-sitemap-posts-post-1.xml", "wp-sitemap-posts-post-1.xml", sitemap([(a.path, a.date.strftime("%Y-%m-%d")) for a in arts]))
    w.page("/wp-sitemap-posts-page-1.xml", "wp-sitemap-posts-page-1.xml", sitemap([("/gioi-thieu/", "2023-01-01"), ("/lien-he/", "2023-01-01")]))
    w.page("/wp-sitemap.xml", "wp-sitemap.xml", sitemap_index(["/wp-sitemap-posts-post-1.xml", "/wp-sitemap-posts-page-1.xml"]))
    w.redirect("/sitemap.xml", "/wp-sitemap.xml")
    w.page("/robots.txt", "robots.txt", "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: {{BASE}}/wp-sitemap.xml\n")
    w.page("/wp-content/themes/twentytwenty/style.css", "style.css", "body{font-family:sans-serif}\n")
    w.finish()
    return arts


# ---------------------------------------------------------------- SharePoint 2013 department portal

SP_NAME = "Sở Nông nghiệp và Phát triển nông thôn tỉnh Quảng Ngãi"
SP_LISTS = {  # category slug in the content file -> (list name in URLs, detail page, listing page, title)
    "tin-tuc": ("TinTuc", "/noidung/tintuc/Pages/tin-tuc.aspx", "/Pages/tin-tuc-su-kien.aspx", "Tin tức - Sự kiện"),
    "thong-bao": ("ThongBao", "/noidung/thongbao/Pages/thong-bao.aspx", "/Pages/thong-bao.aspx", "Thông báo"),
}
SP_VIEWSTATE = "/wEPDwUKMTY1NDU2MTA1MmRkHt0YV3p1c2FtcGxlX3ZpZXdzdGF0ZV9ub3RfcmVhbA=="


def sp_page(title: str, main: str, *, action: str) -> str:
    menu = "".join(f'<li class="static"><a class="static menu-item" href="{lst[2]}"><span class="menu-item-text">{escape(lst[3])}</span></a></li>'
                   for lst in SP_LISTS.values())
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN">
<head><meta name="GENERATOR" content="Microsoft SharePoint" /><meta http-equiv="Content-type" content="text/html; charset=utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=10" />
<title>
	{escape(title)}
</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/Themable/corev15.css?rev=sample" />
<link rel="alternate" type="application/rss+xml" title="Tin tức - Sự kiện" href="/_layouts/15/listfeed.aspx?List=TinTuc" />
<script type="text/javascript">var _spPageContextInfo = {{webServerRelativeUrl: "\u002f", currentLanguage: 1066}};</script>
</head>
<body>
<form method="post" action="{escape(action)}" id="aspnetForm">
<div class="aspNetHidden"><input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{SP_VIEWSTATE}" /></div>
<script type="text/javascript">function __doPostBack(eventTarget, eventArgument) {{ var f = document.forms['aspnetForm']; f.__EVENTTARGET.value = eventTarget; f.__EVENTARGUMENT.value = eventArgument; f.submit(); }}</script>
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="header"><div class="banner"><a href="/Pages/Home.aspx"><img src="/PublishingImages/banner.png" alt="{SP_NAME}" /></a></div>
<div class="topbar"><span class="ngay-thang">{WIDGET_TODAY}</span>
<a href="/Search/Pages/results.aspx?k=n%C3%B4ng%20th%C3%B4n%20m%E1%BB%9Bi">Tìm kiếm</a> | <a href="/_layouts/15/Authenticate.aspx">Đăng nhập</a></div>
<div class="menu-horizontal"><ul class="root static"><li class="static"><a class="static menu-item" href="/Pages/Home.aspx"><span class="menu-item-text">Trang chủ</span></a></li>{menu}</ul></div></div>
<div id="contentRow"><div class="col-left">
{main}
</div>
<div class="col-right">
<div class="box-lienket"><h3>Liên kết website</h3><ul><li><a href="{{{{SITE:huyen-minhlong}}}}/">UBND huyện Minh Long</a></li><li><a href="{{{{OUTSIDE}}}}/bo-nong-nghiep">Bộ Nông nghiệp và PTNT</a></li></ul></div>
<div class="box-thongke"><h3>Thống kê truy cập</h3><p>Đang online: 18</p><p>Tổng lượt truy cập: 3.845.210</p></div>
</div></div>
<div class="footer"><p><strong>SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN TỈNH QUẢNG NGÃI</strong></p>
<p>Địa chỉ: 139 Hùng Vương, thành phố Quảng Ngãi - Điện thoại: 0255.3822.637 - Fax: 0255.3822.155</p>
<p>Email: snnptnt@quangngai.gov.vn</p></div>
</div></div>
</form>
</body>
</html>
"""


def sp_article_main(art: Art, others: list[Art]) -> str:
    figs = "".join(f'<div class="anh-bai-viet"><img src="/PublishingImages/TinTuc/{f}" alt="" /><p class="chu-thich-anh">{escape(c)}</p></div>'
                   for f, c in art.images)
    atts = "".join(f'<p class="file-dinh-kem">File đính kèm: <a href="/DocumentLibrary/{f}">{escape(n)}</a></p>'
                   for f, n in art.attachments)
    rel = "".join(f'<li><a href="{escape(o.path)}">{escape(o.title)}</a> <span class="ngay">({o.dmy})</span></li>' for o in others)
    sapo = f'<div class="tom-tat"><strong>{escape(art.sapo)}</strong></div>' if art.sapo else ""
    byline = f'<div class="tac-gia">{escape(art.author)}</div>' if art.author else ""
    source = f'<div class="nguon-tin">Nguồn: {escape(art.source)}</div>' if art.source else ""
    return f"""<div class="chi-tiet-tin">
<div class="breadcrumb"><a href="/Pages/Home.aspx">Trang chủ</a> &gt; <a href="{SP_LISTS[art.category[0]][2]}">{escape(art.category[1])}</a></div>
<h2 class="tieu-de">{escape(art.title)}</h2>
<div class="ngay-dang">Ngày đăng: {art.date.strftime('%d/%m/%Y %H:%M')} | Lượt xem: {art.views}</div>
{sapo}
<div class="ms-rtestate-field noi-dung">
{figs}
{paragraphs_html(art, "none")}
</div>
{byline}{source}{atts}
<div class="cac-tin-khac"><h3>Các tin đã đưa</h3><ul>{rel}</ul></div>
</div>"""


def build_sharepoint(site: str) -> list[Art]:
    w = SiteWriter(site)
    w.reset()
    arts = sorted(parse_content(site), key=lambda a: a.date, reverse=True)
    per_page = 4
    for a in arts:
        list_name, detail, _, _ = SP_LISTS[a.category[0]]
        a.path = f"{detail}?ItemID={a.num}&l={list_name}"
    for a in [a for a in arts if a.listed and a.category[0] == "thong-bao"][per_page:]:
        a.reach = "feed"  # its listing page is behind a postback; nothing else links it
    for a in arts:
        list_name, detail, _, _ = SP_LISTS[a.category[0]]
        others = [o for o in arts if o is not a and o.listed and o.category == a.category][:5]
        w.variant(detail, {"ItemID": str(a.num)}, w.file(f"noidung/{list_name}/{a.num}.html",
                                                         sp_page(a.title, sp_article_main(a, others), action=a.path)))
        for f, caption in a.images:
            w.page(f"/PublishingImages/TinTuc/{f}", f"PublishingImages/{f}", tiny_png((20, 140, 60 + len(caption) % 150)))
        for f, name in a.attachments:
            w.page(f"/DocumentLibrary/{f}", f"DocumentLibrary/{f}", tiny_pdf(ascii_name(name)))

    for slug, (list_name, _, listing_url, title) in SP_LISTS.items():
        items = [a for a in arts if a.reach in ("linked", "feed") and a.category[0] == slug]
        chunks = [items[i:i + per_page] for i in range(0, len(items), per_page)] or [[]]
        for n, chunk in enumerate(chunks, 1):
            rows = "".join(f'<div class="item-tin"><a class="tieu-de-tin" href="{escape(a.path)}">{escape(a.title)}</a>'
                           f'<span class="ngay">({a.dmy})</span><p>{escape(a.sapo or a.paragraphs[0][:200])}</p></div>'
                           for a in chunk)
            if slug == "tin-tuc":  # ordinary links: ?Page=N
                pager = "".join(f'<span class="current">{k}</span>' if k == n else f'<a href="{listing_url}?Page={k}">{k}</a>'
                                for k in range(1, len(chunks) + 1))
                if n < len(chunks):
                    pager += f' <a href="{listing_url}?Page={n + 1}">Trang sau</a>'
            else:  # only postbacks: the later pages are reachable through the sitemap and the feed alone
                pager = "".join(f'<span class="current">{k}</span>' if k == n else
                                f"<a href=\"javascript:__doPostBack('ctl00$m$g_5f1c$ctl00$rptPager$ctl0{k}$lbtPage','')\">{k}</a>"
                                for k in range(1, len(chunks) + 1))
            main = f'<div class="danh-sach-tin"><h2>{escape(title)}</h2>{rows}<div class="phan-trang">{pager}</div></div>'
            html = sp_page(title, main, action=listing_url if n == 1 else f"{listing_url}?Page={n}")
            if n == 1:
                w.page(listing_url, f"Pages/{list_name}.html", html)
            w.variant(listing_url, {"Page": str(n)}, w.file(f"Pages/{list_name}-{n}.html", html))
        w.variant("/_layouts/15/listfeed.aspx", {"List": list_name},
                  w.file(f"feeds/{list_name}.xml", rss(title, listing_url, items[:20])))
    listed = [a for a in arts if a.listed]
    home = ('<div class="tin-moi"><h2>Tin mới</h2><ul>' + "".join(
        f'<li><a href="{escape(a.path)}">{escape(a.title)}</a> <span class="ngay">({a.dmy})</span></li>' for a in listed[:5])
        + '</ul><a class="xem-them" href="/Pages/tin-tuc-su-kien.aspx">Xem thêm</a></div>')
    w.page("/Pages/Home.aspx", "Pages/Home.html", sp_page(SP_NAME, home, action="/Pages/Home.aspx"))
    w.redirect("/", "/Pages/Home.aspx")
    w.page("/Search/Pages/results.aspx", "Search/results.html", sp_page("Tìm kiếm", "<p>Không có kết quả.</p>", action="/Search/Pages/results.aspx"))
    w.page("/_layouts/15/Authenticate.aspx", "authenticate.html", sp_page("Đăng nhập", "<p>Đăng nhập hệ thống</p>", action="/_layouts/15/Authenticate.aspx"))
    w.page("/sitemap.xml", "sitemap.xml", sitemap([(a.path, a.date.strftime("%Y-%m-%d")) for a in arts]))
    w.page("/robots.txt", "robots.txt", "User-agent: *\nDisallow: /_vti_bin/\nDisallow: /Search/\nDisallow: /_layouts/15/Authenticate.aspx\n")
    w.page("/PublishingImages/banner.png", "PublishingImages/banner.png", tiny_png((0, 110, 60)))
    w.page("/_layouts/15/1066/styles/Themable/corev15.css", "corev15.css", "body{font-family:Segoe UI,Tahoma,sans-serif}\n")
    w.finish()
    return arts


SITES = {  # folder: (CMS family, portal name, short name for tables, builder)
    "huyen-minhlong": ("liferay", ML_NAME, "Huyện Minh Long", build_liferay),
    "tinh-nukeviet": ("nukeviet", TN_NAME, "Tỉnh Tây Ninh", build_nukeviet),
    "xa-wordpress": ("wordpress", LS_NAME, "Xã Long Sơn", build_wordpress),
    "so-sharepoint": ("sharepoint", SP_NAME, "Sở NN&PTNT Quảng Ngãi", build_sharepoint),
}


def main() -> None:
    manifest: dict = {"sites": {}, "articles": []}
    for name, (cms, site_name, short_name, builder) in SITES.items():
        arts = builder(name)
        manifest["sites"][name] = {"cms": cms, "site_name": site_name, "short_name": short_name, "articles": len(arts)}
        for a in sorted(arts, key=lambda x: x.date):
            manifest["articles"].append({
                "site": name, "path": a.path, "reach": a.reach, "title": a.title,
                "published": a.iso, "author": a.author, "views": a.views, "source": a.source,
                "body_starts_with": (a.sapo or a.paragraphs[0])[:60], "body_ends_with": a.paragraphs[-1][-40:],
                "attachments": [n for _, n in a.attachments],
            })
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"built {len(manifest['articles'])} articles: "
          + ", ".join(f"{k} {v['articles']}" for k, v in manifest["sites"].items()))


if __name__ == "__main__":
    main()
