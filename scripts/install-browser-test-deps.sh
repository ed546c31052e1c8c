#!/usr/bin/env bash
# Installs the browser tests' npm packages (tests/browser/package-lock.json, exact versions) with
# `npm ci`. Does nothing when node_modules is already newer than the lock file, so running it
# again is fast. The browser is Debian's chromium (scripts/install-deps.sh test): Playwright
# never downloads one of its own.
set -euo pipefail
cd "$(dirname "$0")/../tests/browser"

installed=node_modules/.package-lock.json
if [ -f "$installed" ] && [ "$installed" -nt package-lock.json ]; then
  exit 0
fi

command -v npm >/dev/null 2>&1 || { echo "npm is missing: run scripts/install-deps.sh test" >&2; exit 1; }
echo "Installing the browser tests' npm packages"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
# npm ci keeps the lock file's time stamps; mark the install as newer than the lock file.
touch "$installed"
