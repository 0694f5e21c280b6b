"""Vietnamese portal knowledge used by the article extractor, kept as tables.

Every phrase, label and CSS hint the extractor relies on lives here so that a
new portal family is supported by editing tables, not code. Patterns are
matched against NFC text, case-insensitively unless noted.
"""
from __future__ import annotations

import re

# --- where the article text lives, per CMS family (first match with enough text wins) ---
CONTENT_SELECTORS: tuple[tuple[str, str, int], ...] = (
    # (family, XPath, minimum characters). Markers that only ever wrap an article body are
    # trusted even when the body is a single line ("Chi tiết xem tệp đính kèm").
    ("nukeviet", "//*[@id='news-bodyhtml']", 1),
    ("nukeviet", "//*[contains(concat(' ', normalize-space(@class), ' '), ' bodytext ')]", 1),
    ("schema", "//*[@itemprop='articleBody']", 1),
    ("liferay", "//*[contains(@class, 'journal-content-article')]", 250),
    ("liferay", "//*[contains(@class, 'asset-full-content')]", 250),
    ("sharepoint", "//*[contains(@class, 'ms-rtestate-field')]", 250),
    ("sharepoint", "//*[contains(@class, 'ArticleContent') or contains(@class, 'article-content')]", 250),
    ("wordpress", "//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')]", 100),
    ("wordpress", "//*[contains(@class, 'post-content') or contains(@class, 'td-post-content')]", 250),
    ("newspaper", "//*[contains(@class, 'detail-content') or contains(@class, 'content-detail')"
                  " or contains(@class, 'detail__content') or contains(@class, 'article-body')"
                  " or contains(@class, 'article__body') or contains(@class, 'fck_detail')"
                  " or contains(@class, 'news-content') or contains(@class, 'noidung')"
                  " or contains(@class, 'chitiet') or @id='content_detail' or @id='divContent']", 250),
)

# A "body" that is mostly link text is a menu or a list of articles.
MAX_CONTAINER_LINK_SHARE = 0.5
# A match inside a larger match of the same selector replaces it when it holds this share of its text.
INNER_CONTAINER_SHARE = 0.6

# class/id fragments of blocks that are never article text: menus, counters, related lists, sharing...
BOILERPLATE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|sidebar(?!-?\d)|side-bar|footer|banner|counter|thong-?ke|"
    r"statistic|visitor|related|jp-relatedposts|relatedposts|related-?posts|tin-?khac|other-?news|othernews|tinlienquan|tin-lien-quan|lienquan|"
    r"news-?other|share|social|sharing|addthis|comments?|binh-?luan|feedback|tags?|keywords?|rating|"
    r"print|toolbar|tools|advert|ads|quang-?cao|widget|search|pagination|paging|back-?top|"
    r"portlet-navigation|font-?size|cochu|datetime-?today|today|current-?time|time-?now|clock|marquee|"
    r"weather)(?:$|[\s_-])",
    re.I,
)
# The part of the above that never holds the article's date, views or byline either (sharing
# bars and tool boxes often do, so they are searched for metadata).
HARD_BOILERPLATE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|sidebar(?!-?\d)|footer|banner|counter|thong-?ke|statistic|visitor|related|"
    r"tin-?khac|other-?news|othernews|tinlienquan|lienquan|comments?|binh-?luan|today|datetime-?today|"
    r"current-?time|time-?now|clock|marquee)(?:$|[\s_-])",
    re.I,
)

# The article's own footer (date, views, byline, print links), unlike the page footer, holds metadata.
ARTICLE_FOOTER_CLASS = re.compile(r"(?:article|entry|post|news|detail|content|tin|bai-?viet)[-_]?footer[\w-]*|"
                                  r"footer[-_]?(?:article|entry|post|news|detail|content|tin|bai-?viet)[\w-]*", re.I)

# Whole class/id tokens of page columns and boxes that never hold the article ("sidebar-1" on
# some newspapers is the main column, so only these exact shapes count).
FURNITURE_CLASS = re.compile(
    r"^(?:footer|site-footer|page-footer|footer-\w+|(?:col-|right-|left-)?sidebar(?:-(?:right|left))?|"
    r"banner|menu|main-menu|related|related-news|tin-?khac|tinkhac|other-?news|othernews|box-tinlienquan\w*|"
    r"widget-area|right-?col(?:umn)?|left-?col(?:umn)?)$",
    re.I,
)

