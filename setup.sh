#!/usr/bin/env bash
# Sets up govnews and everything its tests need on a fresh Debian/Ubuntu machine:
#   Debian packages: PostgreSQL (records/search backend), Java 17 (Spark), Tesseract with the Vietnamese model (OCR),
#   antiword/catdoc (legacy .doc), Chromium + ChromeDriver (the browser test);
#   Python: govnews in editable mode with its test, documents, postgres and spark extras.
# Run as root (or with sudo available); safe to run again.
set -euo pipefail
cd "$(dirname "$0")"

DEBIAN_PACKAGES=(postgresql postgresql-contrib openjdk-17-jre-headless tesseract-ocr tesseract-ocr-vie
                 antiword catdoc fonts-dejavu-core chromium chromium-driver)

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  if command -v apt-get >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup.sh: please install: ${missing[*]}" >&2
  fi
fi

python3 -m pip install -q -e '.[test,documents,postgres,spark,parquet]'
