"""HTML page -> Article, tuned for Vietnamese government portals.

The page is parsed once with lxml. The article text is located by the CMS
selectors in ``portal_vocab.CONTENT_SELECTORS`` (Liferay, NukeViet, SharePoint,
WordPress, newspapers), else by text density; trafilatura runs only when
neither finds an article, or for pages that are not Vietnamese (where its
general-purpose rules are the better bet). Metadata comes from the lines
between the title and the body (the "info zone"), the first lines after the
body, and the machine-readable head; header widgets, related-news lists,
banners and the body text are never searched for the date or the views.
"""
from __future__ import annotations

import itertools
import json
import logging
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urljoin, urlsplit

import lxml.html
from lxml import etree

from base.errors import BadInput
from extract import portal_vocab as V
from extract.dates import DateHit, find_dates, parse_structured
from extract.decode import check_html_text, decode_html
from extract.indicators import extract_indicators
from extract.models import Article, Attachment, Image
from extract.textnorm import clean_line

BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table thead tbody tfoot tr blockquote section article "
    "header footer main figure figcaption pre center address hr form fieldset legend caption details "
    "summary".split())
CELL_TAGS = frozenset(("td", "th"))
ITALIC_TAGS = frozenset(("em", "i"))
BOLD_TAGS = frozenset(("strong", "b"))
HEADING_TAGS = ("h1", "h2", "h3", "h4")
# Tags a headline may be printed in when it is not a heading (found by its text equal to <title>).
TITLE_TEXT_TAGS = ("td", "th", "div", "p", "span", "strong", "b", "font", "h5", "h6")
IMAGE_SRC_ATTRS = ("data-src", "data-original", "data-lazy-src", "src")
# Structural tags whose content is page furniture unless they sit inside the article.
FURNITURE_TAGS = frozenset(("footer", "aside", "nav"))
# How many lines around the body are searched for date, views, author and source.
INFO_LINES = 6
TAIL_LINES = 8
TRAILER_LINES = 4
MAX_CAPTION_CHARS = 300
# Longest headline: a "title" element holding more text is a box around the article.
MAX_TITLE_CHARS = 400
MAX_INFO_LINE_CHARS = 200
DENSITY_MIN_SCORE = 400
# A short news item (two paragraphs, a notice) may score less, down to this, when its block holds no
# headline link: a lone teaser on a listing's last page leads with one.
SHORT_BODY_MIN_SCORE = 200
ARTICLE_MIN_CHARS = 300
# Longest body kept. Real articles, even long reports, stay under ~50,000 characters; a body far
# longer is a dump (or a hostile page) and would only cost seconds of figure extraction.
MAX_BODY_CHARS = 100_000
PAGE_TEXT_SAMPLE = 20_000

_WS = re.compile(r"\s+")
_RUN_OF_SPACES = re.compile(r"^(?P<text>.*\S)[ \t]{3,}(?P<name>\S[^\n]{1,70})$", re.S)
_DIGITS = re.compile(r"\d")
_SEGMENT_SPLIT = re.compile(r"\s{2,}|\s*[|•·]\s*|\s+[-–—]\s+|\n")
_STRONG_SPLIT = re.compile(r"\s{2,}|\s*[|•·]\s*|\n")
_PAREN = re.compile(r"\([^)]*\)")
_DASH = re.compile(r"\s+[-–—]\s+")
_STYLE_RIGHT = re.compile(r"text-align\s*:\s*right", re.I)
_STYLE_CENTER = re.compile(r"text-align\s*:\s*center", re.I)
_STYLE_ITALIC = re.compile(r"font-style\s*:\s*italic", re.I)
_INT = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$|^\d+$")
_SENTENCE_END = re.compile(r"[.!?…”\"')/]\s*$")
_TITLE_TRAIL = " )]-–|,."
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


@dataclass
class Para:
    """One paragraph of text as a reader sees it, with the block element it came from."""

    raw: str
    el: etree._Element
    pos: int = 0
    images: list = field(default_factory=list)
    italic: bool = True
    bold: bool = True
    has_text: bool = False
    text: str = ""  # raw with white space collapsed; set when the paragraph is complete

    def set_raw(self, raw: str) -> None:
        self.raw = raw
        self.text = clean_line(raw)


class _Sink:
    """Collects inline text into paragraphs while the tree is walked."""

    def __init__(self, order: dict, fields: bool = False):
        self.order = order
        self.paras: list[Para] = []
        self.stack: list[etree._Element] = []
        self.cur: Para | None = None
        # Metadata zones are rows of separate fields (<span>date</span><span>views</span>): keep them apart.
        self.fields = fields
        self.gap = False

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
            p.has_text = True
            p.italic = p.italic and italic
            p.bold = p.bold and bold

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


def _classes(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _is_boilerplate(el) -> bool:
    tag = el.tag
    if tag in V.STRUCTURAL_BOILERPLATE_TAGS:
        return True
    cls = _classes(el)
    return bool(cls.strip()) and bool(V.BOILERPLATE_CLASS.search(cls))


def _walk(el, sink: _Sink, skip, italic=False, bold=False) -> None:
    tag = el.tag
    if not isinstance(tag, str):
        sink.text(el.tail, italic, bold)
        return
    if skip(el):
        sink.text(el.tail, italic, bold)
        return
    if tag == "br":
        sink.flush()
        sink.text(el.tail, italic, bold)
        return
    if tag == "img":
        sink.image(el)
        sink.text(el.tail, italic, bold)
        return
    block = tag in BLOCK_TAGS
    if not block and len(el) == 0 and not (el.text or "").strip() and el.get("class"):
        # An empty styled inline element is an icon font glyph ("fa fa-eye"): it shows as a gap.
        sink.text(" ", italic, bold)
        sink.text(el.tail, italic, bold)
        return
    style = el.get("style") or ""
    inner_italic = italic or tag in ITALIC_TAGS or bool(_STYLE_ITALIC.search(style))
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
        _walk(child, sink, skip, inner_italic, inner_bold)
    if block:
        sink.flush()
        sink.stack.pop()
    elif tag in CELL_TAGS:
        sink.text(" ", italic, bold)
    else:
        sink.boundary()
    sink.text(el.tail, italic, bold)


def _paragraphs(root, order: dict, skip=_is_boilerplate, fields: bool = False) -> list[Para]:
    sink = _Sink(order, fields)
    sink.stack.append(root)
    sink.text(root.text, False, False)
    for child in root:
        _walk(child, sink, skip)
    sink.flush()
    return sink.paras


# ---------------------------------------------------------------- parsing and head metadata

def _join(base: str | None, href: str) -> str:
    """href made absolute; pages carry broken URLs ("http://[x"), which stay as written."""
    if not base:
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def _host(url: str | None) -> str | None:
    """The site of a URL: host, with the port when it is not the scheme's default (local test sites)."""
    try:
        parts = urlsplit(url) if url else None
        host, port = (parts.hostname, parts.port) if parts else (None, None)
    except ValueError:
        return None
    if not host:
        return None
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return host if port is None or port == default else f"{host}:{port}"


def _parse(text: str):
    text = _XML_DECL.sub("", text, count=1)
    try:
        root = lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as err:
        raise BadInput(f"not an HTML page: {err}") from None
    if root is None:
        raise BadInput("not an HTML page: nothing to parse")
    return root


_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, recover=True)


def _meta(root, attr: str, value: str) -> str | None:
    for el in root.iter("meta"):
        if (el.get(attr) or "").strip().lower() == value.lower():
            content = el.get("content")
            if content and content.strip():
                return clean_line(content)
    return None