# Tags that never hold article text.
DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
             "input", "select", "button", "textarea", "option", "canvas", "map")
STRUCTURAL_BOILERPLATE_TAGS = ("nav", "aside")

# Breadcrumb containers (the category comes from their last item).
BREADCRUMB_CLASS = re.compile(r"breadcrumb|duong-?dan|path-?way|navigation-?path", re.I)

# Elements that mark a lead/sapo paragraph.
SUMMARY_CLASS = re.compile(r"(?:^|[\s_-])(?:sapo|summary|lead|chapeau|hometext|news-?summary|"
                           r"description|desc|tom-?tat|trich-?yeu|abstract)(?:$|[\s_-])", re.I)
# Elements that mark the article title.
TITLE_CLASS = re.compile(r"(?:^|[\s_-])(?:title|tieu-?de|tieude|headline|news-?title|"
                         r"entry-title|post-title|asset-title|header-title|detail-title)(?:$|[\s_-])", re.I)
# Portlet/section headers that are never the article title (Liferay, NukeViet block titles).
PORTLET_TITLE_CLASS = re.compile(r"portlet-title|portlet-header|block-?title|module-?title|"
                                 r"widget-title|cat-?title|category-title|box-?title|title-?cat", re.I)
CAPTION_CLASS = re.compile(r"caption|chu[-_]?thich|chuthich|(?<![a-z])(?:image|img|photo|pic|anh)[-_]?(?:desc|note|text|title)|"
                           r"(?<![a-z])(?:desc|note)[-_]?(?:image|img|photo|pic|anh)(?![a-z])", re.I)
# Elements of the info zone that hold the dateline ("date-news", "post-date", "ngay-dang", "time").
DATE_CLASS = re.compile(r"(?:^|[\s_-])(?:date|dates|time|ngay|ngaydang|ngay-?dang|thoi-?gian|published|pubdate|"
                        r"created|post-?date|news-?date|date-?news|datetime|meta-?date)(?:$|[\s_-])", re.I)
VIEWS_CLASS = re.compile(r"(?:^|[\s_-])(?:views?|view-?count|hits?|luot-?xem|luotxem|read-?count)(?:$|[\s_-])", re.I)

# Headings after which everything in the article column is other articles (cut the body there).
RELATED_HEADINGS = re.compile(
    r"^(?:các\s+|những\s+)?(?:tin|bài(?:\s+viết)?)\s+(?:khác|liên quan|cùng chuyên mục|cùng loại|mới hơn|cũ hơn|"
    r"đã đưa|mới nhất|xem nhiều|đọc nhiều|nổi bật|cùng danh mục)\b.*$|^xem thêm:?$|^có thể bạn quan tâm|"
    r"^cùng chuyên mục$|^đọc thêm:?$|^bài viết cùng chủ đề$|^(?:có liên quan|liên quan|related(?: posts| articles)?)$|"
    r"^thích điều này:?$",
    re.I,
)

# A line inside the body that points to other news: the label, then a link ("Xem thêm: <headline>").
SEE_ALSO_LABEL = re.compile(r"^(?:xem thêm|đọc thêm|xem tiếp|tin liên quan|bài liên quan|tin cùng chủ đề|"
                            r"bài viết liên quan|>>|»)\s*[:：>»]*\s*(?=\S)", re.I)

# Whole lines that are page chrome, never article text (only lines up to MAX_CHROME_CHARS long).
MAX_CHROME_CHARS = 80
CHROME_LINES = re.compile(
    r"^(?:truy cập nội dung luôn|bỏ qua nội dung|chuyển đến nội dung|skip to (?:main )?content|"
    r"thống kê truy cập|số lượt truy cập.*|tổng số lượt xem.*|tổng lượt truy cập.*|đang truy cập.*|"
    r"đang online.*|lượt truy cập.*|hôm nay:?\s*\d[\d.,]*|chia sẻ|share|tweet|in bài(?: viết)?|bản in|"
    r"gửi email|gửi bài viết.*|quay lại|trở về|về đầu trang|lên đầu trang|cỡ chữ.*|font size.*|"
    r"đánh giá bài viết.*|ý kiến bạn đọc|bình luận|gửi bình luận|viết bình luận.*|"
    r"(?:từ khóa|từ khoá|tags?)\s*:.*|lượt xem\s*:?\s*[\d.,]*|xem\s*:?\s*[\d.,]+|"
    r"(?:a\s*){2,3}|[-|•·\s]+|facebook|zalo|twitter|linkedin|email|e-mail|print|in|rss|in trang|"
    r"xem thêm|gửi cho bạn bè|gửi tin|lưu bài(?: viết)?|đóng(?: cửa sổ)?|phản hồi|chi tiết)$",
    re.I,
)

