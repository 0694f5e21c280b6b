"""Safe HTML building blocks shared by the pages.

Everything that comes from a crawled page is untrusted: it goes through ``esc`` (text and
attribute values) and ``safe_href`` (only http/https URLs become links).
"""
from __future__ import annotations

import re
from html import escape
from urllib.parse import urlencode, urlsplit

# Vietnamese UI strings, in one place so wording is easy to review and change.
TEXT = {
    "app": "govnews",
    "tagline": "Lưu trữ tin tức cổng thông tin điện tử",
    "nav_search": "Tìm kiếm",
    "nav_figures": "Số liệu",
    "nav_api": "API",
    "search_placeholder": "Nhập từ khoá, có thể gõ không dấu (vd: cai cach hanh chinh)",
    "search_button": "Tìm",
    "since": "Từ ngày",
    "until": "Đến ngày",
    "site": "Trang",
    "category": "Chuyên mục",
    "sort": "Sắp xếp",
    "sort_relevance": "Liên quan nhất",
    "sort_date": "Mới nhất",
    "filters": "Bộ lọc",
    "clear_filters": "Bỏ lọc",
    "facet_site": "Theo trang",
    "facet_year": "Theo năm",
    "results": "{total} kết quả",
    "results_for": "cho «{q}»",
    "elapsed": "({seconds} giây)",
    "no_results": "Không tìm thấy bài viết nào. Hãy thử từ khoá khác hoặc bỏ bớt bộ lọc.",
    "welcome": "Kho lưu trữ có {count} bài viết. Nhập từ khoá để tìm kiếm.",
    "welcome_documents": "Kho lưu trữ có {count} bài viết và {documents} văn bản đính kèm đã đọc. "
                         "Nhập từ khoá để tìm kiếm.",
    "home_latest": "Bài viết mới nhất",
    "home_sites": "Số bài theo trang",
    "prev": "« Trước",
    "next": "Sau »",
    "page_of": "Trang {page}/{pages}",
    "original": "Bài gốc",
    "archived": "Bản lưu trữ",
    "json": "JSON",
    "published": "Ngày đăng",
    "author": "Tác giả",
    "source": "Nguồn",
    "views": "Lượt xem",
    "site_name": "Cơ quan",
    "summary": "Tóm tắt",
    "fetched_at": "Ngày thu thập",
    "url": "Địa chỉ",
    "body": "Nội dung",
    "figures": "Số liệu trong bài",
    "no_figures": "Bài viết không có số liệu.",
    "attachments": "Tệp đính kèm",
    "images": "Hình ảnh",
    "fig_text": "Số liệu",
    "fig_value": "Giá trị",
    "fig_unit": "Đơn vị",
    "fig_kind": "Loại",
    "fig_label": "Chỉ tiêu",
    "fig_period": "Kỳ",
    "fig_article": "Bài viết",
    "fig_chart": "Biểu đồ",
    "fig_query": "Tìm số liệu (vd: hồ sơ, lúa, thu ngân sách)",
    "fig_any_kind": "Mọi loại",
    "fig_unit_placeholder": "vd: ha, %, đồng",
    "fig_count": "{count} số liệu",
    "fig_truncated": "Hiển thị {shown} số liệu đầu tiên; tải CSV để có đầy đủ.",
    "fig_none": "Không có số liệu phù hợp.",
    "csv": "Tải CSV",
    "chart_title": "Diễn biến «{label}» ({unit})",
    "chart_none": "Chưa có số liệu nào cùng chỉ tiêu này để vẽ biểu đồ.",
    "chart_hint": "Chọn «Biểu đồ» ở một dòng để xem cùng chỉ tiêu qua các kỳ và các trang.",
    "archive_banner": "Bản lưu trữ của {url}, thu thập ngày {date}. Script trong trang đã bị vô hiệu hoá.",
    "archive_open": "Mở toàn trang",
    "back_to_article": "« Quay lại bài viết",
    "not_found": "Không tìm thấy trang hoặc bài viết này.",
    "bad_request": "Yêu cầu không hợp lệ",
    "server_error": "Có lỗi xảy ra trên máy chủ.",
    "estimate": "ước",
    # documents (attachments read: PDF, Word, Excel, scans)
    "documents": "Văn bản đính kèm đã đọc",
    "document": "Văn bản",
    "doc_number": "Số",
    "doc_kind": "Loại văn bản",
    "doc_issuer": "Cơ quan ban hành",
    "doc_place": "Nơi ban hành",
    "doc_date": "Ngày ban hành",
    "doc_subject": "Trích yếu",
    "doc_signer": "Người ký",
    "doc_pages": "Số trang",
    "doc_format": "Định dạng",
    "doc_article": "Bài viết",
    "doc_original": "Tệp gốc",
    "doc_download": "Tải tệp lưu trữ",
    "doc_text": "Nội dung theo trang",
    "doc_page": "Trang {n}",
    "doc_page_short": "tr. {n}",
    "doc_pages_col": "Trang",
    "doc_figures": "Số liệu trong văn bản",
    "doc_no_figures": "Văn bản không có số liệu.",
    "doc_empty_page": "Trang này không có chữ.",
    "doc_page_pending": "Trang quét chưa được nhận dạng: OCR chưa đọc trang này (chạy «govnews ocr --data THƯ_MỤC»).",
    "doc_pending": "{count} trang là bản quét chưa được nhận dạng (OCR). Chạy «govnews ocr --data THƯ_MỤC» để đọc.",
    "doc_pending_short": "{count} trang chờ OCR",
    "doc_error": "Không đọc được tệp: {error}",
    "doc_warnings": "Lưu ý khi đọc",
    "doc_confidence": "độ tin cậy OCR {percent}%",
    "doc_hit": "Văn bản đính kèm",
    "doc_in_article": "trong bài",
    "documents_only": "Chỉ tìm trong văn bản đính kèm",
}