def _json_ld(root) -> list[dict]:
    items: list[dict] = []
    for el in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(el.text or "")
        except (ValueError, TypeError):
            continue
        stack = [data]
        while stack:
            d = stack.pop()
            if isinstance(d, list):
                stack.extend(d)
            elif isinstance(d, dict):
                items.append(d)
                if "@graph" in d:
                    stack.append(d["@graph"])
    return items


def _ld_article(items: list[dict]) -> dict:
    for d in items:
        kind = d.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and ("Article" in k or k in ("Report", "BlogPosting")) for k in kinds):
            return d
    return {}


def _ld_author(d: dict) -> str | None:
    a = d.get("author")
    if isinstance(a, list) and a:
        a = a[0]
    if isinstance(a, dict):
        a = a.get("name")
    return clean_line(a) if isinstance(a, str) else None


# ---------------------------------------------------------------- text classifiers

def _norm(s: str | None) -> str:
    return _WS.sub(" ", (s or "").casefold()).strip(" .:-–|")


def _is_vietnamese(text: str) -> bool:
    sample = text[:3000]
    return len(V.VIETNAMESE_LETTERS.findall(sample)) >= max(5, len(sample) // 100)


def _is_chrome(text: str) -> bool:
    """A line of page chrome: "Chia sẻ", "Quay lại | In bài", "Số lượt truy cập: 794"."""
    if len(text) > V.MAX_CHROME_CHARS:
        return False
    if V.CHROME_LINES.match(text) or V.TOOL_LINE.match(text):
        return True
    parts = [p for p in re.split(r"\s*[|•]\s*", text) if p.strip()]
    return len(parts) > 1 and all(V.CHROME_LINES.match(p) for p in parts)


def _looks_like_name(s: str, relaxed: bool = False) -> bool:
    """A byline as portals print it: "Hà Trinh", "NGUYỄN TUYỀN", "CTV Phương Liên", "Mai Thắm (Trung tâm TT&VH)"."""
    s = s.strip(" .,;:|-–—\t")
    if not 2 <= len(s) <= (90 if relaxed else 70):
        return False
    if _is_chrome(s) or V.RELATED_HEADINGS.match(s) or V.PHOTO_CREDIT.match(s) or V.SIGNER_LABEL.match(s):
        return False
    base = _PAREN.sub(" ", s).strip()
    if not base or _DIGITS.search(base) or any(c in base for c in ":;!?\"“”") or ". " in base.rstrip("."):
        return False
    words = [w for w in re.split(r"[\s,]+", base) if w]
    content = [w for w in words if w.lower() not in V.NAME_CONNECTORS]
    if not content or len(content) > (9 if relaxed else 6):
        return False
    if len(content) == 1 and not (content[0].isupper() and len(content[0]) >= 2) and "." not in content[0]:
        return False
    for w in content:
        if w.lower().rstrip(".") in V.NAME_PREFIXES:
            continue
        if not w[0].isupper():
            return False
    if V.PORTAL_NAME_WORDS.search(base + " "):
        return False
    return True


def _is_unit(s: str) -> bool:
    """An organisation's name as printed under an article: "Chi cục Thủy sản", "Trạm Y tế xã Long Sơn",
    "Công chức Văn hóa – Xã hội". Starts with a unit word, is short, holds no digits, no sentence
    punctuation and no verb or function word, and names something (a second capitalised word)."""
    s = s.strip(" \t")
    if not 4 <= len(s) <= V.MAX_UNIT_BYLINE_CHARS or not V.BYLINE_UNIT.match(s + " "):
        return False
    base = _PAREN.sub(" ", s).strip()
    if _DIGITS.search(base) or any(c in base for c in ".:;!?\"“”…") or V.SENTENCE_WORDS.search(base):
        return False
    words = [w for w in re.split(r"[\s,]+", base) if w and w.lower() not in V.NAME_CONNECTORS]
    if len(words) > V.MAX_UNIT_BYLINE_WORDS:
        return False
    return sum(1 for w in words if w[0].isupper()) >= 2 and not _is_chrome(s)


def _byline(text: str, relaxed: bool = False, units: bool = True) -> str | None:
    """The byline as printed when text is one: a name, a name followed by the writer's unit, or a unit."""
    if _looks_like_name(text, relaxed):
        return _clean_name(text)
    m = re.match(r"^(?P<name>[^,–—-]{2,40}?)\s*(?:\s[-–—]\s|,)\s*(?P<unit>.{2,70})$", text)
    if m and _looks_like_name(m.group("name")) and V.BYLINE_UNIT.match(m.group("unit") + " ") \
            and not V.SENTENCE_WORDS.search(m.group("unit")):
        return _clean_name(text)
    if units and _is_unit(text):
        return _clean_name(text)
    return None


def _clean_name(s: str) -> str:
    return clean_line(s).strip(" .,;:|-–—")


def _author_value(s: str) -> str | None:
    """The name from a byline with a label ("Tác giả: …", "Tin, ảnh: …", "Đăng bởi …"), or None."""
    m = V.AUTHOR_LABEL.match(s)
    if not m:
        return None
    value = re.split(r"\s*[|•]\s*", _clean_name(m.group("value") or m.group("value2") or ""))[0]
    value = _clean_name(V.CREDIT_AFTER_NAME.sub("", value))
    if not value or V.ACCOUNT_NAMES.match(value) or V.PORTAL_NAME_WORDS.search(value + " "):
        return None
    if m.group("value2") and not _looks_like_name(value, relaxed=True):
        return None  # "Bởi vì thời tiết xấu, …" is a sentence, not "bởi <name>"
    return value


# ---------------------------------------------------------------- locating things

def _furniture_ancestor(el) -> bool:
    for anc in el.iterancestors():
        if anc.tag in FURNITURE_TAGS:
            return True
        if any(V.FURNITURE_CLASS.match(token) for token in _classes(anc).split()):
            return True
    return False


def _text_len(el) -> int:
    return len(_WS.sub(" ", el.text_content()).strip())


def _link_share(el, total: int) -> float:
    linked = sum(len(_WS.sub(" ", a.text_content()).strip()) for a in el.iter("a"))
    return linked / total if total else 1.0


def _find_container(root):
    """The article body by the CMS selector table: the first selector with a match that holds enough text.

    Among one selector's matches the largest wins, except that a wrapper gives way to a match
    inside it holding most of its text (class names such as "noidung" are used for both).
    """
    for _family, xpath, min_chars in V.CONTENT_SELECTORS:
        found = []
        for el in root.xpath(xpath):
            if _furniture_ancestor(el):
                continue
            n = _text_len(el)
            if n >= min_chars and _link_share(el, n) <= V.MAX_CONTAINER_LINK_SHARE:
                found.append((n, el))
        if not found:
            continue
        found.sort(key=lambda t: -t[0])
        best_len, best = found[0]
        for n, el in found[1:]:
            if n >= V.INNER_CONTAINER_SHARE * best_len and _inside(el, best):
                best_len, best = n, el
        return best, min_chars
    return None, None


def _block_of(el):
    while el is not None and el.tag not in BLOCK_TAGS and el.tag not in CELL_TAGS:
        if el.tag == "a":
            return None  # link text does not make a paragraph
        el = el.getparent()
    return el


def _up(el):
    """The parent, seeing through table rows (layout tables put each paragraph in its own row)."""
    el = el.getparent()
    while el is not None and el.tag in ("tr", "tbody", "thead", "tfoot"):
        el = el.getparent()
    return el


def _density_container(root, own_titles: list[str] = ()):
    """The element holding most paragraph text (each paragraph also credits its grandparent by half)."""
    body = root.find("body")
    if body is None:
        return None
    blocks: dict = {}
    for node in body.xpath(".//text()"):
        owner = node.getparent()
        if node.is_tail:
            owner = owner.getparent()
        block = _block_of(owner) if owner is not None else None
        if block is not None:
            blocks[block] = blocks.get(block, 0) + len(node.strip())
    scores: dict = {}
    for block, n in blocks.items():
        if n < 40:
            continue
        parent = _up(block)
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0) + n
        gp = _up(parent)
        if gp is not None:
            scores[gp] = scores.get(gp, 0) + n / 2
    for el, score in sorted(scores.items(), key=lambda kv: -kv[1]):
        if score < SHORT_BODY_MIN_SCORE:
            break
        if el.tag in ("body", "html") or _is_boilerplate(el) or _furniture_ancestor(el) \
                or _leads_with_link(el, own_titles):
            continue
        if score < DENSITY_MIN_SCORE and _teasers(el, None):
            continue
        return el
    return None


