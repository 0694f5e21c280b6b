"""Fixtures shared by the whole suite.

``shared``: the ``../shared`` folder beside the repository (real portal pages, real documents, a real portal's
saved copy). CI always has it; a clone on its own does not, and then the tests that need it skip with a
message naming the folder — the only skip in the suite.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ``../shared``; skips the calling test when that folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the ../shared folder beside the repository)")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    return shared_path()
