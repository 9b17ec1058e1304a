#!/usr/bin/env python3
"""Score `grip triage` against the labelled change-notice development set.

For every baseline in labels.tsv, runs ONE
    grip triage --baseline baselines/X.json notices/a.txt notices/b.txt ...
(JSON Lines out, one object per notice, in input order) and compares each object's
`impact`, `triage`, `categories` and `new_categories` with the labels. Prints impact
accuracy, per-class precision/recall, the "AI-relevant" binary view, triage accuracy,
escalate precision/recall, per-category precision/recall, figures per language, and
then the misses. Standard library only.

Usage: evaluate.py PATH/TO/grip [--no-lists] [--json FILE] [--half tune|holdout]
  --half tune     only odd-numbered ids (tri-001, tri-003, ...)
  --half holdout  only even-numbered ids
"""

import argparse
import csv
import json
import os
import subprocess
import sys
from collections import OrderedDict, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
IMPACTS = ["adds_ai", "changes_ai", "removes_ai", "no_ai_impact"]
TRIAGES = ["no_impact", "reassess", "escalate"]
CATEGORIES = [
    "machine_learning", "generative", "computer_vision", "biometric", "speech_language",
    "prediction_scoring", "profiling", "autonomy_driver_assistance", "recommendation",
    "anomaly_detection", "emotion_recognition", "unspecified_ai",
]
TIMEOUT_S = 900


def split_set(value):
    return [x for x in value.split(";") if x]


def load_labels():
    path = os.path.join(HERE, "labels.tsv")
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    problems = []
    for row in rows:
        rid = row["id"]
        row["num"] = int(rid.split("-")[1])
        row["gold_triage"] = [t for t in row["triage"].split("|") if t]
        row["gold_cats"] = set(split_set(row["categories"]))
        row["gold_new"] = set(split_set(row["new_categories"]))
        if row["impact"] not in IMPACTS:
            problems.append(f"{rid}: unknown impact {row['impact']!r}")
        if not row["gold_triage"] or any(t not in TRIAGES for t in row["gold_triage"]):
            problems.append(f"{rid}: bad triage {row['triage']!r}")
        unknown = (row["gold_cats"] | row["gold_new"]) - set(CATEGORIES)
        if unknown:
            problems.append(f"{rid}: unknown categories {sorted(unknown)}")
        if row["impact"] == "no_ai_impact":
            if row["gold_cats"] or row["gold_new"] or row["gold_triage"][0] != "no_impact":
                problems.append(f"{rid}: no_ai_impact needs no categories and triage no_impact first")
        elif not row["gold_cats"]:
            problems.append(f"{rid}: an AI-impact notice needs at least one category")
        if not row["gold_new"] <= row["gold_cats"]:
            problems.append(f"{rid}: new_categories must be a subset of categories")
        for key in ("file", "baseline"):
            if not os.path.exists(os.path.join(HERE, row[key])):
                problems.append(f"{rid}: missing {row[key]}")
    if problems:
        sys.exit("labels.tsv is inconsistent:\n  " + "\n  ".join(problems))
    return rows


def run_grip(grip, rows):
    """One grip process per baseline. Returns (predictions by id, list of run errors)."""
    by_baseline = OrderedDict()
    for row in rows:
        by_baseline.setdefault(row["baseline"], []).append(row)
    preds, errors = {}, []
    for baseline, group in by_baseline.items():
        files = [os.path.join(HERE, r["file"]) for r in group]
        cmd = [grip, "triage", "--baseline", os.path.join(HERE, baseline), *files]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False,
                                  timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            errors.append(f"{baseline}: grip did not finish within {TIMEOUT_S} s "
                          f"({len(group)} notices counted as missing)")
            continue
        except OSError as exc:
            sys.exit(f"cannot run {grip}: {exc}")
        lines = [line for line in proc.stdout.splitlines() if line.strip()]
        objs = []
        for n, line in enumerate(lines, 1):
            try:
                objs.append(json.loads(line))
            except json.JSONDecodeError as exc:
                errors.append(f"{baseline}: output line {n} is not JSON ({exc}): {line[:120]!r}")
                objs.append(None)
        if proc.returncode != 0 or len(objs) != len(group):
            errors.append(f"{baseline}: grip exited {proc.returncode} and printed {len(objs)} "
                          f"result lines for {len(group)} notices; stderr: "
                          f"{proc.stderr.strip()[:300]!r}")
        # Match by notice name when every object names its notice; else by position.
        names = [os.path.basename(((o or {}).get("notice") or {}).get("name") or "") for o in objs]
        wanted = [os.path.basename(r["file"]) for r in group]
        if objs and all(names) and len(set(names)) == len(names):
            by_name = dict(zip(names, objs))
            for row, want in zip(group, wanted):
                if want in by_name:
                    preds[row["id"]] = by_name[want]
            stray = set(names) - set(wanted)
            if stray:
                errors.append(f"{baseline}: output names notices that were not asked for: "
                              f"{sorted(stray)[:5]}")
        else:
            for row, obj in zip(group, objs):
                if obj is not None:
                    preds[row["id"]] = obj
    return preds, errors


