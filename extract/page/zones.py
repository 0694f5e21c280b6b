"""The zones around the body where metadata is printed: the info zone (between the headline and the
body: dateline, views, byline) and the tail (the first short lines after the body: byline, source,
"Ngày đăng")."""
from __future__ import annotations

from dataclasses import dataclass, field

from extract import portal_vocab as V
from extract.page.dom import common_ancestor, is_hard_boilerplate, is_inside, last_descendant
from extract.page.lines import MAX_INFO_LINE_CHARS, is_chrome
from extract.page.reading import paragraphs

# How many lines around the body are searched for date, views, author and source: the info zone
# holds a dateline, a counter and a byline at most, the tail a byline, a source and a few tool links.
INFO_LINES = 6
TAIL_LINES = 8
# Without a headline element, the info zone is the last few short lines printed before the body.
LINES_BEFORE_BODY = 3
# Lines printed just above the headline (some newspapers put the date there).
LINES_ABOVE_TITLE = 2
# How far above the box holding the headline and the body such lines are looked for.
ABOVE_TITLE_LEVELS = 3


@dataclass
class Zones:
    """The lines (raw text) and elements of the info zone and the tail."""

    info: list[str] = field(default_factory=list)
    info_els: list = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    tail_els: list = field(default_factory=list)


def around_body(page, top_lines: list[str]) -> Zones:
    """The zones of a located page; top_lines: info lines found at the top of the body itself."""
    container, order, title_el = page.container, page.order, page.title_el
    info, info_els = info_zone(title_el, container, order)
    if title_el is None:
        info = top_lines + _lines_before_body(container, order)
    else:
        info = info + top_lines
    # The article's own box: from the title to the body, else the body's parent.
    tail_scope = container.getparent()
    if title_el is not None and not is_inside(title_el, container):
        tail_scope = common_ancestor(title_el, container)
    tail, tail_els = _tail(tail_scope, container, order) if tail_scope is not None else ([], [])
    return Zones(info, info_els, tail, tail_els)


def _lines_before_body(container, order) -> list[str]:
    parent = container.getparent()
    if parent is None:
        return []
    cstart = order.get(container, 0)
    before = [p for p in paragraphs(parent, order, is_hard_boilerplate, fields=True) if p.start < cstart
              and not is_inside(p.el, container)]
    return [p.raw for p in before[-LINES_BEFORE_BODY:] if len(p.text) <= MAX_INFO_LINE_CHARS]


def _tail(scope, container, order) -> tuple[list[str], list]:
    cend = order.get(last_descendant(container), order.get(container, 0))
    tail: list[str] = []
    counted = 0
    for p in paragraphs(scope, order, is_hard_boilerplate, fields=True):
        if p.start <= cend or is_inside(p.el, container):
            continue
        if V.RELATED_HEADINGS.match(p.text) or len(p.text) > MAX_INFO_LINE_CHARS or counted >= TAIL_LINES:
            break
        tail.append(p.raw)
        counted += not is_chrome(p.text)
    # Reader comments and related lists after the body name people too: never search them.
    return tail, [el for el in clean_elements(scope) if order.get(el, 0) > cend]


def info_zone(title_el, container, order) -> tuple[list[str], list]:
    """The lines and elements between the headline and the body (dateline, views, byline)."""
    if title_el is None or is_inside(title_el, container):
        return [], []
    cstart = order.get(container, 0)
    tend = order.get(last_descendant(title_el), 0)
    scope = common_ancestor(title_el, container)
    if scope is None or tend >= cstart:
        return [], []
    info_paras = [p for p in paragraphs(scope, order, is_hard_boilerplate, fields=True) if tend < p.start < cstart
                  and not is_inside(p.el, container)]
    info = [p.raw for p in info_paras[:INFO_LINES] if len(p.text) <= MAX_INFO_LINE_CHARS]
    return info, [el for el in clean_elements(scope) if tend < order.get(el, 0) < cstart]


def clean_elements(scope) -> list:
    """Elements under scope in document order, minus whole menus, counters, comments and related lists."""
    out = []
    stack = [scope]
    while stack:
        el = stack.pop()
        out.append(el)
        stack.extend(child for child in reversed(el) if isinstance(child.tag, str) and not is_hard_boilerplate(child))
    return out[1:]


def lines_before(title_el, container, order) -> tuple[list[str], list]:
    """The short lines and the elements just above the headline, where some newspapers and SharePoint
    portals print the date ("tin nổi bật | 11/06/2019" in a header row over the article's table).

    Searched in the headline's grandparent, else up from the box holding headline and body, a level
    at a time, until something is printed above the headline."""
    if title_el is None:
        return [], []
    scope = title_el.getparent()
    if scope is not None and scope.getparent() is not None:
        scope = scope.getparent()
    if scope is None:
        return [], []
    scopes = [scope]
    box = common_ancestor(title_el, container) if container is not None else None
    for _ in range(ABOVE_TITLE_LEVELS + 1):
        if box is None:
            break
        scopes.append(box)
        box = box.getparent()
    tpos = order.get(title_el, 0)
    for scope in scopes:
        lines = [p.raw for p in paragraphs(scope, order, is_hard_boilerplate, fields=True)
                 if p.text and p.start < tpos and not is_inside(p.el, title_el) and len(p.text) <= MAX_INFO_LINE_CHARS]
        if lines:
            els = [el for el in clean_elements(scope) if order.get(el, 0) < tpos and not is_inside(title_el, el)]
            return lines[-LINES_ABOVE_TITLE:], els
    return [], []
