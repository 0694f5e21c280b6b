"""The headline: a heading (or an element) matching <title>/og:title, else the heading nearest above the
body, else <title> minus the portal's name."""
from __future__ import annotations

from extract import portal_vocab as V
from extract.page.dom import HEADING_TAGS, classes, furniture_ancestor, is_boilerplate, is_inside
from extract.page.lines import MAX_INFO_LINE_CHARS, info_like, is_chrome, norm
from extract.textnorm import clean_line

# Tags a headline may be printed in when it is not a heading (found by its text equal to <title>).
TITLE_TEXT_TAGS = ("td", "th", "div", "p", "span", "strong", "b", "font", "h5", "h6")
# Longest headline: a "title" element holding more text is a box around the article.
MAX_TITLE_CHARS = 400
# What may separate a headline from a date printed at its end ("Tiêu đề (05/01/2024)").
TITLE_TRAIL = " )]-–|,."
# A headline is longer than a section name ("Tin tức" is not one).
MIN_TITLE_CHARS = 8
# ... unless its element is marked as the title ("Nội quy" in p.Title): section names are excluded anyway.
MIN_CLASSED_TITLE_CHARS = 4
# A heading matches <title> when equal to it, or to its start when holding at least this share of it
# (<title> may add a section name the heading lacks).
TITLE_PREFIX_SHARE = 0.5
# Without a match to <title>, a heading is the headline only within this many levels above the body.
TITLE_SCOPE_LEVELS = 4
# ... or farther up when at most this much text (a dateline, a lead paragraph) lies between it and the body.
MAX_TITLE_GAP_CHARS = 800
# Position past the end of the document (no container).
END = 1 << 30


def is_portlet_heading(el) -> bool:
    if V.PORTLET_TITLE_CLASS.search(classes(el)):
        return True
    for child in el.iter():
        if child is not el and V.PORTLET_TITLE_CLASS.search(classes(child)):
            return True
    parent = el.getparent()
    return parent is not None and bool(V.PORTLET_TITLE_CLASS.search(classes(parent)))


def is_portal_part(part: str, site_name: str | None) -> bool:
    """A piece of <title> that names the portal, its place ("Nghĩa Kỳ") or a section of it."""
    n = norm(part)
    return bool((site_name and (n == norm(site_name) or (len(n) >= 4 and f" {n}" in f" {norm(site_name)}")))
                or V.TITLE_PORTAL_PART.search(part.strip() + " ") or V.HOME_CRUMBS.match(part.strip())
                or V.SECTION_NAMES.match(part.strip()))


def strip_title_suffix(title: str, site_name: str | None) -> str:
    """<title> minus the portal name, which portals put after ("Tin - Cổng TTĐT huyện X") or before it.

    The headline itself is the longest part and is never taken for the portal name.
    """
    parts = V.TITLE_SEPARATORS.split(title)
    seps = V.TITLE_SEPARATORS.findall(title)
    longest = max(len(p) for p in parts)
    lo, hi = 0, len(parts)
    while hi - lo > 1 and len(parts[hi - 1]) < longest and is_portal_part(parts[hi - 1], site_name):
        hi -= 1
    if hi == len(parts):
        while hi - lo > 1 and len(parts[lo]) < longest and is_portal_part(parts[lo], site_name):
            lo += 1
    out = parts[lo]
    for i in range(lo + 1, hi):
        out += seps[i - 1] + parts[i]
    return out


def title_dates(el) -> list:
    """Elements inside a headline that hold its date ("Tiêu đề <span class="date">(05/01/2024)</span>")."""
    out = []
    # Only at the end of the headline: "Hội nghị ngày <b>05/01/2024</b> của huyện" is all headline.
    end = clean_line(el.text_content()).rstrip(TITLE_TRAIL)
    for d in el.iterdescendants():
        if not isinstance(d.tag, str) or any(is_inside(d, o) for o in out):
            continue
        text = clean_line(d.text_content())
        if text and end.endswith(text.rstrip(TITLE_TRAIL)) and (
                d.tag == "time" or V.DATE_CLASS.search(classes(d))
                or (len(text) <= MAX_INFO_LINE_CHARS and info_like(text))):
            out.append(d)
    return out


def title_text(el) -> str:
    """The headline's text without a date printed inside it."""
    dates = title_dates(el)
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


def title_candidates(root):
    seen = set()
    for el in root.iter(*HEADING_TAGS):
        seen.add(el)
        yield el
    for el in root.iter("div", "p", "span", "a", "strong"):
        if el not in seen and V.TITLE_CLASS.search(classes(el)):
            yield el


