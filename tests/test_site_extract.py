"""extract_article over HTTP on the independently written sample portals (samples/site/).

Every article of samples/site/manifest.json is fetched from SampleSites on 127.0.0.1 and must
give the manifest's title, date, byline, views, source, body ends and attachment names; the
sites' home pages, category listings (with their pagination), search pages, "Giới thiệu",
contact pages and site maps must not come out as articles.
"""
from __future__ import annotations

import pytest

from crawler.fetch import fetch_url
from extract import extract_article
from samples.server import SampleSites, load_manifest

ARTICLES = load_manifest()["articles"]
FIELDS = ("title", "published", "author", "views", "source")

# (site, path, page_type): pages of each portal that are not articles.
NON_ARTICLES = (
    ("huyen-minhlong", "/", "listing"),
    ("huyen-minhlong", "/tin-tuc-su-kien", "listing"),
    ("huyen-minhlong", "/tin-tuc-su-kien?_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_"
                       "tintuc01_cur=2", "listing"),
    ("huyen-minhlong", "/tim-kiem", "listing"),
    ("huyen-minhlong", "/van-ban", "listing"),
    ("huyen-minhlong", "/gioi-thieu", "other"),
    ("huyen-minhlong", "/lien-he", "other"),
    ("tinh-nukeviet", "/vi/", "listing"),
    ("tinh-nukeviet", "/vi/news/", "listing"),
    ("tinh-nukeviet", "/vi/news/kinh-te/", "listing"),
    ("tinh-nukeviet", "/vi/news/kinh-te/page-2", "listing"),
    ("tinh-nukeviet", "/vi/news/page-2", "listing"),
    ("tinh-nukeviet", "/vi/page/so-do-site.html", "other"),
    ("tinh-nukeviet", "/vi/contact/", "other"),
    ("xa-wordpress", "/", "listing"),
    ("xa-wordpress", "/category/tin-tuc/", "listing"),
    ("xa-wordpress", "/category/tin-tuc/page/2/", "listing"),
    ("xa-wordpress", "/category/thong-bao/", "listing"),
    ("xa-wordpress", "/gioi-thieu/", "other"),
    ("xa-wordpress", "/lien-he/", "other"),
    ("so-sharepoint", "/Pages/Home.aspx", "listing"),
    ("so-sharepoint", "/Pages/tin-tuc-su-kien.aspx", "listing"),
    ("so-sharepoint", "/Pages/tin-tuc-su-kien.aspx?Page=2", "listing"),
    ("so-sharepoint", "/Pages/thong-bao.aspx", "listing"),
    ("so-sharepoint", "/Search/Pages/results.aspx", "listing"),
)


@pytest.fixture(scope="module")
def sites():
    with SampleSites() as running:
        yield running


def fetch_and_extract(sites, site: str, path: str, *, with_url: bool = True):
    result = fetch_url(sites.base_urls[site].rstrip("/") + path)
    assert result.status == 200, path
    return extract_article(result.body, url=result.final_url if with_url else None, http_charset=result.charset)


def test_manifest_covers_every_portal():
    assert {a["site"] for a in ARTICLES} == {"huyen-minhlong", "tinh-nukeviet", "xa-wordpress", "so-sharepoint"}
    assert len(ARTICLES) >= 40


@pytest.mark.parametrize("expected", ARTICLES, ids=[f"{a['site']}{a['path']}" for a in ARTICLES])
def test_article_fields(sites, expected):
    article = fetch_and_extract(sites, expected["site"], expected["path"])
    assert article.page_type == "article"
    got = article.to_dict()
    assert {f: got[f] for f in FIELDS} == {f: expected[f] for f in FIELDS}
    assert article.body.startswith(expected["body_starts_with"])
    assert article.body.endswith(expected["body_ends_with"])
    assert [a.name for a in article.attachments] == expected["attachments"]
    # The byline and the source credit leave the body; tool lines never enter it.
    tail = article.body[-200:]
    for value in (expected["author"], expected["source"]):
        if value:
            assert not tail.endswith(value)
    for chrome in ("In bài viết", "RSS", "Quay lại", "Chia sẻ"):
        assert chrome not in tail


@pytest.mark.parametrize("site,path,page_type", NON_ARTICLES, ids=[f"{s}{p}" for s, p, _ in NON_ARTICLES])
def test_non_article_pages(sites, site, path, page_type):
    article = fetch_and_extract(sites, site, path)
    assert article.page_type == page_type
    assert article.indicators == []


@pytest.mark.parametrize("site,path,page_type", NON_ARTICLES[::3], ids=[f"{s}{p}" for s, p, _ in NON_ARTICLES[::3]])
def test_non_article_pages_known_without_their_url(sites, site, path, page_type):
    # The markup alone tells a listing from an article (a page saved to disk has no URL).
    assert fetch_and_extract(sites, site, path, with_url=False).page_type != "article"
