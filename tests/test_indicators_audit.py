"""Audit of extract_indicators on paragraphs it was not tuned on: hand-annotated figures.

Each case is a paragraph in a style the sentence cases do not cover (provincial
socio-economic reports, budgets, agriculture, health, investment, ranges,
fractions), or a paraphrase of a figure the sample-site texts showed was missed,
or text full of dates, document numbers, phones and addresses that hold no
figure at all.  The expected lists are a hand annotation: every figure the
paragraph reports, and nothing else.

Each figure: (text, value, unit, kind, attrs).  attrs may give total, upper,
approx, estimate, change, reference, label (a substring of the label, case-
insensitive); ANY means "not judged".  total, upper, approx, change and
reference not given must be null; estimate not given must be false.
bench/audit_indicators.py reads the same cases and prints precision/recall.
"""
from __future__ import annotations

import unicodedata

import pytest

from extract.indicators import extract_indicators

ANY = object()

AUDIT = [
    # --- provincial socio-economic report ------------------------------------------
    ("Tổng sản phẩm trên địa bàn (GRDP) 9 tháng năm 2024 ước tăng 8,12% so với cùng kỳ, trong đó "
     "khu vực nông, lâm nghiệp và thủy sản tăng 3,5%; khu vực công nghiệp - xây dựng tăng 12,8%; "
     "khu vực dịch vụ tăng 7,1%. GRDP bình quân đầu người ước đạt 68,5 triệu đồng/người/năm.",
     [("8,12%", 8.12, "%", "percent", {"estimate": True, "change": "tăng", "reference": "cùng kỳ",
                                       "label": "tổng sản phẩm trên địa bàn"}),
      ("3,5%", 3.5, "%", "percent", {"estimate": ANY, "change": "tăng", "reference": "cùng kỳ",
                                     "label": "nông, lâm nghiệp"}),
      ("12,8%", 12.8, "%", "percent", {"estimate": ANY, "change": "tăng", "reference": ANY, "label": "công nghiệp - xây dựng"}),
      ("7,1%", 7.1, "%", "percent", {"estimate": ANY, "change": "tăng", "reference": ANY, "label": "dịch vụ"}),
      ("68,5 triệu đồng/người/năm", 68500000, "đồng/người/năm", "money",
       {"estimate": True, "label": "bình quân đầu người"})]),
    # --- budget ----------------------------------------------------------------------
    ("Tổng thu ngân sách nhà nước trên địa bàn ước đạt 12.345,6 tỷ đồng, bằng 105,3% dự toán trung "
     "ương giao, tăng 12% so với cùng kỳ. Trong đó, thu nội địa 10.210 tỷ đồng, thu từ hoạt động xuất "
     "nhập khẩu 2.135,6 tỷ đồng. Tổng chi ngân sách địa phương 15.870 tỷ đồng, đạt 89,4% dự toán.",
     [("12.345,6 tỷ đồng", 12345600000000, "đồng", "money",
       {"estimate": True, "label": "thu ngân sách nhà nước trên địa bàn"}),
      ("105,3%", 105.3, "%", "percent", {"estimate": True, "reference": "dự toán"}),
      ("12%", 12, "%", "percent", {"estimate": True, "change": "tăng", "reference": "cùng kỳ"}),
      ("10.210 tỷ đồng", 10210000000000, "đồng", "money", {"label": "thu nội địa"}),
      ("2.135,6 tỷ đồng", 2135600000000, "đồng", "money", {"label": "xuất nhập khẩu"}),
      ("15.870 tỷ đồng", 15870000000000, "đồng", "money", {"label": "chi ngân sách địa phương"}),
      ("89,4%", 89.4, "%", "percent", {"reference": "dự toán"})]),
    # --- agriculture -------------------------------------------------------------------
    ("Vụ Đông Xuân 2023 - 2024, diện tích gieo trồng lúa 41,8 nghìn ha, năng suất bình quân 58,5 "
     "tạ/ha, sản lượng đạt 245.000 tấn, tăng 3.200 tấn so với vụ Đông Xuân năm trước. Đàn trâu "
     "25.000 con, đàn bò 42.150 con, đàn lợn giảm 4,2%.",
     [("41,8 nghìn ha", 41800, "ha", "measure", {"label": "diện tích gieo trồng lúa"}),
      ("58,5 tạ/ha", 58.5, "tạ/ha", "measure", {"label": "năng suất"}),
      ("245.000 tấn", 245000, "tấn", "measure", {"label": "sản lượng"}),
      ("3.200 tấn", 3200, "tấn", "measure", {"change": "tăng", "reference": ANY}),
      ("25.000 con", 25000, "con", "count", {"label": "đàn trâu"}),
      ("42.150 con", 42150, "con", "count", {"label": "đàn bò"}),
      ("4,2%", 4.2, "%", "percent", {"change": "giảm", "label": "đàn lợn"})]),
    # --- health and education -----------------------------------------------------------
    ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi giảm còn 18,5%; tỷ lệ bao phủ bảo hiểm "
     "y tế đạt 93,2% dân số. Toàn tỉnh có 1.250 học sinh được cấp học bổng, 2/3 số xã đạt tiêu chí "
     "quốc gia về y tế và 100% xã có bác sĩ làm việc.",
     [("18,5%", 18.5, "%", "percent", {"label": "suy dinh dưỡng thể thấp còi"}),
      ("93,2%", 93.2, "%", "percent", {"label": "bao phủ bảo hiểm y tế"}),
      ("1.250 học sinh", 1250, "học sinh", "count", {}),
      ("2/3 số xã", 2, "xã", "ratio", {"total": 3}),
      ("100%", 100, "%", "percent", {})]),
    ("Năm học 2023 - 2024, toàn huyện có 45 trường học với 12.650 học sinh, 32 trường đạt chuẩn quốc "
     "gia, đạt tỷ lệ 71,1%. Tỷ lệ học sinh tốt nghiệp THPT đạt 99,2%.",
     [("45 trường học", 45, "trường học", "count", {}),
      ("12.650 học sinh", 12650, "học sinh", "count", {}),
      ("32 trường", 32, "trường", "count", {}),
      ("71,1%", 71.1, "%", "percent", {}),
      ("99,2%", 99.2, "%", "percent", {"label": "tốt nghiệp THPT"})]),
    ("Trong 6 tháng đầu năm, toàn tỉnh ghi nhận 1.152 ca mắc sốt xuất huyết, giảm 35,6% so với cùng "
     "kỳ, không có trường hợp tử vong. Đã tiêm được 98,5% trẻ dưới 1 tuổi; tỷ lệ sinh con thứ 3 trở "
     "lên là 12,3%.",
     [("1.152 ca mắc", 1152, "ca mắc", "count", {}),
      ("35,6%", 35.6, "%", "percent", {"change": "giảm", "reference": "cùng kỳ"}),
      ("98,5%", 98.5, "%", "percent", {}),
      ("12,3%", 12.3, "%", "percent", {"label": "sinh con thứ 3"})]),
    # --- investment, trade, industry -------------------------------------------------------
    ("Năm 2023, tỉnh thu hút 15 dự án với tổng vốn đăng ký 2.500 tỷ đồng và 120 triệu USD. Kim ngạch "
     "xuất khẩu đạt 1,25 tỷ USD, tăng 9,6% so với năm 2022; kim ngạch nhập khẩu ước đạt 850 triệu USD.",
     [("15 dự án", 15, "dự án", "count", {}),
      ("2.500 tỷ đồng", 2500000000000, "đồng", "money", {"label": "vốn đăng ký"}),
      ("120 triệu USD", 120000000, "USD", "money", {}),
      ("1,25 tỷ USD", 1250000000, "USD", "money", {"label": "kim ngạch xuất khẩu"}),
      ("9,6%", 9.6, "%", "percent", {"change": "tăng", "reference": "năm 2022"}),
      ("850 triệu USD", 850000000, "USD", "money", {"estimate": True, "label": "kim ngạch nhập khẩu"})]),
    ("Chỉ số sản xuất công nghiệp (IIP) tháng 9/2024 tăng 10,5% so với tháng trước; sản lượng điện "
     "sản xuất đạt 1.256 triệu kWh; xi măng đạt 2,3 triệu tấn.",
     [("10,5%", 10.5, "%", "percent", {"change": "tăng", "reference": "tháng trước",
                                       "label": "chỉ số sản xuất công nghiệp"}),
      ("1.256 triệu kWh", 1256000000, "kWh", "measure", {"label": "sản lượng điện"}),
      ("2,3 triệu tấn", 2300000, "tấn", "measure", {"label": "xi măng"})]),
    ("Dân số trung bình của tỉnh năm 2023 ước đạt 1.245.300 người, tăng 0,95% so với năm trước. Lực "
     "lượng lao động từ 15 tuổi trở lên là 720,5 nghìn người; tỷ lệ lao động qua đào tạo đạt 68,2%; "
     "trong năm đã giải quyết việc làm cho 18.500 lao động.",
     [("1.245.300 người", 1245300, "người", "count", {"estimate": True, "label": "dân số"}),
      ("0,95%", 0.95, "%", "percent", {"estimate": True, "change": "tăng", "reference": "năm trước"}),
      ("720,5 nghìn người", 720500, "người", "count", {"label": "lực lượng lao động"}),
      ("68,2%", 68.2, "%", "percent", {"label": "lao động qua đào tạo"}),
      ("18.500 lao động", 18500, "lao động", "count", {})]),
    # --- infrastructure, forestry, support per household -----------------------------------
    ("Huyện đã nâng cấp 12,5 km đường giao thông nông thôn, kiên cố hóa 8,3 km kênh mương nội đồng "
     "và trồng mới 1.200 ha rừng tập trung. Mỗi hộ được hỗ trợ 50 triệu đồng/hộ để xây nhà; mỗi xã "
     "bố trí 01 cán bộ chuyên trách.",
     [("12,5 km", 12.5, "km", "measure", {}),
      ("8,3 km", 8.3, "km", "measure", {}),
      ("1.200 ha", 1200, "ha", "measure", {}),
      ("50 triệu đồng/hộ", 50000000, "đồng/hộ", "money", {}),
      ("01 cán bộ", 1, "cán bộ", "count", {})]),
    ("Dự án có tổng chiều dài 24,6 km, mặt đường rộng 7,5 m, tổng mức đầu tư 1.850 tỷ đồng; đến nay "
     "đã giải ngân 1.120,5 tỷ đồng, đạt 60,6% kế hoạch vốn năm.",
     [("24,6 km", 24.6, "km", "measure", {"label": "chiều dài"}),
      ("7,5 m", 7.5, "m", "measure", {}),
      ("1.850 tỷ đồng", 1850000000000, "đồng", "money", {"label": "mức đầu tư"}),
      ("1.120,5 tỷ đồng", 1120500000000, "đồng", "money", {"label": "giải ngân"}),
      ("60,6%", 60.6, "%", "percent", {"reference": "kế hoạch"})]),
    # --- ranges, multiples, prices -------------------------------------------------------------
    ("Thu nhập của lao động tại các khu công nghiệp từ 5 đến 7 triệu đồng/tháng, cao gấp 1,5 - 2 lần "
     "so với làm nông nghiệp. Giá lúa tươi dao động 7.200 - 7.500 đồng/kg.",
     [("5 đến 7 triệu đồng/tháng", 5000000, "đồng/tháng", "money", {"upper": 7000000,
                                                                    "label": "thu nhập"}),
      ("1,5 - 2 lần", 1.5, "lần", "count", {"upper": 2, "change": ANY, "reference": ANY}),
      ("7.200 - 7.500 đồng/kg", 7200, "đồng/kg", "money", {"upper": 7500, "label": "giá lúa"})]),
    ("Giá thịt heo hơi khoảng 58.000đ/kg, tăng 3.000 đồng/kg so với tháng trước.",
     [("58.000đ/kg", 58000, "đồng/kg", "money", {"approx": "khoảng", "label": "giá thịt heo hơi"}),
      ("3.000 đồng/kg", 3000, "đồng/kg", "money", {"change": "tăng", "reference": "tháng trước"})]),
    ("Vốn tín dụng chính sách đạt 4,6 nghìn tỷ đồng, dư nợ bình quân 52 trđ/hộ; nợ quá hạn chiếm "
     "0,12% tổng dư nợ.",
     [("4,6 nghìn tỷ đồng", 4600000000000, "đồng", "money", {"label": "vốn tín dụng chính sách"}),
      ("52 trđ/hộ", 52000000, "đồng/hộ", "money", {"label": "dư nợ"}),
      ("0,12%", 0.12, "%", "percent", {"label": "nợ quá hạn"})]),
    ("Trong dịp Tết, tỉnh đã trao tặng 12.500 suất quà với tổng trị giá 6,8 tỷ đồng cho hộ nghèo, "
     "hộ cận nghèo; mỗi suất quà trị giá 500.000 đồng.",
     [("12.500 suất quà", 12500, "suất quà", "count", {}),
      ("6,8 tỷ đồng", 6800000000, "đồng", "money", {"label": "trị giá"}),
      ("500.000 đồng", 500000, "đồng", "money", {})]),
    # --- fractions, ratios, percentage points ---------------------------------------------
    ("Có 3/4 số hộ dân sử dụng nước sạch; 18/18 xã, thị trấn có trạm y tế; tỷ lệ hộ nghèo đa chiều "
     "giảm 1,8 điểm phần trăm, còn 4,35%.",
     [("3/4 số hộ dân", 3, "hộ dân", "ratio", {"total": 4}),
      ("18/18 xã, thị trấn", 18, "xã, thị trấn", "ratio", {"total": 18}),
      ("1,8 điểm phần trăm", 1.8, "điểm phần trăm", "percent", {"change": "giảm",
                                                                 "label": "hộ nghèo đa chiều"}),
      ("4,35%", 4.35, "%", "percent", {"label": "hộ nghèo đa chiều"})]),
    ("Tỷ lệ che phủ rừng đạt 58,2%; tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý đạt 92%; "
     "khoảng 95% dân số nông thôn được sử dụng nước hợp vệ sinh.",
     [("58,2%", 58.2, "%", "percent", {"label": "che phủ rừng"}),
      ("92%", 92, "%", "percent", {"label": "chất thải rắn sinh hoạt"}),
      ("95%", 95, "%", "percent", {"approx": "khoảng"})]),
    # --- from the sample-site texts: figures the extractor missed -------------------------
    ("Toàn tỉnh có 42 cánh đồng lớn với tổng diện tích 3.850 ha. Có 12/31 chủ đầu tư giải ngân trên "
     "80%, nhưng vẫn còn 7 chủ đầu tư giải ngân dưới 30%.",
     [("42 cánh đồng lớn", 42, "cánh đồng lớn", "count", {}),
      ("3.850 ha", 3850, "ha", "measure", {"label": "diện tích"}),
      ("12/31 chủ đầu tư", 12, "chủ đầu tư", "ratio", {"total": 31}),
      ("80%", 80, "%", "percent", {"approx": "trên"}),
      ("7 chủ đầu tư", 7, "chủ đầu tư", "count", {}),
      ("30%", 30, "%", "percent", {"approx": "dưới"})]),
    ("Trung tâm Dịch vụ việc làm tỉnh tổ chức 46 phiên giao dịch việc làm. Các cơ sở khám chữa bệnh "
     "đã phục vụ 3,4 triệu lượt người bệnh bảo hiểm y tế. Có 14 chuỗi liên kết chăn nuôi được chứng "
     "nhận.",
     [("46 phiên giao dịch", 46, "phiên giao dịch", "count", {}),
      ("3,4 triệu lượt người bệnh", 3400000, "lượt người bệnh", "count", {}),
      ("14 chuỗi liên kết", 14, "chuỗi liên kết", "count", {})]),
    ("Nhiệt độ nước dao động từ 29 - 32 °C, độ mặn từ 18 - 26‰. Toàn tỉnh đã thành lập 95/95 Tổ công "
     "nghệ số cộng đồng. Có 10/14 khoản thu đạt trên 25% dự toán.",
     [("29 - 32 °C", 29, "°C", "measure", {"upper": 32, "label": "nhiệt độ"}),
      ("18 - 26‰", 18, "‰", "percent", {"upper": 26, "label": "độ mặn"}),
      ("95/95 Tổ", 95, "tổ", "ratio", {"total": 95, "label": "công nghệ số"}),
      ("10/14 khoản thu", 10, "khoản thu", "ratio", {"total": 14}),
      ("25%", 25, "%", "percent", {"approx": "trên", "reference": "dự toán"})]),
    ("Hỗ trợ 210 hộ nghèo, hộ cận nghèo sửa chữa nhà ở; 420 lượt đoàn viên, hội viên tham gia. "
     "Phấn đấu đến năm 2025 tỷ lệ hộ nghèo giảm còn dưới 2%.",
     [("210 hộ nghèo, hộ cận nghèo", 210, "hộ nghèo, hộ cận nghèo", "count", {}),
      ("420 lượt đoàn viên, hội viên", 420, "lượt đoàn viên, hội viên", "count", {}),
      ("2%", 2, "%", "percent", {"approx": "dưới", "label": "tỷ lệ hộ nghèo"})]),
    ("Huyện bố trí 05 điểm tiêm, mỗi điểm có 01 bác sĩ. Sản phẩm chè xanh đạt 68 điểm trên thang "
     "100 điểm. Bệnh viện phục vụ 340 lượt người bệnh mỗi ngày; tổ hòa giải 12 vụ việc.",
     [("05 điểm tiêm", 5, "điểm tiêm", "count", {}),
      ("01 bác sĩ", 1, "bác sĩ", "count", {}),
      ("68 điểm", 68, "điểm", "measure", {}),
      ("340 lượt người bệnh", 340, "lượt người bệnh", "count", {}),
      ("12 vụ việc", 12, "vụ việc", "count", {})]),
    # --- from the sample-site texts: labels, doses, places and named plans ------------------
    ("Chiều ngày 08/11/2023, Tổ công tác triển khai Đề án 06 huyện Minh Long họp đánh giá kết quả. "
     "Toàn huyện đã có 2.016 người được tiêm ít nhất 1 mũi vắc xin, chiếm khoảng 9,4% dân số; "
     "Chi cục quan trắc tại 12 điểm, trong đó 3/12 điểm vượt ngưỡng; hệ thống đại lý thu mở rộng "
     "lên 12 điểm thu, trong đó 5 điểm tại bưu điện văn hóa xã.",
     [("2.016 người", 2016, "người", "count", {}),
      ("9,4%", 9.4, "%", "percent", {"approx": "khoảng"}),
      ("12 điểm", 12, "điểm", "count", {}),
      ("3/12 điểm", 3, "điểm", "ratio", {"total": 12}),
      ("12 điểm thu", 12, "điểm thu", "count", {}),
      ("5 điểm", 5, "điểm", "count", {})]),
    ("Số người tham gia bảo hiểm xã hội tự nguyện đạt 362 người, tăng 95 người so với cuối năm 2021. "
     "Trong đó, nhóm tham gia theo hộ gia đình có 1.104 người, tăng 8,5% so với cùng kỳ.",
     [("362 người", 362, "người", "count", {"label": "số người tham gia bảo hiểm xã hội tự nguyện"}),
      ("95 người", 95, "người", "count", {"change": "tăng", "reference": "cuối năm 2021",
                                          "label": "số người tham gia bảo hiểm xã hội tự nguyện"}),
      ("1.104 người", 1104, "người", "count", {"label": "nhóm tham gia theo hộ gia đình"}),
      ("8,5%", 8.5, "%", "percent", {"change": "tăng", "reference": "cùng kỳ",
                                     "label": "nhóm tham gia theo hộ gia đình"})]),
    ("Theo Phòng Nội vụ huyện, hiện nay 100% cơ quan chuyên môn thuộc UBND huyện đã bố trí công chức "
     "kiêm nhiệm; tuy nhiên có đến 60% người làm công tác này chưa qua đào tạo. Năng suất ngô đạt 57,2 "
     "tạ/ha, lạc đạt 24,6 tạ/ha.",
     [("100%", 100, "%", "percent", {"label": "cơ quan chuyên môn"}),
      ("60%", 60, "%", "percent", {"label": "người làm công tác này"}),
      ("57,2 tạ/ha", 57.2, "tạ/ha", "measure", {"label": "năng suất ngô"}),
      ("24,6 tạ/ha", 24.6, "tạ/ha", "measure", {"label": "năng suất lạc"})]),
    ("Theo báo cáo của Ban Quản lý dự án, tính đến ngày 30/9/2024, tổng kế hoạch vốn đầu tư công năm "
     "2024 của huyện là 186,4 tỷ đồng, đã giải ngân được 127,1 tỷ đồng, đạt 68,2% kế hoạch. Toàn tỉnh "
     "còn 1.962 hộ nghèo, chiếm tỷ lệ 0,53%.",
     [("186,4 tỷ đồng", 186400000000, "đồng", "money", {"label": "kế hoạch vốn đầu tư công"}),
      ("127,1 tỷ đồng", 127100000000, "đồng", "money", {"label": "giải ngân"}),
      ("68,2%", 68.2, "%", "percent", {"reference": "kế hoạch"}),
      ("1.962 hộ nghèo", 1962, "hộ nghèo", "count", {"label": "hộ nghèo"}),
      ("0,53%", 0.53, "%", "percent", {"label": "hộ nghèo"})]),
    ("Chi ngân sách địa phương quý I ước thực hiện 142,7 tỷ đồng, bảo đảm chi trả chế độ cho 2.146 đối "
     "tượng bảo trợ xã hội. Diện tích cây màu đạt 1.126 ha, trong đó ngô 540 ha, lạc 386 ha; nhân dân "
     "đóng góp 9,6 tỷ đồng và hiến hơn 12.000 m2 đất.",
     [("142,7 tỷ đồng", 142700000000, "đồng", "money", {"estimate": True}),
      ("2.146 đối tượng", 2146, "đối tượng", "count", {}),
      ("1.126 ha", 1126, "ha", "measure", {"label": "diện tích cây màu"}),
      ("540 ha", 540, "ha", "measure", {"label": "ngô"}),
      ("386 ha", 386, "ha", "measure", {"label": "lạc"}),
      ("9,6 tỷ đồng", 9600000000, "đồng", "money", {"label": "nhân dân đóng góp"}),
      ("12.000 m2", 12000, "m2", "measure", {"approx": "hơn", "label": "hiến"})]),
    ("Đến ngày 30/9/2023 đã giải ngân 3.184 tỷ đồng, đạt 61,4% kế hoạch. Lao động qua đào tạo đạt "
     "71,5%, trong đó có bằng cấp, chứng chỉ đạt 28,4%; thu phí, lệ phí chỉ đạt 78% dự toán.",
     [("3.184 tỷ đồng", 3184000000000, "đồng", "money", {"label": "giải ngân"}),
      ("61,4%", 61.4, "%", "percent", {"reference": "kế hoạch", "label": "giải ngân"}),
      ("71,5%", 71.5, "%", "percent", {"label": "lao động qua đào tạo"}),
      ("28,4%", 28.4, "%", "percent", {"label": "chứng chỉ"}),
      ("78%", 78, "%", "percent", {"reference": "dự toán", "label": "lệ phí"})]),
    # --- OCOP stars, rankings, sessions: only the counts are figures ---------------------
    ("Đến nay, huyện có 28 sản phẩm OCOP, trong đó 5 sản phẩm đạt 4 sao; xếp thứ 3/9 huyện về chỉ số "
     "PCI. Tại Kỳ họp thứ 14, HĐND khóa XVIII đã thông qua 18 nghị quyết.",
     [("28 sản phẩm OCOP", 28, "sản phẩm OCOP", "count", {}),
      ("5 sản phẩm", 5, "sản phẩm", "count", {}),
      ("18 nghị quyết", 18, "nghị quyết", "count", {})]),
    ("Hội nghị diễn ra lúc 8h30 ngày 20/10/2024, với sự tham dự của 150 đại biểu. Chương trình kéo dài "
     "3 ngày, từ ngày 20 - 22/10.",
     [("150 đại biểu", 150, "đại biểu", "count", {})]),
    # --- second batch: annotated before the extractor was run on it ------------------------
    ("Tính đến ngày 31/12/2023, tổng dư nợ cho vay trên địa bàn tỉnh đạt 85.320 tỷ đồng, tăng 11,3% so "
     "với đầu năm; nợ xấu chiếm 1,2% tổng dư nợ. Huy động vốn đạt 72.150 tỷ đồng, tăng 9,8%.",
     [("85.320 tỷ đồng", 85320000000000, "đồng", "money", {"label": "dư nợ cho vay"}),
      ("11,3%", 11.3, "%", "percent", {"change": "tăng", "reference": "đầu năm"}),
      ("1,2%", 1.2, "%", "percent", {"label": "nợ xấu"}),
      ("72.150 tỷ đồng", 72150000000000, "đồng", "money", {"label": "huy động vốn"}),
      ("9,8%", 9.8, "%", "percent", {"change": "tăng"})]),
    ("Năm 2023, toàn tỉnh đón 4,5 triệu lượt khách du lịch, trong đó khách quốc tế đạt 320.000 lượt, "
     "tăng 45% so với năm 2022; tổng thu từ du lịch ước đạt 6.800 tỷ đồng.",
     [("4,5 triệu lượt khách", 4500000, "lượt khách", "count", {}),
      ("320.000 lượt", 320000, "lượt", "count", {"label": "khách quốc tế"}),
      ("45%", 45, "%", "percent", {"change": "tăng", "reference": "năm 2022"}),
      ("6.800 tỷ đồng", 6800000000000, "đồng", "money", {"estimate": True, "label": "thu từ du lịch"})]),
    ("Huyện có 215 km đường giao thông nông thôn, trong đó 182 km đã được cứng hóa, đạt 84,7%. Năm nay, "
     "huyện đầu tư 36 tỷ đồng làm mới 8 cây cầu và 24 km đường bê tông.",
     [("215 km", 215, "km", "measure", {}),
      ("182 km", 182, "km", "measure", {}),
      ("84,7%", 84.7, "%", "percent", {}),
      ("36 tỷ đồng", 36000000000, "đồng", "money", {}),
      ("8 cây cầu", 8, "cây cầu", "count", {}),
      ("24 km", 24, "km", "measure", {})]),
    ("Tỷ lệ hộ dân sử dụng điện lưới quốc gia đạt 99,6%; 100% thôn, bản có đường ô tô đến trung tâm; "
     "số máy điện thoại di động đạt 115 máy/100 dân.",
     [("99,6%", 99.6, "%", "percent", {"label": "điện lưới quốc gia"}),
      ("100%", 100, "%", "percent", {}),
      ("115 máy/100 dân", 115, "máy/100 dân", "count", {"label": "máy điện thoại di động"})]),
    ("Trong quý III/2024, lực lượng công an đã phát hiện, bắt giữ 45 vụ, 78 đối tượng phạm tội về ma "
     "túy, thu giữ 1,2 kg heroin, 3.500 viên ma túy tổng hợp.",
     [("45 vụ", 45, "vụ", "count", {}),
      ("78 đối tượng", 78, "đối tượng", "count", {}),
      ("1,2 kg", 1.2, "kg", "measure", {}),
      ("3.500 viên", 3500, "viên", "count", {})]),
    ("Sáng 12-9, tại Hội trường tầng 3, UBND huyện tổ chức Hội nghị triển khai Chỉ thị số 05-CT/TU. "
     "Theo báo cáo, toàn huyện có 1.540 hộ với 6.230 khẩu thuộc diện di dời khỏi vùng sạt lở, cần kinh "
     "phí khoảng 320 tỷ đồng.",
     [("1.540 hộ", 1540, "hộ", "count", {}),
      ("6.230 khẩu", 6230, "khẩu", "count", {}),
      ("320 tỷ đồng", 320000000000, "đồng", "money", {"approx": "khoảng", "label": "kinh phí"})]),
    ("Kim ngạch xuất khẩu hàng nông sản đạt 856,4 triệu USD, chiếm 23,5% tổng kim ngạch; giá cà phê nhân "
     "xô dao động quanh mức 95.000 - 98.000 đ/kg, cao gấp đôi cùng kỳ.",
     [("856,4 triệu USD", 856400000, "USD", "money", {"label": "kim ngạch xuất khẩu hàng nông sản"}),
      ("23,5%", 23.5, "%", "percent", {"label": "kim ngạch xuất khẩu hàng nông sản"}),
      ("95.000 - 98.000 đ/kg", 95000, "đồng/kg", "money", {"upper": 98000, "approx": ANY,
                                                           "label": "giá cà phê"})]),
    ("Toàn tỉnh có 1.024 trường học, 18.650 giáo viên và hơn 352.000 học sinh; tỷ lệ trường đạt chuẩn "
     "quốc gia đạt 68,5%, tăng 3,2 điểm phần trăm so với năm học trước.",
     [("1.024 trường học", 1024, "trường học", "count", {}),
      ("18.650 giáo viên", 18650, "giáo viên", "count", {}),
      ("352.000 học sinh", 352000, "học sinh", "count", {"approx": "hơn"}),
      ("68,5%", 68.5, "%", "percent", {"label": "trường đạt chuẩn quốc gia"}),
      ("3,2 điểm phần trăm", 3.2, "điểm phần trăm", "percent", {"change": "tăng",
                                                                 "reference": "năm học trước"})]),
    ("Dự án Nhà máy điện gió số 2 có công suất 48 MW, tổng vốn đầu tư 1.960 tỷ đồng, dự kiến phát điện "
     "thương mại vào quý IV/2025, mỗi năm cung cấp khoảng 150 triệu kWh.",
     [("48 MW", 48, "MW", "measure", {"label": "công suất"}),
      ("1.960 tỷ đồng", 1960000000000, "đồng", "money", {"label": "vốn đầu tư"}),
      ("150 triệu kWh", 150000000, "kWh", "measure", {"approx": "khoảng"})]),
    ("Mức lương cơ sở tăng từ 1,8 triệu đồng lên 2,34 triệu đồng/tháng, tương đương tăng 30%. Có 2.430 "
     "cán bộ, công chức, viên chức được điều chỉnh lương.",
     [("1,8 triệu đồng", 1800000, "đồng", "money", {"change": ANY, "label": "lương cơ sở"}),
      ("2,34 triệu đồng/tháng", 2340000, "đồng/tháng", "money", {"change": ANY, "label": "lương cơ sở"}),
      ("30%", 30, "%", "percent", {"change": "tăng"}),
      ("2.430 cán bộ, công chức, viên chức", 2430, "cán bộ, công chức, viên chức", "count", {})]),
    ("Năm 2022, huyện cấp 1.856 giấy chứng nhận quyền sử dụng đất với diện tích 245,6 ha; thu hồi 12,3 "
     "ha đất để thực hiện 7 dự án.",
     [("1.856 giấy chứng nhận", 1856, "giấy chứng nhận", "count", {}),
      ("245,6 ha", 245.6, "ha", "measure", {"label": "diện tích"}),
      ("12,3 ha", 12.3, "ha", "measure", {"label": "thu hồi"}),
      ("7 dự án", 7, "dự án", "count", {})]),
    ("Mưa lớn kéo dài từ ngày 14 đến 16/10 làm 3 người chết, 5 người bị thương, 1.250 ngôi nhà bị ngập, "
     "hơn 800 ha lúa bị thiệt hại; tổng thiệt hại ước tính 125 tỷ đồng.",
     [("3 người", 3, "người", "count", {}),
      ("5 người", 5, "người", "count", {}),
      ("1.250 ngôi nhà", 1250, "ngôi nhà", "count", {}),
      ("800 ha", 800, "ha", "measure", {"approx": "hơn"}),
      ("125 tỷ đồng", 125000000000, "đồng", "money", {"estimate": True, "label": "thiệt hại"})]),
    # --- third batch, annotated blind: abbreviations, glued units, points, multiples ---------
    ("Năm 2023, huyện hỗ trợ 100 triệu/hộ cho 45 hộ làm nhà; tổng kinh phí 4,5 tỷ VNĐ. Giá trị sản xuất "
     "trên 1 ha đất canh tác đạt 120 triệu đồng, tăng gấp 1,5 lần so với năm 2015.",
     [("100 triệu/hộ", 100000000, "đồng/hộ", "money", {}),
      ("45 hộ", 45, "hộ", "count", {}),
      ("4,5 tỷ VNĐ", 4500000000, "đồng", "money", {"label": "kinh phí"}),
      ("120 triệu đồng", 120000000, "đồng", "money", {"label": "giá trị sản xuất"}),
      ("1,5 lần", 1.5, "lần", "count", {"change": "tăng", "reference": "năm 2015"})]),
    ("Tổng đàn gia súc, gia cầm có 1.200 con gia súc và 12 nghìn con gia cầm; sản lượng thủy sản đạt "
     "5 nghìn tấn, bằng 98% KH.",
     [("1.200 con gia súc", 1200, "con gia súc", "count", {}),
      ("12 nghìn con gia cầm", 12000, "con gia cầm", "count", {}),
      ("5 nghìn tấn", 5000, "tấn", "measure", {"label": "sản lượng thủy sản"}),
      ("98%", 98, "%", "percent", {"reference": "kế hoạch"})]),
    ("Số tiền phạt 1.500.000đ; trụ sở tại số 45 Trần Phú, ĐT: 0236.3822.111; công trình tại Km 12+500 "
     "tuyến ĐT 601.",
     [("1.500.000đ", 1500000, "đồng", "money", {"label": "tiền phạt"})]),
    ("Tỷ lệ bao phủ BHYT đạt 92 %, giảm 0,5 điểm % so với năm trước; 09 xã có tỷ lệ trên 95%.",
     [("92 %", 92, "%", "percent", {"label": "bao phủ BHYT"}),
      ("0,5 điểm %", 0.5, "điểm phần trăm", "percent", {"change": "giảm", "reference": "năm trước"}),
      ("09 xã", 9, "xã", "count", {}),
      ("95%", 95, "%", "percent", {"approx": "trên"})]),
    ("Lợi nhuận khoảng 30 - 40 triệu đồng/ha/năm, cao hơn 2 - 3 lần so với trồng lúa. Hiện có 520 hộ "
     "tham gia với diện tích trên 1.000m2 mỗi hộ.",
     [("30 - 40 triệu đồng/ha/năm", 30000000, "đồng/ha/năm", "money",
       {"upper": 40000000, "approx": "khoảng", "label": "lợi nhuận"}),
      ("2 - 3 lần", 2, "lần", "count", {"upper": 3, "change": "tăng", "reference": ANY}),
      ("520 hộ", 520, "hộ", "count", {}),
      ("1.000m2", 1000, "m2", "measure", {"approx": "trên", "label": "diện tích"})]),
    ("Giá lúa OM 18 tại ruộng đang ở mức 8.500-8.700 đồng một kg; với năng suất 7,5 tấn một ha, năng "
     "suất chè đạt 12,5 tạ/ha/lứa.",
     [("8.500-8.700 đồng một kg", 8500, "đồng/kg", "money", {"upper": 8700, "label": "giá lúa"}),
      ("7,5 tấn một ha", 7.5, "tấn/ha", "measure", {"label": "năng suất"}),
      ("12,5 tạ/ha/lứa", 12.5, "tạ/ha/lứa", "measure", {"label": "năng suất chè"})]),
    ("Tuổi thọ bình quân của người dân đạt 74 tuổi, tăng 0,5 tuổi so với năm 2020; tỷ suất sinh thô "
     "15,2‰. Đã tiêm vắc xin cho trẻ dưới 5 tuổi và người từ 18 tuổi trở lên.",
     [("74 tuổi", 74, "tuổi", "measure", {"label": "tuổi thọ bình quân"}),
      ("0,5 tuổi", 0.5, "tuổi", "measure", {"change": "tăng", "reference": "năm 2020"}),
      ("15,2‰", 15.2, "‰", "percent", {"label": "tỷ suất sinh thô"})]),
    # --- no figures at all -----------------------------------------------------------------
    ("Ngày 15/3, UBND tỉnh ban hành Quyết định 1234/QĐ-UBND triển khai Nghị quyết số 15-NQ/TU về phát "
     "triển kinh tế giai đoạn 2021-2025. Tháng 3/2024, năm 2023 và quý II là các mốc đánh giá. Mọi "
     "thông tin liên hệ số điện thoại 0255.3822.123, trụ sở tại số 12 đường Lê Lợi, tổ dân phố số 3; "
     "công trình nằm tại km 15+200 Quốc lộ 1A.",
     []),
    ("Theo Điều 5, Khoản 2 Luật Đất đai năm 2013 và Nghị định số 43/2014/NĐ-CP, các hộ thuộc thôn 5, "
     "xã Đức Phong được xem xét. Đường dây nóng: 1900 1234. Ảnh: IMG_2024.jpg.",
     []),
    ("Sáng 16-6, tại phường 3, thị xã, Đoàn công tác số 2 làm việc với Tiểu đoàn 14 về kế hoạch quý "
     "III/2024 và giai đoạn 2026 - 2030.",
     []),
]

