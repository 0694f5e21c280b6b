#!/usr/bin/env bash
# Runs the whole test suite the way CI does: start PostgreSQL (the PostgreSQL tests always run), lint, test.
set -euo pipefail
cd "$(dirname "$0")"
bash start-postgres.sh
export GOVNEWS_TEST_PG="${GOVNEWS_TEST_PG:-postgresql:///govnews_test}"
ruff check .
lint-imports
python3 -m pytest -p no:cacheprovider "$@"
