#!/usr/bin/env bash
# Copies per second with each ledger store (issue 21): N numbered copies of one small document in one
# `marking stamp` run per store (JVM start included), ROUNDS rounds interleaved jsonl → sqlite → postgresql.
# PostgreSQL is a throwaway cluster started here (Debian's postgresql: initdb, pg_ctl) on a free port of
# 127.0.0.1, as the user postgres when run as root; the password reaches marking through PGPASSWORD.
# Prints one line per run: store, document, copies, wall s, CPU s of the marking process (user+sys), copies/s.
#
#   bench/ledger-stores.sh                              # 200 copies of examples/documents/公开通报.txt
#   N=100 DOC=examples/documents/年度工作总结.pdf ROUNDS=3 bench/ledger-stores.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-200}"
DOC="${DOC:-examples/documents/公开通报.txt}"
ROUNDS="${ROUNDS:-1}"
THREADS="${THREADS:-2}"
jar=marking-cli/target/marking.jar
[ -f "$jar" ] || ./mvnw -B -q -o -DskipTests -Dinvoker.skip -Dcheckstyle.skip package -pl marking-cli -am
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d /tmp/marking-ledger-bench-XXXXXX)
as=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$work"
  as=(runuser -u postgres --)
fi
export PGPASSWORD="bench-$RANDOM$RANDOM"
printf '%s\n' "$PGPASSWORD" > "$work/pw"
[ "$(id -u)" = 0 ] && chown postgres "$work/pw"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as[@]}" "$bin/initdb" -D "$work/data" -U marking --pwfile="$work/pw" --auth=scram-sha-256 -E UTF8 --locale=C \
  >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
trap '"${as[@]}" "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null; rm -rf "$work"' EXIT
psql -q -h 127.0.0.1 -p "$port" -U marking -d postgres -c 'CREATE DATABASE ledger' >/dev/null
export LC_ALL=C.UTF-8
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  for store in jsonl sqlite postgresql; do
    case $store in
      jsonl) loc="$work/r$round.jsonl" ;;
      sqlite) loc="sqlite:$work/r$round.db" ;;
      postgresql) loc="postgresql://marking@127.0.0.1:$port/ledger?ledger=r$round" ;;
    esac
    out="$work/out-$store-$round"
    t=$( { /usr/bin/time -f '%e %U %S' java -jar "$jar" stamp --level 机密 --term 5 --copies "$N" \
      --threads "$THREADS" --ledger "$loc" -o "$out" "$DOC" >/dev/null; } 2>&1 | tail -1)
    read -r wall user sys <<<"$t"
    n=$(find "$out" -type f ! -name '.marking-*' | wc -l)
    [ "$n" = "$N" ] || { echo "$store: $n copies written, $N expected" >&2; exit 1; }
    echo "$store $(basename "$DOC") $N wall=${wall}s cpu=$(echo "$user + $sys" | bc)s copies/s=$(echo "scale=1; $N / $wall" | bc)"
  done
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
