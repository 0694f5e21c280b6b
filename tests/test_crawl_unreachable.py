"""A seed whose host cannot be reached: one line naming it, exit status 2, nothing else lost."""
from __future__ import annotations

import socket

from crawler.pipeline import CrawlOptions, crawl


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: connections are refused


def test_unreachable_seed_is_reported_in_one_line(tmp_path, capsys):
    url = f"http://127.0.0.1:{_closed_port()}/"
    options = CrawlOptions(delay=0.01, quiet=True, retry_base=0.01, update_index=False)
    assert crawl([url], tmp_path / "data", options) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "could not reach 127.0.0.1:" in err[0] and "Connection refused" in err[0]
