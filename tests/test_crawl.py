"""End-to-end crawl of the sample portals with faults: politeness, scope, traps, archive, store."""
import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from base.errors import BadInput
from base.warcread import read_record
from crawler.fetch import DEFAULT_USER_AGENT
from crawler.pipeline import CrawlOptions, crawl, reprocess
from index.store import Store
from samples.server import FAULTS, SampleSites

DELAY = 0.05
OVERLAP_SLACK = 0.005  # the server logs "finished" just after handing the last byte to the socket


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    data = tmp_path_factory.mktemp("crawl") / "data"
    with SampleSites(faults=True) as sites:
        code = crawl(sites.seeds, data, CrawlOptions(delay=DELAY, retry_base=0.2, quiet=True))
        yield sites, data, code


def db(data: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(data / "records.sqlite")
    conn.row_factory = sqlite3.Row
    return conn


def test_every_article_stored_once_and_nothing_else(crawled):
    sites, data, code = crawled
    assert code == 0
    stored = [r["url"] for r in db(data).execute("SELECT url FROM articles")]
    assert len(stored) == len(set(stored))
    assert set(sites.articles) <= set(stored), sorted(set(sites.articles) - set(stored))
    assert set(stored) == set(sites.articles), sorted(set(stored) - set(sites.articles))
    titles = [r[0] for r in db(data).execute("SELECT title FROM articles")]
    assert len(titles) == len(set(titles))


def test_politeness_in_the_servers_own_log(crawled):
    sites, _data, _code = crawled
    by_site = defaultdict(list)
    for entry in sites.requests():
        by_site[entry.site].append(entry)
        url = sites.base_urls.get(entry.site, sites.outside_url) + entry.path
        assert sites.robots_allows(url, DEFAULT_USER_AGENT), f"requested disallowed {url}"
        assert entry.headers.get("User-Agent", DEFAULT_USER_AGENT).startswith("govnews/")
    assert "ngoai" not in by_site  # the out-of-scope server never got a request
    assert set(by_site) == set(sites.base_urls)
    for site, entries in by_site.items():
        entries.sort(key=lambda e: e.started)
        assert entries[0].path == "/robots.txt"
        for before, after in zip(entries, entries[1:]):
            assert after.started >= before.finished - OVERLAP_SLACK, f"two requests in flight to {site}"
            assert after.started - before.finished >= DELAY - OVERLAP_SLACK, f"gap below --delay on {site}"


def test_faults_handled(crawled):
    sites, data, _code = crawled
    conn = db(data)
    log = sites.requests("huyen-minhlong")

    def status(name):
        row = conn.execute("SELECT status, reason FROM crawl_urls WHERE url = ?", (sites.fault_url(name),)).fetchone()
        return tuple(row) if row else None

    # 503 + Retry-After: 1 -> asked again no sooner than a second later, then stored
    hits = [e for e in log if e.path == FAULTS["retry_after"].path]
    assert [e.status for e in hits] == [503, 200]
    assert hits[1].started - hits[0].finished >= 1.0 - OVERLAP_SLACK
    # a permanent 500: the first try and 3 retries, then failed
    assert [e.status for e in log if e.path == FAULTS["server_error"].path] == [500] * 4
    assert status("server_error") == ("failed", "HTTP 500")
    assert status("not_found")[0] == "failed"
    # the 30 MB page was cut at the size limit and never stored
    assert status("huge")[0] == "failed" and "size limit" in status("huge")[1]
    assert status("binary_as_html")[0] in ("not_article", "failed")
    assert status("robots_disallowed")[0] == "robots"
    # redirect loop ends; the chain leads to its article
    loop = [e for e in log if e.path.startswith("/chuyen-huong/")]
    assert 1 <= len(loop) <= 3
    # the calendar trap stops after a handful of months
    calendar = [e for e in log if e.path.startswith("/lich-cong-tac")]
    assert 1 <= len(calendar) <= 20
    # tracking-parameter, alias and print-view duplicates: never fetched twice as the same URL, stored once
    paths = [e.path for e in log if e.status == 200]
    assert len(paths) == len(set(paths))
    assert not any("p_p_state=pop_up" in p or "utm_" in p or "fbclid" in p for p in paths)


def test_archive_holds_every_response_and_each_article_points_into_it(crawled):
    sites, data, _code = crawled
    responses = 0
    for path in (data / "warc").glob("*.warc.gz"):
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                responses += record.rec_type in ("response", "revisit")
    assert responses == len(sites.requests())  # every answer archived, robots.txt and errors included
    with Store.open(data) as store:
        for article in store.iter_articles():
            archived = read_record(data, article["archive"]["warc"], article["archive"]["offset"])
            assert archived.status == 200
            assert archived.url == article["url"] or article["url"] in archived.body.decode("utf-8", "replace")
    assert (data / "crawl.log").stat().st_size > 0


def test_incremental_recrawl_uses_conditional_gets(tmp_path):
    data = tmp_path / "data"
    options = CrawlOptions(delay=0.01, quiet=True, update_index=False)
    with SampleSites() as sites:
        assert crawl(sites.seeds, data, options) == 0
        first = len(sites.requests())
        with Store.open(data) as store:
            count = store.count_articles()
        assert crawl(sites.seeds, data, options) == 0
        second = sites.requests()[first:]
        article_paths = {u[len(sites.base_urls[s]):] for s in sites.base_urls for u in sites.articles
                         if u.startswith(sites.base_urls[s] + "/")}
        assert second, "a second run re-reads the hubs"
        assert not [e for e in second if e.status == 200 and e.path in article_paths]
        assert any(e.status == 304 for e in second)
        with Store.open(data) as store:
            assert store.count_articles() == count
        # a new article appears on the home page: the next run finds it and fetches only what changed
        home = sites.page("xa-wordpress", "/").decode("utf-8")
        source = [a["path"] for a in sites.expected if a["site"] == "xa-wordpress"][0]
        new_article = sites.page("xa-wordpress", source).decode("utf-8").replace(source, "/2026/11/bai-moi/")
        sites.put("xa-wordpress", "/2026/11/bai-moi/", new_article.replace("</h1>", " (mới)</h1>", 1))
        sites.put("xa-wordpress", "/", home.replace("</body>", '<a href="/2026/11/bai-moi/">Bài mới</a></body>'))
        third_start = len(sites.requests())
        assert crawl(sites.seeds, data, options) == 0
        third = sites.requests()[third_start:]
        assert [e.status for e in third if e.path == "/2026/11/bai-moi/"] == [200]
        with Store.open(data) as store:
            assert store.get_article_by_url(sites.base_urls["xa-wordpress"] + "/2026/11/bai-moi/") is not None
            count = store.count_articles()
    # reprocess works from the archive alone (the servers are gone): an article spoiled by an "old extractor"
    # comes back as the archive says, nothing is lost, nothing is added
    with Store.open(data) as store:
        victim = next(store.iter_articles())
        store.conn.execute("UPDATE articles SET title = 'cũ', fingerprint = 'old' WHERE id = ?", (victim["id"],))
    assert reprocess(data, quiet=True) == 0
    with Store.open(data) as store:
        assert store.get_article(victim["id"])["title"] == victim["title"]
        assert store.count_articles() == count


def test_crawl_delay_and_max_pages(tmp_path):
    data = tmp_path / "data"
    with SampleSites(robots_extra={"xa-wordpress": "Crawl-delay: 0.3"}) as sites:
        seed = sites.base_urls["xa-wordpress"] + "/"
        options = CrawlOptions(delay=0.01, max_pages=5, quiet=True, update_index=False)
        assert crawl([seed], data, options) == 0
        log = sorted(sites.requests("xa-wordpress"), key=lambda e: e.started)
    assert len(log) == 6  # robots.txt + --max-pages 5
    gaps = [b.started - a.finished for a, b in zip(log, log[1:])]
    assert min(gaps) >= 0.3 - OVERLAP_SLACK
    assert set(sites.requests()) == set(log)  # one seed: no other portal touched


def test_bad_seed_is_bad_input(tmp_path, capsys):
    import cli

    assert cli.main(["crawl", "ftp://example.gov.vn/", "--data", str(tmp_path / "d")]) == 2
    assert "not an http(s) URL" in capsys.readouterr().err
    assert cli.main(["reprocess", "--data", str(tmp_path / "nothing")]) == 2


def test_one_crawl_per_data_folder(tmp_path):
    import fcntl

    data = tmp_path / "data"
    data.mkdir()
    with open(data / ".crawl.lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(BadInput, match="already running"):
            crawl(["http://127.0.0.1:9/"], data, CrawlOptions(quiet=True))


def test_extraction_in_worker_processes(tmp_path):
    data = tmp_path / "data"
    with SampleSites() as sites:
        options = CrawlOptions(delay=0.01, quiet=True, update_index=False, extract_processes=2, pool_after=3)
        assert crawl(sites.seeds, data, options) == 0
        expected = set(sites.articles)
    assert "extracting in 2 worker processes" in (data / "crawl.log").read_text(encoding="utf-8")
    stored = [r[0] for r in db(data).execute("SELECT url FROM articles")]
    assert sorted(stored) == sorted(expected), (set(stored) ^ expected)