def _first_text_link(el):
    """The link holding the first words of el, if its first words are link text."""
    for node in el.xpath(".//text()"):
        if node.strip():
            owner = node.getparent()
            if node.is_tail:
                owner = owner.getparent()
            return next((a for a in [owner, *owner.iterancestors()] if a.tag == "a" or a is el), None)
    return None


def _leads_with_link(el, own_titles: list[str] = ()) -> bool:
    """A teaser box: its first words are a headline linking elsewhere (an article's body never opens so).

    own_titles: the page's own headline (from <title>), which some CMSes print as a link to the page itself.
    """
    a = _first_text_link(el)
    if a is None or a is el or a.tag != "a" or len(clean_line(a.text_content())) < V.TEASER_MIN_CHARS \
            or _norm(a.text_content()) in own_titles \
            or (a.get("href") or "#")[:1] == "#" or V.ATTACHMENT_EXT.search(a.get("href") or ""):
        return False
    # A headline stands alone; a link opening a sentence ("<a>Quyết định số …</a> của UBND tỉnh") does not.
    nxt = a.getnext()
    return not (a.tail or "").strip() and (nxt is None or nxt.tag in BLOCK_TAGS or nxt.tag in ("br", "span", "img"))


def _is_portlet_heading(el) -> bool:
    if V.PORTLET_TITLE_CLASS.search(_classes(el)):
        return True
    for child in el.iter():
        if child is not el and V.PORTLET_TITLE_CLASS.search(_classes(child)):
            return True
    parent = el.getparent()
    return parent is not None and bool(V.PORTLET_TITLE_CLASS.search(_classes(parent)))


def _is_portal_part(part: str, site_name: str | None) -> bool:
    """A piece of <title> that names the portal, its place ("Nghĩa Kỳ") or a section of it."""
    n = _norm(part)
    return bool((site_name and (n == _norm(site_name) or (len(n) >= 4 and f" {n}" in f" {_norm(site_name)}")))
                or V.TITLE_PORTAL_PART.search(part.strip() + " ") or V.HOME_CRUMBS.match(part.strip())
                or V.SECTION_NAMES.match(part.strip()))


def _strip_title_suffix(title: str, site_name: str | None) -> str:
    """<title> minus the portal name, which portals put after ("Tin - Cổng TTĐT huyện X") or before it.

    The headline itself is the longest part and is never taken for the portal name.
    """
    parts = V.TITLE_SEPARATORS.split(title)
    seps = V.TITLE_SEPARATORS.findall(title)
    longest = max(len(p) for p in parts)
    lo, hi = 0, len(parts)
    while hi - lo > 1 and len(parts[hi - 1]) < longest and _is_portal_part(parts[hi - 1], site_name):
        hi -= 1
    if hi == len(parts):
        while hi - lo > 1 and len(parts[lo]) < longest and _is_portal_part(parts[lo], site_name):
            lo += 1
    out = parts[lo]
    for i in range(lo + 1, hi):
        out += seps[i - 1] + parts[i]
    return out


def _title_dates(el) -> list:
    """Elements inside a headline that hold its date ("Tiêu đề <span class="date">(05/01/2024)</span>")."""
    out = []
    # Only at the end of the headline: "Hội nghị ngày <b>05/01/2024</b> của huyện" is all headline.
    end = clean_line(el.text_content()).rstrip(_TITLE_TRAIL)
    for d in el.iterdescendants():
        if not isinstance(d.tag, str) or any(_inside(d, o) for o in out):
            continue
        text = clean_line(d.text_content())
        if text and end.endswith(text.rstrip(_TITLE_TRAIL)) and (
                d.tag == "time" or V.DATE_CLASS.search(_classes(d))
                or (len(text) <= MAX_INFO_LINE_CHARS and _info_like(text))):
            out.append(d)
    return out


def _title_text(el) -> str:
    """The headline's text without a date printed inside it."""
    dates = _title_dates(el)
    if not dates:
        return clean_line(el.text_content())

    def text(node) -> str:
        out = node.text or "" if node not in dates else ""
        for child in node:
            if isinstance(child.tag, str) and child not in dates:
                out += text(child)
            out += child.tail or ""
        return out
    return clean_line(text(el)).strip(" -–|,")


def _title_candidates(root):
    seen = set()
    for el in root.iter(*HEADING_TAGS):
        seen.add(el)
        yield el
    for el in root.iter("div", "p", "span", "a", "strong"):
        if el not in seen and V.TITLE_CLASS.search(_classes(el)):
            yield el


def _own_titles(meta_title, doc_title, site_name) -> list[str]:
    """The page's own headline as <title> and og:title give it, whole and without the portal's name."""
    wanted = [_norm(t) for t in (meta_title, doc_title) if t]
    return wanted + [_norm(_strip_title_suffix(t, site_name)) for t in (meta_title, doc_title) if t]


def _find_title(root, container, order, meta_title, doc_title, site_name):
    """(title element or None, title text)."""
    wanted = _own_titles(meta_title, doc_title, site_name)
    cstart = order.get(container, 1 << 30) if container is not None else 1 << 30
    matched, fallback = [], []
    for el in _title_candidates(root):
        text = _title_text(el)
        n = _norm(text)
        if len(n) < 8 or len(n) > MAX_TITLE_CHARS or _is_portlet_heading(el) or _is_chrome(text) \
                or V.RELATED_HEADINGS.match(text):
            continue
        if container is not None and _inside(container, el):
            continue  # a box around the body ("asset-full-content no-title") is not its headline
        if site_name and n == _norm(site_name):
            continue
        if any(n == w or (w.startswith(n) and len(n) >= 0.5 * len(w)) for w in wanted):
            matched.append(el)
        elif container is not None and not _furniture_ancestor(el) and not _is_boilerplate(el):
            fallback.append(el)

    def nearest(els):
        """The heading closest above the body, else the first one inside it (never a subheading)."""
        before = [e for e in els if order.get(e, -1) < cstart]
        if before:
            return max(before, key=lambda e: order.get(e, -1))
        inside = [e for e in els if container is not None and _inside(e, container)]
        if inside:
            return min(inside, key=lambda e: order.get(e, -1))
        return els[0] if els else None

    if not matched and wanted:
        matched = _title_by_text(root, wanted, container)
    el = nearest(matched)
    if el is None and container is not None:
        # Only headings close to the body: inside it, or before it within a few ancestor levels.
        scope = container
        for _ in range(4):
            if scope.getparent() is not None:
                scope = scope.getparent()
        near = [e for e in fallback if _inside(e, scope) and not V.GENERIC_HEADINGS.match(clean_line(e.text_content()))]
        el = nearest(near) if near else None
    if el is not None:
        return el, _title_text(el)
    if meta_title:
        return None, _strip_title_suffix(meta_title, site_name)
    if doc_title:
        return None, _strip_title_suffix(doc_title, site_name)
    return None, None


