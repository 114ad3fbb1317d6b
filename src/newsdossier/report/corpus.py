"""The corpus report: the corpus-level picture read back from a batch's corpus.duckdb, and its charts."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import plotly.graph_objects as go

from newsdossier.batch.corpus import DATABASE
from newsdossier.report.charts import KIND_COLOURS, TYPE_COLOURS, WIDTH, label

# Legends above the plot: at the right they are clipped to a few letters at the report's width.
_LEGEND = dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0)


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
            f"{database} does not exist: run `make corpus` first (it writes reports/batch), "
            f"or `newsdossier batch ARTICLES --out {folder}`"
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
