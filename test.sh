#!/usr/bin/env bash
# Set up (first time only) and run the whole test suite, browser tests included.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
# The browser tests drive Debian's chromium (Playwright's own browser download is not used).
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "could not install chromium: browser tests will be skipped" >&2
fi
exec .venv/bin/python -m pytest "$@"
