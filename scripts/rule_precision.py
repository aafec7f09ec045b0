#!/usr/bin/env python3
"""Per-rule precision of a whosaid table against gold annotations.

usage: rule_precision.py GOLD.jsonl TABLE.csv

For every rule id in the table: how many rows it made, how many of them
match a gold item (same matching as tests/data/score.py: IoU >= 0.5, one to
one, best first, per track), and how many of those name the right speaker
(lenient: canonical name, mention, alias or surname). Rows matching an
`ignore` gold item are left out. Shows which rules are weak.
"""
import csv, os, sys
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "data"))
import score  # noqa: E402  (the project's copy of the shared scorer)


def read_table(table_path):
    """The table's rows by doc_id."""
    rows = defaultdict(list)
    with open(table_path, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            rows[r["doc_id"]].append(r)
    return rows


def matched_tracks(gold, rows, extra):
    """Per document and track, the gold items G, the predicted rows P (each
    with the fields `extra(doc_id, row)` adds) and the one-to-one matching
    of the scorer (IoU >= MIN_IOU, best first): pm (row -> gold index) and
    gm (gold -> row index). Yields (golds, P, G, pm, gm)."""
    for doc_id, d in gold.items():
        golds = [dict(g, track=score.track_of(g["kind"], True)) for g in d["quotes"]]
        preds = [dict(start=int(r["quote_start"]), end=int(r["quote_end"]),
                      kind=r["kind"], name=r["speaker_name"], mention=r["speaker"],
                      sspan=None, track=score.track_of(r["kind"], False),
                      **extra(doc_id, r))
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
            yield golds, P, G, pm, gm


def main(gold_path, table_path):
    gold = score.load_gold(gold_path)
    rows = read_table(table_path)
    stats = defaultdict(lambda: [0, 0, 0])  # rows, matched, speaker right
    for golds, P, G, pm, gm in matched_tracks(gold, rows, lambda _, r: {"rule": r["rule"]}):
        ignored = [g for g in golds if g["track"] == "ignore"] + [G[j] for j in gm]
        for i, p in enumerate(P):
            if i not in pm and any(score.iou(p, g) >= score.MIN_IOU or
                                   (g["start"] <= p["start"] and p["end"] <= g["end"])
                                   for g in ignored):
                continue
            s = stats[p["rule"]]
            s[0] += 1
            if i in pm:
                s[1] += 1
                ok = score.speaker_ok(p, G[pm[i]])
                if ok is None or ok[1]:
                    s[2] += 1
    print(f"{'rule':28} {'rows':>5} {'matched':>8} {'speaker ok':>11} {'precision':>10}")
    for rule, (n, m, ok) in sorted(stats.items(), key=lambda x: -x[1][0]):
        print(f"{rule:28} {n:5} {m:8} {ok:11} {ok / n if n else 0:10.2f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
