#!/usr/bin/env bash
# JMH benchmarks of the hot paths (bench/jmh/*.java) against the CLI jar: JMH 1.37 is fetched into the bench
# cache with Maven (never a project dependency), the benchmarks compiled with javac and run.
#   bench/jmh.sh [JMH options, e.g. -p file=pdf/pdfbox_cweb.pdf -prof gc]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
out="${BENCH_DIR:-$here/target}"
jar="${MARKING_JAR:-$repo/marking-cli/target/marking.jar}"
corpus="$(cd "${MARKING_CORPUS:-$repo/../shared/corpus}" && pwd)"
lib="$out/cache/jmh"
mkdir -p "$lib" "$out/jmh-classes"
for a in org.openjdk.jmh:jmh-core:1.37 org.openjdk.jmh:jmh-generator-annprocess:1.37 \
    net.sf.jopt-simple:jopt-simple:5.0.4 org.apache.commons:commons-math3:3.6.1; do
  name="$(echo "$a" | cut -d: -f2)-$(echo "$a" | cut -d: -f3).jar"
  [ -f "$lib/$name" ] || "$repo/mvnw" -B -q dependency:copy -Dartifact="$a" -DoutputDirectory="$lib" >&2
done
cp="$jar:$(ls "$lib"/*.jar | tr '\n' ':')"
javac -cp "$cp" -d "$out/jmh-classes" "$here"/jmh/*.java
exec java -Dmarking.corpus="$corpus" -cp "$out/jmh-classes:$cp" org.openjdk.jmh.Main "$@"
