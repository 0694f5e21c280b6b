"""The portal's name and the article's category (breadcrumb, article:section, the portlet's header)."""
from __future__ import annotations

import re

from extract import portal_vocab as V
from extract.page.dom import classes, furniture_ancestor, is_inside, meta_content, text_len
from extract.page.lines import norm
from extract.textnorm import clean_line

# A portal's name in a header element ("UBND xã X" up to a ministry's full name).
MIN_SITE_NAME_CHARS = 4
MAX_SITE_NAME_CHARS = 120
# A portlet header naming a section is a few words.
MAX_CATEGORY_CHARS = 80
# A header's box holds more than the header (a few characters of icons or counters do not count).
PORTLET_HEADER_SLACK = 20


def find_site_name(root, doc_title: str | None) -> str | None:
    """og:site_name, else the portal name after the title in <title>, else the header's portal name."""
    for attr, value in V.SITE_NAME_META:
        v = meta_content(root, attr, value)
        if v:
            return v
    if doc_title:
        parts = V.TITLE_SEPARATORS.split(doc_title)
        if len(parts) > 1:
            for part in (parts[-1], parts[0]):
                if V.PORTAL_NAME_WORDS.search(part + " ") and V.VIETNAMESE_LETTERS.search(part):
                    return part.strip()
        elif V.PORTAL_TITLE.match(doc_title.strip()):  # <title> is only the portal's name
            return doc_title.strip()
    for el in root.iter("div", "span", "a", "h1", "h2", "p"):
        cls = el.get("class") or ""
        if re.search(r"site-?name|site-?title|portal-?name|ten-?don-?vi|logo-?text|brand", cls, re.I):
            text = clean_line(el.text_content())
            if MIN_SITE_NAME_CHARS <= len(text) <= MAX_SITE_NAME_CHARS:
                return text
    return _banner_name(root)


def _banner_name(root) -> str | None:
    """The portal's name printed in the header banner ("UBND HUYỆN X", "Cổng thông tin điện tử tỉnh Y")."""
    for el in root.iter("div", "span", "a", "h1", "h2", "h3", "p", "td", "strong", "b"):
        text = clean_line(el.text_content())
        if not (MIN_SITE_NAME_CHARS <= len(text) <= MAX_SITE_NAME_CHARS) or not V.BANNER_NAME.match(text):
            continue
        if any(V.BANNER_CLASS.search(f"{a.get('class') or ''} {a.get('id') or ''}")
               for a in (el, *el.iterancestors())):
            return text
    return None


def find_category(root, title: str | None, container, order) -> str | None:
    """The breadcrumb's last item (other than the headline), article:section, or the portlet header."""
    for el in root.iter("ul", "ol", "div", "nav", "p"):
        if not V.BREADCRUMB_CLASS.search(classes(el)) and el.get("aria-label", "").lower() != "breadcrumb":
            continue
        crumbs = [clean_line(a.text_content()) for a in el.iter("a", "li", "span") if not len(a)]
        crumbs = [c for c in crumbs if c and c not in (">", "»", "/", "›") and not V.HOME_CRUMBS.match(c)]
        crumbs = [c for c in crumbs if norm(c) != norm(title)]
        if crumbs:
            return crumbs[-1]
    section = meta_content(root, "property", "article:section")
    if section:
        return section
    if container is None:
        return None
    cstart = order.get(container, 0)
    best = None
    for el in root.xpath("//*[@class]"):
        if order.get(el, 1 << 30) >= cstart:
            break
        if V.PORTLET_TITLE_CLASS.search(el.get("class")) and not furniture_ancestor(el):
            best = el
    if best is not None and is_inside(container, portlet_of(best)):
        text = clean_line(best.text_content())
        if text and not V.GENERIC_HEADINGS.match(text) and len(text) <= MAX_CATEGORY_CHARS:
            return text
    return None


def portlet_of(el):
    """The portlet/box that a header belongs to: the nearest ancestor that holds more than the header."""
    box = el.getparent()
    while box is not None and text_len(box) <= text_len(el) + PORTLET_HEADER_SLACK:
        box = box.getparent()
    return box if box is not None else el