# Print/share/back/top tool links. Portals print several of them on one line, separated by bars,
# slashes or only spaces ("In trang  Quay lại  Lên đầu trang"): such a line is chrome wherever it is.
TOOL_PHRASES = ("in bài viết", "in bài", "in trang", "in tin", "bản in", "gửi email", "gửi e-mail", "gửi bài viết",
                "gửi cho bạn bè", "gửi tin", "quay lại", "trở về", "trở lại", "về đầu trang", "lên đầu trang",
                "đầu trang", "chia sẻ", "lưu bài viết", "lưu tin", "xem thêm", "bình luận", "rss", "facebook",
                "zalo", "twitter", "linkedin", "email", "e-mail", "print", "share", "tweet", "top", "in")
TOOL_LINE = re.compile(
    r"^(?:(?:" + "|".join(sorted((re.escape(t) for t in TOOL_PHRASES), key=len, reverse=True))
    + r")(?![\wÀ-ỹ])[\s|•·/\-–]*)+$",
    re.I,
)

# --- page types ---
ERROR_PHRASES = re.compile(
    r"bài viết không tồn tại(?: hoặc đã bị xóa| hoặc đã bị xoá)?|nội dung không tồn tại|"
    r"trang (?:bạn (?:yêu cầu|tìm kiếm|truy cập) )?không tồn tại|không tìm thấy (?:trang|bài viết|nội dung)|"
    r"page not found|404 not found|lỗi 404|the requested url was not found",
    re.I,
)
# Pages that are neither articles nor lists of them: contact, about, site map, login.
OTHER_TITLES = re.compile(
    r"^(?:(?:thông tin )?liên hệ(?: với chúng tôi)?|contact(?: us)?|góp ý|hỏi đáp|giới thiệu|giới thiệu chung(?: về .{0,60})?|"
    r"about(?: us)?|sơ đồ (?:site|cổng|trang|website)|site ?map|đăng nhập|login|quản trị|"
    # Static information pages: the organisation, its duties, its leaders, how to reach it, procurement lists.
    r"(?:sơ đồ |cơ cấu )?tổ chức(?: bộ máy)?|cơ cấu tổ chức(?: bộ máy)?|bộ máy tổ chức|"
    r"chức năng(?:,| và)? nhiệm vụ(?:(?:,| và) quyền hạn)?(?: .{0,60})?|(?:ban )?lãnh đạo(?: (?:ủy ban|uỷ ban|ubnd|hđnd|"
    r"sở|cơ quan|đơn vị|huyện|xã|tỉnh|thành phố|phường|thị trấn|văn phòng|thanh tra tỉnh))?|"
    r"đường dây nóng|hotline|danh bạ(?: điện thoại| cơ quan)?|thông tin (?:mua sắm công|đấu thầu)|mua sắm công|"
    r"đấu thầu|hỏi đáp(?: trực tuyến)?|hỏi - đáp|câu hỏi thường gặp|faq|organi[sz]ation(?: chart)?|"
    r"functions(?: and duties)?|leaders(?:hip)?)$",
    re.I,
)
OTHER_PATH = re.compile(r"/(?:lien-?he|contact(?:-us)?|gop-?y|gioi-?thieu|so-?do-?(?:site|cong|trang|website)|sitemap|"
                        r"dang-?nhap|login|wp-login|authenticate|admin)(?:\.[a-z]+)?/?$", re.I)
# Short page names of searches, tag pages and work calendars (an article headline is longer).
LISTING_TITLES = re.compile(r"^(?:kết quả tìm kiếm|tìm kiếm|lịch công tác|lịch làm việc|(?:thẻ|tag|từ khóa)\s*:)"
                            r"[^.!?]{0,40}$", re.I)
