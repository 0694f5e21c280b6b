"""Vietnamese vocabulary for indicator extraction: the tables, and one helper to compile them.

Every word list that decides what is (or is not) a figure lives here so it
can be read and extended in one place; `alternation` at the end turns a list
into the regex alternation the extractor modules compile.
"""
from __future__ import annotations

import re

# --- scale words folded into the value -------------------------------------
SCALE_WORDS: dict[str, int] = {
    "nghìn": 10**3, "ngàn": 10**3,
    "triệu": 10**6,
    "tỷ": 10**9, "tỉ": 10**9, "tỳ": 10**9,
}
# "năm 2025 tỷ lệ ...", "tỷ giá": the word after "tỷ" makes it no scale word
SCALE_NOT_BEFORE: tuple[str, ...] = ("lệ", "trọng", "số", "giá", "suất")
# "1,5 tỷ" without a unit in a news text is an amount of đồng
BARE_SCALE_MONEY = frozenset({"tỷ", "tỉ", "triệu"})

# --- units: surface form (lower case) -> canonical -------------------------
PERCENT_UNITS: dict[str, str] = {
    "%": "%", "phần trăm": "%",
    "điểm phần trăm": "điểm phần trăm", "điểm %": "điểm phần trăm",
    "phần nghìn": "‰", "‰": "‰", "phần ngàn": "‰",
    "%o": "‰",  # how reports type ‰ ("mức giảm sinh 0,6%o")
}
MONEY_UNITS: dict[str, str] = {
    "đồng": "đồng", "đ": "đồng", "vnđ": "đồng", "vnd": "đồng", "việt nam đồng": "đồng",
    "usd": "USD", "đô la mỹ": "USD", "đô la": "USD", "đô-la": "USD", "$": "USD",
    "euro": "EUR", "eur": "EUR", "yên": "JPY", "nhân dân tệ": "CNY",
}
# abbreviations that carry their own scale: "50 trđ" = 50 triệu đồng
MONEY_SCALED: dict[str, tuple[int, str]] = {
    "trđ": (10**6, "đồng"), "tr.đ": (10**6, "đồng"), "tr.đồng": (10**6, "đồng"),
    "tỷđ": (10**9, "đồng"), "ngđ": (10**3, "đồng"), "ng.đ": (10**3, "đồng"),
}
MEASURE_UNITS: dict[str, str] = {
    "ha": "ha", "héc-ta": "ha", "hécta": "ha", "hec-ta": "ha", "hecta": "ha", "héc ta": "ha",
    "km2": "km2", "km²": "km2", "km": "km", "ki-lô-mét": "km", "kilômét": "km", "cây số": "km",
    "m2": "m2", "m²": "m2", "mét vuông": "m2", "m2 sàn": "m2 sàn", "m² sàn": "m2 sàn", "m3": "m3", "m³": "m3", "mét khối": "m3",
    "m": "m", "mét": "m", "cm": "cm", "mm": "mm", "md": "md", "mét dài": "md",
    "tấn": "tấn", "tạ": "tạ", "yến": "yến", "kg": "kg", "ki-lô-gam": "kg", "kilôgam": "kg",
    "gam": "g", "gram": "g",
    "lít": "lít", "ml": "ml", "điểm": "điểm", "km/h": "km/h",
    "mw": "MW", "kw": "kW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "kwp": "kWp", "mwp": "MWp",
    "kv": "kV", "teu": "TEU", "tấn co2": "tấn CO2", "độ c": "°C", "°c": "°C",
    "sào": "sào",
}
# After a money or measure unit: "đồng/kg", "tạ/ha", "triệu đồng/người/năm"
PER_UNITS: tuple[str, ...] = (
    "người", "năm", "tháng", "ngày", "ha", "kg", "tấn", "tạ", "con", "hộ", "lao động",
    "km2", "km²", "km", "m2", "m²", "m3", "m³", "m", "lít", "sào", "vụ", "quý", "giờ",
    "đêm", "lượt", "suất", "học sinh", "khẩu", "cây", "buổi", "lần", "căn", "chiếc",
    "sản phẩm", "xã", "thôn", "đơn vị", "gói", "hồ sơ", "trường hợp", "giường", "ngàn dân",
    "doanh nghiệp", "hợp tác xã", "dự án", "công trình", "hộ gia đình", "cơ sở", "trường", "lớp",
    "HTX", "DN",
    "nghìn dân", "vạn dân", "dân", "trang", "mẫu", "hs", "lứa", "đợt", "chuyến", "lô",
)
# words that say "per" in running text: "8.500 đồng một kg", "7,5 tấn một ha" ("mỗi" is left out:
# "340 lượt người bệnh mỗi ngày" counts visits, the day is context)
PER_WORDS: tuple[str, ...] = ("một",)

