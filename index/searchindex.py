"""The whoosh search index: derived from the records store, rebuildable at any time.

Incremental by default: the index remembers the store's last ``change_seq`` it
has taken in (``DATA/index/govnews-index.json``) and only reads articles added
or changed since. Work is committed every ``COMMIT_EVERY`` articles and the
remembered value moves only after a commit, so a crash leaves a searchable index
and the next run carries on. ``rebuild`` builds a fresh index beside the old one
and swaps it in at the end: searches keep working meanwhile, and the result is
the same as indexing everything once.
"""
from __future__ import annotations

import itertools
import json
import os
import shutil
import sys
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.fields import ID, NUMERIC, TEXT, Schema
from whoosh.index import LockError

from base.datadir import index_dir
from base.errors import BadInput
from index.analyzer import fold, vietnamese_analyzer, word_analyzer
from index.store import Store

# Bump when the schema or the analyzer changes: an index of another format is rebuilt.
INDEX_FORMAT = 2  # 2: words of several syllables indexed too (index/analyzer.py)
STATE_FILE = "govnews-index.json"
TITLE_BOOST = 3.0
COMMIT_EVERY = 25_000  # articles per commit: bounds the work a crash can lose (and the segments made)
LOCK_WAIT_S = 60.0  # how long to wait for another writer (a crawl indexing) before giving up
# A fresh index of many articles is written by several processes (whoosh's MpWriter). limitmb per
# worker, measured on 50,000 articles (bench/bench_index.py): 64 -> 170 docs/s, 133 MB a worker;
# 128 -> 201 docs/s, 217 MB; 256 -> 226 docs/s, 377 MB (two workers then pass 500 MB together).
BULK_MIN_DOCS = 5_000
# compound=False: whoosh-reloaded copies a compound segment's postings into memory when it opens
# it (over 500 MB for 50,000 articles); plain segment files are read from disk as needed.
BULK_WRITER = {"procs": min(2, os.cpu_count() or 1), "limitmb": 128, "multisegment": True, "compound": False}
WRITER = {"limitmb": 128, "compound": False}


def make_schema() -> Schema:
    analyzer = vietnamese_analyzer()
    return Schema(
        key=ID(stored=True, unique=True),  # the article id in the store
        title=TEXT(analyzer=analyzer, phrase=True, field_boost=TITLE_BOOST),
        body=TEXT(analyzer=analyzer, phrase=True),  # summary + body
        meta=TEXT(analyzer=analyzer, phrase=True),  # portal name, category: "Ba Tơ" finds the Ba Tơ portal
        # title + body as words of several syllables ("an_toan"): scored as terms, so no positions
        words=TEXT(analyzer=word_analyzer(), phrase=False),
        site=ID(sortable=True),
        year=ID(sortable=True),
        category=ID,  # folded, lower case
        date=NUMERIC(int, sortable=True, signed=False),  # yyyymmdd; 0 = no date
    )


def date_number(published: str | None) -> int:
    """ "2023-08-18T16:01:00+07:00" -> 20230818; 0 when there is no usable date."""
    if not published or len(published) < 10:
        return 0
    digits = published[:4] + published[5:7] + published[8:10]
    return int(digits) if digits.isdigit() else 0


def category_key(category: str) -> str:
    return fold(" ".join(category.lower().split()))


