"""``govnews sites``: per-site counts and field coverage, from the records (and the crawl state when present)."""
from __future__ import annotations

import json

import pytest
from search_corpus import ARTICLES, fill_store

import cli
from index.sites import site_summaries


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("sites")
    fill_store(data_dir)
    return data_dir


def test_counts_and_coverage_match_the_articles(data):
    summaries = {s.site: s for s in site_summaries(data)}
    for site in {a.site for a in ARTICLES}:
        mine = [a for a in ARTICLES if a.site == site]
        got = summaries[site]
        assert got.articles == len(mine)
        assert got.with_date == pytest.approx(sum(a.published is not None for a in mine) / len(mine))
        assert got.with_author == pytest.approx(sum(a.author is not None for a in mine) / len(mine))
        assert got.with_figures == pytest.approx(sum(bool(a.indicators) for a in mine) / len(mine))
        dates = sorted(a.published[:10] for a in mine if a.published)
        assert (got.first, got.last) == ((dates[0], dates[-1]) if dates else (None, None))
    counts = [s.articles for s in site_summaries(data)]
    assert counts == sorted(counts, reverse=True)


def test_cli_table_and_jsonl(data, capsys):
    assert cli.main(["sites", "--data", str(data), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sum(r["articles"] for r in rows) == len(ARTICLES)
    assert cli.main(["sites", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("site") and "minhlong.quangngai.gov.vn" in out


def test_missing_data_is_a_one_line_error(tmp_path, capsys):
    assert cli.main(["sites", "--data", str(tmp_path / "none")]) == 2
    assert "run govnews crawl first" in capsys.readouterr().err
