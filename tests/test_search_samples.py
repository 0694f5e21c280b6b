"""Ranking on the sample portal articles (tests/data/pages/*.expected.json): real pages, real queries.

The store is filled from the expected JSON (what extraction must give), so this measures
search alone. A third of the queries are typed without diacritics, as users do.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.models import Article
from index.analyzer import fold
from index.search import search
from index.searchindex import update_index
from index.store import Store

PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "pages"

# query -> the sample it is about
JUDGED = {
    "nang suat lua vu mua": "aspnet-kienxuong-nang-suat-lua-cp1258",
    "xuất khẩu cá tra Đồng Tháp": "html5-dongthap-ca-tra",
    "tiêm vắc xin cho trẻ em dưới 5 tuổi": "liferay62-bato-tiem-chung",
    "san pham OCOP Duc Pho": "liferay62-ducpho-ocop-nfd",
    "cải cách hành chính Minh Long": "liferay62-minhlong-cchc-seed",
    "truyen day cong chieng": "liferay62-minhlong-cong-chieng",
    "tỷ lệ hộ nghèo Quảng Ngãi": "liferay62-quangngai-ho-ngheo",
    "xa dat chuan nong thon moi nang cao": "liferay7-nghiahanh-nong-thon-moi",
    "thu ngân sách Sơn Hà": "liferay7-sonha-thu-ngan-sach",
    "dân vận khéo chuyển đổi số": "liferay7-sontay-dan-van-kheo",
    "hoi nghi cu tri nguoi ung cu": "netsite-thainguyen-hoi-nghi-cu-tri",
    "doanh nghiệp nộp thuế điện tử": "newspaper-binhdinh-thue-dien-tu",
    "BHYT học sinh": "newspaper-hoabinh-bhyt-hoc-sinh",
    "che bup tuoi Phu Luong": "newspaper-thainguyen-che-vu-xuan",
    "giải ngân vốn đầu tư công Thái Nguyên": "newspaper-thainguyen-dau-tu-cong",
    "giá lúa miền Tây": "newspaper-vnexpress-gia-lua",
    "dien tich mia Tay Ninh": "nukeviet-tayninh-dien-tich-mia",
    "dự toán ngân sách địa phương quý I": "nukeviet-tayninh-du-toan-ngan-sach",
    "giảm nghèo bền vững 2023": "sharepoint-hue-giam-ngheo",
    "ke hoach cai cach hanh chinh nam 2024": "sharepoint-hue-van-ban-nguoi-ky",
    "kiên cố hóa kênh mương": "table-layout-tiendu-kenh-muong",
    "My An 19/19 tieu chi": "wordpress-myan-nong-thon-moi",
    "trồng bưởi da xanh VietGAP": "wordpress-phuochung-buoi-da-xanh",
    "lịch tiếp công dân tháng 3": "wordpress-tanthanh-tiep-cong-dan",
}


def fill_samples(store) -> dict[int, str]:
    """Store the sample articles; returns article id -> sample name."""
    names = {}
    for path in sorted(PAGES.glob("*.expected.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("page_type") != "article":
            continue
        record["indicators"] = []  # the expected figures may be partial; search does not use them
        article_id, _ = store.save_article(Article.from_dict(record), fetched_at="2024-06-01T00:00:00+00:00")
        names[article_id] = path.name.removesuffix(".expected.json")
    return names


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("samples")
    with Store.open(data_dir) as store:
        names = fill_samples(store)
    update_index(data_dir)
    return data_dir, names


def test_judged_samples_exist(data):
    _, names = data
    assert set(JUDGED.values()) <= set(names.values())
    assert sum(q == fold(q) for q in JUDGED) >= len(JUDGED) // 3


@pytest.mark.parametrize("query", list(JUDGED))
def test_each_query_finds_its_article_first(data, query):
    data_dir, names = data
    hits = search(data_dir, query).hits
    assert hits and names[hits[0].id] == JUDGED[query]


def test_without_diacritics_the_same_article_comes_first(data):
    data_dir, names = data
    for query, expected in JUDGED.items():
        folded = fold(query)
        if folded != query:
            assert names[search(data_dir, folded).hits[0].id] == expected, folded
