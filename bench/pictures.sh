#!/usr/bin/env bash
# Pictures (issue 13), end to end through the real server: uploading a 12-megapixel phone photo
# (decoded, cleaned and stored), making its resized copies, refusing a decompression bomb, a
# renamed PDF and a truncated JPEG, and the views of an article with three pictures (with wrk at
# 1 and 32 keep-alive connections).
# Usage: bench/pictures.sh [BUILD_DIR] [SECONDS] [UPLOADS]
#        (build first: scripts/build.sh kidwiki; needs vips, exiftool, curl, wrk, python3)
#        Writes bench/out/pictures.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/serve_as_admin.sh
build=${1:-build}
secs=${2:-10}
uploads=${3:-5}
out=$PWD/bench/out; mkdir -p "$out"
tmp=$(mktemp -d)
port=18490
base="http://127.0.0.1:$port"
cleanup() {
  [ -n "${kw_pid:-}" ] && kill "$kw_pid" 2>/dev/null || true
  sleep 0.5; rm -rf "$tmp"
}
trap cleanup EXIT

# The photo: 4000 x 3000 of noise over a gradient (noise is JPEG's worst case: 7 to 8 MB at
# quality 85, as large as a phone's photo gets), with a phone's EXIF: GPS, camera, orientation.
make_photo() {
  vips gaussnoise "$tmp/noise.v" 4000 3000 --mean 128 --sigma 40
  vips bandjoin "$tmp/noise.v $tmp/noise.v $tmp/noise.v" "$tmp/rgb.v"
  vips cast "$tmp/rgb.v" "$tmp/rgb8.v" uchar
  vips jpegsave "$tmp/rgb8.v" "$tmp/photo.jpg" --Q 85 --strip
  exiftool -q -overwrite_original -n -EXIF:Make=KidPhone -EXIF:Model="KidPhone 12" \
    -GPSLatitude=48.8584 -GPSLatitudeRef=N -GPSLongitude=2.2945 -GPSLongitudeRef=E \
    -XMP-dc:Creator="Secret Name" "$tmp/photo.jpg"
  # The same photo as a phone stores it sideways: cleaning must turn it (decoded whole, slower).
  cp "$tmp/photo.jpg" "$tmp/photo-sideways.jpg"
  exiftool -q -overwrite_original -n -EXIF:Orientation=6 "$tmp/photo-sideways.jpg"
}

# A real decompression bomb: a complete 50,000 x 50,000 grey PNG of one colour (2.5 gigapixels,
# 2.4 MB of file), written row by row so that the script never holds it either.
make_bomb() {
  python3 - "$tmp/bomb.png" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
w = h = 50000
with open(sys.argv[1], "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)))
    z = zlib.compressobj(9)
    row = bytes(w + 1)
    parts = []
    for _ in range(h):
        parts.append(z.compress(row))
    parts.append(z.flush())
    f.write(chunk(b"IDAT", b"".join(parts)))
    f.write(chunk(b"IEND", b""))
PY
}

make_photo
make_bomb
head -c "$(( $(stat -c %s "$tmp/photo.jpg") / 2 ))" "$tmp/photo.jpg" > "$tmp/truncated.jpg"
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' \
  > "$tmp/renamed.jpg"

serve_as_admin "$build" $port "$tmp"

# upload FILE NAME TYPE: prints "status seconds" and keeps the answer in $tmp/answer.json.
upload() {
  curl -s -o "$tmp/answer.json" -w '%{http_code} %{time_total}' -X POST -b "$tmp/jar" \
    -H "X-CSRF-Token: $csrf" -H "Content-Type: $3" --data-binary @"$1" \
    "$base/api/v1/fr/files/$2?confirm=1&description=Banc%20d%27essai"
}
json() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))$1)" "$tmp/answer.json"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { awk '{printf "%.0f", $1 * 1000}'; }
fetch_time() { curl -s -o "$tmp/fetched" -w '%{time_total}' "$base$1"; }

