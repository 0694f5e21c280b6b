"""The lines closing the body: byline, source credit ("Nguồn: …", "Theo …"), photo credits, a dateline;
taken off the text into BodyMeta."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract import portal_vocab as V
from extract.dates import find_dates
from extract.page.dom import BOLD_TAGS, ITALIC_TAGS
from extract.page.lines import (
    MAX_INFO_LINE_CHARS,
    as_byline,
    author_value,
    clean_name,
    info_like,
    looks_like_name,
    strip_segment,
)
from extract.page.reading import Para
from extract.textnorm import clean_line

# Byline, source, photo credit and a date at most close an article.
TRAILER_LINES = 4
# "Theo <source>" is a credit only when short: a longer line opening so is reported speech.
MAX_SOURCE_THEO_CHARS = 60
MAX_PHOTO_CREDIT_CHARS = 80
# "Tác giả: <name>" / "Tin, ảnh: <name>" lines; an unlabelled byline line (a name, its unit, a date).
MAX_LABELLED_BYLINE_CHARS = 90
MAX_BYLINE_LINE_CHARS = 110
RUN_OF_SPACES = re.compile(r"^(?P<text>.*\S)[ \t]{3,}(?P<name>\S[^\n]{1,70})$", re.S)
SENTENCE_END = re.compile(r"[.!?…”\"')/]\s*$")
STYLE_RIGHT = re.compile(r"text-align\s*:\s*right", re.I)


@dataclass
class BodyMeta:
    """What the lines around the body say about it."""

    author: str | None = None
    source: str | None = None
    date: str | None = None  # a date printed with the byline at the end of the body
    info_lines: list[str] = field(default_factory=list)


def right_aligned(p: Para) -> bool:
    el = p.el
    if el is None:
        return False
    return bool(STYLE_RIGHT.search(el.get("style") or "")) or (el.get("align") or "").lower() == "right"


def split_trailer(paras: list[Para], meta: BodyMeta) -> list[Para]:
    """Take the byline, source credit and photo credits off the end of the body."""
    done = 0
    while paras and done < TRAILER_LINES:
        p = paras[-1]
        text = p.text
        if not text:
            paras.pop()
            continue
        if V.EDITOR_PLACEHOLDER.match(text.strip(" .")):
            paras.pop()
            done += 1
            continue
        if len(paras) > 1 and V.DOCUMENT_NOTICE.match(text):
            paras.pop()  # "Xem chi tiết tại đây" under the text: the template's link to the document
            done += 1
            continue
        m = V.SOURCE_LABEL.match(text) or (V.SOURCE_THEO.match(text) if len(text) <= MAX_SOURCE_THEO_CHARS else None)
        if m:
            meta.source = meta.source or clean_name(m.group("value"))
            paras.pop()
            done += 1
            continue
        if V.PHOTO_CREDIT.match(text) and len(text) <= MAX_PHOTO_CREDIT_CHARS:
            paras.pop()
            done += 1
            continue
        labelled = author_value(text) if len(text) <= MAX_LABELLED_BYLINE_CHARS else None
        colon_label = V.AUTHOR_LABEL.match(text) if len(text) <= MAX_LABELLED_BYLINE_CHARS else None
        if labelled or (colon_label and colon_label.group("value")):  # "Tác giả: admin" goes too
            meta.author = meta.author or labelled
            paras.pop()
            done += 1
            continue
        # The last item of a list of units ("Hội Nông dân huyện") is text, not a byline.
        in_list = p.el is not None and p.el.tag == "li"
        byline = as_byline(text, relaxed=right_aligned(p) or p.bold, units=not in_list) \
            if len(text) <= MAX_BYLINE_LINE_CHARS else None
        if byline is None and len(text) <= MAX_BYLINE_LINE_CHARS:
            # "Hà Trinh - 18/08/2023": a byline with the date after it.
            hits = [h for h in find_dates(text) if h.usable]
            if hits:
                rest = text
                for h in reversed(hits):
                    rest = rest[:h.start] + " " + rest[h.end:]
                byline = as_byline(strip_segment(clean_line(rest).strip(" -–—|,")))
                if byline:
                    meta.date = meta.date or hits[0].iso
        if byline:
            meta.author = meta.author or byline
            paras.pop()
            done += 1
            continue
        if len(text) <= MAX_INFO_LINE_CHARS and info_like(text):
            # A dateline under the byline ("Hà Trinh" / "18/08/2023"): metadata, not text.
            hits = [h for h in find_dates(text) if h.usable]
            meta.date = meta.date or (hits[0].iso if hits else None)
            paras.pop()
            done += 1
            continue
        m = RUN_OF_SPACES.match(p.raw.replace("\u00a0", " ").rstrip())
        if m and looks_like_name(clean_line(m.group("name"))):
            meta.author = meta.author or clean_name(m.group("name"))
            p.set_raw(m.group("text"))
        else:
            name, before = inline_byline(p)
            if name:
                meta.author = meta.author or name
                p.set_raw(before)
        break
    return paras


def inline_byline(p: Para) -> tuple[str | None, str]:
    """A bold/italic name closing the last sentence's paragraph: "... doanh nghiệp./. <b>Hà Trinh</b>"."""
    el = p.el
    if el is None or len(el) == 0:
        return None, p.raw
    last = el[-1]
    if not isinstance(last.tag, str) or last.tag not in BOLD_TAGS | ITALIC_TAGS or (last.tail or "").strip():
        return None, p.raw
    name = clean_line(last.text_content())
    if not name or not p.raw.rstrip().endswith(name.split()[-1]):
        return None, p.raw
    before = p.raw.rstrip()[: p.raw.rstrip().rfind(name.split()[0])]
    if not SENTENCE_END.search(clean_line(before)) or not looks_like_name(name):
        return None, p.raw
    return clean_name(name), before
