#!/usr/bin/env bash
# Wall-clock A/B of two builds of `benches/count.rs` on the same bodies: each loop of each
# build runs in turn, alternating, and the best of the runs counts (the least disturbed by the
# machine's load); the setup (`none`) is subtracted. Instruction counts miss allocation costs:
# this is the check in time.
#
#   scripts/ab_wallclock.sh OLD_COUNT NEW_COUNT FIXTURES [RUNS]
#
# OLD_COUNT and NEW_COUNT are `count` binaries (`cargo bench --bench count --no-run`, then
# target/release/deps/count-*); FIXTURES is the fixtures folder both read (the new build reads
# it through CHAT_WEBHOOKS_FIXTURES; pass the old build's own folder, which it reads anyway).
set -euo pipefail
old=$1 new=$2 fixtures=$3 runs=${4:-15}
export CHAT_WEBHOOKS_FIXTURES=$fixtures
# Ten times the instruction-count loop: long enough for the clock, short enough to alternate.
export COUNT_ROUNDS=${COUNT_ROUNDS:-2000}
declare -A best runs_of
run() { # bin mode form -> nanoseconds
  local t0 t1
  t0=$(date +%s%N); "$1" "$2" "$3" >/dev/null; t1=$(date +%s%N)
  echo $((t1 - t0))
}
for ((i = 0; i < runs; i++)); do
  for form in pretty compact; do
    for mode in none event event_to; do
      for side in old new; do
        bin=$old; [ "$side" = new ] && bin=$new
        t=$(run "$bin" "$mode" "$form")
        key="$side,$mode,$form"
        runs_of[$key]="${runs_of[$key]:-} $t"
        if [ -z "${best[$key]:-}" ] || [ "$t" -lt "${best[$key]}" ]; then best[$key]=$t; fi
      done
    done
  done
done
ms() { awk -v n="$1" 'BEGIN { printf "%.1f", n / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
echo "| loop (best of $runs, setup subtracted) | old ms | new ms | new / old |"
echo "|---|---|---|---|"
for form in pretty compact; do
  for mode in event event_to; do
    o=$((best[old,$mode,$form] - best[old,none,$form]))
    n=$((best[new,$mode,$form] - best[new,none,$form]))
    echo "| $mode $form | $(ms $o) | $(ms $n) | $(ratio $n $o) |"
  done
  oe=$((best[old,event,$form] - best[old,none,$form])); ot=$((best[old,event_to,$form] - best[old,none,$form]))
  ne=$((best[new,event,$form] - best[new,none,$form])); nt=$((best[new,event_to,$form] - best[new,none,$form]))
  echo "| then \`to_chat_event\` / parse, $form | | | old $(ratio $ot $oe), new $(ratio $nt $ne) |"
done

# The same runs, paired: each round of the loop above runs both builds' loops minutes apart at
# most, so the ratio of a round's two times sees one machine; the median over the rounds is
# what the machine's drift moves least (the best of each side can come from different minutes).
median_of() { # "a b c" "d e f" "g h i" "j k l": median of (a-d)/(g-j), pairwise
  python3 - "$@" <<'PY'
import statistics, sys
a, b, c, d = (list(map(int, x.split())) for x in sys.argv[1:5])
print("%.3f" % statistics.median((w - x) / (y - z) for w, x, y, z in zip(a, b, c, d)))
PY
}
echo
echo "| loop (median of $runs paired rounds, setup subtracted) | new / old | old: then \`to_chat_event\` / parse | new: then \`to_chat_event\` / parse |"
echo "|---|---|---|---|"
for form in pretty compact; do
  for mode in event event_to; do
    r=$(median_of "${runs_of[new,$mode,$form]}" "${runs_of[new,none,$form]}" "${runs_of[old,$mode,$form]}" "${runs_of[old,none,$form]}")
    if [ "$mode" = event_to ]; then
      o=$(median_of "${runs_of[old,event_to,$form]}" "${runs_of[old,none,$form]}" "${runs_of[old,event,$form]}" "${runs_of[old,none,$form]}")
      n=$(median_of "${runs_of[new,event_to,$form]}" "${runs_of[new,none,$form]}" "${runs_of[new,event,$form]}" "${runs_of[new,none,$form]}")
      echo "| $mode $form | $r | $o | $n |"
    else
      echo "| $mode $form | $r | | |"
    fi
  done
done
