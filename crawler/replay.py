"""Recovery after a kill: responses that reached the archive but not the state are replayed, not fetched again."""
from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from base.datadir import warc_dir
from base.warcread import iter_responses
from crawler.analyze import analyze
from crawler.robots import Robots
from crawler.urls import host_key
from crawler.writer import Writer

log = logging.getLogger("govnews.crawl")


def replay_archive(data_dir: Path, writer: Writer) -> None:
    """Process the records past each archive file's processed offset; truncate a record cut off mid-write."""
    state = writer.state
    done = state.warc_progress()
    for path in sorted(warc_dir(data_dir).glob("*.warc.gz")):
        if path.name == writer.warc.name:
            continue
        start = done.get(path.name, 0)
        size = path.stat().st_size
        if start >= size:
            continue
        end = start
        for offset, record_end, item in iter_responses(path, start):
            end = record_end
            if item is not None:
                _replay_one(writer, path.name, offset, record_end, item)
            state.warc_done(path.name, record_end)
            state.commit()
        if end < size:
            log.warning("%s: cut-off record at %d (crawl was killed mid-write); truncated", path.name, end)
            if end == 0:  # killed while starting the file: nothing in it
                path.unlink()
                continue
            with open(path, "r+b") as fh:
                fh.truncate(end)
        state.warc_done(path.name, end)
        state.commit()


def _replay_one(writer: Writer, name: str, offset: int, end: int, item) -> None:
    hosts = writer.scheduler.hosts
    host = host_key(item.url)
    if item.url.endswith("/robots.txt") and urlsplit(item.url).path == "/robots.txt":
        if host in hosts and 200 <= item.status < 500:
            writer.state.set_robots(host, item.status, item.body if item.status < 300 else None, 0)
            writer.scheduler.set_robots(hosts[host], Robots.from_response(item.status, item.body))
        return
    row = writer.state.get(item.url)
    if row is None or row["status"] != "queued" or host not in hosts:
        return
    row = dict(row)
    analysis = None
    if 200 <= item.status < 300:
        content_type = item.headers.get("content-type", "").split(";")[0].strip().lower()
        analysis = analyze(item.url, item.status, content_type, item.body, item.charset, item.truncated)
    status = 304 if item.record_type == "revisit" else item.status
    writer.stats.replayed += 1
    log.info("replayed from archive: %s", item.url)
    writer.response(hosts[host], row, status, item.headers, analysis, name, offset, end, item.date)