# Counted nouns: the figure is "N <noun>".  Multi-word entries win over shorter ones.
COUNT_UNITS: tuple[str, ...] = (
    # administration and organisations
    "hồ sơ", "thủ tục hành chính", "thủ tục", "TTHC", "văn bản", "quyết định", "kế hoạch",
    "báo cáo", "công văn", "nghị quyết", "đề án", "chương trình", "dự án", "công trình",
    "hạng mục", "gói thầu", "xã", "phường", "thị trấn", "thôn", "bản", "làng", "tổ dân phố",
    "khu dân cư", "ấp", "xóm", "huyện", "tỉnh", "thành phố", "thị xã", "quận", "địa phương",
    "đơn vị", "phòng", "ban", "ngành", "cơ quan", "tổ chức", "doanh nghiệp", "hợp tác xã",
    "HTX", "tổ hợp tác", "chi bộ", "đảng bộ", "đảng viên", "cơ sở", "chi hội", "hội viên",
    "đoàn viên", "tổ", "đội", "nhóm", "câu lạc bộ", "CLB", "mô hình", "tài khoản",
    "chữ ký số", "chứng thư số", "thư điện tử", "hộp thư", "dịch vụ công", "dịch vụ",
    "cuộc", "cuộc họp", "cuộc thanh tra", "cuộc kiểm tra", "cuộc tuyên truyền", "hội nghị",
    "buổi", "lớp", "lớp học", "khóa", "đợt", "lượt", "lượt người", "lượt khách",
    "lượt truy cập", "lượt xem", "lượt hộ", "lượt cán bộ", "lượt học viên", "lần",
    "vụ", "vụ việc", "vụ án", "việc", "đơn", "đơn thư", "kiến nghị", "ý kiến", "phản ánh",
    "trường hợp", "đối tượng", "bị can", "tin báo", "tin báo, tố giác tội phạm", "bị cáo", "tội phạm", "tin", "tin bài", "bài",
    "bài viết", "tài liệu", "cuốn", "tờ", "tờ rơi", "bản tin", "pa nô", "panô", "băng rôn",
    "khẩu hiệu", "phóng sự", "chuyên mục", "giấy chứng nhận", "giấy phép", "giấy",
    "chứng chỉ", "thẻ", "thẻ BHYT", "sổ", "sổ đỏ", "bằng", "bằng khen", "giấy khen",
    "danh hiệu", "huy chương", "giải", "giải thưởng", "phần thưởng", "suất", "suất quà",
    "phần quà", "quà", "món quà", "bộ", "chiếc", "cái", "con", "cây", "căn", "căn hộ",
    "căn nhà", "ngôi nhà", "nhà", "nhà ở", "ngôi", "phòng học", "trường", "trường học",
    "điểm trường", "trạm", "trạm y tế", "bệnh viện", "giường", "giường bệnh",
    "chợ", "cửa hàng", "cơ sở sản xuất", "cơ sở kinh doanh", "làng nghề", "sản phẩm",
    "sản phẩm OCOP", "tiêu chí", "chỉ tiêu", "nhiệm vụ", "giải pháp", "nội dung",
    "lĩnh vực", "ngành nghề", "nghề", "mặt hàng", "loại", "giống", "tuyến", "tuyến đường",
    "tuyến kênh", "cầu", "cống", "đập", "hồ", "hồ chứa", "kênh", "giếng", "bể",
    "trạm bơm", "máy", "máy tính", "thiết bị", "camera", "xe", "xe ô tô", "ô tô",
    "phương tiện", "tàu", "thuyền", "tàu cá", "sà lan",
    # people
    "người", "người dân", "người lao động", "lao động", "cán bộ", "công chức", "viên chức",
    "cán bộ, công chức", "cán bộ, công chức, viên chức", "CBCCVC", "CBCC", "giáo viên",
    "học sinh", "sinh viên", "học viên", "trẻ", "trẻ em", "cháu", "em", "bệnh nhân",
    "ca", "ca bệnh", "ca mắc", "ca tử vong", "bác sĩ", "y bác sĩ", "nhân viên", "thành viên",
    "đại biểu", "cử tri", "thí sinh", "vận động viên", "VĐV", "đội bóng", "tình nguyện viên",
    "chiến sĩ", "cựu chiến binh", "thanh niên", "công dân", "tân binh", "hộ", "hộ dân",
    "hộ gia đình", "hộ nghèo", "hộ cận nghèo", "hộ thoát nghèo", "gia đình", "khẩu",
    "nhân khẩu", "đoàn", "đoàn khách", "khách", "du khách", "khách hàng", "thương nhân",
    "hộ kinh doanh", "hộ sản xuất", "nông dân", "ngư dân", "hộ nông dân", "nạn nhân",
    "người có công", "gia đình chính sách", "liều", "liều vắc xin",
    "mũi", "mũi tiêm", "mẫu", "ca phẫu thuật", "lượt khám", "lượt khám bệnh",
    # farming
    "con gia súc", "con gia cầm", "con bò", "con trâu", "con lợn", "con heo", "con gà",
    "đàn", "ô", "thửa", "thửa đất", "lô", "lô đất", "nền", "mảnh", "khu", "khu vực",
    "cụm", "cụm công nghiệp", "khu công nghiệp", "nhà máy", "điểm du lịch", "di tích",
    "lễ hội", "đầu mối", "trang trại", "gia trại", "vườn", "vườn mẫu", "khu dân cư kiểu mẫu",
    "bản án", "quyết định xử phạt", "vi phạm", "trận", "trận đấu", "tác phẩm", "công trình",
    "sáng kiến", "đề tài", "chương", "trang", "website", "trang thông tin điện tử",
    "ứng dụng", "phần mềm", "cổng", "lô hàng", "container", "chuyến", "chuyến bay",
    "nhà văn hóa", "nhà văn hoá", "nhà tình nghĩa", "nhà đại đoàn kết", "nhà tạm",
    "quyển", "gói", "thùng", "bao", "chai", "ao", "đoạn", "hiện vật", "hợp đồng", "HCV", "HCB",
    "HCĐ", "huy chương vàng", "huy chương bạc", "huy chương đồng", "tiết", "tiết học", "câu hỏi",
    "gian hàng", "ngân hàng", "quỹ", "hội", "chi đoàn", "sở", "hành vi", "bánh", "viên", "quả",
    "tấm", "bức", "cột", "trụ", "ổ dịch", "ổ", "bình", "túi", "phương án", "kịch bản", "lượt truy cập",
    "đồng chí", "đồng bào", "phiếu", "ngày công", "đơn vị máu", "bài dự thi", "cặp", "đôi",
    "bậc", "hạng", "đội tuyển", "môn", "môn thi", "nội dung thi", "trường hợp vi phạm",
    # found missing in the audit (tests/test_indicators_audit.py): underthesea splits these
    # into single syllables, so the fallback cannot find them
    "cây cầu", "cánh đồng", "cánh đồng lớn", "chủ đầu tư", "nhà đầu tư", "phiên", "phiên giao dịch",
    "phiên họp", "phiên tòa", "chuỗi", "chuỗi liên kết", "chuỗi cung ứng", "khoản", "khoản thu",
    "khoản chi", "người bệnh", "lượt người bệnh", "lượt bệnh nhân", "người nghèo", "ca nhiễm",
    "điểm tiêm", "điểm bán", "điểm giao dịch", "điểm thu", "điểm quan trắc", "điểm cầu",
    "điểm đo", "điểm ngập", "điểm sạt lở", "tiểu dự án", "hố",
    "bài thi", "cơ sở lưu trú", "cơ sở giáo dục", "cơ sở y tế", "cơ sở khám chữa bệnh", "cây xanh",
    # rescue equipment in disaster-preparedness reports
    "áo phao", "phao", "phao tròn", "phao cứu sinh", "xuồng", "xuồng máy", "ca nô", "nhà bạt",
    "máy phát điện", "bao cát",
    "bản sao", "bản chính", "dân quân", "dân quân tự vệ", "biên chế",
)
# place nouns that, capitalised after a number, begin a proper name ("số 45 Phường 3", "12 Xã Tịnh
# Hiệp"); other capitalised counted nouns still count ("1.452 Tổ công nghệ số cộng đồng")
PLACE_NAME_NOUNS = frozenset({
    "xã", "phường", "thị trấn", "thôn", "bản", "làng", "tổ dân phố", "khu dân cư", "ấp", "xóm",
    "huyện", "tỉnh", "thành phố", "thị xã", "quận", "khu", "cụm", "khu công nghiệp",
    "cụm công nghiệp", "trường", "trường học", "bệnh viện", "trạm y tế", "chợ", "cầu", "hồ",
})
# After "N phòng", ", ban, đơn vị" continues the same counted noun: "18 phòng, ban, đơn vị"
COORDINATED_NOUNS: tuple[str, ...] = (
    "ban", "ngành", "đơn vị", "phòng", "cơ quan", "địa phương", "đoàn thể", "hội",
    "công chức", "viên chức", "người lao động", "thị trấn", "phường", "xã", "tổ chức",
    "doanh nghiệp", "trường", "hợp tác xã", "cá nhân", "tập thể", "thành phố", "tỉnh", "huyện",
    "thị xã", "bác sĩ", "nhân viên", "học sinh", "sinh viên", "đảng viên", "tổ dân phố", "khu phố",
    "bản", "làng", "ấp", "thôn", "khu dân cư", "buôn", "xóm", "gia cầm", "hộ", "hộ gia đình",
    "người lao động", "người dân", "giáo viên", "cán bộ", "chiến sĩ", "nhân dân",
    "hộ nghèo", "hộ cận nghèo", "hộ mới thoát nghèo", "hội viên", "đoàn viên", "thanh niên",
    "phụ nữ", "trẻ em", "người cao tuổi", "công nhân", "đồng bào",
    "cụm công nghiệp", "khu công nghiệp", "cụm", "dự án", "đề tài", "đề án", "công trình",
    "tổ hợp tác", "HTX",
)
# words that are a measure only after a subject naming it ("tuổi thọ trung bình 73,5 tuổi"),
# otherwise a qualifier ("trẻ dưới 5 tuổi", "từ 18 tuổi trở lên"): unit -> subjects
CONTEXT_UNITS: dict[str, tuple[str, ...]] = {
    "tuổi": ("tuổi thọ", "tuổi bình quân", "tuổi trung bình", "độ tuổi bình quân", "độ tuổi trung bình"),
}
# Time spans are periods, not figures: "6 tháng", "09 tháng", "3 năm"
TIME_UNITS = frozenset({"năm", "tháng", "ngày", "tuần", "quý", "giờ", "phút", "giây",
                        "thập kỷ", "thế kỷ", "buổi sáng", "đêm", "h", "tiếng"})