def _title_by_text(root, wanted: list[str], container) -> list:
    """Elements that are not headings but hold exactly the <title>/og:title text (Joomla 1.5 prints the
    headline in a table cell): the page's own headline whatever its tag, never a link to it."""
    out = []
    for el in root.iter(*TITLE_TEXT_TAGS):
        n = _norm(_title_text(el))
        if len(n) < 8 or n not in wanted or (container is not None and _inside(container, el)):
            continue
        if any(a.tag == "a" or _is_boilerplate(a) for a in el.iterancestors()) or _furniture_ancestor(el) \
                or next(el.iter("a"), None) is not None:
            continue
        out.append(el)
    return out


def _inside(el, ancestor) -> bool:
    while el is not None:
        if el is ancestor:
            return True
        el = el.getparent()
    return False


def _lca(a, b):
    anc = set()
    x = a
    while x is not None:
        anc.add(x)
        x = x.getparent()
    y = b
    while y is not None and y not in anc:
        y = y.getparent()
    return y


def _last_descendant(el):
    last = el
    for last in el.iter():
        pass
    return last


def _site_name(root, doc_title: str | None) -> str | None:
    """og:site_name, else the portal name after the title in <title>, else the header's portal name."""
    for attr, value in V.SITE_NAME_META:
        v = _meta(root, attr, value)
        if v:
            return v
    if doc_title:
        parts = V.TITLE_SEPARATORS.split(doc_title)
        if len(parts) > 1:
            for part in (parts[-1], parts[0]):
                if V.PORTAL_NAME_WORDS.search(part + " ") and V.VIETNAMESE_LETTERS.search(part):
                    return part.strip()
    for el in root.iter("div", "span", "a", "h1", "h2", "p"):
        cls = el.get("class") or ""
        if re.search(r"site-?name|site-?title|portal-?name|ten-?don-?vi|logo-?text|brand", cls, re.I):
            text = clean_line(el.text_content())
            if 4 <= len(text) <= 120:
                return text
    return None


def _category(root, title: str | None, container, order) -> str | None:
    """The breadcrumb's last item (other than the headline), article:section, or the portlet header."""
    for el in root.iter("ul", "ol", "div", "nav", "p"):
        if not V.BREADCRUMB_CLASS.search(_classes(el)) and el.get("aria-label", "").lower() != "breadcrumb":
            continue
        crumbs = [clean_line(a.text_content()) for a in el.iter("a", "li", "span") if not len(a)]
        crumbs = [c for c in crumbs if c and c not in (">", "»", "/", "›") and not V.HOME_CRUMBS.match(c)]
        crumbs = [c for c in crumbs if _norm(c) != _norm(title)]
        if crumbs:
            return crumbs[-1]
    section = _meta(root, "property", "article:section")
    if section:
        return section
    if container is None:
        return None
    cstart = order.get(container, 0)
    best = None
    for el in root.xpath("//*[@class]"):
        if order.get(el, 1 << 30) >= cstart:
            break
        if V.PORTLET_TITLE_CLASS.search(el.get("class")) and not _furniture_ancestor(el):
            best = el
    if best is not None and _inside(container, _portlet_of(best)):
        text = clean_line(best.text_content())
        if text and not V.GENERIC_HEADINGS.match(text) and len(text) <= 80:
            return text
    return None


def _portlet_of(el):
    """The portlet/box that a header belongs to: the nearest ancestor that holds more than the header."""
    box = el.getparent()
    while box is not None and _text_len(box) <= _text_len(el) + 20:
        box = box.getparent()
    return box if box is not None else el


# ---------------------------------------------------------------- body post-processing

@dataclass
class _Meta:
    """What the lines around the body say about it."""

    author: str | None = None
    source: str | None = None
    date: str | None = None  # a date printed with the byline at the end of the body
    info_lines: list[str] = field(default_factory=list)


def _image_url(img, base: str | None) -> str | None:
    for attr in IMAGE_SRC_ATTRS:
        src = (img.get(attr) or "").strip()
        if src and not src.startswith("data:"):
            return _join(base, src)
    return None


def _is_icon(img) -> bool:
    src = " ".join(img.get(a) or "" for a in IMAGE_SRC_ATTRS + ("class", "alt"))
    for dim in ("width", "height"):
        v = (img.get(dim) or "").strip().rstrip("px")
        if v.isdigit() and int(v) < 60:
            return True
    return bool(V.ICON_IMAGE.search(src))


def _is_caption(p: Para) -> bool:
    if len(p.text) > MAX_CAPTION_CHARS or not p.text:
        return False
    el = p.el
    if el is not None and (el.tag == "figcaption" or any(V.CAPTION_CLASS.search(_classes(d)) for d in el.iter()
                                                         if isinstance(d.tag, str) and d.tag != "img")):
        return True
    for anc in itertools.islice(el.iterancestors(), 3) if el is not None else ():
        if anc.tag == "figcaption" or V.CAPTION_CLASS.search(_classes(anc)):
            return True
    style = (el.get("style") or "") if el is not None else ""
    centered = bool(_STYLE_CENTER.search(style)) or (el is not None and (el.get("align") or "").lower() == "center")
    return p.italic or centered or bool(re.match(r"^\(?ảnh", p.text, re.I))


def _right_aligned(p: Para) -> bool:
    el = p.el
    if el is None:
        return False
    return bool(_STYLE_RIGHT.search(el.get("style") or "")) or (el.get("align") or "").lower() == "right"


def _split_trailer(paras: list[Para], meta: _Meta) -> list[Para]:
    """Take the byline, source credit and photo credits off the end of the body."""
    done = 0
    while paras and done < TRAILER_LINES:
        p = paras[-1]
        text = p.text
        if not text:
            paras.pop()
            continue
        m = V.SOURCE_LABEL.match(text) or (V.SOURCE_THEO.match(text) if len(text) <= 60 else None)
        if m:
            meta.source = meta.source or _clean_name(m.group("value"))
            paras.pop()
            done += 1
            continue
        if V.PHOTO_CREDIT.match(text) and len(text) <= 80:
            paras.pop()
            done += 1
            continue
        labelled = _author_value(text) if len(text) <= 90 else None
        colon_label = V.AUTHOR_LABEL.match(text) if len(text) <= 90 else None
        if labelled or (colon_label and colon_label.group("value")):  # "Tác giả: admin" goes too
            meta.author = meta.author or labelled
            paras.pop()
            done += 1
            continue
        # The last item of a list of units ("Hội Nông dân huyện") is text, not a byline.
        in_list = p.el is not None and p.el.tag == "li"
        byline = _byline(text, relaxed=_right_aligned(p) or p.bold, units=not in_list) if len(text) <= 110 else None
        if byline is None and len(text) <= 110:
            # "Hà Trinh - 18/08/2023": a byline with the date after it.
            hits = [h for h in find_dates(text) if h.usable]
            if hits:
                rest = text
                for h in reversed(hits):
                    rest = rest[:h.start] + " " + rest[h.end:]
                byline = _byline(_strip_segment(clean_line(rest).strip(" -–—|,")))
                if byline:
                    meta.date = meta.date or hits[0].iso
        if byline:
            meta.author = meta.author or byline
            paras.pop()
            done += 1
            continue
        if len(text) <= MAX_INFO_LINE_CHARS and _info_like(text):
            # A dateline under the byline ("Hà Trinh" / "18/08/2023"): metadata, not text.
            hits = [h for h in find_dates(text) if h.usable]
            meta.date = meta.date or (hits[0].iso if hits else None)
            paras.pop()
            done += 1
            continue
        m = _RUN_OF_SPACES.match(p.raw.replace("\u00a0", " ").rstrip())
        if m and _looks_like_name(clean_line(m.group("name"))):
            meta.author = meta.author or _clean_name(m.group("name"))
            p.set_raw(m.group("text"))
        else:
            name, before = _inline_byline(p)
            if name:
                meta.author = meta.author or name
                p.set_raw(before)
        break
    return paras


