"""A unit of batch work as the engines see it: a call (function, arguments) and what comes back.

Both engines, the local process pool (engine.py) and dask (cluster.py), run the same calls; the types
live here so that neither imports the other for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsdossier.batch.corpus import CorpusArticle, CorpusFailure


@dataclass(frozen=True)
class Outcome:
    """What one unit of work did to one article."""

    name: str
    status: str  # done / failed
    article: CorpusArticle | None = None
    failure: CorpusFailure | None = None
    part: str = ""  # the corpus store's part holding the article's rows (done only)


Call = tuple[Callable[..., list[Outcome]], tuple[Any, ...], dict[str, Any]]
Result = tuple[int, list[Outcome] | BaseException]  # a call's index, and its outcomes or what lost them
