#!/usr/bin/env bash
# Installs the Debian 12 packages kidwiki needs to build, test and benchmark.
# Idempotent and fast when everything is there: dpkg is asked first, apt only for what is missing.
# Usage: scripts/install-deps.sh [build|test|bench]   (test and bench include build)
set -euo pipefail
what=${1:-build}

build=(build-essential cmake ninja-build pkg-config
  libcpp-httplib-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev libicu-dev
  libxapian-dev libsodium-dev nlohmann-json3-dev libkainjow-mustache-dev libdtl-dev libcli11-dev
  doctest-dev libhttp-parser-dev libvips-dev libhunspell-dev libzim-dev libarchive-dev
  hunspell-fr hunspell-en-us hunspell-es hunspell-it hunspell-de-de hunspell-pt-br hunspell-ru
  hunspell-ar hunspell-ca)
test=(chromium nodejs npm ca-certificates nginx-light zim-tools kiwix-tools)
bench=(wrk cmark-gfm sqlite3 hyperfine python3 curl libvips-tools libimage-exiftool-perl)

wanted=("${build[@]}")
case "$what" in
  build) ;;
  test) wanted+=("${test[@]}") ;;
  bench) wanted+=("${test[@]}" "${bench[@]}") ;;
  *) echo "usage: $0 [build|test|bench]" >&2; exit 2 ;;
esac

missing=()
for p in "${wanted[@]}"; do
  # An alternative already installed (a newer npm from nodesource, say) counts as present.
  case "$p" in
    nodejs|npm) command -v "${p/nodejs/node}" >/dev/null 2>&1 && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Run as root (or install these packages yourself): ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