# Words after a number that make it no figure at all ("OCOP 3 sao")
NOT_UNIT_WORDS = frozenset({"sao", "tầng"})

# Fallback for unknown nouns (word_tokenize): a following word in this set is no counted noun
NON_NOUN_WORDS = frozenset({
    "và", "với", "của", "cho", "trong", "trên", "dưới", "tại", "từ", "đến", "tới", "là", "có",
    "được", "bị", "đã", "đang", "sẽ", "thì", "mà", "nhưng", "hoặc", "hay", "để", "khi", "nếu",
    "này", "đó", "kia", "nào", "đây", "ấy", "theo", "về", "vào", "ra", "lên", "xuống", "so",
    "tăng", "giảm", "đạt", "chiếm", "bằng", "vượt", "còn", "thêm", "gồm", "trở lên", "trở xuống",
    "ước", "tương đương", "tương ứng", "nhằm", "do", "vì", "nên", "rồi", "cũng", "đều",
    "triển khai", "thực hiện", "tổ chức", "ban hành", "hoàn thành", "đảm bảo", "tham gia",
    "sử dụng", "thành lập", "đề nghị", "đề xuất", "giải quyết", "tiếp nhận", "xử lý",
    "kiểm tra", "tiếp tục", "tham dự", "dự", "vừa", "mới", "lại", "nữa", "rất", "hơn", "nhất",
    "trước", "sau", "qua", "nay", "năm", "tháng", "ngày", "sao", "cao", "thấp", "lớn", "nhỏ",
    "trên địa bàn", "đầu", "cuối", "giữa", "xong", "thứ", "số", "không", "chưa", "đi", "trở", "lần thứ", "độ", "mức", "cấp", "loại", "hạng", "phần", "khoảng", "gần", "đồng thời",
    "cụ thể", "trong đó", "tuổi", "giờ", "phút",
})

