"""Fixtures shared by the whole suite.

``shared``: the ``../shared`` folder beside the repository (real portal pages, real documents, a real portal's
saved copy). CI always has it; a clone on its own does not, and then the tests that need it skip with a
message naming the folder — the only skip in the suite.
"""
from __future__ import annotations

import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
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


# -- PostgreSQL (the --db backend): a real server, never a mock ------------------------------------------------

@pytest.fixture(scope="session")
def pg_database():
    """A fresh database on the local cluster for this test session, dropped at the end.

    The server comes from ``$GOVNEWS_TEST_PG`` (a URL of an existing database to connect to for
    CREATE DATABASE), else ``postgresql:///govnews_test`` (unix socket, the current user).
    """
    base = os.environ.get("GOVNEWS_TEST_PG") or "postgresql:///govnews_test"
    name = f"govnews_pg_{secrets.token_hex(4)}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    parts = urlsplit(base)
    url = f"{parts.scheme}://{parts.netloc}/{name}" + (f"?{parts.query}" if parts.query else "")
    yield url
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextmanager
def pg_schema(database_url: str):
    """A URL of a new empty schema of ``database_url`` (its tables stay apart from other tests'), dropped after."""
    schema = f"t_{secrets.token_hex(4)}"
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{database_url}{'&' if '?' in database_url else '?'}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(database_url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def pg_url(pg_database):
    """A URL of an empty schema of the session's database (one per test: tests do not see each other's rows)."""
    with pg_schema(pg_database) as url:
        yield url
