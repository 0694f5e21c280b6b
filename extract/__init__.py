"""Article and figure extraction for Vietnamese government portals.

    from extract import extract_article, extract_indicators
"""
from extract.models import Article, Attachment, Image, Indicator
from extract.article import extract_article
from extract.indicators import extract_indicators

__all__ = ["Article", "Attachment", "Image", "Indicator", "extract_article", "extract_indicators"]