# URL path shapes of listing pages: home, tags, search, calendars, category indexes, pagination.
LISTING_PATH = re.compile(
    r"^/?(?:(?:vi|en|web/guest|portal)/?)?(?:trang-?chu|home|index\.(?:php|html?|aspx))?/?$|"
    r"/(?:tag|tags|tu-khoa|search|tim-kiem|timkiem|lich-cong-tac|lich-lam-viec|calendar|su-kien-lich|"
    r"category|chuyen-muc|danh-muc)(?:/|\.|$)|/page/\d+/?$|/trang-\d+(?:\.html)?$|"
    r"/news/(?:[^/.]+/)?(?:page-\d+/?)?$|"  # NukeViet: /news/ and /news/<category>/ are indexes
    r"/(?:van-?ban|van-ban-chi-dao-dieu-hanh|laws|vbpq|vbpl)/?$",  # document registers
    re.I,
)
LISTING_QUERY = re.compile(r"(?:^|&)(?:q|s|keyword|key|tukhoa|search|query)=", re.I)
# Query parameters that name one article ("/?p=123", "index.php?option=com_content&view=article&id=12",
# "Default.aspx?newsid=55"): a home-page path with one of them is an article address.
ARTICLE_QUERY = re.compile(r"(?:^|&)(?:p|id|itemid|newsid|news_id|nid|cid|articleid|article_id|postid|post_id|"
                           r"tinid|idtin|bvid|sid|view=article|name=news&op)(?:=|&|$)|(?:^|&)op=[^&]*/", re.I)
# The last path segment of an article: a headline slug (six words or more) or a slug ending in an id.
# Categories are a few words ("kinh-te", "van-hoa-xa-hoi"), so the URL alone cannot call such a page a listing.
ARTICLE_SLUG = re.compile(r"/(?:[^/]*[-_]){5,}[^/]*/?$|/[^/]*[-_.]\d{3,}\.(?:html?|aspx|php)$", re.I)
# A listing shows many teasers: links with headline-length text.
TEASER_MIN_CHARS = 30
LISTING_MIN_TEASERS = 6
# Headline links inside the supposed article body that make it a list of articles instead.
LISTING_MIN_TEASERS_INSIDE = 5
# Repeated boxes (same tag and class) each holding a headline link: a list of articles.
LISTING_MIN_ITEMS = 3
LISTING_MIN_ITEMS_PAGED = 2
PAGINATION_CLASS = re.compile(r"pagination|paging|pager|phan-?trang|page-?iterator|page-?nav(?!igation)", re.I)
# A paragraph this long (outside links) is article text, which teaser summaries never are.
PROSE_MIN_CHARS = 250

# --- metadata labels in the lines near the title or after the body ---
AUTHOR_LABEL = re.compile(
    r"^\s*(?:tác giả(?: bài viết| bài)?|người viết|người thực hiện|nhóm phóng viên|bài(?:\s*(?:và|,|&)\s*ảnh)?|tin(?:\s*(?:và|,|&)\s*ảnh)?|"
    r"phóng viên|pv|đăng bởi|viết bởi|người đăng|posted by|written by|by|thực hiện)\s*[:：]\s*(?P<value>.+)$|"
    r"^\s*(?:đăng bởi|viết bởi|bởi|posted by|written by|by)\s+(?P<value2>.+)$",
    re.I,
)
# A labelled poster field in a dateline ("Người đăng: admin"): metadata whatever account it names.
AUTHOR_FIELD = re.compile(r"^\s*(?:tác giả|người đăng|người viết|đăng bởi|người cập nhật|biên tập viên|posted by)\s*[:：]",
                          re.I)
# A newspaper's name before its lead ("(Baoquangngai.vn)- Những ngày này, …"): a credit, not text.
LEAD_CREDIT = re.compile(r"^\s*\((?:[\w-]+\.)+(?:vn|com|net|org)\)\s*[-–—:]?\s*", re.I)
SOURCE_LABEL = re.compile(r"^\s*\(?(?:nguồn tin|nguồn|source)\s*[:：]\s*(?P<value>.+?)\)?[\s.]*$", re.I)
# A photo credit printed after the writer's name: "Tin: Hà Trinh; Ảnh: Minh Long", "Bài: A - Ảnh: B".
CREDIT_AFTER_NAME = re.compile(r"\s*[;,|–—-]?\s*\(?(?:ảnh|video|đồ họa|đồ hoạ|clip)\s*[:：].*$", re.I)
SOURCE_THEO = re.compile(r"^\s*\(?[Tt]heo\s+(?P<value>[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^.,;:]{1,60}?|"
                         r"[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|info))\)?\s*$")
