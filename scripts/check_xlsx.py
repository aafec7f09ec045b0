#!/usr/bin/env python3
"""Checks that a spreadsheet program read a CSV file cell for cell.

Usage: check_xlsx.py --form plain|excel CSV XLSX

CSV is the file given to LibreOffice, XLSX what it saved. Every cell of
the first sheet must equal the CSV's field: the same text (curly quotes,
accents, emoji, line breaks), or, where the spreadsheet read a plain
decimal number, the same number. A cell read as a formula, a date or a
boolean, or changed in any other way, is a failure.

--form plain: a field starting with = + - @ that was read as a formula
or a number is known plain-CSV behaviour (CSV injection; that is what
--excel is for): such cells are counted and reported, not failed.
--form excel: no exemption; and no field may start with = + - @, a tab
or a carriage return (--excel prefixes them with ').

Exit status 0 when every cell holds, 1 otherwise.
"""
import csv
import re
import sys

import openpyxl

TRIGGERS = ("=", "+", "-", "@")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def same(value, field):
    """Whether a cell read back as `value` holds the CSV field."""
    if value is None:
        return field == ""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return bool(NUMBER.match(field)) and abs(float(field) - value) < 1e-9
    if isinstance(value, str):
        return value == field
    return False  # a date or anything else the field was turned into


def main():
    args = sys.argv[1:]
    form = args[args.index("--form") + 1]
    paths = [a for i, a in enumerate(args)
             if not a.startswith("--") and args[i - 1] != "--form"]
    csv_path, xlsx_path = paths
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        want = list(csv.reader(f))
    sheet = openpyxl.load_workbook(xlsx_path).worksheets[0]
    got = [[(c.value, c.data_type) for c in row] for row in sheet.iter_rows()]
    errors, exempt, cells = [], [], 0
    if len(got) != len(want):
        errors.append(f"{len(got)} rows read, {len(want)} in the CSV")
    for r, (grow, wrow) in enumerate(zip(got, want), start=1):
        if len(grow) < len(wrow):
            grow = grow + [(None, "n")] * (len(wrow) - len(grow))
        extra = [v for v, _ in grow[len(wrow):] if v not in (None, "")]
        if extra:
            errors.append(f"row {r}: cells past the last field: {extra}")
        for c, ((value, kind), field) in enumerate(zip(grow, wrow), 1):
            cells += 1
            if form == "excel" and field[:1] in TRIGGERS + ("\t", "\r"):
                errors.append(f"row {r} col {c}: field {field!r} not "
                              "prefixed by --excel")
            if kind != "f" and same(value, field):
                continue
            if (form == "plain" and field.startswith(TRIGGERS)
                    and (kind == "f" or isinstance(value, (int, float)))):
                exempt.append((r, c, field, value, kind))
                continue
            errors.append(f"row {r} col {c}: read {value!r} ({kind}), "
                          f"wrote {field!r}")
    for e in errors[:40]:
        print(f"check_xlsx: {csv_path}: {e}", file=sys.stderr)
    note = ""
    if exempt:
        note = (f"; {len(exempt)} field(s) starting with = + - @ read as "
                "formulas or numbers, as expected of plain CSV: "
                + ", ".join(f"{f!r} -> {'a formula' if k == 'f' else repr(v)}"
                           for _, _, f, v, k in exempt[:3]))
    print(f"check_xlsx: {csv_path} ({form}): {cells} cells, "
          f"{len(errors)} wrong{note}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
