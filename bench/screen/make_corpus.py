#!/usr/bin/env python3
"""Writes the screening benchmark corpora into a directory (not committed):
  a/NNNN.txt  one file per Algorithm Register entry: title + newline + doel  (1,530 files)
  b/NNN.txt   register texts + US federal AI inventory descriptions, ~100 KB per file
"""
import csv, json, os, sys

shared, out = sys.argv[1], sys.argv[2]
register = json.load(open(os.path.join(shared, "corpora/algoritmeregister/algoritmeregister_listing_2026-08-08.json"), encoding="utf-8"))
texts = [f"{r.get('title') or ''}\n{r.get('doel') or ''}\n" for r in register["algoritmes"]]
os.makedirs(os.path.join(out, "a"), exist_ok=True)
for i, t in enumerate(texts):
    with open(os.path.join(out, "a", f"{i:04d}.txt"), "w", encoding="utf-8") as f:
        f.write(t)

csv.field_size_limit(10**8)
us = os.path.join(shared, "corpora/us-federal-ai-inventory-2025/2025_individually_reported_AI_use_cases.csv")
with open(us, encoding="utf-8-sig", newline="") as f:
    for row in csv.DictReader(f):
        parts = [row.get(k) or "" for k in ("use_case_name", "problem_solved", "benefits", "system_outputs")]
        texts.append("\n".join(p for p in parts if p) + "\n")

os.makedirs(os.path.join(out, "b"), exist_ok=True)
chunk, size, n = [], 0, 0
def flush():
    global chunk, size, n
    if chunk:
        with open(os.path.join(out, "b", f"{n:03d}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(chunk))
        n += 1
    chunk, size = [], 0
for t in texts:
    chunk.append(t); size += len(t.encode("utf-8"))
    if size >= 100_000:
        flush()
flush()
print(f"A: {len(register['algoritmes'])} files; B: {n} files from {len(texts)} texts")
