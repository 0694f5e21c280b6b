"""Full-text search over the whoosh index: query language, ranking, filters, facets, snippets.

Query language: words, ``"quoted phrases"``, ``a OR b`` (either will do),
``AND`` (explicit; words are all wanted anyway), ``NOT word`` or ``-word`` (must
not match). Everything is matched without regard to diacritics; words typed with
diacritics score exact spellings higher.

Matching: articles with every query word (a year excepted: "ngân sách 2022" also
means "published in 2022") come first; when fewer than a page of them exist,
articles with some of the words follow, ranked by how well they match.

Ranking: BM25F over title (boosted), body and portal metadata (portal name,
category); each word scores its exact form and its folded form, so an exact
spelling earns both; adjacent query words also score as a phrase (Vietnamese
words are several syllables: "hành chính"); recent articles get a small boost.
Known abbreviations match their expansions and back ("BHYT" / "bảo hiểm y tế").

Speed: whoosh only stores the index here. Queries are evaluated with numpy a whole
posting list at a time (see "evaluation" below; the scores are whoosh's BM25F), the
total and the facets come from per-reader arrays, word positions are decoded only for
the documents a phrase or the side-by-side bonus needs, and the open index, its arrays
and recently read postings stay in memory between searches (one index per process,
shared by threads). bench/bench_index.py measures it.
"""
from __future__ import annotations

import html
import math
import pickle
import re
import threading
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate
from pathlib import Path

import numpy as np
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.formats import Positions
from whoosh.query import And, AndMaybe, AndNot, NumericRange, Or, Phrase, Query, Term
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from base.datadir import index_dir
from base.errors import BadInput
from index.analyzer import (
    ABBREVIATION_EXPANSIONS,
    EXPANSION_ABBREVIATIONS,
    TOKEN_RE,
    TermForms,
    normalize_text,
    query_terms,
    token_forms,
)
from index.searchindex import category_key
from index.store import Store, open_records

MAX_QUERY_CHARS = 500
MAX_LIMIT = 1000
OPERATORS = ("AND", "OR", "NOT")
QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
SEARCH_FIELDS = ("title", "body", "meta")
BONUS_FIELDS = ("title", "body")
# Ranking weights (bench/bench_ranking.py measures them on a judged query set).
FOLDED_WEIGHT = 0.5  # the folded form of a word typed with diacritics: exact spellings score 1 + 0.5
ABBREVIATION_WEIGHT = 0.8  # "BHYT" matching "bảo hiểm y tế" (and back)
ADJACENT_POINTS = 8.0  # two query words found side by side (times the field boost, saturating)
YEAR_WEIGHT = 5.0  # a year in the query matching the article's publication year
MATCH_ALL_FIRST = True  # articles with every query word first (see search())
RECENCY_WEIGHT = 0.1  # at most +10% for an article of today, halving every RECENCY_HALF_LIFE_DAYS
RECENCY_HALF_LIFE_DAYS = 365.0
BM25_PARAMS = {"B": 0.75, "K1": 1.2}
POSTINGS_CACHE = 8_000_000  # postings kept between searches (about 25 bytes each with positions)
OPEN_INDEXES = 4  # indexes (data folders) kept open by one process
PHRASE_CACHE = 200  # phrases whose checked documents are remembered between searches
ADJACENCY_CHUNK = 100  # matches whose side-by-side bonus is computed at a time (see _run)
SNIPPET_TOKENS = 30
YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class QueryError(BadInput):
    """A query (or search option) that cannot be searched; the message is one line."""


@dataclass
class SearchHit:
    id: int
    url: str
    title: str | None
    site: str | None
    published: str | None
    score: float
    snippet: str
    snippet_html: str
    site_name: str | None = None  # the portal's own name, for people; ``site`` is the host


