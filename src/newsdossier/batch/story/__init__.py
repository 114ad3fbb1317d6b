"""The story across articles: corpus actors, statements, quote variants and the story timeline.

`build_story(out_dir)` runs after the batch store has written a batch output folder's combined
files (articles, actors, claims and timeline Parquet, corpus.duckdb). It reads them, groups what
the articles share, writes corpus_actors / statements / quote_variants / story_timeline .parquet,
rewrites actors / claims / timeline .parquet with corpus_actor_id / statement_id / story_event_id
columns, and adds the story tables and their views to corpus.duckdb -- every file atomically.

Cost and increments: everything is recomputed from the combined tables on each call, in time
linear in their rows (names, claims and events are compared only through indexes of shared keys,
never all pairs; bench/bench_story.py measures it, also for 10 articles added to a batch), and the ids
are made from what identifies each group (a name, a speaker and wording, a date and actors), so adding
articles keeps the ids of the groups they leave as they were. Re-runs over the same files write
byte-identical Parquet. `python -m newsdossier.batch.story DIR` runs this step alone on a batch folder.

Memory: the grouping reads only the columns it compares (COLUMNS), never whole tables; the combined
tables get their id columns in DuckDB, which streams each file into its new copy (a row's id joined to
it by position), so the other columns never pass through pandas.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newsdossier import tables
from newsdossier.batch.store import DATABASE, connect, sql_path, write_parquet
from newsdossier.batch.story.actors import corpus_actors
from newsdossier.batch.story.statements import statements
from newsdossier.batch.story.timeline import story_timeline
from newsdossier.errors import InputError
from newsdossier.records import CorpusActor, QuoteVariant, Statement, StoryEvent

INPUTS = ("articles", "actors", "claims", "timeline")
# The story's own tables (file name stem -> row type); corpus.duckdb holds them in schema `story`.
OUTPUTS: dict[str, type] = {
    "corpus_actors": CorpusActor,
    "statements": Statement,
    "quote_variants": QuoteVariant,
    "story_timeline": StoryEvent,
}
# The columns of each combined table that the grouping reads.
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("article", "published", "source"),
    "actors": ("article", "actor_id", "name", "type", "title", "aliases", "mentions"),
    "claims": ("article", "claim_id", "speaker", "speaker_id", "content", "kind", "date"),
    "timeline": ("article", "event_id", "date", "precision", "event", "actors"),
}
# The id column each rewritten combined table gets.
ID_COLUMNS = {"actors": "corpus_actor_id", "claims": "statement_id", "timeline": "story_event_id"}
VIEWS: dict[str, str] = {
    "corpus_actors": "SELECT * FROM story.corpus_actors ORDER BY articles DESC, mentions DESC, name",
    "statements": """
        SELECT * FROM story.statements ORDER BY articles DESC, claims DESC, first_date, statement_id""",
    "quote_variants": """
        SELECT v.statement_id, s.speaker, v.version, v.content, v.differing, v.articles, v.outlets,
               v.claims, v.marks
        FROM story.quote_variants AS v JOIN story.statements AS s USING (statement_id)
        ORDER BY s.articles DESC, v.statement_id, v.version""",
    "story_timeline": "SELECT * FROM story.story_timeline ORDER BY date, articles DESC, story_event_id",
}


def read_inputs(out_dir: Path) -> dict[str, pd.DataFrame]:
    """The columns of the batch's combined tables that the grouping reads (COLUMNS), read with DuckDB."""
    frames = {}
    with duckdb.connect() as con:
        for name in INPUTS:
            path = out_dir / f"{name}.parquet"
            if not path.is_file():
                raise InputError(
                    f"{path} does not exist; run `newsdossier batch INPUT --out {out_dir}` first"
                )
            columns = ", ".join(f'"{c}"' for c in COLUMNS[name])
            frames[name] = con.execute(f"SELECT {columns} FROM read_parquet(?)", [str(path)]).df()
    return frames


