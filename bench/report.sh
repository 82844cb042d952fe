#!/usr/bin/env bash
# Prints a results file (name, rps, p50 ms, p99 ms, pgbench tps) as a table with the ratio to
# PostgreSQL's ceiling and to the previous recorded run (bench/baseline.tsv), then issue 8's
# targets from the yardsticks file (C: pgbench of the bare page query; INSERT: a one-row insert),
# then offers the new numbers as the next baseline (bench/results/latest.tsv).
# Usage: report.sh results.tsv [yardsticks.tsv]
set -euo pipefail
results=$1
yardsticks=${2:-}
baseline="$(dirname "$0")/baseline.tsv"
printf '\n%-44s %9s %8s %8s %7s %10s %6s %7s\n' "scenario (64 connections)" "req/s" "p50 ms" "p99 ms" "p99/50" "pg tps" "vs pg" "vs prev"
while IFS=$'\t' read -r name rps p50 p99 pg; do
  prev=$(awk -F'\t' -v n="$name" '$1==n {print $2}' "$baseline" 2>/dev/null || true)
  vs_pg=$(awk -v a="$rps" -v b="$pg" 'BEGIN { if (b>0) printf "%.2f", a/b; else print "-" }')
  vs_prev=$(awk -v a="$rps" -v b="$prev" 'BEGIN { if (b>0) printf "%.2f", a/b; else print "-" }')
  tail=$(awk -v a="$p99" -v b="$p50" 'BEGIN { if (b>0) printf "%.1f", a/b; else print "-" }')
  printf '%-44s %9.0f %8s %8s %7s %10.0f %6s %7s\n' "$name" "$rps" "$p50" "$p99" "$tail" "$pg" "$vs_pg" "$vs_prev"
done < "$results"

if [ -n "$yardsticks" ] && [ -s "$yardsticks" ]; then
  echo
  echo "Issue 8 targets (C = pgbench of the bare page query, 64 clients, same run):"
  awk -F'\t' -v yard="$yardsticks" '
    BEGIN { while ((getline line < yard) > 0) { split(line, f, "\t"); y[f[1]] = f[2] } }
    { rps[$1] = $2; tail[$1] = ($3 > 0) ? $4 / $3 : 0; order[++n] = $1 }
    function row(label, value, goal, cmp,   ok) {
      ok = (cmp == ">=") ? (value >= goal) : (value <= goal)
      printf "  %-62s %6.2f  (target %s %.2f)  %s\n", label, value, cmp, goal, ok ? "met" : "NOT met"
    }
    function of(name, base) { return (name in rps && base > 0) ? rps[name] / base : -1 }
    END {
      printf "  C = %.0f tps (20k posts), %.0f tps (200k posts); one-row INSERT ... RETURNING = %.0f tps\n",
             y["C"], y["C (200k)"], y["INSERT"]
      s = "20k posts, 2.8k hits"; b = "200k posts, 28k hits"
      split("GET /posts?channel_id|GET /channels/:id/posts", lists, "|")
      for (i = 1; i <= 2; i++) {
        row(lists[i] " (" s ") / C", of(lists[i] " (" s ")", y["C"]), 0.5, ">=")
        row(lists[i] " (" b ") / C (200k)", of(lists[i] " (" b ")", y["C (200k)"]), 0.5, ">=")
      }
      split("GET /posts/search|GET /search", searches, "|")
      for (i = 1; i <= 2; i++) {
        row(searches[i] " (" s ") / C", of(searches[i] " (" s ")", y["C"]), 0.25, ">=")
        row(searches[i] " (" b ") / C (200k)", of(searches[i] " (" b ")", y["C (200k)"]), 0.25, ">=")
      }
      row("GET /feed (2k+500+50) / C", of("GET /feed (2k+500+50)", y["C"]), 0.3, ">=")
      row("POST /posts / INSERT", of("POST /posts", y["INSERT"]), 0.6, ">=")
      print "  growth, req/s at 200k posts / req/s at 20k (lose at most 20 %, search 30 %):"
      for (i = 1; i <= 2; i++) row("  " lists[i], of(lists[i] " (" b ")", rps[lists[i] " (" s ")"]), 0.8, ">=")
      for (i = 1; i <= 2; i++) row("  " searches[i], of(searches[i] " (" b ")", rps[searches[i] " (" s ")"]), 0.7, ">=")
      row("  GET /feed (20k+5k+500 vs 2k+500+50)", of("GET /feed (20k+5k+500)", rps["GET /feed (2k+500+50)"]), 0.8, ">=")
      worst = 0; for (i = 1; i <= n; i++) if (tail[order[i]] > worst) { worst = tail[order[i]]; wname = order[i] }
      row("worst p99/p50: " wname, worst, 4, "<=")
    }' "$results"
fi

mkdir -p "$(dirname "$0")/results"
cp "$results" "$(dirname "$0")/results/latest.tsv"
echo
echo "vs pg: hub req/s divided by pgbench tps of the same SQL with 64 clients in the same run."
echo "vs prev: divided by bench/baseline.tsv. To make this run the baseline: cp bench/results/latest.tsv bench/baseline.tsv"