_DEFAULTS = {"total": None, "upper": None, "approx": None, "change": None, "reference": None,
             "estimate": False}


def _close(a, b) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def attribute_errors(ind, expected) -> list[str]:
    """Fields of one found figure that disagree with its hand annotation (shared with the bench)."""
    text, value, unit, kind, attrs = expected
    errors = []
    if not _close(ind.value, value):
        errors.append(f"value {ind.value!r} != {value!r}")
    if ind.unit != unit:
        errors.append(f"unit {ind.unit!r} != {unit!r}")
    if ind.kind != kind:
        errors.append(f"kind {ind.kind!r} != {kind!r}")
    for key, default in _DEFAULTS.items():
        want = attrs.get(key, default)
        if want is ANY:
            continue
        got = getattr(ind, key)
        ok = _close(got, want) if key in ("total", "upper") and want is not None else got == want
        if not ok:
            errors.append(f"{key} {got!r} != {want!r}")
    if "label" in attrs and attrs["label"].lower() not in (ind.label or "").lower():
        errors.append(f"label {ind.label!r} lacks {attrs['label']!r}")
    return errors


@pytest.mark.parametrize("paragraph,expected", AUDIT, ids=[c[0][:50] for c in AUDIT])
def test_audit_paragraph(paragraph, expected):
    found = extract_indicators(paragraph)
    for ind in found:
        assert paragraph[ind.start:ind.end] == ind.text
    assert [i.text for i in found] == [e[0] for e in expected]
    for ind, exp in zip(found, expected):
        assert attribute_errors(ind, exp) == [], ind.text


