#!/usr/bin/env python3
"""Score `grip screen` against the labelled development set (issue 21, item 3).

Runs one `grip screen --format jsonl` over every text listed in labels.tsv, then prints
precision and recall for "is AI" (overall, per language, per source kind) and per
category, followed by the misses and the false alarms. Standard library only.

Usage: evaluate.py PATH/TO/grip [--json FILE] [--no-lists]
"""

import argparse
import csv
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
# The "done when" bar of issue 21: both figures at least this, overall and for every
# category with at least MIN_SUPPORT labelled examples.
TARGET = 0.9
MIN_SUPPORT = 10
CATEGORIES = [
    "machine_learning", "generative", "computer_vision", "biometric", "speech_language",
    "prediction_scoring", "profiling", "autonomy_driver_assistance", "recommendation",
    "anomaly_detection", "emotion_recognition", "unspecified_ai",
]


def load_labels():
    with open(os.path.join(HERE, "labels.tsv"), newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    for row in rows:
        if row["is_ai"] not in ("yes", "no"):
            sys.exit(f"{row['id']}: is_ai must be yes or no, not {row['is_ai']!r}")
        row["gold"] = set(filter(None, row["categories"].split(";")))
        unknown = row["gold"] - set(CATEGORIES)
        if unknown:
            sys.exit(f"{row['id']}: unknown categories {sorted(unknown)}")
        if row["is_ai"] == "yes" and not row["gold"]:
            sys.exit(f"{row['id']}: an AI text needs at least one category")
    return rows


def run_grip(grip, rows):
    """One process for the whole set; output comes back in input order."""
    files = [os.path.join(HERE, row["file"]) for row in rows]
    proc = subprocess.run([grip, "screen", "--format", "jsonl", *files],
                          capture_output=True, text=True, check=False)
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if len(lines) != len(rows):
        sys.exit(f"grip screen printed {len(lines)} results for {len(rows)} texts "
                 f"(exit {proc.returncode}): {proc.stderr.strip()[:500]}")
    results = [json.loads(line) for line in lines]
    for row, result in zip(rows, results):
        name = result.get("document", {}).get("name", "")
        if os.path.basename(name) != os.path.basename(row["file"]):
            sys.exit(f"output out of order: expected {row['file']}, got {name}")
    return results


def ratio(num, den):
    return num / den if den else float("nan")


def jsonable(value):
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    return None if isinstance(value, float) and value != value else value


def scores(tp, fp, fn):
    return ratio(tp, tp + fp), ratio(tp, tp + fn)


def fmt(x):
    return "  n/a" if x != x else f"{x:5.3f}"


def binary_table(title, pairs):
    """pairs: (gold_is_ai, predicted_is_ai) per text."""
    c = Counter(pairs)
    tp, fp, fn, tn = c[(True, True)], c[(False, True)], c[(True, False)], c[(False, False)]
    p, r = scores(tp, fp, fn)
    print(f"{title:<28} n={len(pairs):>3}  TP={tp:>3} FP={fp:>3} FN={fn:>3} TN={tn:>3}  "
          f"precision={fmt(p)} recall={fmt(r)}")
    return {"n": len(pairs), "tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": p, "recall": r}


def category_table(rows, results):
    counts = defaultdict(Counter)
    for row, result in zip(rows, results):
        predicted = set(result.get("categories") or [])
        for cat in CATEGORIES:
            counts[cat][(cat in row["gold"], cat in predicted)] += 1
    print(f"\nPer category ('*' = at least {MIN_SUPPORT} labelled examples; these must reach "
          f"{TARGET} precision and recall):")
    print(f"  {'category':<28} {'support':>7} {'predicted':>9} {'TP':>4}  precision  recall")
    table = {}
    for cat in CATEGORIES:
        c = counts[cat]
        tp, fp, fn = c[(True, True)], c[(False, True)], c[(True, False)]
        p, r = scores(tp, fp, fn)
        support = tp + fn
        mark = "*" if support >= MIN_SUPPORT else " "
        print(f"{mark} {cat:<28} {support:>7} {tp + fp:>9} {tp:>4}  {fmt(p):>9}  {fmt(r):>6}")
        table[cat] = {"support": support, "predicted": tp + fp, "tp": tp,
                      "precision": p, "recall": r}
    return table


def first_finding(result):
    for finding in result.get("findings") or []:
        if not finding.get("negated"):
            excerpt = " ".join(str(finding.get("excerpt", "")).split())[:90]
            return f"{finding.get('indicator')} [{finding.get('category')}] \"{excerpt}\""
    return "-"


def opening(row):
    with open(os.path.join(HERE, row["file"]), encoding="utf-8") as fh:
        return " ".join(fh.read().split())[:110]


def print_lists(rows, results):
    misses = [(r, x) for r, x in zip(rows, results)
              if r["is_ai"] == "yes" and x.get("verdict") != "ai_indicated"]
    alarms = [(r, x) for r, x in zip(rows, results)
              if r["is_ai"] == "no" and x.get("verdict") == "ai_indicated"]
    print(f"\nMisses (labelled AI, not flagged): {len(misses)}")
    for row, result in misses:
        print(f"  {row['id']} [{row['categories']}] {row['note']} | {opening(row)}")
    print(f"\nFalse alarms (labelled not AI, flagged): {len(alarms)}")
    for row, result in alarms:
        print(f"  {row['id']} ({row['note']}) -> {','.join(result.get('categories') or [])} "
              f"via {first_finding(result)}")
    wrong_cat = []
    for row, result in zip(rows, results):
        if row["is_ai"] == "yes" and result.get("verdict") == "ai_indicated":
            missing = row["gold"] - set(result.get("categories") or [])
            if missing:
                wrong_cat.append((row, missing, result))
    print(f"\nFlagged AI texts missing a labelled category: {len(wrong_cat)}")
    for row, missing, result in wrong_cat:
        print(f"  {row['id']} missing {','.join(sorted(missing))}; got "
              f"{','.join(result.get('categories') or []) or '-'} ({row['note']})")
    unreadable = [r["id"] for r, x in zip(rows, results) if x.get("verdict") == "unreadable"]
    if unreadable:
        print(f"\nUnreadable: {' '.join(unreadable)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("grip", help="path to the grip binary")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--no-lists", action="store_true", help="figures only")
    parser.add_argument("--half", choices=["tune", "holdout"],
                        help="only the odd-numbered texts (tune: rules may be adjusted while "
                             "looking at them) or the even-numbered ones (holdout: never looked "
                             "at while tuning, so their figures say how Grip does on unseen text)")
    args = parser.parse_args()
    rows = load_labels()
    if args.half:
        parity = 1 if args.half == "tune" else 0
        rows = [r for r in rows if int(r["id"].split("-")[1]) % 2 == parity]
    results = run_grip(args.grip, rows)
    flagged = [x.get("verdict") == "ai_indicated" for x in results]
    gold = [r["is_ai"] == "yes" for r in rows]
    print(f"Development set: {len(rows)} texts, {sum(gold)} labelled AI, "
          f"{len(rows) - sum(gold)} not AI\n")
    summary = {"overall": binary_table("is AI, overall", list(zip(gold, flagged)))}
    for key in ("language", "kind"):
        for value in sorted({r[key] for r in rows}):
            pairs = [(g, f) for r, g, f in zip(rows, gold, flagged) if r[key] == value]
            summary[f"{key}={value}"] = binary_table(f"  {key}={value}", pairs)
    summary["categories"] = category_table(rows, results)
    bar = [summary["overall"]] + [v for v in summary["categories"].values()
                                  if v["support"] >= MIN_SUPPORT]
    met = all(v["precision"] >= TARGET and v["recall"] >= TARGET for v in bar)
    print(f"\nTarget ({TARGET} precision and recall overall and for every starred category): "
          f"{'MET' if met else 'NOT MET'}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(jsonable(summary), fh, indent=2)
    if not args.no_lists:
        print_lists(rows, results)


if __name__ == "__main__":
    main()
