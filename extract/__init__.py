"""Article and figure extraction for Vietnamese government portals.

    from extract import extract_article, extract_document, extract_indicators

The extractors are imported on first use: they pull in lxml, trafilatura and
underthesea, which every other command (search, serve, export) can do without.
"""
from extract.models import Article, Attachment, Image, Indicator

__all__ = ["Article", "Attachment", "Image", "Indicator", "extract_article", "extract_document", "extract_indicators"]


def __getattr__(name: str):
    if name == "extract_article":
        from extract.article import extract_article

        return extract_article
    if name == "extract_document":
        from extract.documents import extract_document

        return extract_document
    if name == "extract_indicators":
        from extract.indicators import extract_indicators

        return extract_indicators
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
