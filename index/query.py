"""The query language of govnews search: parsing, and the whoosh queries a parsed query stands for.

Words, ``"quoted phrases"``, ``a OR b`` (either will do), ``AND`` (explicit; words are all wanted
anyway), ``NOT word`` or ``-word`` (must not match). Every word matches without regard to
diacritics; a word typed with diacritics scores exact spellings higher. Known abbreviations match
their expansions and back ("BHYT" / "bảo hiểm y tế"). Filters (dates, portal, category) are
queries too. index/evaluation.py evaluates these queries; index/search.py ranks and shows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from whoosh.query import And, AndMaybe, AndNot, NumericRange, Or, Phrase, Query, Term

from base.errors import BadInput
from index.analyzer import (
    ABBREVIATION_EXPANSIONS,
    EXPANSION_ABBREVIATIONS,
    WORD_JOINER,
    TermForms,
    normalize_text,
    query_terms,
    segment,
)
from index.searchindex import category_key

MAX_QUERY_CHARS = 500
OPERATORS = ("AND", "OR", "NOT")
QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
SEARCH_FIELDS = ("title", "body", "meta")
# Ranking weights (bench/bench_ranking.py measures them on a judged query set).
FOLDED_WEIGHT = 0.5  # the folded form of a word typed with diacritics: exact spellings score 1 + 0.5
ABBREVIATION_WEIGHT = 0.8  # "BHYT" matching "bảo hiểm y tế" (and back)
YEAR_WEIGHT = 5.0  # a year in the query matching the article's publication year
WORD_WEIGHT = 1.0  # a word of several syllables of the query found as a word (index/analyzer.py)
WORD_FIELD = "words"
YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class QueryError(BadInput):
    """A query (or search option) that cannot be searched; the message is one line."""


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


def _word_bonus(clauses: list[Clause]) -> list[Query]:
    """The query's words of several syllables, found as words ("an toàn thông tin": "an_toan", "thong_tin").

    A query typed without diacritics is cut with the folded word list.
    """
    bonus: list[Query] = []
    for run in _runs(clauses):
        plain = all(t.exact == t.folded for t in run)
        for start, end in segment([t.folded if plain else t.exact for t in run], folded=plain):
            bonus.append(Term(WORD_FIELD, WORD_JOINER.join(t.folded for t in run[start:end]), boost=WORD_WEIGHT))
    return bonus


def side_by_side(clauses: list[Clause]) -> list[tuple[str, ...]]:
    """The folded word sequences that score when found side by side: each pair of adjacent query
    words, and each run of three or more words as a whole ("an toàn thông tin" written as one)."""
    runs = [[t.folded for t in run] for run in _runs(clauses)]
    pairs = [(a, b) for run in runs for a, b in zip(run, run[1:])]
    return list(dict.fromkeys(pairs + [tuple(run) for run in runs if len(run) > 2]))


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
    bonus = _bonus_queries(parsed.clauses) + _word_bonus(parsed.clauses)
    return Or(bonus) if bonus else None


def needs_fallback(parsed: ParsedQuery) -> bool:
    """Whether "any word" can find more than "every word": several groups, not all of them required."""
    groups = {c.group for c in parsed.positive}
    return len(groups) > 1 and not all(c.required for c in parsed.positive)


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


