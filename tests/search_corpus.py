"""Realistic Vietnamese portal articles for the search, figures and export tests.

Written in the style of district/province portal news (topics, phrasing and
figures as such portals print them); each has one clear subject so ranking
tests can say which article a query is about.
"""
from __future__ import annotations

from pathlib import Path

from extract.models import Article, Attachment, Image, Indicator
from index.store import Store


def _ind(body: str, text: str, value, unit: str, kind: str, **more) -> Indicator:
    start = body.index(text)
    return Indicator(text=text, start=start, end=start + len(text), value=value, unit=unit, kind=kind,
                     sentence=more.pop("sentence", ""), **more)


CCHC_BODY = (
    "Sáng ngày 02/8/2023, Đồng chí Đinh Văn Điết, Chủ tịch UBND huyện, Trưởng Ban Chỉ đạo cải cách hành chính "
    "huyện đã chủ trì Hội nghị sơ kết công tác Cải cách hành chính 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng "
    "cuối năm 2023.\n\n"
    "Duy trì và thực hiện cơ chế một cửa tại huyện và 5/5 xã, đảm bảo giải quyết thủ tục hành chính cho tổ chức, "
    "cá nhân công khai, minh bạch. Thực hiện việc tiếp nhận và xử lý hồ sơ qua hệ thống một cửa điện tử tại UBND "
    "huyện với tổng số 2.358 hồ sơ. Tỷ lệ trao đổi văn bản trên phần mềm cấp huyện đạt 95%, cấp xã đạt 92%."
)
NGHEO_BODY = (
    "Theo kết quả rà soát hộ nghèo, hộ cận nghèo cuối năm 2022, toàn huyện Ba Tơ còn 4.215 hộ nghèo, chiếm "
    "32,5% tổng số hộ; 1.020 hộ cận nghèo. So với đầu năm, tỷ lệ hộ nghèo giảm 6,1%.\n\n"
    "Huyện tiếp tục triển khai Chương trình mục tiêu quốc gia giảm nghèo bền vững, hỗ trợ sinh kế, nhà ở cho "
    "người nghèo, cấp thẻ bảo hiểm y tế cho người thuộc hộ nghèo và hộ cận nghèo."
)
NGANSACH_BODY = (
    "Năm 2022, tổng thu ngân sách nhà nước trên địa bàn huyện Ba Tơ ước đạt 98,6 tỷ đồng, bằng 125% dự toán "
    "tỉnh giao. Tổng chi ngân sách địa phương đạt 712,4 tỷ đồng.\n\n"
    "HĐND huyện yêu cầu tăng cường quản lý thu, chống thất thu ngân sách, thực hành tiết kiệm trong chi thường "
    "xuyên, ưu tiên vốn cho xây dựng cơ bản."
)
NTM_BODY = (
    "Đến nay, huyện có 8/14 xã đạt chuẩn nông thôn mới, 2 xã đạt chuẩn nông thôn mới nâng cao; bình quân mỗi xã "
    "đạt 16,2/19 tiêu chí. Thu nhập bình quân đầu người khu vực nông thôn đạt 42 triệu đồng/người/năm.\n\n"
    "Phong trào chung sức xây dựng NTM được nhân dân hưởng ứng, hiến hơn 12 ha đất làm đường giao thông."
)
BHYT_BODY = (
    "Tính đến ngày 30/6/2023, toàn tỉnh có 1.152.000 người tham gia BHYT, đạt tỷ lệ bao phủ 93,2% dân số. "
    "Số người tham gia BHXH tự nguyện tăng 15% so với cùng kỳ.\n\n"
    "Ngành bảo hiểm xã hội đẩy mạnh tuyên truyền, vận động học sinh, sinh viên tham gia bảo hiểm y tế."
)
OCOP_BODY = (
    "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp huyện đã công nhận 12 sản phẩm đạt 3 sao, nâng tổng số sản "
    "phẩm OCOP của huyện lên 35 sản phẩm. Các sản phẩm tiêu biểu gồm chè Shan tuyết, mật ong rừng, quế hữu cơ.\n\n"
    "Chương trình Mỗi xã một sản phẩm giúp nâng cao giá trị nông sản, tạo việc làm cho lao động nông thôn."
)
LUA_BODY = (
    "Vụ Đông Xuân 2022-2023, toàn huyện gieo cấy 5.420 ha lúa, năng suất bình quân ước đạt 62,5 tạ/ha, sản "
    "lượng đạt 33.875 tấn. Diện tích lúa chất lượng cao chiếm 45%.\n\n"
    "Ngành nông nghiệp khuyến cáo nông dân vệ sinh đồng ruộng, phòng trừ sâu bệnh hại lúa vụ Hè Thu."
)
TUYENSINH_BODY = (
    "Năm học 2023-2024, các trường trung học cơ sở trên địa bàn thành phố tuyển sinh 3.200 học sinh vào lớp 6. "
    "Kỳ thi tuyển sinh vào lớp 10 THPT diễn ra ngày 5/6/2023 với 2.815 thí sinh dự thi.\n\n"
    "Sở Giáo dục và Đào tạo yêu cầu các trường bảo đảm an toàn, nghiêm túc, đúng quy chế."
)
DUONG_BODY = (
    "Dự án nâng cấp tuyến đường Hoà Bình - Đắk Tô dài 18,5 km với tổng mức đầu tư 245 tỷ đồng đã hoàn thành "
    "công tác giải phóng mặt bằng, đạt 100% khối lượng.\n\n"
    "Chủ đầu tư cam kết đưa công trình vào sử dụng trước mùa mưa bão năm 2024."
)
UYBAN_BODY = (
    "Uỷ ban Mặt trận Tổ quốc huyện tổ chức hội nghị hiệp thương lần thứ nhất, thống nhất cơ cấu, thành phần "
    "người ứng cử đại biểu Hội đồng nhân dân huyện.\n\n"
    "Hội nghị thống nhất số lượng 35 đại biểu, trong đó tỷ lệ nữ đạt 35%, người dân tộc thiểu số 40%."
)
KTXH_BODY = (
    "Sáng ngày 15/12/2022, HĐND huyện khóa XII tổ chức kỳ họp thứ 8 đánh giá tình hình thực hiện nhiệm vụ phát "
    "triển kinh tế - xã hội năm 2022 và kế hoạch năm 2023. Tốc độ tăng trưởng giá trị sản xuất đạt 8,5%.\n\n"
    "Kỳ họp thông qua 12 nghị quyết quan trọng về đầu tư công và phân bổ dự toán."
)
PCCC_BODY = (
    "Công an huyện phối hợp tổ chức diễn tập phương án chữa cháy và cứu nạn, cứu hộ tại chợ trung tâm với sự "
    "tham gia của 120 cán bộ, chiến sĩ và lực lượng dân phòng.\n\n"
    "Qua diễn tập nhằm nâng cao kỹ năng phòng cháy chữa cháy cho tiểu thương và người dân."
)


