"""Precision/recall of extract_indicators on the hand-annotated audit paragraphs.

    python -m bench.audit_indicators [-v] [--cases A:B]      (from the project root)

--cases A:B scores only AUDIT[A:B] (one blind batch).  Reads AUDIT from tests/test_indicators_audit.py.
A found figure matches an annotated one when their text is the same (first unused match, in order).
Prints precision, recall, F1 and, over the matched figures, the share with the
right value, unit, kind, label, estimate, change and reference; -v lists every miss,
false figure and attribute error.
"""
from __future__ import annotations

import sys

from extract.indicators import extract_indicators
from tests.test_indicators_audit import ANY, AUDIT, attribute_errors

FIELDS = ("value", "unit", "kind", "label", "estimate", "change", "reference")


def main() -> None:
    verbose = "-v" in sys.argv
    cases = AUDIT
    if "--cases" in sys.argv:
        a, b = (int(x) if x else None for x in sys.argv[sys.argv.index("--cases") + 1].split(":"))
        cases = AUDIT[a:b]
    n_found = n_expected = n_matched = 0
    right = dict.fromkeys(FIELDS, 0)
    judged = dict.fromkeys(FIELDS, 0)
    for paragraph, expected in cases:
        found = extract_indicators(paragraph)
        n_found += len(found)
        n_expected += len(expected)
        unused = list(expected)
        for ind in found:
            exp = next((e for e in unused if e[0] == ind.text), None)
            if exp is None:
                if verbose:
                    print(f"FALSE  {ind.text!r} in {paragraph[:50]!r}")
                continue
            unused.remove(exp)
            n_matched += 1
            errors = attribute_errors(ind, exp)
            for field in FIELDS:
                if field == "label" and "label" not in exp[4]:
                    continue
                if exp[4].get(field) is ANY:
                    continue
                judged[field] += 1
                right[field] += not any(e.startswith(field + " ") for e in errors)
            if verbose and errors:
                print(f"ATTR   {ind.text!r}: {'; '.join(errors)}")
        if verbose:
            for exp in unused:
                print(f"MISSED {exp[0]!r} in {paragraph[:50]!r}")
    precision = n_matched / n_found if n_found else 1.0
    recall = n_matched / n_expected if n_expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"paragraphs {len(cases)}  annotated {n_expected}  found {n_found}  matched {n_matched}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print("over matched: " + "  ".join(
        f"{f} {right[f] / judged[f]:.3f} ({judged[f]})" for f in FIELDS if judged[f]))


if __name__ == "__main__":
    main()