PHOTO_CREDIT = re.compile(r"^\s*\(?(?:ảnh|ảnh minh họa|ảnh minh hoạ|ảnh minh hoạ|photo|video)\s*[:：].*$|"
                          r"^\s*\(?ảnh minh h[ọo]ạ?\)?\.?$", re.I)
SIGNER_LABEL = re.compile(r"^\s*(?:người ký|ký bởi|người duyệt|biên tập|ban biên tập)\s*[:：]", re.I)
# Words that may sit between or before the names of a byline: "Văn Thành và Thu Hương", "CTV Phương Liên".
NAME_CONNECTORS = frozenset(("và", "-", "–", "&", ",", "cùng"))
NAME_PREFIXES = frozenset(("ctv", "pv", "ths", "ts", "bs", "ks", "ls", "nhóm", "btv", "nsưt", "nsnd"))
# Labels of a posting time that CMS templates print ("Được đăng ngày" in Joomla, "Thời gian đăng", "Ngày tạo"),
# shared by the dateline tables below.
POSTED_LABELS = r"thời gian (?:đăng|cập nhật|xuất bản)(?: tin| bài)?|được đăng(?: vào)?(?: ngày| lúc)?|đăng vào(?: ngày| lúc)?|ngày tạo"
# The same labels on the English interface of bilingual portals ("Publish date: 20/07/2016 | 9:21 AM").
ENGLISH_DATE_LABELS = r"\bpublish(?:ed)? date\b|\bpost(?:ed)? date\b|\bdate posted\b|\bcreated date\b|\bdate\b"
# The label in front of a dateline.
DATELINE_LABEL = re.compile(r"^(?:" + POSTED_LABELS + r"|ngày đăng|"
                            r"đăng ngày|ngày xuất bản|cập nhật(?: lúc)?|ngày cập nhật|đăng lúc|"
                            r"thời gian|posted on|published)\s*:?\s*", re.I)

# A unit after the name in a byline: "Nguyễn Văn A - Phòng Văn hóa và Thông tin", "Thu Hà, TTVH-TT huyện".
BYLINE_UNIT = re.compile(
    r"^(?:phòng|trung tâm|ttvh|tt\s|ban\s|văn phòng|vp\s|ubnd|hđnd|ubmttq|mttq|sở\s|hội\s|đoàn\s|huyện\s|xã\s|"
    r"phường\s|thị trấn|đài\s|báo\s|chi cục|cục\s|trường\s|bệnh viện|công an|bch|ban chỉ huy|bộ chỉ huy|"
    r"đảng ủy|đảng uỷ|huyện ủy|huyện uỷ|thị ủy|thành ủy|tỉnh ủy|mặt trận|trạm\s|hạt\s|đội\s|tổ\s|chi bộ|"
    r"chi hội|chi đoàn|liên đoàn|công đoàn|hợp tác xã|htx\s|thanh tra|kho bạc|chi nhánh|bảo hiểm xã hội|bhxh|"
    r"ủy ban|uỷ ban|cơ quan|viện\s|công chức|cán bộ|viên chức|bộ phận|ngân hàng|quỹ\s|tòa án|toà án|"
    r"viện kiểm sát|chi cục thuế)",
    re.I,
)
# An organisation printed alone as the byline ("Chi cục Thủy sản", "Trạm Y tế xã Long Sơn") is a name,
# not a sentence: these lower-case words (verbs, auxiliaries, function words) only occur in sentences.
# Matched case-sensitively: an organisation capitalises its words ("Ban Chỉ đạo", "Ban Tổ chức").
SENTENCE_WORDS = re.compile(
    r"(?<![\wÀ-ỹ])(?:đã|sẽ|đang|được|bị|là|có|các|những|để|cho|này|đó|nhằm|nhưng|thì|mà|vào|ra|lên|với|"
    r"về|tại|theo|trong|khi|nếu|đến|từ|của|thông báo|tổ chức|triển khai|đề nghị|yêu cầu|thực hiện|phát biểu|"
    r"chủ trì|tham dự|kiểm tra|hướng dẫn|phối hợp|tuyên truyền|khuyến cáo|tiếp nhận|làm việc|trao|tặng|đạt|"
    r"tăng|giảm|chỉ đạo|báo cáo|cho biết|nhấn mạnh|ghi nhận|không|chưa|cần|phải)(?![\wÀ-ỹ])",
)
# Longest organisation byline (a sentence is longer).
MAX_UNIT_BYLINE_CHARS = 80
MAX_UNIT_BYLINE_WORDS = 14

