"""Who said what in news articles: quotes, claims, speakers and offsets.

The Python face of the ``whosaid`` Rust library. Every function returns
the rows of the table that ``whosaid extract`` writes, one ``dict`` a row,
keyed by the CSV contract's columns in order (:data:`COLUMNS`), with typed
values: ``int`` offsets, ``float`` confidence, ``None`` for an empty cell.
Offsets are Python ``str`` indices into the text given, so
``text[row["quote_start"]:row["quote_end"]]`` is the quote (for HTML, the
quote's source, tags and entities still in it).

>>> import whosaid
>>> text = '"We are polite people," Sergey Lavrov told reporters.'
>>> row = whosaid.extract(text, doc_id="a1")[0]
>>> row["speaker_name"], text[row["quote_start"]:row["quote_end"]]
('Sergey Lavrov', 'We are polite people,')

The work runs in Rust with the GIL released; :func:`extract_many` spreads
documents over a thread pool. pandas and pyarrow are optional: only
:func:`table` and :func:`read_table` import them, when called.
"""

from __future__ import annotations

import csv
import itertools
import json
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence

from . import _whosaid

__all__ = [
    "COLUMNS",
    "DTYPES",
    "Extractor",
    "extract",
    "extract_many",
    "read_table",
    "table",
]

__version__: str = _whosaid.__version__

#: The columns of the table, in the CSV contract's order.
COLUMNS: List[str] = list(_whosaid.COLUMNS)

#: Columns holding whole numbers (nullable: the speaker's span is empty
#: when no speaker was found).
INT_COLUMNS = (
    "quote_id",
    "quote_start",
    "quote_end",
    "speaker_start",
    "speaker_end",
    "paragraph",
)
#: Columns holding a decimal.
FLOAT_COLUMNS = ("confidence",)

#: The pandas dtype of every column:
#: ``pd.DataFrame(rows).astype(whosaid.DTYPES)`` types a frame of rows.
DTYPES: Dict[str, str] = {
    c: "Int64" if c in INT_COLUMNS else "float64" if c in FLOAT_COLUMNS else "string"
    for c in COLUMNS
}

#: Documents handed to Rust at once by :meth:`Extractor.extract_many`.
DEFAULT_CHUNK = 256

Row = Dict[str, Any]


class Extractor:
    """A compiled extractor, built once and used for many documents.

    ``gazetteers`` are paths of your own gazetteer files (the columns of
    ``data/people.tsv``); ``shipped=False`` leaves the shipped gazetteer
    out so that only your files name people and organisations. Building
    takes a moment (it compiles the gazetteer); extracting is fast. An
    instance is immutable and may be shared by threads.

    A bad gazetteer line raises ``ValueError`` naming ``file:line``; a
    file that cannot be read raises ``OSError``.
    """

    def __init__(
        self, gazetteers: Optional[Sequence[str]] = None, shipped: bool = True
    ) -> None:
        paths = [str(p) for p in gazetteers] if gazetteers else None
        self._native = _whosaid.Extractor(paths, shipped)

    def extract(
        self, text: str, doc_id: Optional[str] = None, html: bool = False
    ) -> List[Row]:
        """The rows of one document, in text order.

        ``html=True`` reads ``text`` as HTML: tags are dropped, entities
        decoded, block elements break paragraphs, and offsets point into
        the HTML source.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        return self._native.extract(text, None if doc_id is None else str(doc_id), html)

    def extract_many(
        self,
        records: Iterable[Any],
        threads: Optional[int] = None,
        html: bool = False,
        keep: Sequence[str] = (),
        chunk_size: int = DEFAULT_CHUNK,
    ) -> Iterator[Row]:
        """Rows of many documents, streamed, in input order.

        ``records`` is any iterable (a list, a generator, a file of JSONL
        parsed line by line) of dicts with ``"doc_id"`` (or ``"id"``) and
        ``"text"``, or of ``(doc_id, text)`` pairs. It is read lazily,
        ``chunk_size`` documents at a time: each chunk is extracted on
        ``threads`` threads (default: all cores) with the GIL released,
        and its rows are yielded before the next chunk is read, so memory
        stays bounded by one chunk. The rows are the same for any
        ``threads`` and ``chunk_size``.

        ``keep`` names fields of dict records to copy into every row of
        the record, after the contract's columns (``None`` when missing;
        nested values as JSON text), as ``extract --keep`` does.

        A record that is neither (a dict without a string ``text``, an id
        that is not a string or number) raises ``ValueError`` naming its
        position and id, after the rows of every record before it.
        """
        if chunk_size < 1:
            raise ValueError("chunk_size must be at least 1")
        if threads is not None and threads < 1:
            raise ValueError("threads must be at least 1")
        keep = list(keep)
        iterator = iter(records)
        index = 0
        while True:
            chunk = list(itertools.islice(iterator, chunk_size))
            if not chunk:
                return
            docs = []
            kept = []
            bad = None
            for record in chunk:
                try:
                    docs.append(_doc(record, index))
                except ValueError as e:
                    bad = e
                    break
                kept.append(_kept(record, keep) if keep else None)
                index += 1
            if docs:
                per_doc = self._native.extract_batch(docs, threads, html)
                for rows, extra in zip(per_doc, kept):
                    for row in rows:
                        if extra:
                            row.update(extra)
                        yield row
            if bad is not None:
                raise bad

    def table(
        self,
        source: Any,
        doc_id: Optional[str] = None,
        threads: Optional[int] = None,
        html: bool = False,
        keep: Sequence[str] = (),
    ):
        """The rows as a ``pyarrow.Table`` (``.to_pandas()`` from there).

        ``source`` is one text (a ``str``, with ``doc_id``) or records as
        for :meth:`extract_many`. Offsets are ``int64`` (null when
        empty), ``confidence`` is ``float64``, the rest strings; kept
        fields take the type pyarrow infers. Needs pyarrow installed.
        """
        try:
            import pyarrow as pa
        except ImportError as e:  # pragma: no cover - depends on the venv
            raise ImportError(
                "whosaid.table() needs pyarrow: pip install pyarrow"
            ) from e
        if isinstance(source, str):
            rows = self.extract(source, doc_id=doc_id, html=html)
        else:
            rows = list(
                self.extract_many(source, threads=threads, html=html, keep=keep)
            )
        fields = [pa.field(c, _arrow_type(pa, c)) for c in COLUMNS]
        columns = {c: [r.get(c) for r in rows] for c in COLUMNS}
        arrays = [pa.array(columns[f.name], type=f.type) for f in fields]
        for k in keep:
            if k in columns:
                continue
            arrays.append(pa.array([r.get(k) for r in rows]))
            fields.append(pa.field(k, arrays[-1].type))
        return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _arrow_type(pa, column: str):
    if column in INT_COLUMNS:
        return pa.int64()
    if column in FLOAT_COLUMNS:
        return pa.float64()
    return pa.string()


def _doc(record: Any, index: int):
    """``(doc_id, text)`` of one record, or ``ValueError`` naming it."""
    if isinstance(record, dict):
        raw_id = record.get("doc_id")
        if raw_id is None:
            raw_id = record.get("id")
        text = record.get("text")
    elif isinstance(record, (tuple, list)) and len(record) == 2:
        raw_id, text = record
    else:
        raise ValueError(
            f"record {index}: not a dict with 'doc_id'/'id' and 'text' nor "
            f"a (doc_id, text) pair: {_short(record)}"
        )
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        raise ValueError(
            f"record {index}: its id must be a string or an integer, not "
            f"{_short(raw_id)}"
        )
    doc_id = str(raw_id)
    if not isinstance(text, str):
        raise ValueError(
            f"record {index} (id {doc_id!r}): its text must be a str, not "
            f"{type(text).__name__}"
        )
    return doc_id, text


def _kept(record: Any, keep: Sequence[str]) -> Dict[str, Any]:
    if not isinstance(record, dict):
        return {k: None for k in keep}
    out = {}
    for k in keep:
        v = record.get(k)
        if isinstance(v, (dict, list)):
            v = json.dumps(v, ensure_ascii=False)
        elif v == "":
            v = None
        out[k] = v
    return out


def _short(value: Any) -> str:
    s = repr(value)
    return s if len(s) <= 60 else s[:57] + "..."


_default: Optional[Extractor] = None


def _shared() -> Extractor:
    """The extractor with the shipped data, built on first use."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default


