"""The corpus store of a batch run: Parquet parts written per chunk, exported as one table each, and DuckDB.

Adding articles costs in proportion to the new articles. A worker writes the rows of the articles it
processed as one part, `OUT/parts/<id>/<table>.parquet` (renamed into place as a whole), and each
article's done marker names the part that holds its current rows, so a re-processed article's new part
supersedes its earlier rows. At the end of a run that changed the corpus, DuckDB streams the current rows
of every part (each article once, sorted by article and then in the article's own order) into
`OUT/<table>.parquet` and builds `corpus.duckdb` from those files; parts that no article points to any
more are deleted. Nothing here holds the corpus in memory, and a re-run over the same articles writes
byte-identical Parquet files.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from newsdossier import tables
from newsdossier.batch.store import DATABASE, connect, sql_path
from newsdossier.records import Actor, Claim, Event

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

CORPUS_DIR = "corpus"  # the corpus notebook's run folder inside the batch output folder
PARTS_DIR = "parts"  # OUT/parts/<id>/: the rows of the articles one unit of work processed
STATE = "state.json"  # OUT/parts/state.json: what the exported files hold, written last
# More parts than this, and the store merges every current row into one part after an export: the
# number of files a run reads, and so its time and memory, stay bounded however many runs added articles.
COMPACT_PARTS = 64
FAILURES = "failures.csv"


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


# Each exported table and the record type of its rows (after the `article` column).
TABLES: dict[str, type] = {
    "articles": CorpusArticle,
    "actors": Actor,
    "claims": Claim,
    "timeline": Event,
}
OUTPUTS = (*(f"{t}.parquet" for t in TABLES), DATABASE)  # what the store writes at the top of OUT
_PART, _SEQ = "_part", "_seq"  # part columns only: which part a row is in, its place in its article

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


# --- Parts: written by the workers. ---


_ARROW = {int: pa.int64(), float: pa.float64(), str: pa.string()}  # tables.column_types' three kinds


def schema(table: str) -> pa.Schema:
    """The Parquet schema of a table: `article` first, then its record's fields."""
    fields = [pa.field(name, _ARROW[kind]) for name, kind in tables.column_types(TABLES[table]).items()]
    if table != "articles":  # CorpusArticle begins with its article already
        fields.insert(0, pa.field("article", pa.string()))
    return pa.schema(fields)


def part_schema(table: str) -> pa.Schema:
    """A part's schema: the table's, plus the part's id and each row's place in its article."""
    return schema(table).append(pa.field(_PART, pa.string())).append(pa.field(_SEQ, pa.int32()))


def new_part_id() -> str:
    """A name for a new part, unique across runs, processes and machines."""
    return uuid.uuid4().hex


def part_exists(out_dir: Path, part: str) -> bool:
    """Whether OUT holds the part (its directory appears whole, by a rename)."""
    return bool(part) and (Path(out_dir) / PARTS_DIR / part / "articles.parquet").is_file()


def write_part(out_dir: Path, part: str, rows: Mapping[str, Sequence[tuple[str, Sequence[Any]]]]) -> None:
    """Write one part: for each table, (article, records) pairs; the part appears whole or not at all.

    rows["articles"] holds (name, [CorpusArticle]) pairs, the other tables each article's records.
    """
    parts = Path(out_dir) / PARTS_DIR
    parts.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{part}.", suffix=".tmp", dir=parts))
    try:
        for table in TABLES:
            target = part_schema(table)
            names = [f.name for f in dataclasses.fields(TABLES[table])]
            columns: dict[str, list[Any]] = {f.name: [] for f in target}
            for article, records in rows.get(table, ()):
                for seq, record in enumerate(records):
                    if table != "articles":
                        columns["article"].append(article)
                    for name in names:
                        columns[name].append(getattr(record, name))
                    columns[_PART].append(part)
                    columns[_SEQ].append(seq)
            pq.write_table(pa.table(columns, schema=target), tmp / f"{table}.parquet")
        os.chmod(tmp, 0o777 & ~tables.umask())  # mkdtemp makes 0700; give the part the usual permissions
        os.rename(tmp, parts / part)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


# --- The exported corpus: written by the parent at the end of a run. ---


