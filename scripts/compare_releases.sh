#!/usr/bin/env bash
# This build against an earlier release, in one criterion run: `parse_event`, and
# `parse_event` then `to_chat_event`, of both builds linked into one binary
# (`compare/benches/releases.rs`), on the earlier release's own fixtures, pretty and compact.
#
#   scripts/compare_releases.sh [REV] [CRITERION ARGS...]
#   scripts/compare_releases.sh --check    (CI: the comparison compiles; nothing is run)
#
# REV is the earlier release's commit (default 0a490bb, the last commit of 0.2). It is
# checked out under target/compare/old, where compare/Cargo.toml expects it.
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
if [ "${1:-}" = --check ]; then
  check=true
  shift
fi
rev=${1:-0a490bb}
shift || true
if $check && ! git cat-file -e "$rev^{commit}" 2>/dev/null; then
  # A shallow clone lacks the earlier release: there is nothing to compare against.
  echo "$rev is not in this clone: skipped"
  exit 0
fi
rm -rf target/compare/old
mkdir -p target/compare/old
git archive "$rev" | tar -x -C target/compare/old
if $check; then
  exec cargo check --quiet --manifest-path compare/Cargo.toml --benches
fi
cargo bench --manifest-path compare/Cargo.toml --bench releases -- "$@"
python3 - <<'PY'
import json, pathlib
root = pathlib.Path("compare/target/criterion")
def median(group, name):
    path = root / group / name / "new" / "estimates.json"
    return json.loads(path.read_text())["median"]["point_estimate"] if path.exists() else None
def ratio(a, b):
    return "-" if a is None or b is None else f"{a / b:.3f}x"
print("| loop (criterion medians, one run) | pretty | compact |")
print("|---|---|---|")
rows = {}
for form in ("pretty", "compact"):
    g = f"releases-{form}"
    rows.setdefault("`parse_event`, new / old", []).append(ratio(median(g, "new_parse_event"), median(g, "old_parse_event")))
    rows.setdefault("`parse_event` then `to_chat_event`, new / old", []).append(ratio(median(g, "new_parse_to_chat_event"), median(g, "old_parse_to_chat_event")))
    rows.setdefault("then `to_chat_event` / `parse_event`, old", []).append(ratio(median(g, "old_parse_to_chat_event"), median(g, "old_parse_event")))
    rows.setdefault("then `to_chat_event` / `parse_event`, new", []).append(ratio(median(g, "new_parse_to_chat_event"), median(g, "new_parse_event")))
for name, cells in rows.items():
    print(f"| {name} | {' | '.join(cells)} |")
PY
