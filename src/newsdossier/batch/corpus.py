"""The corpus of a batch run: per-article tables combined into Parquet and a DuckDB database with views.

Everything here is deterministic (rows sorted by article, then in each article's own order), so a
re-run over the same articles writes byte-identical Parquet files.
"""

from __future__ import annotations

import dataclasses
import html
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import plotly.graph_objects as go

from newsdossier import tables
from newsdossier.records import Actor, Claim, Event
from newsdossier.report.charts import KIND_COLOURS, TYPE_COLOURS, WIDTH, label

DATABASE = "corpus.duckdb"
CORPUS_DIR = "corpus"  # the corpus notebook's run folder inside the batch output folder
# The per-article CSV each combined table is made of, and the record type giving its columns.
COMBINED: dict[str, tuple[str, type]] = {
    "actors": ("actors.csv", Actor),
    "claims": ("claims.csv", Claim),
    "timeline": ("timeline.csv", Event),
}
# Legends above the plot: at the right they are clipped to a few letters at the report's width.
_LEGEND = dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0)
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


def read_table(path: Path, cls: type) -> pd.DataFrame:
    """Read a per-article CSV with the column types of its record class (ints stay ints, text stays text)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for f in dataclasses.fields(cls):
        if f.name not in frame.columns:
            frame[f.name] = ""
        if f.type in ("int", int):
            frame[f.name] = pd.to_numeric(frame[f.name]).astype("int64")
        elif f.type in ("float", float):
            frame[f.name] = pd.to_numeric(frame[f.name]).astype("float64")
    return frame[[f.name for f in dataclasses.fields(cls)]]


def empty_frame(cls: type) -> pd.DataFrame:
    """A table with the columns of cls (article first) and no rows, typed as read_table types them."""
    dtypes = {"int": "int64", "float": "float64"}
    columns = {"article": pd.Series([], dtype="str")}
    for f in dataclasses.fields(cls):
        columns[f.name] = pd.Series([], dtype=dtypes.get(str(f.type), "str"))
    return pd.DataFrame(columns)


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


# --- Reading the corpus back: what the corpus notebook shows. ---


@dataclass
class Corpus:
    """The corpus-level picture, read from corpus.duckdb."""

    folder: Path
    articles: pd.DataFrame
    failures: pd.DataFrame
    top_speakers: pd.DataFrame
    actor_reach: pd.DataFrame
    claims_per_day: pd.DataFrame
    counts: dict[str, int]


def load(corpus_dir: str | Path, *, top: int = 20) -> Corpus:
    """Read the batch output folder's corpus.duckdb (read-only) into the frames the notebook shows."""
    folder = Path(corpus_dir)
    database = folder / DATABASE
    if not database.exists():
        raise FileNotFoundError(
            f"{database} does not exist; run `newsdossier batch INPUT --out {folder}` first"
        )
    with duckdb.connect(str(database), read_only=True) as con:

        def query(sql: str) -> pd.DataFrame:
            return con.execute(sql).df()

        counts = {
            name: int(con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
            for name in ("articles", "failures", "actors", "claims", "timeline")
        }
        return Corpus(
            folder=folder,
            articles=query(
                "SELECT article, published, title, source, format, words FROM articles ORDER BY article"
            ),
            failures=query("SELECT article, stage, reason FROM failures ORDER BY article, stage"),
            top_speakers=query(f"SELECT * FROM top_speakers LIMIT {int(top)}"),
            actor_reach=query(f"SELECT name, type, articles, mentions FROM actor_reach LIMIT {int(top)}"),
            claims_per_day=query("SELECT * FROM claims_per_day"),
            counts=counts,
        )


def summary_html(corpus: Corpus) -> str:
    """A short paragraph: how many articles, words, actors, claims and failures the corpus has."""
    words = int(corpus.articles["words"].sum()) if not corpus.articles.empty else 0
    dates = corpus.articles["published"].dropna()
    span = f", published {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if not dates.empty else ""
    c = corpus.counts
    return (
        f"<p><b>{c['articles']}</b> articles ({words:,} words{html.escape(span)}), "
        f"<b>{c['actors']}</b> actor rows, <b>{c['claims']}</b> claims, <b>{c['timeline']}</b> timeline "
        f"rows. <b>{c['failures']}</b> input(s) failed; see <code>failures.csv</code>.</p>"
    )


def table_html(title: str, frame: pd.DataFrame, *, empty: str = "none") -> str:
    """A titled HTML table (or a line saying there is nothing to show)."""
    if frame.empty:
        return f"<h2>{html.escape(title)}</h2><p><i>{html.escape(empty)}</i></p>"
    body = frame.to_html(index=False, escape=True, border=0)
    return f"<h2>{html.escape(title)}</h2>{body}"


def _bar_layout(fig: go.Figure, title: str, xtitle: str, rows: int, most: int = 0) -> go.Figure:
    if most <= 10:  # counts: whole-number ticks, not 0.2, 0.4 ...
        fig.update_xaxes(tick0=0, dtick=1)
    fig.update_layout(
        title=title,
        xaxis_title=xtitle,
        width=WIDTH,
        height=max(300, 26 * rows + 120),
        template="plotly_white",
        margin=dict(l=60, r=20, t=80, b=60),
        barmode="stack",
        legend_title_text="",
        legend=_LEGEND,
    )
    return fig


def speakers_chart(top_speakers: pd.DataFrame) -> go.Figure:
    """Horizontal bars: the most-quoted speakers, direct quotes apart from the rest."""
    data = top_speakers.iloc[::-1].assign(speaker=lambda f: f["speaker"].map(lambda v: label(v, 30)))
    fig = go.Figure()
    fig.add_bar(
        x=data["direct"],
        y=data["speaker"],
        orientation="h",
        name="direct",
        marker_color=KIND_COLOURS["direct"],
    )
    fig.add_bar(
        x=data["claims"] - data["direct"],
        y=data["speaker"],
        orientation="h",
        name="indirect / mixed",
        marker_color=KIND_COLOURS["indirect"],
    )
    return _bar_layout(
        fig, "Most-quoted speakers", "claims", len(data), int(data["claims"].max()) if len(data) else 0
    )


def actor_reach_chart(actor_reach: pd.DataFrame) -> go.Figure:
    """Horizontal bars: actors by the number of articles they appear in, coloured by type."""
    data = actor_reach.iloc[::-1]
    twice = data["name"].duplicated(keep=False)  # one name, two types (a city and its team): tell them apart
    labels = [label(n, 30) + (f" ({t})" if d else "") for n, t, d in zip(data["name"], data["type"], twice)]
    data = data.assign(name=labels)
    fig = go.Figure()
    for kind, part in data.groupby("type", sort=True):
        fig.add_bar(
            x=part["articles"],
            y=part["name"],
            orientation="h",
            name=label(kind, 30),
            marker_color=TYPE_COLOURS.get(kind, "#17becf"),
        )
    fig.update_yaxes(categoryorder="array", categoryarray=list(data["name"]))
    return _bar_layout(
        fig,
        "Actors by number of articles",
        "articles",
        len(data),
        int(data["articles"].max()) if len(data) else 0,
    )


def claims_per_day_chart(claims_per_day: pd.DataFrame) -> go.Figure:
    """Bars: claims per day (the claim's own day, else the article's publication day)."""
    days = pd.to_datetime(claims_per_day["day"]).dt.strftime("%Y-%m-%d")  # plotly's JSON takes no datetime64
    fig = go.Figure()
    fig.add_bar(
        x=days,
        y=claims_per_day["dated_by_claim"],
        name="dated in the article",
        marker_color=KIND_COLOURS["direct"],
    )
    fig.add_bar(
        x=days,
        y=claims_per_day["claims"] - claims_per_day["dated_by_claim"],
        name="publication day",
        marker_color="#7f7f7f",
    )
    fig.update_xaxes(type="date")
    fig.update_layout(
        title="Claims per day",
        xaxis_title="day",
        yaxis_title="claims",
        width=WIDTH,
        height=380,
        template="plotly_white",
        margin=dict(l=60, r=20, t=80, b=60),
        barmode="stack",
        legend_title_text="",
        legend=_LEGEND,
    )
    return fig