def headline_variants(meta_title, doc_title, site_name) -> list[str]:
    """The page's own headline as <title> and og:title give it, whole and without the portal's name."""
    wanted = [norm(t) for t in (meta_title, doc_title) if t]
    return wanted + [norm(strip_title_suffix(t, site_name)) for t in (meta_title, doc_title) if t]


def find_title(root, container, order, meta_title, doc_title, site_name):
    """(title element or None, title text)."""
    wanted = headline_variants(meta_title, doc_title, site_name)
    matched, fallback = [], []
    for el in title_candidates(root):
        text = title_text(el)
        n = norm(text)
        if len(n) < (MIN_CLASSED_TITLE_CHARS if V.TITLE_CLASS.search(classes(el)) else MIN_TITLE_CHARS) \
                or len(n) > MAX_TITLE_CHARS or is_portlet_heading(el) or is_chrome(text) \
                or V.RELATED_HEADINGS.match(text) or V.SECTION_NAMES.match(text):
            continue
        if container is not None and is_inside(container, el):
            continue  # a box around the body ("asset-full-content no-title") is not its headline
        if site_name and n == norm(site_name):
            continue
        if any(n == w or (w.startswith(n) and len(n) >= TITLE_PREFIX_SHARE * len(w)) for w in wanted):
            matched.append(el)
        elif container is not None and not furniture_ancestor(el) and not is_boilerplate(el):
            fallback.append(el)
    if not matched and wanted:
        matched = title_by_text(root, wanted, container)
    el = _nearest(matched, container, order)
    if el is None and container is not None:
        # Only headings close to the body: inside it, or before it within a few ancestor levels.
        scope = container
        for _ in range(TITLE_SCOPE_LEVELS):
            if scope.getparent() is not None:
                scope = scope.getparent()
        near = [e for e in fallback
                if is_inside(e, scope) and not V.GENERIC_HEADINGS.match(clean_line(e.text_content()))]
        # Above the body first (a paragraph set as <h1> inside the body is not the headline), then inside it.
        el = _nearest(near, container, order, inside=False)
        if el is None:
            el = _heading_over_body(fallback, container, order)
        if el is None:
            el = _nearest(near, container, order)
    if el is not None:
        return el, title_text(el)
    if meta_title:
        return None, strip_title_suffix(meta_title, site_name)
    if doc_title:
        return None, strip_title_suffix(doc_title, site_name)
    return None, None


def _heading_over_body(candidates: list, container, order: dict):
    """The last headline-like element before the body when little text separates them (a dateline, a
    lead): SharePoint and table layouts nest the body many levels below the headline's cell."""
    cstart = order.get(container, END)
    before = [e for e in candidates if order.get(e, END) < cstart
              and not V.GENERIC_HEADINGS.match(clean_line(e.text_content()))]
    if not before:
        return None
    el = max(before, key=lambda e: order.get(e, -1))
    gap = 0
    for node in el.xpath("following::text()"):
        owner = node.getparent()
        if owner is None or order.get(owner, END) >= cstart:
            break
        gap += len(node.strip())
        if gap > MAX_TITLE_GAP_CHARS:
            return None
    return el


def _nearest(els: list, container, order: dict, inside: bool = True):
    """The heading closest above the body, else (inside) the first one inside it (never a subheading)."""
    cstart = order.get(container, END) if container is not None else END
    before = [e for e in els if order.get(e, -1) < cstart]
    if before:
        return max(before, key=lambda e: order.get(e, -1))
    if not inside:
        return None
    inside = [e for e in els if container is not None and is_inside(e, container)]
    if inside:
        return min(inside, key=lambda e: order.get(e, -1))
    return els[0] if els else None


def title_by_text(root, wanted: list[str], container) -> list:
    """Elements that are not headings but hold exactly the <title>/og:title text (Joomla 1.5 prints the
    headline in a table cell): the page's own headline whatever its tag, never a link to it."""
    out = []
    for el in root.iter(*TITLE_TEXT_TAGS):
        # The headline text starts the element's text (a date may follow it): cheap tests first. An element
        # holding much more than a headline is a container; normalising every one would cost depth x size.
        raw = el.text_content()
        if len(raw) > 2 * MAX_TITLE_CHARS:
            continue
        full = norm(raw)
        if not any(w and full.startswith(w) for w in wanted):
            continue
        n = norm(title_text(el))
        if len(n) < MIN_TITLE_CHARS or n not in wanted or (container is not None and is_inside(container, el)):
            continue
        if any(a.tag == "a" or is_boilerplate(a) for a in el.iterancestors()) or furniture_ancestor(el) \
                or next(el.iter("a"), None) is not None:
            continue
        out.append(el)
    return out


def ld_title(ld: dict) -> str | None:
    h = ld.get("headline") or ld.get("name")
    return clean_line(h) if isinstance(h, str) else None
