"""trafilatura's general-purpose extraction, for pages the portal rules do not recognise."""
from __future__ import annotations

import logging

from extract import portal_vocab as V
from extract.dates import parse_structured
from extract.models import Article
from extract.page.body import cap_body
from extract.page.container import ARTICLE_MIN_CHARS
from extract.page.lines import MAX_HEADING_CHARS, is_chrome, norm
from extract.page.reading import Para, paragraphs
from extract.page.trailer import BodyMeta, split_trailer
from extract.textnorm import clean_line

# A page in another language is an article when trafilatura finds this much text in it.
MIN_TEXT_CHARS = 80
# Pages of more elements skip trafilatura's justext rescue (quadratic: 9 s at 15,000 small blocks) ...
MAX_RESCUE_ELEMENTS = 4000
# ... and above this, trafilatura altogether (10 s at 80,000 elements even without it): the text is then
# the reading-order walk of the <body>, linear in the page's size.
MAX_TRAFILATURA_ELEMENTS = 20_000


def fallback_extract(article: Article, page, teasers: list[str] = ()) -> Article:
    """General-purpose extraction by trafilatura for pages the portal rules do not recognise.

    Text that is a teaser's summary (the box opens with a headline linking elsewhere) makes the page a listing."""
    text, doc = _general_text(page)
    if not text.strip():
        article.page_type = "other"
        return article
    lines = [clean_line(line) for line in text.split("\n")]
    lines = [line for line in lines if line and not is_chrome(line)]
    vietnamese = article.language == "vi"
    if vietnamese and lines and any(norm(lines[0])[:120] in box for box in teasers):
        article.page_type = "listing"
        return article
    if vietnamese:
        meta = BodyMeta()
        paras = [Para(line, None, has_text=True, italic=False, bold=False, text=line) for line in lines]
        cut = next((i for i, p in enumerate(paras) if V.RELATED_HEADINGS.match(p.text)
                    and len(p.text) <= MAX_HEADING_CHARS), None)
        if cut is not None:
            paras = paras[:cut]
        paras = split_trailer(paras, meta)
        lines = [p.text for p in paras]
        article.author = meta.author
        article.source = meta.source
    article.body = cap_body("\n\n".join(lines), article.warnings)
    if doc is not None:
        _doc_metadata(article, doc, vietnamese)
    # No portal container and no dense text block: a Vietnamese page needs a real body to be an article.
    article.page_type = "article" if len(article.body) >= (ARTICLE_MIN_CHARS if vietnamese else MIN_TEXT_CHARS) \
        else "other"
    return article


def _general_text(page) -> tuple[str, object]:
    """The page's text by trafilatura (and its document, for the metadata); by the reading-order walk alone
    on pages of very many elements, where trafilatura's rules cost seconds (its justext rescue is
    quadratic in the number of paragraphs)."""
    from trafilatura import bare_extraction  # imported here: only needed on this path

    # trafilatura warns about every page it finds no text in; here that is an expected outcome, and
    # the warning would reach stderr whenever something (underthesea does) configures root logging.
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    elements = sum(1 for _ in page.root.iter())
    if elements > MAX_TRAFILATURA_ELEMENTS:
        paras = paragraphs(page.body_el, {}) if page.body_el is not None else []
        return "\n".join(p.text for p in paras), None
    doc = bare_extraction(page.text, url=page.url, with_metadata=True, include_comments=False,
                          fast=elements > MAX_RESCUE_ELEMENTS)
    return (doc.text if doc is not None else "") or "", doc


def _doc_metadata(article: Article, doc, vietnamese: bool) -> None:
    if not vietnamese or not article.title:
        article.title = clean_line(doc.title) if doc.title else article.title
    if not article.author and doc.author:
        author = clean_line(doc.author)
        if not (vietnamese and (V.PORTAL_NAME_WORDS.search(author + " ") or author == article.site_name)):
            article.author = author
    if doc.date:
        article.published = parse_structured(doc.date, local=vietnamese) or doc.date
    article.site_name = article.site_name or (clean_line(doc.sitename) if doc.sitename else None)
    article.language = article.language or doc.language
