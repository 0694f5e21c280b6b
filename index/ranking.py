"""Ranking the matches of one search: scores, bonuses, the side-by-side bonus, the top of the list."""
from __future__ import annotations

import numpy as np
from whoosh.query import Query

from index.evaluation import Evaluation, IndexArrays
from index.query import ParsedQuery, bonus_query, side_by_side
from index.snippets import facet_counts

BONUS_FIELDS = ("title", "body")
ADJACENT_POINTS = 8.0  # two query words found side by side (times the field boost, saturating)
RUN_POINTS = 24.0  # a run of three or more query words found whole, side by side (the same way)
ADJACENCY_CHUNK = 100  # matches whose side-by-side bonus is computed at a time (see rank)


def rank(query: Query, arrays: IndexArrays, evaluation: Evaluation, parsed: ParsedQuery,
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
    facets = {name: facet_counts(*arrays.facets[name], docs) for name in ("site", "year")}
    scores = scores[docs] * arrays.recency[docs]
    if sort == "date":
        order = np.lexsort((docs, -scores, -arrays.dates[docs]))[:wanted]
        return [(int(docs[i]), float(scores[i])) for i in order], len(docs), facets
    bonus = bonus_query(parsed)
    if bonus is not None and len(docs):
        scores = scores + evaluation.evaluate(bonus, mask)[1][docs]
    pairs = side_by_side(parsed.clauses)
    bound = adjacency_bound(evaluation, pairs, docs)
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
        extra = adjacency_scores(evaluation, pairs, sorted(docs[chunk].tolist()))
        final[chunk] = scores[chunk] + np.array([extra.get(int(d), 0.0) for d in docs[chunk]])
    known = np.flatnonzero(~np.isnan(final))
    top = known[best(docs[known], final[known], wanted)]
    return [(int(docs[i]), float(final[i])) for i in top], len(docs), facets


def adjacency_bound(evaluation: Evaluation, pairs: list[tuple[str, ...]], docs: np.ndarray) -> np.ndarray:
    """For each match, the most the side-by-side bonus can give: a sequence found at most min(tf) times."""
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
        for pair in pairs:
            most = np.minimum.reduce([freqs[w] for w in pair])
            bound += _points(pair) * boost * most / (most + 1.0)
    return bound


def _points(sequence: tuple[str, ...]) -> float:
    return ADJACENT_POINTS if len(sequence) == 2 else RUN_POINTS


def best(docs: np.ndarray, scores: np.ndarray, depth: int) -> np.ndarray:
    """Indexes of the ``depth`` best scores, best first; equal scores in docnum order (as whoosh)."""
    if len(docs) > depth:
        cut = -np.partition(-scores, depth - 1)[depth - 1]  # the depth-th best score: keep all ties
        keep = np.flatnonzero(scores >= cut)
    else:
        keep = np.arange(len(docs))
    return keep[np.lexsort((docs[keep], -scores[keep]))][:depth]


def adjacency_scores(evaluation: Evaluation, pairs: list[tuple[str, ...]], docnums: list[int]) -> dict[int, float]:
    """Bonus for query words found side by side, read from the positions of these documents only."""
    scores: dict[int, float] = {}
    wanted = np.array(docnums, dtype=np.int64)
    schema = evaluation.arrays.searcher.schema
    for fieldname in BONUS_FIELDS:
        boost = schema[fieldname].format.field_boost
        positions = {w: evaluation.postings(fieldname, w).positions(wanted) for pair in pairs for w in pair}
        for pair in pairs:
            found_in = set.intersection(*(set(positions[w]) for w in pair))
            for docnum in found_in:
                starts = set(positions[pair[0]][docnum])
                for offset, word in enumerate(pair[1:], 1):
                    starts &= {p - offset for p in positions[word][docnum]}
                if starts:
                    found = len(starts)
                    scores[docnum] = scores.get(docnum, 0.0) + _points(pair) * boost * found / (found + 1.0)
    return scores
