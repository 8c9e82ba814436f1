#!/usr/bin/env python3
"""Prints the README's performance table from criterion's estimates.

Run `cargo bench --bench parse` first. Each ratio divides two medians measured in the same
run over the same set of bodies: below 1.0 means the first is faster.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"


def median(group, function):
    path = ROOT / group / function / "new" / "estimates.json"
    if not path.exists():
        return None
    return json.loads(path.read_text())["median"]["point_estimate"]


def ratio(a, b):
    return "n/a" if a is None or b is None else f"{a / b:.2f}x"


groups = sorted(p.name for p in ROOT.iterdir() if p.is_dir() and "-" in p.name) if ROOT.exists() else []
if not groups:
    sys.exit("no criterion results: run `cargo bench --bench parse` first")
print("| set | parse_event / Value | vendor parse / Value | trailing commas / clean |")
print("|---|---|---|---|")
for group in groups:
    event, value, vendor = (median(group, f) for f in ("parse_event", "value", "vendor_parse"))
    commas = median(group, "trailing_commas")
    print(f"| {group} | {ratio(event, value)} | {ratio(vendor, value)} | {ratio(commas, event) if commas else '-'} |")