def _inline_byline(p: Para) -> tuple[str | None, str]:
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
    if not _SENTENCE_END.search(clean_line(before)) or not _looks_like_name(name):
        return None, p.raw
    return _clean_name(name), before


def _body(paras: list[Para], title: str | None, base: str | None, meta: _Meta) -> tuple[list[str], list[Image]]:
    """Clean paragraphs -> body lines and images with captions."""
    out: list[Para] = []
    images: list[Image] = []
    ntitle = _norm(title)
    for i, p in enumerate(paras):
        text = p.text
        if text and V.RELATED_HEADINGS.match(text) and len(text) <= 60:
            break
        if text and p.el is not None and _in_meta_block(p.el):
            meta.info_lines.append(p.raw)  # the CMS's own metadata list (Joomla's dl.article-info)
            continue
        if text and _is_chrome(text):
            continue  # with its icons ("In trang", "Quay lại" buttons)
        if p.images:
            for img in p.images:
                url = _image_url(img, base)
                if url and not _is_icon(img):
                    images.append(Image(url=url, caption=None))
            if not text:
                continue
            if _is_caption(p) and images and images[-1].caption is None and len(text) <= MAX_CAPTION_CHARS:
                images[-1].caption = text
                continue
        elif text and out == [] and ntitle and _norm(text) == ntitle:
            continue
        elif text and images and images[-1].caption is None and _is_caption(p) and i > 0 and paras[i - 1].images \
                and not paras[i - 1].has_text:
            images[-1].caption = text
            continue
        if _is_chrome(text) or _is_attachment_line(p) or _is_see_also(p):
            continue
        if len(out) < 2 and len(text) <= MAX_INFO_LINE_CHARS and _info_like(text):
            meta.info_lines.append(p.raw)
            continue
        out.append(p)
    while out and _is_link_line(out[-1]):
        out.pop()
    out = _split_trailer(out, meta)
    return [p.text for p in out if p.text], images


def _is_link_line(p: Para) -> bool:
    """A list item that is only a link (other articles listed under the body without a heading)."""
    el = p.el
    if el is None or el.tag not in ("li", "a") or len(p.text) > MAX_INFO_LINE_CHARS:
        return False
    linked = sum(len(clean_line(a.text_content())) for a in el.iter("a"))
    return linked >= 0.6 * len(p.text)


def _in_meta_block(el) -> bool:
    return any(V.META_BLOCK_CLASS.search(_classes(a)) for a in [el, *el.iterancestors()] if a.tag != "body")


def _is_see_also(p: Para) -> bool:
    """"Xem thêm: <link to another article>" inside the body: a pointer to other news, not text."""
    m = V.SEE_ALSO_LABEL.match(p.text)
    if p.el is None or not m or len(p.text) > MAX_INFO_LINE_CHARS:
        return False
    linked = sum(len(clean_line(a.text_content())) for a in p.el.iter("a"))
    return linked >= 0.6 * len(p.text[m.end():].strip())


def _cap(body: str) -> str:
    if len(body) <= MAX_BODY_CHARS:
        return body
    cut = body.rfind("\n\n", 0, MAX_BODY_CHARS)
    return body[:cut if cut > 0 else MAX_BODY_CHARS]


def _is_attachment_line(p: Para) -> bool:
    """A "Xem chi tiết: <file>" line: it goes to attachments, not to the text."""
    if p.el is None or len(p.text) > MAX_INFO_LINE_CHARS:
        return False
    linked = sum(len(clean_line(a.text_content())) for a in p.el.iter("a")
                 if V.ATTACHMENT_EXT.search(a.get("href") or ""))
    return linked > 0 and linked >= 0.5 * len(V.ATTACHMENT_LABEL.sub("", p.text))


def _info_like(text: str) -> bool:
    """A date/views/byline line at the top of the body container, not a sentence of the article.

    What is left after taking out dates, weekdays, view counts and dateline labels must be
    empty, chrome, or a byline: "Ngày 12/3/2024, tại xã Long Sơn." is article text.
    """
    hits = [h for h in find_dates(text) if h.usable]
    if not hits and not V.VIEWS_LABELED.search(text):
        return False
    rest = text
    for h in reversed(hits):
        rest = rest[:h.start] + "  " + rest[h.end:]
    rest = V.DATELINE_WORDS.sub("  ", V.WEEKDAY.sub("  ", V.VIEWS_AFTER_NUMBER.sub("  ", V.VIEWS_LABELED.sub("  ", rest))))
    for seg in _SEGMENT_SPLIT.split(rest):
        seg = _strip_segment(clean_line(seg).strip(" -–—|,.:"))
        if seg and not _INT.match(seg) and not _is_chrome(seg) and not _author_value(seg) \
                and not V.AUTHOR_FIELD.match(seg) and not V.SECTION_NAMES.match(seg) \
                and not V.SOURCE_LABEL.match(seg) and not V.CATEGORY_LABEL.match(seg) and not _looks_like_name(seg):
            return False
    return True


# ---------------------------------------------------------------- info zone: date, views, author

def _site_counter(text: str) -> bool:
    """Whether text shows a site-wide counter (an article's own "Lượt truy cập: 45" does not count)."""
    return bool(V.SITE_COUNTER.search(V.ARTICLE_HITS.sub(" ", text)))


def _pick_date(lines: list[str]) -> DateHit | None:
    """The first dateline's date; a sentence that mentions a date (a sapo, a caption) is not a dateline."""
    datelines = []
    for line in lines:
        if _site_counter(line) and not V.PUBLISHED_LABEL.search(line):
            continue
        if not _info_like(clean_line(line)):
            continue
        hit = next((h for h in find_dates(line) if h.usable), None)
        if hit is not None:
            datelines.append((line, hit))
    # "Ngày tạo …" / "Ngày đăng …" beats an "Ngày cập nhật …" printed before it.
    created = next((hit for line, hit in datelines if V.CREATED_LABEL.search(line)), None)
    return created or (datelines[0][1] if datelines else None)


def _views(lines: list[str], zone_els, own_box: bool = False) -> int | None:
    """The article's view count; own_box: lines between headline and body, where Joomla's
    "Lượt truy cập: 45" is the article's, not the site's counter."""
    counter = _site_counter if own_box else V.SITE_COUNTER.search
    for line in lines:
        for seg in re.split(r"\s*[|•]\s*|\n", line):
            hits = V.ARTICLE_HITS.search(seg) if own_box else None
            if hits and not counter(seg):
                return _to_int(hits.group("n"))
            if counter(seg):
                continue
            m = V.VIEWS_LABELED.search(seg) or V.VIEWS_AFTER_NUMBER.search(seg)
            if m:
                return _to_int(m.group("n"))
    for el in zone_els:
        if V.VIEWS_CLASS.search(_classes(el)) and not counter(el.text_content()):
            digits = re.findall(r"\d[\d.,]*", el.text_content())
            if len(digits) == 1:
                return _to_int(digits[0])
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
        if len(tokens) == 1 and _INT.match(tokens[0]):  # nothing else on the line: "0 bình luận" is not views
            return _to_int(tokens[0])
    return None


