"""Search: ranking on realistic articles, diacritics, phrases, abbreviations, filters, facets, bad queries."""
from __future__ import annotations

import json
import shutil

import pytest
from search_corpus import ARTICLES, fill_store

import cli
from base.errors import BadInput
from commands.search import run_search
from extract.models import Article
from index.search import QueryError, search
from index.searchindex import update_index
from index.snippets import make_snippet

# Two articles whose key words differ only by diacritics ("bão" storm / "báo" report).
STORM = Article(url="https://bato.quangngai.gov.vn/-/bao-so-4", site="bato.quangngai.gov.vn",
                site_name="UBND huyện Ba Tơ", title="Huyện chủ động ứng phó với bão số 4",
                published="2022-09-26", body="Ban Chỉ huy phòng chống thiên tai huyện yêu cầu các xã theo dõi "
                "diễn biến của bão, sơ tán 320 hộ dân ở vùng nguy cơ sạt lở.")
REPORT = Article(url="https://bato.quangngai.gov.vn/-/bao-cao-dan-van", site="bato.quangngai.gov.vn",
                 site_name="UBND huyện Ba Tơ", title="Báo cáo kết quả công tác dân vận năm 2022",
                 published="2022-12-20", body="Ban Dân vận Huyện ủy báo cáo kết quả thực hiện công tác dân vận "
                 "chính quyền, xây dựng mô hình dân vận khéo ở các xã.")
ALL = ARTICLES + [STORM, REPORT]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("search") / "data"
    ids = fill_store(data_dir, ALL)
    assert update_index(data_dir) == len(ALL)
    return data_dir, ids


def slugs(result, ids) -> list[str]:
    by_id = {v: k for k, v in ids.items()}
    return [by_id[h.id] for h in result.hits]


@pytest.mark.parametrize("query, expected", [
    ("cai cach hanh chinh", "cchc"),
    ("cải cách hành chính", "cchc"),
    ("thu ngan sach", "thu-ngan-sach"),
    ("ngan sach Ba To 2022", "thu-ngan-sach"),
    ("ho can ngheo", "ho-ngheo"),
    ("hộ nghèo Ba Tơ", "ho-ngheo"),
    ("nong thon moi", "nong-thon-moi"),
    ("tieu chi nong thon moi", "nong-thon-moi"),
    ("nang suat lua dong xuan", "lua-dong-xuan"),
    ("tuyen sinh lop 10", "tuyen-sinh"),
    ("giai phong mat bang duong Hoa Binh", "duong-hoa-binh"),
    ("uy ban mat tran to quoc hiep thuong", "hiep-thuong"),
    ("dien tap chua chay", "dien-tap-pccc"),
    ("bao phu bao hiem y te", "bhyt"),
    ("san pham OCOP 3 sao", "ocop"),
    ("ky hop HDND", "ky-hop-hdnd"),
    ("2.358 hồ sơ", "cchc"),
])
def test_ranking_puts_the_right_article_first(data, query, expected):
    data_dir, ids = data
    assert slugs(search(data_dir, query), ids)[0] == expected


def test_query_with_diacritics_ranks_exact_spelling_first(data):
    data_dir, ids = data
    assert slugs(search(data_dir, "bão"), ids)[0] == "bao-so-4"
    assert slugs(search(data_dir, "báo cáo"), ids)[0] == "bao-cao-dan-van"
    plain = slugs(search(data_dir, "bao"), ids)
    assert "bao-so-4" in plain and "bao-cao-dan-van" in plain


def test_old_and_new_tone_placement_find_each_other(data):
    data_dir, ids = data
    # the article writes "Uỷ ban" (old style) and the title "Hòa Bình" (new style)
    assert slugs(search(data_dir, "ủy ban mặt trận"), ids)[0] == "hiep-thuong"
    assert slugs(search(data_dir, "hoà bình"), ids)[0] == "duong-hoa-binh"


