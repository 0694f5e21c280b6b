"""`govnews demo`: serves the sample portals, crawls, indexes, prints searches and figures."""
from __future__ import annotations

import json
import re
import tempfile
import time
from collections import Counter
from pathlib import Path

import cli
from commands.demo import (
    DEMO_DOCUMENT_QUERY,
    DEMO_FIGURES_QUERY,
    DEMO_PORTS_FILE,
    DEMO_SEARCHES,
    FIGURES_PER_ARTICLE,
)
from index.store import Store
from samples.server import ALWAYS_REACHABLE, load_manifest


def _expected_urls(data_dir: Path) -> set[str]:
    ports = json.loads((data_dir / DEMO_PORTS_FILE).read_text(encoding="utf-8"))
    return {f"http://127.0.0.1:{ports[a['site']]}{a['path']}" for a in load_manifest()["articles"]
            if a["reach"] in ALWAYS_REACHABLE}


def _stored_urls(data_dir: Path) -> list[str]:
    with Store.open(data_dir) as store:
        return [a["url"] for a in store.iter_articles()]


def test_demo_crawls_indexes_and_shows_searches_and_figures(tmp_path, capsys):
    data = tmp_path / "demo"
    started = time.monotonic()
    assert cli.main(["demo", "--data", str(data)]) == 0
    assert time.monotonic() - started < 60
    out = capsys.readouterr().out

    stored = _stored_urls(data)
    assert _expected_urls(data) <= set(stored)  # every sample article, none missed
    assert len(stored) == len(set(stored))
    assert re.search(rf"Stored {len(stored)} articles", out)

    for query, _ in DEMO_SEARCHES:
        found = re.search(rf'Search "{re.escape(query)}" \(.*\): (\d+) hits?\n  1\. ', out)
        assert found and int(found.group(1)) >= 1, query
    unaccented = out.split(f'Search "{DEMO_SEARCHES[0][0]}"')[1].split("\nSearch ")[0]
    assert "cải cách hành chính" in unaccented.lower()  # found with diacritics although typed without
    assert "Huyện Minh Long" in unaccented  # hits name their portal

    document = out.split(f'Search "{DEMO_DOCUMENT_QUERY}" in the attached documents: 1 hit(s)')[1].split("\nFigures")[0]
    assert "BÁO CÁO 412/BC-UBND" in document and "(page 1, attached to http://127.0.0.1:" in document
    assert "p.1  38.200.000.000 đồng  tổng nguồn vốn" in document  # a figure read from the report, with its page

    figures = out.split(f'Figures about "{DEMO_FIGURES_QUERY}"')[1].split("\nNext:")[0].splitlines()
    rows = [line for line in figures if re.match(r"  \d{4}-\d{2}-\d{2}  ", line)]
    assert len(rows) >= 2 and "(no figures found)" not in figures
    assert all(re.search(r"\d", line[40:56]) for line in rows)  # the value column holds numbers
    per_article = Counter(line[:36] for line in rows)  # date + portal: one article in the sample portals
    assert len(per_article) >= 2 and max(per_article.values()) <= FIGURES_PER_ARTICLE
    assert f"govnews serve --data {data}" in out
    assert "rm -r" not in out  # the folder was given: nothing to clean up


def test_demo_without_data_keeps_a_temporary_folder_and_a_rerun_crawls_the_same_urls(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert cli.main(["demo"]) == 0
    out = capsys.readouterr().out
    kept = re.search(r"rm -r (\S+)", out)
    assert kept
    data = Path(kept.group(1))
    assert data.parent == tmp_path and f"govnews serve --data {data}" in out
    first = sorted(_stored_urls(data))
    assert _expected_urls(data) <= set(first)
    ports = (data / DEMO_PORTS_FILE).read_text()

    assert cli.main(["demo", "--data", str(data)]) == 0  # same portals on the same ports: no copies
    assert (data / DEMO_PORTS_FILE).read_text() == ports
    assert sorted(_stored_urls(data)) == first


def test_demo_refuses_a_folder_holding_other_data(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine")
    assert cli.main(["demo", "--data", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("govnews: ") and "already holds other data" in err and len(err.strip().splitlines()) == 1
    assert (tmp_path / "notes.txt").read_text() == "mine" and len(list(tmp_path.iterdir())) == 1