def ratio(num, den):
    return num / den if den else float("nan")


def fmt(x):
    return "  n/a" if x != x else f"{x:5.3f}"


def prf(tp, fp, fn):
    return ratio(tp, tp + fp), ratio(tp, tp + fn)


def as_set(value):
    return set(v for v in value if isinstance(v, str)) if isinstance(value, list) else set()


def evaluate(rows, preds):
    per = []
    for row in rows:
        p = preds.get(row["id"])
        pi = p.get("impact") if isinstance(p, dict) else None
        pt = p.get("triage") if isinstance(p, dict) else None
        pc = as_set(p.get("categories")) if isinstance(p, dict) else set()
        pn = as_set(p.get("new_categories")) if isinstance(p, dict) else set()
        per.append({
            "id": row["id"], "language": row["language"], "baseline": row["baseline"],
            "gold_impact": row["impact"], "gold_triage": row["gold_triage"],
            "gold_categories": sorted(row["gold_cats"]), "gold_new": sorted(row["gold_new"]),
            "impact": pi, "triage": pt, "categories": sorted(pc), "new_categories": sorted(pn),
            "missing": p is None,
            "impact_ok": pi == row["impact"],
            "triage_ok": pt in row["gold_triage"],
            "note": row["note"], "file": row["file"],
        })
    return per


