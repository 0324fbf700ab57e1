#!/usr/bin/env bash
# Member register import (issue 12): 100,000 members from CSV and from .xlsx on SQLite and
# PostgreSQL, beside each engine's raw insert of the same rows, one process a scenario so each
# peak memory is its own; a smaller file beside the large one shows whether memory grows with
# the file. See docs/performance.md.
#   bench/register.sh [ROWS...]        (default: 20000 100000)
# PostgreSQL: COSO_BENCH_POSTGRES_URL (an admin URL; a fresh database is made per run),
# default postgres://postgres@127.0.0.1:5432/test; set it empty to skip PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=("${@:-20000 100000}")
read -r -a ROWS <<< "${ROWS[*]}"
PG="${COSO_BENCH_POSTGRES_URL-postgres://postgres@127.0.0.1:5432/test}"
cargo build --release -q -p coso-bench
BIN="${CARGO_TARGET_DIR:-target}/release/coso-bench-register"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%FT%TZ)"
engines=(sqlite)
[ -n "$PG" ] && engines+=("$PG")
for rows in "${ROWS[@]}"; do
  "$BIN" --scenario files --rows "$rows" >/dev/null
  for engine in "${engines[@]}"; do
    for scenario in raw csv xlsx; do
      "$BIN" --scenario "$scenario" --engine "$engine" --rows "$rows"
    done
  done
done
