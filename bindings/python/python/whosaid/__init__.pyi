"""Type stubs for the ``whosaid`` package (see its docstrings)."""

from os import PathLike
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

Row = Dict[str, Any]
Record = Union[Mapping[str, Any], Tuple[Union[str, int], str], Sequence[Any]]

__version__: str
COLUMNS: List[str]
INT_COLUMNS: Tuple[str, ...]
FLOAT_COLUMNS: Tuple[str, ...]
DEFAULT_CHUNK: int
DTYPES: Dict[str, str]

class Extractor:
    def __init__(
        self,
        gazetteers: Optional[Sequence[Union[str, PathLike[str]]]] = ...,
        shipped: bool = ...,
    ) -> None: ...
    def extract(
        self, text: str, doc_id: Optional[str] = ..., html: bool = ...
    ) -> List[Row]: ...
    def extract_many(
        self,
        records: Iterable[Record],
        threads: Optional[int] = ...,
        html: bool = ...,
        keep: Sequence[str] = ...,
        chunk_size: int = ...,
    ) -> Iterator[Row]: ...
    def table(
        self,
        source: Union[str, Iterable[Record]],
        doc_id: Optional[str] = ...,
        threads: Optional[int] = ...,
        html: bool = ...,
        keep: Sequence[str] = ...,
    ) -> Any: ...  # pyarrow.Table

def extract(
    text: str, doc_id: Optional[str] = ..., html: bool = ...
) -> List[Row]: ...
def extract_many(
    records: Iterable[Record],
    threads: Optional[int] = ...,
    html: bool = ...,
    keep: Sequence[str] = ...,
    chunk_size: int = ...,
) -> Iterator[Row]: ...
def table(
    source: Union[str, Iterable[Record]],
    doc_id: Optional[str] = ...,
    threads: Optional[int] = ...,
    html: bool = ...,
    keep: Sequence[str] = ...,
) -> Any: ...  # pyarrow.Table
def read_table(path: Union[str, PathLike[str]], **kwargs: Any) -> Any: ...  # pandas.DataFrame
