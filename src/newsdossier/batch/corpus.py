"""The corpus of a batch run: per-article tables combined into Parquet and a DuckDB database with views.

Everything here is deterministic (rows sorted by article, then in each article's own order), so a
re-run over the same articles writes byte-identical Parquet files.
"""

from __future__ import annotations

import dataclasses
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from newsdossier import tables
from newsdossier.records import Actor, Claim, Event

DATABASE = "corpus.duckdb"
CORPUS_DIR = "corpus"  # the corpus notebook's run folder inside the batch output folder
# The per-article CSV each combined table is made of, and the record type giving its columns.
COMBINED: dict[str, tuple[str, type]] = {
    "actors": ("actors.csv", Actor),
    "claims": ("claims.csv", Claim),
    "timeline": ("timeline.csv", Event),
}
_DAY = r"^\d{4}-\d{2}-\d{2}$"
VIEWS: dict[str, str] = {
    "top_speakers": """
        SELECT speaker, count(*) AS claims, count(DISTINCT article) AS articles,
               count(*) FILTER (WHERE kind = 'direct') AS direct
        FROM claims WHERE speaker <> ''
        GROUP BY speaker ORDER BY claims DESC, articles DESC, speaker""",
    "actor_reach": """
        SELECT name, type, count(DISTINCT article) AS articles, CAST(sum(mentions) AS BIGINT) AS mentions,
               string_agg(DISTINCT article, ';' ORDER BY article) AS in_articles
        FROM actors
        GROUP BY name, type ORDER BY articles DESC, mentions DESC, name, type""",
    # A claim counts on the day it was made when the article dates it to a day, else on the day
    # the article appeared: most quotes are reported the day after they are made.
    "claims_per_day": f"""
        SELECT coalesce(CASE WHEN regexp_matches(c.date, '{_DAY}') THEN TRY_CAST(c.date AS DATE) END,
                        a.published) AS day,
               count(*) AS claims,
               count(*) FILTER (WHERE regexp_matches(c.date, '{_DAY}')) AS dated_by_claim,
               count(DISTINCT c.article) AS articles
        FROM claims AS c JOIN articles AS a USING (article)
        WHERE day IS NOT NULL
        GROUP BY day ORDER BY day""",
    "events_per_day": f"""
        SELECT TRY_CAST(date AS DATE) AS day, count(*) AS events, count(DISTINCT article) AS articles
        FROM timeline WHERE regexp_matches(date, '{_DAY}')
        GROUP BY day ORDER BY day""",
}


@dataclass(frozen=True)
class CorpusArticle:
    """One article of the corpus, as the batch read it."""

    article: str  # its folder name in the batch output, unique in the batch
    path: str
    published: str  # YYYY-MM-DD, or empty when unknown
    title: str
    source: str
    format: str  # text / html
    words: int


@dataclass(frozen=True)
class CorpusFailure:
    """An input the batch could not process, and why."""

    article: str
    path: str
    stage: str  # manifest / read / analyse / report / worker
    reason: str


# The one table reader (tables.py): types from the record class, empty strings never NaN.
read_table = tables.read_table


def empty_frame(cls: type) -> pd.DataFrame:
    """A table with the columns of cls (article first) and no rows, typed as read_table types them."""
    frame = tables.empty_frame(cls)
    frame.insert(0, "article", pd.Series([], dtype="str"))
    return frame


def combine(out_dir: Path, articles: Sequence[str]) -> dict[str, pd.DataFrame]:
    """Concatenate every article's tables, with an `article` column, sorted by article."""
    combined = {}
    for table, (csv_name, cls) in COMBINED.items():
        parts = []
        for name in sorted(articles):
            frame = read_table(out_dir / name / csv_name, cls)
            frame.insert(0, "article", name)
            parts.append(frame)
        frame = pd.concat(parts, ignore_index=True) if parts else empty_frame(cls)
        combined[table] = frame.astype({"article": "str"})
    return combined


def records_frame(rows: Sequence[object], cls: type) -> pd.DataFrame:
    """Dataclass rows as a table, sorted by their first column (the article) for determinism."""
    frame = tables.to_frame(sorted(rows, key=dataclasses.astuple), cls)
    return frame.astype({f.name: "str" for f in dataclasses.fields(cls) if f.type in ("str", str)})


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """Write a table as Parquet atomically."""
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    tables.atomic_write_bytes(path, buffer.getvalue())


def write_database(path: Path, frames: dict[str, pd.DataFrame]) -> None:
    """Build the DuckDB database (the tables plus VIEWS) in a temporary file, then rename it into place."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    for stale in (tmp, tmp.with_name(tmp.name + ".wal")):
        stale.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(tmp))
        try:
            for name, frame in frames.items():
                con.register("frame", frame)
                if name == "articles":  # store the publication date as a DATE, unknown as NULL
                    con.execute(
                        "CREATE TABLE articles AS SELECT * REPLACE "
                        "(TRY_CAST(NULLIF(published, '') AS DATE) AS published) FROM frame"
                    )
                else:
                    con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM frame')
                con.unregister("frame")
            for name, sql in VIEWS.items():
                con.execute(f'CREATE VIEW "{name}" AS {sql}')
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
