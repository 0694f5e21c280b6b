"""Evaluating search queries with numpy, a whole posting list at a time.

whoosh scores a query by walking matchers posting by posting in Python: over a large archive a
common word means tens of thousands of steps per field, and facets, totals and the ranking all
need every match. Here the same queries are evaluated a whole posting list at a time with numpy:
a term's postings become (docnums, weights) arrays, a query node a (matches, scores) pair of
arrays over all documents. The scores are whoosh's own (BM25F per field, summed over the
matching clauses, times the query boosts; tests/test_search_engine.py compares them), times a
small factor for recent articles. index/whoosh_access.py reads the index's storage in bulk.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
from whoosh.query import And, AndMaybe, AndNot, NumericRange, Or, Phrase, Query, Term

from index import whoosh_access

RECENCY_WEIGHT = 0.1  # at most +10% for an article of today, halving every RECENCY_HALF_LIFE_DAYS
RECENCY_HALF_LIFE_DAYS = 365.0
POSTINGS_CACHE = 8_000_000  # postings kept between searches (about 25 bytes each with positions)
PHRASE_CACHE = 200  # phrases whose checked documents are remembered between searches


class IndexArrays:
    """Per-reader arrays read once: live documents, dates, recency factors, facet codes, field lengths."""

    def __init__(self, searcher):
        reader = searcher.reader()
        self.searcher, self.reader = searcher, reader
        self.size = reader.doc_count_all()
        self.leaves = list(reader.leaf_readers())
        self.live = np.ones(self.size, dtype=bool)
        for leaf, base in self.leaves:
            if leaf.has_deletions():
                self.live[[base + d for d in whoosh_access.deleted_docs(leaf)]] = False
        self.dates = self._numbers("date")
        self.recency = _recency_factors(self.dates)
        self.facets = {name: self._codes(name) for name in ("site", "year")}
        self.lengths: dict[str, np.ndarray] = {}
        weighting = searcher.weighting
        self.B, self.K1 = weighting.B, weighting.K1
        self.postings = PostingsCache(POSTINGS_CACHE)
        self.phrases: dict[tuple[str, tuple[str, ...]], tuple[np.ndarray, np.ndarray]] = {}

    def clear_caches(self) -> None:
        """Forget the postings and phrase checks kept between searches (for cold-search benchmarks)."""
        self.postings = PostingsCache(POSTINGS_CACHE)
        self.phrases.clear()

    def _numbers(self, name: str) -> np.ndarray:
        out = np.zeros(self.size, dtype=np.int64)
        for leaf, base in self.leaves:
            if leaf.has_column(name):
                n = leaf.doc_count_all()
                out[base:base + n] = whoosh_access.numbers(leaf, name, n)
        return out

    def _codes(self, name: str) -> tuple[np.ndarray, list[str]]:
        """docnum -> code, and code -> value ("" = none), from the field's sortable column."""
        codes: dict[str, int] = {"": 0}
        out = np.zeros(self.size, dtype=np.int32)
        for leaf, base in self.leaves:
            if leaf.has_column(name):
                n = leaf.doc_count_all()
                out[base:base + n] = [codes.setdefault(v, len(codes)) for v in whoosh_access.strings(leaf, name, n)]
        return out, list(codes)

    def field_lengths(self, name: str) -> np.ndarray:
        if name not in self.lengths:
            self.lengths[name] = self._field_lengths(name)
        return self.lengths[name]

    def _field_lengths(self, name: str) -> np.ndarray:
        out = np.ones(self.size, dtype=np.float64)
        for leaf, base in self.leaves:
            n = leaf.doc_count_all()
            out[base:base + n] = whoosh_access.field_lengths(leaf, name, n)
        return out