# Editor/system accounts that RSS feeds and CMSes print as the "author".
ACCOUNT_NAMES = re.compile(r"^(?:(?i:admin\w*|ad min|administrator|super user|quản trị viên|quantri\w*|quan tri\w*|"
                           r"bientap\w*|btv\w*|editor\w*|webmaster|user\d*)|\S+@\S+|[a-z0-9_.]+)$")
# Interface text that looks like a name (two capitalised words) but is a button or a box heading.
INTERFACE_TEXT = re.compile(
    r"^(?:forgot(?:ten)? (?:your )?password\??|log ?in|log ?out|sign (?:in|up|out)|register|remember me|"
    r"(?:photo|video|image|picture) gallery|gallery|(?:photo|video) album|thư viện (?:ảnh|video|hình ảnh)|"
    r"đăng nhập|đăng ký|quên mật khẩu|tìm kiếm|search|home(?: ?page)?|menu|site ?map|contact us|about us|"
    r"liên kết (?:website|web)|web ?links?|useful links|quick links|read more|more news|other news)$", re.I)
# An editor's placeholder printed under every article ("Phó Ban biên tập", unaccented "Pho Ban bien tap"):
# not a byline, and not text.
EDITOR_PLACEHOLDER = re.compile(r"^(?:(?:phó|pho|trưởng|truong)\s+)?ban\s+bi[êe]n\s+t[ậa]p(?:\s+website)?$", re.I)
# "Danh mục: Tin tức" in a dateline box names the category.
CATEGORY_LABEL = re.compile(r"^\s*(?:danh mục|chuyên mục|chuyên mục tin|thể loại|category)\s*[:：]\s*(?P<value>.{2,80})$", re.I)
# Words that make a name an organisation/portal name rather than a byline from <meta name="author">.
PORTAL_NAME_WORDS = re.compile(
    r"cổng thông tin|trang thông tin|ủy ban|uỷ ban|ubnd|hđnd|báo\s|đài\s|sở\s|bộ\s|tỉnh\s|thành phố|"
    r"huyện\s|xã\s|phường\s|bản quyền|copyright|\.gov\.vn|\.vn\b|portal|website",
    re.I,
)

VIEWS_LABELED = re.compile(
    r"(?<![\w])(?<!tổng )(?:(?:lượt xem|lượt đọc|số lượt xem|số lượt đọc|số lần xem|số lần đọc|lần xem|lần đọc|"
    r"đã xem|đã đọc|lượt truy cập bài viết|view count|read count|views?|hits?|reads)\s*[:：]?|xem\s*[:：])\s*"
    r"(?P<n>\d[\d.,]*)",
    re.I,
)
VIEWS_AFTER_NUMBER = re.compile(r"(?<![\d:/.,])(?P<n>\d[\d.,]*)\s*(?:lượt xem|lượt đọc|lần xem|views?)\b", re.I)
# Joomla's Vietnamese "Hits": "Lượt truy cập: 45" in the article's own box counts its reads (the
# site's counters say "Tổng"/"Số lượt truy cập" or sit in a sidebar or footer).
ARTICLE_HITS = re.compile(r"(?<![\wÀ-ỹ])(?<!tổng )(?<!số )lượt truy cập\s*[:：]\s*(?P<n>\d[\d.,]*)", re.I)
# Site-wide counters: never the article's views.
SITE_COUNTER = re.compile(r"số lượt truy cập|tổng số lượt xem|tổng lượt xem|đang truy cập|tổng lượt truy cập|"
                          r"lượt truy cập|đang online|trực tuyến|hôm nay|hôm qua|tuần này|tháng này|"
                          r"thống kê", re.I)

# Labels before a date that mark it as not the publication date ("Lần cập nhật cuối (…)" is Joomla's
# modification date, printed under the article).
NOT_PUBLISHED_LABEL = re.compile(
    r"(?:hôm nay|ngày ban hành|ban hành|ngày hiệu lực|hiệu lực|ngày ký|ngày hết hiệu lực|hết hạn|"
    r"hạn chót|sửa đổi lần cuối|(?:lần )?(?:cập nhật|sửa đổi|chỉnh sửa|sửa) (?:lần )?cuối(?: cùng)?(?: vào| lúc| ngày)?|"
    r"ngày sinh|copyright|©)[^0-9]{0,25}$",
    re.I,
)
PUBLISHED_LABEL = re.compile(r"(?:" + POSTED_LABELS + r"|ngày đăng|"
                             r"đăng ngày|ngày xuất bản|xuất bản|đăng lúc|ngày cập nhật|cập nhật|"
                             r"posted|published|thời gian)\s*:?\s*$", re.I)

