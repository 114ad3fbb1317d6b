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
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pandas as pd

from newsdossier import tables
from newsdossier.batch.corpus import DATABASE, write_parquet
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
    """The batch's combined tables, read with DuckDB, without the id columns an earlier run added."""
    frames = {}
    with duckdb.connect() as con:
        for name in INPUTS:
            path = out_dir / f"{name}.parquet"
            if not path.is_file():
                raise InputError(
                    f"{path} does not exist; run `newsdossier batch INPUT --out {out_dir}` first"
                )
            frame = con.execute("SELECT * FROM read_parquet(?)", [str(path)]).df()
            frames[name] = frame.drop(columns=[ID_COLUMNS.get(name, "")], errors="ignore")
    return frames


def compute(frames: dict[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    """(the story tables, the combined tables with their id columns) from the combined tables."""
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
    combined = {
        "actors": actors.assign(corpus_actor_id=actor_ids),
        "claims": claims.assign(statement_id=statement_ids),
        "timeline": timeline.assign(story_event_id=event_ids),
    }
    return story, combined


def write_database(path: Path, combined: dict[str, pd.DataFrame], story: dict[str, pd.DataFrame]) -> None:
    """Add the story tables and views to corpus.duckdb (and the id columns to its combined tables),
    on a copy that replaces the database only once it is complete."""
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
            for name, frame in combined.items():
                if (
                    kinds.get(name, "BASE TABLE") == "BASE TABLE"
                ):  # a store's view over the Parquet sees the ids
                    con.register("frame", frame)
                    con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM frame')
                    con.unregister("frame")
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
    story, combined = compute(read_inputs(out_dir))
    for name, frame in story.items():
        write_parquet(frame, out_dir / f"{name}.parquet")
    for name, frame in combined.items():
        write_parquet(frame, out_dir / f"{name}.parquet")
    write_database(out_dir / DATABASE, combined, story)