def _article(slug: str, site: str, site_name: str, title: str, published: str | None, body: str,
             category: str | None = None, indicators=(), **more) -> Article:
    return Article(url=f"https://{site}/-/{slug}", site=site, site_name=site_name, title=title, published=published,
                   category=category, body=body, indicators=list(indicators), **more)


MINHLONG = ("minhlong.quangngai.gov.vn", "UBND huyện Minh Long")
BATO = ("bato.quangngai.gov.vn", "UBND huyện Ba Tơ")
TINH = ("quangngai.gov.vn", "Cổng thông tin điện tử tỉnh Quảng Ngãi")

ARTICLES: list[Article] = [
    _article("cchc", *MINHLONG, "Minh Long tổ chức Hội nghị sơ kết công tác cải cách hành chính 06 tháng đầu năm 2023",
             "2023-08-18T16:01:00+07:00", CCHC_BODY, "Tin tức - Sự kiện",
             indicators=[_ind(CCHC_BODY, "5/5 xã", 5, "xã", "ratio", total=5),
                         _ind(CCHC_BODY, "2.358 hồ sơ", 2358, "hồ sơ", "count",
                              label="tiếp nhận và xử lý hồ sơ qua hệ thống một cửa điện tử",
                              period="6 tháng đầu năm 2023"),
                         _ind(CCHC_BODY, "95%", 95, "%", "percent", label="tỷ lệ trao đổi văn bản cấp huyện")],
             author="Hà Trinh", views=158,
             attachments=[Attachment("https://minhlong.quangngai.gov.vn/documents/ke-hoach.pdf", "Kế hoạch 2553")],
             images=[Image("https://minhlong.quangngai.gov.vn/hoi-nghi.jpg", "Quang cảnh hội nghị")]),
    _article("ho-ngheo", *BATO, "Ba Tơ: kết quả rà soát hộ nghèo, hộ cận nghèo năm 2022",
             "2023-01-10", NGHEO_BODY, "Lao động - Xã hội",
             indicators=[_ind(NGHEO_BODY, "4.215 hộ nghèo", 4215, "hộ", "count", label="hộ nghèo", period="năm 2022"),
                         _ind(NGHEO_BODY, "32,5%", 32.5, "%", "percent", label="tỷ lệ hộ nghèo"),
                         _ind(NGHEO_BODY, "1.020 hộ cận nghèo", 1020, "hộ", "count", label="hộ cận nghèo")]),
    _article("thu-ngan-sach", *BATO, "Ba Tơ thu ngân sách năm 2022 vượt dự toán",
             "2023-01-20T08:00:00+07:00", NGANSACH_BODY, "Kinh tế",
             indicators=[_ind(NGANSACH_BODY, "98,6 tỷ đồng", 98600000000, "đồng", "money", estimate=True,
                              label="tổng thu ngân sách nhà nước", period="năm 2022"),
                         _ind(NGANSACH_BODY, "125%", 125, "%", "percent", reference="dự toán",
                              label="thu ngân sách so với dự toán"),
                         _ind(NGANSACH_BODY, "712,4 tỷ đồng", 712400000000, "đồng", "money",
                              label="tổng chi ngân sách địa phương")]),
    _article("nong-thon-moi", *MINHLONG, "Kết quả xây dựng nông thôn mới giai đoạn 2021-2025",
             "2023-05-04", NTM_BODY, "Nông nghiệp",
             indicators=[_ind(NTM_BODY, "8/14 xã", 8, "xã", "ratio", total=14, label="xã đạt chuẩn nông thôn mới"),
                         _ind(NTM_BODY, "42 triệu đồng", 42000000, "đồng", "money", label="thu nhập bình quân"),
                         _ind(NTM_BODY, "12 ha", 12, "ha", "measure", approx="hơn", label="đất hiến làm đường")]),
    _article("bhyt", *TINH, "Tỷ lệ bao phủ bảo hiểm y tế toàn tỉnh đạt 93,2%",
             "2023-07-12T09:30:00+07:00", BHYT_BODY, "Y tế",
             indicators=[_ind(BHYT_BODY, "93,2%", 93.2, "%", "percent", label="tỷ lệ bao phủ BHYT"),
                         _ind(BHYT_BODY, "15%", 15, "%", "percent", change="tăng", reference="cùng kỳ",
                              label="người tham gia BHXH tự nguyện")]),
    _article("ocop", *BATO, "Ba Tơ có thêm 12 sản phẩm OCOP đạt 3 sao",
             "2023-10-02", OCOP_BODY, "Nông nghiệp",
             indicators=[_ind(OCOP_BODY, "12 sản phẩm", 12, "sản phẩm", "count", label="sản phẩm OCOP 3 sao")]),
    _article("lua-dong-xuan", *MINHLONG, "Năng suất lúa vụ Đông Xuân đạt 62,5 tạ/ha",
             "2023-04-20", LUA_BODY, "Nông nghiệp",
             indicators=[_ind(LUA_BODY, "5.420 ha", 5420, "ha", "measure", label="diện tích lúa gieo cấy"),
                         _ind(LUA_BODY, "62,5 tạ/ha", 62.5, "tạ/ha", "measure", estimate=True, label="năng suất lúa"),
                         _ind(LUA_BODY, "33.875 tấn", 33875, "tấn", "measure", label="sản lượng lúa")]),
    _article("tuyen-sinh", *TINH, "Tuyển sinh lớp 6 và lớp 10 năm học 2023-2024",
             "2023-06-01", TUYENSINH_BODY, "Giáo dục",
             indicators=[_ind(TUYENSINH_BODY, "3.200 học sinh", 3200, "học sinh", "count", label="tuyển sinh lớp 6")]),
    _article("duong-hoa-binh", *TINH, "Hoàn thành giải phóng mặt bằng tuyến đường Hòa Bình - Đắk Tô",
             "2021-03-15", DUONG_BODY, "Giao thông",
             indicators=[_ind(DUONG_BODY, "245 tỷ đồng", 245000000000, "đồng", "money", label="tổng mức đầu tư")]),
    _article("hiep-thuong", *MINHLONG, "Hội nghị hiệp thương lần thứ nhất bầu cử đại biểu HĐND huyện",
             "2021-02-01", UYBAN_BODY, "Chính trị",
             indicators=[_ind(UYBAN_BODY, "35%", 35, "%", "percent", label="tỷ lệ nữ")]),
    _article("ky-hop-hdnd", *BATO, "Kỳ họp thứ 8 HĐND huyện khóa XII",
             "2022-12-16", KTXH_BODY, "Chính trị",
             indicators=[_ind(KTXH_BODY, "8,5%", 8.5, "%", "percent", label="tốc độ tăng trưởng giá trị sản xuất")]),
    _article("dien-tap-pccc", *MINHLONG, "Diễn tập phương án chữa cháy tại chợ trung tâm huyện",
             None, PCCC_BODY, None),
]


