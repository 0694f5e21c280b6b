"""HTML page -> Article, tuned for Vietnamese government portals.

The page is parsed once (``page.parsed``); the article text is located by the CMS selectors in
``portal_vocab.CONTENT_SELECTORS`` (Liferay, NukeViet, SharePoint, WordPress, newspapers), else by
text density; trafilatura runs only when neither finds an article, or for pages that are not
Vietnamese (where its general-purpose rules are the better bet). Then each field is read by its
own module, top to bottom: page type, body (with the byline and credits closing it), the zones
around the body, date, views, category, author, summary, attachments. Metadata comes from the
lines between the title and the body (the "info zone"), the first lines after the body, and the
machine-readable head; header widgets, related-news lists, banners and the body text are never
searched for the date or the views.
"""
from __future__ import annotations

from extract import portal_vocab as V
from extract.indicators import extract_indicators
from extract.models import Article
from extract.page.author import page_author
from extract.page.body import body_lines, cap_body, find_attachments, find_summary, with_lead
from extract.page.dom import host_of
from extract.page.fallback import fallback_extract
from extract.page.pagetype import classify, headline_missing, teaser_texts
from extract.page.parsed import ParsedPage, locate, parse_page
from extract.page.published import published_date
from extract.page.reading import paragraphs
from extract.page.site import find_category
from extract.page.title import ld_title, strip_title_suffix
from extract.page.trailer import BodyMeta
from extract.page.views import page_views
from extract.page.zones import around_body
from extract.textnorm import clean_line

# A page with less text than this, no image and no attachment has nothing to archive as an article.
MIN_ARTICLE_BODY_CHARS = 80
# The site name read after the headline in <title> ("<headline> - VnExpress") is a few words.
MAX_SITE_NAME_CHARS = 80


def extract_article(html: str | bytes, url: str | None = None, *, http_charset: str | None = None) -> Article:
    """Extract one page. Raises BadInput when the input is not an HTML page at all."""
    page = parse_page(html, url, http_charset)
    article = Article(url=page.url, site=host_of(page.url), site_name=page.site_name, canonical_url=page.canonical,
                      language="vi" if page.vietnamese else page.lang_attr, warnings=list(page.warnings))
    if not page.vietnamese:
        return _with_figures(fallback_extract(article, page))
    locate(page)
    article.title = page.title
    article.site_name = article.site_name or _site_name_after_title(page)
    page_type = classify(page)
    if page_type is None and page.container is None:
        article = fallback_extract(article, page, teaser_texts(page.body_el, page.own_titles))
        if article.page_type == "article" and headline_missing(article.title):
            article.page_type = "other"
        return _with_figures(article)
    if page_type is not None:
        article.page_type = page_type
        # A listing's own name is its category (so the title is not excluded from the breadcrumb).
        article.category = find_category(page.root, None, page.container, page.order) \
            if page_type == "listing" else None
        if page_type == "listing" and page.title_el is None:
            article.title = strip_title_suffix(page.doc_title, page.site_name) if page.doc_title else page.title
        return article
    _read_article(article, page)
    article.category = find_category(page.root, article.title, page.container, page.order) or article.category
    if len(article.body) < MIN_ARTICLE_BODY_CHARS and not article.images and not article.attachments \
            and not V.DOCUMENT_NOTICE.match(article.body):
        article.page_type = "other"
    return _with_figures(article)


def _with_figures(article: Article) -> Article:
    if article.page_type == "article":
        article.indicators = extract_indicators(article.body, title=article.title)
    return article


def _site_name_after_title(page: ParsedPage) -> str | None:
    """"<headline> - VnExpress": what follows the headline in <title> names the site."""
    title, doc_title = page.title, page.doc_title
    if not title or not doc_title or not doc_title.startswith(title):
        return None
    rest = doc_title[len(title):]
    m = V.TITLE_SEPARATORS.match(rest)
    name = rest[m.end():].strip() if m else ""
    return name if 2 <= len(name) <= MAX_SITE_NAME_CHARS else None


def _read_article(article: Article, page: ParsedPage) -> None:
    """Body, images, attachments and the metadata around them, for a Vietnamese article page."""
    meta = BodyMeta()
    lines, article.images = body_lines(paragraphs(page.container, page.order), page.title, page.base, meta)
    zones = around_body(page, meta.info_lines)
    article.published = published_date(page, zones, lines) or meta.date
    article.views = page_views(page, zones)
    article.category = next((m.group("value") for m in (V.CATEGORY_LABEL.match(clean_line(line))
                                                        for line in zones.info) if m), None)
    page_author(page, zones, meta, article.site_name)
    article.author, article.source = meta.author, meta.source
    article.summary = find_summary(page.container, page.order, page.title_el)
    article.body = cap_body("\n\n".join(with_lead(lines, article.summary)), article.warnings)
    article.attachments = find_attachments(page.container, page.base)
    article.page_type = "article"
    if not article.title:
        article.title = ld_title(page.ld)
