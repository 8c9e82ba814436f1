#!/usr/bin/env bash
# Wall-clock ratios of one build of `benches/count.rs`: each loop (setup only, the strict
# hand-written baseline, `serde_json::Value`, `parse_event`, and `parse_event` then
# `to_chat_event`) runs in turn, alternating, and the best of the runs counts (the least
# disturbed by the machine's load); the setup (`none`) is subtracted. Instruction counts miss
# allocation costs: these are the README's ratios in time.
#
#   scripts/wallclock_ratios.sh [COUNT] [RUNS]   (then the in-process table: see the end)
#
# COUNT is a `count` binary (default: build it with `cargo bench --bench count --no-run`).
set -euo pipefail
bin=${1:-}
runs=${2:-15}
if [ -z "$bin" ]; then
  bin=$(cargo bench --bench count --no-run --message-format=json 2>/dev/null |
    python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "count" and m.get("executable"):
        print(m["executable"])')
fi
export COUNT_ROUNDS=${COUNT_ROUNDS:-2000}
declare -A best
for ((i = 0; i < runs; i++)); do
  for form in pretty compact; do
    for mode in none strict value event event_to; do
      t0=$(date +%s%N); "$bin" "$mode" "$form" >/dev/null; t1=$(date +%s%N)
      t=$((t1 - t0)); key="$mode,$form"
      if [ -z "${best[$key]:-}" ] || [ "$t" -lt "${best[$key]}" ]; then best[$key]=$t; fi
    done
  done
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
net() { echo $((best[$1,$2] - best[none,$2])); }
echo "| ratio (wall clock, best of $runs) | pretty | compact |"
echo "|---|---|---|"
echo "| \`parse_event\` / strict baseline | $(ratio "$(net event pretty)" "$(net strict pretty)")× | $(ratio "$(net event compact)" "$(net strict compact)")× |"
echo "| \`parse_event\` / \`serde_json::Value\` | $(ratio "$(net event pretty)" "$(net value pretty)")× | $(ratio "$(net event compact)" "$(net value compact)")× |"
echo "| \`parse_event\` then \`to_chat_event\` / \`parse_event\` | $(ratio "$(net event_to pretty)" "$(net event pretty)")× | $(ratio "$(net event_to compact)" "$(net event compact)")× |"
# The same ratios measured in one process (`count ratios`): each ratio's two loops, and no
# other, take turns in short blocks (A B B A), and the ratio is the median over the turns of
# the two loops' times in a turn, which the machine's drifting load moves least. The README's
# wall-clock table comes from these.
echo
echo "| ratio (wall clock, one process, its two loops A B B A, median of ${COUNT_BLOCKS:-100} turns, quartiles in brackets) | pretty | compact |"
echo "|---|---|---|"
declare -A inproc
for form in pretty compact; do
  while read -r line; do
    inproc[${line%: *},$form]=${line##*: }
  done < <(COUNT_BLOCKS=${COUNT_BLOCKS:-100} COUNT_ROUNDS=20 "$bin" ratios "$form")
done
for name in "parse_event / strict baseline" "parse_event / serde_json::Value" "parse_event then to_chat_event / parse_event"; do
  p=${inproc[$name,pretty]} c=${inproc[$name,compact]}
  echo "| $name | ${p%% *}× ${p#* } | ${c%% *}× ${c#* } |"
done