# How the text of a document page was read (Document page ``method``).
METHOD_LABELS = {
    "text": "Lớp chữ của tệp",
    "ocr": "Nhận dạng OCR",
    "converted": "Chuyển mã TCVN3/VNI sang Unicode",
    "none": "Chưa đọc",
}

# Labels for Indicator.kind values.
KIND_LABELS = {
    "count": "Số lượng",
    "percent": "Tỷ lệ (%)",
    "ratio": "Tỉ số (x/y)",
    "money": "Tiền",
    "measure": "Đo lường",
}

_SAFE_SCHEMES = ("http", "https")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")


def esc(value: object) -> str:
    """Text or attribute value -> HTML-escaped (quotes included); None -> ""."""
    return escape("" if value is None else str(value), quote=True)


def safe_href(url: object) -> str | None:
    """An absolute http(s) URL, or None: javascript:, data:, relative and odd URLs never become links."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return None
    if any(ch in url for ch in "\r\n\t\x00"):
        return None
    return url


def external_link(url: object, text: object, css: str = "") -> str:
    """A link to a crawled URL (opened without referrer), or the escaped text when the URL is unsafe."""
    href = safe_href(url)
    if href is None:
        return f'<span class="{esc(css)}">{esc(text)}</span>' if css else esc(text)
    cls = f' class="{esc(css)}"' if css else ""
    return f'<a{cls} href="{esc(href)}" rel="noopener noreferrer nofollow">{esc(text)}</a>'


def query_string(params: dict[str, object]) -> str:
    """URL query for a local link, dropping empty values (escape it with ``esc`` inside href)."""
    return urlencode({k: str(v) for k, v in params.items() if v not in (None, "")})


def local_href(path: str, params: dict[str, object] | None = None) -> str:
    """An escaped href to one of our own pages."""
    qs = query_string(params or {})
    return esc(f"{path}?{qs}" if qs else path)


def format_date(iso: object) -> str:
    """'2023-08-18T16:01:00+07:00' -> '18/08/2023 16:01'; '2023-08-18' -> '18/08/2023'."""
    if not isinstance(iso, str):
        return ""
    m = _ISO_DATE.match(iso)
    if not m:
        return iso
    year, month, day, hour, minute = m.groups()
    date = f"{day}/{month}/{year}"
    return f"{date} {hour}:{minute}" if hour else date
