#!/usr/bin/env bash
# Prints a results file (name, rps, p50 ms, p99 ms, pgbench tps) as a table with the ratio to
# PostgreSQL's ceiling and to the previous recorded run (bench/baseline.tsv), then offers the
# new numbers as the next baseline (bench/results/latest.tsv).
set -euo pipefail
results=$1
baseline="$(dirname "$0")/baseline.tsv"
printf '\n%-34s %10s %9s %9s %12s %9s %10s\n' "scenario (64 connections)" "req/s" "p50 ms" "p99 ms" "pg tps" "vs pg" "vs prev"
while IFS=$'\t' read -r name rps p50 p99 pg; do
  prev=$(awk -F'\t' -v n="$name" '$1==n {print $2}' "$baseline" 2>/dev/null || true)
  vs_pg=$(awk -v a="$rps" -v b="$pg" 'BEGIN { if (b>0) printf "%.2f", a/b; else print "-" }')
  vs_prev=$(awk -v a="$rps" -v b="$prev" 'BEGIN { if (b>0) printf "%.2f", a/b; else print "-" }')
  printf '%-34s %10.0f %9s %9s %12.0f %9s %10s\n' "$name" "$rps" "$p50" "$p99" "$pg" "$vs_pg" "$vs_prev"
done < "$results"
mkdir -p "$(dirname "$0")/results"
cp "$results" "$(dirname "$0")/results/latest.tsv"
echo
echo "vs pg: hub req/s divided by pgbench tps of the same SQL with 64 clients in the same run."
echo "vs prev: divided by bench/baseline.tsv. To make this run the baseline: cp bench/results/latest.tsv bench/baseline.tsv"
