#!/usr/bin/env bash
# HTTP load on the demo: a release coso serving the demo database, wrk at 1 and 32
# connections on the main reads of the API (the same use cases as the pages), then the
# server's peak RSS. See docs/performance.md.
#
#   bench/http.sh                     # SQLite (a fresh demo in a temporary folder)
#   bench/http.sh postgres            # PostgreSQL (database coso_http, recreated)
#   DURATION=10s bench/http.sh        # longer runs
set -euo pipefail

engine="${1:-sqlite}"
duration="${DURATION:-5s}"
port="${PORT:-18090}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p coso
coso="$target/release/coso"
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

case "$engine" in
  sqlite) url="sqlite://$work/coso.db" ;;
  postgres)
    pg="${PGURL:-postgres://postgres@127.0.0.1:5432}"
    psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS coso_http" -c "CREATE DATABASE coso_http" >/dev/null
    url="$pg/coso_http" ;;
  *) echo "engine: sqlite or postgres" >&2; exit 2 ;;
esac

start=$(date +%s.%N)
"$coso" --database-url "$url" demo >/dev/null 2>&1
echo "demo loaded in $(echo "$(date +%s.%N) - $start" | bc) s ($engine)"
token() { "$coso" --database-url "$url" token create --username "$1" | tail -1; }
city="$(token thanhuy)"
cell="$(token khoi9)"

"$coso" --database-url "$url" serve --bind "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

# name|token|path
reads=(
  "list city (25 of 3,259)|$city|/api/v1/members?org=LS"
  "list cell (25 of 51)|$cell|/api/v1/members?org=LS-HVT-K9"
  "search whole tree|$city|/api/v1/members?q=nguyen+van"
  "tree|$city|/api/v1/orgs/tree"
  "compliance, ward|$city|/api/v1/orgs/LS-HVT/compliance"
  "compliance, city|$city|/api/v1/orgs/LS/compliance"
  "superiors|$city|/api/v1/superiors"
)
printf '%-28s %12s %12s %10s %10s %8s\n' "read ($engine, $duration)" "req/s c=1" "req/s c=32" "p50 c=32" "p99 c=32" "32/1"
for r in "${reads[@]}"; do
  IFS='|' read -r name tok path <<<"$r"
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "authorization: Bearer $tok" "http://127.0.0.1:$port$path")
  [ "$code" = 200 ] || { echo "$name: HTTP $code" >&2; exit 1; }
  one=$(wrk -t1 -c1 -d"$duration" --latency -H "authorization: Bearer $tok" "http://127.0.0.1:$port$path")
  many=$(wrk -t2 -c32 -d"$duration" --latency -H "authorization: Bearer $tok" "http://127.0.0.1:$port$path")
  rps1=$(awk '/Requests\/sec/ {print $2}' <<<"$one")
  rps32=$(awk '/Requests\/sec/ {print $2}' <<<"$many")
  p50=$(awk '$1=="50%" {print $2}' <<<"$many")
  p99=$(awk '$1=="99%" {print $2}' <<<"$many")
  printf '%-28s %12s %12s %10s %10s %8.2f\n' "$name" "$rps1" "$rps32" "$p50" "$p99" "$(echo "$rps32 / $rps1" | bc -l)"
done
echo "peak RSS of the server: $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$server/status"), threads after the load: $(ls "/proc/$server/task" | wc -l)"
