#!/usr/bin/env bash
# Redraws the demo wiki's pictures: engine/demo/pictures/src/NAME.svg -> engine/demo/pictures/NAME.png,
# 880 pixels wide, without metadata, with libvips' command line (apt-get install libvips-tools).
# Run by hand after changing a drawing, then commit the SVG and the PNG together. Never run by the
# build: the PNGs are committed, so building or seeding needs neither vips nor an SVG renderer.
# Usage: scripts/make-demo-pictures.sh [NAME...]   (no NAME: every drawing in src/)
set -euo pipefail
cd "$(dirname "$0")/../engine/demo/pictures"
command -v vips >/dev/null || { echo "vips is missing: apt-get install -y --no-install-recommends libvips-tools" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ $# -gt 0 ]; then names=("$@"); else names=(); for f in src/*.svg; do names+=("$(basename "$f" .svg)"); done; fi
for name in "${names[@]}"; do
  [ -f "src/$name.svg" ] || { echo "no drawing src/$name.svg" >&2; exit 1; }
  vips thumbnail "src/$name.svg" "$tmp/$name.png" 880
  # [strip]: no metadata in the committed file. Flat colours keep each PNG near 30 to 50 KB; if a new
  # drawing comes out much bigger, "vips pngsave in.png out.png --strip --compression 9 --palette"
  # divides it by two or three.
  vips copy "$tmp/$name.png" "$name.png[strip]"
  echo "$name.png: $(vipsheader "$name.png" | cut -d' ' -f2), $(stat -c %s "$name.png") bytes"
done
