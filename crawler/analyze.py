"""What one fetched response means for the crawl: its kind, its article (if any), the links it offers.

Runs in the fetch threads, off the writer thread: pure apart from CPU (decode, extract, parse links).
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field

from crawler import discover
from crawler.discover import Link
from crawler.urls import canonicalize, is_plausible_canonical
from extract.models import Article
from extract.template import SiteTemplate, refine_article

MAX_EXTRACT_BYTES = 8 * 2**20  # an HTML page this big is a data dump, not a news article


@dataclass
class Analysis:
    kind: str  # html | sitemap | feed | binary | text
    links: list[Link] = field(default_factory=list)
    article: Article | None = None  # set when extraction ran and gave a page
    error: str | None = None  # why extraction failed (the page stays archived)
    content_hash: str | None = None

    @property
    def page_type(self) -> str | None:
        return self.article.page_type if self.article is not None else None


def content_hash(article: Article) -> str:
    """Identity of an article's content (title + body, whitespace and Unicode form folded)."""
    text = f"{article.title or ''}\n{article.body or ''}"
    text = " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def body_hash(body: bytes) -> str:
    return hashlib.sha1(body).hexdigest()


def analyze(url: str, status: int, content_type: str, body: bytes, charset: str | None,
            truncated: bool = False, template: SiteTemplate | None = None) -> Analysis:
    """Classify and mine one 2xx response fetched from ``url`` (its canonical, final URL).

    ``template``: the site's learned template (``extract/template.py``), applied to an article the page rules
    extracted: template lines trimmed, placeholder bylines dropped, missing fields read where the site keeps them.
    """
    kind = discover.sniff(content_type, body)
    if kind == "sitemap":
        return Analysis(kind, discover.sitemap_links(body, url), content_hash=body_hash(body))
    if kind == "feed":
        return Analysis(kind, discover.feed_links(body, url), content_hash=body_hash(body))
    if kind != "html":
        return Analysis(kind, content_hash=body_hash(body))
    if truncated:
        return Analysis(kind, error="page larger than the size limit (cut off)", content_hash=body_hash(body))
    from extract.decode import decode_html

    try:
        text = decode_html(body, charset)
    except Exception as err:  # not text at all: archived, reported, never fatal
        return Analysis("binary", error=_reason(err), content_hash=body_hash(body))
    result = Analysis(kind, discover.html_links(text, url), content_hash=body_hash(body))
    if len(body) > MAX_EXTRACT_BYTES:
        result.error = "page too large to be an article"
        return result
    from extract.article import extract_article

    try:
        article = extract_article(text, url=url, http_charset=charset)
    except Exception as err:
        result.error = _reason(err)
        return result
    if article.canonical_url:
        article.canonical_url = canonicalize(article.canonical_url, url)
        if article.canonical_url and not is_plausible_canonical(article.canonical_url, url):
            article.canonical_url = None
    if template is not None and article.page_type == "article":
        article = refine_article(article, text, template)
    result.article = article
    if article.page_type == "article":
        result.content_hash = content_hash(article)
    return result


def _reason(err: Exception) -> str:
    text = str(err).splitlines()[0] if str(err) else ""
    return f"{type(err).__name__}: {text}"[:300]
