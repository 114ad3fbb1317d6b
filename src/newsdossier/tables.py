"""Tables on disk: records to DataFrames and back, written atomically."""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

T = TypeVar("T")


def to_frame(rows: Sequence[Any], cls: type) -> pd.DataFrame:
    """A DataFrame of dataclass records, with the class's columns even when there are no rows."""
    columns = [f.name for f in dataclasses.fields(cls)]
    return pd.DataFrame([dataclasses.asdict(r) for r in rows], columns=columns)


def _umask() -> int:
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
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual permissions
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


def write_records(rows: Sequence[Any], cls: type, path: Path) -> pd.DataFrame:
    """Write dataclass records as CSV and return the table."""
    frame = to_frame(rows, cls)
    write_csv(frame, path)
    return frame


def read_records(path: Path, cls: type[T]) -> list[T]:
    """Read a CSV written by write_records back into records of cls."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    out = []
    for row in frame.to_dict("records"):
        kwargs = {}
        for f in fields:
            value = row.get(f.name, "")
            if f.type in ("int", int):
                value = int(value) if value != "" else -1
            elif f.type in ("float", float):
                value = float(value) if value != "" else 0.0
            kwargs[f.name] = value
        out.append(cls(**kwargs))
    return out
