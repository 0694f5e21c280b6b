"""Classifiers of single lines of text: chrome, names and bylines, units, datelines ("info-like" lines)."""
from __future__ import annotations

import re

from extract import portal_vocab as V
from extract.dates import find_dates
from extract.page.dom import WS
from extract.textnorm import clean_line

# A dateline, counter or byline line is short; a longer line is a sentence of the article.
MAX_INFO_LINE_CHARS = 200
# A heading such as "Tin liên quan" is short; a longer line that starts so is text.
MAX_HEADING_CHARS = 60
# A byline name: a person's name with a title or unit ("CTV Phương Liên (Trung tâm TT&VH)"); relaxed
# where the layout marks the line as a byline (right-aligned, bold, an author element).
MAX_NAME_CHARS = 70
MAX_NAME_CHARS_RELAXED = 90
MAX_NAME_WORDS = 6
MAX_NAME_WORDS_RELAXED = 9
# Vietnamese text: at least one letter in a hundred is a Vietnamese-only letter (ă, ơ, ư, đ, tones).
LANGUAGE_SAMPLE_CHARS = 3000
VIETNAMESE_LETTER_EVERY = 100
MIN_VIETNAMESE_LETTERS = 5
DIGITS = re.compile(r"\d")
SEGMENT_SPLIT = re.compile(r"\s{2,}|\s*[|•·]\s*|\s+[-–—]\s+|\n")
STRONG_SPLIT = re.compile(r"\s{2,}|\s*[|•·]\s*|\n")
PAREN = re.compile(r"\([^)]*\)")
DASH = re.compile(r"\s+[-–—]\s+")
INT = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$|^\d+$")


def norm(s: str | None) -> str:
    return WS.sub(" ", (s or "").casefold()).strip(" .:-–|")


