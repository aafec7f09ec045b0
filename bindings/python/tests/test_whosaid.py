"""Tests of the installed `whosaid` package: offsets, threads, bad
records, pyarrow and pandas types, HTML, and the README's example.

Run by scripts/python_check.sh (which builds and installs the wheel in a
fresh virtual environment with pandas and pyarrow) from .ci/run.
"""

import csv
import pathlib
import re

import pandas as pd
import pyarrow as pa
import pytest

import whosaid

ROOT = pathlib.Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

LAVROV = (
    "Moscow\u2019s envoy \U0001F642 spoke. \u201cWe are polite people,\u201d "
    "Sergey Lavrov told reporters on Tuesday.\n\nHe added that the talks "
    "would go on, according to the ministry."
)


def seed_records():
    assert SEEDS, f"no seeds in {ROOT / 'seeds'}"
    return [(p.stem, p.read_text(encoding="utf-8")) for p in SEEDS]


def test_columns_are_the_contract_in_order():
    assert whosaid.COLUMNS[:4] == ["doc_id", "quote_id", "kind", "quote"]
    assert whosaid.COLUMNS[17] == "paragraph"


def test_offsets_are_str_indices_that_slice_to_the_quote():
    rows = whosaid.extract(LAVROV, doc_id="a1")
    assert rows, "no rows"
    first = rows[0]
    assert first["doc_id"] == "a1"
    assert first["kind"] == "direct"
    assert LAVROV[first["quote_start"]:first["quote_end"]] == "We are polite people,"
    assert first["speaker_name"] == "Sergey Lavrov"
    assert LAVROV[first["speaker_start"]:first["speaker_end"]] == "Sergey Lavrov"
    for row in rows:
        assert isinstance(row["quote_start"], int)
        assert isinstance(row["confidence"], float)
        assert 0.0 <= row["confidence"] <= 1.0
        assert isinstance(row["paragraph"], int)
        assert list(row) == whosaid.COLUMNS
        got = " ".join(LAVROV[row["quote_start"]:row["quote_end"]].split())
        assert got == row["quote"]


def test_empty_cells_are_none():
    rows = whosaid.extract('"Nobody knows where this ends," the note read.')
    unattributed = [r for r in rows if r["speaker"] is None]
    for r in unattributed:
        assert r["speaker_start"] is None and r["speaker_end"] is None
    assert all(r["doc_id"] is None for r in rows)
    assert all(v != "" for r in rows for v in r.values())


def test_offsets_slice_on_every_seed():
    for doc_id, text in seed_records():
        for row in whosaid.extract(text, doc_id=doc_id):
            piece = text[row["quote_start"]:row["quote_end"]]
            assert piece.strip(), (doc_id, row)
            if "&" not in piece and "\\" not in piece and "''" not in piece:
                assert " ".join(piece.split()) == row["quote"], (doc_id, row)


def test_threads_and_chunks_give_the_same_rows():
    records = seed_records()
    one = list(whosaid.extract_many(records, threads=1))
    assert len(one) > 20
    for threads, chunk in [(2, 256), (None, 3), (2, 1)]:
        got = list(whosaid.extract_many(records, threads=threads, chunk_size=chunk))
        assert got == one, (threads, chunk)
    singly = [r for i, t in records for r in whosaid.extract(t, doc_id=i)]
    assert singly == one


def test_extract_many_streams_from_a_generator():
    def gen():
        for i in range(5):
            yield {"id": i, "text": LAVROV}

    it = whosaid.extract_many(gen(), chunk_size=2)
    first = next(it)
    assert first["doc_id"] == "0"
    rest = list(it)
    assert {r["doc_id"] for r in rest} == {"0", "1", "2", "3", "4"}


def test_a_bad_record_raises_value_error_naming_it_after_the_good_ones():
    records = [
        {"doc_id": "good", "text": LAVROV},
        {"doc_id": "broken", "text": 42},
        {"doc_id": "never", "text": LAVROV},
    ]
    seen = []
    with pytest.raises(ValueError, match=r"record 1 \(id 'broken'\)"):
        for row in whosaid.extract_many(records):
            seen.append(row["doc_id"])
    assert seen and set(seen) == {"good"}
    with pytest.raises(ValueError, match=r"record 0"):
        list(whosaid.extract_many([{"text": "no id"}]))
    with pytest.raises(ValueError, match=r"record 0"):
        list(whosaid.extract_many(["just a string"]))


