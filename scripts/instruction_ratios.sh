#!/usr/bin/env bash
# Prints the README's performance tables from instruction counts (valgrind's callgrind), which
# do not depend on the machine's load. Needs valgrind (apt-get install valgrind) and all vendor
# features (the default). Each ratio divides two counts of the same loop, setup subtracted.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --bench count --no-run 2>/dev/null
bin=$(ls -t target/release/deps/count-* | grep -v '\.d$' | head -n 1)
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
ratio() { awk -v a="$1" -v b="$2" -v z="$3" 'BEGIN { printf "%.2fx", (a - z) / (b - z) }'; }

echo "| ratio | pretty | compact |"
echo "|---|---|---|"
declare -A n
for form in pretty compact; do
  for mode in none event strict value commas chat event_to; do n[$form,$mode]=$(count "$mode" "$form"); done
done
row() { echo "| $1 | $(ratio "${n[pretty,$2]}" "${n[pretty,$3]}" "${n[pretty,none]}") | $(ratio "${n[compact,$2]}" "${n[compact,$3]}" "${n[compact,none]}") |"; }
row "\`parse_event\` / strict baseline" event strict
row "\`parse_event\` / \`serde_json::Value\`" event value
row "trailing commas after every last member / the clean body" commas event
row "\`to_chat_event\` / \`parse_event\`" chat event
row "\`parse_event\` then \`to_chat_event\` / \`parse_event\`" event_to event
echo
# The vendor folders, from the registry's one list (src/registry.rs), not from a copy.
mapfile -t vendors < <(grep -oE '^ +[A-Za-z]+: [a-z_]+, feature = ' src/registry.rs | sed -E 's/^ +[A-Za-z]+: ([a-z_]+),.*/\1/')
echo "| vendor (pretty) | \`parse_event\` / strict | \`parse_event\` / \`Value\` | then \`to_chat_event\` / \`parse_event\` |"
echo "|---|---|---|---|"
for vendor in "${vendors[@]}"; do
  z=$(count none pretty "$vendor"); e=$(count event pretty "$vendor")
  s=$(count strict pretty "$vendor"); v=$(count value pretty "$vendor")
  t=$(count event_to pretty "$vendor")
  echo "| $vendor | $(ratio "$e" "$s" "$z") | $(ratio "$e" "$v" "$z") | $(ratio "$t" "$e" "$z") |"
done
echo
echo "| body | SuperOffice \`verify_signature\` / bare HMAC-SHA256 | Inbenta \`verify_signature\` / bare HMAC-SHA256 |"
echo "|---|---|---|"
for size in 1024 65536; do
  z=$(count sign none "$size"); h=$(count sign hmac "$size")
  echo "| $((size / 1024)) KB | $(ratio "$(count sign superoffice "$size")" "$h" "$z") | $(ratio "$(count sign inbenta "$size")" "$h" "$z") |"
done
