"""The sample portals serve what samples/server.py documents, faults included."""

from __future__ import annotations

import gzip
import re
import time
import unicodedata
from collections import Counter
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
import requests

from samples.server import (
    FAULTS,
    HUGE_BYTES,
    SITE_NAMES,
    SLOW_SECONDS,
    SampleSites,
    load_manifest,
)

HREF = re.compile(r"""(?:href|src)=["']([^"'#]+)""")
LOC = re.compile(r"<(?:loc|link)>([^<]+)</(?:loc|link)>")
CANONICAL = re.compile(r"""<link[^>]+rel=["']canonical["'][^>]*>""")


def get(url: str, **kw) -> requests.Response:
    kw.setdefault("timeout", 10)
    kw.setdefault("allow_redirects", False)
    return requests.get(url, **kw)


def canonical_of(html: str) -> str | None:
    tag = CANONICAL.search(html)
    return re.search(r'href=["\']([^"\']+)', tag.group(0)).group(1) if tag else None


@pytest.fixture(scope="module")
def plain():
    with SampleSites() as sites:
        yield sites


@pytest.fixture()
def faulty():
    with SampleSites(faults=True) as sites:
        yield sites


def test_manifest_covers_four_cms_families_with_enough_articles():
    manifest = load_manifest()
    per_site = Counter(a["site"] for a in manifest["articles"])
    assert set(per_site) == set(SITE_NAMES)
    assert {s["cms"] for s in manifest["sites"].values()} == {"liferay", "nukeviet", "wordpress", "sharepoint"}
    assert all(n >= 10 for n in per_site.values()), per_site
    assert len({(a["site"], a["path"]) for a in manifest["articles"]}) == len(manifest["articles"])
    seed = [a for a in manifest["articles"] if a["title"].startswith("Minh Long tổ chức Hội nghị sơ kết")]
    assert seed and seed[0]["published"] == "2023-08-18T16:01:00+07:00" and seed[0]["author"] == "Hà Trinh"
    years = {a["published"][:4] for a in manifest["articles"]}
    assert {"2021", "2022", "2023", "2024", "2025"} <= years


def test_every_route_is_served_with_placeholders_filled_and_only_loopback_links(plain):
    for name, base in plain.base_urls.items():
        site = plain._sites[name]
        routes = list(site.paths.items()) + [
            (f"{path}?{urlencode(params)}", target)
            for path, variants in site.variants.items()
            for params, target in variants
        ]
        for path, target in routes:
            resp = get(base + path)
            if target.startswith("-> "):
                assert resp.status_code == 301 and resp.headers["Location"] == base + target[3:]
                continue
            assert resp.status_code == 200, (name, path)
            ctype = resp.headers["Content-Type"]
            data = resp.content
            if path.endswith(".gz"):
                assert ctype == "application/x-gzip"
                data = gzip.decompress(data)
            if ctype.startswith(("text/", "application/xml", "application/rss")) or path.endswith(".gz"):
                text = data.decode("utf-8")
                assert "{{" not in text, (name, path)
                for link in HREF.findall(text) + LOC.findall(text):
                    parts = urlsplit(urljoin(base + path, link))
                    assert parts.scheme == "javascript" or parts.hostname in ("127.0.0.1", "localhost"), (
                        name,
                        path,
                        link,
                    )
            if path.endswith(".pdf"):
                assert ctype == "application/pdf" and data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
            if path.endswith(".html") or ctype.startswith("text/html"):
                assert "charset=utf-8" in ctype


def _crawl_links(sites: SampleSites) -> tuple[set[str], set[str]]:
    """Follow in-scope links (robots obeyed) from the seeds; return (page URLs, canonical URLs of articles seen)."""
    article_set = set(sites.articles)
    seen: set[str] = set()
    found: set[str] = set()
    queue = list(sites.seeds)
    while queue:
        url = queue.pop()
        if url in seen or sites.site_of(url) is None or not sites.robots_allows(url):
            continue
        seen.add(url)
        resp = requests.get(url, timeout=10)
        if resp.status_code != 200 or not resp.headers["Content-Type"].startswith("text/html"):
            continue
        canonical = canonical_of(resp.text) or resp.url  # SharePoint pages name no canonical URL
        if canonical in article_set:
            found.add(canonical)
        for link in HREF.findall(resp.text):
            target = urljoin(resp.url, link.replace("&amp;", "&"))
            if not target.endswith((".png", ".css", ".pdf")):
                queue.append(target)
    return seen, found


