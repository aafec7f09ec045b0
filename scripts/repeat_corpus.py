#!/usr/bin/env python3
"""Makes a benchmark corpus of a given size from a JSONL file of articles
(the Wikinews dev set by default): the articles repeated in order, each
copy with a distinct doc_id (`ID#N`), keeping only doc_id and text, until
the output reaches the size asked for. Deterministic: the same input and
size give the same bytes.

    scripts/repeat_corpus.py --mb 100 -o target/bench/wikinews-100.jsonl
    scripts/repeat_corpus.py --mb 10 --input ../shared/eval/wikinews.dev.jsonl
"""
import argparse
import json
import os
import sys


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--mb", type=float, required=True,
                   help="size in MB (10^6 bytes) of JSONL to write")
    p.add_argument("--input", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)),
        "../../shared/eval/wikinews.dev.jsonl"))
    p.add_argument("-o", "--output", default="-")
    a = p.parse_args()
    docs = []
    with open(a.input, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs.append((d["doc_id"], d["text"]))
    if not docs:
        sys.exit("no documents in " + a.input)
    limit = int(a.mb * 1e6)
    out = sys.stdout.buffer if a.output == "-" else open(a.output, "wb")
    written, copy = 0, 0
    while written < limit:
        for doc_id, text in docs:
            line = json.dumps({"doc_id": f"{doc_id}#{copy}", "text": text},
                              ensure_ascii=False) + "\n"
            b = line.encode("utf-8")
            out.write(b)
            written += len(b)
            if written >= limit:
                break
        copy += 1
    out.flush()


if __name__ == "__main__":
    main()
