#!/usr/bin/env python3
"""Precision of each resolution step of whosaid against gold annotations.

usage: step_precision.py GOLD.jsonl TABLE.csv EXPLAIN.txt

TABLE is `whosaid extract GOLD -o TABLE`, EXPLAIN is `whosaid explain GOLD
--color never` (it names the resolution step of every row). For every step:
the rows whose span matches a gold item with a speaker (same matching as
tests/data/score.py: IoU >= 0.5, one to one, best first, per track), and how
many of them name the speaker right, strictly (the canonical name) and
leniently (or the mention, an alias or the surname). This is the table of
README.md's "Who is who" section.
"""
import csv, os, re, sys
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "data"))
import score  # noqa: E402  (the project's copy of the shared scorer)


def steps_of(explain_path):
    """(doc_id, quote_id) -> step name, from explain's text."""
    steps, doc, row = {}, None, None
    head = re.compile(r"^(\S+) \(\d+ rows?\)$")
    for line in open(explain_path, encoding="utf-8"):
        line = line.rstrip("\n")
        m = head.match(line)
        if m:
            doc = m.group(1)
            continue
        m = re.match(r"^#(\d+) ", line)
        if m:
            row = m.group(1)
            steps[(doc, row)] = "none"
            continue
        m = re.search(r"\[resolution step: ([^\],]+)", line)
        if m and line.lstrip().startswith("speaker") and doc and row:
            steps[(doc, row)] = m.group(1)
    return steps


def main(gold_path, table_path, explain_path):
    gold = score.load_gold(gold_path)
    steps = steps_of(explain_path)
    rows = defaultdict(list)
    with open(table_path, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            rows[r["doc_id"]].append(r)
    stats = defaultdict(lambda: [0, 0, 0])  # matched with a gold speaker, strict, lenient
    for doc_id, d in gold.items():
        golds = [dict(g, track=score.track_of(g["kind"], True)) for g in d["quotes"]]
        preds = [dict(start=int(r["quote_start"]), end=int(r["quote_end"]),
                      kind=r["kind"], name=r["speaker_name"], mention=r["speaker"],
                      sspan=None, step=steps.get((doc_id, r["quote_id"]), "none"),
                      track=score.track_of(r["kind"], False))
                 for r in rows.get(doc_id, [])]
        for t in ("quotes", "claims"):
            G = [g for g in golds if g["track"] == t]
            P = [p for p in preds if p["track"] == t]
            pairs = sorted(((score.iou(p, g), i, j) for i, p in enumerate(P)
                            for j, g in enumerate(G)), reverse=True)
            pm, gm = {}, {}
            for o, i, j in pairs:
                if o < score.MIN_IOU:
                    break
                if i not in pm and j not in gm:
                    pm[i], gm[j] = j, i
            for i, j in pm.items():
                ok = score.speaker_ok(P[i], G[j])
                if ok is None:
                    continue
                s = stats[P[i]["step"]]
                s[0] += 1
                s[1] += ok[0]
                s[2] += ok[1]
    print(f"{'step':18} {'rows':>5} {'strict':>7} {'lenient':>8}")
    for step, (n, st, le) in sorted(stats.items(), key=lambda x: -x[1][0]):
        print(f"{step:18} {n:5} {st / n:7.2f} {le / n:8.2f}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3])