def test_extractor_with_a_gazetteer_and_a_bad_one(tmp_path):
    header = (ROOT / "data" / "people.tsv").read_text(encoding="utf-8")
    header_line = next(
        line for line in header.splitlines() if line and not line.startswith("#")
    )
    columns = header_line.split("\t")
    good = tmp_path / "mine.tsv"
    cells = ["Q999", "Anna Kowalczyk", "person"] + [""] * (len(columns) - 3)
    good.write_text(header_line + "\n" + "\t".join(cells) + "\n", encoding="utf-8")
    ex = whosaid.Extractor(gazetteers=[good], shipped=False)
    rows = ex.extract('"It will pass," Kowalczyk said.')
    assert rows and rows[0]["speaker"] == "Kowalczyk"
    bad = tmp_path / "bad.tsv"
    bad.write_text(header_line + "\nonly\tthree\tcells\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.tsv:2"):
        whosaid.Extractor(gazetteers=[bad])
    with pytest.raises(OSError, match="nowhere.tsv"):
        whosaid.Extractor(gazetteers=[tmp_path / "nowhere.tsv"])


def test_keep_copies_record_fields():
    records = [
        {"id": "x", "text": LAVROV, "url": "https://e.com/x", "n": 3,
         "tags": ["a", "b"]},
        {"id": "y", "text": LAVROV},
    ]
    rows = list(whosaid.extract_many(records, keep=["url", "n", "tags"]))
    x = [r for r in rows if r["doc_id"] == "x"]
    y = [r for r in rows if r["doc_id"] == "y"]
    assert x[0]["url"] == "https://e.com/x" and x[0]["n"] == 3
    assert x[0]["tags"] == '["a", "b"]'
    assert y[0]["url"] is None
    assert list(x[0])[-3:] == ["url", "n", "tags"]


def test_table_is_typed_arrow_and_goes_to_pandas():
    t = whosaid.table(seed_records(), keep=[])
    assert isinstance(t, pa.Table)
    assert t.column_names == whosaid.COLUMNS
    assert t.schema.field("quote_start").type == pa.int64()
    assert t.schema.field("speaker_start").type == pa.int64()
    assert t.schema.field("confidence").type == pa.float64()
    assert t.schema.field("doc_id").type == pa.string()
    df = t.to_pandas()
    assert len(df) == t.num_rows > 20
    one = whosaid.table(LAVROV, doc_id="a1")
    assert one.column("speaker_name")[0].as_py() == "Sergey Lavrov"


def write_csv(path, rows, columns):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(columns)
        for r in rows:
            w.writerow(["" if r.get(c) is None else r.get(c) for c in columns])


def test_read_table_dtypes(tmp_path):
    rows = whosaid.extract(LAVROV, doc_id="001")
    rows += whosaid.extract('"Nobody knows," the note read. "NA," it ended.', doc_id="002")
    columns = whosaid.COLUMNS + ["url"]
    for r in rows:
        r["url"] = "0042"
    path = tmp_path / "t.csv"
    write_csv(path, rows, columns)
    df = whosaid.read_table(path)
    assert list(df.columns) == columns
    assert df["doc_id"].dtype == "string"
    assert df["doc_id"].iloc[0] == "001"
    assert df["url"].iloc[0] == "0042"
    for c in whosaid.INT_COLUMNS:
        assert str(df[c].dtype) == "Int64", c
    assert df["confidence"].dtype == "float64"
    assert df["speaker_start"].isna().any()
    assert df["quote"].dtype == "string"
    assert not df["quote"].isna().any()
    # A whosaid CSV written by the command line (the checked-in golden).
    golden = whosaid.read_table(ROOT / "tests" / "golden" / "seeds.csv")
    assert str(golden["quote_start"].dtype) == "Int64"
    assert golden["doc_id"].dtype == "string"
    assert golden["confidence"].between(0, 1).all()


def readme_python_example():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(
        r"<!-- python-example -->\s*```python\n(.*?)```", readme, re.S
    )
    assert m, "README.md has no <!-- python-example --> python block"
    return m.group(1)


def test_readme_notebook_example_runs(tmp_path, monkeypatch):
    code = readme_python_example()
    assert len(code.strip().splitlines()) <= 8
    monkeypatch.chdir(ROOT)
    namespace = {}
    exec(compile(code, "README.md", "exec"), namespace)
    df = namespace["df"]
    assert len(df) > 0
    assert str(df["quote_start"].dtype) == "Int64"