@dataclass
class SearchResult:
    total: int
    hits: list[SearchHit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    page: int = 1
    pages: int = 0


# -- query language ------------------------------------------------------------------------

@dataclass
class Clause:
    terms: list[TermForms]
    phrase: bool = False  # quoted, or one written token giving several terms ("covid-19")
    required: bool = False
    excluded: bool = False
    joined_to_next: bool = False  # written right before the next clause, with no operator between
    group: int = 0  # clauses joined by OR share a group; with every word required, one of a group will do


@dataclass
class ParsedQuery:
    clauses: list[Clause]

    @property
    def positive(self) -> list[Clause]:
        return [c for c in self.clauses if not c.excluded]


def parse_query(text: str) -> ParsedQuery:
    """Split a query into clauses; raise QueryError with a one-line reason when it cannot be searched."""
    if text is None or not text.strip():
        raise QueryError("empty query: give one or more words to search for")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long ({len(text)} characters; at most {MAX_QUERY_CHARS})")
    text = normalize_text(text).translate(QUOTES)
    if text.count('"') % 2:
        raise QueryError('unbalanced quotes in query: close the phrase with "')
    chunks = re.findall(r'-?"[^"]*"|\S+', text)
    clauses: list[Clause] = []
    pending_op: str | None = None
    negate_next = False
    for chunk in chunks:
        if chunk in OPERATORS:
            if chunk == "NOT":
                if negate_next:
                    raise QueryError("NOT needs a word after it")
                negate_next = True
                continue
            if pending_op or negate_next or not clauses:
                raise QueryError(f"{chunk} needs a word on each side")
            pending_op = chunk
            continue
        excluded = negate_next
        if chunk.startswith("-") and len(chunk) > 1:
            excluded, chunk = True, chunk[1:]
        quoted = chunk.startswith('"')
        found = query_terms(chunk.strip('"'))
        if not found:
            if quoted:
                raise QueryError("empty phrase in query: put words between the quotes")
            if pending_op or negate_next:
                raise QueryError(f"{pending_op or 'NOT'} needs a word on each side")
            continue  # punctuation between words
        clause = Clause(found, phrase=quoted or len(found) > 1, required=quoted, excluded=excluded)
        if pending_op == "AND":
            clauses[-1].required = clause.required = True
        clause.group = clauses[-1].group if pending_op == "OR" and not clauses[-1].excluded else len(clauses)
        if clauses and pending_op is None and not excluded and not clauses[-1].excluded:
            clauses[-1].joined_to_next = True
        clauses.append(clause)
        pending_op, negate_next = None, False
    if pending_op or negate_next:
        raise QueryError(f"{pending_op or 'NOT'} needs a word on each side")
    if not clauses:
        raise QueryError("the query has no words to search for (only punctuation)")
    if all(c.excluded for c in clauses):
        raise QueryError("the query only excludes words: give at least one word to search for")
    return ParsedQuery(clauses)


def _word_query(term: TermForms) -> Query:
    alternatives: list[Query] = []
    for f in SEARCH_FIELDS:
        alternatives.append(Term(f, term.folded, boost=FOLDED_WEIGHT if term.exact != term.folded else 1.0))
        if term.exact != term.folded:
            alternatives.append(Term(f, term.exact))
        expansion = ABBREVIATION_EXPANSIONS.get(term.folded)
        if expansion:
            alternatives.append(_phrase(f, list(expansion), ABBREVIATION_WEIGHT))
    return Or(alternatives)


def _phrase(fieldname: str, words: list[str], boost: float = 1.0) -> Query:
    return Phrase(fieldname, words, boost=boost) if len(words) > 1 else Term(fieldname, words[0], boost=boost)


def _phrase_query(words: list[TermForms], boost: float = 1.0, fields: tuple[str, ...] = SEARCH_FIELDS,
                  exact_too: bool = True) -> Query:
    alternatives: list[Query] = []
    exact = [t.exact for t in words]
    folded = [t.folded for t in words]
    for f in fields:
        alternatives.append(_phrase(f, folded, boost * (FOLDED_WEIGHT if exact != folded and exact_too else 1.0)))
        if exact != folded and exact_too:
            alternatives.append(_phrase(f, exact, boost))
    return Or(alternatives)


def _is_year(clause: Clause) -> bool:
    return not clause.phrase and not clause.required and bool(YEAR_RE.match(clause.terms[0].exact))


def _clause_query(clause: Clause) -> Query:
    if clause.phrase:
        return _phrase_query(clause.terms)
    if _is_year(clause):
        # "ngân sách Ba Tơ 2022": the year is the article's date as much as a word of its text
        return Or([_word_query(clause.terms[0]), Term("year", clause.terms[0].exact, boost=YEAR_WEIGHT)])
    return _word_query(clause.terms[0])


def _runs(clauses: list[Clause]) -> list[list[TermForms]]:
    """The query's words as written side by side (an operator or an excluded word breaks a run)."""
    runs: list[list[TermForms]] = [[]]
    for clause in clauses:
        if clause.excluded:
            continue
        runs[-1].extend(clause.terms)
        if not clause.joined_to_next:
            runs.append([])
    return [run for run in runs if run]


def _bonus_queries(clauses: list[Clause]) -> list[Query]:
    """Abbreviations of names written out in the query ("bảo hiểm y tế" also scores "BHYT")."""
    bonus: list[Query] = []
    for run in _runs(clauses):
        folded = [t.folded for t in run]
        for seq, abbreviations in EXPANSION_ABBREVIATIONS.items():
            n = len(seq)
            if any(tuple(folded[i:i + n]) == seq for i in range(len(folded) - n + 1)):
                bonus.extend(Term(f, a, boost=ABBREVIATION_WEIGHT * n) for f in SEARCH_FIELDS for a in abbreviations)
    return bonus


def _adjacent_pairs(clauses: list[Clause]) -> list[tuple[str, str]]:
    return list(dict.fromkeys((a.folded, b.folded) for run in _runs(clauses) for a, b in zip(run, run[1:])))


def build_query(parsed: ParsedQuery, match_all: bool = True) -> Query:
    """The whoosh query: every clause required (``match_all``), or any word with the bonuses ranking."""
    positive = parsed.positive
    excluded = [_clause_query(c) for c in parsed.clauses if c.excluded]
    if match_all:
        # every word required, except a year (an article of that year need not print it) unless alone
        years = [c for c in positive if _is_year(c)]
        if len(years) == len(positive):
            years = []
        groups: dict[int, list[Query]] = {}
        for clause in positive:
            if not any(clause is y for y in years):
                groups.setdefault(clause.group, []).append(_clause_query(clause))
        required = [qs[0] if len(qs) == 1 else Or(qs) for qs in groups.values()]
        optional = [_clause_query(c) for c in years]
    else:
        required = [_clause_query(c) for c in positive if c.required]
        optional = [_clause_query(c) for c in positive if not c.required]
    if required:
        query: Query = required[0] if len(required) == 1 else And(required)
        if optional:
            query = AndMaybe(query, Or(optional))
    else:
        query = Or(optional)
    if excluded:
        query = AndNot(query, Or(excluded))
    return query


def bonus_query(parsed: ParsedQuery) -> Query | None:
    """What reorders the best matches: adjacent query words, abbreviations of written-out names."""
    bonus = _bonus_queries(parsed.clauses)
    return Or(bonus) if bonus else None


def needs_fallback(parsed: ParsedQuery) -> bool:
    """Whether "any word" can find more than "every word": several groups, not all of them required."""
    groups = {c.group for c in parsed.positive}
    return len(groups) > 1 and not all(c.required for c in parsed.positive)


# -- filters and ranking ---------------------------------------------------------------------

def parse_date(value: str | None, option: str, end: bool) -> int | None:
    """ "2023" / "2023-08" / "2023-08-18" -> yyyymmdd (first or last day when ``end``)."""
    if value is None or value == "":
        return None
    m = DATE_RE.match(value.strip())
    try:
        if not m:
            raise ValueError
        year, month, day = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
        if month and day:
            date(year, month, day)
        elif month:
            date(year, month, 1)
            day = 31 if end else 1
        else:
            month, day = (12, 31) if end else (1, 1)
    except ValueError:
        raise QueryError(f"{option}: expected a date like 2023-08-18, 2023-08 or 2023, got {value!r}") from None
    return year * 10000 + month * 100 + day


def build_filter(since=None, until=None, site=None, category=None) -> Query | None:
    parts: list[Query] = []
    low, high = parse_date(since, "--since", end=False), parse_date(until, "--until", end=True)
    if low is not None and high is not None and low > high:
        raise QueryError(f"--since {since} is after --until {until}")
    if low is not None or high is not None:
        parts.append(NumericRange("date", low if low is not None else 1, high))
    if site:
        parts.append(Term("site", site.strip().lower()))
    if category:
        parts.append(Term("category", category_key(category)))
    return And(parts) if parts else None


# -- evaluation ----------------------------------------------------------------------------
#
# whoosh scores a query by walking matchers posting by posting in Python: over a large archive a
# common word means tens of thousands of steps per field, and facets, totals and the ranking all
# need every match. Here the same queries are evaluated a whole posting list at a time with numpy:
# a term's postings become (docnums, weights) arrays, a query node a (matches, scores) pair of
# arrays over all documents. The scores are whoosh's own (BM25F per field, summed over the
# matching clauses, times the query boosts; tests/test_search_engine.py compares them), times a
# small factor for recent articles.

# byte -> field length, as whoosh stores document lengths (one byte, logarithmic)
_LENGTHS = np.array([byte_to_length(b) or 0 for b in range(256)], dtype=np.float64)


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
                deleted = getattr(leaf, "deleted_docs_set", None)
                if deleted is None:
                    deleted = [d for d in range(leaf.doc_count_all()) if leaf.is_deleted(d)]
                self.live[[base + d for d in deleted]] = False
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
                raw = _bulk_column(leaf.column_reader(name, translate=False), n)
                column = leaf.column_reader(name)
                if raw is None:
                    out[base:base + n] = np.fromiter(column, dtype=np.int64, count=n)
                    continue
                # stored values -> numbers: one translation per distinct value
                stored, where = np.unique(raw, return_inverse=True)
                translate = getattr(column, "_translate", None) or (lambda v: v)
                out[base:base + n] = np.array([translate(int(v)) for v in stored], dtype=np.int64)[where]
        return out

    def _codes(self, name: str) -> tuple[np.ndarray, list[str]]:
        """docnum -> code, and code -> value ("" = none), from the field's sortable column."""
        codes: dict[str, int] = {"": 0}
        out = np.zeros(self.size, dtype=np.int32)
        for leaf, base in self.leaves:
            if leaf.has_column(name):
                n = leaf.doc_count_all()
                out[base:base + n] = [codes.setdefault(v, len(codes)) for v in _column_strings(leaf, name, n)]
        return out, list(codes)

    def field_lengths(self, name: str) -> np.ndarray:
        if name not in self.lengths:
            self.lengths[name] = self._field_lengths(name)
        return self.lengths[name]

    def _field_lengths(self, name: str) -> np.ndarray:
        out = np.ones(self.size, dtype=np.float64)
        for leaf, base in self.leaves:
            perdoc = getattr(leaf, "_perdoc", None)
            column = perdoc._cached_reader(_lenfield(name), LENGTHS_COLUMN) if perdoc is not None else None
            n = leaf.doc_count_all()
            raw = _bulk_column(column, n) if column is not None else None
            if raw is not None:
                out[base:base + n] = _LENGTHS[raw]
            elif column is not None:
                out[base:base + n] = _LENGTHS[np.fromiter(column, dtype=np.uint8, count=n)]
            else:  # another codec: the public, slower way
                out[base:base + n] = [leaf.doc_field_length(d, name, 1) or 1 for d in range(n)]
        return out


def _bulk_column(column, size: int) -> np.ndarray | None:
    """A whoosh numeric column read in one piece (None when it is not one): reading it value by
    value costs seconds over a large index."""
    try:
        typecode, fixedlen, count = column._typecode, column._fixedlen, column._count
        data = column._dbfile.get(column._basepos, count * fixedlen)
        default = column._default
    except AttributeError:
        return None
    values = np.frombuffer(data, dtype=np.dtype(typecode).newbyteorder(">"), count=count).astype(np.int64)
    if count < size:
        values = np.concatenate([values, np.full(size - count, default, dtype=np.int64)])
    return values[:size]


def _column_strings(leaf, name: str, size: int) -> list[str]:
    """A segment's text column as strings, read in one piece when it is a whoosh VarBytes column."""
    column = leaf.column_reader(name, translate=False)
    try:
        offsets, lengths = column._offsets, column._lengths
        data = column._dbfile.get(column._basepos, column._length)
    except AttributeError:
        return [v or "" for v in leaf.column_reader(name)]
    return [data[o:o + n].decode("utf-8") for o, n in zip(offsets[:size], lengths[:size])]


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
                if decode is None and matcher.supports("positions"):
                    plain = type(matcher.format) is Positions
                    decode = _decode_positions if plain else matcher.format.decoder("positions")
                i, w, v = _read_postings(matcher)
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


def _decode_positions(value: bytes) -> list[int]:
    """whoosh's Positions value (a count, then pickled gaps, the final "." stripped) -> positions."""
    return list(accumulate(pickle.loads(value[4:] if value.endswith(b".") else value[4:] + b".")))


def _read_postings(matcher) -> tuple[np.ndarray, np.ndarray, list]:
    """All (docnums, weights, position values) of a segment's posting list, a block at a time
    when the codec allows (whoosh 3: a pickled (ids, weights, values) tuple per block)."""
    ids, weights, values = [], [], []
    if all(hasattr(matcher, a) for a in ("_read_data", "_next_block", "_byteids", "_blocklength")):
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
    else:
        i, w = [], []
        while matcher.is_active():
            i.append(matcher.id())
            w.append(matcher.weight())
            values.append(matcher.value())
            matcher.next()
        ids, weights = [np.array(i, dtype=np.int64)], [np.array(w, dtype=np.float64)]
    if not ids:
        return np.zeros(0, dtype=np.int64), np.zeros(0), []
    return np.concatenate(ids), np.concatenate(weights), values


# -- search --------------------------------------------------------------------------------

# index folder -> (folder inode, searcher, arrays), shared by the threads of a process (the web server
# answers each request in a new thread) and used by one search at a time: a whoosh reader's files
# have one read position, and the searches are CPU-bound anyway.
_OPEN: dict[Path, tuple] = {}
_OPEN_LOCK = threading.Lock()


def _open_index(data_dir: Path) -> tuple:
    """(searcher, IndexArrays) of the current index, kept between searches (call with _OPEN_LOCK held).

    Opening an index and reading its arrays cost more than many searches; the inode check
    notices a rebuild swapped in, ``up_to_date`` an incremental update.
    """
    path = index_dir(Path(data_dir))
    if not whoosh_index.exists_in(str(path)):
        open_records(data_dir).close()  # "no records ... run govnews crawl first" when that is the cause
        raise BadInput(f"no search index in {path}: run govnews index")
    cache = _OPEN
    inode = path.stat().st_ino
    cached = cache.get(path)
    if cached and cached[0] == inode and cached[1].up_to_date():
        return cached[1], cached[2]
    # whoosh cannot refresh the reader of an empty index (its segments() is None): open that one anew
    if cached and cached[0] == inode and cached[1].reader().segments() is not None:
        searcher = cached[1].refresh()
    else:
        if cached:
            cached[1].close()
        searcher = whoosh_index.open_dir(str(path)).searcher(weighting=BM25F(**BM25_PARAMS))
    arrays = IndexArrays(searcher)
    cache.pop(path, None)
    cache[path] = (inode, searcher, arrays)
    while len(cache) > OPEN_INDEXES:  # the least recently opened goes
        cache.pop(next(iter(cache)))[1].close()
    return searcher, arrays


def search(data_dir: Path, query: str, *, since=None, until=None, site=None, category=None,
           sort: str = "relevance", limit: int = 10, page: int = 1) -> SearchResult:
    """Search the index of ``data_dir``; raises QueryError for a query or option that cannot be used.

    Articles with every query word come first. When fewer than ``limit`` have them all,
    articles with some of the words follow (by relevance), and the total and facets count those.
    """
    if sort not in ("relevance", "date"):
        raise QueryError(f"--sort must be relevance or date, not {sort!r}")
    if not 1 <= int(limit) <= MAX_LIMIT:
        raise QueryError(f"--limit must be between 1 and {MAX_LIMIT}")
    if int(page) < 1:
        raise QueryError("--page must be 1 or more")
    parsed = parse_query(query)
    flt = build_filter(since, until, site, category)
    wanted = page * limit
    with _OPEN_LOCK:
        searcher, arrays = _open_index(data_dir)
        evaluation = Evaluation(arrays)
        allowed = arrays.live
        if flt is not None:
            allowed = allowed & evaluation.evaluate(flt)[0]
        run = (searcher, arrays, evaluation, parsed, allowed, sort, wanted)
        ranked, total, facets = _run(build_query(parsed, match_all=MATCH_ALL_FIRST), *run)
        if MATCH_ALL_FIRST and total < limit and needs_fallback(parsed):
            more, total, facets = _run(build_query(parsed, match_all=False), *run)
            seen = {docnum for docnum, _ in ranked}
            ranked += [(docnum, score) for docnum, score in more if docnum not in seen]
        start = (page - 1) * limit
        shown = [(int(searcher.stored_fields(docnum)["key"]), score)
                 for docnum, score in ranked[start:start + limit]]
    hits = _hits(data_dir, shown, parsed)
    return SearchResult(total=total, hits=hits, facets=facets, page=page,
                        pages=math.ceil(total / limit) if total else 0)


def _run(query: Query, searcher, arrays: IndexArrays, evaluation: Evaluation, parsed: ParsedQuery,
         allowed: np.ndarray, sort: str, wanted: int):
    """(top ``wanted`` (docnum, score), number of matches, facets) of one search.

    Every match is scored (numpy, see Evaluation) for the total, the facets and the ranking,
    abbreviations of written-out names included. The bonus for query words side by side needs
    word positions: it is bounded from above by the words' frequencies, and computed only for the
    matches whose bound could lift them into the top ``wanted`` (the result is the same as
    computing it for every match).
    """
    mask, scores = evaluation.evaluate(query, allowed)
    docs = np.flatnonzero(mask & allowed)
    facets = {name: _facet(*arrays.facets[name], docs) for name in ("site", "year")}
    scores = scores[docs] * arrays.recency[docs]
    if sort == "date":
        order = np.lexsort((docs, -scores, -arrays.dates[docs]))[:wanted]
        return [(int(docs[i]), float(scores[i])) for i in order], len(docs), facets
    bonus = bonus_query(parsed)
    if bonus is not None and len(docs):
        scores = scores + evaluation.evaluate(bonus, mask)[1][docs]
    pairs = _adjacent_pairs(parsed.clauses)
    bound = _adjacency_bound(evaluation, pairs, docs)
    final = np.where(bound > 0, np.nan, scores)  # nan: adjacency not yet known
    pending = np.flatnonzero(bound > 0)
    pending = pending[np.lexsort((docs[pending], -(scores[pending] + bound[pending])))]
    while len(pending):
        known = np.flatnonzero(~np.isnan(final))
        cut = -np.partition(-final[known], wanted - 1)[wanted - 1] if len(known) >= wanted else -np.inf
        pending = pending[scores[pending] + bound[pending] >= cut]
        if not len(pending):
            break
        chunk, pending = pending[:ADJACENCY_CHUNK], pending[ADJACENCY_CHUNK:]
        extra = _adjacency_scores(evaluation, pairs, sorted(docs[chunk].tolist()))
        final[chunk] = scores[chunk] + np.array([extra.get(int(d), 0.0) for d in docs[chunk]])
    known = np.flatnonzero(~np.isnan(final))
    best = known[_best(docs[known], final[known], wanted)]
    return [(int(docs[i]), float(final[i])) for i in best], len(docs), facets


def _adjacency_bound(evaluation: Evaluation, pairs: list[tuple[str, str]], docs: np.ndarray) -> np.ndarray:
    """For each match, the most the side-by-side bonus can give: a pair found at most min(tf) times."""
    bound = np.zeros(len(docs))
    searcher = evaluation.arrays.searcher
    for fieldname in BONUS_FIELDS:
        boost = searcher.schema[fieldname].format.field_boost
        freqs: dict[str, np.ndarray] = {}
        for word in {w for pair in pairs for w in pair}:
            p = evaluation.postings(fieldname, word)
            tf = np.zeros(evaluation.size)
            tf[p.ids] = p.weights / boost
            freqs[word] = tf[docs]
        for first, second in pairs:
            most = np.minimum(freqs[first], freqs[second])
            bound += ADJACENT_POINTS * boost * most / (most + 1.0)
    return bound


def _best(docs: np.ndarray, scores: np.ndarray, depth: int) -> np.ndarray:
    """Indexes of the ``depth`` best scores, best first; equal scores in docnum order (as whoosh)."""
    if len(docs) > depth:
        cut = -np.partition(-scores, depth - 1)[depth - 1]  # the depth-th best score: keep all ties
        keep = np.flatnonzero(scores >= cut)
    else:
        keep = np.arange(len(docs))
    return keep[np.lexsort((docs[keep], -scores[keep]))][:depth]


def _facet(codes: np.ndarray, values: list[str], docs: np.ndarray) -> dict[str, int]:
    counts = np.bincount(codes[docs], minlength=len(values))
    found = {values[i]: int(n) for i, n in enumerate(counts.tolist()) if n and values[i]}
    return dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))


