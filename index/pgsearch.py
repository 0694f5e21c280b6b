"""Full-text search in PostgreSQL, for records kept there (``--db``): the semantics of index/search.py.

The same query language (``index.search.parse_query``), the same result (``SearchResult`` of
``SearchHit``), the same snippets and errors; only the engine differs. The text is matched in
``articles.fts_folded`` (see index/pgstore.py: ``unaccent``-folded, 'simple' configuration, GIN index),
so a query without diacritics finds every spelling; the spelling as typed is scored from
``fts_exact``, so articles with the exact diacritics rank above folded matches.

Each query word becomes a tsquery of its folded form OR its abbreviation's expansion ("bhyt" |
'bao' <-> 'hiem' <-> 'y' <-> 'te') and back; quoted and joined words are phrases (``<->``). The
words are turned into tsqueries by PostgreSQL itself (``phraseto_tsquery`` over the same folding
function as the indexed text), so both sides split text alike.

Ranking: ``ts_rank`` (title weighted over portal name and category, over body) of the words, plus
the exact spellings, plus query words found side by side (and a run of three or more found whole),
plus the query's words of several syllables found as words (``fts_words``: the analyzer's joined
tokens, "an_toan"), plus a year in the query matching the publication year, times the recency factor
of index/search.py. As there: articles with every word (a year excepted) first; with fewer than a page
of them, articles with some words follow.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import psycopg

from index.analyzer import ABBREVIATION_EXPANSIONS, EXPANSION_ABBREVIATIONS
from index.evaluation import RECENCY_HALF_LIFE_DAYS, RECENCY_WEIGHT
from index.pgstore import PgStore
from index.query import (
    Clause,
    ParsedQuery,
    QueryError,
    is_year,
    needs_fallback,
    parse_date,
    parse_query,
    query_runs,
    query_words,
    side_by_side,
)
from index.search import SearchHit, SearchResult, check_paging
from index.searchindex import category_key
from index.snippets import make_snippet, snippet_terms

# ts_rank weights of {D, C, B, A}: body and summary, (unused), portal name and category, title.
RANK_WEIGHTS = "{0.34, 0, 0.34, 1.0}"
RANK_NORMALIZATION = 1  # divide by 1 + log(document length), as BM25 discounts long documents
EXACT_WEIGHT = 1.0  # the exact spelling's rank is added to the folded one (whoosh: 1 + 0.5 per word)
ADJACENT_WEIGHT = 2.0  # query words side by side in the text
RUN_BONUS = 0.1  # three or more query words side by side, whole (index/ranking.py's RUN_POINTS)
WORD_WEIGHT = 1.0  # a query's word of several syllables found as a word (index/query.py's word bonus)
YEAR_BONUS = 0.5  # a year in the query that is the article's publication year


@dataclass
class Compiled:
    """The tsqueries of one parsed query (text form, '' when there is nothing to say)."""

    match_all: str
    match_any: str
    rank: str
    exact: str
    adjacent: str  # pairs of query words side by side
    runs: str = ""  # runs of three or more query words found whole
    words: str = ""  # the query's words of several syllables, as the joined folded lexemes of ``fts_words``
    years: list[str] = field(default_factory=list)
    only_years: bool = False


def search(db: str | PgStore, query: str, *, since=None, until=None, site=None, category=None,
           sort: str = "relevance", limit: int = 10, page: int = 1) -> SearchResult:
    """Search the records at ``db`` (a URL or an open PgStore); the arguments and result of index.search.search."""
    check_paging(sort, limit, page)
    parsed = parse_query(query)
    where, params = _filters(since, until, site, category)
    if isinstance(db, PgStore):
        return _search(db, parsed, where, params, sort, limit, page)
    with PgStore.open(db, create=False) as store:
        return _search(store, parsed, where, params, sort, limit, page)


def _search(store: PgStore, parsed: ParsedQuery, where: str, params: dict, sort: str, limit: int,
            page: int) -> SearchResult:
    wanted = page * limit
    with store.pg_transaction() as conn:
        compiled = _compile(conn, parsed)
        ranked, total, facets = _run(conn, compiled, compiled.match_all, where, params, sort, wanted)
        if total < limit and needs_fallback(parsed) and compiled.match_any != compiled.match_all:
            more, total, facets = _run(conn, compiled, compiled.match_any, where, params, sort, wanted)
            seen = {article_id for article_id, _ in ranked}
            ranked += [(article_id, score) for article_id, score in more if article_id not in seen]
    start = (page - 1) * limit
    shown = ranked[start:start + limit]
    return SearchResult(total=total, hits=_hits(store, shown, parsed), facets=facets, page=page,
                        pages=math.ceil(total / limit) if total else 0)


# -- compiling a parsed query to tsqueries -------------------------------------------------------

def _compile(conn: psycopg.Connection, parsed: ParsedQuery) -> Compiled:
    wanted: set[str] = set()
    for clause in parsed.clauses:
        wanted.update(_clause_texts(clause))
    wanted.update(" ".join(pair) for pair in side_by_side(parsed.clauses))
    wanted.update(a for seq in _expansions_written(parsed) for a in EXPANSION_ABBREVIATIONS[seq])
    rows = conn.execute(
        "SELECT t, phraseto_tsquery('simple', govnews_fold(t))::text,"
        " phraseto_tsquery('simple', govnews_plain(t))::text FROM unnest(%s::text[]) AS t",
        (sorted(wanted),)).fetchall()
    texts = {r[0]: (r[1], r[2]) for r in rows}  # text -> (folded tsquery, tsquery as written)

    def folded(text: str) -> str:
        return texts[text][0]

    def clause_match(clause: Clause) -> str:
        return _any([folded(t) for t in _clause_texts(clause)])

    positive = parsed.positive
    excluded = _any([clause_match(c) for c in parsed.clauses if c.excluded])
    years = [c for c in positive if is_year(c)]
    only_years = len(years) == len(positive)
    groups: dict[int, list[str]] = {}
    for clause in positive:
        if only_years or not any(clause is y for y in years):
            groups.setdefault(clause.group, []).append(clause_match(clause))
    match_all = _all([_any(g) for g in groups.values()])
    required = [clause_match(c) for c in positive if c.required]
    match_any = _all(required) if required else _any([clause_match(c) for c in positive])
    if excluded:
        match_all = _all([match_all, f"!({excluded})"])
        match_any = _all([match_any, f"!({excluded})"])
    exact = _any([texts[c.terms[0].exact][1] if not c.phrase else texts[_phrase_text(c, "exact")][1]
                  for c in positive if any(t.exact != t.folded for t in c.terms)])
    abbreviations = _any([folded(a) for seq in _expansions_written(parsed) for a in EXPANSION_ABBREVIATIONS[seq]])
    rank = _any([clause_match(c) for c in positive] + ([abbreviations] if abbreviations else []))
    sequences = side_by_side(parsed.clauses)
    adjacent = _any([folded(" ".join(seq)) for seq in sequences if len(seq) == 2])
    runs = _any([folded(" ".join(seq)) for seq in sequences if len(seq) > 2])
    words = _any([_lexeme(w) for w in query_words(parsed.clauses)])
    return Compiled(match_all=match_all, match_any=match_any, rank=rank, exact=exact, adjacent=adjacent,
                    runs=runs, words=words, years=[c.terms[0].exact for c in years], only_years=only_years)


def _lexeme(word: str) -> str:
    """A lexeme of ``fts_words`` as tsquery text (analyzer words: letters and "_" only, quoted all the same)."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _clause_texts(clause: Clause) -> list[str]:
    """The texts a clause matches (folded): the word or phrase, its abbreviation's expansion; the exact text too."""
    if clause.phrase:
        return [_phrase_text(clause, "folded"), _phrase_text(clause, "exact")]
    term = clause.terms[0]
    out = [term.folded, term.exact]
    expansion = ABBREVIATION_EXPANSIONS.get(term.folded)
    if expansion:
        out.append(" ".join(expansion))
    return out