def document(article: dict) -> dict:
    """The whoosh fields of one store article dict."""
    doc = {
        "key": str(article["id"]),
        "title": article.get("title") or "",
        "body": "\n\n".join(p for p in (article.get("summary"), article.get("body")) if p),
        "meta": "\n".join(p for p in (article.get("site_name"), article.get("category")) if p),
        "date": date_number(article.get("published")),
    }
    doc["words"] = doc["title"] + "\n" + doc["body"]
    if article.get("site"):
        doc["site"] = article["site"].lower()
    if doc["date"]:
        doc["year"] = str(doc["date"] // 10000)
    if article.get("category"):
        doc["category"] = category_key(article["category"])
    return doc


def _read_state(path: Path) -> dict | None:
    try:
        state = json.loads((path / STATE_FILE).read_text())
    except (OSError, ValueError):
        return None
    return state if state.get("format") == INDEX_FORMAT and whoosh_index.exists_in(str(path)) else None


def _write_state(path: Path, change_seq: int) -> None:
    tmp = path / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps({"format": INDEX_FORMAT, "change_seq": change_seq}))
    os.replace(tmp, path / STATE_FILE)


def _writer(ix, path: Path, bulk: bool):
    try:
        return ix.writer(timeout=LOCK_WAIT_S, delay=0.25, **(BULK_WRITER if bulk else WRITER))
    except LockError:
        raise BadInput(f"the search index {path} is locked by another govnews process "
                       f"(a crawl or index still running); try again when it has finished") from None


def _progress(total: int, enabled: bool):
    if not (enabled and sys.stderr.isatty()):
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="indexing", file=sys.stderr)


def update_index(data_dir: Path, rebuild: bool = False, progress: bool = False) -> int:
    """Bring ``DATA/index`` up to date with the records; returns the number of articles (re)indexed."""
    data_dir = Path(data_dir)
    with Store.open(data_dir, create=False) as store:
        final = index_dir(data_dir)
        state = None if rebuild else _read_state(final)
        if state is not None:
            return _index_changes(store, final, state["change_seq"], fresh=False, progress=progress)
        if rebuild or final.exists():
            # a fresh index beside the current one, swapped in when complete
            building = final.with_name(final.name + ".new")
            shutil.rmtree(building, ignore_errors=True)
            done = _index_changes(store, building, 0, fresh=True, progress=progress)
            _swap(building, final)
            return done
        return _index_changes(store, final, 0, fresh=True, progress=progress)


def _swap(building: Path, final: Path) -> None:
    old = final.with_name(final.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.replace(final, old)
    os.replace(building, final)
    shutil.rmtree(old, ignore_errors=True)


def _index_changes(store: Store, path: Path, after_seq: int, *, fresh: bool, progress: bool) -> int:
    """Stream the articles changed after ``after_seq`` into the index, committing every COMMIT_EVERY."""
    if fresh:
        path.mkdir(parents=True, exist_ok=True)
        ix = whoosh_index.create_in(str(path), make_schema())
        _write_state(path, 0)
    else:
        ix = whoosh_index.open_dir(str(path))
    pending = store.conn.execute("SELECT COUNT(*) FROM articles WHERE change_seq > ?", (after_seq,)).fetchone()[0]
    bar = _progress(pending, progress) if pending else None
    changes = store.iter_changed(after_seq)
    added: set[int] = set()  # ids added to a fresh index: one seen again changed during the build
    carry: tuple[int, dict] | None = None
    done = 0
    try:
        while True:
            batch = itertools.chain([carry] if carry else [], itertools.islice(changes, COMMIT_EVERY))
            carry = None
            writer = _writer(ix, path, bulk=fresh and pending - done >= BULK_MIN_DOCS)
            count, last_seq = 0, None
            try:
                for seq, article in batch:
                    if fresh and article["id"] in added:
                        # from here on an id may repeat: commit what we have, then update, not add
                        carry, fresh = (seq, article), False
                        break
                    if fresh:
                        writer.add_document(**document(article))
                        added.add(article["id"])
                    else:
                        writer.update_document(**document(article))
                    count, last_seq = count + 1, seq
                    if bar is not None:
                        bar.update(1)
            except BaseException:
                writer.cancel()
                raise
            if not count:
                writer.cancel()
                if carry:
                    continue
                break
            writer.commit()
            _write_state(path, last_seq)
            done += count
    finally:
        if bar is not None:
            bar.close()
        ix.close()
    return done
