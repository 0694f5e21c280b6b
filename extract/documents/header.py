"""Metadata of a Vietnamese administrative document from its header block and its signature block.

Every such document (Decree 30/2020/NĐ-CP lays the layout down) opens with two columns: the issuer on the left
("UBND HUYỆN KRÔNG NÔ", its number "Số: 237/TB-UBND" and, for a letter, "V/v …" under it), the national motto
on the right ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc") above place and date
("Krông Nô, ngày 20 tháng 5 năm 2019"); then the kind in capitals (THÔNG BÁO, QUYẾT ĐỊNH …) with the subject
under it; it ends with the signer's title ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") above the name. Text layers and OCR
put the two columns in either order, on one line or on several, so each element is found by its own shape,
matched on letters without diacritics (what OCR gets wrong most), and read back from the original text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# The kinds of administrative documents (Decree 30/2020, appendix III) as printed in the header.
DOCUMENT_KINDS: tuple[str, ...] = (
    "NGHỊ QUYẾT", "QUYẾT ĐỊNH", "CHỈ THỊ", "QUY CHẾ", "QUY ĐỊNH", "THÔNG CÁO", "THÔNG BÁO", "HƯỚNG DẪN",
    "CHƯƠNG TRÌNH", "KẾ HOẠCH", "PHƯƠNG ÁN", "ĐỀ ÁN", "DỰ ÁN", "BÁO CÁO", "BIÊN BẢN", "TỜ TRÌNH", "HỢP ĐỒNG",
    "CÔNG VĂN", "CÔNG ĐIỆN", "BẢN GHI NHỚ", "BẢN THỎA THUẬN", "GIẤY ỦY QUYỀN", "GIẤY MỜI", "GIẤY GIỚI THIỆU",
    "GIẤY NGHỈ PHÉP", "PHIẾU GỬI", "PHIẾU CHUYỂN", "PHIẾU CHUYỂN ĐƠN", "PHIẾU BÁO", "THƯ CÔNG", "KẾT LUẬN",
    "LỊCH CÔNG TÁC", "LỊCH TIẾP CÔNG DÂN", "DANH SÁCH", "LUẬT", "NGHỊ ĐỊNH", "THÔNG TƯ", "GIẤY TRIỆU TẬP",
)
# The abbreviation of the kind inside the number ("237/TB-UBND"); a number with none is a letter (công văn).
KIND_CODES: dict[str, str] = {
    "NQ": "NGHỊ QUYẾT", "QĐ": "QUYẾT ĐỊNH", "CT": "CHỈ THỊ", "QC": "QUY CHẾ", "TC": "THÔNG CÁO",
    "TB": "THÔNG BÁO", "HD": "HƯỚNG DẪN", "CTr": "CHƯƠNG TRÌNH", "KH": "KẾ HOẠCH", "PA": "PHƯƠNG ÁN",
    "ĐA": "ĐỀ ÁN", "DA": "DỰ ÁN", "BC": "BÁO CÁO", "BB": "BIÊN BẢN", "TTr": "TỜ TRÌNH", "HĐ": "HỢP ĐỒNG",
    "CĐ": "CÔNG ĐIỆN", "GM": "GIẤY MỜI", "GGT": "GIẤY GIỚI THIỆU", "PG": "PHIẾU GỬI", "PC": "PHIẾU CHUYỂN",
    "KL": "KẾT LUẬN", "NĐ": "NGHỊ ĐỊNH", "TT": "THÔNG TƯ", "QH": "LUẬT",
}
# Words of the signer's title; "KT." (ký thay), "TM." (thay mặt), "TL.", "TUQ.", "Q." prefix a delegation.
SIGNER_TITLES: tuple[str, ...] = (
    "chu tich", "giam doc", "truong ban", "truong phong", "chanh van phong", "bi thu", "thu truong",
    "truong", "pho", "tm.", "kt.", "tl.", "tuq.", "q.", "chanh an", "vien truong", "hieu truong", "tong cuc truong",
)
# Titles as printed under "KT." / "TM." / "TL.": OCR's misreadings ("CHU TỊCH", "GIÁM ĐÓC") are mended to them.
SIGNER_POSITIONS: tuple[str, ...] = (
    "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG",
    "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "BÍ THƯ", "PHÓ BÍ THƯ",
    "ỦY BAN NHÂN DÂN", "THƯỜNG TRỰC HĐND", "CHÁNH THANH TRA", "CHÁNH ÁN", "VIỆN TRƯỞNG",
)
# Vietnamese family names (and the "Y", "H'" and "K'" that open names of the Central Highlands' peoples): a
# signer's name starts with one, which tells it from "Huyện ủy" or an OCR fragment in the seal.
FAMILY_NAMES: frozenset[str] = frozenset((
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo",
    "duong", "ly", "cao", "dinh", "luong", "mai", "truong", "to", "lam", "doan", "ha", "ta", "trieu", "vuong",
    "chu", "dao", "kieu", "luu", "thai", "tang", "quach", "la", "lai", "lu", "nong", "luc", "kim", "tong",
    "thach", "son", "danh", "ma", "quan", "van", "ong", "khuat", "trinh", "giang", "au", "dam", "diep", "tieu",
    "y", "h'", "k'", "ksor", "rmah", "nie", "mlo", "bya", "hoa", "nghiem", "phung", "than", "tu", "yen",
))
# Long names printed in full in the header, shortened the way the portals and people write them.
# (matched without diacritics: OCR reads "UỶ" as "UÝ", "ĐỒNG" as "ĐÔNG")
ISSUER_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    (r"u\s*y\s*ban\s+nhan\s+dan", "UBND"),
    (r"hoi\s+dong\s+nhan\s+dan", "HĐND"),
)
SIGNATURE_PAGES = 4  # the signature is on the last page, or before a few pages of attachments
# Lines that end the subject: the body begins.
SUBJECT_ENDS: tuple[str, ...] = (
    "can cu", "kinh gui", "thuc hien", "theo ", "ngay ", "de ", "dieu ", "chuong ", "phan ", "i.", "1.", "a.",
    "chu tich", "uy ban nhan dan", "hoi dong nhan dan", "giam doc", "truong ban", "trong ", "qua ", "tai ",
)


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return "d" if base in "đð" else base if len(base) == 1 else ch.lower()


# One character for one: offsets in the folded text hold in the original.
_FOLD = {c: _fold_char(chr(c)) for c in range(0x80, 0x1F00) if _fold_char(chr(c)) != chr(c)}


def fold(text: str) -> str:
    """Lower case without diacritics, one character for one ("Đắk Nông" -> "dak nong")."""
    return text.translate(_FOLD).lower()


_MOTTO = re.compile(r"c[o0]ng\s*h[o0]a\s*x[a4]\s*h[o0]i\s*ch[u]\s*ngh[il1]a(?:[^\n]{0,8}?nam(?![a-z]))?\W*"
                    r"|d[o0]c\s*l[a4]p\s*\W{0,3}\s*t[u]\s*d[o0]\s*\W{0,3}\s*h[a4]nh\s*ph[u]c")
# "Số: 237/TB-UBND"; a handwritten number OCR cannot read leaves a few stray marks before the "/".
_NUMBER = re.compile(r"(?<![a-z])s[o06]\s*[:;.,]?\s*[:;.,]?\s*(?:(\d[\d.]*)(?=\s*/)|[^\s/]{0,6})\s*/{1,2}\s*"
                     r"((?:\d{4}\s*/\s*)?[a-z][\w&.-]*(?:\s*-\s*[a-z][\w&.]*)*)")
# A day or month written by hand is often blank or unreadable: only a clean number counts.
_DATE = re.compile(r"ngay\s*(?:(\d{1,2})(?=\s)|[^\n]{0,6}?)\s*thang\s*(?:(\d{1,2})(?=[\s,.])|[^\n]{0,6}?)"
                   r"\s*[,.]?\s*nam\s*(\d{4})")
_VV = re.compile(r"(?<![a-z])(?:v\s*/\s*v|ve\s+viec)\s*[:.]?\s+")
_NAME_WORD = re.compile(r"[A-ZĐÀ-Ỹ][a-zđà-ỹ]+")


@dataclass
class Header:
    issuer: str | None = None
    number: str | None = None
    place: str | None = None
    date: str | None = None
    kind: str | None = None
    subject: str | None = None
    signer: str | None = None
    position: str | None = None


def parse_header(first_page: str, pages: list[str] | None = None, filename: str | None = None) -> Header:
    """The header of ``first_page``; the signature searched from the last of ``pages`` back (a letter's
    attachments, a citizen's petition, come after its signature); the number completed from ``filename``."""
    lines = [ln.strip() for ln in first_page.split("\n")][:60]
    header = Header()
    number_line = date_line = kind_line = None
    for i, line in enumerate(lines):
        folded = fold(line)
        if header.number is None and number_line is None and (m := _NUMBER.search(folded)):
            number_line = i
            code = re.sub(r"\s+", "", line[m.start(2):m.end(2)]).rstrip(".")
            header.number = number_from_name(code, filename) or _number(m.group(1), code)
            code_kind = _kind_from_number(code)
        if date_line is None and (m := _DATE.search(folded)):
            date_line = i
            header.date, header.place = _date(m), _place(line[:m.start()])
        if kind_line is None and (kind := _kind_line(line)):
            kind_line, header.kind = i, kind
            break
    if header.kind is None and number_line is not None:
        header.kind = code_kind
    if header.kind is None and any(_VV.match(fold(line)) for line in lines[:25]):
        header.kind = "CÔNG VĂN"  # a letter: "V/v …" under the number and no kind printed
    header.issuer = _issuer(lines[: min(x for x in (number_line, date_line, kind_line, 12) if x is not None)])
    header.subject = _subject(lines, kind_line)
    pages = pages or [first_page]
    # the last pages first; then the first page: a decision signed there, its regulation attached after it
    for text in [*reversed(pages[-SIGNATURE_PAGES:]), *pages[:1]]:
        header.signer, header.position = _signature(text)
        if header.signer:
            break
    return header


def _number(digits: str | None, code: str) -> str | None:
    if not digits:
        return None  # "Số:    /TB-UBND": the number is written by hand after signing
    return f"{digits.strip('.')}/{code}"


def number_from_name(code: str, filename: str | None) -> str | None:
    """The number from the file's name when it starts the way the header's code does: portals name
    attachments by number ("237-TB-UBND-kết quả….pdf", "103-BTCD_chuyển đơn….pdf"), and the number in the
    header is often handwritten, which OCR cannot read."""
    if not filename:
        return None
    first = fold(re.split(r"[-/]", code)[0])
    for m in re.finditer(r"(?<![\w])(\d{1,5})[-_ ]+([^\W\d_]+)", filename.rsplit("/", 1)[-1]):
        if fold(m.group(2)) == first:
            return f"{int(m.group(1))}/{code}"
    return None


def _kind_from_number(code: str) -> str | None:
    parts = re.split(r"[/-]", re.sub(r"\s+", "", code))
    parts = [p for p in parts if p and not p.isdigit()]
    if len(parts) >= 2 and parts[0] in KIND_CODES:
        return KIND_CODES[parts[0]]
    if len(parts) >= 2 and parts[0].upper() in {k.upper() for k in KIND_CODES}:
        return next(v for k, v in KIND_CODES.items() if k.upper() == parts[0].upper())
    return "CÔNG VĂN" if parts else None  # "808/UBND-VP": an agency's letter carries no kind code


def _date(m: re.Match) -> str | None:
    day, month, year = (int(g) if g else None for g in m.groups())
    if not 1900 <= year <= 2100:
        return None
    if not 1 <= (month or 0) <= 12:
        return f"{year:04d}"
    if day and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}"  # a blank (or unreadable handwritten) day stays unknown