def is_vietnamese(text: str) -> bool:
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    wanted = max(MIN_VIETNAMESE_LETTERS, len(sample) // VIETNAMESE_LETTER_EVERY)
    return len(V.VIETNAMESE_LETTERS.findall(sample)) >= wanted


def is_chrome(text: str) -> bool:
    """A line of page chrome: "Chia sẻ", "Quay lại | In bài", "Số lượt truy cập: 794"."""
    if len(text) > V.MAX_CHROME_CHARS:
        return False
    if V.CHROME_LINES.match(text) or V.TOOL_LINE.match(text):
        return True
    parts = [p for p in re.split(r"\s*[|•]\s*", text) if p.strip()]
    return len(parts) > 1 and all(V.CHROME_LINES.match(p) for p in parts)


def looks_like_name(s: str, relaxed: bool = False) -> bool:
    """A byline as portals print it: "Hà Trinh", "NGUYỄN TUYỀN", "CTV Phương Liên", "Mai Thắm (Trung tâm TT&VH)"."""
    s = s.strip(" .,;:|-–—\t")
    if not 2 <= len(s) <= (MAX_NAME_CHARS_RELAXED if relaxed else MAX_NAME_CHARS):
        return False
    if is_chrome(s) or V.RELATED_HEADINGS.match(s) or V.PHOTO_CREDIT.match(s) or V.SIGNER_LABEL.match(s) \
            or V.INTERFACE_TEXT.match(s) or V.EDITOR_PLACEHOLDER.match(s) or V.ACCOUNT_NAMES.match(s):
        return False
    base = PAREN.sub(" ", s).strip()
    if not base or DIGITS.search(base) or any(c in base for c in ":;!?\"“”") or ". " in base.rstrip("."):
        return False
    words = [w for w in re.split(r"[\s,]+", base) if w]
    content = [w for w in words if w.lower() not in V.NAME_CONNECTORS]
    if not content or len(content) > (MAX_NAME_WORDS_RELAXED if relaxed else MAX_NAME_WORDS):
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


def is_unit(s: str) -> bool:
    """An organisation's name as printed under an article: "Chi cục Thủy sản", "Trạm Y tế xã Long Sơn",
    "Công chức Văn hóa – Xã hội". Starts with a unit word, is short, holds no digits, no sentence
    punctuation and no verb or function word, and names something (a second capitalised word)."""
    s = s.strip(" \t")
    if not 4 <= len(s) <= V.MAX_UNIT_BYLINE_CHARS or not V.BYLINE_UNIT.match(s + " "):
        return False
    base = PAREN.sub(" ", s).strip()
    if DIGITS.search(base) or any(c in base for c in ".:;!?\"“”…") or V.SENTENCE_WORDS.search(base):
        return False
    words = [w for w in re.split(r"[\s,]+", base) if w and w.lower() not in V.NAME_CONNECTORS]
    if len(words) > V.MAX_UNIT_BYLINE_WORDS:
        return False
    return sum(1 for w in words if w[0].isupper()) >= 2 and not is_chrome(s)


def as_byline(text: str, relaxed: bool = False, units: bool = True) -> str | None:
    """The byline as printed when text is one: a name, a name followed by the writer's unit, or a unit."""
    if looks_like_name(text, relaxed):
        return clean_name(V.UNIT_INITIALS.sub("", clean_line(text)))
    m = re.match(r"^(?P<name>[^,–—-]{2,40}?)\s*(?:\s[-–—]\s|,)\s*(?P<unit>.{2,70})$", text)
    if m and looks_like_name(m.group("name")) and V.BYLINE_UNIT.match(m.group("unit") + " ") \
            and not V.SENTENCE_WORDS.search(m.group("unit")):
        return clean_name(text)
    if units and is_unit(text):
        return clean_name(text)
    return None


def clean_name(s: str) -> str:
    return clean_line(s).strip(" .,;:|-–—")


def author_value(s: str) -> str | None:
    """The name from a byline with a label ("Tác giả: …", "Tin, ảnh: …", "Đăng bởi …"), or None."""
    m = V.AUTHOR_LABEL.match(s)
    if not m:
        return None
    value = re.split(r"\s*[|•]\s*", clean_name(m.group("value") or m.group("value2") or ""))[0]
    value = clean_name(V.CREDIT_AFTER_NAME.sub("", value))
    if not value or V.ACCOUNT_NAMES.match(value) or V.PORTAL_NAME_WORDS.search(value + " "):
        return None
    if m.group("value2") and not looks_like_name(value, relaxed=True):
        return None  # "Bởi vì thời tiết xấu, …" is a sentence, not "bởi <name>"
    return value


def info_like(text: str) -> bool:
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
    rest = V.VIEWS_AFTER_NUMBER.sub("  ", V.VIEWS_LABELED.sub("  ", rest))
    rest = V.DATELINE_WORDS.sub("  ", V.WEEKDAY.sub("  ", rest))
    for seg in SEGMENT_SPLIT.split(rest):
        seg = strip_segment(clean_line(seg).strip(" -–—|,.:"))
        if seg and not INT.match(seg) and not is_chrome(seg) and not author_value(seg) \
                and not V.AUTHOR_FIELD.match(seg) and not V.SECTION_NAMES.match(seg) \
                and not V.SOURCE_LABEL.match(seg) and not V.CATEGORY_LABEL.match(seg) and not looks_like_name(seg):
            return False
    return True


def strip_segment(seg: str) -> str:
    seg = seg.strip(" ,")
    while seg.startswith("(") and seg.endswith(")"):
        seg = seg[1:-1].strip(" ,")
    if seg.count("(") != seg.count(")"):
        seg = seg.strip("()").strip(" ,")
    return seg


def site_counter(text: str) -> bool:
    """Whether text shows a site-wide counter (an article's own "Lượt truy cập: 45" does not count)."""
    return bool(V.SITE_COUNTER.search(V.ARTICLE_HITS.sub(" ", text)))


def to_int(s: str) -> int | None:
    digits = re.sub(r"[.,\s]", "", s or "")
    return int(digits) if digits.isdigit() else None
