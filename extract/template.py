"""Learn a portal's template from its own pages, and use it where the page rules are unsure.

A portal serves thousands of pages from one template. Rules written from a few pages miss parts of the long
tail; the site's own pages show what they missed:

- **chrome**: a block of text printed on most pages of the site (menus, footers, counters, an editor
  placeholder, "Forgot Password") is template, not article. Such lines are trimmed from the start and end of
  a body, and never taken as a byline unless the site prints the same name as its byline too (a prolific
  reporter's byline is chosen by the rules on nearly every page that shows it; a placeholder is not).
- **field paths**: where the rules found a title, date, byline or view count on many pages, the element
  holding it has the same place in the template (the same tag and classes over a few ancestors). On a page
  where the rules found nothing, the template's element is read instead.

Everything here is pure: decoded HTML and the rules' ``Article`` in, a ``SiteTemplate`` or a refined
``Article`` out. The crawler keeps templates in the records store and applies them.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import lxml.html

from extract.dates import find_dates
from extract.models import Article
from extract.textnorm import normalize_text

# Tags whose text is a block a reader sees as one line (or one cell) of the page.
BLOCK_TAGS = frozenset({"p", "div", "li", "td", "th", "span", "a", "h1", "h2", "h3", "h4", "h5", "h6", "em",
                        "strong", "b", "i", "font", "dd", "dt", "label", "small", "time", "section", "header",
                        "footer", "nav", "aside", "article"})
SIGNATURE_DEPTH = 3  # the element and two ancestors: deep enough to be specific, shallow enough to survive layouts
MAX_BLOCK_CHARS = 300  # longer blocks are article text or whole containers, never chrome or a field
CHROME_SHARE = 0.6  # a block on at least this share of the learned pages is template text
MIN_CHROME_PAGES = 5  # ... and on at least this many pages
# A name shown on most pages but chosen as the byline on fewer than half of the pages showing it is a placeholder
# or an account name printed by the template, not the byline of a prolific reporter.
PLACEHOLDER_CHOSEN_SHARE = 0.5
MIN_FIELD_PAGES = 5  # a field path needs this many pages where the rules' value sat in it
MIN_FIELD_AGREEMENT = 0.6  # ... and this share of the pages where the rules found a value
# ... and this share of all learned pages: a path seen on a handful of pages may be where the rules erred
# (a licence date in the footer), and spreading it to every page would multiply the error.
MIN_FIELD_SHARE = 0.3
MIN_TEMPLATE_PAGES = 20  # fewer learned pages: no template (too little evidence)
MAX_AUTHOR_WORDS = 8
FIELDS = ("title", "published", "author", "views")
_GENERATED = re.compile(r"\d")  # ids and classes with digits are per page (ctl00_123, post-4567)
_AUTHOR_LABEL = re.compile(r"^(?:tác giả|người viết|bài(?: và ảnh)?|tin(?:,| và)? ảnh|by|author)\s*[:：]\s*", re.I)
_DIGITS = re.compile(r"\d[\d.,]*")


@dataclass
class FieldPath:
    path: str  # element signature, see ``signature``
    found: int  # learned pages where the rules' value was in this element
    agreement: float  # found / pages where the rules found a value at all

    def to_dict(self) -> dict:
        return {"path": self.path, "found": self.found, "agreement": round(self.agreement, 3)}


@dataclass
class SiteTemplate:
    site: str
    pages: int  # pages it was learned from
    chrome: frozenset[str] = frozenset()  # normalised texts of template blocks
    placeholders: frozenset[str] = frozenset()  # chrome texts the rules took as a byline
    fields: dict[str, FieldPath] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"site": self.site, "pages": self.pages, "chrome": sorted(self.chrome),
                "placeholders": sorted(self.placeholders),
                "fields": {k: v.to_dict() for k, v in sorted(self.fields.items())}}

    @classmethod
    def from_dict(cls, data: dict) -> SiteTemplate:
        return cls(site=data["site"], pages=data["pages"], chrome=frozenset(data.get("chrome", ())),
                   placeholders=frozenset(data.get("placeholders", ())),
                   fields={k: FieldPath(**v) for k, v in data.get("fields", {}).items()})


def _key(text: str) -> str:
    return " ".join(normalize_text(text).split()).casefold()


def _node_key(node) -> str:
    name = node.tag if isinstance(node.tag, str) else "?"
    ident = node.get("id") or ""
    classes = sorted(c for c in (node.get("class") or "").split() if not _GENERATED.search(c))
    key = name
    if ident and not _GENERATED.search(ident):
        key += "#" + ident
    if classes:
        key += "." + ".".join(classes)
    return key


def signature(node) -> str:
    """Where an element sits in the template: its tag, id and classes and those of its nearest ancestors."""
    parts = []
    while node is not None and len(parts) < SIGNATURE_DEPTH and isinstance(node.tag, str):
        parts.append(_node_key(node))
        node = node.getparent()
    return " < ".join(parts)


def page_blocks(html: str) -> list[tuple[object, str]]:
    """(element, normalised text) of every short text block of a page, in document order."""
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    blocks = []
    for node in root.iter(*BLOCK_TAGS):
        text = " ".join(normalize_text(node.text_content()).split())
        if text and len(text) <= MAX_BLOCK_CHARS:
            blocks.append((node, text))
    return blocks


def _value_matches(name: str, value, text: str) -> bool:
    if name == "published":
        day = str(value)[:10]
        return any(hit.iso[:10] == day for hit in find_dates(text) if not hit.excluded)
    if name == "views":
        return str(value) in {d.replace(".", "").replace(",", "") for d in _DIGITS.findall(text)}
    return _key(str(value)) in _key(text)


def _field_signatures(blocks: list[tuple[object, str]], article: Article) -> dict[str, str]:
    """For each field the rules filled, the signature of the smallest block holding its value."""
    found = {}
    for name in FIELDS:
        value = getattr(article, name)
        if value in (None, ""):
            continue
        holders = [(len(text), node) for node, text in blocks if _value_matches(name, value, text)]
        if holders:
            found[name] = signature(min(holders, key=lambda h: h[0])[1])
    return found


def learn_template(site: str, pages: Iterable[tuple[str, Article]]) -> SiteTemplate | None:
    """A template from (decoded HTML, the rules' Article) pairs of one site's article pages; None: too few."""
    seen: Counter[str] = Counter()  # pages showing each block text
    chosen: Counter[str] = Counter()  # pages whose rules' byline was that text
    found: list[tuple[dict[str, str], dict[str, str]]] = []  # per page: field -> (signature, the rules' value)
    count = 0
    for html, article in pages:
        blocks = page_blocks(html)
        count += 1
        seen.update({_key(text) for _, text in blocks})
        if article.author:
            chosen[_key(article.author)] += 1
        values = {name: _key(str(getattr(article, name))) for name in FIELDS
                  if getattr(article, name) not in (None, "")}
        found.append((_field_signatures(blocks, article), values))
    if count < MIN_TEMPLATE_PAGES:
        return None
    floor = max(MIN_CHROME_PAGES, CHROME_SHARE * count)
    chrome = frozenset(text for text, n in seen.items() if n >= floor)
    placeholders = frozenset(text for text in chosen if text in chrome
                             and chosen[text] < PLACEHOLDER_CHOSEN_SHARE * seen[text])
    return SiteTemplate(site, count, chrome, placeholders, _field_paths(found, chrome, count))


def _field_paths(found: list[tuple[dict[str, str], dict[str, str]]], chrome: frozenset[str],
                 count: int) -> dict[str, FieldPath]:
    """Where the rules' values sat on most pages. A title or byline that is template text (the portal's name
    as every page's title, an editor placeholder) teaches nothing: the rules erred there. A date may be
    template text (a bulk re-publish date shown on every page) and still be the page's date."""
    paths: dict[str, Counter[str]] = {name: Counter() for name in FIELDS}
    filled: Counter[str] = Counter()
    for signatures, values in found:
        for name, value in values.items():
            if name in ("title", "author") and value in chrome:
                continue
            filled[name] += 1
            if name in signatures:
                paths[name][signatures[name]] += 1
    fields = {}
    for name, counter in paths.items():
        if counter:
            path, n = counter.most_common(1)[0]
            agreement = n / max(filled[name], 1)
            if n >= max(MIN_FIELD_PAGES, MIN_FIELD_SHARE * count) and agreement >= MIN_FIELD_AGREEMENT:
                fields[name] = FieldPath(path, n, agreement)
    return fields


def _read_field(name: str, text: str, template: SiteTemplate):
    if name == "published":
        hits = [h for h in find_dates(text) if not h.excluded and not h.in_range]
        return hits[0].iso if hits else None
    if name == "views":
        digits = _DIGITS.findall(text)
        return int(digits[-1].replace(".", "").replace(",", "")) if digits else None
    if name == "author":
        value = _AUTHOR_LABEL.sub("", text).strip(" .-–")
        plausible = value and not _DIGITS.search(value) and len(value.split()) <= MAX_AUTHOR_WORDS
        return value if plausible and _key(value) not in template.chrome else None
    return text if _key(text) not in template.chrome else None


def _trim_chrome(body: str, chrome: frozenset[str]) -> str:
    """Drop template lines from the start and end of a body (never the whole body, never from its middle)."""
    paragraphs = body.split("\n\n")
    start, end = 0, len(paragraphs)
    while start < end and _key(paragraphs[start]) in chrome:
        start += 1
    while end > start and _key(paragraphs[end - 1]) in chrome:
        end -= 1
    return "\n\n".join(paragraphs[start:end]) if start < end else body


def refine_article(article: Article, html: str, template: SiteTemplate) -> Article:
    """The rules' article with template text removed and missing fields read from the template's elements."""
    changes: dict[str, object] = {}
    if article.author and _key(article.author) in template.placeholders:
        changes["author"] = None
    body = _trim_chrome(article.body, template.chrome) if article.body else article.body
    if body != article.body:
        changes["body"] = body
    title_is_chrome = bool(article.title) and _key(article.title) in template.chrome
    missing = [name for name in template.fields
               if changes.get(name, getattr(article, name)) in (None, "") or (name == "title" and title_is_chrome)]
    if missing:
        blocks = page_blocks(html)
        for name in missing:
            path = template.fields[name].path
            for node, text in blocks:
                if signature(node) == path:
                    value = _read_field(name, text, template)
                    if value not in (None, ""):
                        changes[name] = value
                        break
    if not changes:
        return article
    if "body" in changes:  # figures keep their spans: shift them by what was cut from the start
        cut = article.body.index(body)
        changes["indicators"] = [replace(i, start=i.start - cut, end=i.end - cut) for i in article.indicators
                                 if cut <= i.start and i.end <= cut + len(body)]
    return replace(article, **changes)
