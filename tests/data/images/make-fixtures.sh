#!/usr/bin/env bash
# Makes the image fixtures of tests/engine/image_*_test.cpp (see README.md in this folder).
# Needs Debian 12's libvips-tools and libimage-exiftool-perl; the tests themselves need neither.
# Usage: tests/data/images/make-fixtures.sh   (writes into the folder it lives in)
set -euo pipefail
out=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# A picture with a red square in its top-left corner on blue: after a rotation, where the square
# went says which way the picture turned.
picture() {  # width height file.v
  vips black black.v "$1" "$2" --bands 3
  vips linear black.v blue.v "1 1 1" "30 60 200" --uchar
  vips draw_rect blue.v "220 20 20" 0 0 16 16 --fill
  mv blue.v "$3"
}

# phone.jpg: a photo as a phone takes it, stored sideways (EXIF orientation 6: turn it a quarter
# to the right to show it) with GPS position, camera, XMP, IPTC and a comment.
picture 64 48 phone.v
vips jpegsave phone.v phone.jpg --Q 85 --strip
exiftool -q -overwrite_original -n \
  -EXIF:Orientation=6 -EXIF:Make=KidPhone -EXIF:Model="KidPhone 12" \
  -EXIF:Artist="Secret Name" \
  -GPSLatitude=48.8584 -GPSLatitudeRef=N -GPSLongitude=2.2945 -GPSLongitudeRef=E \
  -GPSProcessingMethod=GPS \
  -XMP-dc:Creator="Secret Name" -XMP-dc:Description="secret xmp description" \
  -IPTC:By-line="Secret Photographer" -IPTC:City="Secret City" \
  -Comment="secret jpeg comment" phone.jpg

# wide.jpg: a plain landscape photo of 440 x 330, wider than an article's picture.
picture 440 330 wide.v
vips jpegsave wide.v wide.jpg --Q 85 --strip

# cmyk.jpg: a CMYK JPEG without profile (printers' files): it must come out as sRGB.
picture 64 48 cmyk-source.v
vips icc_transform cmyk-source.v cmyk.v cmyk
vips jpegsave cmyk.v cmyk.jpg --Q 85 --strip

# profile.png: a PNG with a Display P3 ICC profile, a tEXt comment and EXIF with GPS.
picture 40 30 profile-source.v
vips icc_transform profile-source.v profile.png p3
exiftool -q -overwrite_original -n -PNG:Comment="secret png comment" \
  -EXIF:Artist="Secret Name" -GPSLatitude=48.8584 -GPSLatitudeRef=N -GPSProcessingMethod=GPS \
  profile.png

# lossy.webp and lossless.webp (with alpha), with EXIF GPS and XMP.
picture 50 40 webp-source.v
vips webpsave webp-source.v lossy.webp --Q 80 --strip
vips bandjoin_const webp-source.v webp-alpha.v 200
vips webpsave webp-alpha.v lossless.webp --lossless --strip
# (-q -q: exiftool warns that a WebP without EXIF has an "improper EXIF header"; it has none yet.)
for f in lossy.webp lossless.webp; do
  exiftool -q -q -overwrite_original -n -EXIF:Artist="Secret Name" -GPSLatitude=48.8584 \
    -GPSLatitudeRef=N -GPSProcessingMethod=GPS -XMP-dc:Creator="Secret Name" "$f"
done

# animated.gif: three frames of 32 x 24 (red, green, blue) and a comment; only the red one stays.
vips black frame.v 32 24 --bands 3
vips linear frame.v red.v "1 1 1" "220 20 20" --uchar
vips linear frame.v green.v "1 1 1" "20 200 20" --uchar
vips linear frame.v blue.v "1 1 1" "20 20 220" --uchar
vips join red.v green.v red-green.v vertical
vips join red-green.v blue.v frames.v vertical
vips gifsave frames.v animated.gif --page-height 24
exiftool -q -overwrite_original -Comment="secret gif comment" animated.gif

# pdf-named.jpg: a one-page PDF with a picture's name; drawing.svg: a drawing in SVG. libvips
# would read both (through poppler and librsvg), which is why the engine never lets it choose.
cat > pdf-named.jpg <<'PDF'
%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 64 48] >> endobj
trailer << /Root 1 0 R >>
%%EOF
PDF
cat > drawing.svg <<'SVG'
<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48">
  <rect width="64" height="48" fill="#1e3cc8"/>
  <rect width="16" height="16" fill="#dc1414"/>
</svg>
SVG

cp phone.jpg wide.jpg cmyk.jpg profile.png lossy.webp lossless.webp animated.gif pdf-named.jpg drawing.svg \
  "$out/"