def _to_int(s: str) -> int | None:
    digits = re.sub(r"[.,\s]", "", s or "")
    return int(digits) if digits.isdigit() else None


def _info_author(lines: list[str], meta: _Meta) -> None:
    """Byline or source credit from the dateline area: "XUÂN CHIẾN | 13:06, 25/02/2024", "Tác giả: …"."""
    for line in lines:
        hits = find_dates(line)
        rest = line
        for h in reversed(hits):
            rest = rest[:h.start] + "  " + rest[h.end:]
        rest = V.WEEKDAY.sub("  ", V.VIEWS_AFTER_NUMBER.sub("  ", V.VIEWS_LABELED.sub("  ", rest)))
        segments = []
        # A labelled credit keeps its dashes ("Nguồn tin: Sở Lao động - Thương binh và Xã hội").
        for piece in _STRONG_SPLIT.split(rest):
            piece = clean_line(piece).strip(" -–—")
            labelled = V.AUTHOR_LABEL.match(piece)
            if V.SOURCE_LABEL.match(piece) or (labelled and _byline(_clean_name(labelled.group("value")
                                                                               or labelled.group("value2") or ""))):
                segments.append(_strip_segment(piece))
            elif _DASH.search(piece) and all(_looks_like_name(part) for part in _DASH.split(piece)):
                segments.append(_strip_segment(piece))  # co-writers: "NGỌC ANH - THU HÀ" is one byline
            else:
                segments += [_strip_segment(V.DATELINE_LABEL.sub("", clean_line(s))) for s in _SEGMENT_SPLIT.split(piece)]
        for seg in segments:
            if not seg or _is_chrome(seg):
                continue
            m = V.SOURCE_LABEL.match(seg)
            if m:
                meta.source = meta.source or _clean_name(m.group("value"))
                continue
            if meta.author:
                continue
            value = _author_value(seg)
            if value:
                meta.author = value
            elif (hits or seg.isupper()) and _looks_like_name(seg):
                meta.author = _clean_name(seg)


def _strip_segment(seg: str) -> str:
    seg = seg.strip(" ,")
    while seg.startswith("(") and seg.endswith(")"):
        seg = seg[1:-1].strip(" ,")
    if seg.count("(") != seg.count(")"):
        seg = seg.strip("()").strip(" ,")
    return seg


def _element_author(zone_els) -> str | None:
    for el in zone_els:
        cls = _classes(el)
        if el.get("rel") == "author" or el.get("itemprop") == "author" or \
                re.search(r"(?:^|[\s_-])(?:author|tacgia|tac-gia|byline|fn)(?:$|[\s_-])", cls, re.I):
            text = _clean_name(el.text_content())
            value = _author_value(text)
            if value:
                return value
            if text and not V.ACCOUNT_NAMES.match(text):
                byline = _byline(text, relaxed=True)
                if byline:
                    return byline
    return None


# ---------------------------------------------------------------- page types

def _teasers(root, exclude) -> int:
    n = 0
    seen = set()
    for a in root.iter("a"):
        if exclude is not None and _inside(a, exclude):
            continue
        text = clean_line(a.text_content())
        href = a.get("href") or ""
        if len(text) >= V.TEASER_MIN_CHARS and href not in seen and not _furniture_ancestor(a):
            seen.add(href)
            n += 1
    return n


def _teaser_items(container) -> int:
    """The longest run of sibling boxes of one kind (tag and class) that each lead with a headline link."""
    best = 0
    for parent in container.iter():
        groups: dict = {}
        for child in parent:
            if not isinstance(child.tag, str) or child.tag in ("a", "br", "span"):
                continue
            link = next((a for a in child.iter("a") if len(clean_line(a.text_content())) >= 20
                         and not V.ATTACHMENT_EXT.search(a.get("href") or "")), None)
            if link is not None:
                key = (child.tag, child.get("class"))
                groups[key] = groups.get(key, 0) + 1
        best = max([best, *groups.values()])
    return best


def _min_items(root) -> int:
    """Repeated teaser boxes needed to call a page a listing: fewer when the page has page links."""
    paged = any(V.PAGINATION_CLASS.search(el.get("class")) for el in root.xpath("//*[@class]"))
    return V.LISTING_MIN_ITEMS_PAGED if paged else V.LISTING_MIN_ITEMS


def _has_prose(container) -> bool:
    """Whether a paragraph of running text (not link text) is present: teaser summaries are short."""
    for el in container.iter("p", "div", "td", "li", "blockquote"):
        if any(child.tag in BLOCK_TAGS for child in el):
            continue
        n = _text_len(el) - sum(_text_len(a) for a in el.iter("a"))
        if n >= V.PROSE_MIN_CHARS:
            return True
    return False


def _url_page_type(url: str | None) -> str | None:
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if V.OTHER_PATH.search(parts.path):
        return "other"
    if parts.query and V.LISTING_QUERY.search(parts.query):
        return "listing"
    if V.ARTICLE_SLUG.search(parts.path) or (parts.query and V.ARTICLE_QUERY.search(parts.query)):
        return None  # an article's address (the page itself decides)
    if V.LISTING_PATH.search(parts.path):
        return "listing"
    return None


# ---------------------------------------------------------------- main

