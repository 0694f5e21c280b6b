"""``govnews export``: JSONL, CSV (two files) and Parquet round trips."""
from __future__ import annotations

import csv
import io
import json

import pytest
from search_corpus import ARTICLES, fill_store

import cli
from base.errors import BadInput
from commands.export import run_export
from extract.models import Article
from index.export import indicators_path


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("export")
    fill_store(data_dir)
    return data_dir


def test_jsonl_lines_are_design_articles_plus_fetch_and_archive(data):
    out = io.StringIO()
    assert run_export(data, "jsonl", stream=out) == 0
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == len(ARTICLES)
    for line, article in zip(lines, ARTICLES):
        assert list(line) == list(article.to_dict()) + ["fetched_at", "archive"]
        assert Article.from_dict(line) == article  # round trip
        assert line["archive"]["warc"] == "govnews-00001.warc.gz" and isinstance(line["archive"]["offset"], int)
        assert line["fetched_at"].startswith("2023-11-0")


def test_jsonl_to_file_and_via_cli(data, tmp_path, capsys):
    target = tmp_path / "all.jsonl"
    assert cli.main(["export", "--data", str(data), "--format", "jsonl", "--out", str(target)]) == 0
    assert f"exported {len(ARTICLES)} article(s)" in capsys.readouterr().err
    assert len(target.read_text(encoding="utf-8").splitlines()) == len(ARTICLES)
    assert not list(tmp_path.glob("*.part"))


def test_csv_writes_articles_and_indicators_files(data, tmp_path):
    target = tmp_path / "articles.csv"
    assert run_export(data, "csv", target) == 0
    second = indicators_path(target)
    assert second.name == "articles-indicators.csv"
    for path in (target, second):
        assert path.read_text(encoding="utf-8").startswith("\ufeff")
    with open(target, encoding="utf-8-sig", newline="") as f:
        articles = list(csv.DictReader(f))
    with open(second, encoding="utf-8-sig", newline="") as f:
        indicators = list(csv.DictReader(f))
    assert [a["url"] for a in articles] == [a.url for a in ARTICLES]
    first = articles[0]
    assert first["title"] == ARTICLES[0].title and first["body"] == ARTICLES[0].body  # newlines survive
    assert json.loads(first["attachments"]) == [{"url": ARTICLES[0].attachments[0].url, "name": "Kế hoạch 2553"}]
    assert int(first["indicator_count"]) == len(ARTICLES[0].indicators)
    assert len(indicators) == sum(len(a.indicators) for a in ARTICLES)
    by_article = [i for i in indicators if i["article_id"] == first["id"]]
    assert [i["text"] for i in by_article] == [i.text for i in ARTICLES[0].indicators]
    assert by_article[0]["url"] == ARTICLES[0].url


def test_parquet_round_trip(data, tmp_path):
    import pyarrow.parquet as pq  # an optional extra of govnews, part of the test extra
    target = tmp_path / "articles.parquet"
    assert run_export(data, "parquet", target) == 0
    rows = pq.read_table(target).to_pylist()
    assert [r["url"] for r in rows] == [a.url for a in ARTICLES]
    first = rows[0]
    assert first["indicators"][1]["text"] == "2.358 hồ sơ" and first["indicators"][1]["value"] == 2358.0
    assert first["images"] == [{"url": ARTICLES[0].images[0].url, "caption": "Quang cảnh hội nghị"}]
    assert first["archive"] == {"warc": "govnews-00001.warc.gz", "offset": 0}


def test_parquet_without_pyarrow_is_a_clear_message(data, tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name.startswith("pyarrow"):
            raise ImportError("No module named 'pyarrow'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(BadInput, match=r"pip install 'govnews\[parquet\]'"):
        run_export(data, "parquet", tmp_path / "x.parquet")
    assert not list(tmp_path.iterdir())


def test_export_streams_in_constant_memory(tmp_path, monkeypatch):
    """Export reads the store in batches; it never asks for every article at once."""
    fill_store(tmp_path, ARTICLES)
    import index.store as store_module

    loaded_sizes = []
    real_load = store_module.Store._load

    def spy(self, ids):
        loaded_sizes.append(len(ids))
        return real_load(self, ids)

    monkeypatch.setattr(store_module, "ITER_BATCH", 5)
    monkeypatch.setattr(store_module.Store, "_load", spy)
    run_export(tmp_path, "jsonl", stream=io.StringIO())
    assert max(loaded_sizes) <= 5 and sum(loaded_sizes) == len(ARTICLES)


@pytest.mark.parametrize("args, message", [
    (["--format", "csv"], "--out PATH is needed"),
    (["--format", "parquet"], "--out PATH is needed"),
])
def test_bad_export_options(data, capsys, args, message):
    assert cli.main(["export", "--data", str(data), *args]) == 2
    assert message in capsys.readouterr().err


def test_export_of_missing_data_folder(tmp_path, capsys):
    assert cli.main(["export", "--data", str(tmp_path / "none"), "--format", "jsonl"]) == 2
    assert "no records in" in capsys.readouterr().err


def test_documents_export_in_every_format(tmp_path):
    from test_store_documents import make_document

    from index import documents
    from index.store import Store

    data = tmp_path / "docs"
    with Store.open(data) as store:
        documents.save_document(store, make_document(), fetched_at="2019-07-13T00:00:00+00:00", warc="a.warc.gz",
                                offset=9)
    out = io.StringIO()
    assert run_export(data, "jsonl", stream=out, documents=True) == 0
    (line,) = [json.loads(x) for x in out.getvalue().splitlines()]
    assert line["number"] == "237/TB-UBND" and line["archive"] == {"warc": "a.warc.gz", "offset": 9}
    assert line["indicators"][0]["page"] == 1 and "id" not in line
    target = tmp_path / "docs.csv"
    assert run_export(data, "csv", target, documents=True) == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0]["number"] == "237/TB-UBND" and "7.906,7 tỷ đồng" in rows[0]["text"]
    figures = list(csv.DictReader(io.StringIO(indicators_path(target).read_text(encoding="utf-8-sig"))))
    assert (figures[0]["page"], figures[0]["unit"]) == ("1", "đồng")
    import pyarrow.parquet as pq

    target = tmp_path / "docs.parquet"
    assert run_export(data, "parquet", target, documents=True) == 0
    table = pq.read_table(target).to_pylist()
    assert table[0]["pages"][0]["method"] == "ocr" and table[0]["indicators"][0]["value"] == 7906700000000.0
