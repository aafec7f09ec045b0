"""Type stubs for the Rust extension module (use ``whosaid`` instead)."""

from typing import Any, Dict, List, Optional, Tuple

COLUMNS: List[str]
__version__: str

class Extractor:
    def __init__(self, gazetteers: Optional[List[str]] = ..., shipped: bool = ...) -> None: ...
    def extract(
        self, text: str, doc_id: Optional[str] = ..., html: bool = ...
    ) -> List[Dict[str, Any]]: ...
    def extract_batch(
        self,
        docs: List[Tuple[str, str]],
        threads: Optional[int] = ...,
        html: bool = ...,
    ) -> List[List[Dict[str, Any]]]: ...