def extract_article(html: str | bytes, url: str | None = None, *, http_charset: str | None = None) -> Article:
    """Extract one page. Raises BadInput when the input is not an HTML page at all."""
    if url is not None and _host(url) is None and "://" in url:
        raise BadInput(f"not a valid URL: {url}")
    text = decode_html(html, http_charset) if isinstance(html, (bytes, bytearray)) else check_html_text(html)
    root = _parse(text)
    head_title = root.find(".//title")
    doc_title = clean_line(head_title.text_content()) if head_title is not None else None
    meta_title = _meta(root, "property", "og:title") or _meta(root, "name", "twitter:title")
    ld = _ld_article(_json_ld(root))
    site_name = _site_name(root, doc_title)
    canonical = None
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            canonical = _join(url, link.get("href").strip())
            break
    page_url = url or canonical or _meta(root, "property", "og:url")
    base = page_url
    base_el = root.find(".//base")
    if base_el is not None and base_el.get("href"):
        base = _join(page_url, base_el.get("href"))
    lang_attr = (root.get("lang") or root.get("xml:lang") or "").strip().lower()[:2] or None

    for bad in list(root.iter(*V.DROP_TAGS)):
        if bad.getparent() is None:
            continue
        document = _embedded_document(bad)
        if document:
            # An embedded PDF viewer stands for an attachment: keep it as a link.
            link = lxml.html.Element("a", href=document)
            link.tail = bad.tail
            bad.getparent().replace(bad, link)
        else:
            bad.drop_tree()

    body_el = root.find("body")
    # Enough of the page's text to tell its language and spot an error message.
    page_text = clean_line(body_el.text_content()[:PAGE_TEXT_SAMPLE]) if body_el is not None else ""
    # Portal templates often declare lang="en"; the text decides.
    vietnamese = _is_vietnamese((doc_title or "") + " " + page_text[:4000])

    article = Article(url=page_url, site=_host(page_url),
                      site_name=site_name, canonical_url=canonical,
                      language="vi" if vietnamese else lang_attr)
    if not vietnamese:
        # Not a Vietnamese portal page: trafilatura's general rules are the better bet.
        return _fallback(article, text, page_url)

    container, min_chars = _find_container(root)
    # A marker that only ever wraps an article body (NukeViet's bodyhtml) settles the page type.
    trusted = min_chars is not None and min_chars < ARTICLE_MIN_CHARS
    if container is None:
        container = _density_container(root, _own_titles(meta_title, doc_title, site_name))
    order = {el: i for i, el in enumerate(root.iter())}

    page_type = _url_page_type(page_url)
    if page_type is None:
        head_text = " ".join(filter(None, [doc_title, meta_title]))
        main_text = clean_line(container.text_content()) if container is not None else page_text
        if V.ERROR_PHRASES.search(head_text) or V.ERROR_PHRASES.search(main_text[:2000]) \
                or (container is None and V.ERROR_PHRASES.search(page_text)):
            page_type = "other"
    title_el, title = _find_title(root, container, order, meta_title, doc_title, site_name)
    if page_type is None and title and V.OTHER_TITLES.match(title):
        page_type = "other"
    if page_type is None and title and V.LISTING_TITLES.match(title):
        page_type = "listing"
    article.title = title
    if article.site_name is None and title and doc_title:
        # "<headline> - VnExpress": what follows the headline in <title> names the site.
        rest = doc_title[len(title):] if doc_title.startswith(title) else ""
        m = V.TITLE_SEPARATORS.match(rest)
        if m and 2 <= len(rest[m.end():].strip()) <= 80:
            article.site_name = rest[m.end():].strip()

    if page_type is None and container is None and body_el is not None and (
            _teasers(root, None) >= V.LISTING_MIN_TEASERS
            or (_teaser_items(body_el) >= _min_items(root) and not _has_prose(body_el))):
        page_type = "listing"
    if page_type is None and container is not None and not trusted and (
            (_text_len(container) < ARTICLE_MIN_CHARS and _teasers(root, container) >= V.LISTING_MIN_TEASERS
             and not _headed_item(title_el, container, order))
            or (not _has_prose(container) and (_teasers(container, None) >= V.LISTING_MIN_TEASERS_INSIDE
                                               or _teaser_items(container) >= _min_items(root)))):
        page_type = "listing"
    if page_type is None and container is None:
        return _fallback(article, text, page_url,
                         _teaser_texts(body_el, _own_titles(meta_title, doc_title, site_name)))
    if page_type is not None:
        article.page_type = page_type
        # A listing's own name is its category (so the title is not excluded from the breadcrumb).
        article.category = _category(root, None, container, order) if page_type == "listing" else None
        if page_type == "listing" and title_el is None:
            article.title = _strip_title_suffix(doc_title, site_name) if doc_title else title
        return article

    _fill_article(article, root, container, order, title_el, base, ld)
    article.category = _category(root, article.title, container, order) or article.category
    article.page_type = "article"
    if len(article.body) < 80 and not article.images and not article.attachments:
        article.page_type = "other"
    if article.page_type == "article":
        article.indicators = extract_indicators(article.body, title=article.title)
    return article


def _fill_article(article: Article, root, container, order, title_el, base, ld: dict) -> None:
    """Body, images, attachments and the metadata around them, for a Vietnamese article page."""
    meta = _Meta()
    paras = _paragraphs(container, order)
    lines, images = _body(paras, article.title, base, meta)

    # The info zone: lines between the title and the body; the tail: the first lines after the body.
    info, zone_els = _info_zone(title_el, container, order)
    cstart = order.get(container, 0)
    cend = order.get(_last_descendant(container), cstart)
    if title_el is None:
        parent = container.getparent()
        if parent is not None:
            before = [p for p in _paragraphs(parent, order, _is_hard_boilerplate, fields=True) if p.pos < cstart
                      and not _inside(p.el, container)]
            info = [p.raw for p in before[-3:] if len(p.text) <= MAX_INFO_LINE_CHARS]
    info = meta.info_lines + info if title_el is None else info + meta.info_lines
    # The article's own box: from the title to the body, else the body's parent.
    tail_scope = container.getparent()
    if title_el is not None and not _inside(title_el, container):
        tail_scope = _lca(title_el, container)
    tail: list[str] = []
    tail_els: list = []
    counted = 0
    if tail_scope is not None:
        for p in _paragraphs(tail_scope, order, _is_hard_boilerplate, fields=True):
            if p.pos <= cend or _inside(p.el, container):
                continue
            if V.RELATED_HEADINGS.match(p.text) or len(p.text) > MAX_INFO_LINE_CHARS or counted >= TAIL_LINES:
                break
            tail.append(p.raw)
            counted += not _is_chrome(p.text)
        # Reader comments and related lists after the body name people too: never search them.
        tail_els = [el for el in _clean_elements(tail_scope) if order.get(el, 0) > cend]

    # Date: the dateline near the title (Vietnamese pages print local time), else the head's metadata.
    structured = None
    for attr, value in V.DATE_META:
        structured = parse_structured(_meta(root, attr, value), local=True)
        if structured:
            break
    if not structured and ld.get("datePublished"):
        structured = parse_structured(str(ld["datePublished"]), local=True)
    if not structured:
        for el in zone_els + list(container.iter("time"))[:1]:
            if el.tag == "time":
                structured = parse_structured(el.get("datetime") or el.text_content(), local=True)
                if structured:
                    break
    seen = _pick_date(info)
    if seen is None:
        # Spans printed side by side ("15/04/2024 08:30" + views + "Cỡ chữ") run together as one line.
        seen = _pick_date([el.text_content() for el in zone_els if V.DATE_CLASS.search(_classes(el))])
    if seen is None and title_el is not None:
        seen = _pick_date([el.text_content() for el in _title_dates(title_el)])
    if seen is None and not structured:
        seen = _pick_date(tail) or _pick_date(_lines_before(title_el, order))
    published = structured
    if seen is not None:
        published = seen.iso
        if structured and not seen.has_time and "T" in structured and structured[:10] == seen.iso:
            published = structured
    if published is None:
        # A "Ngày đăng: ..." line can also be the last line of the body.
        for line in lines[-2:]:
            if V.PUBLISHED_LABEL.search(line.split(":")[0] + ":") and len(line) < 80:
                hit = _pick_date([line])
                if hit:
                    published = hit.iso
                    lines.remove(line)
                    break
    article.published = published or meta.date

    article.views = _views(info, zone_els, own_box=title_el is not None)
    if article.views is None:  # "Lượt xem: 0" is a count, not a missing one
        article.views = _views(tail, tail_els)
    for line in info:
        m = V.CATEGORY_LABEL.match(clean_line(line))
        if m:
            article.category = m.group("value")
            break
    _info_author(info, meta)
    if meta.author is None:
        _info_author(tail, meta)
    if meta.author is None:
        meta.author = _element_author(zone_els) or _element_author(tail_els) or _element_author(list(container.iter()))
    if meta.author is None:
        for candidate in (_ld_author(ld), _meta(root, "name", "author")):
            if candidate and _looks_like_name(candidate) and candidate != article.site_name \
                    and not V.ACCOUNT_NAMES.match(candidate):
                meta.author = candidate
                break
    article.author = meta.author
    article.source = meta.source

    article.summary = _summary(container, order, title_el)
    article.body = _cap("\n\n".join(lines))
    article.images = images
    article.attachments = _attachments(container, base)
    if not article.title:
        article.title = _ld_title(ld)