def compute(frames: dict[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], dict[str, list[str]]]:
    """(the story tables, each combined table's id column in row order) from the combined tables."""
    articles = frames["articles"]
    outlet_of = dict(zip(articles["article"].astype(str), articles["source"].fillna("").astype(str)))
    published = {
        str(a): (str(p)[:10] if pd.notna(p) and str(p) else "")
        for a, p in zip(articles["article"], articles["published"])
    }
    actors = frames["actors"].reset_index(drop=True)
    actor_ids, found = corpus_actors(actors, outlet_of)
    corpus_id = {(str(a), str(i)): c for a, i, c in zip(actors["article"], actors["actor_id"], actor_ids)}
    names = {a.corpus_actor_id: a.name for a in found}

    claims = frames["claims"].reset_index(drop=True)
    speakers = [corpus_id.get((str(a), str(s)), "") for a, s in zip(claims["article"], claims["speaker_id"])]
    statement_ids, said, variants = statements(claims, speakers, names, published, outlet_of)

    timeline = frames["timeline"].reset_index(drop=True)
    event_actors = [
        sorted({corpus_id[(str(a), x)] for x in str(ids or "").split(";") if (str(a), x) in corpus_id})
        for a, ids in zip(timeline["article"], timeline["actors"])
    ]
    event_ids, events = story_timeline(timeline, event_actors, found, outlet_of)

    story = {
        "corpus_actors": tables.to_frame(found, CorpusActor),
        "statements": tables.to_frame(said, Statement),
        "quote_variants": tables.to_frame(variants, QuoteVariant),
        "story_timeline": tables.to_frame(events, StoryEvent),
    }
    return story, {"actors": actor_ids, "claims": statement_ids, "timeline": event_ids}


def write_combined(out_dir: Path, ids: dict[str, list[str]]) -> None:
    """Rewrite actors / claims / timeline .parquet with their id column (last, replacing an earlier
    run's), each streamed by DuckDB into a temporary file that replaces the table once it is whole."""
    scratch = out_dir / ".story-spill.tmp"
    with connect(scratch) as con:  # the store's settings: the same bytes on every run, flat memory
        for name, column in ID_COLUMNS.items():
            path = out_dir / f"{name}.parquet"
            tmp = path.with_name(f".{path.name}.story.{os.getpid()}.tmp")
            con.register("story_ids", pa.table({column: pa.array(ids[name], pa.string())}))
            earlier = column in pq.read_schema(path).names
            try:
                con.execute(
                    f"COPY (SELECT t.*{f' EXCLUDE ({column})' if earlier else ''}, i.{column} "
                    f"FROM read_parquet({sql_path(path)}) AS t POSITIONAL JOIN story_ids AS i) "
                    f"TO {sql_path(tmp)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 16384)"
                )
                os.chmod(tmp, 0o666 & ~tables.umask())
                os.replace(tmp, path)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
            finally:
                con.unregister("story_ids")
    shutil.rmtree(scratch, ignore_errors=True)


def write_database(path: Path, story: dict[str, pd.DataFrame]) -> None:
    """Add the story tables and views to corpus.duckdb (and the combined tables, read again from their
    Parquet files, with their id columns), on a copy that replaces the database only once it is complete."""
    tmp = path.with_name(f".{path.name}.story.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        if path.exists():
            shutil.copyfile(path, tmp)
        with duckdb.connect(str(tmp)) as con:
            kinds = dict(
                con.execute(
                    "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main'"
                ).fetchall()
            )
            for name in ID_COLUMNS:
                if (
                    kinds.get(name, "BASE TABLE") == "BASE TABLE"
                ):  # a store's view over the Parquet sees the ids
                    source = sql_path(path.parent / f"{name}.parquet")
                    con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM read_parquet({source})')
            con.execute("CREATE SCHEMA IF NOT EXISTS story")
            for name, frame in story.items():
                con.register("frame", frame)
                con.execute(f'CREATE OR REPLACE TABLE story."{name}" AS SELECT * FROM frame')
                con.unregister("frame")
            for name, sql in VIEWS.items():
                con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {sql}')
            con.execute("CHECKPOINT")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def build_story(out_dir: Path) -> None:
    """Group the batch folder's actors, claims and events across articles; write the story tables."""
    out_dir = Path(out_dir)
    story, ids = compute(read_inputs(out_dir))
    for name, frame in story.items():
        write_parquet(frame, out_dir / f"{name}.parquet")
    write_combined(out_dir, ids)
    write_database(out_dir / DATABASE, story)
