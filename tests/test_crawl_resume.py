"""kill -9 in the middle of a crawl, then the same command: nothing lost, nothing fetched twice, no duplicates."""
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator

from base.warcread import iter_responses
from samples.server import SampleSites

ROOT = Path(__file__).resolve().parent.parent
DELAY = "0.15"


def crawl_command(seeds, data):
    return [sys.executable, "-c", "import sys, cli; sys.exit(cli.main(sys.argv[1:]))", "crawl", *seeds,
            "--data", str(data), "--delay", DELAY, "--quiet"]


def archived_ok(data: Path) -> set[str]:
    """URLs whose 200 answer is complete in the archive."""
    urls = set()
    for path in sorted((data / "warc").glob("*.warc.gz")):
        for _offset, _end, item in iter_responses(path):
            if item is not None and item.status == 200:
                urls.add(item.url)
    return urls


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def test_sigkill_then_resume(tmp_path):
    data = tmp_path / "data"
    with SampleSites() as sites:
        proc = subprocess.Popen(crawl_command(sites.seeds, data), cwd=ROOT)
        deadline = time.time() + 60
        while time.time() < deadline and proc.poll() is None:
            if len([e for e in sites.requests() if e.status == 200]) >= 15:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the crawl ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed_at = len(sites.requests())
        before = archived_ok(data)
        assert len(before) >= 10
        with sqlite3.connect(data / "records.sqlite") as conn:
            assert conn.execute("SELECT finished FROM crawl_runs").fetchall() == [(None,)]

        resumed = subprocess.run(crawl_command(sites.seeds, data), cwd=ROOT, capture_output=True, text=True,
                                 timeout=120)
        assert resumed.returncode == 0, resumed.stderr
        again = sites.requests()[killed_at:]
        refetched = {(e.site, e.path) for e in again} & {(sites.site_of(u), path_of(u)) for u in before}
        assert not refetched, f"fetched again after being archived: {sorted(refetched)}"
        assert again, "the resumed crawl continued"

        with sqlite3.connect(data / "records.sqlite") as conn:
            stored = [r[0] for r in conn.execute("SELECT url FROM articles")]
            assert conn.execute("SELECT COUNT(*) FROM crawl_urls WHERE status = 'queued'").fetchone()[0] == 0
            assert conn.execute("SELECT COUNT(*) FROM crawl_runs WHERE finished IS NULL").fetchone()[0] == 0
        assert len(stored) == len(set(stored))
        assert set(sites.articles) <= set(stored)
        assert before <= archived_ok(data)  # nothing archived before the kill was lost
        for path in (data / "warc").glob("*.warc.gz"):
            with open(path, "rb") as fh:
                assert sum(1 for _ in ArchiveIterator(fh)) > 0  # every file reads to its end (tails repaired)


def test_response_archived_but_not_recorded_is_replayed_not_refetched(tmp_path):
    """The window between 'written to the WARC' and 'committed to the state' (a kill there loses nothing)."""
    from base.datadir import warc_dir
    from crawler.fetch import fetch_once, make_session
    from crawler.pipeline import CrawlOptions, crawl
    from crawler.warc import WarcWriter

    data = tmp_path / "data"
    options = CrawlOptions(delay=0.01, quiet=True, update_index=False)
    with SampleSites() as sites:
        seed = sites.seeds[0]

        assert crawl([seed], data, CrawlOptions(delay=0.01, quiet=True, update_index=False, max_pages=3)) == 0
        with sqlite3.connect(data / "records.sqlite") as conn:
            queued = {r[0] for r in conn.execute("SELECT url FROM crawl_urls WHERE status = 'queued'")}
        target = next(u for u in sites.articles if u in queued)
        # the response reaches the archive, then the process dies: the state never hears of it
        writer = WarcWriter(warc_dir(data))
        writer.write_exchange(fetch_once(make_session(), target))
        name = writer.name
        writer.close()
        with open(warc_dir(data) / name, "ab") as fh:
            fh.write(b"\x1f\x8b\x08\x00half a record")  # and the next record was cut mid-write
        mark = len(sites.requests())
        assert crawl([seed], data, options) == 0
        assert path_of(target) not in [e.path for e in sites.requests()[mark:]]
        with sqlite3.connect(data / "records.sqlite") as conn:
            assert conn.execute("SELECT status FROM crawl_urls WHERE url = ?", (target,)).fetchone()[0] == "fetched"
            assert conn.execute("SELECT COUNT(*) FROM articles WHERE url = ?", (target,)).fetchone()[0] == 1
        assert "replayed from archive: " + target in (data / "crawl.log").read_text(encoding="utf-8")
        with open(warc_dir(data) / name, "rb") as fh:
            assert [r.rec_type for r in ArchiveIterator(fh)] == ["warcinfo", "response", "request"]

