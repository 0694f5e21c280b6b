"""DOM helpers: tag classes, boilerplate tests, ancestry, URLs, the head's meta tags and JSON-LD."""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urljoin, urlsplit

import lxml.html
from lxml import etree

from base.errors import BadInput
from extract import portal_vocab as V
from extract.textnorm import clean_line

BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table thead tbody tfoot tr blockquote section article "
    "header footer main figure figcaption pre center address hr form fieldset legend caption details "
    "summary".split())


CELL_TAGS = frozenset(("td", "th"))
ITALIC_TAGS = frozenset(("em", "i"))
BOLD_TAGS = frozenset(("strong", "b"))
HEADING_TAGS = ("h1", "h2", "h3", "h4")
# Structural tags whose content is page furniture unless they sit inside the article.
FURNITURE_TAGS = frozenset(("footer", "aside", "nav"))
WS = re.compile(r"\s+")


def classes(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def is_boilerplate(el) -> bool:
    tag = el.tag
    if tag in V.STRUCTURAL_BOILERPLATE_TAGS:
        return True
    cls = classes(el)
    return bool(cls.strip()) and bool(V.BOILERPLATE_CLASS.search(cls))


def is_hard_boilerplate(el) -> bool:
    """Boilerplate that never holds metadata either (menus, counters, related lists, comments)."""
    if el.tag in V.STRUCTURAL_BOILERPLATE_TAGS:
        return True
    cls = V.ARTICLE_FOOTER_CLASS.sub(" ", classes(el))
    return bool(cls.strip()) and bool(V.HARD_BOILERPLATE_CLASS.search(cls))


def is_in_boilerplate(el, stop) -> bool:
    for anc in el.iterancestors():
        if anc is stop:
            return False
        if is_hard_boilerplate(anc):
            return True
    return False


def furniture_ancestor(el) -> bool:
    for anc in el.iterancestors():
        if anc.tag in FURNITURE_TAGS:
            return True
        if any(V.FURNITURE_CLASS.match(token) for token in classes(anc).split()):
            return True
    return False


def text_len(el) -> int:
    return len(WS.sub(" ", el.text_content()).strip())


def link_share(el, total: int) -> float:
    linked = sum(len(WS.sub(" ", a.text_content()).strip()) for a in el.iter("a"))
    return linked / total if total else 1.0


def is_inside(el, ancestor) -> bool:
    while el is not None:
        if el is ancestor:
            return True
        el = el.getparent()
    return False


def common_ancestor(a, b):
    anc = set()
    x = a
    while x is not None:
        anc.add(x)
        x = x.getparent()
    y = b
    while y is not None and y not in anc:
        y = y.getparent()
    return y


def last_descendant(el):
    """The last element inside el in document order (el itself when it has no children)."""
    while len(el):
        el = el[-1]
    return el


def join_url(base: str | None, href: str) -> str:
    """href made absolute; pages carry broken URLs ("http://[x"), which stay as written."""
    if not base:
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def host_of(url: str | None) -> str | None:
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


def meta_content(root, attr: str, value: str) -> str | None:
    for el in root.iter("meta"):
        if (el.get(attr) or "").strip().lower() == value.lower():
            content = el.get("content")
            if content and content.strip():
                return clean_line(content)
    return None


def json_ld(root) -> list[dict]:
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


def ld_article(items: list[dict]) -> dict:
    for d in items:
        kind = d.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and ("Article" in k or k in ("Report", "BlogPosting")) for k in kinds):
            return d
    return {}


def embedded_document(el) -> str | None:
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


XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def parse_html(text: str, warnings: list[str] | None = None):
    """The parsed tree; a warning is added when libxml2 stopped early (elements nested too deep)."""
    text = XML_DECL.sub("", text, count=1)
    try:
        root = lxml.html.document_fromstring(text, parser=PARSER)
    except (etree.ParserError, ValueError) as err:
        raise BadInput(f"not an HTML page: {err}") from None
    if root is None:
        raise BadInput("not an HTML page: nothing to parse")
    if warnings is not None and any(e.type_name == "ERR_RESOURCE_LIMIT" for e in PARSER.error_log):
        warnings.append("page nested too deep (libxml2 stops at 256 levels): "
                        "the text after that point is not extracted")
    return root


PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, recover=True)
