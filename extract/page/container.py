"""The article's main container: by the CMS selector table, else the densest block of paragraph text."""
from __future__ import annotations

from extract import portal_vocab as V
from extract.page.dom import (
    BLOCK_TAGS,
    CELL_TAGS,
    HEADING_TAGS,
    classes,
    furniture_ancestor,
    is_boilerplate,
    is_inside,
    link_share,
    text_len,
)
from extract.page.lines import norm
from extract.textnorm import clean_line

# Text density: a block must score this much (its paragraphs' characters) to be the body.
DENSITY_MIN_SCORE = 400
# A short news item (two paragraphs, a notice) may score less, down to this, when its block holds no
# headline link: a lone teaser on a listing's last page leads with one.
SHORT_BODY_MIN_SCORE = 200
# Shorter text blocks (menu items, dates, buttons) do not vote for their parent.
MIN_BLOCK_CHARS = 40
# An article's text is at least this long; a shorter main block may be a listing's teaser box.
ARTICLE_MIN_CHARS = 300
# A document notice is one short line, at most this far (characters of text: a dateline) under its headline.
MAX_NOTICE_CHARS = 80
MAX_NOTICE_GAP_CHARS = 200


def find_container(root):
    """The article body by the CMS selector table: the first selector with a match that holds enough text.

    Among one selector's matches the largest wins, except that a wrapper gives way to a match
    inside it holding most of its text (class names such as "noidung" are used for both).
    """
    for _family, xpath, min_chars in V.CONTENT_SELECTORS:
        found = []
        for el in root.xpath(xpath):
            if furniture_ancestor(el):
                continue
            n = text_len(el)
            if n >= min_chars and link_share(el, n) <= V.MAX_CONTAINER_LINK_SHARE:
                found.append((n, el))
        if not found:
            continue
        found.sort(key=lambda t: -t[0])
        best_len, best = found[0]
        for n, el in found[1:]:
            if n >= V.INNER_CONTAINER_SHARE * best_len and is_inside(el, best):
                best_len, best = n, el
        return best, min_chars
    return None, None


def block_of(el):
    while el is not None and el.tag not in BLOCK_TAGS and el.tag not in CELL_TAGS:
        if el.tag == "a":
            return None  # link text does not make a paragraph
        el = el.getparent()
    return el


def up(el):
    """The parent, seeing through table rows (layout tables put each paragraph in its own row)."""
    el = el.getparent()
    while el is not None and el.tag in ("tr", "tbody", "thead", "tfoot"):
        el = el.getparent()
    return el


def density_container(root, own_titles: list[str] = ()):
    """The element holding most paragraph text (each paragraph also credits its grandparent by half)."""
    body = root.find("body")
    if body is None:
        return None
    blocks: dict = {}
    for node in body.xpath(".//text()"):
        owner = node.getparent()
        if node.is_tail:
            owner = owner.getparent()
        block = block_of(owner) if owner is not None else None
        if block is not None:
            blocks[block] = blocks.get(block, 0) + len(node.strip())
    scores: dict = {}
    for block, n in blocks.items():
        if n < MIN_BLOCK_CHARS:
            continue
        parent = up(block)
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0) + n
        gp = up(parent)
        if gp is not None:
            scores[gp] = scores.get(gp, 0) + n / 2
    for el, score in sorted(scores.items(), key=lambda kv: -kv[1]):
        if score < SHORT_BODY_MIN_SCORE:
            break
        if el.tag in ("body", "html") or is_boilerplate(el) or furniture_ancestor(el) \
                or leads_with_link(el, own_titles):
            continue
        if score < DENSITY_MIN_SCORE and count_teasers(el, None):
            continue
        return el
    return None


def first_text_link(el):
    """The link holding the first words of el, if its first words are link text."""
    for node in el.xpath(".//text()"):
        if node.strip():
            owner = node.getparent()
            if node.is_tail:
                owner = owner.getparent()
            return next((a for a in [owner, *owner.iterancestors()] if a.tag == "a" or a is el), None)
    return None


def leads_with_link(el, own_titles: list[str] = ()) -> bool:
    """A teaser box: its first words are a headline linking elsewhere (an article's body never opens so).

    own_titles: the page's own headline (from <title>), which some CMSes print as a link to the page itself.
    """
    a = first_text_link(el)
    if a is None or a is el or a.tag != "a" or len(clean_line(a.text_content())) < V.TEASER_MIN_CHARS \
            or norm(a.text_content()) in own_titles \
            or (a.get("href") or "#")[:1] == "#" or V.ATTACHMENT_EXT.search(a.get("href") or ""):
        return False
    # A headline stands alone; a link opening a sentence ("<a>Quyết định số …</a> của UBND tỉnh") does not.
    nxt = a.getnext()
    return not (a.tail or "").strip() and (nxt is None or nxt.tag in BLOCK_TAGS or nxt.tag in ("br", "span", "img"))


def count_teasers(root, exclude) -> int:
    n = 0
    seen = set()
    for a in root.iter("a"):
        if exclude is not None and is_inside(a, exclude):
            continue
        text = clean_line(a.text_content())
        href = a.get("href") or ""
        if len(text) >= V.TEASER_MIN_CHARS and href not in seen and not furniture_ancestor(a):
            seen.add(href)
            n += 1
    return n


def notice_container(root):
    """A document notice ("Xem chi tiết tại đây", "Chi tiết xem tại văn bản đính kèm") printed just under a
    headline: a page whose content is its attachment, with no text block of its own to find."""
    for el in root.iter("p", "div", "td", "span"):
        text = clean_line(el.text_content())
        if len(text) > MAX_NOTICE_CHARS or not V.DOCUMENT_NOTICE.match(text) or is_boilerplate(el) \
                or furniture_ancestor(el):
            continue
        gap = 0
        for node in reversed(el.xpath("preceding::text()")):
            owner = node.getparent()
            if owner is not None and _headline_like(owner):
                return el
            gap += len(node.strip())
            if gap > MAX_NOTICE_GAP_CHARS:
                break
    return None


def _headline_like(el) -> bool:
    for x in (el, el.getparent()):
        if x is not None and isinstance(x.tag, str) and (x.tag in ("h1", "h2", "h3") or (
                V.TITLE_CLASS.search(classes(x)) and not V.PORTLET_TITLE_CLASS.search(classes(x)))):
            return True
    return False


def has_prose(container) -> bool:
    """Whether a paragraph of running text (not link text) is present: teaser summaries are short."""
    # Headings too: some editors mark whole paragraphs as <h1>.
    for el in container.iter("p", "div", "td", "li", "blockquote", *HEADING_TAGS):
        if any(child.tag in BLOCK_TAGS for child in el):
            continue
        n = text_len(el) - sum(text_len(a) for a in el.iter("a"))
        if n >= V.PROSE_MIN_CHARS:
            return True
    return False