# --- OCR noise (scanned reports read by Tesseract) ------------------------------------
# Repaired only where the reading is unambiguous, and never a digit: "I18%KH" (1 read as I) and
# "lha" ("1ha"? "ha"?) stay unread rather than invent a figure.
# misreadings of a unit that are no Vietnamese word: surface -> the unit's surface form
OCR_UNIT_CONFUSIONS: dict[str, str] = {"tắn": "tấn"}
# misreadings of "đồng" after a scale word ("7.906,7 tỷ đông"); alone, "đông" is a word (east, winter)
OCR_DONG_AFTER_SCALE: tuple[str, ...] = ("đông", "dồng", "đổng", "dông", "đồng")
# reference abbreviations glued to "%" in reports ("đạt 106%KH", "tăng 5%CK"); "% KH" reads as usual
PERCENT_GLUED_REFERENCES: tuple[str, ...] = ("KH", "CK")

# --- attributes --------------------------------------------------------------
# words right before the number: canonical approx
APPROX_WORDS: dict[str, str] = {
    "hơn": "hơn", "trên": "trên", "gần": "gần", "khoảng": "khoảng", "dưới": "dưới",
    "xấp xỉ": "xấp xỉ", "chừng": "khoảng", "ước khoảng": "khoảng", "trên dưới": "khoảng",
    "khoảng hơn": "hơn", "gần như": "gần", "hàng": "hơn", "tới hơn": "hơn", "đến hơn": "hơn",
    "tối thiểu": "trên", "ít nhất": "trên", "tối đa": "dưới", "không quá": "dưới",
}
# a clause containing one of these (as whole words) before the figure makes it an estimate
ESTIMATE_PATTERN = (r"ước\s*$|ước\s+(?:đạt|thực\s+hiện|tính|thu|chi|khoảng|cả\s+năm|năm|tăng|giảm|"
                    r"có|sản\s+lượng|giá\s+trị|tổng|doanh|cả|trên|hơn|gần)|"
                    r"dự\s+ước|ước\s+\d|\(ước\)|ước(?=\s*[:,])")