# --- odd input: spans always index the text as given --------------------------------------
ODD_TEXTS = [
    unicodedata.normalize("NFD", AUDIT[1][0]),
    unicodedata.normalize("NFD", "Tổng đàn trâu 25.000 con, tăng 1,5% so với cùng kỳ; giải ngân 3,2 tỷ đồng."),
    "Dien tich 41,8 nghin ha\x00, nang suat 58,5 ta/ha \ufeff; 12% \u200b tang.",
    "\r\n".join(["Có 5 xã đạt chuẩn.", "Thu 1,2 tỷ đồng."]),
    "5" * 5000 + " xã",
    "%" * 100 + "1,5" + "/" * 50,
    "",
    "\u0301\u0300 12 ha",
]


@pytest.mark.parametrize("text", ODD_TEXTS, ids=range(len(ODD_TEXTS)))
def test_odd_input_spans(text):
    for ind in extract_indicators(text):
        assert text[ind.start:ind.end] == ind.text


def test_nfd_text_gives_the_nfc_figures():
    nfc = AUDIT[1][0]
    nfd = unicodedata.normalize("NFD", nfc)
    want = [(i.value, i.unit, i.kind, i.change, i.reference, i.estimate) for i in extract_indicators(nfc)]
    got = extract_indicators(nfd)
    assert [(i.value, i.unit, i.kind, i.change, i.reference, i.estimate) for i in got] == want
    assert len(want) == 7
    assert [unicodedata.normalize("NFC", i.text) for i in got] == [e[0] for e in AUDIT[1][1]]
