"""Reading order: the tree walked into paragraphs as a reader sees them (block boundaries, <br>s,
table cells), each with its element, position, images and whether it is all italic or bold."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from extract.page.dom import BLOCK_TAGS, BOLD_TAGS, CELL_TAGS, HEADING_TAGS, ITALIC_TAGS, is_boilerplate
from extract.textnorm import clean_line

STYLE_ITALIC = re.compile(r"font-style\s*:\s*italic", re.I)


@dataclass
class Para:
    """One paragraph of text as a reader sees it, with the block element it came from."""

    raw: str
    el: etree._Element
    pos: int = 0  # the block element's position in document order
    # Where the text starts in document order: a text after a child element (its tail) is placed just
    # after that child, so text printed between a headline and the body inside one <div> sits between them.
    start: float = 0
    images: list = field(default_factory=list)
    italic: bool = True
    bold: bool = True
    has_text: bool = False
    text: str = ""  # raw with white space collapsed; set when the paragraph is complete

    def set_raw(self, raw: str) -> None:
        self.raw = raw
        self.text = clean_line(raw)


class Sink:
    """Collects inline text into paragraphs while the tree is walked."""

    def __init__(self, order: dict, fields: bool = False):
        self.order = order
        self.paras: list[Para] = []
        self.stack: list[etree._Element] = []
        self.cur: Para | None = None
        # Metadata zones are rows of separate fields (<span>date</span><span>views</span>): keep them apart.
        self.fields = fields
        self.gap = False
        self.at: float = 0  # the position reached by the walk

    def _para(self) -> Para:
        if self.cur is None:
            el = self.stack[-1] if self.stack else None
            self.cur = Para("", el, self.order.get(el, 0))
        return self.cur

    def boundary(self) -> None:
        self.gap = self.fields

    def text(self, s: str | None, italic: bool, bold: bool) -> None:
        if not s:
            return
        p = self._para()
        if self.gap and p.raw and not p.raw[-1].isspace() and not s[0].isspace():
            p.raw += " "
        self.gap = False
        p.raw += s
        if s.strip():
            if not p.has_text:
                p.start = self.at
            p.has_text = True
            p.italic = p.italic and italic
            p.bold = p.bold and bold

    def tail(self, s: str | None, italic: bool, bold: bool) -> None:
        """Text after an element: it is placed after the element's last descendant."""
        if s:
            self.at = int(self.at) + 0.5
            self.text(s, italic, bold)

    def image(self, el) -> None:
        self._para().images.append(el)

    def flush(self) -> None:
        p = self.cur
        self.cur = None
        if p is None:
            return
        p.text = clean_line(p.raw)
        if p.has_text and p.text:
            self.paras.append(p)
        elif p.images:
            p.raw = ""
            self.paras.append(p)


def walk(el, sink: Sink, skip, italic=False, bold=False) -> None:
    tag = el.tag
    sink.at = sink.order.get(el, sink.at)
    if not isinstance(tag, str):
        sink.tail(el.tail, italic, bold)
        return
    if skip(el):
        sink.tail(el.tail, italic, bold)
        return
    if tag == "br":
        sink.flush()
        sink.tail(el.tail, italic, bold)
        return
    if tag == "img":
        sink.image(el)
        sink.tail(el.tail, italic, bold)
        return
    block = tag in BLOCK_TAGS
    if not block and len(el) == 0 and not (el.text or "").strip() and el.get("class"):
        # An empty styled inline element is an icon font glyph ("fa fa-eye"): it shows as a gap.
        sink.text(" ", italic, bold)
        sink.tail(el.tail, italic, bold)
        return
    style = el.get("style") or ""
    inner_italic = italic or tag in ITALIC_TAGS or bool(STYLE_ITALIC.search(style))
    inner_bold = bold or tag in BOLD_TAGS or tag in HEADING_TAGS
    if block:
        sink.flush()
        sink.stack.append(el)
    elif tag in CELL_TAGS:
        sink.text(" ", italic, bold)
    else:
        sink.boundary()
    sink.text(el.text, inner_italic, inner_bold)
    for child in el:
        walk(child, sink, skip, inner_italic, inner_bold)
    if block:
        sink.flush()
        sink.stack.pop()
    elif tag in CELL_TAGS:
        sink.text(" ", italic, bold)
    else:
        sink.boundary()
    sink.tail(el.tail, italic, bold)


def paragraphs(root, order: dict, skip=is_boilerplate, fields: bool = False) -> list[Para]:
    sink = Sink(order, fields)
    sink.stack.append(root)
    sink.at = order.get(root, 0)
    sink.text(root.text, False, False)
    for child in root:
        walk(child, sink, skip)
    sink.flush()
    return sink.paras
