"""Author and source credit, as a cascade: the byline in the info zone, in the tail, in an element marked
as the author, then the head's metadata. The body's own closing byline is read by ``trailer``."""
from __future__ import annotations

import re

from extract import portal_vocab as V
from extract.dates import find_dates
from extract.page.dom import classes, meta_content
from extract.page.lines import (
    DASH,
    SEGMENT_SPLIT,
    STRONG_SPLIT,
    as_byline,
    author_value,
    clean_name,
    is_chrome,
    looks_like_name,
    strip_segment,
)
from extract.page.trailer import BodyMeta
from extract.page.zones import Zones
from extract.textnorm import clean_line

# Elements marked as the byline: "author", "AuthorArticle", "tacgia", "texttacgia", "tac-gia", "byline", hCard "fn".
AUTHOR_CLASS = re.compile(r"(?:^|[\s_-])(?:author(?:article|name)?|\w*tacgia|tac-gia|byline|fn)(?:$|[\s_-])", re.I)


def ld_author(d: dict) -> str | None:
    a = d.get("author")
    if isinstance(a, list) and a:
        a = a[0]
    if isinstance(a, dict):
        a = a.get("name")
    return clean_line(a) if isinstance(a, str) else None


def info_author(lines: list[str], meta: BodyMeta) -> None:
    """Byline or source credit from the dateline area: "XUÂN CHIẾN | 13:06, 25/02/2024", "Tác giả: …"."""
    for line in lines:
        hits = find_dates(line)
        rest = line
        for h in reversed(hits):
            rest = rest[:h.start] + "  " + rest[h.end:]
        rest = V.WEEKDAY.sub("  ", V.VIEWS_AFTER_NUMBER.sub("  ", V.VIEWS_LABELED.sub("  ", rest)))
        segments = []
        # A labelled credit keeps its dashes ("Nguồn tin: Sở Lao động - Thương binh và Xã hội").
        for piece in STRONG_SPLIT.split(rest):
            piece = clean_line(piece).strip(" -–—")
            labelled = V.AUTHOR_LABEL.match(piece)
            if V.SOURCE_LABEL.match(piece) or (labelled and as_byline(clean_name(labelled.group("value")
                                                                               or labelled.group("value2") or ""))):
                segments.append(strip_segment(piece))
            elif DASH.search(piece) and all(looks_like_name(part) for part in DASH.split(piece)):
                segments.append(strip_segment(piece))  # co-writers: "NGỌC ANH - THU HÀ" is one byline
            else:
                segments += [strip_segment(V.DATELINE_LABEL.sub("", clean_line(s))) for s in SEGMENT_SPLIT.split(piece)]
        for seg in segments:
            if not seg or is_chrome(seg):
                continue
            m = V.SOURCE_LABEL.match(seg)
            if m:
                meta.source = meta.source or clean_name(m.group("value"))
                continue
            if meta.author:
                continue
            value = author_value(seg)
            if value:
                meta.author = value
            elif (hits or seg.isupper()) and looks_like_name(seg):
                meta.author = clean_name(seg)


def element_author(zone_els) -> str | None:
    for el in zone_els:
        cls = classes(el)
        if el.get("rel") == "author" or el.get("itemprop") == "author" or \
                AUTHOR_CLASS.search(cls):
            text = clean_name(el.text_content())
            value = author_value(text)
            if value:
                return value
            if text and not V.ACCOUNT_NAMES.match(text):
                byline = as_byline(text, relaxed=True)
                if byline:
                    return byline
    return None


def page_author(page, zones: Zones, meta: BodyMeta, site_name: str | None) -> None:
    """Fill meta.author (unless the body's trailer named one) and meta.source."""
    info_author(zones.info, meta)
    if meta.author is None:
        info_author(zones.tail, meta)
    if meta.author is None:
        meta.author = element_author(zones.info_els) or element_author(zones.tail_els) \
            or element_author(list(page.container.iter()))
    if meta.author is None:
        for candidate in (ld_author(page.ld), meta_content(page.root, "name", "author")):
            if candidate and looks_like_name(candidate) and candidate != site_name \
                    and not V.ACCOUNT_NAMES.match(candidate):
                meta.author = candidate
                return