def _phrase_text(clause: Clause, form: str) -> str:
    return " ".join(getattr(t, form) for t in clause.terms)


def _expansions_written(parsed: ParsedQuery) -> list[tuple[str, ...]]:
    """Abbreviation expansions written out in the query ("bảo hiểm y tế" also scores "BHYT")."""
    found = []
    for run in query_runs(parsed.clauses):
        words = [t.folded for t in run]
        for seq in EXPANSION_ABBREVIATIONS:
            n = len(seq)
            if any(tuple(words[i:i + n]) == seq for i in range(len(words) - n + 1)):
                found.append(seq)
    return found


def _any(parts: list[str]) -> str:
    parts = list(dict.fromkeys(p for p in parts if p))
    return parts[0] if len(parts) == 1 else " | ".join(f"({p})" for p in parts)


def _all(parts: list[str]) -> str:
    parts = [p for p in parts if p]
    return parts[0] if len(parts) == 1 else " & ".join(f"({p})" for p in parts)


# -- running ------------------------------------------------------------------------------------

def _filters(since, until, site, category) -> tuple[str, dict]:
    low, high = parse_date(since, "--since", end=False), parse_date(until, "--until", end=True)
    if low is not None and high is not None and low > high:
        raise QueryError(f"--since {since} is after --until {until}")
    parts, params = [], {}
    if low is not None or high is not None:
        parts.append("left(a.published, 10) ~ '^\\d{4}-\\d{2}-\\d{2}$'")
    if low is not None:
        parts.append("left(a.published, 10) >= %(low)s")
        params["low"] = _iso(low)
    if high is not None:
        parts.append("left(a.published, 10) <= %(high)s")
        params["high"] = _iso(high)
    if site:
        parts.append("lower(a.site) = %(site)s")
        params["site"] = site.strip().lower()
    if category:
        parts.append("lower(public.unaccent('public.unaccent'::regdictionary,"
                     " regexp_replace(btrim(a.category), '\\s+', ' ', 'g'))) = %(category)s")
        params["category"] = category_key(category)
    return " AND ".join(parts), params