def test_links_reach_every_article_except_the_sitemap_and_feed_only_ones(plain):
    expected = {a["url"]: a for a in plain.expected}
    _, found = _crawl_links(plain)
    missing = {u for u in expected if u not in found}
    assert {expected[u]["reach"] for u in missing} == {"sitemap", "feed"}
    only_sitemap = [u for u in missing if expected[u]["reach"] == "sitemap"]
    assert len(only_sitemap) == 1
    behind_postback = [u for u in missing if expected[u]["reach"] == "feed"]
    assert behind_postback and all(expected[u]["site"] == "so-sharepoint" for u in behind_postback)
    sharepoint = plain.base_urls["so-sharepoint"]
    listed = LOC.findall(get(sharepoint + "/sitemap.xml").text)
    feed = LOC.findall(get(sharepoint + "/_layouts/15/listfeed.aspx?List=ThongBao").text)
    assert all(u.replace("&", "&amp;") in listed and u.replace("&", "&amp;") in feed for u in behind_postback)
    only_sitemap = only_sitemap[0]
    nuke = plain.base_urls["tinh-nukeviet"]
    robots = get(nuke + "/robots.txt").text
    index_url = re.search(r"Sitemap: (\S+)", robots).group(1)
    child = [u for u in LOC.findall(get(index_url).text) if u.endswith(".gz")][0]
    assert only_sitemap in LOC.findall(gzip.decompress(get(child).content).decode())


def test_listing_pagination_in_each_cms_style(plain):
    ml, tn, wp, sp = (plain.base_urls[n] for n in SITE_NAMES)
    first = get(ml + "/tin-tuc-su-kien").text
    nxt = re.search(r'href="(/tin-tuc-su-kien\?[^"]*_cur=2)"', first).group(1).replace("&amp;", "&")
    assert "p_p_id=com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_" in nxt and "_delta=" in nxt
    second = get(ml + nxt).text
    links = lambda html: set(re.findall(r'href="(/-/[a-z0-9-]+)"', html.split("Các tin khác")[0]))  # noqa: E731
    assert links(second) and not links(second) & set(re.findall(r'<h4><a href="(/-/[a-z0-9-]+)"', first))
    assert "page-2" in get(tn + "/vi/news/").text and get(tn + "/vi/news/page-2").status_code == 200
    assert "/category/tin-tuc/page/2/" in get(wp + "/category/tin-tuc/").text
    assert get(wp + "/category/tin-tuc/page/2/").status_code == 200
    assert get(wp + "/category/tin-tuc/page/2").status_code == 301
    news = get(sp + "/Pages/tin-tuc-su-kien.aspx").text
    assert 'href="/Pages/tin-tuc-su-kien.aspx?Page=2">Trang sau' in news
    assert get(sp + "/Pages/tin-tuc-su-kien.aspx?Page=2").text != news
    notices = get(sp + "/Pages/thong-bao.aspx").text
    assert "__doPostBack(" in notices and "thong-bao.aspx?Page=" not in notices
    rss = get(ml + "/-/asset_publisher/tintuc01/rss").text
    assert rss.startswith("<?xml") and ml + "/-/" in rss


def test_conditional_get_and_changes_while_running(plain):
    url = plain.expected[0]["url"]
    site, path = plain.expected[0]["site"], plain.expected[0]["path"]
    first = get(url)
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert get(url, headers={"If-None-Match": etag}).status_code == 304
    assert get(url, headers={"If-Modified-Since": modified}).status_code == 304
    assert get(url, headers={"If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"}).status_code == 200
    assert get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    plain.put(site, path, "<html><body><p>Đã cập nhật {{BASE}}</p></body></html>")
    changed = get(url, headers={"If-None-Match": etag, "If-Modified-Since": modified})
    assert changed.status_code == 200 and plain.base_urls[site] in changed.text
    assert get(url, headers={"If-Modified-Since": modified}).status_code == 200
    plain.remove(site, path)
    assert get(url).status_code == 404
    del plain._sites[site].overrides[path]
    assert get(url).content == first.content


def test_gzip_only_when_asked(plain):
    url = plain.seeds[0]
    zipped = requests.get(url, headers={"Accept-Encoding": "gzip"}, stream=True)
    assert zipped.headers["Content-Encoding"] == "gzip"
    raw = zipped.raw.read(decode_content=False)
    assert gzip.decompress(raw).decode().startswith("<!DOCTYPE html>")
    plain_resp = requests.get(url, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain_resp.headers


def test_request_log_records_every_request(plain):
    before = len(plain.requests("xa-wordpress"))
    t0 = time.monotonic()
    get(plain.base_urls["xa-wordpress"] + "/khong-co-trang-nay", headers={"User-Agent": "govnews-test"})
    deadline = time.monotonic() + 2  # the server logs right after the last byte, which the client may see first
    while len(plain.requests("xa-wordpress")) == before and time.monotonic() < deadline:
        time.sleep(0.01)
    entries = plain.requests("xa-wordpress")[before:]
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.method, entry.path, entry.status) == ("GET", "/khong-co-trang-nay", 404)
    assert t0 <= entry.started <= entry.finished <= time.monotonic()
    assert entry.headers["User-Agent"] == "govnews-test"


