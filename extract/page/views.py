"""The article's view count ("Lượt xem: 1.234"), never a site-wide visitor counter."""
from __future__ import annotations

import re

from extract import portal_vocab as V
from extract.dates import find_dates
from extract.page.dom import classes
from extract.page.lines import INT, site_counter, to_int
from extract.page.zones import Zones

MAX_VIEWS_BOX_CHARS = 60


def views_in(lines: list[str], zone_els, own_box: bool = False) -> int | None:
    """The article's view count; own_box: lines between headline and body, where Joomla's
    "Lượt truy cập: 45" is the article's, not the site's counter."""
    counter = site_counter if own_box else V.SITE_COUNTER.search
    for line in lines:
        for seg in re.split(r"\s*[|•]\s*|\n", line):
            hits = V.ARTICLE_HITS.search(seg) if own_box else None
            if hits and not counter(seg):
                return to_int(hits.group("n"))
            if counter(seg):
                continue
            m = V.VIEWS_LABELED.search(seg) or V.VIEWS_AFTER_NUMBER.search(seg)
            if m:
                return to_int(m.group("n"))
    for el in zone_els:
        text = el.text_content()
        # A count box holds a label and a number; a longer text is a block (Drupal's "block-views" lists).
        if V.VIEWS_CLASS.search(classes(el)) and len(text.strip()) <= MAX_VIEWS_BOX_CHARS and not counter(text):
            digits = re.findall(r"\d[\d.,]*", text)
            if len(digits) == 1:
                return to_int(digits[0])
    # "18/08/2023 16:01    158": a lone number printed after the date line.
    for line in lines:
        hits = find_dates(line)
        if not hits or counter(line):
            continue
        rest = line
        for h in reversed(hits):
            rest = rest[:h.start] + " " + rest[h.end:]
        rest = V.DATELINE_WORDS.sub(" ", V.WEEKDAY.sub(" ", rest))
        tokens = [t for t in re.split(r"[\s|•():,]+", rest) if any(c.isalnum() for c in t)]
        if len(tokens) == 1 and INT.match(tokens[0]):  # nothing else on the line: "0 bình luận" is not views
            return to_int(tokens[0])
    return None


def page_views(page, zones: Zones) -> int | None:
    """The info zone's count, else the tail's ("Lượt xem: 0" is a count, not a missing one)."""
    views = views_in(zones.info, zones.info_els, own_box=page.title_el is not None)
    return views if views is not None else views_in(zones.tail, zones.tail_els)