def test_phrase_queries_with_and_without_diacritics(data):
    data_dir, ids = data
    assert slugs(search(data_dir, '"hộ nghèo"'), ids) == ["ho-ngheo"]
    assert slugs(search(data_dir, '"ho ngheo"'), ids) == ["ho-ngheo"]
    # both words occur, never side by side in this order
    assert search(data_dir, '"nghèo hồ sơ"').total == 0


@pytest.mark.parametrize("query, expected", [
    ("BHYT", "bhyt"), ("bảo hiểm y tế", "bhyt"), ("NTM", "nong-thon-moi"), ("nông thôn mới", "nong-thon-moi"),
    ("KT-XH", "ky-hop-hdnd"), ("kinh tế - xã hội", "ky-hop-hdnd"), ("hdnd khoa XII", "ky-hop-hdnd"),
    ("PCCC", "dien-tap-pccc"), ("mỗi xã một sản phẩm", "ocop"), ("GPMB", "duong-hoa-binh"),
])
def test_abbreviations_find_either_form(data, query, expected):
    data_dir, ids = data
    assert slugs(search(data_dir, query), ids)[0] == expected


def test_abbreviation_matches_expansion_only_article(data):
    data_dir, ids = data
    # "bảo hiểm y tế" is written out in the hộ nghèo article, "BHYT" is not
    assert "ho-ngheo" in slugs(search(data_dir, "BHYT"), ids)
    # "NTM" is written in the nông thôn mới article; the OCOP article never says either
    assert "ocop" not in slugs(search(data_dir, "NTM"), ids)


def test_numbers_are_searchable_whole(data):
    data_dir, ids = data
    assert slugs(search(data_dir, "2.358"), ids) == ["cchc"]
    assert slugs(search(data_dir, "95%"), ids) == ["cchc"]
    assert slugs(search(data_dir, '"62,5 tạ/ha"'), ids) == ["lua-dong-xuan"]
    assert "lua-dong-xuan" in slugs(search(data_dir, "5.420"), ids)


def test_filters_site_dates_category(data):
    data_dir, ids = data
    result = search(data_dir, "huyện", site="bato.quangngai.gov.vn", limit=50)
    assert result.hits and all(h.site == "bato.quangngai.gov.vn" for h in result.hits)
    result = search(data_dir, "huyện", since="2023-01-01", until="2023-06-30", limit=50)
    assert result.hits and all("2023-01-01" <= h.published[:10] <= "2023-06-30" for h in result.hits)
    assert search(data_dir, "huyện", since="2023", until="2023", limit=50).total == sum(
        1 for a in ALL if a.published and a.published.startswith("2023") and "huyện" in (a.body + a.title).lower()
        + (a.site_name or "").lower())
    got = slugs(search(data_dir, "san pham", category="nong nghiep"), ids)
    assert got and set(got) <= {"ocop", "nong-thon-moi", "lua-dong-xuan"}
    assert search(data_dir, "hộ nghèo", site="minhlong.quangngai.gov.vn").hits[0].site == "minhlong.quangngai.gov.vn"


