"""``govnews indicators``: filters, text query, CSV with BOM, JSONL, table."""
from __future__ import annotations

import csv
import io
import json

import pytest
from search_corpus import ARTICLES, fill_store

import cli
from base.errors import BadInput
from commands.figures import run_indicators
from index.figures import ROW_FIELDS, query_indicators, write_csv

ALL_FIGURES = sum(len(a.indicators) for a in ARTICLES)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("figures")
    fill_store(data_dir)
    return data_dir


def test_rows_carry_indicator_and_article_fields(data):
    rows = list(query_indicators(data))
    assert len(rows) == ALL_FIGURES
    row = next(r for r in rows if r["text"] == "2.358 hồ sơ")
    assert tuple(row) == ROW_FIELDS
    assert row["value"] == 2358 and row["unit"] == "hồ sơ" and row["kind"] == "count"
    assert row["title"].startswith("Minh Long tổ chức") and row["url"].endswith("/cchc")
    assert row["published"] == "2023-08-18T16:01:00+07:00" and row["site"] == "minhlong.quangngai.gov.vn"
    # newest articles first
    dates = [r["published"][:10] for r in rows if r["published"]]
    assert dates == sorted(dates, reverse=True)


def test_filters(data):
    assert {r["unit"] for r in query_indicators(data, unit="%")} == {"%"}
    assert {r["text"] for r in query_indicators(data, unit="ho so")} == {"2.358 hồ sơ"}  # without diacritics
    money = list(query_indicators(data, kind="money"))
    assert money and all(r["kind"] == "money" for r in money)
    in_2021 = list(query_indicators(data, since="2021", until="2021-12-31"))
    assert in_2021 and all(r["published"].startswith("2021") for r in in_2021)
    bato = list(query_indicators(data, site="bato.quangngai.gov.vn"))
    assert bato and all(r["site"] == "bato.quangngai.gov.vn" for r in bato)
    assert len(list(query_indicators(data, limit=2))) == 2


def test_text_query_matches_label_sentence_or_title_without_diacritics(data):
    texts = {r["text"] for r in query_indicators(data, "ho ngheo")}
    assert texts == {"4.215 hộ nghèo", "32,5%", "1.020 hộ cận nghèo"}  # all from the hộ nghèo article's title
    budget = {r["text"] for r in query_indicators(data, "thu ngân sách")}
    assert "98,6 tỷ đồng" in budget and "4.215 hộ nghèo" not in budget
    assert {r["text"] for r in query_indicators(data, "năng suất lúa", kind="measure")} >= {"62,5 tạ/ha"}
    assert list(query_indicators(data, "zzzz")) == []


def test_csv_has_bom_and_reads_back(data):
    out = io.StringIO()
    assert write_csv(query_indicators(data, kind="percent"), out) > 0
    text = out.getvalue()
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert tuple(rows[0]) == ROW_FIELDS
    assert any(r["label"] == "tỷ lệ bao phủ BHYT" and float(r["value"]) == 93.2 for r in rows)


def test_cli_formats(data, capsys):
    assert cli.main(["indicators", "--data", str(data), "--kind", "ratio", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(r["value"], r["total"]) for r in rows} == {(5, 5), (8, 14)}
    assert cli.main(["indicators", "ngân sách", "--data", str(data), "--format", "table"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].startswith("date") and "98.600.000.000" in table
    assert cli.main(["indicators", "--data", str(data), "--format", "csv", "--unit", "ha"]) == 0
    assert capsys.readouterr().out.startswith("\ufefftext,start,end,value")


def test_bad_options_and_missing_data(tmp_path, data, capsys):
    with pytest.raises(BadInput):
        query_indicators(data, since="yesterday")
    with pytest.raises(BadInput):
        query_indicators(data, "?!")
    assert cli.main(["indicators", "--data", str(tmp_path / "none")]) == 2
    assert "no records in" in capsys.readouterr().err
    assert run_indicators(data, "zzzz", fmt="table") == 0
    assert "no figures match" in capsys.readouterr().out


def test_document_figures_come_with_their_page_and_article(tmp_path):
    from test_store_documents import make_document

    from index import documents
    from index.store import Store

    data_dir = tmp_path / "docs"
    fill_store(data_dir)
    article = ARTICLES[0]
    with Store.open(data_dir) as store:
        documents.save_document(store, make_document(article_url=article.url), fetched_at="t")
    rows = [r for r in query_indicators(data_dir) if r["document_url"]]
    assert len(rows) == 1
    row = rows[0]
    assert (row["page"], row["value"], row["unit"]) == (1, 7906700000000, "đồng")
    assert row["url"] == article.url and row["title"] == article.title
    assert row["document_name"] == "237-TB-UBND.pdf"
    assert "7.906,7 tỷ đồng" in [r["text"] for r in query_indicators(data_dir, "gia tri san xuat")]
    assert all(r["document_url"] is None for r in query_indicators(data_dir, unit="hồ sơ"))
