"""Reading a whoosh index in bulk: the one module that knows whoosh-reloaded's storage internals.

Search evaluates whole posting lists and columns with numpy (index/evaluation.py). Read through
whoosh's public API, value by value, that costs seconds on a large index; read through the
codec's own structures (whoosh 3 posting blocks, numeric and VarBytes columns, the per-document
length column), a list or a column is one read. Those structures are private and may change:
``FAST`` is on only for the whoosh-reloaded versions the fast path was written and tested
against (``TESTED_VERSIONS``), and each reader falls back to the public API when it is off or a
structure is not what it expects. tests/test_search_engine.py runs both paths and compares them.
"""
from __future__ import annotations

import pickle
from importlib import metadata
from itertools import accumulate

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.formats import Positions
from whoosh.util.numeric import byte_to_length

TESTED_VERSIONS = ("2.7.",)  # whoosh-reloaded release lines whose storage the fast path reads


def _supported() -> bool:
    try:
        version = metadata.version("whoosh-reloaded")
    except metadata.PackageNotFoundError:
        return False
    return version.startswith(TESTED_VERSIONS)


FAST = _supported()

# byte -> field length, as whoosh stores document lengths (one byte, logarithmic)
_LENGTHS = np.array([byte_to_length(b) or 0 for b in range(256)], dtype=np.float64)


def deleted_docs(leaf) -> list[int]:
    """The deleted document numbers of one segment reader."""
    deleted = getattr(leaf, "deleted_docs_set", None) if FAST else None
    if deleted is None:
        deleted = [d for d in range(leaf.doc_count_all()) if leaf.is_deleted(d)]
    return list(deleted)


def numbers(leaf, name: str, size: int) -> np.ndarray:
    """A segment's numeric column (e.g. the yyyymmdd date) as int64 numbers."""
    raw = _bulk_column(leaf.column_reader(name, translate=False), size)
    column = leaf.column_reader(name)
    if raw is None:
        return np.fromiter(column, dtype=np.int64, count=size)
    # stored values -> numbers: one translation per distinct value
    stored, where = np.unique(raw, return_inverse=True)
    translate = getattr(column, "_translate", None) or (lambda v: v)
    return np.array([translate(int(v)) for v in stored], dtype=np.int64)[where]


def strings(leaf, name: str, size: int) -> list[str]:
    """A segment's text column as strings, read in one piece when it is a whoosh VarBytes column."""
    column = leaf.column_reader(name, translate=False)
    try:
        if not FAST:
            raise AttributeError
        offsets, lengths = column._offsets, column._lengths
        data = column._dbfile.get(column._basepos, column._length)
    except AttributeError:
        return [v or "" for v in leaf.column_reader(name)]
    return [data[o:o + n].decode("utf-8") for o, n in zip(offsets[:size], lengths[:size])]


def field_lengths(leaf, name: str, size: int) -> np.ndarray:
    """Each document's length in one field of a segment (as whoosh scores it: one byte, logarithmic)."""
    perdoc = getattr(leaf, "_perdoc", None) if FAST else None
    column = perdoc._cached_reader(_lenfield(name), LENGTHS_COLUMN) if perdoc is not None else None
    raw = _bulk_column(column, size) if column is not None else None
    if raw is not None:
        return _LENGTHS[raw]
    if column is not None:
        return _LENGTHS[np.fromiter(column, dtype=np.uint8, count=size)]
    return np.array([leaf.doc_field_length(d, name, 1) or 1 for d in range(size)], dtype=np.float64)


def _bulk_column(column, size: int) -> np.ndarray | None:
    """A whoosh numeric column read in one piece (None when it is not one)."""
    try:
        if not FAST:
            raise AttributeError
        typecode, fixedlen, count = column._typecode, column._fixedlen, column._count
        data = column._dbfile.get(column._basepos, count * fixedlen)
        default = column._default
    except AttributeError:
        return None
    values = np.frombuffer(data, dtype=np.dtype(typecode).newbyteorder(">"), count=count).astype(np.int64)
    if count < size:
        values = np.concatenate([values, np.full(size - count, default, dtype=np.int64)])
    return values[:size]


def _decode_positions(value: bytes) -> list[int]:
    """whoosh's Positions value (a count, then pickled gaps, the final "." stripped) -> positions."""
    return list(accumulate(pickle.loads(value[4:] if value.endswith(b".") else value[4:] + b".")))


def positions_decoder(matcher):
    """The function turning one posting's raw value into its word positions (None: no positions)."""
    if not matcher.supports("positions"):
        return None
    if FAST and type(matcher.format) is Positions:
        return _decode_positions
    return matcher.format.decoder("positions")


def read_postings(matcher) -> tuple[np.ndarray, np.ndarray, list]:
    """All (docnums, weights, raw values) of a segment's posting list, a block at a time when the
    codec allows (whoosh 3: a pickled (ids, weights, values) tuple per block)."""
    if FAST and all(hasattr(matcher, a) for a in ("_read_data", "_next_block", "_byteids", "_blocklength")):
        return _read_blocks(matcher)
    ids, weights, values = [], [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        values.append(matcher.value())
        matcher.next()
    return np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float64), values


def _read_blocks(matcher) -> tuple[np.ndarray, np.ndarray, list]:
    ids, weights, values = [], [], []
    while matcher.is_active():
        matcher._read_data()
        raw_ids, raw_weights, raw_values = matcher._data[:3]
        n = matcher._blocklength
        block = np.asarray(raw_ids, dtype=np.int64)
        ids.append(block if matcher._byteids else np.cumsum(block))  # ids are stored as gaps
        if raw_weights is None or isinstance(raw_weights, float):
            weights.append(np.full(n, 1.0 if raw_weights is None else raw_weights))
        else:
            weights.append(np.asarray(raw_weights, dtype=np.float64))
        if isinstance(raw_values, (tuple, list)) and len(raw_values) == n:
            values.extend(raw_values)
        else:  # values of a fixed size, or none: through the codec
            matcher._read_values()
            values.extend(matcher._values)
        matcher._next_block()
    if not ids:
        return np.zeros(0, dtype=np.int64), np.zeros(0), []
    return np.concatenate(ids), np.concatenate(weights), values