# Labels of the creation/posting date, preferred over an update date on the same page.
CREATED_LABEL = re.compile(POSTED_LABELS + r"|ngày đăng|đăng ngày|ngày xuất bản|đăng lúc|publish(?:ed)? date|post(?:ed)? date",
                           re.I)
# Blocks in which a CMS lists the article's metadata (date, writer, hits, category), even inside the body box.
META_BLOCK_CLASS = re.compile(r"(?:^|\s)(?:article-info|article-meta|entry-meta|post-meta|news-meta|meta-info|"
                              r"info-news|news-info)(?:$|\s)", re.I)
# Words of a dateline other than the date itself ("Ngày đăng: …", "Cập nhật lúc …", "(GMT+7)").
DATELINE_WORDS = re.compile(POSTED_LABELS + "|" + ENGLISH_DATE_LABELS + r"|ngày đăng|"
                            r"đăng ngày|ngày xuất bản|ngày cập nhật|cập nhật(?: lúc| ngày)?|đăng lúc|"
                            r"thời gian|posted on|published|\(?gmt\s*\+\s*7\)?|\bngày\b|\blúc\b|\bgiờ\b", re.I)

# Meta/JSON-LD properties holding the publication date, most trusted first.
DATE_META = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("property", "og:published_time"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "dc.date.issued"),
    ("name", "DC.date.issued"),
    ("name", "date"),
)
SITE_NAME_META = (("property", "og:site_name"), ("name", "application-name"))
# <title> separators between the article title and the portal name.
TITLE_SEPARATORS = re.compile(r"\s+(?:-|–|—|\||::|»)\s+")