def extract(text: str, doc_id: Optional[str] = None, html: bool = False) -> List[Row]:
    """The rows of one document (see :meth:`Extractor.extract`), with the
    shipped data."""
    return _shared().extract(text, doc_id=doc_id, html=html)


def extract_many(
    records: Iterable[Any],
    threads: Optional[int] = None,
    html: bool = False,
    keep: Sequence[str] = (),
    chunk_size: int = DEFAULT_CHUNK,
) -> Iterator[Row]:
    """Rows of many documents, streamed in input order (see
    :meth:`Extractor.extract_many`), with the shipped data."""
    return _shared().extract_many(
        records, threads=threads, html=html, keep=keep, chunk_size=chunk_size
    )


def table(
    source: Any,
    doc_id: Optional[str] = None,
    threads: Optional[int] = None,
    html: bool = False,
    keep: Sequence[str] = (),
):
    """The rows as a ``pyarrow.Table`` (see :meth:`Extractor.table`), with
    the shipped data."""
    return _shared().table(
        source, doc_id=doc_id, threads=threads, html=html, keep=keep
    )


def read_table(path, **kwargs):
    """Reads a table written by ``whosaid extract`` into a pandas
    ``DataFrame`` with the right dtypes.

    CSV (``--format csv``, the default) or JSONL (``--format jsonl``, by
    the ``.jsonl`` extension). ``doc_id`` and every text column are
    ``string`` (so an id ``"001"`` stays ``"001"``), offsets and counts
    nullable ``Int64`` (an empty speaker span is ``<NA>``, not a float),
    ``confidence`` ``float64``; columns added with ``--keep`` are
    ``string``. Only an empty cell is missing: a quote reading ``NA`` or
    ``null`` stays text. Extra keyword arguments go to pandas. Not for
    ``--excel`` tables, whose cells may carry a ``'`` prefix.
    """
    import pandas as pd

    path_s = str(path)
    if path_s.endswith(".jsonl"):
        frame = pd.read_json(path_s, lines=True, dtype=False, **kwargs)
        for c in frame.columns:
            if c in INT_COLUMNS:
                frame[c] = frame[c].astype("Int64")
            elif c in FLOAT_COLUMNS:
                frame[c] = pd.to_numeric(frame[c]).astype("float64")
            else:
                frame[c] = frame[c].map(
                    lambda v: pd.NA if v is None or v == "" else str(v),
                    na_action="ignore",
                ).astype("string")
        return frame
    with open(path_s, encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f), [])
    dtype = {}
    for c in header:
        if c in INT_COLUMNS:
            dtype[c] = "Int64"
        elif c in FLOAT_COLUMNS:
            dtype[c] = "float64"
        else:
            dtype[c] = "string"
    options = dict(
        dtype=dtype,
        keep_default_na=False,
        na_values=[""],
        encoding="utf-8-sig",
    )
    options.update(kwargs)
    return pd.read_csv(path_s, **options)