def _place(before: str) -> str | None:
    words = re.split(r"\s+", before.strip(" ,.;:-"))
    place = []
    for word in reversed(words):
        if not word or not word[0].isupper() or "/" in word or ":" in word or (len(word) > 2 and word.isupper()):
            break  # capitalised words only: "VIỆT NAM" or "/TB-UBND" before the place belong to the other column
        place.insert(0, word)
    return " ".join(place).strip(" ,.") or None if 0 < len(place) <= 5 else None


_FOLDED_KINDS = {fold(k): k for k in DOCUMENT_KINDS}


def _kind_line(line: str) -> str | None:
    """The kind when ``line`` is a kind printed alone (OCR noise: stray marks, one letter wrong)."""
    letters = re.sub(r"[^\w ]", " ", line)
    if sum(c.isupper() for c in letters) < 0.7 * max(1, sum(c.isalpha() for c in letters)):
        return None
    key = " ".join(fold(letters).split())
    if key in _FOLDED_KINDS:
        return _FOLDED_KINDS[key]
    for folded, kind in _FOLDED_KINDS.items():
        if len(folded) >= 7 and len(key) == len(folded) and sum(a != b for a, b in zip(key, folded)) <= 1:
            return kind
    return None


def _issuer(lines: list[str]) -> str | None:
    parts = []
    for line in lines:
        folded = fold(line)
        for m in reversed(list(_MOTTO.finditer(folded))):
            line = line[: m.start()] + "\n" + line[m.end():]
        for segment in line.split("\n"):
            segment = segment.strip(" _-—–=.:;,|")
            letters = [c for c in segment if c.isalpha()]
            if len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
                parts.append(segment)
    if not parts:
        return None
    issuer = " ".join(parts)
    for pattern, short in ISSUER_ABBREVIATIONS:
        for m in reversed(list(re.finditer(pattern, fold(issuer)))):
            issuer = issuer[: m.start()] + short + issuer[m.end():]
    return " ".join(issuer.split()).strip(" ()") or None