def state_key(current: Mapping[str, str], failures: Sequence[CorpusFailure]) -> str:
    """What the exported files hold: each article's part, and the failures."""
    payload = json.dumps([sorted(current.items()), [dataclasses.astuple(f) for f in failures]])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def is_current(out_dir: Path, key: str) -> bool:
    """Whether the corpus files in OUT were written for this state and are all still there."""
    out_dir = Path(out_dir)
    try:
        state = json.loads((out_dir / PARTS_DIR / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return state.get("key") == key and all((out_dir / name).exists() for name in (*OUTPUTS, FAILURES))


def export(out_dir: Path, current: Mapping[str, str], failures: Sequence[CorpusFailure]) -> list[Path]:
    """Write failures.csv, OUT/<table>.parquet from the current rows of the parts, and corpus.duckdb."""
    out_dir = Path(out_dir)
    tables.write_csv(
        tables.to_frame(sorted(failures, key=dataclasses.astuple), CorpusFailure), out_dir / FAILURES
    )
    parts = out_dir / PARTS_DIR
    # Scratch space (DuckDB's spill files, each file before its rename) outside parts/, which is globbed.
    scratch = Path(tempfile.mkdtemp(prefix=".export-", suffix=".tmp", dir=out_dir))
    written = [out_dir / FAILURES]
    try:
        con = connect(scratch)
        try:
            index = pa.table(
                {"article": list(current), "part": list(current.values())},
                schema=pa.schema([("article", pa.string()), ("part", pa.string())]),
            )
            con.register("current_parts", index)
            for table in TABLES:
                target = out_dir / f"{table}.parquet"
                tmp = scratch / f"{table}.parquet"
                if (
                    current
                ):  # every part (the join keeps each article's current one); older ones may lack a column
                    files = sql_path(parts / "*" / f"{table}.parquet")
                    source = f"read_parquet({files}, union_by_name = true, hive_partitioning = false)"
                else:
                    empty = part_schema(table)
                    con.register(f"empty_{table}", pa.table({f.name: [] for f in empty}, schema=empty))
                    source = f"empty_{table}"
                order = "t.article" if table == "articles" else f"t.article, t.{_SEQ}"
                con.execute(
                    f"COPY (SELECT t.* EXCLUDE ({_PART}, {_SEQ}) FROM {source} AS t "
                    f"SEMI JOIN current_parts AS c ON t.article = c.article AND t.{_PART} = c.part "
                    f"ORDER BY {order}) TO {sql_path(tmp)} "
                    "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 16384)"  # bounded writer buffers
                )
                os.chmod(tmp, 0o666 & ~tables.umask())
                os.replace(tmp, target)
                written.append(target)
        finally:
            con.close()
        written.append(build_database(out_dir, failures, scratch))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return written


def _create_tables(con: duckdb.DuckDBPyConnection, sources: Mapping[str, str]) -> None:
    """The corpus tables from SQL sources (the publication date stored as a DATE), then the VIEWS."""
    for table, source in sources.items():
        if table == "articles":  # unknown dates as NULL
            con.execute(
                "CREATE TABLE articles AS SELECT * REPLACE "
                f"(TRY_CAST(NULLIF(published, '') AS DATE) AS published) FROM {source}"
            )
        else:
            con.execute(f'CREATE TABLE "{table}" AS SELECT * FROM {source}')
    for name, sql in VIEWS.items():
        con.execute(f'CREATE VIEW "{name}" AS {sql}')
    con.execute("CHECKPOINT")


def build_database(out_dir: Path, failures: Sequence[CorpusFailure], scratch: Path) -> Path:
    """Build corpus.duckdb (the exported tables, failures, VIEWS) in scratch, then rename it into OUT."""
    path = Path(out_dir) / DATABASE
    tmp = scratch / DATABASE
    con = connect(scratch, str(tmp))
    try:
        rows = sorted(failures, key=dataclasses.astuple)
        frame = pa.table(
            {f.name: [getattr(r, f.name) for r in rows] for f in dataclasses.fields(CorpusFailure)},
            schema=pa.schema([(f.name, pa.string()) for f in dataclasses.fields(CorpusFailure)]),
        )
        con.register("failure_rows", frame)
        sources = {t: f"read_parquet({sql_path(Path(out_dir) / f'{t}.parquet')})" for t in TABLES}
        _create_tables(con, {**sources, "failures": "failure_rows"})
    finally:
        con.close()
    os.chmod(tmp, 0o666 & ~tables.umask())
    os.replace(tmp, path)
    return path


def write_database(path: Path, frames: Mapping[str, pd.DataFrame]) -> None:
    """A corpus.duckdb from tables in memory (articles, actors, claims, timeline, failures): for tests."""
    path = Path(path)
    scratch = Path(tempfile.mkdtemp(prefix=".export-", suffix=".tmp", dir=path.parent))
    try:
        con = connect(scratch, str(scratch / path.name))
        try:
            for name, frame in frames.items():
                con.register(f"frame_{name}", frame)
            _create_tables(con, {name: f"frame_{name}" for name in frames})
        finally:
            con.close()
        os.replace(scratch / path.name, path)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def records_frame(rows: Sequence[object], cls: type) -> pd.DataFrame:
    """Dataclass rows as a table, sorted by their first column (the article), text columns as str."""
    frame = tables.to_frame(sorted(rows, key=dataclasses.astuple), cls)
    return frame.astype({f.name: "str" for f in dataclasses.fields(cls) if f.type in ("str", str)})


def build_story(out_dir: Path) -> None:
    """The cross-article step (batch/story.py, issue 17): it reads the exported files, adds its own.

    INTEGRATION: the one call site of the story module. Until batch/story.py lands there is nothing to
    do; once it does, `build_story(out_dir)` runs right after the corpus files are written.
    """
    if importlib.util.find_spec("newsdossier.batch.story") is None:
        return
    from newsdossier.batch import story

    story.build_story(Path(out_dir))


def merge_parts(out_dir: Path, group: Sequence[str], current: Mapping[str, str]) -> str:
    """Write the current rows of a group of parts as one new part; returns its id (rows keep their order)."""
    out_dir = Path(out_dir)
    part = new_part_id()
    parts = out_dir / PARTS_DIR
    tmp = Path(tempfile.mkdtemp(prefix=f".{part}.", suffix=".tmp", dir=parts))
    scratch = Path(tempfile.mkdtemp(prefix=".export-", suffix=".tmp", dir=out_dir))
    try:
        con = connect(scratch)
        try:
            members = [(a, p) for a, p in current.items() if p in set(group)]
            index = pa.table({"article": [a for a, _ in members], "part": [p for _, p in members]})
            con.register("current_parts", index)
            for table in TABLES:
                files = ", ".join(sql_path(parts / p / f"{table}.parquet") for p in group)
                con.execute(
                    f"COPY (SELECT t.* REPLACE ('{part}' AS {_PART}) FROM read_parquet([{files}], "
                    "union_by_name = true, hive_partitioning = false) AS t SEMI JOIN current_parts AS c "
                    f"ON t.article = c.article AND t.{_PART} = c.part) "
                    f"TO {sql_path(tmp / f'{table}.parquet')} (FORMAT parquet, COMPRESSION zstd)"
                )
        finally:
            con.close()
        os.chmod(tmp, 0o777 & ~tables.umask())
        os.rename(tmp, parts / part)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return part


def compact(
    out_dir: Path, current: Mapping[str, str], repoint: Callable[[Mapping[str, str]], None]
) -> dict[str, str]:
    """Merge the parts, COMPACT_PARTS at a time, while there are more than COMPACT_PARTS; the new mapping.

    Safe at every step: until repoint has recorded the new parts (in the done markers), the old parts
    stay, and an article's rows are the same in both.
    """
    current = dict(current)
    size = max(COMPACT_PARTS, 2)
    while len(used := sorted(set(current.values()))) > COMPACT_PARTS:
        for i in range(0, len(used), size):
            group = used[i : i + size]
            if len(group) > 1:
                merged = merge_parts(out_dir, group, current)
                current.update({a: merged for a, p in current.items() if p in set(group)})
        repoint(current)
        remove_unused_parts(out_dir, current)
    return current


def remove_unused_parts(out_dir: Path, current: Mapping[str, str]) -> None:
    """Delete the parts no article points to (superseded or failed), and any left half-written."""
    parts = Path(out_dir) / PARTS_DIR
    if not parts.is_dir():
        return
    used = set(current.values())
    for entry in parts.iterdir():
        if entry.is_dir() and entry.name not in used:
            shutil.rmtree(entry, ignore_errors=True)


def update(
    out_dir: Path,
    current: Mapping[str, str],
    failures: Sequence[CorpusFailure],
    *,
    repoint: Callable[[Mapping[str, str]], None] | None = None,
) -> list[Path]:
    """Bring the corpus files in OUT up to date with the current parts; a no-op when nothing changed.

    current maps each finished article to its part. With more than COMPACT_PARTS parts, they are merged
    first, and repoint(new mapping) records where each article's rows now are (the done markers).
    Returns the files written (none when the corpus was already current).
    """
    out_dir = Path(out_dir)
    key = state_key(current, failures)
    (out_dir / PARTS_DIR).mkdir(parents=True, exist_ok=True)
    if is_current(out_dir, key):
        return []
    (out_dir / PARTS_DIR / STATE).unlink(missing_ok=True)  # until rewritten, the files are not current
    # left by a killed worker or run (no unit of work is running now): a half-written file breaks the glob
    for leftover in [*(out_dir / PARTS_DIR).glob(".*.tmp"), *out_dir.glob(".export-*.tmp")]:
        shutil.rmtree(leftover, ignore_errors=True)
    if repoint is not None and len(set(current.values())) > COMPACT_PARTS:
        current = compact(out_dir, current, repoint)  # the export then reads a bounded number of files
        key = state_key(current, failures)
    written = export(out_dir, current, failures)
    build_story(out_dir)
    tables.write_json({"key": key, "articles": len(current)}, out_dir / PARTS_DIR / STATE)
    remove_unused_parts(out_dir, current)
    return written
