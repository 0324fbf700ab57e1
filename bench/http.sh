#!/usr/bin/env bash
# HTTP load on a fresh database: a release coso serving the Lạng Sơn demo (or a generated
# city, province or country, `coso demo --scale`), wrk at 1 and 32 connections on the main
# reads of the API (the same use cases as the pages), then the server's peak RSS. See
# docs/performance.md.
#
#   bench/http.sh                     # SQLite, the demo (a fresh file in a temporary folder)
#   bench/http.sh postgres            # PostgreSQL (database coso_http, recreated)
#   bench/http.sh sqlite province     # SQLite, a generated province (450,000 members)
#   DURATION=10s bench/http.sh        # longer runs
#   DATABASE_URL=postgres://…/coso_nation bench/http.sh postgres national
#                                     # a database generated before (`coso demo --scale`): not
#                                     # recreated, only its accounts for the bench are added
set -euo pipefail

engine="${1:-sqlite}"
scale="${2:-demo}"
duration="${DURATION:-5s}"
port="${PORT:-18090}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p coso
coso="$target/release/coso"
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

given="${DATABASE_URL:-}"
if [ -n "$given" ]; then
  url="$given"
else
  case "$engine" in
    sqlite) url="sqlite://$work/coso.db" ;;
    postgres)
      pg="${PGURL:-postgres://postgres@127.0.0.1:5432}"
      psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS coso_http" -c "CREATE DATABASE coso_http" >/dev/null
      url="$pg/coso_http" ;;
    *) echo "engine: sqlite or postgres" >&2; exit 2 ;;
  esac
fi

start=$(date +%s.%N)
token() { "$coso" --database-url "$url" token create --username "$1" | tail -1; }
if [ -n "$given" ]; then
  # A database generated before: the bench's two accounts, added once.
  for a in "huyen city H000" "coso1 org_admin H000-000"; do
    set -- $a
    echo "matkhau-$1-bench" | "$coso" --database-url "$url" user add --username "$1" --role "$2" --org "$3" --password-stdin >/dev/null 2>&1 || true
  done
  city="$(token huyen)"; cell="$(token coso1)"; whole="$(token admin)"
  unit=H000; small=H000-000; ward=H000-000
elif [ "$scale" = demo ]; then
  "$coso" --database-url "$url" demo >/dev/null 2>&1
  city="$(token thanhuy)"; cell="$(token khoi9)"; whole="$city"
  unit=LS; small=LS-HVT-K9; ward=LS-HVT
else
  "$coso" --database-url "$url" demo --scale "$scale" --seed 7 >/dev/null 2>&1
  # The first district committee plays the city; its first TCCSĐ the small unit.
  echo "matkhau-huyen" | "$coso" --database-url "$url" user add --username huyen --role city --org H000 --password-stdin >/dev/null
  echo "matkhau-coso1" | "$coso" --database-url "$url" user add --username coso1 --role org_admin --org H000-000 --password-stdin >/dev/null
  city="$(token huyen)"; cell="$(token coso1)"; whole="$(token admin)"
  unit=H000; small=H000-000; ward=H000-000
fi
echo "$scale loaded in $(echo "$(date +%s.%N) - $start" | bc) s ($engine)"

"$coso" --database-url "$url" serve --bind "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

# name|token|path
reads=(
  "list of the unit ($unit)|$city|/api/v1/members?org=$unit"
  "list of a small unit|$cell|/api/v1/members?org=$small"
  "list of the whole tree|$whole|/api/v1/members"
  "search whole tree|$whole|/api/v1/members?q=nguyen+van"
  "tree level of the unit|$city|/api/v1/orgs/tree/level"
  "tree of the unit, whole|$city|/api/v1/orgs/tree"
  "compliance, small unit|$city|/api/v1/orgs/$ward/compliance"
  "compliance, the unit|$city|/api/v1/orgs/$unit/compliance"
  "superiors of the unit|$city|/api/v1/superiors"
)
printf '%-30s %12s %12s %10s %10s %10s %8s\n' "read ($engine, $scale, $duration)" "req/s c=1" "req/s c=32" "p50 c=32" "p90 c=32" "p99 c=32" "32/1"
for r in "${reads[@]}"; do
  IFS='|' read -r name tok path <<<"$r"
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "authorization: Bearer $tok" "http://127.0.0.1:$port$path")
  [ "$code" = 200 ] || { echo "$name: HTTP $code" >&2; exit 1; }
  one=$(wrk -t1 -c1 -d"$duration" --latency -H "authorization: Bearer $tok" "http://127.0.0.1:$port$path")
  many=$(wrk -t2 -c32 -d"$duration" --latency -H "authorization: Bearer $tok" "http://127.0.0.1:$port$path")
  rps1=$(awk '/Requests\/sec/ {print $2}' <<<"$one")
  rps32=$(awk '/Requests\/sec/ {print $2}' <<<"$many")
  p50=$(awk '$1=="50%" {print $2}' <<<"$many")
  p90=$(awk '$1=="90%" {print $2}' <<<"$many")
  p99=$(awk '$1=="99%" {print $2}' <<<"$many")
  printf '%-30s %12s %12s %10s %10s %10s %8.2f\n' "$name" "$rps1" "$rps32" "$p50" "$p90" "$p99" "$(echo "$rps32 / $rps1" | bc -l)"
done
echo "peak RSS of the server: $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$server/status"), threads after the load: $(ls "/proc/$server/task" | wc -l)"
