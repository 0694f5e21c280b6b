"""Discovery: links, pagination forms, feeds, sitemaps (plain, index, gzipped), content sniffing."""

import gzip

from crawler.analyze import analyze
from crawler.discover import feed_links, html_links, sitemap_links, sniff

PAGE = """<!DOCTYPE html><html><head>
<link rel="alternate" type="application/rss+xml" href="/-/asset_publisher/tintuc01/rss">
<link rel="next" href="?page=2"><base href="http://h/web/guest/"></head><body>
<a href="tin-tuc?p_p_id=AP_INSTANCE_x&_AP_INSTANCE_x_cur=2&utm_source=zalo">2</a>
<a href="/category/tin-tuc/page/3/">3</a> <a href="/vi/news/page-4">4</a>
<a href="/Pages/tin-tuc.aspx?Page=5">»</a> <a href="/tin-moi">Trang sau</a> <a href="/xem">Xem thêm</a>
<a href="/-/bai-viet#comments">Bài viết</a> <a href="/-/bai-viet">Bài viết</a>
<a href="/documents/1/2/ke-hoach.pdf/abc-uuid">Kế hoạch</a> <a href="javascript:__doPostBack('x','')">6</a>
<a href="mailto:ubnd@h.gov.vn">mail</a> <span onclick="location.href='/lich-tiep-dan'">Lịch</span>
<a href="/sitemap.xml">Sơ đồ</a></body></html>"""


def test_links_and_their_kinds():
    links = {link.url: link.rel for link in html_links(PAGE, "http://h/web/guest/trang-chu")}
    assert links["http://h/-/asset_publisher/tintuc01/rss"] == "feed"
    assert links["http://h/web/guest/?page=2"] == "pagination"
    assert links["http://h/web/guest/tin-tuc?_AP_INSTANCE_x_cur=2&p_p_id=AP_INSTANCE_x"] == "pagination"
    assert links["http://h/category/tin-tuc/page/3/"] == "pagination"
    assert links["http://h/vi/news/page-4"] == "pagination"
    assert links["http://h/Pages/tin-tuc.aspx?Page=5"] == "pagination"
    assert links["http://h/tin-moi"] == "pagination" and links["http://h/xem"] == "pagination"
    assert links["http://h/-/bai-viet"] == "page"
    assert links["http://h/documents/1/2/ke-hoach.pdf/abc-uuid"] == "attachment"
    assert links["http://h/lich-tiep-dan"] == "page"
    assert links["http://h/sitemap.xml"] == "sitemap"
    assert not any(u.startswith(("javascript", "mailto")) for u in links)
    assert len(links) == 12


def test_rss_and_atom_items():
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Tin</title><link>http://h/</link>
    <item><title>A</title><link>http://h/-/a</link><pubDate>Fri, 18 Aug 2023 09:01:00 +0700</pubDate></item>
    <item><title>B</title><guid isPermaLink="true">/-/b</guid></item></channel></rss>"""
    assert [link.url for link in feed_links(rss, "http://h/rss")] == ["http://h/-/a", "http://h/-/b"]
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="http://h/2023/08/c/"/>
    <updated>2023-08-18T09:01:00+07:00</updated></entry></feed>"""
    found = feed_links(atom, "http://h/feed/")
    assert [(link.url, link.lastmod[:10]) for link in found] == [("http://h/2023/08/c/", "2023-08-18")]
    assert sniff("application/xml", rss) == "feed" and sniff("text/xml", atom) == "feed"


def test_sitemap_index_and_gzipped_sitemap():
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>http://h/vi/news/sitemap.xml.gz</loc></sitemap></sitemapindex>"""
    assert [(link.url, link.rel) for link in sitemap_links(index, "http://h/sitemap.xml")] == [
        ("http://h/vi/news/sitemap.xml.gz", "sitemap")
    ]
    urlset = gzip.compress(b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>http://h/vi/news/a-1.html</loc><lastmod>2023-08-18</lastmod></url>
    <url><loc> http://h/vi/news/b-2.html </loc></url></urlset>""")
    assert sniff("application/x-gzip", urlset) == "sitemap"
    found = sitemap_links(urlset, "http://h/vi/news/sitemap.xml.gz")
    assert [(link.url, link.lastmod) for link in found] == [
        ("http://h/vi/news/a-1.html", "2023-08-18"),
        ("http://h/vi/news/b-2.html", None),
    ]
    assert sitemap_links(b"not xml at all", "http://h/s.xml") == []


def test_sniffing_and_bad_pages():
    assert sniff("text/html", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01") == "binary"
    assert sniff("application/pdf", b"%PDF-1.4 ...") == "binary"
    assert sniff("", b"<!DOCTYPE html><html><body>x</body></html>") == "html"
    jpeg = analyze("http://h/anh", 200, "text/html", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 50, None)
    assert jpeg.article is None and jpeg.kind == "binary"
    cut = analyze("http://h/big", 200, "text/html", b"<html><body>" + b"x" * 1000, None, truncated=True)
    assert cut.article is None and "size limit" in cut.error