# Link targets that are downloadable documents (Liferay puts the name mid-path: /documents/1/2/a.pdf/uuid).
ATTACHMENT_EXT = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|odt|ods|rtf)(?:$|[/?#])", re.I)
# A document notice: the article's content is its attachment ("Xem chi tiết tại đây",
# "Chi tiết xem tại văn bản đính kèm./."). Alone it still makes an article; after text it is template.
DOCUMENT_NOTICE = re.compile(
    r"^(?:xem\s+(?:chi tiết|toàn văn|nội dung)|chi tiết xem)(?:\s+(?:tại|ở))?"
    r"(?:\s+(?:đây|(?:văn bản|tệp|file|tập tin)(?:\s+đính kèm)?))?\s*[./]*$", re.I)
# The writer's unit as initials after a byline ("Vương Hợp – ĐTT."): not part of the name.
UNIT_INITIALS = re.compile(r"\s+[-–—]\s+[A-ZĐ]{2,6}\.?$")
ATTACHMENT_LABEL = re.compile(r"^\s*(?:tệp|tập tin|tài liệu|file|văn bản)\s+đính kèm\s*:?|^\s*(?:tải về|xem chi tiết|"
                              r"download|attachments?)\s*:?", re.I)
# Images that are icons and spacers, not article pictures.
ICON_IMAGE = re.compile(r"icon|spacer|blank\.gif|pixel|logo|button|btn_|arrow|bullet|share|print|email|"
                        r"facebook|zalo|twitter|loading", re.I)

# Letters only Vietnamese uses (not French "é à ê", not Portuguese "ã õ"), for telling its pages from others.
VIETNAMESE_LETTERS = re.compile(r"[ăđơưảạằẳẵắặầẩẫấậẻẽẹềểễếệỉĩịỏọồổỗốộờởỡớợủũụừửữứựỳỷỹỵ]", re.I)

# Headings that are generic portlet names, not a category worth reporting.
GENERIC_HEADINGS = re.compile(r"^(?:chi tiết(?: tin| bài viết| tin tức)?|nội dung(?: chi tiết)?|tin tức|bài viết|"
                              r"xem tin|thông tin chi tiết)$", re.I)
# A piece of <title> that names the portal ("Cổng TTĐT huyện X", "UBND xã Y", "Báo Quảng Ngãi"). Anchored
# at the start: a headline's own tail ("... kinh tế - xã hội", "... - Báo cáo tổng kết") is not a portal.
TITLE_PORTAL_PART = re.compile(
    r"^(?:cổng (?:thông tin|ttđt|tt)|trang (?:thông tin|ttđt|tt)|ủy ban|uỷ ban|ubnd|hđnd|báo\s(?!cáo)|"
    r"tạp chí|đài\s|sở\s|bộ\s(?!đội|máy)|tỉnh\s|thành phố|tp\.?\s|huyện\s|thị xã|thị trấn|quận\s|"
    r"xã\s(?!hội)|phường\s|văn phòng|đảng (?:bộ|ủy|uỷ)|huyện ủy|huyện uỷ|tỉnh ủy|tỉnh uỷ|mặt trận|công an\s|"
    r"portal|website|bản quyền|copyright)|\.gov\.vn|\.vn\b|\.com\b",
    re.I,
)
# Section (layout) names that Liferay and others put between the headline and the portal name in
# <title>: "<headline> - Tin hoạt động - Trang thông tin điện tử xã X".
SECTION_NAMES = re.compile(r"^(?:tin tức|sự kiện|tin hoạt động|hoạt động|thông báo|tin địa phương|tin tổng hợp|"
                           r"tin nổi bật|tin mới|tin trong (?:tỉnh|huyện|nước)|chuyên mục|chi tiết(?: tin| bài viết)?|"
                           r"tin tức - sự kiện|tin tức sự kiện|thời sự|trang chủ)$", re.I)
# A title that is only the portal's name ("Trang thông tin điện tử Huyện Krông Nô", "Website Thanh tra tỉnh").
PORTAL_TITLE = re.compile(r"^(?:cổng thông tin|trang thông tin|cổng ttđt|trang ttđt|trang tin điện tử|website)\b[^.,:;!?]{0,80}$",
                          re.I)
HOME_CRUMBS = re.compile(r"^(?:trang chủ|home|trang nhất|trang chính)$", re.I)

# --- dates (day first, always: Vietnamese portals never print month first) ---
DATE_NUMERIC = re.compile(r"(?<![\d/.\-])(?P<d>\d{1,2})\s?(?P<sep>[/.\-])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?(?P<y>\d{4})(?![\d/])")
# Month names as WordPress's Vietnamese locale prints them ("18 Tháng Tám, 2023").
MONTH_WORDS = {"một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
               "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
# "ngày 29 tháng 6 năm 2012", "29 tháng 6, 2012", "18 Tháng Tám, 2023" (never "6 tháng đầu năm 2023").
DATE_WORDS = re.compile(
    r"(?:ngày\s+)?(?<!\d)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2}|"
    + "|".join(sorted((w for w in MONTH_WORDS if w != "năm"), key=len, reverse=True))
    + r"|năm(?=\s*,))\s*,?\s*(?:năm\s+)?(?P<y>\d{4})(?!\d)",  # "12 tháng năm 2023" is a period
    re.I,
)
DATE_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
                      r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\.\d+)?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?(?!\d)")
TIME_OF_DAY = re.compile(r"(?<![\d:/.])(?P<H>\d{1,2})\s?(?::|h|giờ)\s?(?P<M>\d{2})(?:\s?:\s?(?P<S>\d{2}))?"
                         r"(?:\s*(?P<ampm>AM|PM|SA|CH|sáng|chiều|tối)(?![\wÀ-ỹ]))?(?![\d:])", re.I)
# Words after a time that move it to the afternoon/evening.
PM_WORDS = ("pm", "ch", "chiều", "tối")
AM_WORDS = ("am", "sa", "sáng")
# What may stand between a date and its time: "18/08/2023 16:01", "13:06, 25/02/2024", "17/06/2024 - 17:59".
DATE_TIME_GAP = re.compile(r"^[\s,|\-–—(]*(?:(?:lúc|vào lúc|at|ngày)[\s,|\-–—(]*)*$", re.I)
MAX_DATE_TIME_GAP = 16
# "(03/02/1930 - 03/02/2026)": two bare dates joined by a dash are an anniversary banner or a period.
DATE_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|đến|tới)\s*$", re.I)
# Weekday names printed before datelines ("Thứ Tư, 30/05/2018"): never part of a byline.
WEEKDAY = re.compile(r"\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật)\b", re.I)