echo "photo: $(stat -c %s "$tmp/photo.jpg") bytes, 4000 x 3000; bomb: $(stat -c %s "$tmp/bomb.png") bytes"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo "| what | answer | median of $uploads | best |"
  echo "|---|---|---|---|"
  for kind in photo photo-sideways; do
    : > "$tmp/times"
    for i in $(seq "$uploads"); do
      # Each upload a different picture (one changed byte in the EXIF), so nothing is shared.
      exiftool -q -overwrite_original -EXIF:ImageDescription="copy $i" "$tmp/$kind.jpg"
      answer=$(upload "$tmp/$kind.jpg" "Bench_${kind}_$i.jpg" image/jpeg)
      code=${answer% *}; t=${answer#* }
      echo "$t" >> "$tmp/times"
    done
    echo "| upload of the 12-megapixel $kind (cleaned, stored, page saved) | $code | $(median < "$tmp/times" | ms) ms | $(sort -n "$tmp/times" | head -1 | ms) ms |"
  done
  # The copies an article shows, made the first time they are asked for, then served from disk.
  sizes=$(json '["file"]["sizes"]["220"]')
  for width in 220 440 880; do
    url=${sizes%/220.webp}/$width.webp
    first=$(fetch_time "$url"); again=$(fetch_time "$url")
    echo "| the $width-pixel copy, first asked (made) / again (from disk) | 200 | $(echo "$first" | ms) ms | $(echo "$again" | ms) ms |"
  done
  # Nothing of the phone's metadata may be left in what readers get.
  for f in full.jpg 220.webp 880.webp; do
    curl -sf -o "$tmp/served" "$base${sizes%/220.webp}/$f"
    if exiftool -q -q -GPS:all -EXIF:Make -XMP:all "$tmp/served" | grep -q .; then
      echo "metadata left in $f" >&2; exit 1
    fi
  done
  for refusal in "bomb.png image/png" "renamed.jpg image/jpeg" "truncated.jpg image/jpeg"; do
    set -- $refusal
    : > "$tmp/times"
    for i in 1 2 3; do
      answer=$(upload "$tmp/$1" "Refused_$i.${1##*.}" "$2")
      code=${answer% *}; t=${answer#* }
      echo "$t" >> "$tmp/times"
    done
    echo "| refusal of $1 ($(stat -c %s "$tmp/$1") bytes): $(json '["error"]["code"]') | $code | $(median < "$tmp/times" | ms) ms | $(sort -n "$tmp/times" | head -1 | ms) ms |"
  done
} | tee "$out/pictures.md"

# An article with three pictures (a sixth of the 12-megapixel photo's width each, as an article
# shows them), its copies made once before wrk starts.
for i in 1 2 3; do
  vips crop "$tmp/photo.jpg" "$tmp/part$i.jpg[Q=85]" $(( (i - 1) * 1300 )) 0 1300 975
  upload "$tmp/part$i.jpg" "Bench_part_$i.jpg" image/jpeg > /dev/null
done
python3 - "$tmp" tests/data/vikidia-fr/Chat.md <<'PY'
import json, sys
text = open(sys.argv[2]).read()
pictures = "".join(f"![Une image de banc d'essai {i}](Fichier:Bench_part_{i}.jpg)\n\n" for i in (1, 2, 3))
for name, markdown in (("plain", text), ("illustrated", pictures + text)):
    body = {"markdown": markdown, "summary": "bench", "base_revision_id": None}
    json.dump(body, open(f"{sys.argv[1]}/{name}.json", "w"))
PY
# Vikidia's "Chat" as it is, and the same text with three pictures above it.
for page in "Chat plain" "Chat_illustr%C3%A9 illustrated"; do
  set -- $page
  curl -sf -X PUT -b "$tmp/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    --data-binary @"$tmp/$2.json" "$base/api/v1/fr/pages/$1" > /dev/null
done
curl -sf -o "$tmp/article.html" "$base/fr/wiki/Chat_illustr%C3%A9"
grep -o '/media/[0-9a-f]*/[0-9a-z.]*' "$tmp/article.html" | sort -u > "$tmp/media-urls"
[ "$(grep -c . "$tmp/media-urls")" -ge 3 ] || { echo "the article shows no pictures" >&2; exit 1; }
while read -r u; do curl -sf -o /dev/null "$base$u"; done < "$tmp/media-urls"
one_picture=$(grep /440.webp "$tmp/media-urls" | head -1)

run() {  # name path connections
  local threads=2; [ "$3" -lt 2 ] && threads=1
  local r; r=$(wrk -t$threads -c"$3" -d"${secs}s" --latency "$base$2")
  echo "| $1 | $3 | $(echo "$r" | awk '/Requests\/sec/ {print $2}') | $(echo "$r" | awk '$1 == "50%" {print $2}') | $(echo "$r" | awk '$1 == "99%" {print $2}') |"
}
echo "article: $(stat -c %s "$tmp/article.html") bytes of HTML, $(grep -c . "$tmp/media-urls") picture addresses; load $(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo
  echo "| view | connections | requests/s | p50 | p99 |"
  echo "|---|---|---|---|---|"
  for c in 1 32; do
    run "article with three pictures" "/fr/wiki/Chat_illustr%C3%A9" $c
    run "the same article without pictures" "/fr/wiki/Chat" $c
    run "one 440-pixel copy" "$one_picture" $c
  done
} | tee -a "$out/pictures.md"
