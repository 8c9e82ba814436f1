#!/usr/bin/env python3
"""Prints the README's performance table from criterion's estimates.

Run `cargo bench --bench parse` first. Each ratio divides two medians measured in the same
run over the same bodies: below 1.00x means the first is faster.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"


def median(*parts):
    path = ROOT.joinpath(*parts, "new", "estimates.json")
    if not path.exists():
        return None
    return json.loads(path.read_text())["median"]["point_estimate"]


def ratio(a, b):
    return "-" if a is None or b is None else f"{a / b:.2f}x"


if not ROOT.exists():
    sys.exit("no criterion results: run `cargo bench --bench parse` first")
groups = sorted(p.name for p in ROOT.iterdir() if p.is_dir() and p.name.endswith(("-compact", "-pretty")))
print("| bodies | parse_event / strict | vendor parse / strict | parse_event / Value | trailing commas / clean | to_chat_event / parse_event | parse then to_chat_event / parse_event |")
print("|---|---|---|---|---|---|---|")
for group in groups:
    event, vendor, strict, value = (median(group, f) for f in ("parse_event", "vendor_parse", "strict", "value"))
    commas, chat = median(group, "trailing_commas"), median(group, "to_chat_event")
    to = median(group, "parse_to_chat_event")
    print(f"| {group} | {ratio(event, strict)} | {ratio(vendor, strict)} | {ratio(event, value)} | {ratio(commas, event)} | {ratio(chat, event)} | {ratio(to, event)} |")
print()
print("| body | SuperOffice verify / HMAC-SHA256 | Inbenta verify / HMAC-SHA256 |")
print("|---|---|---|")
for size in ("1024", "65536"):
    hmac = median("signature", "hmac_sha256", size)
    print(f"| {int(size) // 1024} KB | {ratio(median('signature', 'superoffice', size), hmac)} | {ratio(median('signature', 'inbenta', size), hmac)} |")
