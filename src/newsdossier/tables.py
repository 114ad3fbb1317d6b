"""Tables on disk: records to DataFrames and back, written atomically."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar, get_type_hints

import pandas as pd

T = TypeVar("T")


def to_frame(rows: Sequence[Any], cls: type) -> pd.DataFrame:
    """A DataFrame of dataclass records, with the class's columns even when there are no rows."""
    columns = [f.name for f in dataclasses.fields(cls)]
    return pd.DataFrame([dataclasses.asdict(r) for r in rows], columns=columns)


def umask() -> int:
    """The process's umask (read by setting it and putting it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write a file through a temporary file and a rename, so no reader sees half of it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o666 & ~umask())  # mkstemp makes 0600; give the file the usual permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write a table as UTF-8 CSV atomically."""
    atomic_write_text(path, frame.to_csv(index=False, lineterminator="\n"))


def write_json(data: Any, path: Path) -> None:
    """Write JSON atomically."""
    atomic_write_text(path, json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def _plain_cells(values: list[Any]) -> list[str] | None:
    """A column's cells as to_csv writes them, when every value is one plain kind; else None (ask pandas).

    A column of only str, only int or only finite float is written the same by pandas as by str/repr;
    anything else (None, NaN, bool, ints mixed with floats) pandas converts first, so it writes those.
    """
    kinds = {type(v) for v in values}
    if kinds <= {str}:
        return values
    if kinds == {int}:
        return [str(v) for v in values]
    if kinds == {float} and all(math.isfinite(v) for v in values):
        return [repr(v) for v in values]
    return None


def write_rows(rows: Sequence[Any], cls: type, path: Path) -> None:
    """Write dataclass records as CSV: the bytes pandas' to_csv writes of their frame, without building one.

    The batch writes every article's tables and never reads them back: pandas' frame and to_csv cost
    more than the csv module does for the same bytes.
    """
    names = [f.name for f in dataclasses.fields(cls)]
    columns = []
    for name in names:
        cells = _plain_cells([getattr(r, name) for r in rows])
        if cells is None:
            write_csv(to_frame(rows, cls), path)
            return
        columns.append(cells)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")  # the dialect pandas' to_csv writes with
    writer.writerow(names)
    writer.writerows(zip(*columns))
    atomic_write_text(path, buffer.getvalue())


def write_records(rows: Sequence[Any], cls: type, path: Path) -> pd.DataFrame:
    """Write dataclass records as CSV (write_rows) and return the table."""
    write_rows(rows, cls, path)
    return to_frame(rows, cls)


# The one null policy of every table: text is a str, empty when unknown (never NaN); a missing
# count or offset is -1 and a missing score 0.0, the values the extractors themselves use.
_NULLS = {int: -1, float: 0.0}
_DTYPES = {int: "int64", float: "float64"}


def column_types(cls: type) -> dict[str, type]:
    """Each column of a record class and the Python type it is read as: int, float or str."""
    hints = get_type_hints(cls)
    return {f.name: hints[f.name] if hints[f.name] in _NULLS else str for f in dataclasses.fields(cls)}


def empty_frame(cls: type) -> pd.DataFrame:
    """A table with the columns of cls and no rows, typed as read_table types them."""
    return pd.DataFrame(
        {name: pd.Series([], dtype=_DTYPES.get(kind, "object")) for name, kind in column_types(cls).items()}
    )


def read_table(path: Path, cls: type) -> pd.DataFrame:
    """Read a CSV of cls records: its columns in order (missing ones empty), typed by the record class."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if frame.empty:
        return empty_frame(cls)
    out = {}
    for name, kind in column_types(cls).items():
        values = frame[name] if name in frame else pd.Series([""] * len(frame), dtype=object)
        if kind is str:
            out[name] = values
        else:  # Python's int()/float(), so every value reads back exactly as it was written
            null = _NULLS[kind]
            out[name] = values.map(lambda v, k=kind, n=null: k(v) if v != "" else n).astype(_DTYPES[kind])
    return pd.DataFrame(out)


def read_records(path: Path, cls: type[T]) -> list[T]:
    """Read a CSV written by write_records back into records of cls."""
    return [cls(**row) for row in read_table(path, cls).to_dict("records")]