def _recency_factors(dates: np.ndarray) -> np.ndarray:
    """Each document's recency factor: up to 1 + RECENCY_WEIGHT for today, 1.0 without a usable date."""
    today = date.today().toordinal()
    numbers, where = np.unique(dates, return_inverse=True)
    factors = np.ones(len(numbers))
    for i, number in enumerate(numbers.tolist()):
        if number:
            try:
                age = today - date(number // 10000, number // 100 % 100, number % 100).toordinal()
            except ValueError:
                continue
            factors[i] = 1.0 + RECENCY_WEIGHT * 0.5 ** (max(age, 0) / RECENCY_HALF_LIFE_DAYS)
    return factors[where]


@dataclass
class Postings:
    """One term's postings over the whole index: docnums (ascending), weights, and the raw
    position values (decoded only for the documents a phrase or the side-by-side bonus looks at),
    packed into one bytes object with offsets (a bytes object per posting would take 3 times more)."""

    ids: np.ndarray
    weights: np.ndarray
    blob: bytes = b""
    offsets: np.ndarray | None = None  # value i is blob[offsets[i]:offsets[i + 1]]
    decode: object = None

    @classmethod
    def pack(cls, ids: np.ndarray, weights: np.ndarray, values: list, decode) -> Postings:
        if not values or values[0] is None:
            return cls(ids, weights, decode=decode)
        offsets = np.zeros(len(values) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, values), dtype=np.int64, count=len(values)), out=offsets[1:])
        return cls(ids.astype(np.int32), weights.astype(np.float32), b"".join(values), offsets, decode)

    def positions(self, docnums: np.ndarray) -> dict[int, list[int]]:
        """docnum -> word positions, for the given (ascending) docnums that have the term."""
        if not len(self.ids) or not len(docnums):
            return {}
        at = np.minimum(np.searchsorted(self.ids, docnums), len(self.ids) - 1)
        found = self.ids[at] == docnums
        if self.offsets is None:
            return {d: [] for d in docnums[found].tolist()}
        blob, offsets, decode = self.blob, self.offsets, self.decode
        starts, ends = offsets[at[found]].tolist(), offsets[at[found] + 1].tolist()
        return {d: decode(blob[a:b]) for d, a, b in zip(docnums[found].tolist(), starts, ends)}


_NO_POSTINGS = Postings(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))


class PostingsCache:
    """Postings of recently searched terms, kept with a searcher (bounded by the number of postings)."""

    def __init__(self, limit: int):
        self.limit = limit
        self.size = 0
        self.entries: dict[tuple[str, str], Postings] = {}

    def get(self, key):
        found = self.entries.pop(key, None)
        if found is not None:
            self.entries[key] = found  # most recent last
        return found

    def put(self, key, postings: Postings) -> None:
        if len(postings.ids) > self.limit:
            return
        self.entries[key] = postings
        self.size += len(postings.ids)
        while self.size > self.limit:
            oldest = next(iter(self.entries))
            self.size -= len(self.entries.pop(oldest).ids)


