#!/usr/bin/env bash
# Issue 17's benchmarks: marking against its peers on real files, measured in one run, interleaved
# (round-robin, REPS rounds), reporting medians of wall and CPU (user+sys) seconds, the peers' ratio
# (peer time / marking time: 1 means as fast as the peer) and the load average at the start and end.
#
#   bench/run.sh [verify|stamp|copies|docx|startup|scaling|all]...     (default: all; scaling is not in all)
#
# MARKING   the command that runs marking (default: the ./marking launcher, which uses the CDS archive)
# BEFORE    optional second marking command measured in the same rounds (e.g. "java -jar old.jar")
# REPS      rounds (default 5); BENCH_DIR the inputs (bench/inputs.sh builds them; run first if missing)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
dir="${BENCH_DIR:-$here/target}"
reps="${REPS:-5}"
marking="${MARKING:-$repo/marking}"
before="${BEFORE:-}"
tika="$dir/cache/tika-app-3.2.2.jar"
today=2026-12-01
[ -f "$dir/big134.pdf" ] || BENCH_DIR="$dir" "$here/inputs.sh" >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
TIMEFORMAT='%R %U %S'

# runs "name|command" entries REPS times round-robin; prints one median line per entry
interleave() {
  local -a names cmds
  local e i r
  for e in "$@"; do names+=("${e%%|*}"); cmds+=("${e#*|}"); done
  for ((r = 1; r <= reps; r++)); do
    for i in "${!cmds[@]}"; do
      { time bash -c "${cmds[$i]}" >/dev/null 2>"$work/err.$i"; } 2>>"$work/t.$i" || true
      if [ "$r" = 1 ] && [ -s "$work/err.$i" ] && grep -q -e OutOfMemoryError -e Exception "$work/err.$i"; then
        echo "  ${names[$i]}: $(grep -m1 -e OutOfMemoryError -e Exception "$work/err.$i")" >&2
      fi
    done
  done
  for i in "${!cmds[@]}"; do
    # bash's time appends one line per run; keep the numeric ones
    grep -E '^[0-9.]+ [0-9.]+ [0-9.]+$' "$work/t.$i" > "$work/runs.$i"
    local w c
    w=$(awk '{print $1}' "$work/runs.$i" | sort -g | tr '\n' ' ')
    c=$(awk '{print $2 + $3}' "$work/runs.$i" | sort -g | tr '\n' ' ')
    echo "${names[$i]} $(median $w) $(median $c) $(echo $w | awk '{print $1}') $(echo $w | awk '{print $NF}')"
    rm -f "$work/t.$i"
  done
}

median() { local a=("$@"); echo "${a[$(( (${#a[@]} - 1) / 2 ))]}"; }

# prints the table for a block of medians, ratios against the first entry (marking)
table() {
  awk -v title="$1" '
    { n[NR] = $1; w[NR] = $2; c[NR] = $3; lo[NR] = $4; hi[NR] = $5 }
    END {
      printf "\n== %s (median of '"$reps"'; wall min..max)\n", title
      printf "%-26s %8s %8s %15s %10s %10s\n", "command", "wall s", "cpu s", "wall range", "ratio", "cpu ratio"
      for (i = 1; i <= NR; i++) {
        r = i == 1 ? "" : sprintf("%.3f", w[i] / w[1]); rc = i == 1 ? "" : sprintf("%.3f", c[i] / c[1])
        printf "%-26s %8.2f %8.2f %7.2f..%-7.2f %10s %10s\n", n[i], w[i], c[i], lo[i], hi[i], r, rc
      }
      print "(ratio = peer time / marking time: 1 = marking as fast as the peer, 0.5 = twice as slow)"
    }'
}

load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"; }