# "ước" in "công ước", "hiệp ước", "quy ước" ... is no estimate
NOT_ESTIMATE_BEFORE = ("quy", "công", "hiệp", "điều", "mong")
# "cao hơn 3%": the "hơn" belongs to the comparison, it is no approx word
COMPARATIVE_CHANGES = frozenset({"cao hơn", "thấp hơn", "nhiều hơn", "ít hơn"})
# change words right before a number; "tăng lên 50%", "giảm còn 5%" state new levels, not changes,
# so nothing but an approx word may stand between the change word and the number
CHANGE_WORDS: dict[str, str] = {
    "tăng": "tăng", "giảm": "giảm", "tăng trưởng": "tăng", "vượt": "tăng",
    "cao hơn": "tăng", "thấp hơn": "giảm", "nhiều hơn": "tăng", "ít hơn": "giảm",
    "tăng thêm": "tăng", "giảm thêm": "giảm", "giảm được": "giảm", "tăng được": "tăng",
    "tăng gần": "tăng", "tăng hơn": "tăng", "tăng khoảng": "tăng", "tăng trên": "tăng",
    "giảm gần": "giảm", "giảm hơn": "giảm", "giảm khoảng": "giảm", "giảm trên": "giảm",
    "vượt hơn": "tăng", "vượt gần": "tăng", "vượt trên": "tăng",
    "tăng thu": "tăng", "giảm chi": "giảm", "giảm thu": "giảm", "tăng chi": "tăng",
    "tăng gấp": "tăng", "tăng bình quân": "tăng", "giảm bình quân": "giảm", "tăng trưởng bình quân": "tăng",
}
# "385 tàu có chiều dài từ 15 m trở lên": a bound after "có <noun> từ" qualifies the noun before,
# it reports no figure
THRESHOLD_AFTER = ("trở lên", "trở xuống")
# words that open a breakdown of the figure before ("..., trong đó khai thác 32.150 tấn")
BREAKDOWN_WORDS = ("trong đó", "gồm", "bao gồm", "cụ thể")
# a sign before a bracketed figure: "xi măng 1,85 triệu tấn (+6,2%); bia (-3,1%)"
SIGN_CHANGES: dict[str, str] = {"+": "tăng", "-": "giảm", "−": "giảm", "–": "giảm"}
# "đạt và vượt 15/18 chỉ tiêu": targets met or exceeded, no change
MET_OR_EXCEEDED = frozenset({"đạt và vượt", "hoàn thành và vượt", "đạt hoặc vượt"})
# "... tăng 15 tỷ đồng, tương đương 5%": the second figure is the same change
EQUIVALENT_LINKS = ("tương đương", "tương ứng", "tương đương với", "tương ứng với", "tức là", "tức", "bằng", "hay", "chiếm")

# reference phrases: regex (after optional "so với"/"so"/"của") -> canonical
REFERENCE_TABLE: tuple[tuple[str, str], ...] = (
    (r"cùng\s+kỳ(?:\s+năm\s+(?:trước|ngoái|\d{4}))?|CKNT\b|CK\b", "cùng kỳ"),
    (r"cùng\s+thời\s+điểm(?:\s+năm\s+(?:trước|ngoái|\d{4}))?", "cùng kỳ"),
    (r"kế\s+hoạch|KH\b", "kế hoạch"),
    (r"(?:chỉ\s+tiêu\s+)?(?:Nghị\s+quyết|nghị\s+quyết|NQ\b)", "nghị quyết"),
    (r"dự\s+toán", "dự toán"),
    (r"chỉ\s+tiêu", "chỉ tiêu"),
    (r"mục\s+tiêu", "mục tiêu"),
)
# only after "so với" / "so": "so với năm 2022", "so với cuối năm 2021", "so với tháng trước"
REFERENCE_AFTER_SO_VOI = (r"(?:cuối\s+|đầu\s+)?(?:năm|tháng|quý)\s+(?:trước|ngoái|\d{4}"
                          r"|\d{1,2}/\d{4}|[IV]+(?:/\d{4})?)|(?:cuối|đầu)\s+năm|"
                          r"(?:năm|kỳ|tháng|quý)\s+trước|bình\s+quân\s+chung(?:\s+cả\s+nước)?"
                          # any other short phrase: "so với vụ Mùa năm 2019", "so với đầu tháng 12/2023"
                          r"|(?!với\s)\w[^,;.()]{0,50}?(?=\s*[,;.()]|\s*$|\s+(?:và|do|vì|nhờ|nhưng|nên|khi"
                          r"|trong|để|theo|tại|là|đạt|chủ\s+yếu)\s)")

