#!/usr/bin/env python3
"""Checks a review page as a browser built it (Chromium's --dump-dom).

Usage: check_report_dom.py DOM.html QUOTES.csv [--hostile]

Every row of the CSV must be exactly one highlight (a mark.hl with
data-row-id="DOC#N" and no class "cont"), and the highlight's text (its
pieces joined, the tooltip .tip and labels .lbl inside it left out,
white space folded) must be the row's quote column. The page must load
nothing from outside and hold exactly one script. With --hostile the page
must also hold no <img>, <iframe> or <object> at all (the hostile test
article tries to inject them). Exit status 0 when all holds, 1 otherwise.
"""
import csv
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


def fold(s):
    return " ".join(s.split())


class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # (tag, row_id or None, excluded?)
        self.texts = {}          # row id -> [text pieces]
        self.firsts = []         # row ids of first pieces, in order
        self.tags = {}           # tag -> count
        self.external = []       # attributes pointing outside the file

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for name in ("src", "href", "action", "xlink:href"):
            v = (a.get(name) or "").strip().lower()
            if v and not v.startswith("#"):
                self.external.append((tag, name, v))
        classes = (a.get("class") or "").split()
        row = None
        if tag == "mark" and "hl" in classes and "data-row-id" in a:
            row = a["data-row-id"]
            self.texts.setdefault(row, [])
            if "cont" not in classes:
                self.firsts.append(row)
        excluded = "tip" in classes or "lbl" in classes
        if tag not in VOID:
            self.stack.append((tag, row, excluded))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        # The dump is well formed: pop to the matching tag.
        while self.stack:
            t, _, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        if any(ex for _, _, ex in self.stack):
            return
        for _, row, _ in self.stack:
            if row is not None:
                self.texts[row].append(data)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    hostile = "--hostile" in sys.argv
    dom_path, csv_path = args
    with open(dom_path, encoding="utf-8") as f:
        dom = Dom()
        dom.feed(f.read())
        dom.close()
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    errors = []
    if len(dom.firsts) != len(rows):
        errors.append(f"{len(dom.firsts)} highlights for {len(rows)} rows")
    if len(set(dom.firsts)) != len(dom.firsts):
        errors.append("a row id is highlighted twice")
    for r in rows:
        rid = f"{r['doc_id']}#{r['quote_id']}"
        if rid not in dom.texts:
            errors.append(f"row {rid}: no highlight")
            continue
        got = fold("".join(dom.texts[rid]))
        want = fold(r["quote"])
        if got != want:
            errors.append(f"row {rid}: highlight {got!r} != quote {want!r}")
    if dom.external:
        errors.append(f"references outside the file: {dom.external[:5]}")
    if dom.tags.get("script", 0) != 1:
        errors.append(f"{dom.tags.get('script', 0)} scripts, expected 1")
    if hostile:
        for tag in ("img", "iframe", "object"):
            if dom.tags.get(tag):
                errors.append(f"injected <{tag}> in the page")
    for e in errors[:40]:
        print(f"check_report_dom: {e}", file=sys.stderr)
    print(f"check_report_dom: {len(rows)} rows, {len(dom.firsts)} highlights, "
          f"{len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
