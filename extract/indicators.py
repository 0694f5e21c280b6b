"""Placeholder until the indicator extractor lands (issue 3)."""
from __future__ import annotations

from extract.models import Indicator


def extract_indicators(text: str, title: str | None = None) -> list[Indicator]:
    return []
