"""``govnews reprocess --spark``: the sample portals' archive on Spark local[2] gives what one machine gives."""
from __future__ import annotations

import gzip
import shutil
import sqlite3
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest

import cli
from base.warcread import iter_responses, iter_stream_responses, read_record
from cluster import archive, records, schema
from cluster.spark import run_job, spark_session
from crawler.pipeline import CrawlOptions, crawl, reprocess
from extract.documents import extract_document
from index.store import Store
from samples.server import SampleSites

ROOT = Path(__file__).resolve().parents[1]
SPLIT = 64 * 1024  # small ranges: the one sample WARC file spreads over several tasks
# Short jobs on a busy machine: the JVM's quick compiler, no code generation, two shuffle partitions.
TEST_CONF = {
    "spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false", "spark.sql.shuffle.partitions": "2",
    "spark.default.parallelism": "2", "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1",
    "spark.sql.codegen.wholeStage": "false",
}


@pytest.fixture(scope="session")
def spark():
    session = spark_session("local[2]", quiet=True, conf=TEST_CONF)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def archived(tmp_path_factory):
    """A crawl of the sample portals (with faults), then one machine's reprocess of its archive."""
    data = tmp_path_factory.mktemp("spark") / "data"
    with SampleSites(faults=True) as sites:
        crawl(sites.seeds, data, CrawlOptions(delay=0.02, retry_base=0.2, quiet=True, update_index=False))
    assert reprocess(data, quiet=True) == 0
    return data


@pytest.fixture(scope="module")
def damaged_file(archived):
    path = archived.parent / "zz-damaged.warc.gz"
    path.write_bytes(b"this is not a WARC file\n" * 10)
    return path


