#!/usr/bin/env bash
# Builds the benchmark inputs of issue 17 from the real-world corpus into $BENCH_DIR (default bench/target):
#   verify/      copies of the corpus's docx/ and pdf/ files, the set `marking verify DIR` and the peers read
#   big134.pdf   pdfbox_cweb.pdf x3 + the WARN report + the federal register + GeoBase, joined by qpdf (134 pages)
#   big-runs.docx  a DOCX whose word/document.xml is 100 MB of small formatted runs (about 7.7 MB on disk)
#   stamp-page.pdf one A4 page carrying marking's stamp, for the `qpdf --overlay` peer
#   cache/tika-app-3.2.2.jar  Apache Tika's application jar (fetched with Maven, never a project dependency)
# Needs qpdf, gs and a JDK; MARKING_CORPUS overrides the corpus folder (default ../shared/corpus).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
out="${BENCH_DIR:-$here/target}"
corpus="${MARKING_CORPUS:-$repo/../shared/corpus}"
tika_version=3.2.2
mkdir -p "$out/cache"

if [ ! -d "$out/verify" ]; then
  mkdir -p "$out/verify"
  for f in "$corpus"/docx/*.docx "$corpus"/pdf/*.pdf; do
    cp "$f" "$out/verify/"
  done
fi
echo "verify set: $(ls "$out/verify" | wc -l) files ($(ls "$out/verify" | grep -c '\.docx$') docx, $(ls "$out/verify" | grep -c '\.pdf$') pdf)"

if [ ! -f "$out/big134.pdf" ]; then
  p="$corpus/pdf"
  qpdf --empty --pages "$p/pdfbox_cweb.pdf" "$p/pdfbox_cweb.pdf" "$p/pdfbox_cweb.pdf" \
    "$p/plumber_WARN-Report-for-7-1-2015-to-03-25-2016.pdf" "$p/plumber_federal-register-2020-17221.pdf" \
    "$p/pypdf_GeoBase_NHNC1_Data_Model_UML_EN.pdf" -- "$out/big134.pdf"
fi
echo "big134.pdf: $(qpdf --show-npages "$out/big134.pdf") pages, $(stat -c %s "$out/big134.pdf") bytes"

if [ ! -f "$out/big-runs.docx" ]; then
  java "$here/BigRunsDocx.java" "$out/big-runs.docx" 100
fi
echo "big-runs.docx: $(stat -c %s "$out/big-runs.docx") bytes, word/document.xml $(unzip -l "$out/big-runs.docx" word/document.xml | awk 'NR==4 {print $1}') bytes"

if [ ! -f "$out/stamp-page.pdf" ]; then
  gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -sPAPERSIZE=a4 -dFIXEDMEDIA -o "$out/blank.pdf" -c showpage
  rm -rf "$out/stamp-tmp"
  java -jar "${MARKING_JAR:-$repo/marking-cli/target/marking.jar}" stamp --level 机密 --term 5年 -o "$out/stamp-tmp" \
    "$out/blank.pdf" >/dev/null
  mv "$out/stamp-tmp/blank.pdf" "$out/stamp-page.pdf"
  rm -rf "$out/stamp-tmp" "$out/blank.pdf"
fi

if [ ! -f "$out/cache/tika-app-$tika_version.jar" ]; then
  "$repo/mvnw" -B -q dependency:copy -Dartifact=org.apache.tika:tika-app:$tika_version \
    -DoutputDirectory="$out/cache" >&2
fi
echo "tika: $out/cache/tika-app-$tika_version.jar"
