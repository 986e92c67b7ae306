#!/usr/bin/env bash
# By-hand benchmark (not a test): generates a document repository of N text/Markdown documents and
# times `mvn verify` (marking:check) twice — the first run reads every document, the second answers
# them from the cache. Needs the plugin built first:
#   ./mvnw -B verify -pl maven-plugin -am        (ITs install it into maven-plugin/target/local-repo)
# Usage: maven-plugin/bench/run.sh [N=2000] [DIR=/tmp/marking-bench]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-2000}"
dir="${2:-/tmp/marking-bench}"
repo="$root/maven-plugin/target/local-repo"
[ -d "$repo/dev/marking/marking-maven-plugin" ] || { echo "build the plugin first (see the header)"; exit 2; }

rm -rf "$dir" && mkdir -p "$dir"
sed 's#<artifactId>doc-repo</artifactId>#<artifactId>bench</artifactId>#' "$root/examples/doc-repo/pom.xml" > "$dir/pom.xml"
sed "s#@localRepositoryUrl@#file://$HOME/.m2/repository#" "$root/maven-plugin/src/it/settings.xml" > "$dir/settings.xml"
marks=(机密★5年 秘密★3年 秘密★10年 绝密★20年 公开 非密 机密★2030年12月31日 秘密★6个月)
para='根据年度工作安排，各单位应当按照职责分工，认真落实各项任务，确保按期完成。有关情况报告如下。'
for ((i = 0; i < n; i++)); do
  d="$dir/docs/d$((i % 40))"
  mkdir -p "$d"
  ext=md; ((i % 2)) && ext=txt
  mark="${marks[i % ${#marks[@]}]}"
  ((i % 100 == 0)) && mark='机密☆五年'   # a few non-canonical marks: warnings
  {
    printf '%s\n\n文件%04d\n\n' "$mark" "$i"
    for ((p = 0; p < 5 + i % 30; p++)); do printf '%s%s\n\n' "$para" "$para"; done
  } > "$d/文件$(printf %04d "$i").$ext"
done
echo "generated $n documents ($(du -sh "$dir/docs" | cut -f1)) in $dir; load: $(cut -d' ' -f1-3 /proc/loadavg)"

for run in first second; do
  start=$(date +%s.%N)
  (cd "$dir" && "$root/mvnw" -o -B verify -s settings.xml -Dmaven.repo.local="$repo" -Dmarking.lang=en > "$run.log" 2>&1) || true
  end=$(date +%s.%N)
  printf '%-6s run: mvn verify %.1f s wall; %s\n' "$run" "$(echo "$end - $start" | bc)" \
    "$(grep -o 'marking: [0-9]* files.*' "$dir/$run.log")"
done