def fill_store(data_dir: Path | str, articles: list[Article] = ARTICLES, open_store=Store.open) -> dict[str, int]:
    """Save the articles in the data folder's store (or ``open_store(data_dir)``'s); returns slug -> article id."""
    ids = {}
    with open_store(data_dir) as store:
        for n, article in enumerate(articles):
            article_id, _ = store.save_article(article, fetched_at=f"2023-11-0{1 + n % 9}T00:00:00+00:00",
                                               warc="govnews-00001.warc.gz", offset=1000 * n)
            ids[article.url.rsplit("/", 1)[1]] = article_id
    return ids


# Real text (issue 15): sentences of krongno.daknong.gov.vn and thanhtra.daknong.gov.vn articles (2019). Every
# syllable of "an toàn thông tin" is in all three; only the first holds the words "an toàn thông tin".
INFOSEC_BODY = (
    "Chỉ thị nêu rõ, thời gian vừa qua, hành lang pháp lý về an toàn, an ninh mạng của Việt Nam từng bước được "
    "hoàn thiện. Tuy nhiên, việc hướng dẫn thi hành pháp luật về an toàn, an ninh mạng, bảo vệ thông tin cá nhân, "
    "bảo vệ trẻ em trên môi trường mạng và chế tài xử lý vi phạm còn chưa đầy đủ. Việc xây dựng, ban hành các "
    "tiêu chuẩn, quy chuẩn kỹ thuật trong lĩnh vực an toàn thông tin mạng chưa đáp ứng nhu cầu thực tiễn. Hoạt "
    "động nâng cao năng lực, nhận thức và trách nhiệm về an toàn, an ninh mạng còn hạn chế…"
)
TRAFFIC_BODY = (
    "Tại Hội nghị, các đại biểu cũng được nghe đại diện lãnh đạo Ủy ban An toàn giao thông quốc gia thông tin "
    "\"Tình hình tai nạn giao thông và công tác đảm bảo trật tự, an toàn giao thông thời gian gần đây; những giải "
    "pháp trọng tâm, đột phá để đảm bảo trật tự, an toàn giao thông trong thời gian tới\".\n\n"
    "Trong đó, tập trung nâng cao hiệu quả công tác tuyên truyền, phổ biến giáo dục pháp luật về trật tự an toàn "
    "giao thông, trật tự đô thị; kiên trì xây dựng văn hóa giao thông an toàn và thân thiện môi trường cho mọi "
    "tầng lớp nhân dân. Điển hình như huyện Đắk Glong thông qua các phương tiện thông tin đại chúng, xe loa lưu "
    "động, hệ thống loa truyền thanh tại các xã để tuyên truyền. Đã thực hiện đề án thu thập thông tin dân cư."
)
POLICE_BODY = (
    "Năm 2018 lực lượng Công an huyện đã thực hiện tốt công tác giữ vững an ninh trên địa bàn. Trật tự an toàn "
    "xã hội được đảm bảo, tỷ lệ điều tra khám phá án đạt 95%. Đã thực hiện đề án thu thập thông tin dân cư phục "
    "vụ xây dựng cơ sở dữ liệu quốc gia được gần 75.000 phiếu trên địa bàn 9 xã, thị trấn, đạt tỷ lệ 93%.\n\n"
    "Qua tuần tra kiểm soát đã phát hiện và lập biên bản xử phạt hành chính trên 2.200 trường hợp vi phạm trật "
    "tự an toàn giao thông, nộp vào ngân sách nhà nước trên 1 tỷ 700 triệu đồng."
)
KRONGNO = ("krongno.daknong.gov.vn", "Trang thông tin điện tử Huyện Krông Nô")
WORDS_ARTICLES: list[Article] = [
    _article("an-toan-giao-thong", *KRONGNO, "Đẩy mạnh tuyên truyền bảo đảm trật tự, an toàn giao thông",
             "2019-04-10T08:00:00+07:00", TRAFFIC_BODY),
    _article("cong-an-tong-ket", "thanhtra.daknong.gov.vn", "Website Thanh tra tỉnh Đắk Nông",
             "Công an huyện Đắk Song tổng kết công tác năm 2018", "2019-01-15T08:00:00+07:00", POLICE_BODY),
    _article("an-ninh-mang", *KRONGNO, "Thủ tướng chỉ thị tăng cường bảo đảm an toàn, an ninh mạng",
             "2019-03-20T08:00:00+07:00", INFOSEC_BODY),
]