def _subject(lines: list[str], kind_line: int | None) -> str | None:
    for i, line in enumerate(lines[: (kind_line or 25) + 1]):
        if m := _VV.match(fold(line)):
            return _join(lines, i, m.end(), kind_line)
    if kind_line is None:
        return None
    start = kind_line + 1
    while start < len(lines) and not lines[start]:
        start += 1
    if start >= len(lines):
        return None
    m = _VV.match(fold(lines[start]))
    return _join(lines, start, m.end() if m else 0, None)


def _join(lines: list[str], i: int, offset: int, stop: int | None) -> str | None:
    """The subject starting at ``lines[i][offset:]``, continued over the next lines until the body starts."""
    parts = [lines[i][offset:].strip()]
    upper = _mostly_upper(parts[0])
    for line in lines[i + 1: i + 4]:
        folded = fold(line)
        if (not line or (stop is not None and lines.index(line) >= stop) or folded.startswith(SUBJECT_ENDS)
                or _MOTTO.search(folded) or _DATE.search(folded) or _mostly_upper(line) != upper
                or line.startswith(("-", "+", "*", "(")) or line.endswith((".", ";", ":")) or len(line) > 100):
            # a sentence (it ends with a stop) or a full-width line: the body has begun
            break
        parts.append(line)
    subject = " ".join(" ".join(parts).split()).strip(" .;:")
    return subject or None


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _signature(text: str) -> tuple[str | None, str | None]:
    """(signer's name, title) from the last lines: the title in capitals, the name under it; when the title
    is lost under the seal, the name closing the page after the "Nơi nhận:" (recipients) block."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()][-25:]
    found = _titled_signature(lines)
    if found[0] is None:
        recipients = [i for i, ln in enumerate(lines) if fold(ln).startswith(("noi nhan", "noi gui"))]
        if recipients:
            names = [name for ln in lines[recipients[-1] + 1:] if (name := _name(ln))]
            return (names[-1] if names else None), None
    return found


def _titled_signature(lines: list[str]) -> tuple[str | None, str | None]:
    for i in range(len(lines) - 1, -1, -1):
        if not _is_title(_title_part(lines[i])):
            continue
        start = i
        while start > 0 and _is_title(_title_part(lines[start - 1])):
            start -= 1
        names = [name for line in lines[i + 1: i + 8] if (name := _name(line))]
        if names:  # the name closes the signature block: the last one under the title
            return names[-1], " / ".join(_title_part(ln) for ln in lines[start: i + 1])
    return None, None


def _is_title(line: str) -> bool:
    if not _mostly_upper(line):
        return False
    folded = fold(line)
    return any(re.search(rf"(?<![a-z]){re.escape(t)}(?![a-z])", folded) for t in SIGNER_TITLES)


def _title_part(line: str) -> str:
    """A title line without the left column's text OCR put beside it ("Nơi nhận:", "- Như trên;")."""
    m = (re.search(r"(?<![A-Z])(?:KT|TM|TL|TUQ|Q)\s*\.\s*[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ &]+$", line)
         or re.search(r"[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ &]+$", line))
    part = " ".join((m.group(0) if m else line).split())
    prefix, _, title = part.rpartition(".") if re.match(r"(?:KT|TM|TL|TUQ|Q)\s*\.", part) else ("", "", part)
    key = fold(title.strip())
    for canonical in SIGNER_POSITIONS:
        folded = fold(canonical)
        if key == folded or len(key) >= 7 and len(key) == len(folded) and sum(a != b for a, b in zip(key, folded)) <= 1:
            return f"{prefix}. {canonical}" if prefix else canonical
    return part


def _name(line: str) -> str | None:
    """A person's name printed alone (or after the left column's last item): 2 to 5 capitalised words."""
    tail = re.split(r"[.;:,]\s*", line)[-1].strip()
    words = tail.split()
    if 2 <= len(words) <= 5 and all(_NAME_WORD.fullmatch(w) for w in words[1:]) and fold(words[0]) in FAMILY_NAMES:
        return " ".join(words)
    return None