# --- periods -----------------------------------------------------------------
_YEAR = r"(?:19|20)\d{2}"
PERIOD_PATTERNS: tuple[str, ...] = (
    rf"\d{{1,2}}\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+{_YEAR})?",
    rf"\d{{1,2}}\s+tháng(?:\s+năm)?\s+{_YEAR}",
    rf"quý\s+[IV1-4]+(?:\s*[/-]\s*{_YEAR}|\s+năm\s+{_YEAR})?",
    rf"tháng\s+\d{{1,2}}\s*(?:/\s*{_YEAR}|năm\s+{_YEAR})",
    rf"(?:năm\s+học|niên\s+vụ|vụ\s+\w+(?:\s+\w+)?)\s+{_YEAR}\s*-\s*{_YEAR}",
    rf"giai\s+đoạn\s+{_YEAR}\s*-\s*{_YEAR}",
    rf"(?:từ\s+)?đầu\s+năm(?:\s+{_YEAR})?\s+(?:đến|tới)\s+nay",
    rf"năm\s+{_YEAR}",
)

# --- tables of reports (table.py) ------------------------------------------------------
# column headers (lower case, "." and ":" dropped) of the row number and of the unit column
TABLE_NUMBER_HEADERS = frozenset({"tt", "stt", "số tt", "số thứ tự", "thứ tự"})
TABLE_UNIT_HEADERS = frozenset({"đvt", "đơn vị tính", "đơn vị", "đv tính", "dvt"})
# a column header starting with one of these names a period or stage of the figures below it
# ("Năm 2018", "KH 2019", "Thực hiện 6 tháng", "Ước TH năm 2019", "Cùng kỳ năm trước")
TABLE_PERIOD_WORDS: tuple[str, ...] = (
    "kế hoạch", "kh", "thực hiện", "th", "ước thực hiện", "ước th", "ước tính", "ước", "ước đạt",
    "dự toán", "dt", "cùng kỳ", "lũy kế", "luỹ kế", "năm", "tháng", "quý", "kỳ báo cáo", "kỳ này",
    "kỳ trước", "giai đoạn", "vụ", "niên vụ", "năm học", "đầu năm", "cuối năm", "chỉ tiêu",
)
# the abbreviations of such headers, spelled out in the period
TABLE_HEADER_ABBREVIATIONS: dict[str, str] = {
    "kh": "kế hoạch", "th": "thực hiện", "dt": "dự toán", "ck": "cùng kỳ", "ước th": "ước thực hiện",
}
# a header with these is a comparison column ("So sánh (%)", "TH/KH", "% so với CK"), not a period
TABLE_COMPARISON_MARKS: tuple[str, ...] = ("so sánh", "so với", "/", "%", "tỷ lệ", "tỉ lệ", "tăng", "giảm")
# a column under these holds percentages ("So sánh TH/KH", "Tỷ lệ đạt"), besides any header with "%"
TABLE_PERCENT_HEADERS: tuple[str, ...] = ("so sánh", "tỷ lệ", "tỉ lệ")
# cells that say "no value": "-", "x", "…"
TABLE_EMPTY_CELLS = frozenset({"", "-", "–", "—", "x", "X", "…", "...", "*", "/"})