def _adjacency_scores(evaluation: Evaluation, pairs: list[tuple[str, str]], docnums: list[int]) -> dict[int, float]:
    """Bonus for query words found side by side, read from the positions of these documents only."""
    scores: dict[int, float] = {}
    wanted = np.array(docnums, dtype=np.int64)
    schema = evaluation.arrays.searcher.schema
    for fieldname in BONUS_FIELDS:
        boost = schema[fieldname].format.field_boost
        positions = {w: evaluation.postings(fieldname, w).positions(wanted) for pair in pairs for w in pair}
        for first, second in pairs:
            pa, pb = positions[first], positions[second]
            for docnum in pa.keys() & pb.keys():
                after = {p + 1 for p in pa[docnum]}
                found = sum(1 for p in pb[docnum] if p in after)
                if found:
                    scores[docnum] = scores.get(docnum, 0.0) + ADJACENT_POINTS * boost * found / (found + 1.0)
    return scores


def _at(matcher, docnum: int) -> bool:
    if matcher.is_active() and matcher.id() < docnum:
        matcher.skip_to(docnum)
    return matcher.is_active() and matcher.id() == docnum


def _hits(data_dir: Path, found: list[tuple[int, float]], parsed: ParsedQuery) -> list[SearchHit]:
    if not found:
        return []
    wanted = _snippet_terms(parsed)
    hits = []
    with Store.open(data_dir, create=False) as store:
        for article_id, score in found:
            article = store.get_article(article_id)
            if article is None:  # deleted from the records after indexing
                continue
            text = article.get("summary") or ""
            text = f"{text}\n\n{article['body']}" if text else article["body"]
            plain, marked = make_snippet(text, wanted)
            hits.append(SearchHit(id=article_id, url=article["url"], title=article["title"], site=article["site"],
                                  published=article["published"], score=round(float(score), 4),
                                  snippet=plain, snippet_html=marked, site_name=article.get("site_name")))
    return hits