def _iso(number: int) -> str:
    return f"{number // 10000:04d}-{number // 100 % 100:02d}-{number % 100:02d}"


def _run(conn: psycopg.Connection, compiled: Compiled, match: str, where: str, params: dict, sort: str,
         wanted: int) -> tuple[list[tuple[int, float]], int, dict[str, dict[str, int]]]:
    """(top ``wanted`` (id, score), number of matches, facets) of one tsquery."""
    condition = "a.fts_folded @@ %(match)s::tsquery"
    if compiled.only_years:  # "2022" alone: the articles of 2022 as well as those printing it
        condition = f"({condition} OR left(a.published, 4) = ANY(%(years)s))"
    if where:
        condition += " AND " + where
    args = {**params, "match": match or "", "years": compiled.years, "rank": compiled.rank or "",
            "exact": compiled.exact or "", "adjacent": compiled.adjacent or "", "runs": compiled.runs or "",
            "words": compiled.words or "", "weights": RANK_WEIGHTS,
            "norm": RANK_NORMALIZATION, "wanted": wanted}
    facets: dict[str, dict[str, int]] = {"site": {}, "year": {}}
    total = 0
    for site, year, n in conn.execute(
            f"SELECT a.site, CASE WHEN a.published ~ '^\\d{{4}}' THEN left(a.published, 4) END, COUNT(*)"
            f" FROM articles a WHERE {condition} GROUP BY 1, 2", args):
        total += n
        for name, value in (("site", site), ("year", year)):
            if value:
                facets[name][value] = facets[name].get(value, 0) + n
    facets = {k: dict(sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))) for k, v in facets.items()}
    if not total:
        return [], 0, facets
    order = "score DESC, a.id" if sort == "relevance" else "left(a.published, 10) DESC NULLS LAST, score DESC, a.id"
    rows = conn.execute(f"SELECT a.id, {_score_sql(compiled)} AS score FROM articles a WHERE {condition}"
                        f" ORDER BY {order} LIMIT %(wanted)s", args).fetchall()
    return [(r[0], float(r[1])) for r in rows], total, facets


def _score_sql(compiled: Compiled) -> str:
    parts = ["ts_rank(%(weights)s::float4[], a.fts_folded, %(rank)s::tsquery, %(norm)s)"]
    if compiled.exact:
        parts.append(f"{EXACT_WEIGHT} * ts_rank(%(weights)s::float4[], a.fts_exact, %(exact)s::tsquery, %(norm)s)")
    if compiled.adjacent:
        parts.append(f"{ADJACENT_WEIGHT} * ts_rank(%(weights)s::float4[], a.fts_folded, %(adjacent)s::tsquery,"
                     " %(norm)s)")
    if compiled.runs:
        # presence, not ts_rank: ts_rank gives a phrase some credit for its words found apart
        parts.append(f"CASE WHEN a.fts_folded @@ %(runs)s::tsquery THEN {RUN_BONUS} ELSE 0 END")
    if compiled.words:
        parts.append(f"{WORD_WEIGHT} * ts_rank(%(weights)s::float4[], a.fts_words, %(words)s::tsquery, %(norm)s)")
    if compiled.years:
        parts.append(f"CASE WHEN left(a.published, 4) = ANY(%(years)s) THEN {YEAR_BONUS} ELSE 0 END")
    recency = (f"(1 + CASE WHEN a.published ~ '^\\d{{4}}-\\d{{2}}-\\d{{2}}' THEN {RECENCY_WEIGHT} * power(0.5,"
               f" greatest(current_date - left(a.published, 10)::date, 0) / {RECENCY_HALF_LIFE_DAYS}) ELSE 0 END)")
    return f"({' + '.join(parts)}) * {recency}"


def _hits(store: PgStore, found: list[tuple[int, float]], parsed: ParsedQuery) -> list[SearchHit]:
    if not found:
        return []
    wanted = snippet_terms(parsed)
    articles = store.get_articles([article_id for article_id, _ in found])
    hits = []
    for article_id, score in found:
        article = articles.get(article_id)
        if article is None:  # deleted meanwhile
            continue
        text = article.get("summary") or ""
        text = f"{text}\n\n{article['body']}" if text else article["body"]
        plain, marked = make_snippet(text, wanted)
        hits.append(SearchHit(id=article_id, url=article["url"], title=article["title"], site=article["site"],
                              published=article["published"], score=round(score, 4), snippet=plain,
                              snippet_html=marked, site_name=article.get("site_name")))
    return hits
