"""The body: the container's paragraphs cleaned into text lines (chrome, captions, related lists,
attachment lines and the closing byline taken out), its images with captions, the lead, the attachments."""
from __future__ import annotations

import itertools
import re

from extract import portal_vocab as V
from extract.models import Attachment, Image
from extract.page.dom import classes, common_ancestor, is_hard_boilerplate, is_in_boilerplate, is_inside, join_url
from extract.page.lines import MAX_HEADING_CHARS, MAX_INFO_LINE_CHARS, info_like, is_chrome, norm
from extract.page.reading import Para
from extract.page.trailer import BodyMeta, split_trailer
from extract.textnorm import clean_line

# Lazy-loading attributes first: "src" then holds a placeholder.
IMAGE_SRC_ATTRS = ("data-src", "data-original", "data-lazy-src", "src")
# A caption is a line or two; a longer italic or centred paragraph is text.
MAX_CAPTION_CHARS = 300
# Longest body kept. Real articles, even long reports, stay under ~50,000 characters; a body far
# longer is a dump (or a hostile page) and would only cost seconds of figure extraction.
MAX_BODY_CHARS = 100_000
STYLE_CENTER = re.compile(r"text-align\s*:\s*center", re.I)
# An image drawn smaller than this (width or height attribute, pixels) is an icon, not a photo.
ICON_MAX_PX = 60
# A line whose text is mostly (this share) link text points to another page: not article text.
LINK_LINE_SHARE = 0.6
# A "Xem chi tiết: <file>" line: at least this share of it (label aside) is the link to the document.
ATTACHMENT_LINE_SHARE = 0.5
# A marked lead is at least a sentence, and sits within this many elements after the body starts.
MIN_SUMMARY_CHARS = 40
SUMMARY_MAX_OFFSET = 40
# A lead already in the body is among its first paragraphs.
LEAD_SEARCH_LINES = 3


def image_url(img, base: str | None) -> str | None:
    for attr in IMAGE_SRC_ATTRS:
        src = (img.get(attr) or "").strip()
        if src and not src.startswith("data:"):
            return join_url(base, src)
    return None


def is_icon(img) -> bool:
    src = " ".join(img.get(a) or "" for a in IMAGE_SRC_ATTRS + ("class", "alt"))
    for dim in ("width", "height"):
        v = (img.get(dim) or "").strip().rstrip("px")
        if v.isdigit() and int(v) < ICON_MAX_PX:
            return True
    return bool(V.ICON_IMAGE.search(src))


def is_caption(p: Para) -> bool:
    if len(p.text) > MAX_CAPTION_CHARS or not p.text:
        return False
    el = p.el
    if el is not None and (el.tag == "figcaption" or any(V.CAPTION_CLASS.search(classes(d)) for d in el.iter()
                                                         if isinstance(d.tag, str) and d.tag != "img")):
        return True
    for anc in itertools.islice(el.iterancestors(), 3) if el is not None else ():
        if anc.tag == "figcaption" or V.CAPTION_CLASS.search(classes(anc)):
            return True
    style = (el.get("style") or "") if el is not None else ""
    centered = bool(STYLE_CENTER.search(style)) or (el is not None and (el.get("align") or "").lower() == "center")
    return p.italic or centered or bool(re.match(r"^\(?ảnh", p.text, re.I))


def body_lines(paras: list[Para], title: str | None, base: str | None, meta: BodyMeta) -> tuple[list[str], list[Image]]:
    """Clean paragraphs -> body lines and images with captions."""
    out: list[Para] = []
    images: list[Image] = []
    ntitle = norm(title)
    for i, p in enumerate(paras):
        text = p.text
        if text and V.RELATED_HEADINGS.match(text) and len(text) <= MAX_HEADING_CHARS:
            break
        if text and p.el is not None and in_meta_block(p.el):
            meta.info_lines.append(p.raw)  # the CMS's own metadata list (Joomla's dl.article-info)
            continue
        if text and is_chrome(text):
            continue  # with its icons ("In trang", "Quay lại" buttons)
        if p.images:
            for img in p.images:
                url = image_url(img, base)
                if url and not is_icon(img):
                    images.append(Image(url=url, caption=None))
            if not text:
                continue
            if is_caption(p) and images and images[-1].caption is None and len(text) <= MAX_CAPTION_CHARS:
                images[-1].caption = text
                continue
        elif text and out == [] and ntitle and norm(text) == ntitle:
            continue
        elif text and images and images[-1].caption is None and is_caption(p) and i > 0 and paras[i - 1].images \
                and not paras[i - 1].has_text:
            images[-1].caption = text
            continue
        if is_chrome(text) or is_attachment_line(p) or is_see_also(p):
            continue
        if len(out) < 2 and len(text) <= MAX_INFO_LINE_CHARS and info_like(text):
            meta.info_lines.append(p.raw)
            continue
        out.append(p)
    while out and is_link_line(out[-1]):
        out.pop()
    out = split_trailer(out, meta)
    return [p.text for p in out if p.text], images


