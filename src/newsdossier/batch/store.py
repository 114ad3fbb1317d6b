"""The corpus store's DuckDB and Parquet settings, shared by the store (corpus.py) and the story step.

One thread and a small memory budget that spills to disk: the files come out the same bytes on every run,
and memory stays flat however large the corpus is.
"""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import pandas as pd

from newsdossier import tables

DATABASE = "corpus.duckdb"


def sql_path(path: Path) -> str:
    """A path as a DuckDB string literal (quotes doubled)."""
    return "'" + str(path).replace("'", "''") + "'"


def connect(scratch: Path, database: str = ":memory:") -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the store's settings, spilling to `scratch`."""
    con = duckdb.connect(database)
    con.execute("SET threads = 1")
    con.execute("SET memory_limit = '256MB'")
    con.execute(f"SET temp_directory = {sql_path(scratch)}")
    con.execute("SET preserve_insertion_order = true")
    return con


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """Write a small table (the story's) as Parquet atomically."""
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    tables.atomic_write_bytes(path, buffer.getvalue())