class Evaluation:
    """Evaluates one search's whoosh queries over IndexArrays (see the section comment)."""

    def __init__(self, arrays: IndexArrays):
        self.arrays = arrays
        self.size = arrays.size

    def postings(self, fieldname: str, text: str) -> Postings:
        key = (fieldname, text)
        cache = self.arrays.postings
        found = cache.get(key)
        if found is None:
            ids, weights, values, decode = [], [], [], None
            for leaf, base in self.arrays.leaves:
                if key not in leaf:
                    continue
                matcher = leaf.postings(fieldname, text)
                matcher = getattr(matcher, "child", matcher)  # deletions are the live mask's job
                if decode is None:
                    decode = whoosh_access.positions_decoder(matcher)
                i, w, v = whoosh_access.read_postings(matcher)
                ids.append(i + base)
                weights.append(w)
                values.extend(v)
            found = (Postings.pack(np.concatenate(ids), np.concatenate(weights), values, decode) if ids
                     else _NO_POSTINGS)
            cache.put(key, found)
        return found

    def term(self, q: Term) -> tuple[np.ndarray, np.ndarray]:
        p = self.postings(q.fieldname, q.text)
        ids, weights = p.ids, p.weights.astype(np.float64)
        mask = np.zeros(self.size, dtype=bool)
        scores = np.zeros(self.size, dtype=np.float64)
        if not len(ids):
            return mask, scores
        mask[ids] = True
        searcher, a = self.arrays.searcher, self.arrays
        if searcher.schema[q.fieldname].scorable:
            idf = searcher.idf(q.fieldname, q.text)
            avgfl = searcher.avg_field_length(q.fieldname) or 1
            fl = a.field_lengths(q.fieldname)[ids]
            scores[ids] = q.boost * idf * (weights * (a.K1 + 1)) / (weights + a.K1 * ((1 - a.B) + a.B * fl / avgfl))
        else:  # a field without lengths (site, year): whoosh scores the posting weight (1.0)
            scores[ids] = q.boost * weights
        return mask, scores

    def phrase(self, q: Phrase, within: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """Documents with the words side by side, scored as whoosh does: the words' scores summed."""
        parts = [self.term(Term(q.fieldname, w)) for w in q.words]
        mask = np.logical_and.reduce([m for m, _ in parts])
        if within is not None:
            mask &= within
        candidates = np.flatnonzero(mask)
        if len(candidates):
            # documents checked before (this search or an earlier one) are not checked again
            key = (q.fieldname, tuple(q.words))
            checked, found = self.arrays.phrases.pop(key, None) or (np.zeros(self.size, dtype=bool),
                                                                     np.zeros(self.size, dtype=bool))
            todo = candidates[~checked[candidates]]
            if len(todo):
                found[self._phrase_docs(q.fieldname, list(q.words), todo)] = True
                checked[todo] = True
            self.arrays.phrases[key] = (checked, found)
            while len(self.arrays.phrases) > PHRASE_CACHE:
                del self.arrays.phrases[next(iter(self.arrays.phrases))]
            mask = np.zeros(self.size, dtype=bool)
            mask[candidates] = found[candidates]
        scores = np.where(mask, np.add.reduce([s for _, s in parts]) * q.boost, 0.0)
        return mask, scores

    def _phrase_docs(self, fieldname: str, words: list[str], candidates: np.ndarray) -> list[int]:
        starts: dict[int, set[int]] | None = None
        for offset, word in enumerate(words):
            positions = self.postings(fieldname, word).positions(candidates)
            if starts is None:
                starts = {d: {p - offset for p in ps} for d, ps in positions.items()}
            else:
                starts = {d: ss & {p - offset for p in positions.get(d, ())} for d, ss in starts.items()}
                starts = {d: ss for d, ss in starts.items() if ss}
            candidates = np.array(sorted(starts), dtype=np.int64)
            if not len(candidates):
                return []
        return sorted(starts or {})

    def evaluate(self, q: Query, within: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(matches, scores) of a query; ``within``: only these documents matter (a cheaper phrase check)."""
        if isinstance(q, Term):
            mask, scores = self.term(q)
        elif isinstance(q, Phrase):
            mask, scores = self.phrase(q, within)
        elif isinstance(q, AndNot):
            mask, scores = self.evaluate(q.a, within)
            if mask.any():
                mask = mask & ~self.evaluate(q.b, mask)[0]
        elif isinstance(q, AndMaybe):
            mask, scores = self.evaluate(q.a, within)
            if mask.any():
                other, more = self.evaluate(q.b, mask)
                scores = scores + np.where(other & mask, more, 0.0)
        elif isinstance(q, And):
            mask, scores = None, np.zeros(self.size)
            for sub in q.subqueries:
                m, s = self.evaluate(sub, within if mask is None else mask)
                mask = m if mask is None else mask & m
                scores += s
        elif isinstance(q, Or):
            mask, scores = np.zeros(self.size, dtype=bool), np.zeros(self.size)
            for sub in q.subqueries:
                m, s = self.evaluate(sub, within)
                mask |= m
                scores += s
        elif isinstance(q, NumericRange):
            dates = self.arrays.dates
            mask = np.ones(self.size, dtype=bool)
            if q.start is not None:
                mask &= dates >= q.start
            if q.end is not None:
                mask &= dates <= q.end
            scores = np.zeros(self.size)
        else:
            raise TypeError(f"cannot evaluate {type(q).__name__}")
        if q.boost != 1.0 and not isinstance(q, (Term, Phrase)):
            scores = scores * q.boost
        return mask, scores


