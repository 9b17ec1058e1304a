#!/usr/bin/env python3
"""Writes the paragraphs the tender benchmark's documents are made of, one per line:
the Algorithm Register's titles and purposes and the US federal AI inventory's use-case
descriptions (real supplier-like text, Dutch and English, with and without AI).
  make_corpus.py SHARED OUT_FILE
"""
import csv, json, os, sys

shared, out = sys.argv[1], sys.argv[2]
register = json.load(open(os.path.join(shared, "corpora/algoritmeregister/algoritmeregister_listing_2026-08-08.json"), encoding="utf-8"))
paragraphs = []
for r in register["algoritmes"]:
    paragraphs += [r.get("title") or "", r.get("doel") or ""]

csv.field_size_limit(10**8)
us = os.path.join(shared, "corpora/us-federal-ai-inventory-2025/2025_individually_reported_AI_use_cases.csv")
with open(us, encoding="utf-8-sig", newline="") as f:
    for row in csv.DictReader(f):
        paragraphs += [row.get(k) or "" for k in ("use_case_name", "problem_solved", "benefits", "system_outputs")]

lines = [" ".join(p.split()) for p in paragraphs]
lines = [l for l in lines if len(l) > 20]
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(f"{len(lines)} paragraphs, {sum(len(l.encode()) for l in lines) / 1e6:.1f} MB")
