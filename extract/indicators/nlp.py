"""underthesea word segmentation for the indicator extractor.

Only short fragments (the words after a number) are segmented, so the cost
stays far below one call per sentence.  underthesea loads its model lazily
and concurrent first calls crash it, hence the one-time warm-up under a lock.
"""
from __future__ import annotations

import threading
from functools import lru_cache

_lock = threading.Lock()
_tokenize = None


def warm_up() -> None:
    """Load the segmentation model now (call once before starting worker threads)."""
    _tokenizer()


def _tokenizer():
    global _tokenize
    if _tokenize is None:
        with _lock:
            if _tokenize is None:
                from underthesea import word_tokenize

                word_tokenize("Khởi động bộ tách từ.")  # loads the model once per process
                _tokenize = word_tokenize
    return _tokenize


@lru_cache(maxsize=4096)
def first_word(fragment: str) -> str | None:
    """The first (possibly multi-syllable) word of a fragment, as underthesea segments it."""
    fragment = fragment.strip()
    if not fragment:
        return None
    try:
        words = _tokenizer()(fragment)
    except Exception:  # a tokenizer failure must never stop extraction
        return None
    return words[0] if words else None