def test_sort_by_date_and_pagination(data):
    data_dir, ids = data
    by_date = search(data_dir, "huyện", sort="date", limit=50)
    dates = [h.published[:10] for h in by_date.hits if h.published]
    assert dates == sorted(dates, reverse=True) and len(dates) > 3
    first = search(data_dir, "huyện", limit=3, page=1)
    second = search(data_dir, "huyện", limit=3, page=2)
    assert first.total == second.total == by_date.total
    assert first.pages == -(-first.total // 3) and second.page == 2
    assert not {h.id for h in first.hits} & {h.id for h in second.hits}
    assert search(data_dir, "huyện", limit=3, page=99).hits == []


def test_facets_count_sites_and_years_of_all_matches(data):
    data_dir, _ = data
    result = search(data_dir, "huyện", limit=1)
    everything = search(data_dir, "huyện", limit=100)
    assert sum(result.facets["site"].values()) == result.total
    expected_years: dict[str, int] = {}
    for hit in everything.hits:
        if hit.published:
            expected_years[hit.published[:4]] = expected_years.get(hit.published[:4], 0) + 1
    assert result.facets["year"] == expected_years


def test_hits_carry_snippets_with_marks(data):
    data_dir, _ = data
    hit = search(data_dir, "ho ngheo").hits[0]
    assert "hộ nghèo" in hit.snippet and "<mark>" not in hit.snippet
    assert "<mark>hộ</mark> <mark>nghèo</mark>" in hit.snippet_html
    assert hit.url.endswith("/ho-ngheo") and hit.title.startswith("Ba Tơ") and hit.score > 0


def test_snippet_html_is_escaped():
    plain, marked = make_snippet("Chỉ số <b>a</b> & hộ nghèo giảm", {"ho", "ngheo"})
    assert plain == "Chỉ số <b>a</b> & hộ nghèo giảm"
    assert "&lt;b&gt;a&lt;/b&gt; &amp; <mark>hộ</mark> <mark>nghèo</mark>" in marked


@pytest.mark.parametrize("query", [
    '"hộ nghèo', "AND", "hộ AND", "AND nghèo", "hộ AND OR nghèo", "NOT", "x" * 5000, "!!! ... ???", "", "   ",
    "-bhyt", '""',
])
def test_bad_queries_raise_query_error(data, query):
    data_dir, _ = data
    with pytest.raises(QueryError) as err:
        search(data_dir, query)
    assert isinstance(err.value, BadInput) and "\n" not in str(err.value) and str(err.value)


@pytest.mark.parametrize("opts", [{"since": "hôm qua"}, {"until": "2023-13-01"}, {"limit": 0}, {"page": 0},
                                  {"since": "2024", "until": "2023"}])
def test_bad_options_raise_query_error(data, opts):
    with pytest.raises(QueryError):
        search(data[0], "huyện", **opts)


def test_operators_and_exclusion(data):
    data_dir, ids = data
    both = slugs(search(data_dir, "ngân sách AND Ba Tơ", limit=50), ids)
    assert both[0] == "thu-ngan-sach" and "cchc" not in both
    without = slugs(search(data_dir, "hộ nghèo -BHYT", limit=50), ids)
    assert "ho-ngheo" not in without
    assert "ho-ngheo" not in slugs(search(data_dir, "hộ nghèo NOT \"bảo hiểm\"", limit=50), ids)


def test_cli_search_json_lines_and_bad_query_exit_2(data, capsys):
    data_dir, _ = data
    assert cli.main(["search", "cai cach hanh chinh", "--data", str(data_dir), "--format", "json", "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert 1 <= len(lines) <= 3
    first = json.loads(lines[0])
    assert set(first) == {"url", "title", "site", "published", "score", "snippet", "type"}
    assert first["url"].endswith("/-/cchc")
    assert cli.main(["search", '"hộ nghèo', "--data", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("govnews: ") and "quote" in err and len(err.strip().splitlines()) == 1


def test_text_output_for_people(data, capsys):
    data_dir, _ = data
    assert run_search(data_dir, "nong thon moi", limit=2) == 0
    out = capsys.readouterr().out
    assert "Kết quả xây dựng nông thôn mới" in out and "result(s)" in out and "by site:" in out
    assert run_search(data_dir, "zzzzqqq") == 0
    assert capsys.readouterr().out.strip() == "no results"


def test_missing_or_empty_data_folder_is_a_clear_message(tmp_path, capsys):
    assert cli.main(["search", "hộ nghèo", "--data", str(tmp_path / "none")]) == 2
    assert "no records in" in capsys.readouterr().err
    assert not (tmp_path / "none").exists()
    assert cli.main(["index", "--data", str(tmp_path / "none")]) == 2
    fill_store(tmp_path / "d", ARTICLES[:1])
    shutil.rmtree(tmp_path / "d" / "index", ignore_errors=True)
    assert cli.main(["search", "hộ nghèo", "--data", str(tmp_path / "d")]) == 2
    assert "govnews index" in capsys.readouterr().err
