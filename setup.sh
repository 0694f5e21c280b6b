#!/usr/bin/env bash
# Sets up govnews and everything its tests need on a fresh Debian/Ubuntu machine.
set -euo pipefail
cd "$(dirname "$0")"
# The browser test drives a real headless Chromium; install it when it is missing.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "setup.sh: install chromium and chromium-driver for the browser test (e.g. sudo apt-get install chromium chromium-driver)" >&2
  fi
fi
python3 -m pip install -q -e '.[test]'
