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
import os, re, sys
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "data"))
import score  # noqa: E402  (the project's copy of the shared scorer)
import rule_precision  # noqa: E402  (the same row matching)


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
    rows = rule_precision.read_table(table_path)
    stats = defaultdict(lambda: [0, 0, 0])  # matched with a gold speaker, strict, lenient
    step_of = lambda doc_id, r: {"step": steps.get((doc_id, r["quote_id"]), "none")}
    for _, P, G, pm, _ in rule_precision.matched_tracks(gold, rows, step_of):
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