peers_text() {
  for f in "$dir"/verify/*.pdf; do pdftotext -q "$f" - ; done
  for f in "$dir"/verify/*.docx; do unzip -p "$f" 'word/*.xml' 2>/dev/null; done
}
export -f peers_text
export dir

bench_verify() {
  local -a e=("marking|$marking verify --format json --today $today $dir/verify")
  [ -n "$before" ] && e+=("marking-before|$before verify --format json --today $today $dir/verify")
  e+=("pdftotext+unzip|peers_text")
  e+=("tika-batch|rm -rf $work/tika && java -jar $tika -t -i $dir/verify -o $work/tika")
  interleave "${e[@]}" | table "verify $(ls "$dir/verify" | wc -l) corpus files"
}

bench_stamp() {
  local -a e=("marking|rm -rf $work/s && $marking stamp --level 机密 --term 5年 -o $work/s $dir/big134.pdf")
  [ -n "$before" ] && e+=("marking-before|rm -rf $work/sb && $before stamp --level 机密 --term 5年 -o $work/sb $dir/big134.pdf")
  e+=("qpdf-overlay|qpdf $dir/big134.pdf --overlay $dir/stamp-page.pdf --repeat=1 -- $work/q.pdf")
  interleave "${e[@]}" | table "stamp big134.pdf (134 pages)"
}

bench_copies() {
  local -a e=("marking|rm -rf $work/c && $marking stamp --level 机密 --term 5年 --copies 1-50 --ledger $work/c/ledger.jsonl -o $work/c $dir/big134.pdf")
  [ -n "$before" ] && e+=("marking-before|rm -rf $work/cb && $before stamp --level 机密 --term 5年 --copies 1-50 --ledger $work/cb/ledger.jsonl -o $work/cb $dir/big134.pdf")
  e+=("qpdf-overlay-loop|for i in \$(seq 50); do qpdf $dir/big134.pdf --overlay $dir/stamp-page.pdf --repeat=1 -- $work/q\$i.pdf; done")
  interleave "${e[@]}" | table "50 copies of big134.pdf with a ledger"
  rm -rf "$work/c" && bash -c "$marking stamp --level 机密 --term 5年 --copies 1-50 --ledger $work/c/ledger.jsonl -o $work/c $dir/big134.pdf" >/dev/null 2>&1
  local size base
  size=$(stat -c %s "$dir/big134.pdf")
  base=$(for f in "$work"/c/*.pdf; do stat -c %s "$f"; done | sort -n | head -1)
  echo "copies: $(ls "$work"/c/*.pdf | wc -l) files, smallest $base bytes; per-copy update (copy - common prefix with copy 1):"
  local first; first=$(ls "$work"/c/*.pdf | head -1)
  for f in $(ls "$work"/c/*.pdf | sed -n '2p;50p'); do
    local common; common=$(cmp "$first" "$f" 2>/dev/null | awk '{print $5}' | tr -d ,)
    echo "  $(basename "$f"): $(( $(stat -c %s "$f") - ${common:-0} + 1 )) bytes differ from offset $common of $(stat -c %s "$f")"
  done
}

bench_docx() {
  local -a e=("marking-Xmx512m|JAVA_TOOL_OPTIONS=-Xmx512m $marking verify --today $today $dir/big-runs.docx")
  [ -n "$before" ] && e+=("marking-before-Xmx512m|JAVA_TOOL_OPTIONS=-Xmx512m $before verify --today $today $dir/big-runs.docx")
  e+=("unzip-p|unzip -p $dir/big-runs.docx 'word/*.xml'")
  interleave "${e[@]}" | table "verify big-runs.docx (100 MB document.xml) under -Xmx512m"
}

bench_startup() {
  printf '机密★5年\n一份说明。\n' > "$work/one.txt"
  local -a e=("marking|$marking verify --today $today $work/one.txt")
  [ -n "$before" ] && e+=("marking-before|$before verify --today $today $work/one.txt")
  e+=("java-version|java -version")
  interleave "${e[@]}" | table "verify one.txt (start-up)"
}

bench_scaling() {
  interleave "verify-threads-1|$marking verify --threads 1 --format json --today $today $dir/verify" \
    "verify-threads-2|$marking verify --threads 2 --format json --today $today $dir/verify" \
    | table "verify, 1 thread (first) against 2 threads: ratio = speed-up"
  interleave "copies-threads-1|rm -rf $work/t1 && $marking stamp --threads 1 --level 机密 --term 5年 --copies 1-50 --ledger $work/t1/l.jsonl -o $work/t1 $dir/big134.pdf" \
    "copies-threads-2|rm -rf $work/t2 && $marking stamp --threads 2 --level 机密 --term 5年 --copies 1-50 --ledger $work/t2/l.jsonl -o $work/t2 $dir/big134.pdf" \
    | table "50 copies, 1 thread (first) against 2 threads: ratio = speed-up"
}

load
for what in "${@:-all}"; do
  case "$what" in
    all) bench_verify; bench_stamp; bench_copies; bench_docx; bench_startup ;;
    verify|stamp|copies|docx|startup|scaling) "bench_$what" ;;
    *) echo "unknown benchmark: $what" >&2; exit 2 ;;
  esac
done
load