def _snippet_terms(parsed: ParsedQuery) -> set[str]:
    wanted: set[str] = set()
    for clause in parsed.positive:
        for t in clause.terms:
            wanted.add(t.folded)
            wanted.update(ABBREVIATION_EXPANSIONS.get(t.folded, ()))
    folded = [t.folded for c in parsed.positive for t in c.terms]
    for seq, abbreviations in EXPANSION_ABBREVIATIONS.items():
        if all(w in folded for w in seq):
            wanted.update(abbreviations)
    return wanted


def make_snippet(text: str, wanted: set[str], size: int = SNIPPET_TOKENS) -> tuple[str, str]:
    """The window of ``size`` tokens with the most distinct query words: (plain text, HTML with <mark>)."""
    text = normalize_text(text)
    spans: list[tuple[int, int]] = []
    hits: list[int] = []
    hit_words: dict[int, str] = {}
    for m in TOKEN_RE.finditer(text):  # terms() without its objects: this runs over every shown article
        forms = token_forms(m.lastgroup, m.group())
        folded = forms[1] if len(forms) > 1 and m.lastgroup != "num" else forms[0]
        if folded in wanted or forms[0] in wanted:
            hits.append(len(spans))
            hit_words[len(spans)] = folded
        spans.append(m.span())
    if not spans:
        return "", ""
    best, best_key = 0, (0, 0)
    for i in hits:
        window = [hit_words[j] for j in hits if i <= j < i + size]
        key = (len(set(window)), len(window))
        if key > best_key:
            best, best_key = i, key
    # a little context before the first match, and a full window when the text is near its end
    first = max(0, min(best - 3, len(spans) - size)) if hits else 0
    last = min(len(spans), first + size)
    prefix = "… " if first > 0 else ""
    suffix = " …" if last < len(spans) else ""
    plain_parts, html_parts = [], []
    cursor = spans[first][0]
    for j in range(first, last):
        start, end = spans[j]
        gap, word = text[cursor:start], text[start:end]
        plain_parts.append(gap + word)
        html_parts.append(html.escape(gap) + (f"<mark>{html.escape(word)}</mark>" if j in hit_words
                                              else html.escape(word)))
        cursor = end
    plain = " ".join((prefix + "".join(plain_parts) + suffix).split())
    marked = " ".join((html.escape(prefix) + "".join(html_parts) + html.escape(suffix)).split())
    return plain, marked