def is_link_line(p: Para) -> bool:
    """A list item that is only a link (other articles listed under the body without a heading)."""
    el = p.el
    if el is None or el.tag not in ("li", "a") or len(p.text) > MAX_INFO_LINE_CHARS:
        return False
    linked = sum(len(clean_line(a.text_content())) for a in el.iter("a"))
    return linked >= LINK_LINE_SHARE * len(p.text)


def in_meta_block(el) -> bool:
    return any(V.META_BLOCK_CLASS.search(classes(a)) for a in [el, *el.iterancestors()] if a.tag != "body")


def is_see_also(p: Para) -> bool:
    """"Xem thêm: <link to another article>" inside the body: a pointer to other news, not text."""
    m = V.SEE_ALSO_LABEL.match(p.text)
    if p.el is None or not m or len(p.text) > MAX_INFO_LINE_CHARS:
        return False
    linked = sum(len(clean_line(a.text_content())) for a in p.el.iter("a"))
    return linked >= LINK_LINE_SHARE * len(p.text[m.end():].strip())


def cap_body(body: str, warnings: list[str]) -> str:
    """The body, cut (at a paragraph end) to MAX_BODY_CHARS with a warning saying so."""
    if len(body) <= MAX_BODY_CHARS:
        return body
    warnings.append(f"body cut at {MAX_BODY_CHARS:,} characters")
    cut = body.rfind("\n\n", 0, MAX_BODY_CHARS)
    return body[:cut if cut > 0 else MAX_BODY_CHARS]


def is_attachment_line(p: Para) -> bool:
    """A "Xem chi tiết: <file>" line: it goes to attachments, not to the text."""
    if p.el is None or len(p.text) > MAX_INFO_LINE_CHARS:
        return False
    linked = sum(len(clean_line(a.text_content())) for a in p.el.iter("a")
                 if V.ATTACHMENT_EXT.search(a.get("href") or ""))
    return linked > 0 and linked >= ATTACHMENT_LINE_SHARE * len(V.ATTACHMENT_LABEL.sub("", p.text))


def find_summary(container, order, title_el) -> str | None:
    """The lead paragraph when the page marks one (sapo, hometext, description), near the top of the article."""
    cstart = order.get(container, 0)
    scope = container.getparent() if container.getparent() is not None else container
    if title_el is not None:
        lca = common_ancestor(title_el, container)
        scope = lca if lca is not None else scope
    for el in scope.iter("p", "div", "h2", "h3", "h4", "span", "strong", "em"):
        if V.SUMMARY_CLASS.search(classes(el)) and not is_hard_boilerplate(el):
            text = clean_line(el.text_content())
            near_top = order.get(el, 0) <= cstart + SUMMARY_MAX_OFFSET
            if len(text) >= MIN_SUMMARY_CHARS and (near_top or is_inside(el, container)):
                return text
    return None


def find_attachments(container, base) -> list[Attachment]:
    """Links to documents (PDF, Word, Excel, archives) in the body or beside it ("Tệp đính kèm")."""
    out: list[Attachment] = []
    seen: set[str] = set()
    scope = container.getparent() if container.getparent() is not None else container
    for a in scope.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or not V.ATTACHMENT_EXT.search(href):
            continue
        if not is_inside(a, container) and is_in_boilerplate(a, scope):
            continue
        absolute = join_url(base, href)
        if absolute in seen:
            continue
        seen.add(absolute)
        name = clean_line(a.text_content()) or clean_line(a.get("title") or "") or None
        if name is None:
            tail = absolute.split("?")[0].split("#")[0].rstrip("/").split("/")
            name = next((seg for seg in reversed(tail) if V.ATTACHMENT_EXT.search(seg + "/")),
                        tail[-1] if tail else None)
        out.append(Attachment(url=absolute, name=name))
    return out


def with_lead(lines: list[str], lead: str | None) -> list[str]:
    """The body lines with the lead first: a sapo printed outside the body's container (or dropped from
    it) is the start of the article's text, and its figures count."""
    if not lead:
        return lines
    lead = V.LEAD_CREDIT.sub("", lead)
    start = norm(" ".join(lines[:LEAD_SEARCH_LINES]))
    return lines if norm(lead) in start else [lead, *lines]