# --- not figures ---------------------------------------------------------------
# A number right after one of these words is an ordinal or part of a name
ORDINAL_BEFORE: tuple[str, ...] = (
    "thứ", "lần thứ", "khóa", "khoá", "thôn", "xóm", "tổ", "ấp", "bản", "buôn", "làng",
    "khu phố", "khu", "khối", "tiểu khu", "đội", "phường", "quận", "quốc lộ", "ql", "tỉnh lộ",
    "đt", "tl", "đh", "đường tỉnh", "đường huyện", "đường", "hẻm", "ngõ", "ngách", "kiệt",
    "lô", "thửa", "tờ bản đồ", "điều", "khoản", "điểm", "chương", "mục", "phần", "tiêu chí",
    "mức độ", "cấp độ", "loại", "hạng", "nhóm", "giai đoạn", "đợt", "kỳ",
    "kỳ họp", "phiên", "vòng", "bảng", "tầng", "phòng", "km", "lớp", "tuyến", "khu vực",
    "sư đoàn", "trung đoàn", "tiểu đoàn", "lữ đoàn", "covid", "tháng", "quý", "năm", "ngày",
    "tuần", "lần", "top", "giải", "tập", "số", "hộp thư", "mã", "mã số", "kho", "lộ", "trạm",
    "bến", "cảng", "cổng", "tổ dân phố", "khu dân cư", "cụm", "zone", "hạng mục", "ô",
    "bài", "câu", "chỉ thị", "nghị định", "thông tư", "luật", "pháp lệnh", "hiến pháp",
    "phụ lục", "biểu", "mẫu", "hình", "ảnh", "tuổi", "độ tuổi", "version", "phiên bản",
    "thế hệ", "sân", "nhà", "căn hộ", "block", "lầu", "toà", "tòa", "đơn nguyên", "level",
    "cấp đô", "lô đất", "buổi", "kỳ thi", "vụ", "mùa", "chặng", "hiệp", "ván", "trận",
    # numbered plans and documents: "Đề án 06", "Dự án 3", "Kế hoạch 2553"
    "đề án", "dự án", "tiểu dự án", "chương trình", "kế hoạch", "quyết định", "nghị quyết",
    "công văn", "thông báo", "tờ trình", "báo cáo",
)
# "tiêm ít nhất 1 mũi", "tiêm đủ 2 mũi": a small number of these units after these words is a
# position in a series (which dose), not an amount: unit -> (largest such value, words before)
SERIES_POSITION: dict[str, tuple[int, tuple[str, ...]]] = {
    "mũi": (4, ("ít nhất", "đủ", "tiêm", "tiêm đủ", "được tiêm", "đã tiêm", "tiêm ít nhất", "tối thiểu")),
}
# "điểm" is a score after these words ("đạt 68 điểm"); otherwise "12 điểm" counts places
SCORE_BEFORE = frozenset({
    "đạt", "được", "với", "từ", "đạt từ", "chấm", "điểm số", "tổng điểm", "bình quân", "trung bình",
    "tăng", "giảm", "là", "còn", "thang", "trên", "dưới", "hơn", "gần", "khoảng", "cao nhất",
    "thấp nhất", "đạt được", "tối thiểu", "tối đa",
})
# a number after these is the top of a scale, not a measurement: "trên thang 100 điểm"
SCALE_TOP_BEFORE: tuple[str, ...] = ("thang", "thang điểm", "trên thang", "thang đo")
# words that end in an ordinal word but name no numbered thing: "phục vụ 340 người" (not "vụ 3")
ORDINAL_COMPOUNDS = frozenset({
    "phục vụ", "dịch vụ", "nhiệm vụ", "hòa giải", "hoà giải", "định kỳ", "hằng năm", "hằng tháng",
    "hằng ngày", "hằng tuần", "hàng năm", "hàng tháng", "hàng ngày", "hàng tuần", "địa điểm",
    "thời điểm", "bộ đội", "pháp luật", "mô hình", "kiểu mẫu", "cổ phần", "thành phần", "văn bản",
    "lý giải", "biên bản", "kỷ luật", "quy luật", "trực tuyến", "ngoại tuyến"
})
# "mỗi lớp 40 học viên": after these the ordinal word is a plain noun, not a name
ORDINAL_CANCELLERS = frozenset({"mỗi", "các", "những", "từng", "mọi", "cả"})
# "số 17" is an ordinal ("Tiêu chí số 17", "Trường số 1") except in "tổng số 2.358 hồ sơ"
QUANTITY_BEFORE_SO: tuple[str, ...] = (
    "tổng", "với", "có", "là", "đạt", "được", "chiếm", "gồm", "tăng", "giảm", "với tổng", "trong",
    "dân", "chỉ", "con", "đa", "thiểu", "tỷ", "tỉ", "hệ", "điểm", "ẩn", "đại", "cấp",
)
TIME_OF_DAY = ("sáng", "chiều", "tối", "trưa", "đêm", "rạng sáng", "sáng sớm", "chiều tối",
               "ngày", "hôm", "mùng", "mồng", "từ ngày", "đến ngày", "tới ngày", "đêm")
PHONE_WORDS = ("điện thoại", "đt", "sđt", "hotline", "fax", "đường dây nóng", "tel", "số máy",
               "liên hệ", "di động", "zalo")
FILE_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "webp", "bmp", "pdf", "doc", "docx", "xls",
                   "xlsx", "zip", "rar", "mp4", "tif", "tiff", "svg", "html", "htm", "aspx")

# --- labels ---------------------------------------------------------------------
# linking words between a subject and its figure ("Tỷ lệ ... đạt 95%"): never part of a label
LABEL_LINKS: tuple[str, ...] = (
    "ước đạt", "ước thực hiện", "ước tính", "dự ước", "đạt được", "đạt", "là", "chiếm", "có",
    "được", "với", "gồm", "bằng", "còn", "lên", "xuống", "ước", "tổng cộng", "tổng số", "số",
    "cho", "đến", "tới", "tương đương", "tương ứng", "ở mức", "mức", "từ", "đã", "và", "hiện có",
    "đến nay", "hiện nay", "xảy ra", "đạt tỷ lệ", "đạt tỉ lệ", "với tổng số",
    "khoảng", "lên đến", "lên tới", "tổng", "trên", "gần", "hơn", "dưới", "thêm", "toàn bộ", "của",
    "trong số", "trong tổng số", "chiếm tỷ lệ", "chiếm tỉ lệ", "với tỷ lệ", "với tỉ lệ", "có đến",
    "có tới", "chỉ còn", "chỉ đạt", "chỉ khoảng", "chỉ có", "chỉ chiếm", "chỉ bằng",
)
# links after which the words before a count are its subject, not a verb taking the counted noun
# ("khách quốc tế đạt 320.000 lượt" vs "thu hút 3 dự án", "xây dựng được 15 mô hình")
COPULA_LINKS = ("đạt", "ước đạt", "là", "chiếm", "bằng", "còn", "ước tính", "ước")
# a link word that ends a noun instead: "chứng chỉ đạt 28,4%", "địa chỉ có ...", "doanh số 845 tỷ"
NOT_LINK_COMPOUNDS = frozenset({"chứng chỉ", "địa chỉ", "doanh số", "dân số", "chỉ số", "hệ số",
                                "tần số", "con số", "điểm số", "tỷ số", "tỉ số"})