def summary(per):
    s = {"n": len(per), "missing": sum(r["missing"] for r in per)}
    s["impact_accuracy"] = ratio(sum(r["impact_ok"] for r in per), len(per))
    s["triage_accuracy"] = ratio(sum(r["triage_ok"] for r in per), len(per))
    classes = {}
    for c in IMPACTS:
        support = sum(r["gold_impact"] == c for r in per)
        predicted = sum(r["impact"] == c for r in per)
        tp = sum(r["gold_impact"] == c and r["impact"] == c for r in per)
        p, rc = prf(tp, predicted - tp, support - tp)
        classes[c] = {"support": support, "predicted": predicted, "tp": tp,
                      "precision": p, "recall": rc}
    s["impact_classes"] = classes
    gold_ai = [r["gold_impact"] != "no_ai_impact" for r in per]
    pred_ai = [r["impact"] is not None and r["impact"] != "no_ai_impact" for r in per]
    tp = sum(g and p for g, p in zip(gold_ai, pred_ai))
    fp = sum(p and not g for g, p in zip(gold_ai, pred_ai))
    fn = sum(g and not p for g, p in zip(gold_ai, pred_ai))
    p, rc = prf(tp, fp, fn)
    s["ai_relevant"] = {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": rc}
    # Escalate: precision = predicted escalations where escalate is acceptable;
    # recall = notices whose only acceptable triage is escalate that were escalated.
    pred_esc = [r for r in per if r["triage"] == "escalate"]
    must = [r for r in per if r["gold_triage"] == ["escalate"]]
    s["escalate"] = {
        "predicted": len(pred_esc), "required": len(must),
        "acceptable_among_predicted": sum("escalate" in r["gold_triage"] for r in pred_esc),
        "required_and_predicted": sum(r["triage"] == "escalate" for r in must),
    }
    s["escalate"]["precision"] = ratio(s["escalate"]["acceptable_among_predicted"], len(pred_esc))
    s["escalate"]["recall"] = ratio(s["escalate"]["required_and_predicted"], len(must))
    ai_rows = [r for r in per if r["gold_impact"] != "no_ai_impact"]
    cats = {}
    for c in CATEGORIES:
        tp = sum(c in r["gold_categories"] and c in r["categories"] for r in ai_rows)
        fp = sum(c not in r["gold_categories"] and c in r["categories"] for r in ai_rows)
        fn = sum(c in r["gold_categories"] and c not in r["categories"] for r in ai_rows)
        p, rc = prf(tp, fp, fn)
        cats[c] = {"support": tp + fn, "predicted": tp + fp, "tp": tp,
                   "precision": p, "recall": rc}
    s["categories"] = cats
    for key, gold, pred in (("categories_micro", "gold_categories", "categories"),
                            ("new_categories_micro", "gold_new", "new_categories")):
        tp = sum(len(set(r[gold]) & set(r[pred])) for r in ai_rows)
        fp = sum(len(set(r[pred]) - set(r[gold])) for r in ai_rows)
        fn = sum(len(set(r[gold]) - set(r[pred])) for r in ai_rows)
        p, rc = prf(tp, fp, fn)
        s[key] = {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": rc}
    return s


def print_report(per, s, by_lang, errors, half):
    n = s["n"]
    counts = {c: s["impact_classes"][c]["support"] for c in IMPACTS}
    scope = f" ({half} half)" if half else ""
    print(f"Triage development set{scope}: {n} notices — "
          + ", ".join(f"{c} {counts[c]}" for c in IMPACTS))
    if errors:
        print(f"\n!! {len(errors)} run problem(s); {s['missing']} notice(s) without a result "
              f"are scored as wrong:")
        for e in errors:
            print(f"  - {e}")
    print(f"\nimpact accuracy              {fmt(s['impact_accuracy'])}  "
          f"({sum(r['impact_ok'] for r in per)}/{n})")
    print(f"triage accuracy (in set)     {fmt(s['triage_accuracy'])}  "
          f"({sum(r['triage_ok'] for r in per)}/{n})")
    a = s["ai_relevant"]
    print(f"AI-relevant (impact != no_ai_impact)  TP={a['tp']:3d} FP={a['fp']:3d} FN={a['fn']:3d}"
          f"  precision={fmt(a['precision'])} recall={fmt(a['recall'])}")
    e = s["escalate"]
    print(f"escalate   predicted={e['predicted']:3d} acceptable={e['acceptable_among_predicted']:3d}"
          f"  required={e['required']:3d} caught={e['required_and_predicted']:3d}"
          f"  precision={fmt(e['precision'])} recall={fmt(e['recall'])}")
    print("\nPer impact class:")
    print(f"  {'class':14s} support predicted   TP  precision  recall")
    for c in IMPACTS:
        k = s["impact_classes"][c]
        print(f"  {c:14s} {k['support']:7d} {k['predicted']:9d} {k['tp']:4d}      "
              f"{fmt(k['precision'])}   {fmt(k['recall'])}")
    print("\nPer category (notices with a labelled AI impact):")
    print(f"  {'category':28s} support predicted   TP  precision  recall")
    for c in CATEGORIES:
        k = s["categories"][c]
        if k["support"] or k["predicted"]:
            print(f"  {c:28s} {k['support']:7d} {k['predicted']:9d} {k['tp']:4d}      "
                  f"{fmt(k['precision'])}   {fmt(k['recall'])}")
    for key, label in (("categories_micro", "categories (micro)"),
                       ("new_categories_micro", "new_categories (micro)")):
        k = s[key]
        print(f"  {label:28s} TP={k['tp']} FP={k['fp']} FN={k['fn']}  "
              f"precision={fmt(k['precision'])} recall={fmt(k['recall'])}")
    print("\nPer language:")
    for lang, ls in sorted(by_lang.items()):
        a = ls["ai_relevant"]
        print(f"  {lang}: n={ls['n']:3d}  impact acc={fmt(ls['impact_accuracy'])}  "
              f"triage acc={fmt(ls['triage_accuracy'])}  AI-relevant P={fmt(a['precision'])} "
              f"R={fmt(a['recall'])}")


def first_chars(path, n=80):
    try:
        with open(os.path.join(HERE, path), encoding="utf-8") as fh:
            text = " ".join(fh.read().split())
    except OSError:
        return ""
    return text[:n]


def print_misses(per):
    misses = [r for r in per if not (r["impact_ok"] and r["triage_ok"])]
    print(f"\nMisses ({len(misses)}): impact or triage wrong")
    for r in misses:
        got = "NO RESULT" if r["missing"] else f"{r['impact']}/{r['triage']}"
        print(f"  {r['id']}  label={r['gold_impact']}/{'|'.join(r['gold_triage'])}  "
              f"predicted={got}")
        print(f"      note: {r['note']}")
        print(f"      text: {first_chars(r['file'])}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("grip")
    ap.add_argument("--no-lists", action="store_true", help="figures only, no list of misses")
    ap.add_argument("--json", metavar="FILE", help="write figures and per-notice results")
    ap.add_argument("--half", choices=["tune", "holdout"])
    args = ap.parse_args()
    rows = load_labels()
    if args.half == "tune":
        rows = [r for r in rows if r["num"] % 2 == 1]
    elif args.half == "holdout":
        rows = [r for r in rows if r["num"] % 2 == 0]
    preds, errors = run_grip(args.grip, rows)
    per = evaluate(rows, preds)
    s = summary(per)
    by_lang = {}
    for lang in sorted({r["language"] for r in per}):
        by_lang[lang] = summary([r for r in per if r["language"] == lang])
    if args.json:
        def clean(v):
            if isinstance(v, dict):
                return {k: clean(x) for k, x in v.items()}
            if isinstance(v, list):
                return [clean(x) for x in v]
            return None if isinstance(v, float) and v != v else v
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(clean({"half": args.half, "summary": s, "per_language": by_lang,
                             "run_errors": errors, "notices": per}), fh, indent=1)
    print_report(per, s, by_lang, errors, args.half)
    if not args.no_lists:
        print_misses(per)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
