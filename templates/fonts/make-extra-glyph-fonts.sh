#!/bin/sh
# Builds the small fonts that give the reports the signs the Tinos subsets of @fontsource/tinos lack (‰ U+2030,
# ≤ U+2264, ≥ U+2265), cut from Liberation Serif 2 (the design Tinos comes from; SIL Open Font License 1.1), in the
# four faces the reports use. Needs Debian's fonts-liberation2 and python3-fonttools + python3-brotli.
# Run from the repository root: sh templates/fonts/make-extra-glyph-fonts.sh
set -eu
src=/usr/share/fonts/truetype/liberation2
out=templates/fonts
for face in Regular:400-normal Bold:700-normal Italic:400-italic BoldItalic:700-italic; do
  name=${face%%:*}
  tag=${face#*:}
  /usr/bin/python3 -m fontTools.subset "$src/LiberationSerif-$name.ttf" --unicodes=U+2030,U+2264,U+2265 \
    --flavor=woff2 --layout-features='' --no-hinting --output-file="$out/liberation-serif-signs-$tag.woff2"
done
