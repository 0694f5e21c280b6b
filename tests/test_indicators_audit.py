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
      ("12,8%", 12.8, "%", "percent", {"estimate": ANY, "change": "tăng", "reference": ANY,
                                       "label": "công nghiệp - xây dựng"}),
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
    # --- fourth batch, annotated blind: programme reports, citizen reception, party work, traffic,
    # disasters, schools, health, investment, land, labour, digital, tax, livestock, trade, tourism
    ("Kết quả thực hiện Chương trình MTQG giảm nghèo bền vững năm 2023: tổng kinh phí được giao 45,8 tỷ "
     "đồng (vốn đầu tư phát triển 32,5 tỷ đồng, vốn sự nghiệp 13,3 tỷ đồng), đã giải ngân 41,2 tỷ đồng, "
     "đạt 89,96% KH. Tỷ lệ hộ nghèo giảm từ 8,52% xuống còn 6,15%, giảm 2,37%, vượt chỉ tiêu NQ đề ra "
     "(giảm 2%/năm).",
     [("45,8 tỷ đồng", 45800000000, "đồng", "money", {"label": "kinh phí"}),
      ("32,5 tỷ đồng", 32500000000, "đồng", "money", {"label": "vốn đầu tư phát triển"}),
      ("13,3 tỷ đồng", 13300000000, "đồng", "money", {"label": "vốn sự nghiệp"}),
      ("41,2 tỷ đồng", 41200000000, "đồng", "money", {"label": "giải ngân"}),
      ("89,96%", 89.96, "%", "percent", {"reference": "kế hoạch"}),
      ("8,52%", 8.52, "%", "percent", {"label": "hộ nghèo"}),
      ("6,15%", 6.15, "%", "percent", {"label": "hộ nghèo"}),
      ("2,37%", 2.37, "%", "percent", {"change": "giảm", "label": "hộ nghèo"}),
      ("2%", 2, "%", "percent", {"change": "giảm", "reference": ANY})]),
    ("Trong tháng 10/2024, các cơ quan, đơn vị trên địa bàn huyện đã tiếp 125 lượt công dân (tăng 18 "
     "lượt so với tháng trước) với 98 vụ việc; trong đó có 6 đoàn đông người. Tiếp nhận 156 đơn thư, "
     "trong đó 48 đơn thuộc thẩm quyền; đã giải quyết 45/48 đơn, đạt 93,75%.",
     [("125 lượt công dân", 125, "lượt công dân", "count", {}),
      ("18 lượt", 18, "lượt", "count", {"change": "tăng", "reference": "tháng trước"}),
      ("98 vụ việc", 98, "vụ việc", "count", {}),
      ("6 đoàn", 6, "đoàn", "count", {}),
      ("156 đơn thư", 156, "đơn thư", "count", {}),
      ("48 đơn", 48, "đơn", "count", {}),
      ("45/48 đơn", 45, "đơn", "ratio", {"total": 48}),
      ("93,75%", 93.75, "%", "percent", {})]),
    ("Năm 2023, Đảng bộ huyện kết nạp 156 đảng viên mới, đạt 104% chỉ tiêu; trao Huy hiệu Đảng cho 212 "
     "đảng viên, trong đó 3 đồng chí nhận Huy hiệu 70 năm tuổi Đảng. Kết quả đánh giá, xếp loại: 92,5% "
     "tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên; có 15/46 tổ chức cơ sở đảng hoàn thành xuất "
     "sắc nhiệm vụ.",
     [("156 đảng viên", 156, "đảng viên", "count", {}),
      ("104%", 104, "%", "percent", {"reference": "chỉ tiêu"}),
      ("212 đảng viên", 212, "đảng viên", "count", {}),
      ("3 đồng chí", 3, "đồng chí", "count", {}),
      ("92,5%", 92.5, "%", "percent", {}),
      ("15/46 tổ chức", 15, "tổ chức", "ratio", {"total": 46})]),
    ("Tình hình trật tự an toàn giao thông: trong tháng xảy ra 12 vụ tai nạn giao thông, làm chết 8 "
     "người, bị thương 5 người; so với cùng kỳ giảm 3 vụ, giảm 2 người chết, tăng 1 người bị thương. Lực "
     "lượng CSGT đã lập biên bản 1.245 trường hợp vi phạm, tạm giữ 215 phương tiện, phạt tiền 1.250,5 "
     "triệu đồng.",
     [("12 vụ", 12, "vụ", "count", {}),
      ("8 người", 8, "người", "count", {}),
      ("5 người", 5, "người", "count", {}),
      ("3 vụ", 3, "vụ", "count", {"change": "giảm", "reference": "cùng kỳ"}),
      ("2 người", 2, "người", "count", {"change": "giảm", "reference": "cùng kỳ"}),
      ("1 người", 1, "người", "count", {"change": "tăng", "reference": "cùng kỳ"}),
      ("1.245 trường hợp vi phạm", 1245, "trường hợp vi phạm", "count", {}),
      ("215 phương tiện", 215, "phương tiện", "count", {}),
      ("1.250,5 triệu đồng", 1250500000, "đồng", "money", {"label": "phạt tiền"})]),
    ("Ảnh hưởng của cơn bão số 3 (Yagi) làm 02 người chết, 14 người bị thương; 1.362 ngôi nhà bị tốc "
     "mái, hư hỏng; 2.150 ha lúa và hoa màu bị ngập úng; 4.560 cây xanh bị gãy đổ. Tổng thiệt hại ước "
     "tính khoảng 215 tỷ đồng. UBND tỉnh đã xuất 50 tấn gạo dự trữ và hỗ trợ 3 tỷ đồng cho các địa "
     "phương.",
     [("02 người", 2, "người", "count", {}),
      ("14 người", 14, "người", "count", {}),
      ("1.362 ngôi nhà", 1362, "ngôi nhà", "count", {}),
      ("2.150 ha", 2150, "ha", "measure", {}),
      ("4.560 cây xanh", 4560, "cây xanh", "count", {}),
      ("215 tỷ đồng", 215000000000, "đồng", "money", {"estimate": True, "approx": "khoảng",
                                                      "label": "thiệt hại"}),
      ("50 tấn", 50, "tấn", "measure", {}),
      ("3 tỷ đồng", 3000000000, "đồng", "money", {})]),
    ("Kỳ thi tốt nghiệp THPT năm 2024, toàn tỉnh có 12.456 thí sinh dự thi; tỷ lệ học sinh tốt nghiệp "
     "THPT đạt 99,12%, cao hơn 0,35% so với năm 2023; điểm trung bình các môn thi đạt 6,72 điểm, xếp thứ "
     "15/63 tỉnh, thành phố, tăng 2 bậc. Có 86 bài thi đạt điểm 10.",
     [("12.456 thí sinh", 12456, "thí sinh", "count", {}),
      ("99,12%", 99.12, "%", "percent", {"label": "tốt nghiệp THPT"}),
      ("0,35%", 0.35, "%", "percent", {"change": "tăng", "reference": "năm 2023"}),
      ("6,72 điểm", 6.72, "điểm", "measure", {"label": "điểm trung bình"}),
      ("2 bậc", 2, "bậc", "count", {"change": "tăng"}),
      ("86 bài thi", 86, "bài thi", "count", {})]),
    ("Công tác tiêm chủng mở rộng: đã tiêm 15.234 liều vắc xin các loại cho trẻ em và phụ nữ có thai; tỷ "
     "lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ đạt 96,8% (KH 95%). Các cơ sở y tế đã khám bệnh cho "
     "245.680 lượt người, điều trị nội trú 18.420 lượt, công suất sử dụng giường bệnh đạt 105,6%.",
     [("15.234 liều vắc xin", 15234, "liều vắc xin", "count", {}),
      ("96,8%", 96.8, "%", "percent", {"label": "tiêm chủng đầy đủ"}),
      ("95%", 95, "%", "percent", {"reference": ANY}),
      ("245.680 lượt người", 245680, "lượt người", "count", {}),
      ("18.420 lượt", 18420, "lượt", "count", {"label": "điều trị nội trú"}),
      ("105,6%", 105.6, "%", "percent", {"label": "công suất sử dụng giường bệnh"})]),
    ("Lũy kế từ đầu năm đến ngày 15/11/2024, tỉnh đã cấp mới giấy chứng nhận đăng ký đầu tư cho 28 dự án "
     "với tổng vốn đăng ký 15 nghìn tỷ đồng và 350,5 triệu USD; điều chỉnh tăng vốn cho 12 dự án với số "
     "vốn tăng thêm 2.150 tỷ đồng. Toàn tỉnh có 1.256 doanh nghiệp thành lập mới, vốn đăng ký bình quân "
     "8,5 tỷ đồng/doanh nghiệp.",
     [("28 dự án", 28, "dự án", "count", {}),
      ("15 nghìn tỷ đồng", 15000000000000, "đồng", "money", {"label": "vốn đăng ký"}),
      ("350,5 triệu USD", 350500000, "USD", "money", {}),
      ("12 dự án", 12, "dự án", "count", {}),
      ("2.150 tỷ đồng", 2150000000000, "đồng", "money", {"change": "tăng"}),
      ("1.256 doanh nghiệp", 1256, "doanh nghiệp", "count", {}),
      ("8,5 tỷ đồng/doanh nghiệp", 8500000000, "đồng/doanh nghiệp", "money", {"label": "vốn đăng ký"})]),
    ("Công tác quản lý đất đai: UBND huyện ban hành 35 quyết định thu hồi đất với tổng diện tích 12,5 ha "
     "của 142 hộ gia đình, cá nhân; giao đất tái định cư cho 48 hộ. Đã cấp 2.315 giấy chứng nhận quyền sử "
     "dụng đất lần đầu, diện tích 186,42 ha, đạt 115,7% KH năm; thu tiền sử dụng đất 86,3 tỷ đồng.",
     [("35 quyết định", 35, "quyết định", "count", {}),
      ("12,5 ha", 12.5, "ha", "measure", {"label": "diện tích"}),
      ("142 hộ gia đình, cá nhân", 142, "hộ gia đình, cá nhân", "count", {}),
      ("48 hộ", 48, "hộ", "count", {}),
      ("2.315 giấy chứng nhận", 2315, "giấy chứng nhận", "count", {}),
      ("186,42 ha", 186.42, "ha", "measure", {"label": "diện tích"}),
      ("115,7%", 115.7, "%", "percent", {"reference": "kế hoạch"}),
      ("86,3 tỷ đồng", 86300000000, "đồng", "money", {"label": "tiền sử dụng đất"})]),
    ("Năm 2024, huyện đã giải quyết việc làm cho 2.300 lao động (đạt 115% KH), trong đó xuất khẩu lao "
     "động 120 người; đào tạo nghề cho 1.850 người, tỷ lệ lao động qua đào tạo đạt 72,5%, trong đó có "
     "bằng cấp, chứng chỉ đạt 32,8%. Ngân hàng CSXH giải ngân 45,6 tỷ đồng cho 856 lượt hộ vay vốn tạo "
     "việc làm.",
     [("2.300 lao động", 2300, "lao động", "count", {}),
      ("115%", 115, "%", "percent", {"reference": "kế hoạch"}),
      ("120 người", 120, "người", "count", {"label": "xuất khẩu lao động"}),
      ("1.850 người", 1850, "người", "count", {}),
      ("72,5%", 72.5, "%", "percent", {"label": "lao động qua đào tạo"}),
      ("32,8%", 32.8, "%", "percent", {"label": "chứng chỉ"}),
      ("45,6 tỷ đồng", 45600000000, "đồng", "money", {"label": "giải ngân"}),
      ("856 lượt hộ", 856, "lượt hộ", "count", {})]),
    ("Về chuyển đổi số, tỷ lệ hồ sơ trực tuyến toàn trình đạt 98,5%; tỷ lệ số hóa hồ sơ, kết quả giải "
     "quyết TTHC đạt 85,2%; 100% cơ quan nhà nước sử dụng văn bản điện tử có ký số. Toàn tỉnh có 1.452 "
     "Tổ công nghệ số cộng đồng với 7.260 thành viên; đã cài đặt 325.600 tài khoản định danh điện tử mức "
     "độ 2, đạt 78,4% dân số trong độ tuổi.",
     [("98,5%", 98.5, "%", "percent", {"label": "hồ sơ trực tuyến toàn trình"}),
      ("85,2%", 85.2, "%", "percent", {"label": "số hóa hồ sơ"}),
      ("100%", 100, "%", "percent", {}),
      ("1.452 Tổ", 1452, "tổ", "count", {}),
      ("7.260 thành viên", 7260, "thành viên", "count", {}),
      ("325.600 tài khoản", 325600, "tài khoản", "count", {}),
      ("78,4%", 78.4, "%", "percent", {})]),
    ("Tổng thu ngân sách nhà nước trên địa bàn 10 tháng ước đạt 1.256,8 tỷ đồng, bằng 87,5% dự toán tỉnh "
     "giao, bằng 102,3% so với cùng kỳ. Tổng nợ thuế đến 31/10/2024 là 25,6 tỷ đồng, tăng 3,2 tỷ đồng so "
     "với thời điểm 31/12/2023; trong đó nợ có khả năng thu 18,4 tỷ đồng.",
     [("1.256,8 tỷ đồng", 1256800000000, "đồng", "money", {"estimate": True,
                                                          "label": "thu ngân sách nhà nước"}),
      ("87,5%", 87.5, "%", "percent", {"estimate": True, "reference": "dự toán"}),
      ("102,3%", 102.3, "%", "percent", {"estimate": True, "reference": "cùng kỳ"}),
      ("25,6 tỷ đồng", 25600000000, "đồng", "money", {"label": "nợ thuế"}),
      ("3,2 tỷ đồng", 3200000000, "đồng", "money", {"change": "tăng", "reference": ANY}),
      ("18,4 tỷ đồng", 18400000000, "đồng", "money", {"label": "nợ có khả năng thu"})]),
    ("Chăn nuôi: tổng đàn lợn 125.000 con, tăng 4,5% so với cùng kỳ; đàn trâu 8.650 con, giảm 2,1%; đàn "
     "bò 22.400 con; đàn gia cầm 1,85 triệu con. Sản lượng thịt hơi xuất chuồng ước đạt 28.500 tấn. Trong "
     "tháng, phát hiện 3 ổ dịch tả lợn châu Phi tại 2 xã, tiêu hủy 156 con lợn với tổng trọng lượng "
     "8.420 kg.",
     [("125.000 con", 125000, "con", "count", {"label": "đàn lợn"}),
      ("4,5%", 4.5, "%", "percent", {"change": "tăng", "reference": "cùng kỳ"}),
      ("8.650 con", 8650, "con", "count", {"label": "đàn trâu"}),
      ("2,1%", 2.1, "%", "percent", {"change": "giảm", "label": "đàn trâu"}),
      ("22.400 con", 22400, "con", "count", {"label": "đàn bò"}),
      ("1,85 triệu con", 1850000, "con", "count", {"label": "đàn gia cầm"}),
      ("28.500 tấn", 28500, "tấn", "measure", {"estimate": True, "label": "thịt hơi"}),
      ("3 ổ dịch", 3, "ổ dịch", "count", {}),
      ("2 xã", 2, "xã", "count", {}),
      ("156 con lợn", 156, "con lợn", "count", {}),
      ("8.420 kg", 8420, "kg", "measure", {"label": "trọng lượng"})]),
    ("Kim ngạch xuất khẩu 9 tháng năm 2024 ước đạt 1.125,6 triệu USD, tăng 15,2% so với cùng kỳ, đạt "
     "78,5% KH năm; trong đó xuất khẩu thủy sản 356,8 triệu USD, dệt may 245,2 triệu USD, gỗ và sản phẩm "
     "gỗ 185 triệu USD. Kim ngạch nhập khẩu ước đạt 865,3 triệu USD, tăng 8,6%.",
     [("1.125,6 triệu USD", 1125600000, "USD", "money", {"estimate": True, "label": "kim ngạch xuất khẩu"}),
      ("15,2%", 15.2, "%", "percent", {"estimate": True, "change": "tăng", "reference": "cùng kỳ"}),
      ("78,5%", 78.5, "%", "percent", {"estimate": True, "reference": "kế hoạch"}),
      ("356,8 triệu USD", 356800000, "USD", "money", {"estimate": ANY, "label": "thủy sản"}),
      ("245,2 triệu USD", 245200000, "USD", "money", {"estimate": ANY, "label": "dệt may"}),
      ("185 triệu USD", 185000000, "USD", "money", {"estimate": ANY, "label": "gỗ"}),
      ("865,3 triệu USD", 865300000, "USD", "money", {"estimate": True, "label": "kim ngạch nhập khẩu"}),
      ("8,6%", 8.6, "%", "percent", {"estimate": True, "change": "tăng"})]),
    ("Năm 2024, ngành du lịch đón 1,2 triệu lượt khách, tăng 18% so với năm 2023, trong đó khách quốc tế "
     "85.000 lượt; doanh thu 850 tỷ đồng, vượt 6,25% kế hoạch. Công suất phòng bình quân đạt 62%; toàn "
     "tỉnh có 245 cơ sở lưu trú với 4.850 phòng.",
     [("1,2 triệu lượt khách", 1200000, "lượt khách", "count", {}),
      ("18%", 18, "%", "percent", {"change": "tăng", "reference": "năm 2023"}),
      ("85.000 lượt", 85000, "lượt", "count", {"label": "khách quốc tế"}),
      ("850 tỷ đồng", 850000000000, "đồng", "money", {"label": "doanh thu"}),
      ("6,25%", 6.25, "%", "percent", {"change": "tăng", "reference": "kế hoạch"}),
      ("62%", 62, "%", "percent", {"label": "công suất phòng"}),
      ("245 cơ sở lưu trú", 245, "cơ sở lưu trú", "count", {}),
      ("4.850 phòng", 4850, "phòng", "count", {})]),
    ("Giá trị sản xuất công nghiệp (giá so sánh 2010) tháng 11 ước đạt 2.345 tỷ đồng, tăng 1,8% so với "
     "tháng trước và tăng 9,4% so với cùng kỳ; lũy kế 11 tháng ước đạt 24.560 tỷ đồng, đạt 91,2% KH, tăng "
     "8,7% so với CK.",
     [("2.345 tỷ đồng", 2345000000000, "đồng", "money", {"estimate": True,
                                                        "label": "giá trị sản xuất công nghiệp"}),
      ("1,8%", 1.8, "%", "percent", {"estimate": True, "change": "tăng", "reference": "tháng trước"}),
      ("9,4%", 9.4, "%", "percent", {"estimate": True, "change": "tăng", "reference": "cùng kỳ"}),
      ("24.560 tỷ đồng", 24560000000000, "đồng", "money", {"estimate": True}),
      ("91,2%", 91.2, "%", "percent", {"estimate": True, "reference": "kế hoạch"}),
      ("8,7%", 8.7, "%", "percent", {"estimate": True, "change": "tăng", "reference": "cùng kỳ"})]),
    ("Tỷ lệ hộ sử dụng nước sạch tại 3 xã Ba Điền, Ba Vinh, Ba Ngạc lần lượt là 12%, 15% và 18%. Thu "
     "nhập bình quân đầu người năm 2024 đạt 45,2 triệu đồng, gấp 1,5 lần so với năm 2020.",
     [("3 xã", 3, "xã", "count", {}),
      ("12%", 12, "%", "percent", {"label": "nước sạch"}),
      ("15%", 15, "%", "percent", {"label": "nước sạch"}),
      ("18%", 18, "%", "percent", {"label": "nước sạch"}),
      ("45,2 triệu đồng", 45200000, "đồng", "money", {"label": "thu nhập bình quân đầu người"}),
      ("1,5 lần", 1.5, "lần", "count", {"reference": "năm 2020"})]),
    ("Giá thu mua mủ cao su dao động từ 11.500 - 12.000 đồng/kg; giá keo nguyên liệu 1,1 - 1,25 triệu "
     "đồng/tấn, tăng khoảng 100.000 đồng/tấn so với đầu năm. Mỗi ha keo sau 5 năm cho thu nhập từ 80 đến "
     "100 triệu đồng.",
     [("11.500 - 12.000 đồng/kg", 11500, "đồng/kg", "money", {"upper": 12000, "label": "giá thu mua mủ cao su"}),
      ("1,1 - 1,25 triệu đồng/tấn", 1100000, "đồng/tấn", "money", {"upper": 1250000, "label": "giá keo"}),
      ("100.000 đồng/tấn", 100000, "đồng/tấn", "money", {"change": "tăng", "approx": "khoảng",
                                                         "reference": "đầu năm"}),
      ("80 đến 100 triệu đồng", 80000000, "đồng", "money", {"upper": 100000000, "label": "thu nhập"})]),
    ("Thực hiện Kế hoạch số 125/KH-UBND ngày 12/3/2024 của UBND tỉnh về triển khai Đề án 06, đến nay toàn "
     "huyện đã thu nhận 45.678 hồ sơ cấp căn cước, đạt 98,2%; kích hoạt 32.450 tài khoản định danh điện tử "
     "mức độ 2. Theo Quyết định 1690/QĐ-TTg, huyện được phân bổ 1,5 tỷ đ để mua sắm 25 bộ thiết bị.",
     [("45.678 hồ sơ", 45678, "hồ sơ", "count", {}),
      ("98,2%", 98.2, "%", "percent", {}),
      ("32.450 tài khoản", 32450, "tài khoản", "count", {}),
      ("1,5 tỷ đ", 1500000000, "đồng", "money", {}),
      ("25 bộ", 25, "bộ", "count", {})]),
    ("Kết quả rà soát cuối năm 2023, toàn huyện có 2.845 hộ nghèo (chiếm 9,56%), 1.672 hộ cận nghèo "
     "(chiếm 5,62%); số hộ thoát nghèo trong năm là 612 hộ. Tổng kinh phí hỗ trợ nhà ở cho hộ nghèo 6,3 "
     "tỷ đồng, xây mới 126 căn nhà (mức hỗ trợ 50 triệu đồng/căn).",
     [("2.845 hộ nghèo", 2845, "hộ nghèo", "count", {}),
      ("9,56%", 9.56, "%", "percent", {"label": "hộ nghèo"}),
      ("1.672 hộ cận nghèo", 1672, "hộ cận nghèo", "count", {}),
      ("5,62%", 5.62, "%", "percent", {"label": "hộ cận nghèo"}),
      ("612 hộ", 612, "hộ", "count", {"label": "hộ thoát nghèo"}),
      ("6,3 tỷ đồng", 6300000000, "đồng", "money", {"label": "kinh phí hỗ trợ nhà ở"}),
      ("126 căn nhà", 126, "căn nhà", "count", {}),
      ("50 triệu đồng/căn", 50000000, "đồng/căn", "money", {"label": "mức hỗ trợ"})]),
    ("Đến nay, toàn huyện có 12/17 xã đạt chuẩn nông thôn mới, 3 xã đạt chuẩn NTM nâng cao; bình quân đạt "
     "17,5 tiêu chí/xã. Xã Tịnh Hiệp đạt 19/19 tiêu chí, xã Tịnh Thới mới đạt 14/19 tiêu chí (còn thiếu "
     "tiêu chí số 10, 13).",
     [("12/17 xã", 12, "xã", "ratio", {"total": 17}),
      ("3 xã", 3, "xã", "count", {}),
      ("17,5 tiêu chí/xã", 17.5, "tiêu chí/xã", "count", {}),
      ("19/19 tiêu chí", 19, "tiêu chí", "ratio", {"total": 19}),
      ("14/19 tiêu chí", 14, "tiêu chí", "ratio", {"total": 19})]),
    ("Chỉ số PAPI năm 2023 của tỉnh đạt 43,52 điểm, tăng 1,25 điểm so với năm 2022; chỉ số SIPAS đạt "
     "84,6%, tăng 0,5 điểm phần trăm. Chỉ số cải cách hành chính (PAR Index) đạt 86,15%, xếp thứ 12/63 "
     "tỉnh, thành phố, tăng 5 bậc.",
     [("43,52 điểm", 43.52, "điểm", "measure", {"label": "chỉ số PAPI"}),
      ("1,25 điểm", 1.25, "điểm", "measure", {"change": "tăng", "reference": "năm 2022"}),
      ("84,6%", 84.6, "%", "percent", {"label": "SIPAS"}),
      ("0,5 điểm phần trăm", 0.5, "điểm phần trăm", "percent", {"change": "tăng"}),
      ("86,15%", 86.15, "%", "percent", {"label": "chỉ số cải cách hành chính"}),
      ("5 bậc", 5, "bậc", "count", {"change": "tăng"})]),
    ("Một số sản phẩm chủ yếu tăng so với cùng kỳ: điện sản xuất ước đạt 2.156 triệu kWh (+12,5%); xi "
     "măng 1,85 triệu tấn (+6,2%); bia các loại 125,4 triệu lít (-3,1%); quần áo may sẵn 45,6 triệu cái.",
     [("2.156 triệu kWh", 2156000000, "kWh", "measure", {"estimate": True, "label": "điện sản xuất"}),
      ("12,5%", 12.5, "%", "percent", {"estimate": ANY, "change": "tăng", "reference": ANY}),
      ("1,85 triệu tấn", 1850000, "tấn", "measure", {"estimate": ANY, "label": "xi măng"}),
      ("6,2%", 6.2, "%", "percent", {"estimate": ANY, "change": "tăng", "reference": ANY}),
      ("125,4 triệu lít", 125400000, "lít", "measure", {"estimate": ANY, "label": "bia"}),
      ("3,1%", 3.1, "%", "percent", {"estimate": ANY, "change": "giảm", "reference": ANY}),
      ("45,6 triệu cái", 45600000, "cái", "count", {"estimate": ANY, "label": "quần áo may sẵn"})]),
    ("Trên địa bàn tỉnh xảy ra 8 vụ cháy, thiệt hại tài sản ước tính 3,2 tỷ đồng; không có thiệt hại về "
     "người. Lực lượng chức năng phát hiện, xử lý 326 vụ vi phạm về môi trường, phạt tiền 2,45 tỷ đồng; "
     "buôn lậu, gian lận thương mại 154 vụ, trong đó hàng giả 12 vụ.",
     [("8 vụ", 8, "vụ", "count", {}),
      ("3,2 tỷ đồng", 3200000000, "đồng", "money", {"estimate": True, "label": "thiệt hại tài sản"}),
      ("326 vụ", 326, "vụ", "count", {}),
      ("2,45 tỷ đồng", 2450000000, "đồng", "money", {"label": "phạt tiền"}),
      ("154 vụ", 154, "vụ", "count", {"label": "buôn lậu"}),
      ("12 vụ", 12, "vụ", "count", {"label": "hàng giả"})]),
    ("Đến cuối tháng 6/2024, tổng nguồn vốn huy động trên địa bàn đạt 52.600 tỉ đồng, tăng 4,2% so với "
     "cuối năm 2023; dư nợ cho vay đạt 68 ngàn tỷ đồng, nợ xấu chiếm 0,98%. Vốn chính sách xã hội đã cho "
     "12.450 lượt khách hàng vay với doanh số 845 tỷ.",
     [("52.600 tỉ đồng", 52600000000000, "đồng", "money", {"label": "vốn huy động"}),
      ("4,2%", 4.2, "%", "percent", {"change": "tăng", "reference": "cuối năm 2023"}),
      ("68 ngàn tỷ đồng", 68000000000000, "đồng", "money", {"label": "dư nợ cho vay"}),
      ("0,98%", 0.98, "%", "percent", {"label": "nợ xấu"}),
      ("12.450 lượt khách hàng", 12450, "lượt khách hàng", "count", {}),
      ("845 tỷ", 845000000000, "đồng", "money", {"label": "doanh số"})]),
    # --- fifth batch, annotated blind: monthly reports, bracketed breakdowns, signed changes,
    # ranges with one scale word, thresholds ------------------------------------------------
    ("Sản xuất nông nghiệp: vụ Hè Thu 2024 gieo trồng được 18.560 ha lúa, đạt 101,2% KH, năng suất ước "
     "đạt 55,8 tạ/ha, sản lượng ước 103.564 tấn; cây ngô 1.250 ha, cây sắn 3.420 ha. Tổng sản lượng lương "
     "thực có hạt ước đạt 112,5 nghìn tấn, tăng 2.340 tấn so với vụ Hè Thu năm trước.",
     [("18.560 ha", 18560, "ha", "measure", {"label": "gieo trồng"}),
      ("101,2%", 101.2, "%", "percent", {"reference": "kế hoạch"}),
      ("55,8 tạ/ha", 55.8, "tạ/ha", "measure", {"estimate": True, "label": "năng suất"}),
      ("103.564 tấn", 103564, "tấn", "measure", {"estimate": True, "label": "sản lượng"}),
      ("1.250 ha", 1250, "ha", "measure", {"label": "ngô"}),
      ("3.420 ha", 3420, "ha", "measure", {"label": "sắn"}),
      ("112,5 nghìn tấn", 112500, "tấn", "measure", {"estimate": True,
                                                     "label": "sản lượng lương thực có hạt"}),
      ("2.340 tấn", 2340, "tấn", "measure", {"estimate": True, "change": "tăng", "reference": ANY})]),
    ("Trong quý III/2024, Chủ tịch UBND huyện tiếp công dân định kỳ 6 buổi với 32 lượt người, đột xuất 2 "
     "buổi. Tổng số đơn tiếp nhận 87 đơn (kỳ trước chuyển sang 12 đơn); đã giải quyết 76/87 đơn, đạt "
     "87,36%; số đơn tồn đọng 11 đơn, giảm 4 đơn so với quý II.",
     [("6 buổi", 6, "buổi", "count", {}),
      ("32 lượt người", 32, "lượt người", "count", {}),
      ("2 buổi", 2, "buổi", "count", {}),
      ("87 đơn", 87, "đơn", "count", {}),
      ("12 đơn", 12, "đơn", "count", {}),
      ("76/87 đơn", 76, "đơn", "ratio", {"total": 87}),
      ("87,36%", 87.36, "%", "percent", {}),
      ("11 đơn", 11, "đơn", "count", {"label": "đơn tồn đọng"}),
      ("4 đơn", 4, "đơn", "count", {"change": "giảm", "reference": "quý II"})]),
    ("Công tác kiểm tra, giám sát: Ủy ban Kiểm tra Huyện ủy đã kiểm tra 8 tổ chức đảng và 15 đảng viên "
     "khi có dấu hiệu vi phạm; thi hành kỷ luật 6 đảng viên (khiển trách 4, cảnh cáo 2). Toàn Đảng bộ "
     "hiện có 58 tổ chức cơ sở đảng với 4.235 đảng viên.",
     [("8 tổ chức", 8, "tổ chức", "count", {}),
      ("15 đảng viên", 15, "đảng viên", "count", {}),
      ("6 đảng viên", 6, "đảng viên", "count", {}),
      ("4", 4, "đảng viên", "count", {"label": "khiển trách"}),
      ("2", 2, "đảng viên", "count", {"label": "cảnh cáo"}),
      ("58 tổ chức", 58, "tổ chức", "count", {}),
      ("4.235 đảng viên", 4235, "đảng viên", "count", {})]),
    ("Từ ngày 15/12/2023 đến ngày 14/6/2024, trên địa bàn tỉnh xảy ra 45 vụ tai nạn giao thông đường bộ, "
     "làm chết 38 người, bị thương 29 người. So với cùng kỳ năm 2023, số vụ giảm 7 vụ (-13,46%), số người "
     "chết giảm 5 người (-11,63%), số người bị thương tăng 3 người (+11,54%).",
     [("45 vụ", 45, "vụ", "count", {}),
      ("38 người", 38, "người", "count", {}),
      ("29 người", 29, "người", "count", {}),
      ("7 vụ", 7, "vụ", "count", {"change": "giảm", "reference": "cùng kỳ", "label": "số vụ"}),
      ("13,46%", 13.46, "%", "percent", {"change": "giảm", "reference": "cùng kỳ"}),
      ("5 người", 5, "người", "count", {"change": "giảm", "reference": "cùng kỳ", "label": "người chết"}),
      ("11,63%", 11.63, "%", "percent", {"change": "giảm", "reference": "cùng kỳ"}),
      ("3 người", 3, "người", "count", {"change": "tăng", "reference": "cùng kỳ", "label": "bị thương"}),
      ("11,54%", 11.54, "%", "percent", {"change": "tăng", "reference": "cùng kỳ"})]),
    ("Để chủ động ứng phó mùa mưa bão năm 2024, huyện đã chuẩn bị 1.250 áo phao, 85 phao tròn, 12 xuồng "
     "máy và 350 tấn lương thực dự trữ; xây dựng phương án sơ tán 2.150 hộ với 7.820 khẩu ở vùng trũng "
     "thấp, ven sông. Kinh phí dự phòng cho công tác phòng chống thiên tai là 2,5 tỷ đồng, tương đương "
     "0,8% tổng chi ngân sách huyện.",
     [("1.250 áo phao", 1250, "áo phao", "count", {}),
      ("85 phao tròn", 85, "phao tròn", "count", {}),
      ("12 xuồng máy", 12, "xuồng máy", "count", {}),
      ("350 tấn", 350, "tấn", "measure", {}),
      ("2.150 hộ", 2150, "hộ", "count", {}),
      ("7.820 khẩu", 7820, "khẩu", "count", {}),
      ("2,5 tỷ đồng", 2500000000, "đồng", "money", {"label": "kinh phí dự phòng"}),
      ("0,8%", 0.8, "%", "percent", {})]),
    ("Năm học 2023-2024, toàn ngành có 156 trường (mầm non 52, tiểu học 58, THCS 38, THPT 8) với 2.845 "
     "lớp và 78.560 học sinh; tỷ lệ huy động trẻ 5 tuổi ra lớp đạt 100%, trẻ 3-5 tuổi đạt 98,6%. Số trường "
     "đạt chuẩn quốc gia 112 trường, đạt 71,79%, tăng 6 trường so với năm học trước.",
     [("156 trường", 156, "trường", "count", {}),
      ("52", 52, "trường", "count", {"label": "mầm non"}),
      ("58", 58, "trường", "count", {"label": "tiểu học"}),
      ("38", 38, "trường", "count", {"label": "THCS"}),
      ("8", 8, "trường", "count", {"label": "THPT"}),
      ("2.845 lớp", 2845, "lớp", "count", {}),
      ("78.560 học sinh", 78560, "học sinh", "count", {}),
      ("100%", 100, "%", "percent", {"label": "huy động trẻ"}),
      ("98,6%", 98.6, "%", "percent", {"label": "trẻ 3-5 tuổi"}),
      ("112 trường", 112, "trường", "count", {"label": "trường đạt chuẩn quốc gia"}),
      ("71,79%", 71.79, "%", "percent", {}),
      ("6 trường", 6, "trường", "count", {"change": "tăng", "reference": "năm học trước"})]),
    ("Toàn huyện có 1 bệnh viện đa khoa với 250 giường bệnh và 17 trạm y tế xã; tỷ lệ bác sĩ đạt 9,5 bác "
     "sĩ/vạn dân, số giường bệnh đạt 28,6 giường/vạn dân. Trong tháng ghi nhận 35 ca sốt xuất huyết, tăng "
     "12 ca so với tháng trước; lũy kế 215 ca, không có ca tử vong.",
     [("1 bệnh viện", 1, "bệnh viện", "count", {}),
      ("250 giường bệnh", 250, "giường bệnh", "count", {}),
      ("17 trạm y tế", 17, "trạm y tế", "count", {}),
      ("9,5 bác sĩ/vạn dân", 9.5, "bác sĩ/vạn dân", "count", {"label": "bác sĩ"}),
      ("28,6 giường/vạn dân", 28.6, "giường/vạn dân", "count", {"label": "giường bệnh"}),
      ("35 ca", 35, "ca", "count", {}),
      ("12 ca", 12, "ca", "count", {"change": "tăng", "reference": "tháng trước"}),
      ("215 ca", 215, "ca", "count", {})]),
    ("Các khu công nghiệp trên địa bàn đã thu hút 285 dự án, trong đó 142 dự án FDI với tổng vốn đầu tư "
     "8,6 tỷ USD và 143 dự án trong nước với tổng vốn 52.450 tỷ đồng; tỷ lệ lấp đầy bình quân đạt 68%. "
     "Các doanh nghiệp trong KCN giải quyết việc làm cho khoảng 45 nghìn lao động, thu nhập bình quân "
     "8,5 - 9 triệu đồng/người/tháng.",
     [("285 dự án", 285, "dự án", "count", {}),
      ("142 dự án", 142, "dự án", "count", {}),
      ("8,6 tỷ USD", 8600000000, "USD", "money", {"label": "vốn đầu tư"}),
      ("143 dự án", 143, "dự án", "count", {}),
      ("52.450 tỷ đồng", 52450000000000, "đồng", "money", {"label": "vốn"}),
      ("68%", 68, "%", "percent", {"label": "lấp đầy"}),
      ("45 nghìn lao động", 45000, "lao động", "count", {"approx": "khoảng"}),
      ("8,5 - 9 triệu đồng/người/tháng", 8500000, "đồng/người/tháng", "money",
       {"upper": 9000000, "label": "thu nhập bình quân"})]),
    ("Công tác bồi thường, giải phóng mặt bằng: đã chi trả 156,8 tỷ đồng cho 845 hộ bị ảnh hưởng của 23 "
     "dự án, bàn giao 125,6 ha mặt bằng sạch; còn 38 hộ chưa nhận tiền với số tiền 12,4 tỷ đồng. Giá đất "
     "bồi thường bình quân 1,2 - 1,8 triệu đồng/m2 đối với đất ở nông thôn.",
     [("156,8 tỷ đồng", 156800000000, "đồng", "money", {"label": "chi trả"}),
      ("845 hộ", 845, "hộ", "count", {}),
      ("23 dự án", 23, "dự án", "count", {}),
      ("125,6 ha", 125.6, "ha", "measure", {"label": "bàn giao"}),
      ("38 hộ", 38, "hộ", "count", {}),
      ("12,4 tỷ đồng", 12400000000, "đồng", "money", {"label": "số tiền"}),
      ("1,2 - 1,8 triệu đồng/m2", 1200000, "đồng/m2", "money", {"upper": 1800000,
                                                                "label": "giá đất bồi thường"})]),
    ("Cục Thuế tỉnh đã thực hiện 215 cuộc thanh tra, kiểm tra tại trụ sở người nộp thuế, kiến nghị truy "
     "thu, truy hoàn và phạt 45,8 tỷ đồng, giảm lỗ 12,3 tỷ đồng; thu hồi nợ đọng 86,5 tỷ đồng, đạt 72,1% "
     "chỉ tiêu thu nợ được giao. Số nợ thuế có khả năng thu đến 30/9 chiếm 4,8% tổng thu nội địa (chỉ "
     "tiêu dưới 5%).",
     [("215 cuộc thanh tra", 215, "cuộc thanh tra", "count", {}),
      ("45,8 tỷ đồng", 45800000000, "đồng", "money", {}),
      ("12,3 tỷ đồng", 12300000000, "đồng", "money", {"label": "giảm lỗ"}),
      ("86,5 tỷ đồng", 86500000000, "đồng", "money", {"label": "thu hồi nợ đọng"}),
      ("72,1%", 72.1, "%", "percent", {"reference": "chỉ tiêu"}),
      ("4,8%", 4.8, "%", "percent", {"label": "nợ thuế"}),
      ("5%", 5, "%", "percent", {"approx": "dưới", "reference": ANY})]),
    ("Tổng sản lượng thủy sản 9 tháng ước đạt 45.680 tấn, tăng 3,8% so với cùng kỳ, trong đó khai thác "
     "32.150 tấn, nuôi trồng 13.530 tấn. Diện tích nuôi trồng thủy sản 1.865 ha, trong đó nuôi tôm nước lợ "
     "650 ha; toàn tỉnh có 1.245 tàu cá, trong đó 385 tàu có chiều dài từ 15 m trở lên.",
     [("45.680 tấn", 45680, "tấn", "measure", {"estimate": True, "label": "sản lượng thủy sản"}),
      ("3,8%", 3.8, "%", "percent", {"estimate": True, "change": "tăng", "reference": "cùng kỳ"}),
      ("32.150 tấn", 32150, "tấn", "measure", {"estimate": ANY, "label": "khai thác"}),
      ("13.530 tấn", 13530, "tấn", "measure", {"estimate": ANY, "label": "nuôi trồng"}),
      ("1.865 ha", 1865, "ha", "measure", {"label": "diện tích nuôi trồng thủy sản"}),
      ("650 ha", 650, "ha", "measure", {"label": "tôm nước lợ"}),
      ("1.245 tàu cá", 1245, "tàu cá", "count", {}),
      ("385 tàu", 385, "tàu", "count", {})]),
    ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 8 ước đạt 4.256,3 tỷ đồng, tăng 1,2% "
     "so với tháng trước; tính chung 8 tháng ước đạt 33.845 tỷ đồng, tăng 10,5% so với cùng kỳ năm trước. "
     "Chỉ số giá tiêu dùng (CPI) tháng 8 tăng 0,36% so với tháng trước, bình quân 8 tháng tăng 3,85%.",
     [("4.256,3 tỷ đồng", 4256300000000, "đồng", "money", {"estimate": True,
                                                          "label": "tổng mức bán lẻ hàng hóa"}),
      ("1,2%", 1.2, "%", "percent", {"estimate": True, "change": "tăng", "reference": "tháng trước"}),
      ("33.845 tỷ đồng", 33845000000000, "đồng", "money", {"estimate": True}),
      ("10,5%", 10.5, "%", "percent", {"estimate": True, "change": "tăng", "reference": "cùng kỳ"}),
      ("0,36%", 0.36, "%", "percent", {"change": "tăng", "reference": "tháng trước",
                                       "label": "chỉ số giá tiêu dùng"}),
      ("3,85%", 3.85, "%", "percent", {"change": "tăng"})]),
    ("Dịp nghỉ lễ 30/4 - 1/5, các điểm du lịch trên địa bàn đón khoảng 125.000 lượt khách, tăng 25% so "
     "với cùng kỳ; trong đó khách lưu trú 38.500 lượt, khách quốc tế 4.200 lượt. Tổng doanh thu du lịch ước "
     "đạt 168 tỷ đồng. Giá phòng khách sạn 3 sao từ 800.000 đến 1,5 triệu đồng/đêm.",
     [("125.000 lượt khách", 125000, "lượt khách", "count", {"approx": "khoảng"}),
      ("25%", 25, "%", "percent", {"change": "tăng", "reference": "cùng kỳ"}),
      ("38.500 lượt", 38500, "lượt", "count", {"label": "khách lưu trú"}),
      ("4.200 lượt", 4200, "lượt", "count", {"label": "khách quốc tế"}),
      ("168 tỷ đồng", 168000000000, "đồng", "money", {"estimate": True, "label": "doanh thu du lịch"}),
      ("800.000 đến 1,5 triệu đồng/đêm", 800000, "đồng/đêm", "money",
       {"upper": 1500000, "label": "giá phòng khách sạn"})]),
    ("Bộ phận Một cửa huyện đã tiếp nhận 12.568 hồ sơ, trong đó hồ sơ trực tuyến 9.845 hồ sơ (chiếm "
     "78,33%); đã giải quyết 12.102 hồ sơ, trong đó trước hạn 8.456 hồ sơ, đúng hạn 3.598 hồ sơ, trễ hạn 48 "
     "hồ sơ (chiếm 0,4%). Tỷ lệ thanh toán trực tuyến đạt 45,6%, tăng 12,3 điểm % so với năm 2023.",
     [("12.568 hồ sơ", 12568, "hồ sơ", "count", {}),
      ("9.845 hồ sơ", 9845, "hồ sơ", "count", {"label": "hồ sơ trực tuyến"}),
      ("78,33%", 78.33, "%", "percent", {}),
      ("12.102 hồ sơ", 12102, "hồ sơ", "count", {}),
      ("8.456 hồ sơ", 8456, "hồ sơ", "count", {"label": "trước hạn"}),
      ("3.598 hồ sơ", 3598, "hồ sơ", "count", {"label": "đúng hạn"}),
      ("48 hồ sơ", 48, "hồ sơ", "count", {"label": "trễ hạn"}),
      ("0,4%", 0.4, "%", "percent", {}),
      ("45,6%", 45.6, "%", "percent", {"label": "thanh toán trực tuyến"}),
      ("12,3 điểm %", 12.3, "điểm phần trăm", "percent", {"change": "tăng", "reference": "năm 2023"})]),
    ("Đến 30/6/2024, toàn tỉnh có 125.680 người tham gia BHXH, đạt 32,5% lực lượng lao động trong độ "
     "tuổi; trong đó BHXH bắt buộc 98.450 người, BHXH tự nguyện 27.230 người. Số người tham gia BHYT là "
     "1,15 triệu người, đạt tỷ lệ bao phủ 93,8% dân số. Số nợ BHXH, BHYT, BHTN là 85,6 tỷ đồng, chiếm "
     "3,2% số phải thu.",
     [("125.680 người", 125680, "người", "count", {}),
      ("32,5%", 32.5, "%", "percent", {}),
      ("98.450 người", 98450, "người", "count", {"label": "BHXH bắt buộc"}),
      ("27.230 người", 27230, "người", "count", {"label": "BHXH tự nguyện"}),
      ("1,15 triệu người", 1150000, "người", "count", {"label": "BHYT"}),
      ("93,8%", 93.8, "%", "percent", {"label": "bao phủ"}),
      ("85,6 tỷ đồng", 85600000000, "đồng", "money", {"label": "nợ BHXH"}),
      ("3,2%", 3.2, "%", "percent", {})]),
    # --- sixth batch, annotated blind after the fifth batch's fixes: staffing, civil status,
    # conscription, environment, power, housing, sport, science -------------------------------
    ("Năm 2024, tổng biên chế công chức được giao là 1.245 biên chế, có mặt 1.198 người (thiếu 47 biên "
     "chế); số lượng người làm việc trong đơn vị sự nghiệp công lập 8.650 người, giảm 215 người (2,42%) so "
     "với năm 2023 theo lộ trình tinh giản.",
     [("1.245 biên chế", 1245, "biên chế", "count", {}),
      ("1.198 người", 1198, "người", "count", {}),
      ("47 biên chế", 47, "biên chế", "count", {}),
      ("8.650 người", 8650, "người", "count", {"label": "người làm việc"}),
      ("215 người", 215, "người", "count", {"change": "giảm", "reference": "năm 2023"}),
      ("2,42%", 2.42, "%", "percent", {"change": "giảm", "reference": "năm 2023"})]),
    ("Công tác hộ tịch: đăng ký khai sinh 3.456 trường hợp, khai tử 1.215 trường hợp, kết hôn 1.102 cặp; "
     "chứng thực 25.680 bản sao từ bản chính, thu lệ phí 152,3 triệu đồng. Hòa giải thành 186/215 vụ việc, "
     "đạt 86,5%.",
     [("3.456 trường hợp", 3456, "trường hợp", "count", {"label": "khai sinh"}),
      ("1.215 trường hợp", 1215, "trường hợp", "count", {"label": "khai tử"}),
      ("1.102 cặp", 1102, "cặp", "count", {"label": "kết hôn"}),
      ("25.680 bản sao", 25680, "bản sao", "count", {}),
      ("152,3 triệu đồng", 152300000, "đồng", "money", {"label": "lệ phí"}),
      ("186/215 vụ việc", 186, "vụ việc", "ratio", {"total": 215}),
      ("86,5%", 86.5, "%", "percent", {})]),
    ("Huyện đã hoàn thành 100% chỉ tiêu giao quân năm 2024 với 185 thanh niên nhập ngũ (trong đó 12 đảng "
     "viên, 98 thanh niên có trình độ cao đẳng, đại học); tổ chức huấn luyện cho 1.250 dân quân tự vệ, đạt "
     "98,4% quân số.",
     [("100%", 100, "%", "percent", {"reference": "chỉ tiêu"}),
      ("185 thanh niên", 185, "thanh niên", "count", {}),
      ("12 đảng viên", 12, "đảng viên", "count", {}),
      ("98 thanh niên", 98, "thanh niên", "count", {}),
      ("1.250 dân quân tự vệ", 1250, "dân quân tự vệ", "count", {}),
      ("98,4%", 98.4, "%", "percent", {})]),
    ("Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý đạt 95,2%, khu vực nông thôn đạt 72,6%; "
     "lượng rác thải phát sinh khoảng 450 tấn/ngày. Có 8/9 khu, cụm công nghiệp đang hoạt động có hệ thống "
     "xử lý nước thải tập trung đạt chuẩn.",
     [("95,2%", 95.2, "%", "percent", {"label": "chất thải rắn sinh hoạt"}),
      ("72,6%", 72.6, "%", "percent", {"label": "nông thôn"}),
      ("450 tấn/ngày", 450, "tấn/ngày", "measure", {"approx": "khoảng", "label": "rác thải"}),
      ("8/9 khu, cụm công nghiệp", 8, "khu, cụm công nghiệp", "ratio", {"total": 9})]),
    ("Sản lượng điện thương phẩm năm 2023 đạt 1.856 triệu kWh, tăng 7,8%; tỷ lệ tổn thất điện năng giảm còn "
     "4,25%, giảm 0,32 điểm phần trăm so với năm 2022. Toàn tỉnh có 100% xã có điện lưới quốc gia, 99,85% "
     "số hộ sử dụng điện.",
     [("1.856 triệu kWh", 1856000000, "kWh", "measure", {"label": "điện thương phẩm"}),
      ("7,8%", 7.8, "%", "percent", {"change": "tăng"}),
      ("4,25%", 4.25, "%", "percent", {"label": "tổn thất điện năng"}),
      ("0,32 điểm phần trăm", 0.32, "điểm phần trăm", "percent", {"change": "giảm", "reference": "năm 2022"}),
      ("100%", 100, "%", "percent", {}),
      ("99,85%", 99.85, "%", "percent", {})]),
    ("Trên địa bàn tỉnh có 5 dự án nhà ở xã hội đang triển khai với quy mô 3.250 căn hộ, tổng vốn đầu tư "
     "khoảng 2.800 tỷ đồng; giá bán dự kiến từ 12 - 15 triệu đồng/m2. Tỷ lệ đô thị hóa đạt 32,5%, diện tích "
     "nhà ở bình quân 25,6 m2 sàn/người.",
     [("5 dự án", 5, "dự án", "count", {}),
      ("3.250 căn hộ", 3250, "căn hộ", "count", {"label": "quy mô"}),
      ("2.800 tỷ đồng", 2800000000000, "đồng", "money", {"approx": "khoảng", "label": "vốn đầu tư"}),
      ("12 - 15 triệu đồng/m2", 12000000, "đồng/m2", "money", {"upper": 15000000, "label": "giá bán"}),
      ("32,5%", 32.5, "%", "percent", {"label": "đô thị hóa"}),
      ("25,6 m2 sàn/người", 25.6, "m2 sàn/người", "measure", {"label": "diện tích nhà ở bình quân"})]),
    ("Tại Đại hội Thể dục thể thao tỉnh lần thứ IX, đoàn huyện giành 25 huy chương vàng, 32 huy chương bạc "
     "và 41 huy chương đồng, xếp thứ 3 toàn đoàn. Toàn huyện có 156/162 thôn, tổ dân phố có nhà văn hóa, đạt "
     "96,3%; 85% gia đình đạt danh hiệu “Gia đình văn hóa”.",
     [("25 huy chương vàng", 25, "huy chương vàng", "count", {}),
      ("32 huy chương bạc", 32, "huy chương bạc", "count", {}),
      ("41 huy chương đồng", 41, "huy chương đồng", "count", {}),
      ("156/162 thôn, tổ dân phố", 156, "thôn, tổ dân phố", "ratio", {"total": 162}),
      ("96,3%", 96.3, "%", "percent", {}),
      ("85%", 85, "%", "percent", {"label": "gia đình"})]),
    ("Năm 2024, Sở KH&CN đã nghiệm thu 18 đề tài, dự án cấp tỉnh với tổng kinh phí 12,6 tỷ đồng; hỗ trợ 35 "
     "doanh nghiệp đổi mới công nghệ, mỗi doanh nghiệp tối đa 300 triệu đồng. Diện tích sản xuất nông "
     "nghiệp ứng dụng công nghệ cao đạt 1.250 ha, chiếm 2,1% diện tích đất nông nghiệp.",
     [("18 đề tài, dự án", 18, "đề tài, dự án", "count", {}),
      ("12,6 tỷ đồng", 12600000000, "đồng", "money", {"label": "kinh phí"}),
      ("35 doanh nghiệp", 35, "doanh nghiệp", "count", {}),
      ("300 triệu đồng", 300000000, "đồng", "money", {"approx": "dưới"}),
      ("1.250 ha", 1250, "ha", "measure", {"label": "công nghệ cao"}),
      ("2,1%", 2.1, "%", "percent", {})]),
    # --- seventh batch, annotated blind after the sixth batch's fixes: targets met, investment
    # structure, cooperatives, forestry, social welfare, value per hectare ----------------------
    ("Năm 2023, huyện đạt và vượt 15/18 chỉ tiêu chủ yếu theo Nghị quyết HĐND huyện đề ra; trong đó có 8 "
     "chỉ tiêu vượt kế hoạch. Tốc độ tăng giá trị sản xuất bình quân đạt 9,2%/năm (NQ 9%).",
     [("15/18 chỉ tiêu", 15, "chỉ tiêu", "ratio", {"total": 18, "reference": "nghị quyết"}),
      ("8 chỉ tiêu", 8, "chỉ tiêu", "count", {"reference": ANY}),
      ("9,2%", 9.2, "%", "percent", {"change": ANY, "label": "giá trị sản xuất"}),
      ("9%", 9, "%", "percent", {"reference": ANY})]),
    ("Tổng vốn đầu tư phát triển toàn xã hội năm 2024 ước đạt 18.560 tỷ đồng, tăng 11,2% so với năm 2023, "
     "bằng 32,5% GRDP; trong đó vốn ngân sách nhà nước 4.250 tỷ đồng (chiếm 22,9%), vốn ngoài nhà nước "
     "12.870 tỷ đồng (chiếm 69,3%), vốn FDI 1.440 tỷ đồng.",
     [("18.560 tỷ đồng", 18560000000000, "đồng", "money", {"estimate": True,
                                                          "label": "vốn đầu tư phát triển toàn xã hội"}),
      ("11,2%", 11.2, "%", "percent", {"estimate": True, "change": "tăng", "reference": "năm 2023"}),
      ("32,5%", 32.5, "%", "percent", {"estimate": True, "reference": ANY}),
      ("4.250 tỷ đồng", 4250000000000, "đồng", "money", {"estimate": ANY, "label": "vốn ngân sách nhà nước"}),
      ("22,9%", 22.9, "%", "percent", {"estimate": ANY}),
      ("12.870 tỷ đồng", 12870000000000, "đồng", "money", {"estimate": ANY, "label": "vốn ngoài nhà nước"}),
      ("69,3%", 69.3, "%", "percent", {"estimate": ANY}),
      ("1.440 tỷ đồng", 1440000000000, "đồng", "money", {"estimate": ANY, "label": "vốn FDI"})]),
    ("Toàn tỉnh hiện có 4.856 hợp tác xã, tổ hợp tác với 125.400 thành viên; doanh thu bình quân đạt 3,2 tỷ "
     "đồng/hợp tác xã/năm, lãi bình quân 350 triệu đồng/HTX. Số HTX hoạt động hiệu quả, xếp loại tốt và khá "
     "chiếm 62%.",
     [("4.856 hợp tác xã, tổ hợp tác", 4856, "hợp tác xã, tổ hợp tác", "count", {}),
      ("125.400 thành viên", 125400, "thành viên", "count", {}),
      ("3,2 tỷ đồng/hợp tác xã/năm", 3200000000, "đồng/hợp tác xã/năm", "money", {"label": "doanh thu"}),
      ("350 triệu đồng/HTX", 350000000, "đồng/HTX", "money", {"label": "lãi"}),
      ("62%", 62, "%", "percent", {"label": "HTX hoạt động hiệu quả"})]),
    ("Trong đợt cao điểm, lực lượng kiểm lâm phát hiện 36 vụ vi phạm Luật Lâm nghiệp, tịch thu 12,5 m3 gỗ "
     "các loại, xử phạt hành chính 285 triệu đồng; diện tích rừng bị thiệt hại 3,2 ha, giảm 45% so với cùng "
     "kỳ. Tỷ lệ che phủ rừng năm 2024 đạt 51,2% (chỉ tiêu 51%).",
     [("36 vụ", 36, "vụ", "count", {}),
      ("12,5 m3", 12.5, "m3", "measure", {}),
      ("285 triệu đồng", 285000000, "đồng", "money", {"label": "xử phạt"}),
      ("3,2 ha", 3.2, "ha", "measure", {"label": "rừng bị thiệt hại"}),
      ("45%", 45, "%", "percent", {"change": "giảm", "reference": "cùng kỳ"}),
      ("51,2%", 51.2, "%", "percent", {"label": "che phủ rừng"}),
      ("51%", 51, "%", "percent", {"reference": ANY})]),
    ("Công tác an sinh xã hội: chi trả trợ cấp thường xuyên cho 12.568 đối tượng bảo trợ xã hội với kinh phí "
     "86,4 tỷ đồng/năm; tặng 25.600 suất quà Tết trị giá 12,8 tỷ đồng; cấp 45.230 thẻ BHYT cho người dân tộc "
     "thiểu số vùng đặc biệt khó khăn.",
     [("12.568 đối tượng", 12568, "đối tượng", "count", {}),
      ("86,4 tỷ đồng/năm", 86400000000, "đồng/năm", "money", {"label": "kinh phí"}),
      ("25.600 suất quà", 25600, "suất quà", "count", {}),
      ("12,8 tỷ đồng", 12800000000, "đồng", "money", {"label": "trị giá"}),
      ("45.230 thẻ BHYT", 45230, "thẻ BHYT", "count", {})]),
    ("Giá trị sản phẩm thu được trên 1 ha đất trồng trọt và mặt nước nuôi trồng thủy sản năm 2024 đạt 125 "
     "triệu đồng, cao hơn 8 triệu đồng so với năm 2023. Toàn tỉnh có 215 sản phẩm OCOP, trong đó 38 sản phẩm "
     "4 sao, 2 sản phẩm tiềm năng 5 sao.",
     [("125 triệu đồng", 125000000, "đồng", "money", {"label": "giá trị sản phẩm"}),
      ("8 triệu đồng", 8000000, "đồng", "money", {"change": "tăng", "reference": "năm 2023"}),
      ("215 sản phẩm OCOP", 215, "sản phẩm OCOP", "count", {}),
      ("38 sản phẩm", 38, "sản phẩm", "count", {}),
      ("2 sản phẩm", 2, "sản phẩm", "count", {})]),
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
