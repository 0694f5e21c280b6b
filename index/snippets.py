"""What a search shows besides the ranking: facet counts and the snippet of each hit."""
from __future__ import annotations

import html

import numpy as np

from index.analyzer import ABBREVIATION_EXPANSIONS, EXPANSION_ABBREVIATIONS, TOKEN_RE, normalize_text, token_forms
from index.query import ParsedQuery

SNIPPET_TOKENS = 30


def facet_counts(codes: np.ndarray, values: list[str], docs: np.ndarray) -> dict[str, int]:
    """value -> number of ``docs`` with it, most frequent first (``codes``: docnum -> value index)."""
    counts = np.bincount(codes[docs], minlength=len(values))
    found = {values[i]: int(n) for i, n in enumerate(counts.tolist()) if n and values[i]}
    return dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))


def snippet_terms(parsed: ParsedQuery) -> set[str]:
    """The folded words a snippet marks: the query's words, abbreviations and expansions of them."""
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
