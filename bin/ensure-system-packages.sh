#!/usr/bin/env bash
# Installs the Debian packages kehoach needs when they are missing, so `npm start` and `npm test` work on a fresh
# machine: chromium prints the PDFs (puppeteer-core downloads no browser), poppler-utils lets the tests read PDFs back.
# Runs before `npm start` and `npm test` (package.json pre-scripts) and from .ci/run; does nothing when all is there.
set -euo pipefail

missing=()
if [ -z "${KEHOACH_CHROME:-}" ]; then
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 ||
    command -v google-chrome >/dev/null 2>&1 || missing+=(chromium)
fi
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "kehoach: cài các gói Debian còn thiếu: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "kehoach: máy còn thiếu ${missing[*]}. Cài bằng: sudo apt-get install ${missing[*]}" >&2
  echo "  (hoặc đặt KEHOACH_CHROME chỉ tới một trình duyệt Chromium/Chrome có sẵn)." >&2
  exit 1
fi
