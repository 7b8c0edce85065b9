#!/bin/sh
# The pictures of the Word outputs in docs/word.md (docs/pictures/, shipped in the package): the first page of the sample's
# Word draft, its redline and its amendment sheet, as LibreOffice renders them.
# Needs `npm run build` and Debian's libreoffice-writer-nogui, fonts-liberation
# (metric-compatible with Times New Roman) and poppler-utils (pdftoppm).
# Run from the repository: sh test/word/pictures/make.sh
set -eu
here=docs/pictures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node bin/opinion.js build opinions/see-migrants --to docx --out "$tmp/build" --quiet >/dev/null
cp "$tmp/build/see-migrants/en/opinion.docx" "$tmp/draft.docx"
# diff exits 1: the versions differ.
node bin/opinion.js diff opinions/see-migrants-preliminary opinions/see-migrants --out "$tmp/redline.docx" --quiet || [ $? -eq 1 ]
node bin/opinion.js diff opinions/see-migrants-preliminary opinions/see-migrants --format amendments --out "$tmp/amendments.docx" --quiet || [ $? -eq 1 ]
soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/draft.docx" "$tmp/redline.docx" "$tmp/amendments.docx" >/dev/null
for name in draft redline amendments; do
  pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/$name.pdf" "$here/$name"
done
ls "$here"/*.png
