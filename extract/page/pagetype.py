"""Page type: "listing" (category pages, search results, home pages), "other" (errors, contact and
static pages) or None, an article candidate whose body then decides."""
from __future__ import annotations

from urllib.parse import urlsplit

from extract import portal_vocab as V
from extract.page.container import ARTICLE_MIN_CHARS, count_teasers, first_text_link, has_prose, leads_with_link
from extract.page.dom import BLOCK_TAGS, CELL_TAGS, is_inside, text_len
from extract.page.lines import norm
from extract.page.published import pick_date
from extract.page.zones import info_zone
from extract.textnorm import clean_line

# A repeated box counts as a teaser when it holds a link with a headline's length of text.
ITEM_LINK_MIN_CHARS = 20
# A teaser box brings a summary of at least this much text after its headline link.
TEASER_SUMMARY_MIN_CHARS = 40

# A data grid (a CMS list view: Title / Created By / Published / … columns) has this many column headers;
# layout tables and figure tables in articles have none or a few.
LIST_VIEW_MIN_COLUMNS = 5
# An error message ("Bài viết không tồn tại") is read at the start of the main text only.
ERROR_TEXT_SAMPLE = 2000


def classify(page) -> str | None:
    """The page's type as far as its address, its headline and the shape of its main block tell."""
    kind = url_page_type(page.url)
    if kind:
        return kind
    head_text = " ".join(filter(None, [page.doc_title, page.meta_title]))
    main_text = clean_line(page.container.text_content()) if page.container is not None else page.page_text
    if V.ERROR_PHRASES.search(head_text) or V.ERROR_PHRASES.search(main_text[:ERROR_TEXT_SAMPLE]) \
            or (page.container is None and V.ERROR_PHRASES.search(page.page_text)):
        return "other"
    if page.title and V.OTHER_TITLES.match(page.title):
        return "other"
    if page.title and V.LISTING_TITLES.match(page.title) and not page.trusted:
        return "listing"  # a calendar or search page; a single item titled so ("Lịch công tác tuần 25") is not
    if _listing_shape(page):
        return "listing"
    missing = page.container is not None and not page.trusted and headline_missing(page.title)
    return "other" if missing else None


def headline_missing(title: str | None) -> bool:
    """No headline of its own: the page's title is only the portal's name, a section name or "Home"
    (a category or landing page whose text is the template's). A news item always shows its headline."""
    title = (title or "").strip()
    return not title or bool(
        V.HOME_CRUMBS.match(title) or V.SECTION_NAMES.match(title) or V.PORTAL_TITLE.match(title))


def _listing_shape(page) -> bool:
    """Teasers (headline links to other pages) where the article text would be."""
    root, container, body_el = page.root, page.container, page.body_el
    if container is None:
        return body_el is not None and (
            count_teasers(root, None) >= V.LISTING_MIN_TEASERS
            or (teaser_items(body_el) >= min_items(root) and not has_prose(body_el)))
    if in_list_view(container):
        return True
    if page.trusted:
        return False
    if text_len(container) < ARTICLE_MIN_CHARS and count_teasers(root, container) >= V.LISTING_MIN_TEASERS \
            and not headed_item(page.title_el, container, page.order):
        return True
    return not has_prose(container) and (count_teasers(container, None) >= V.LISTING_MIN_TEASERS_INSIDE
                                         or teaser_items(container) >= min_items(root))



def teaser_items(container) -> int:
    """The longest run of sibling boxes of one kind (tag and class) that each lead with a headline link."""
    best = 0
    for parent in container.iter():
        groups: dict = {}
        for child in parent:
            if not isinstance(child.tag, str) or child.tag in ("a", "br", "span"):
                continue
            link = next((a for a in child.iter("a") if len(clean_line(a.text_content())) >= ITEM_LINK_MIN_CHARS
                         and not V.ATTACHMENT_EXT.search(a.get("href") or "")), None)
            if link is not None:
                key = (child.tag, child.get("class"))
                groups[key] = groups.get(key, 0) + 1
        best = max([best, *groups.values()])
    return best


def min_items(root) -> int:
    """Repeated teaser boxes needed to call a page a listing: fewer when the page has page links."""
    paged = any(V.PAGINATION_CLASS.search(el.get("class")) for el in root.xpath("//*[@class]"))
    return V.LISTING_MIN_ITEMS_PAGED if paged else V.LISTING_MIN_ITEMS


def url_page_type(url: str | None) -> str | None:
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


def headed_item(title_el, container, order) -> bool:
    """A headline, then a dateline, then the body, with no headline link between: one news item,
    however short its text (a listing's teasers each bring their own headline link)."""
    info, zone_els = info_zone(title_el, container, order)
    if any(el.tag == "a" and len(clean_line(el.text_content())) >= V.TEASER_MIN_CHARS for el in zone_els):
        return False
    return pick_date(info) is not None


def teaser_texts(body_el, own_titles: list[str]) -> list[str]:
    """The (normalised) texts of teaser boxes: a headline link to another page, then its summary."""
    out = []
    for el in body_el.iter() if body_el is not None else ():
        if (el.tag not in BLOCK_TAGS and el.tag not in CELL_TAGS) or not leads_with_link(el, own_titles):
            continue
        n = norm(el.text_content())
        if len(n) > len(norm(first_text_link(el).text_content())) + TEASER_SUMMARY_MIN_CHARS:
            out.append(n)
    return out


def in_list_view(container) -> bool:
    """Whether the text block sits in a list view's row (a SharePoint list embedded in a category page): the
    page lists items, whatever one item's cell holds. Tables inside the block (an article's figures) do not count."""
    table = next(container.iterancestors("table"), None)
    if table is None:
        return False
    columns = max((len(row.findall("th")) for row in table.iter("tr") if not is_inside(row, container)), default=0)
    return columns >= LIST_VIEW_MIN_COLUMNS
