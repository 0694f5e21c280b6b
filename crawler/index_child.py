"""``python -m crawler.index_child DATA``: bring DATA's search index up to date, in a process beside the crawl."""
from __future__ import annotations

import sys
from pathlib import Path

from index.searchindex import update_index


def main(argv: list[str]) -> int:
    update_index(Path(argv[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