# "lần lượt là 12%, 15% và 18%": the figures after these share the clause's subject
RESPECTIVELY_LINKS = ("lần lượt là", "lần lượt đạt", "lần lượt chiếm", "lần lượt bằng",
                      "lần lượt", "tương ứng là", "tương ứng đạt")
# "ở" starts a place ("ở xã A") except inside these nouns ("nhà ở", "chỗ ở")
NOT_PLACE_O = ("nhà", "chỗ", "nơi")
# first words of a noun-phrase subject ("Tổng đàn trâu 2.150 con"); other short subjects of a
# count are verb phrases that take the counted noun ("xét duyệt" + "hộ vay vốn")
LABEL_NOUN_HEADS = frozenset({
    "tổng", "số", "đàn", "sản lượng", "diện tích", "giá trị", "doanh thu", "kim ngạch", "tỷ", "tỉ",
    "năng suất", "dân số", "lượng", "vốn", "quy mô", "mức", "giá", "chỉ số", "tốc độ",
    "nguồn", "kinh phí", "lượt", "khối", "tổng số", "sản", "diện", "năng", "kim", "doanh",
    "dân", "chỉ", "tốc", "quy", "khối lượng", "bình", "hệ", "cơ", "lao", "hộ", "người",
})
# first words of a predicate that two listed counts share ("18 phòng, ban và 05/05 xã sử dụng ...")
PREDICATE_STARTS = frozenset({
    "đã", "đang", "được", "bị", "đạt", "có", "sử dụng", "thành lập", "tham gia", "hoàn thành",
    "thực hiện", "triển khai", "áp dụng", "ứng dụng", "kết nối", "duy trì", "xây dựng", "đăng ký",
    "cài đặt", "ký", "không", "chưa", "đều", "cùng", "tổ chức", "được công nhận",
})
# opening words that are not part of a subject
LABEL_LEAD_STRIP = (
    r"(?:trong\s+)?đó\s*[:,]?", r"đến\s+nay\s*,?", r"hiện\s+nay\s*,?", r"tính\s+đến\s+[^,]*,",
    r"cụ\s+thể\s*[:,]?", r"riêng\s+", r"ngoài\s+ra\s*,?", r"bên\s+cạnh\s+đó\s*,?",
    r"theo\s+đó\s*,?", r"đồng\s+thời\s*,?", r"nhờ\s+đó\s*,?", r"qua\s+đó\s*,?",
    r"kết\s+quả\s*[:,]", r"như\s+vậy\s*,?", r"nhìn\s+chung\s*,?", r"về\s+", r"đối\s+với\s+",
    r"thực\s+hiện\s+việc\s+", r"và\s+", r"đã\s+", r"theo\s+[^,]{0,100}(?:,|$)", r"tuy\s+nhiên\s*,?", r"nhưng\s+", r"song\s*,?\s+", r"lũy\s+kế\s+[^,]*,",
    r"trong\s+năm(?:\s+qua|\s+nay)?\s*,", r"(?:sau|qua|trong)\s+\d+\s+(?:năm|tháng|ngày|tuần)[^,]{0,40},",
    r"hiện\s+(?=\S+\s+\S)", r"[^,]{0,60}\bnăm\s+(?:học\s+)?\d{4}(?:\s*-\s*\d{4})?\s*,", r"(?:tại|ở)\s+[^,]{0,60},", r"từ\s+đầu\s+(?:năm|vụ|tháng|quý)[^,]{0,40},",
    r"(?:tính\s+)?(?:đến|từ)\s+(?:hết\s+)?(?:ngày\s+)?\d[^,]{0,30},",
    r"(?:sáng|chiều|tối|trưa)?\s*(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*,", r"so\s+với\s+[^,]{0,40},", r"mặt\s+khác\s*,?",
    r"so\s+(?:với\s+)?(?:cùng\s+kỳ(?:\s+năm\s+\S+)?|kế\s+hoạch|năm\s+\d{4}|năm\s+trước)\s*,?",
    r"(?:toàn|cả)\s+(?:huyện|tỉnh|xã|thành\s+phố|thị\s+xã|ngành|nước)\s+(?=\S+\s+\S)",
    # the numbering of a report's items: "(1) Giá trị sản xuất ...", "a) Trồng rừng ..."
    r"(?:\d{1,3}|[a-zđ])\)\s*",
)


def alternation(words) -> str:
    """A regex alternation of literal words, longest first so the longest phrase wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