def _info_zone(title_el, container, order) -> tuple[list[str], list]:
    """The lines and elements between the headline and the body (dateline, views, byline)."""
    if title_el is None or _inside(title_el, container):
        return [], []
    cstart = order.get(container, 0)
    tend = order.get(_last_descendant(title_el), 0)
    scope = _lca(title_el, container)
    if scope is None or tend >= cstart:
        return [], []
    info_paras = [p for p in _paragraphs(scope, order, _is_hard_boilerplate, fields=True) if tend < p.pos < cstart
                  and not _inside(p.el, container)]
    info = [p.raw for p in info_paras[:INFO_LINES] if len(p.text) <= MAX_INFO_LINE_CHARS]
    return info, [el for el in _clean_elements(scope) if tend < order.get(el, 0) < cstart]


def _headed_item(title_el, container, order) -> bool:
    """A headline, then a dateline, then the body, with no headline link between: one news item,
    however short its text (a listing's teasers each bring their own headline link)."""
    info, zone_els = _info_zone(title_el, container, order)
    if any(el.tag == "a" and len(clean_line(el.text_content())) >= V.TEASER_MIN_CHARS for el in zone_els):
        return False
    return _pick_date(info) is not None


def _clean_elements(scope) -> list:
    """Elements under scope in document order, minus whole menus, counters, comments and related lists."""
    out = []
    stack = [scope]
    while stack:
        el = stack.pop()
        out.append(el)
        stack.extend(child for child in reversed(el) if isinstance(child.tag, str) and not _is_hard_boilerplate(child))
    return out[1:]


def _lines_before(title_el, order) -> list[str]:
    """The short lines just above the headline (some newspapers print the date there)."""
    if title_el is None:
        return []
    scope = title_el.getparent()
    if scope is not None and scope.getparent() is not None:
        scope = scope.getparent()
    if scope is None:
        return []
    tpos = order.get(title_el, 0)
    lines = [p.raw for p in _paragraphs(scope, order, _is_hard_boilerplate, fields=True)
             if p.pos < tpos and not _inside(p.el, title_el) and len(p.text) <= MAX_INFO_LINE_CHARS]
    return lines[-2:]


def _embedded_document(el) -> str | None:
    """The document an <iframe>/<embed>/<object> shows (PDF.js viewers pass it as ?file=), if any."""
    if el.tag not in ("iframe", "embed", "object"):
        return None
    src = (el.get("src") or el.get("data") or "").strip()
    if not src:
        return None
    try:
        files = parse_qs(urlsplit(src).query).get("file", [])
    except ValueError:
        files = []
    for value in files:
        if V.ATTACHMENT_EXT.search(value):
            return value
    return src if V.ATTACHMENT_EXT.search(src) else None


def _ld_title(ld: dict) -> str | None:
    h = ld.get("headline") or ld.get("name")
    return clean_line(h) if isinstance(h, str) else None


def _is_hard_boilerplate(el) -> bool:
    """Boilerplate that never holds metadata either (menus, counters, related lists, comments)."""
    if el.tag in V.STRUCTURAL_BOILERPLATE_TAGS:
        return True
    cls = V.ARTICLE_FOOTER_CLASS.sub(" ", _classes(el))
    return bool(cls.strip()) and bool(V.HARD_BOILERPLATE_CLASS.search(cls))


def _summary(container, order, title_el) -> str | None:
    """The lead paragraph when the page marks one (sapo, hometext, description), near the top of the article."""
    cstart = order.get(container, 0)
    scope = container.getparent() if container.getparent() is not None else container
    if title_el is not None:
        lca = _lca(title_el, container)
        scope = lca if lca is not None else scope
    for el in scope.iter("p", "div", "h2", "h3", "h4", "span", "strong", "em"):
        if V.SUMMARY_CLASS.search(_classes(el)) and not _is_hard_boilerplate(el):
            text = clean_line(el.text_content())
            if len(text) >= 40 and (order.get(el, 0) <= cstart + 40 or _inside(el, container)):
                return text
    return None


def _attachments(container, base) -> list[Attachment]:
    """Links to documents (PDF, Word, Excel, archives) in the body or beside it ("Tệp đính kèm")."""
    out: list[Attachment] = []
    seen: set[str] = set()
    scope = container.getparent() if container.getparent() is not None else container
    for a in scope.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or not V.ATTACHMENT_EXT.search(href):
            continue
        if not _inside(a, container) and _is_in_boilerplate(a, scope):
            continue
        absolute = _join(base, href)
        if absolute in seen:
            continue
        seen.add(absolute)
        name = clean_line(a.text_content()) or clean_line(a.get("title") or "") or None
        if name is None:
            tail = absolute.split("?")[0].split("#")[0].rstrip("/").split("/")
            name = next((seg for seg in reversed(tail) if V.ATTACHMENT_EXT.search(seg + "/")), tail[-1] if tail else None)
        out.append(Attachment(url=absolute, name=name))
    return out


def _is_in_boilerplate(el, stop) -> bool:
    for anc in el.iterancestors():
        if anc is stop:
            return False
        if _is_hard_boilerplate(anc):
            return True
    return False


def _teaser_texts(body_el, own_titles: list[str]) -> list[str]:
    """The (normalised) texts of teaser boxes: a headline link to another page, then its summary."""
    out = []
    for el in body_el.iter() if body_el is not None else ():
        if (el.tag not in BLOCK_TAGS and el.tag not in CELL_TAGS) or not _leads_with_link(el, own_titles):
            continue
        n = _norm(el.text_content())
        if len(n) > len(_norm(_first_text_link(el).text_content())) + 40:
            out.append(n)
    return out


def _fallback(article: Article, html_text: str, url: str | None, teasers: list[str] = ()) -> Article:
    """General-purpose extraction by trafilatura for pages the portal rules do not recognise.

    Text that is a teaser's summary (the box opens with a headline linking elsewhere) makes the page a listing."""
    from trafilatura import bare_extraction  # imported here: only needed on this path

    # trafilatura warns about every page it finds no text in; here that is an expected outcome, and
    # the warning would reach stderr whenever something (underthesea does) configures root logging.
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.CRITICAL)

    doc = bare_extraction(html_text, url=url, with_metadata=True, include_comments=False)
    text = (doc.text if doc is not None else "") or ""
    if not text.strip():
        article.page_type = "other"
        return article
    lines = [clean_line(line) for line in text.split("\n")]
    lines = [line for line in lines if line and not _is_chrome(line)]
    vietnamese = article.language == "vi"
    if vietnamese and lines and any(_norm(lines[0])[:120] in box for box in teasers):
        article.page_type = "listing"
        return article
    if vietnamese:
        meta = _Meta()
        paras = [Para(line, None, has_text=True, italic=False, bold=False, text=line) for line in lines]
        cut = next((i for i, p in enumerate(paras) if V.RELATED_HEADINGS.match(p.text) and len(p.text) <= 60), None)
        if cut is not None:
            paras = paras[:cut]
        paras = _split_trailer(paras, meta)
        lines = [p.text for p in paras]
        article.author = meta.author
        article.source = meta.source
    article.body = _cap("\n\n".join(lines))
    if not vietnamese or not article.title:
        article.title = clean_line(doc.title) if doc.title else article.title
    if not article.author and doc.author:
        author = clean_line(doc.author)
        if not (vietnamese and (V.PORTAL_NAME_WORDS.search(author + " ") or author == article.site_name)):
            article.author = author
    if doc.date:
        article.published = parse_structured(doc.date, local=vietnamese) or doc.date
    article.site_name = article.site_name or (clean_line(doc.sitename) if doc.sitename else None)
    article.language = article.language or doc.language
    # No portal container and no dense text block: a Vietnamese page needs a real body to be an article.
    article.page_type = "article" if len(article.body) >= (ARTICLE_MIN_CHARS if vietnamese else 80) else "other"
    if article.page_type == "article":
        article.indicators = extract_indicators(article.body, title=article.title)
    return article
