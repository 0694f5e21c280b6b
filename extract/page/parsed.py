"""The parsed page: an HTML page read once into what every field extractor needs.

``parse_page`` decodes and parses the page and reads its head (titles, JSON-LD, canonical and base
URLs, site name, language); ``locate`` then finds the article's main container and its headline.
The field modules (title, body, published, author, views, pagetype) are functions of this object.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from base.errors import BadInput
from extract import portal_vocab as V
from extract.decode import check_page_text, decode_page
from extract.page.container import ARTICLE_MIN_CHARS, density_container, find_container, has_prose, notice_container
from extract.page.dom import embedded_document, host_of, join_url, json_ld, ld_article, meta_content, parse_html
from extract.page.lines import is_vietnamese
from extract.page.site import find_site_name
from extract.page.title import find_title, headline_variants
from extract.textnorm import clean_line

# Enough of the page's text to tell its language and spot an error message.
PAGE_TEXT_SAMPLE = 20_000
# Of which this much decides the language (with the <title>).
LANGUAGE_SAMPLE = 4000


@dataclass
class ParsedPage:
    """One page, parsed once. The fields after ``vietnamese`` are set by ``locate``."""

    root: etree._Element
    text: str  # the decoded HTML (trafilatura's fallback parses it again)
    url: str | None  # the page's address: given, else <link rel=canonical>, else og:url
    base: str | None  # what relative links resolve against (<base href> honoured)
    canonical: str | None
    doc_title: str | None  # <title>
    meta_title: str | None  # og:title / twitter:title
    ld: dict  # the JSON-LD Article object, or {}
    site_name: str | None
    lang_attr: str | None  # <html lang>, two letters
    body_el: etree._Element | None
    page_text: str  # the start of the <body>'s text
    vietnamese: bool
    warnings: list[str]  # what had to be cut before parsing (size, depth)
    order: dict = field(default_factory=dict)  # element -> position in document order
    container: etree._Element | None = None  # the article's main text block
    trusted: bool = False  # container found by a marker that only ever wraps an article body
    title_el: etree._Element | None = None  # the headline element, when the headline is one
    title: str | None = None

    @property
    def own_titles(self) -> list[str]:
        """The page's own headline as <title> and og:title give it (normalised)."""
        return headline_variants(self.meta_title, self.doc_title, self.site_name)


def parse_page(html: str | bytes, url: str | None = None, http_charset: str | None = None) -> ParsedPage:
    """Decode, parse and read the head. Raises BadInput when the input is not an HTML page at all."""
    if url is not None and host_of(url) is None and "://" in url:
        raise BadInput(f"not a valid URL: {url}")
    text, warnings = decode_page(html, http_charset) if isinstance(html, (bytes, bytearray)) \
        else check_page_text(html)
    root = parse_html(text, warnings)
    head_title = root.find(".//title")
    doc_title = clean_line(head_title.text_content()) if head_title is not None else None
    canonical = None
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            canonical = join_url(url, link.get("href").strip())
            break
    page_url = url or canonical or meta_content(root, "property", "og:url")
    base = page_url
    base_el = root.find(".//base")
    if base_el is not None and base_el.get("href"):
        base = join_url(page_url, base_el.get("href"))
    page = ParsedPage(
        root=root, text=text, url=page_url, base=base, canonical=canonical, doc_title=doc_title,
        meta_title=meta_content(root, "property", "og:title") or meta_content(root, "name", "twitter:title"),
        ld=ld_article(json_ld(root)), site_name=find_site_name(root, doc_title),
        lang_attr=(root.get("lang") or root.get("xml:lang") or "").strip().lower()[:2] or None,
        body_el=None, page_text="", vietnamese=False, warnings=warnings)
    _drop_scripts(root)
    page.body_el = root.find("body")
    body_el = page.body_el
    page.page_text = clean_line(body_el.text_content()[:PAGE_TEXT_SAMPLE]) if body_el is not None else ""
    # Portal templates often declare lang="en"; the text decides.
    page.vietnamese = is_vietnamese((doc_title or "") + " " + page.page_text[:LANGUAGE_SAMPLE])
    return page


def _drop_scripts(root) -> None:
    """Scripts, styles, forms and embeds out; an embedded PDF viewer stands for an attachment: keep it as a link."""
    for bad in list(root.iter(*V.DROP_TAGS)):
        if bad.getparent() is None:
            continue
        document = embedded_document(bad)
        if document:
            link = lxml.html.Element("a", href=document)
            link.tail = bad.tail
            bad.getparent().replace(bad, link)
        else:
            bad.drop_tree()


def locate(page: ParsedPage) -> None:
    """The main container (CMS selectors, else text density), document order and the headline."""
    root = page.root
    page.container, min_chars = find_container(root)
    # A selector that matches with less text than an article needs is a marker that only ever wraps an
    # article body (NukeViet's bodyhtml): finding it settles the page type.
    page.trusted = min_chars is not None and min_chars < ARTICLE_MIN_CHARS
    if page.container is None:
        page.container = density_container(root, page.own_titles)
        notice = notice_container(root) if page.container is None or not has_prose(page.container) else None
        if notice is not None:
            # No text block of running text, but a headline and its document's notice: one item.
            page.container, page.trusted = notice, True
    page.order = {el: i for i, el in enumerate(root.iter())}
    page.title_el, page.title = find_title(root, page.container, page.order, page.meta_title, page.doc_title,
                                           page.site_name)