@pytest.fixture(scope="module")
def html_at_attachment(archived):
    """A later fetch of an attachment link answering an article-like HTML page ("file not found", a viewer):
    the crawler fetched it as a document, so it is no article."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    url = crawl_rows(archived, "kind = 'attachment' AND status = 'fetched'")[0]["url"]
    body = (ROOT / "tests" / "data" / "pages" / "aspnet-thanhhoa-br-body.html").read_bytes()
    path = archived.parent / "zz-attachment-as-html.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), length=len(body),
                                                      http_headers=http))
    return path


@pytest.fixture(scope="module")
def job(spark, archived, damaged_file, html_at_attachment):
    out = archived.parent / "out"
    inputs = [str(archived / "warc"), str(damaged_file), str(html_at_attachment)]
    result = run_job(spark, inputs, str(out), split_bytes=SPLIT)
    return out, result


def read(out: Path, name: str) -> list[dict]:
    return ds.dataset(out / name, format="parquet", partitioning="hive").to_table().to_pylist()


def one_machine(data: Path) -> dict[str, dict]:
    with Store.open(data) as store:
        return {a["url"]: a for a in store.iter_articles()}


def crawl_rows(data: Path, where: str) -> list[sqlite3.Row]:
    conn = sqlite3.connect(data / "records.sqlite")
    conn.row_factory = sqlite3.Row
    return conn.execute(f"SELECT * FROM crawl_urls WHERE {where}").fetchall()


def _floats(indicator: dict) -> dict:
    return {**indicator, **{k: None if indicator[k] is None else float(indicator[k])
                            for k in ("value", "upper", "total")}}


def test_articles_match_one_machine_record_for_record(job, archived):
    out, result = job
    rows = read(out, "articles")
    expected = one_machine(archived)
    assert len(rows) == result.articles == len(expected) > 40
    by_url = {r["url"]: r for r in rows}
    assert by_url.keys() == expected.keys()  # the HTML answer at an attachment link is not among them
    for url, want in expected.items():
        got = by_url[url]
        assert got["site"] == want["site"] and got["year"] == records.year_of(want["published"])
        assert (got["warc"], got["offset"]) == (want["archive"]["warc"], want["archive"]["offset"])
        assert got["archive"] == want["archive"]
        # fetched_at: the record's WARC-Date; the store has the crawler's clock at the same moment
        gap = datetime.fromisoformat(got["fetched_at"]) - datetime.fromisoformat(want["fetched_at"])
        assert abs(gap.total_seconds()) <= 2, url
        for key in ("title", "published", "author", "source", "views", "category", "summary", "body",
                    "site_name", "attachments", "images", "language", "page_type"):
            assert got[key] == want[key], (url, key)
        assert got["indicators"] == [_floats(i) for i in want["indicators"]], url


def test_indicators_match_one_machine(job, archived):
    out, result = job
    rows = read(out, "indicators")
    assert len(rows) == result.indicators > 100
    by_article = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r["url"], r["position"])):
        by_article[row["url"]].append({k: row[k] for k in ("text", "start", "end", "value", "upper", "total", "unit",
                                                            "kind", "approx", "estimate", "change", "reference",
                                                            "label", "period", "sentence")})
    want = {url: [_floats(i) for i in a["indicators"]] for url, a in one_machine(archived).items() if a["indicators"]}
    assert dict(by_article) == want


def test_failed_pages_and_damaged_files_are_error_rows(job, archived, damaged_file):
    out, result = job
    rows = read(out, "errors")
    assert len(rows) == result.errors
    failed = {r["url"]: r["reason"] for r in crawl_rows(archived, "status = 'failed' AND reason NOT LIKE 'HTTP %'")}
    assert failed  # the sample portals serve a page past the size limit
    assert {r["url"]: r["reason"] for r in rows if r["url"]} == failed
    [broken] = [r for r in rows if r["url"] is None]
    assert broken["warc"] == damaged_file.name and broken["offset"] == 0
    assert broken["reason"].startswith("archive unreadable")


def test_documents_are_the_archived_attachments_read_as_one_machine_reads_them(job, archived):
    out, result = job
    rows = read(out, "documents")
    fetched = {r["url"]: (r["warc"], r["warc_offset"])
               for r in crawl_rows(archived, "kind = 'attachment' AND status = 'fetched'")}
    assert len(rows) == result.documents == len(fetched) > 0
    articles = one_machine(archived)
    for row in rows:
        assert (row["warc"], row["offset"]) == fetched[row["url"]] == tuple(row["archive"].values())
        linked = [a["url"] for a in articles[row["article_url"]]["attachments"]]
        assert row["url"] in linked and row["site"] == articles[row["article_url"]]["site"]
        # what the crawl's documents step stores: extract_document on the archived bytes, text layers only
        record = read_record(archived, row["warc"], row["offset"])
        name = records.filename_of(row["url"], record.headers.get("content-disposition"))
        want = extract_document(record.body, name, url=row["url"], article_url=row["article_url"]).to_dict()
        assert row["name"] == name and row["error"] is None
        for key, value in want.items():
            expected = [_floats(i) for i in value] if key == "indicators" else value
            assert row[key] == expected, (row["url"], key)
    read_ = [r for r in rows if any(p["text"] for p in r["pages"])]
    assert read_ and any(r["number"] for r in read_) and any(r["indicators"] for r in read_)
    figures = read(out, "document_indicators")
    assert len(figures) == result.document_indicators == sum(len(r["indicators"]) for r in rows)
    by_document = defaultdict(list)
    for figure in sorted(figures, key=lambda f: (f["url"], f["position"])):
        by_document[figure["url"]].append({name: figure[name] for name, _kind in schema.DOCUMENT_FIGURE})
    assert dict(by_document) == {r["url"]: r["indicators"] for r in rows if r["indicators"]}


def test_big_file_spreads_over_tasks_and_offsets_are_absolute(job, archived):
    _out, result = job
    [warc] = (archived / "warc").glob("*.warc.gz")
    listing = archive.list_file(str(warc), SPLIT)
    # ranges end at record boundaries, so they run a little past SPLIT; the damaged file has no readable range
    assert result.files == 3 and result.ranges == len(listing.ranges) + 1 >= warc.stat().st_size // (2 * SPLIT)
    (start, end), *_ = listing.ranges[1:]
    with open(warc, "rb") as fh:
        offsets = [offset for offset, _end, _item in iter_stream_responses(fh, start)]
    assert offsets[0] == start  # record offsets stay file offsets when reading starts mid-file
    assert offsets == [offset for offset, _end, _item in iter_responses(warc) if offset >= start]
    inside = list(archive.read_range(str(warc), start, end, frozenset(listing.hosts)))
    assert inside and all(start <= r["offset"] < end for r in inside)


def test_cut_off_file_is_read_to_its_last_whole_record(archived, tmp_path):
    [warc] = (archived / "warc").glob("*.warc.gz")
    # a kill while writing a page: the file ends half-way through its record
    offset, end = next((o, e) for o, e, item in iter_responses(warc) if item is not None and o > 100_000
                       and e - o > 2000)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(warc.read_bytes()[:(offset + end) // 2])
    listing = archive.list_file(str(cut), SPLIT)
    assert listing.damage is not None and listing.damage["offset"] == listing.ranges[-1][1] == offset
    derived = [r for s, e in listing.ranges for r in archive.read_range(str(cut), s, e, frozenset(listing.hosts))]
    assert derived and not [r for r in derived if r["kind"] == records.DAMAGED]


def test_outputs_open_in_duckdb_pyarrow_and_spark_with_the_documented_schema(job, spark):
    out, result = job
    for name, columns in schema.DATASETS.items():
        table = ds.dataset(out / name, format="parquet", partitioning="hive").schema
        assert set(table.names) == set(columns.fieldNames()), name
    con = duckdb.connect()
    sites = con.execute(f"SELECT DISTINCT site FROM read_parquet('{out}/articles/**/*.parquet', "
                        "hive_partitioning = true)").fetchall()
    assert sites and all(s.startswith("127.0.0.1:") for (s,) in sites)
    count, years = con.execute(f"SELECT COUNT(*), COUNT(DISTINCT year) FROM read_parquet("
                               f"'{out}/indicators/**/*.parquet', hive_partitioning = true)").fetchone()
    assert count == result.indicators and years > 1
    # the damaged file's error row has no site: Hive's null partition, read back as null
    assert con.execute(f"SELECT COUNT(*) FROM read_parquet('{out}/errors/**/*.parquet', hive_partitioning = true)"
                       " WHERE site IS NULL AND url IS NULL").fetchone() == (1,)
    frame = spark.read.parquet(str(out / "articles"))
    assert frame.count() == result.articles
    assert dict(frame.dtypes)["indicators"].startswith("array<struct<text:string")


def test_rerun_through_the_cli_replaces_partitions_without_duplicates(job, archived, capsys):
    out, result = job
    partition = next((out / "articles").glob("site=*/year=*"))
    [part] = partition.glob("*.parquet")
    shutil.copy(part, partition / ("stale-" + part.name))  # what a half-written earlier run could leave
    before = len(read(out, "articles"))
    assert before > result.articles
    code = cli.main(["reprocess", "--spark", str(archived / "warc"), "--out", str(out), "--quiet"])
    assert code == 0
    urls = [r["url"] for r in read(out, "articles")]
    assert len(urls) == len(set(urls)) == result.articles
    assert not list(partition.glob("stale-*"))
    assert len(read(out, "indicators")) == result.indicators


def test_a_record_whose_extraction_raises_is_an_error_row(monkeypatch):
    from base.warcread import ArchivedResponse

    def boom(*_args, **_kwargs):
        raise ValueError("extractor bug")

    monkeypatch.setattr(records, "analyze", boom)
    page = ArchivedResponse(url="http://127.0.0.1:1/-/a", status=200, headers={"content-type": "text/html"},
                            body=b"<html></html>", date="2026-01-02T03:04:05.123456Z")
    rec = records.derive(page, "a.warc.gz", "/x/a.warc.gz", 10, frozenset({"127.0.0.1:1"}))
    assert rec["error"] == "ValueError: extractor bug" and rec["article"] is None
    assert records.error_row(rec) == {"url": page.url, "site": "127.0.0.1:1", "warc": "a.warc.gz", "offset": 10,
                                      "fetched_at": "2026-01-02T03:04:05+00:00", "reason": rec["error"]}


def test_canonical_identity_follows_the_crawler():
    from crawler.urls import Scope

    scope = Scope({"a.gov.vn"})
    url = "https://a.gov.vn/tin-tuc/chi-tiet/12/slug"
    assert records.article_identity(url, "https://a.gov.vn/-/slug", scope) == "https://a.gov.vn/-/slug"
    assert records.article_identity(url, "https://b.gov.vn/-/slug", scope) == url  # out of scope
    assert records.article_identity(url, "https://a.gov.vn/", scope) == url  # the home page names no article
    first = {"url": "https://a.gov.vn/x", "ident": "https://a.gov.vn/-/slug", "warc": "a", "path": "a", "offset": 1}
    own = {"url": "https://a.gov.vn/-/slug", "ident": "https://a.gov.vn/-/slug", "warc": "b", "path": "b", "offset": 9}
    assert records.identity_winner(first, own) is own and records.identity_winner(own, first) is own
    assert records.earlier(first, own) is first and records.later(first, own) is own


def test_cli_refuses_before_starting_spark(tmp_path, capsys):
    assert cli.main(["reprocess", "--spark", "--out", str(tmp_path / "o")]) == 2
    assert cli.main(["reprocess", "--spark", str(tmp_path / "none-*.warc.gz"), "--out", str(tmp_path / "o")]) == 2
    assert "no WARC files match" in capsys.readouterr().err
    warc = tmp_path / "x.warc.gz"
    warc.write_bytes(gzip.compress(b""))
    assert cli.main(["reprocess", "--spark", str(warc)]) == 2
    assert cli.main(["reprocess", str(warc), "--out", str(tmp_path / "o")]) == 2
    assert "--spark" in capsys.readouterr().err