def test_fault_links_only_with_faults(plain, faulty):
    assert "lien-ket-nhanh" not in get(plain.seeds[0]).text
    home = get(faulty.seeds[0]).text
    for name, fault in FAULTS.items():
        if fault.site == "huyen-minhlong" and name not in ("retry_after", "slow"):
            assert fault.path.replace("&", "&amp;") in home, name
    assert faulty.outside_url + "/tin-tuc/lien-ket" in home and "http://localhost:1/" in home
    assert plain.fault_url("redirect_chain") not in plain.articles
    assert faulty.fault_url("redirect_chain") not in faulty.articles
    assert len(faulty.articles) == len(plain.articles) + 1


def test_faults_behave_as_documented(faulty):
    f = faulty.fault_url
    assert not faulty.robots_allows(f("robots_disallowed")) and faulty.robots_allows(faulty.articles[0])
    assert "Disallow: /noi-bo/" in get(faulty.seeds[0] + "robots.txt").text

    first, second = get(f("retry_after")), get(f("retry_after"))
    assert (first.status_code, first.headers["Retry-After"], second.status_code) == (503, "1", 200)
    assert [get(f("server_error")).status_code for _ in range(3)] == [500, 500, 500]

    t0 = time.monotonic()
    assert get(f("slow")).status_code == 200 and time.monotonic() - t0 >= SLOW_SECONDS - 0.05

    chain = requests.get(f("redirect_chain"), timeout=10)
    assert len(chain.history) == 3 and chain.status_code == 200
    assert chain.url in faulty.articles and [r.status_code for r in chain.history] == [301, 302, 301]
    with pytest.raises(requests.TooManyRedirects):
        requests.get(f("redirect_loop"), timeout=10)
    assert get(f("not_found")).status_code == 404 and get(f("not_found_document")).status_code == 404
    soft = get(f("soft_404"))
    assert soft.status_code == 200 and "Bài viết không tồn tại" in soft.text

    month = get(f("calendar")).text
    nxt = re.search(r'href="(/lich-cong-tac\?month=2024-12)"', month)
    assert nxt and "month=2024-10" in month
    assert "month=2025-01" in get(faulty.base_urls["huyen-minhlong"] + nxt.group(1)).text

    seed = get(
        faulty.base_urls["huyen-minhlong"]
        + "/-/minh-long-to-chuc-hoi-nghi-so-ket-cong-tac-cai-cach-hanh-chinh-06-thang-dau-nam-2023"
    )
    for name in ("tracking_utm", "tracking_fbclid", "alias"):
        assert get(f(name)).content == seed.content, name
    printed = get(f("print_view")).text
    assert printed != seed.text and canonical_of(printed) == canonical_of(seed.text) == seed.url
    assert "Các tin khác" not in printed and "Sáng ngày 02/8/2023" in printed

    huge = requests.get(f("huge"), stream=True, timeout=30)
    assert int(huge.headers["Content-Length"]) == HUGE_BYTES and "Content-Encoding" not in huge.headers
    assert sum(len(c) for c in huge.iter_content(2**20)) == HUGE_BYTES

    binary = get(f("binary_as_html"))
    assert binary.headers["Content-Type"].startswith("text/html") and binary.content.startswith(b"\xff\xd8\xff")


def test_unicode_faults_carry_the_same_text(plain, faulty):
    nfd = FAULTS["nfd"]
    ok = faulty.page(nfd.site, nfd.path).decode("utf-8")
    assert get(plain.url(nfd.site, nfd.path)).content.decode("utf-8") == plain.page(nfd.site, nfd.path).decode("utf-8")
    decomposed = get(faulty.url(nfd.site, nfd.path)).content.decode("utf-8")
    assert decomposed != ok and unicodedata.normalize("NFC", decomposed) == ok
    cp = FAULTS["windows_1258"]
    ok = faulty.page(cp.site, cp.path).decode("utf-8")
    resp = get(faulty.url(cp.site, cp.path))
    assert resp.headers["Content-Type"] == "text/html; charset=windows-1258"
    with pytest.raises(UnicodeDecodeError):
        resp.content.decode("utf-8")
    text = unicodedata.normalize("NFC", resp.content.decode("cp1258"))
    assert "charset=windows-1258" in text and text.replace("charset=windows-1258", "charset=utf-8") == ok


def test_ports_and_extra_robots_lines_can_be_asked_for():
    with SampleSites(robots_extra={"xa-wordpress": "Crawl-delay: 0.5"}) as first:
        ports = {name: int(base.rsplit(":", 1)[1]) for name, base in first.base_urls.items()}
        robots = get(first.base_urls["xa-wordpress"] + "/robots.txt").text
        assert robots.startswith("User-agent: *\nCrawl-delay: 0.5\nDisallow: /wp-admin/")
        assert "Crawl-delay" not in get(first.base_urls["tinh-nukeviet"] + "/robots.txt").text
        with pytest.raises(OSError):
            SampleSites(ports=ports).start()
    with SampleSites(ports=ports) as again:
        assert again.base_urls == first.base_urls and get(again.seeds[0]).status_code == 200
