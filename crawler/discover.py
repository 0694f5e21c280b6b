"""Finding URLs to crawl: links and pagination in HTML, sitemaps (plain, gzipped, indexes), RSS/Atom feeds.

Pure functions: bytes/text in, candidate links out (absolute, canonical, not yet scoped).
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from crawler.urls import archived_target, canonicalize, is_attachment

# Anchor texts portals put on "next page" links, lower-cased and stripped.
PAGINATION_TEXTS = frozenset({
    "trang sau", "trang tiếp", "tiếp", "tiếp theo", "sau", "xem thêm", "xem tiếp", "»", "›", ">", ">>", "»»",
    "next", "next »", "more", "older posts", "bài cũ hơn", "tin cũ hơn", "cũ hơn",
})
# Pagination in URLs: Liferay "..._cur=N", WordPress "/page/N/", "/page-N", "?Page=N", "trang-N";
# "?p=N&..." is NOT one.
PAGINATION_URL = re.compile(r"(_cur=\d+|/page/\d+|/page-\d+|[?&](page|pageindex|pagenum|trang|pg)=\d+|/trang-\d+)",
                            re.I)
FEED_URL = re.compile(r"(/rss(/|$|\.|\?)|/feeds?/?(\?|$)|/atom(/|$|\.)|\.rss$|/asset_publisher/[^/]+/rss)", re.I)
SITEMAP_URL = re.compile(r"sitemap[^/]*\.xml(\.gz)?$|/sitemap/?$", re.I)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
# Script navigation that still carries a plain URL: onclick="location.href='...'", window.open('...').
ONCLICK_URL = re.compile(r"""(?:location(?:\.href)?\s*=|window\.open\s*\(|location\.assign\s*\()\s*['"]([^'"]+)['"]""")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
MAX_SITEMAP_BYTES = 50 * 2**20  # the sitemaps.org limit (uncompressed)


@dataclass
class Link:
    url: str  # canonical
    rel: str  # page | pagination | feed | sitemap | attachment
    lastmod: str | None = None


def _kind_of(url: str, text: str = "") -> str:
    if is_attachment(url):
        return "attachment"
    if SITEMAP_URL.search(url.split("?", 1)[0]):
        return "sitemap"
    if FEED_URL.search(url):
        return "feed"
    if PAGINATION_URL.search(url) or " ".join(text.lower().split()) in PAGINATION_TEXTS:
        return "pagination"
    return "page"


def parse_html(text: str):
    """An lxml document for ``text`` (None when there is nothing parseable)."""
    text = XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        return lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


def html_links(text: str, page_url: str) -> list[Link]:
    """Every followable link of an HTML page, in document order, without repeats."""
    doc = parse_html(text)
    if doc is None:
        return []
    base = page_url
    for href in doc.xpath("//base/@href")[:1]:
        base = canonicalize(href, page_url) or page_url
    seen: set[str] = set()
    out: list[Link] = []

    def add(href: str, rel: str | None = None, anchor: str = "") -> None:
        url = canonicalize(href, base)
        if url is not None:
            url = archived_target(url)
        if url is None or url in seen:
            return
        seen.add(url)
        out.append(Link(url, rel or _kind_of(url, anchor)))

    for el in doc.xpath("//link[@href]"):
        rels = (el.get("rel") or "").lower().split()
        kind = (el.get("type") or "").lower()
        if "alternate" in rels and kind in FEED_TYPES:
            add(el.get("href"), "feed")
        elif "next" in rels or "prev" in rels:
            add(el.get("href"), "pagination")
        elif "sitemap" in rels:
            add(el.get("href"), "sitemap")
    for el in doc.xpath("//a[@href] | //area[@href]"):
        anchor = el.text_content() if el.tag == "a" else ""
        rels = (el.get("rel") or "").lower().split()
        add(el.get("href"), "pagination" if "next" in rels else None, anchor)
    for el in doc.xpath("//*[@onclick]"):
        for match in ONCLICK_URL.finditer(el.get("onclick") or ""):
            add(match.group(1), None, el.text_content() if hasattr(el, "text_content") else "")
    return out


def _maybe_gunzip(body: bytes) -> bytes:
    if body[:2] == b"\x1f\x8b":
        try:
            dec = zlib.decompressobj(32 + zlib.MAX_WBITS)
            return dec.decompress(body, MAX_SITEMAP_BYTES)
        except zlib.error:
            return b""
    return body


def sniff(content_type: str, body: bytes) -> str:
    """What a response is: html | sitemap | feed | binary | text."""
    head = body[:65536]
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(32 + zlib.MAX_WBITS).decompress(head, 4096)
        except zlib.error:
            return "binary"
    head = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if b"\x00" in head or head.startswith((b"%pdf", b"pk\x03\x04", b"\xd0\xcf\x11\xe0")):
        return "binary"
    if "html" in content_type or head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "text" if content_type.startswith("text/") or not content_type else "binary"


def _xml_root(body: bytes):
    data = _maybe_gunzip(body)
    if not data:
        return None
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(el, name: str) -> str | None:
    for child in el:
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def sitemap_links(body: bytes, sitemap_url: str) -> list[Link]:
    """URLs of a sitemap (``page`` links, with lastmod) or of a sitemap index (``sitemap`` links)."""
    root = _xml_root(body)
    if root is None:
        return []
    is_index = _local(root.tag) == "sitemapindex"
    out = []
    for el in root:
        if _local(el.tag) not in ("url", "sitemap"):
            continue
        loc = _child_text(el, "loc")
        url = canonicalize(loc, sitemap_url) if loc else None
        if url:
            rel = "sitemap" if is_index or _local(el.tag) == "sitemap" else _kind_of(url)
            out.append(Link(url, rel, _child_text(el, "lastmod")))
    return out


def feed_links(body: bytes, feed_url: str) -> list[Link]:
    """Item links of an RSS 1/2 or Atom feed."""
    root = _xml_root(body)
    if root is None:
        return []
    out = []
    for el in root.iter():
        name = _local(el.tag)
        if name == "item":
            href = _child_text(el, "link") or (_child_text(el, "guid") or "")
            when = _child_text(el, "pubdate") or _child_text(el, "date")
        elif name == "entry":
            href = ""
            for child in el:
                if _local(child.tag) == "link" and (child.get("rel") or "alternate") == "alternate":
                    href = child.get("href") or ""
                    break
            when = _child_text(el, "updated") or _child_text(el, "published")
        else:
            continue
        url = canonicalize(href, feed_url) if href.startswith(("http", "/")) else None
        if url:
            out.append(Link(url, _kind_of(url), when if when and when[:4].isdigit() else None))
    return out
