"""Generated Vietnamese government-portal articles for the benchmarks.

Sentences are written in the register of district and province portal news
(conference reports, budget, poverty, new rural areas, agriculture, health
insurance, education, traffic, administrative reform...), with slots for places,
officials, years and figures, so generated text has the vocabulary, figure
formats and repetitiveness of the real thing. Deterministic for a given seed.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from extract.models import Article

PROVINCES = (
    "Quảng Ngãi", "Quảng Nam", "Bình Định", "Phú Yên", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng",
    "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Thừa Thiên Huế", "Quảng Trị", "Quảng Bình", "Hà Tĩnh", "Nghệ An",
    "Thanh Hóa", "Ninh Bình", "Nam Định", "Thái Bình", "Hải Dương", "Hưng Yên", "Bắc Ninh", "Bắc Giang",
    "Lạng Sơn", "Cao Bằng", "Hà Giang", "Tuyên Quang", "Yên Bái", "Lào Cai", "Lai Châu", "Điện Biên", "Sơn La",
    "Hòa Bình", "Phú Thọ", "Vĩnh Phúc", "Thái Nguyên", "Bắc Kạn", "Quảng Ninh", "Tây Ninh", "Bình Phước",
    "Đồng Nai", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang",
    "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
)
DISTRICTS = (
    "Minh Long", "Ba Tơ", "Sơn Hà", "Sơn Tây", "Trà Bồng", "Nghĩa Hành", "Mộ Đức", "Đức Phổ", "Tư Nghĩa",
    "Bình Sơn", "Sơn Tịnh", "Lý Sơn", "Đắk Tô", "Ngọc Hồi", "Kon Plông", "Sa Thầy", "Tu Mơ Rông", "Krông Pắc",
    "Ea Kar", "Buôn Đôn", "Cư M'gar", "Lắk", "Di Linh", "Bảo Lâm", "Đạ Huoai", "Cam Lâm", "Khánh Vĩnh",
    "Ninh Phước", "Tuy Phong", "Hàm Thuận Bắc", "Phong Điền", "Hướng Hóa", "Tuyên Hóa", "Hương Khê",
    "Quỳ Châu", "Thường Xuân", "Nho Quan", "Hải Hậu", "Tiền Hải", "Thanh Miện", "Văn Lâm", "Gia Bình",
    "Lục Nam", "Bắc Sơn", "Trùng Khánh", "Mèo Vạc", "Na Hang", "Mù Cang Chải", "Bát Xát", "Sìn Hồ",
    "Mường Nhé", "Mộc Châu", "Mai Châu", "Thanh Sơn", "Tam Đảo", "Định Hóa", "Ba Bể", "Tiên Yên",
    "Tân Biên", "Bù Đăng", "Tân Phú", "Cần Giuộc", "Cái Bè", "Mỏ Cày Nam", "Cầu Ngang", "Trà Ôn",
    "Tháp Mười", "Tri Tôn", "U Minh Thượng", "Phụng Hiệp", "Mỹ Tú", "Hồng Dân", "Ngọc Hiển",
)
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Mai", "Tạ", "Hà", "Cao")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Hữu", "Quốc", "Thanh", "Ngọc", "Xuân", "Công", "Đình", "Thế", "Kim")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Điết", "Giang", "Hải", "Hòa", "Hùng", "Khánh", "Lan", "Long", "Mai",
         "Nam", "Nga", "Phong", "Phúc", "Quang", "Sơn", "Tâm", "Thắng", "Thảo", "Trinh", "Tuấn", "Vân", "Việt",
         "Xuân", "Yến", "Hiếu", "Lộc", "Nhân", "Quý", "Thủy", "Toàn", "Trung", "Tú")
ROLES = ("Chủ tịch UBND huyện", "Phó Chủ tịch UBND huyện", "Bí thư Huyện ủy", "Phó Bí thư Thường trực Huyện ủy",
         "Chủ tịch HĐND huyện", "Trưởng phòng Nội vụ", "Trưởng phòng Tài chính - Kế hoạch",
         "Trưởng phòng Nông nghiệp và Phát triển nông thôn", "Giám đốc Sở Y tế", "Phó Giám đốc Sở Tài chính",
         "Chủ tịch Ủy ban Mặt trận Tổ quốc huyện", "Trưởng Ban Dân vận Huyện ủy", "Giám đốc Bảo hiểm xã hội huyện")

# topic -> (titles, sentences); slots: {district} {province} {year} {person} {role} {n} {n2} {pct} {dec} {money}
TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "cchc": (
        ("{district} tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm {year}",
         "Kiểm tra công tác cải cách hành chính tại UBND huyện {district}",
         "{district} nâng cao chỉ số cải cách hành chính năm {year}"),
        ("Sáng ngày {day}, đồng chí {person}, {role}, Trưởng Ban Chỉ đạo cải cách hành chính huyện đã chủ trì hội "
         "nghị sơ kết công tác cải cách hành chính.",
         "Duy trì và thực hiện cơ chế một cửa, một cửa liên thông tại huyện và {n2}/{n2} xã, thị trấn.",
         "Thực hiện việc tiếp nhận và xử lý hồ sơ qua hệ thống một cửa điện tử với tổng số {n} hồ sơ, trong đó giải "
         "quyết trước và đúng hạn đạt {pct}%.",
         "Tỷ lệ văn bản đi được ký số và gửi trên môi trường điện tử đạt {pct}%.",
         "Công tác rà soát, đơn giản hóa thủ tục hành chính được thực hiện thường xuyên, công bố công khai {n2} thủ "
         "tục hành chính thuộc thẩm quyền giải quyết của cấp huyện.",
         "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến qua Cổng dịch vụ công quốc gia đạt "
         "{pct}%.",
         "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước đạt {dec}%.",
         "Đẩy mạnh xây dựng chính quyền điện tử, chính quyền số, triển khai hiệu quả Đề án 06 về phát triển ứng dụng "
         "dữ liệu dân cư, định danh và xác thực điện tử.")),
    "ngheo": (
        ("Kết quả rà soát hộ nghèo, hộ cận nghèo năm {year} tại huyện {district}",
         "{district} phấn đấu giảm tỷ lệ hộ nghèo xuống dưới {dec}%",
         "Triển khai Chương trình mục tiêu quốc gia giảm nghèo bền vững tại {district}"),
        ("Theo kết quả rà soát cuối năm {year}, toàn huyện còn {n} hộ nghèo, chiếm {dec}% tổng số hộ dân; {n} hộ cận "
         "nghèo, chiếm {dec}%.",
         "So với đầu năm, tỷ lệ hộ nghèo giảm {dec}%, vượt chỉ tiêu Nghị quyết HĐND huyện giao.",
         "Huyện đã hỗ trợ xây mới và sửa chữa {n2} căn nhà cho hộ nghèo, hộ có hoàn cảnh khó khăn về nhà ở.",
         "Ngân hàng Chính sách xã hội huyện giải ngân {money} tỷ đồng cho {n} lượt hộ nghèo, hộ cận nghèo và đối "
         "tượng chính sách vay vốn.",
         "Cấp {n} thẻ bảo hiểm y tế miễn phí cho người thuộc hộ nghèo, hộ cận nghèo và người dân tộc thiểu số.",
         "Các mô hình hỗ trợ sinh kế như nuôi bò sinh sản, trồng keo, trồng quế đã giúp nhiều hộ thoát nghèo bền "
         "vững.")),
    "ngansach": (
        ("{district} thu ngân sách năm {year} vượt dự toán",
         "Kỳ họp HĐND huyện {district} thông qua dự toán ngân sách năm {year}",
         "Tình hình thực hiện thu, chi ngân sách nhà nước 9 tháng năm {year}"),
        ("Tổng thu ngân sách nhà nước trên địa bàn huyện năm {year} ước đạt {money} tỷ đồng, bằng {pct}% dự toán tỉnh "
         "giao, tăng {dec}% so với cùng kỳ.",
         "Tổng chi ngân sách địa phương ước thực hiện {money} tỷ đồng, đạt {pct}% dự toán HĐND huyện giao.",
         "Thu tiền sử dụng đất đạt {money} tỷ đồng, là nguồn thu chủ yếu để đầu tư xây dựng cơ bản.",
         "HĐND huyện yêu cầu tăng cường quản lý thu, chống thất thu ngân sách, thực hành tiết kiệm, chống lãng phí "
         "trong chi thường xuyên.",
         "Giải ngân vốn đầu tư công đến nay đạt {pct}% kế hoạch vốn được giao, với {money} tỷ đồng.",
         "Cục Thuế tỉnh đôn đốc thu hồi nợ thuế, xử lý {n2} doanh nghiệp chậm nộp thuế.")),
    "ntm": (
        ("Kết quả xây dựng nông thôn mới trên địa bàn huyện {district} năm {year}",
         "Xã thuộc huyện {district} đạt chuẩn nông thôn mới nâng cao",
         "{district} đẩy mạnh phong trào chung sức xây dựng nông thôn mới"),
        ("Đến nay, toàn huyện có {n2}/{n2} xã đạt chuẩn nông thôn mới, bình quân mỗi xã đạt {dec}/19 tiêu chí.",
         "Thu nhập bình quân đầu người khu vực nông thôn đạt {n2} triệu đồng/người/năm.",
         "Nhân dân hiến hơn {n2} ha đất, đóng góp {money} tỷ đồng và hàng nghìn ngày công để làm đường giao thông "
         "nông thôn.",
         "Huyện tập trung chỉ đạo các xã phấn đấu đạt chuẩn nông thôn mới nâng cao, nông thôn mới kiểu mẫu.",
         "Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025 được triển khai đồng bộ.",
         "Tiêu chí môi trường và an toàn thực phẩm là tiêu chí khó thực hiện nhất ở các xã miền núi.")),
    "ocop": (
        ("{district} có thêm {n2} sản phẩm OCOP đạt 3 sao",
         "Đánh giá, phân hạng sản phẩm OCOP cấp tỉnh {province} năm {year}",
         "Phát triển sản phẩm OCOP gắn với du lịch cộng đồng tại {district}"),
        ("Hội đồng đánh giá, phân hạng sản phẩm OCOP đã công nhận {n2} sản phẩm đạt 3 sao và {n2} sản phẩm đạt 4 sao.",
         "Nâng tổng số sản phẩm OCOP của huyện lên {n2} sản phẩm, trong đó có các sản phẩm chè Shan tuyết, mật ong "
         "rừng, quế hữu cơ.",
         "Chương trình Mỗi xã một sản phẩm giúp nâng cao giá trị nông sản, tạo việc làm cho lao động nông thôn.",
         "Các chủ thể sản phẩm OCOP được hỗ trợ thiết kế bao bì, nhãn mác, truy xuất nguồn gốc và xúc tiến thương mại.",
         "Hợp tác xã nông nghiệp là chủ thể chính tham gia chương trình OCOP, chiếm {pct}% số sản phẩm.")),
    "lua": (
        ("Năng suất lúa vụ Đông Xuân {year} tại {district} đạt {dec} tạ/ha",
         "{district} triển khai sản xuất vụ Hè Thu năm {year}",
         "Phòng trừ sâu bệnh hại lúa trên địa bàn huyện {district}"),
        ("Vụ Đông Xuân năm {year}, toàn huyện gieo cấy {n} ha lúa, năng suất bình quân ước đạt {dec} tạ/ha, sản lượng "
         "đạt {n} tấn.",
         "Diện tích lúa chất lượng cao chiếm {pct}% tổng diện tích gieo cấy.",
         "Trạm Trồng trọt và Bảo vệ thực vật khuyến cáo nông dân thăm đồng thường xuyên, phòng trừ rầy nâu, đạo ôn.",
         "Ngành nông nghiệp hướng dẫn nông dân vệ sinh đồng ruộng, chuẩn bị giống, vật tư cho vụ Hè Thu.",
         "Diện tích chuyển đổi từ đất trồng lúa kém hiệu quả sang cây trồng khác đạt {n2} ha.",
         "Giá lúa tươi tại ruộng dao động từ {n} đến {n} đồng/kg.")),
    "bhyt": (
        ("Tỷ lệ bao phủ bảo hiểm y tế tỉnh {province} đạt {dec}%",
         "{district} đẩy mạnh phát triển người tham gia bảo hiểm xã hội tự nguyện",
         "Bảo hiểm xã hội huyện {district} triển khai nhiệm vụ năm {year}"),
        ("Tính đến ngày {day}, toàn tỉnh có {n} người tham gia BHYT, đạt tỷ lệ bao phủ {dec}% dân số.",
         "Số người tham gia bảo hiểm xã hội tự nguyện tăng {pct}% so với cùng kỳ năm trước.",
         "Ngành bảo hiểm xã hội đẩy mạnh tuyên truyền, vận động học sinh, sinh viên tham gia bảo hiểm y tế.",
         "Quỹ khám chữa bệnh BHYT thanh toán cho {n} lượt người với số tiền {money} tỷ đồng.",
         "Tình trạng nợ đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp tại một số doanh nghiệp còn kéo "
         "dài.")),
    "giaoduc": (
        ("Tuyển sinh vào lớp 10 THPT năm học {year}-{year1} tại {province}",
         "{district} tổng kết năm học {year}-{year1}",
         "Kỳ thi tốt nghiệp THPT năm {year} diễn ra an toàn, nghiêm túc"),
        ("Năm học {year}-{year1}, các trường trung học cơ sở trên địa bàn tuyển sinh {n} học sinh vào lớp 6.",
         "Kỳ thi tuyển sinh vào lớp 10 THPT có {n} thí sinh dự thi tại {n2} điểm thi.",
         "Tỷ lệ học sinh tốt nghiệp THPT đạt {dec}%, cao hơn mức bình quân chung của cả nước.",
         "Sở Giáo dục và Đào tạo yêu cầu các trường bảo đảm an toàn, nghiêm túc, đúng quy chế.",
         "Toàn huyện có {n2} trường đạt chuẩn quốc gia, đạt tỷ lệ {pct}%.",
         "Công tác phổ cập giáo dục, xóa mù chữ được duy trì vững chắc ở {n2}/{n2} xã.")),
    "giaothong": (
        ("Hoàn thành giải phóng mặt bằng dự án nâng cấp tuyến đường tỉnh qua huyện {district}",
         "Khởi công xây dựng cầu qua sông tại {district}",
         "Tai nạn giao thông trên địa bàn tỉnh {province} giảm cả ba tiêu chí"),
        ("Dự án nâng cấp tuyến đường dài {dec} km với tổng mức đầu tư {money} tỷ đồng đã hoàn thành công tác giải "
         "phóng mặt bằng.",
         "Chủ đầu tư cam kết đưa công trình vào sử dụng trước mùa mưa bão năm {year1}.",
         "Trong {n2} tháng, toàn tỉnh xảy ra {n2} vụ tai nạn giao thông, làm chết {n2} người, giảm {n2} người so với "
         "cùng kỳ.",
         "Lực lượng cảnh sát giao thông tăng cường tuần tra, kiểm soát, xử lý nghiêm vi phạm nồng độ cồn.",
         "Ban An toàn giao thông huyện tổ chức tuyên truyền Luật Giao thông đường bộ cho {n} học sinh.")),
    "bau_cu": (
        ("Hội nghị hiệp thương lần thứ nhất bầu cử đại biểu HĐND huyện {district}",
         "Kỳ họp thứ {n2} HĐND huyện {district} khóa XII",
         "Tiếp xúc cử tri trước kỳ họp HĐND tỉnh {province}"),
        ("Ủy ban Mặt trận Tổ quốc huyện tổ chức hội nghị hiệp thương, thống nhất cơ cấu, thành phần người ứng cử đại "
         "biểu Hội đồng nhân dân.",
         "Kỳ họp đánh giá tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm {year} và kế hoạch năm {year1}.",
         "Tốc độ tăng trưởng giá trị sản xuất đạt {dec}%, thu nhập bình quân đầu người đạt {n2} triệu đồng.",
         "Kỳ họp thông qua {n2} nghị quyết quan trọng về đầu tư công, phân bổ dự toán và các chính sách đặc thù.",
         "Cử tri kiến nghị sớm sửa chữa tuyến đường liên xã xuống cấp, hỗ trợ giá giống cây trồng cho nông dân.")),
    "pccc": (
        ("Diễn tập phương án chữa cháy và cứu nạn, cứu hộ tại {district}",
         "Tăng cường công tác phòng cháy chữa cháy rừng mùa khô năm {year}",
         "{district} chủ động ứng phó với bão và mưa lớn"),
        ("Công an huyện phối hợp tổ chức diễn tập phương án chữa cháy tại chợ trung tâm với sự tham gia của {n2} cán "
         "bộ, chiến sĩ.",
         "Qua diễn tập nhằm nâng cao kỹ năng phòng cháy chữa cháy cho tiểu thương và người dân.",
         "Toàn huyện có {n} ha rừng có nguy cơ cháy cao, tập trung ở các xã vùng núi.",
         "Ban Chỉ huy phòng chống thiên tai huyện yêu cầu các xã theo dõi diễn biến của bão, sơ tán {n2} hộ dân ở "
         "vùng nguy cơ sạt lở.",
         "Mưa lớn gây ngập úng {n2} ha hoa màu, sạt lở {dec} km đường giao thông.")),
    "yte": (
        ("Trung tâm Y tế huyện {district} triển khai tiêm chủng mở rộng năm {year}",
         "Phòng, chống dịch sốt xuất huyết trên địa bàn tỉnh {province}",
         "Khám sức khỏe miễn phí cho người cao tuổi tại {district}"),
        ("Trung tâm Y tế huyện đã tiêm chủng đầy đủ cho {n} trẻ em dưới 1 tuổi, đạt {pct}% kế hoạch.",
         "Từ đầu năm đến nay, toàn tỉnh ghi nhận {n} ca mắc sốt xuất huyết, tăng {pct}% so với cùng kỳ.",
         "Ngành y tế tổ chức phun hóa chất diệt muỗi, xử lý ổ dịch tại {n2} thôn.",
         "Các trạm y tế xã được đầu tư trang thiết bị, {n2}/{n2} xã có bác sĩ làm việc.",
         "Đoàn khám bệnh đã khám, cấp thuốc miễn phí cho {n} người cao tuổi, người có công với cách mạng.")),
}
GENERAL = (
    "Đồng chí {person}, {role} phát biểu chỉ đạo tại hội nghị.",
    "Dự hội nghị có đại diện lãnh đạo các cơ quan, đơn vị liên quan và lãnh đạo UBND các xã, thị trấn.",
    "Kết luận hội nghị, đồng chí {person} yêu cầu các cơ quan, đơn vị tiếp tục thực hiện tốt các chỉ tiêu, nhiệm vụ "
    "đã đề ra.",
    "Bên cạnh những kết quả đạt được, vẫn còn một số hạn chế, tồn tại cần sớm khắc phục.",
    "Thực hiện tốt công tác thông tin, tuyên truyền để người dân hiểu và đồng thuận.",
    "Các địa phương cần chủ động rà soát, xây dựng kế hoạch cụ thể, phân công trách nhiệm rõ ràng.",
    "Hội nghị đã thảo luận, đánh giá những kết quả đạt được, chỉ ra nguyên nhân của hạn chế và đề ra giải pháp trong "
    "thời gian tới.",
    "UBND huyện {district} đã ban hành kế hoạch số {n2}/KH-UBND ngày {day} để triển khai thực hiện.",
    "Thời gian tới, huyện tiếp tục tăng cường kiểm tra, giám sát, đôn đốc các đơn vị thực hiện nhiệm vụ được giao.",
    "Dịp này, UBND huyện tặng giấy khen cho {n2} tập thể và {n2} cá nhân có thành tích xuất sắc.",
    "Tỉnh {province} xác định đây là nhiệm vụ trọng tâm, xuyên suốt trong năm {year}.",
    "Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong việc vận động nhân dân.",
)
CATEGORIES = ("Tin tức - Sự kiện", "Kinh tế", "Văn hóa - Xã hội", "Nông nghiệp", "Chính trị", "Y tế", "Giáo dục")


@dataclass
class Generator:
    seed: int = 1

    def __post_init__(self):
        self.rng = random.Random(self.seed)

    def person(self) -> str:
        r = self.rng
        return f"{r.choice(FAMILY)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def fill(self, template: str, slots: dict) -> str:
        return template.format_map(_Slots(self, slots))

    def article(self, n: int, topic: str | None = None, district: str | None = None,
                year: int | None = None) -> tuple[str, Article]:
        r = self.rng
        topic = topic or r.choice(tuple(TOPICS))
        district = district or r.choice(DISTRICTS)
        year = year or r.randint(2016, 2024)
        province = r.choice(PROVINCES)
        slots = {"district": district, "province": province, "year": year, "year1": year + 1}
        titles, sentences = TOPICS[topic]
        title = self.fill(r.choice(titles), slots)
        picked = r.sample(sentences, k=min(len(sentences), r.randint(4, len(sentences))))
        picked += r.sample(GENERAL, k=r.randint(3, 7))
        r.shuffle(picked)
        # an article mentions other subjects in passing, as real reports do
        for _ in range(2):
            other = TOPICS[r.choice(tuple(TOPICS))][1]
            picked.insert(r.randint(1, len(picked)), r.choice(other))
        paragraphs, para = [], []
        for sentence in picked:
            para.append(self.fill(sentence, slots))
            if len(para) >= r.randint(2, 4):
                paragraphs.append(" ".join(para))
                para = []
        if para:
            paragraphs.append(" ".join(para))
        site = f"{_ascii_slug(district)}.{_ascii_slug(province)}.gov.vn"
        month, day = r.randint(1, 12), r.randint(1, 28)
        article = Article(
            url=f"https://{site}/-/tin-{n}", site=site, site_name=f"UBND huyện {district}", title=title,
            published=f"{year}-{month:02d}-{day:02d}T{r.randint(7, 17):02d}:{r.randint(0, 59):02d}:00+07:00",
            author=self.person(), views=r.randint(10, 5000), category=r.choice(CATEGORIES),
            body="\n\n".join(paragraphs))
        return topic, article


class _Slots(dict):
    """Template values; figures and names are drawn afresh at each place they appear."""

    def __init__(self, gen: Generator, fixed: dict):
        super().__init__(fixed)
        self.gen = gen

    def __missing__(self, key: str) -> str:
        r = self.gen.rng
        draw = {
            "person": self.gen.person,
            "role": lambda: r.choice(ROLES),
            "n": lambda: f"{r.randint(1000, 99999):,}".replace(",", "."),
            "n2": lambda: f"{r.randint(2, 60):02d}" if r.random() < 0.3 else str(r.randint(2, 60)),
            "pct": lambda: str(r.randint(60, 130)),
            "dec": lambda: f"{r.randint(1, 99)},{r.randint(1, 9)}",
            "money": lambda: f"{r.randint(5, 900)},{r.randint(1, 9)}",
            "day": lambda: f"{r.randint(1, 28):02d}/{r.randint(1, 12)}/{self['year']}",
        }[key]
        return draw()


def _ascii_slug(name: str) -> str:
    from index.analyzer import fold

    return "".join(c for c in fold(name).lower() if c.isalnum())
