"""The publication date, as a cascade: the dateline the page shows near the headline (portals print
local time), else the head's machine-readable date, else a date line after the body."""
from __future__ import annotations

from extract import portal_vocab as V
from extract.dates import DateHit, find_dates, parse_structured
from extract.page.dom import classes, meta_content
from extract.page.lines import info_like, site_counter
from extract.page.title import title_dates
from extract.page.zones import LINES_ABOVE_TITLE, Zones, lines_before
from extract.textnorm import clean_line

# A "Ngày đăng: …" line closing the body is this short; the label is before its first colon.
MAX_BODY_DATELINE_CHARS = 80


def pick_date(lines: list[str]) -> DateHit | None:
    """The first dateline's date; a sentence that mentions a date (a sapo, a caption) is not a dateline."""
    datelines = []
    for line in lines:
        if site_counter(line) and not V.PUBLISHED_LABEL.search(line):
            continue
        if not info_like(clean_line(line)):
            continue
        hit = next((h for h in find_dates(line) if h.usable), None)
        if hit is not None:
            datelines.append((line, hit))
    # "Ngày tạo …" / "Ngày đăng …" beats an "Ngày cập nhật …" printed before it.
    created = next((hit for line, hit in datelines if V.CREATED_LABEL.search(line)), None)
    return created or (datelines[0][1] if datelines else None)


def published_date(page, zones: Zones, lines: list[str]) -> str | None:
    """ISO date (with the time when shown). A "Ngày đăng: …" line found at the end of the body
    is taken out of ``lines``."""
    structured = structured_date(page, zones)
    seen = shown_date(page, zones, structured is not None)
    published = structured
    if seen is not None:
        published = seen.iso
        # The page shows the day; the head's metadata adds the time of that same day.
        if structured and not seen.has_time and "T" in structured and structured[:10] == seen.iso:
            published = structured
    if published is None:
        for line in lines[-2:]:
            if V.PUBLISHED_LABEL.search(line.split(":")[0] + ":") and len(line) < MAX_BODY_DATELINE_CHARS:
                hit = pick_date([line])
                if hit:
                    lines.remove(line)
                    return hit.iso
    return published


def structured_date(page, zones: Zones) -> str | None:
    """The date of the head's meta tags, JSON-LD, or a <time> in the info zone or the body."""
    for attr, value in V.DATE_META:
        structured = parse_structured(meta_content(page.root, attr, value), local=True)
        if structured:
            return structured
    if page.ld.get("datePublished"):
        structured = parse_structured(str(page.ld["datePublished"]), local=True)
        if structured:
            return structured
    for el in zones.info_els + list(page.container.iter("time"))[:1]:
        if el.tag == "time":
            structured = parse_structured(el.get("datetime") or el.text_content(), local=True)
            if structured:
                return structured
    return None


def shown_date(page, zones: Zones, have_structured: bool) -> DateHit | None:
    """The dateline printed on the page: the info zone, date-classed elements there, a date inside the
    headline; the tail and the lines above the headline only when the head gives no date."""
    seen = pick_date(zones.info)
    if seen is None:
        # Spans printed side by side ("15/04/2024 08:30" + views + "Cỡ chữ") run together as one line.
        seen = pick_date([el.text_content() for el in zones.info_els if V.DATE_CLASS.search(classes(el))])
    if seen is None and page.title_el is not None:
        seen = pick_date([el.text_content() for el in title_dates(page.title_el)])
    if seen is None and not have_structured:
        seen = pick_date(zones.tail)
    if seen is None and not have_structured:
        lines, els = lines_before(page.title_el, page.container, page.order)
        dated = [el.text_content() for el in els if V.DATE_CLASS.search(classes(el))]
        seen = pick_date(lines) or pick_date(dated[-LINES_ABOVE_TITLE:])
    return seen
