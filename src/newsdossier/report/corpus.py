"""The corpus report: the corpus-level picture read back from a batch's corpus.duckdb, and its charts.

Besides the per-article rankings, it shows the story across articles (batch/story): corpus actors
by articles and outlets, the most-reported statements, the quotes that outlets word differently
(side by side, the differing words marked) and the story timeline. Every row points back to the
articles: a link into the article's dossier when `--reports` made it, and the character offsets
of the claim or event in the article's text either way.
"""

from __future__ import annotations

import dataclasses
import html
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import plotly.graph_objects as go

from newsdossier.batch.corpus import DATABASE
from newsdossier.paths import PACKAGE_DIR
from newsdossier.report.charts import KIND_COLOURS, OTHER_COLOUR, TYPE_COLOURS, day_axis, label, layout
from newsdossier.report.html import esc, human_date, safe_id, style_html

CORPUS_STYLE = PACKAGE_DIR / "templates" / "dossier" / "corpus.css"
DOSSIER = Path("report") / "report.html"  # an article's dossier inside its batch folder (--reports)
UNKNOWN_OUTLET = "(outlet not known)"

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
    corpus_actors: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)
    statements: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)
    quote_variants: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)
    story_timeline: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)
    claims: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)  # the statements' reports
    events: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)  # the story events' reports
    actor_outlets: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)
    actor_rows: pd.DataFrame = dataclasses.field(default_factory=pd.DataFrame)  # the top actors' articles
    dossiers: set[str] = dataclasses.field(default_factory=set)  # articles whose dossier exists
    has_story: bool = False  # the batch folder has the story tables (batch/story)


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(found and found[0])


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
        data = Corpus(
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
        if not _has_table(con, "statements"):  # a batch folder from before the story step
            return data
        data.has_story = True
        shared = con.execute(
            "SELECT (SELECT count(*) FROM corpus_actors WHERE articles > 1), "
            "(SELECT count(*) FROM statements WHERE articles > 1), "
            "(SELECT count(*) FROM statements WHERE quote_variant), "
            "(SELECT count(*) FROM story_timeline WHERE articles > 1)"
        ).fetchone()
        data.counts.update(
            zip(("shared_actors", "shared_statements", "quote_variants", "shared_events"), shared)
        )
        data.corpus_actors = query(f"SELECT * FROM corpus_actors LIMIT {int(top)}")
        data.statements = query(f"SELECT * FROM statements WHERE articles > 1 LIMIT {int(top)}")
        data.quote_variants = query("SELECT * FROM quote_variants")
        data.story_timeline = query("SELECT * FROM story_timeline WHERE articles > 1")
        data.claims = query(
            'SELECT c.statement_id, c.article, c.claim_id, c.start, c."end", c.content, a.source '
            "FROM claims AS c JOIN articles AS a USING (article) "
            "WHERE c.statement_id IN (SELECT statement_id FROM statements WHERE articles > 1) "
            "ORDER BY c.article, c.start"
        )
        data.events = query(
            'SELECT t.story_event_id, t.article, t.event_id, t.start, t."end", a.source '
            "FROM timeline AS t JOIN articles AS a USING (article) "
            "WHERE t.story_event_id IN (SELECT story_event_id FROM story_timeline WHERE articles > 1) "
            "ORDER BY t.article, t.start"
        )
        data.actor_outlets = con.execute(
            "SELECT x.corpus_actor_id, coalesce(nullif(a.source, ''), ?) AS outlet, "
            "count(DISTINCT x.article) AS articles "
            "FROM actors AS x JOIN articles AS a USING (article) "
            f"WHERE x.corpus_actor_id IN (SELECT corpus_actor_id FROM corpus_actors LIMIT {int(top)}) "
            "GROUP BY ALL ORDER BY ALL",
            [UNKNOWN_OUTLET],
        ).df()
        data.actor_rows = query(
            "SELECT corpus_actor_id, article, actor_id, first_start FROM actors "
            f"WHERE corpus_actor_id IN (SELECT corpus_actor_id FROM corpus_actors LIMIT {int(top)}) "
            "ORDER BY corpus_actor_id, article, actor_id"
        )
    data.dossiers = {a for a in data.articles["article"] if (folder / a / DOSSIER).is_file()}
    return data


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
    height = max(300, 26 * rows + 120)
    return layout(fig, title, xtitle, "", height, margin={"t": 80}, barmode="stack", legend=_LEGEND)


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
    return day_axis(fig, "Claims per day", "claims", margin={"t": 80}, barmode="stack", legend=_LEGEND)


# --- The story across articles ---


def corpus_style_html() -> str:
    """The dossier's stylesheet and the corpus report's own (side-by-side quotes, marked words)."""
    return style_html() + f"<style>{CORPUS_STYLE.read_text(encoding='utf-8')}</style>"


def story_summary_html(corpus: Corpus) -> str:
    """How much the articles share: actors, statements, reworded quotes and events in two or more."""
    if not corpus.has_story:
        return (
            "<p><i>No story tables in this batch folder: run `newsdossier batch` again to add them.</i></p>"
        )
    c = corpus.counts
    return (
        f"<p>Across articles: <b>{c['shared_actors']}</b> actors named by two articles or more, "
        f"<b>{c['shared_statements']}</b> statements reported by two or more "
        f"(the first {len(corpus.statements)} below), <b>{c['quote_variants']}</b> of them with a quote "
        "that two reports word differently, and "
        f"<b>{c['shared_events']}</b> dated events reported by two articles or more.</p>"
    )


def _outlet(source: object) -> str:
    return str(source) if isinstance(source, str) and source else UNKNOWN_OUTLET


def _report_link(
    corpus: Corpus, article: str, row_id: str, start: object, end: object, anchor: str = "span"
) -> str:
    """One report of a row: the article (linked into its dossier when there is one, at the row's
    highlight in the text, or at its table row for an actor), the row's id and its character offsets
    in the article's text (an actor's: its first mention)."""
    where = esc(row_id)
    if start is not None and pd.notna(start):
        where += f" @{int(start)}" + (f"\u2013{int(end)}" if end is not None and pd.notna(end) else "")
    if article in corpus.dossiers:
        href = f"../{article}/{DOSSIER.as_posix()}#{anchor}-{safe_id(row_id)}"
        return f'<a href="{esc(href)}">{esc(article)}</a> {where}'
    return f"{esc(article)} {where}"


def _reports_html(corpus: Corpus, rows: pd.DataFrame, id_column: str, limit: int = 8) -> str:
    """The reports of one group, one line per article: outlet, link, id and offsets (the first few)."""
    items = [
        f"<li>{_report_link(corpus, str(r.article), str(getattr(r, id_column)), r.start, r.end)}"
        f" <small>{esc(_outlet(r.source))}</small></li>"
        for r in rows.head(limit).itertuples()
    ]
    if len(rows) > limit:
        items.append(f"<li><i>and {len(rows) - limit} more</i></li>")
    return f'<ul class="nd-reports">{"".join(items)}</ul>'


def _short(text: object, limit: int = 320) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _outlets_cell(outlets: object, limit: int = 4) -> str:
    names = [o for o in str(outlets or "").split(";") if o]
    if not names:
        return f"<i>{esc(UNKNOWN_OUTLET)}</i>"
    more = f" +{len(names) - limit}" if len(names) > limit else ""
    return esc(", ".join(names[:limit])) + more


def _table(head: list[str], rows: list[list[str]], css: str = "") -> str:
    """An HTML table of cells that are HTML already (escaped where they hold data)."""
    cells = "".join(f"<th>{esc(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    table = f'<table class="nd-table nd-corpus {css}">'
    return f"{table}<thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


def corpus_actors_html(corpus: Corpus) -> str:
    """The actors named by the most articles, merged across articles, with their outlets and names."""
    if corpus.corpus_actors.empty:
        return "<h2>Actors across articles</h2><p><i>no actors</i></p>"
    rows = []
    for r in corpus.corpus_actors.itertuples():
        title = f"<br><small>{esc(r.title)}</small>" if r.title else ""
        others = [a for a in str(r.aliases).split(";") if a and a != r.name]
        also = f"<br><small>also: {esc(_short('; '.join(others), 140))}</small>" if others else ""
        where = corpus.actor_rows[corpus.actor_rows["corpus_actor_id"] == r.corpus_actor_id]
        links = [
            _report_link(corpus, str(w.article), str(w.actor_id), w.first_start, None, anchor="row")
            for w in where.head(4).itertuples()
        ]
        more = f" <i>+{len(where) - 4}</i>" if len(where) > 4 else ""
        rows.append(
            [
                f"<b>{esc(r.name)}</b>{title}{also}",
                esc(r.type),
                str(r.articles),
                _outlets_cell(r.outlets),
                str(r.mentions),
                "<br>".join(links) + more,
            ]
        )
    return "<h2>Actors across articles</h2>" + _table(
        ["actor", "type", "articles", "outlets", "mentions", "in (article, actor @ first mention)"],
        rows,
        "nd-actors-x",
    )


def corpus_actors_chart(corpus: Corpus) -> go.Figure:
    """Horizontal bars: the corpus actors by number of articles, coloured by type."""
    return actor_reach_chart(corpus.corpus_actors[["name", "type", "articles", "mentions"]])


def actor_outlets_chart(corpus: Corpus, outlets: int = 12) -> go.Figure:
    """Heat map: which outlets name which of the top actors (articles per actor and outlet)."""
    data = corpus.actor_outlets
    data = data[data["outlet"] != UNKNOWN_OUTLET] if not data.empty else data  # no column to compare
    fig = go.Figure()
    if data.empty:
        fig.add_annotation(text="no article of the batch names its outlet (source)", showarrow=False)
        return _bar_layout(fig, "Actors by outlet", "", 1)
    top = data.groupby("outlet")["articles"].sum().sort_values(ascending=False, kind="stable")
    keep = list(top.index[:outlets])
    order = list(corpus.corpus_actors["corpus_actor_id"])
    names = dict(zip(corpus.corpus_actors["corpus_actor_id"], corpus.corpus_actors["name"]))
    grid = (
        data[data["outlet"].isin(keep)]
        .pivot_table(
            index="corpus_actor_id", columns="outlet", values="articles", aggfunc="sum", fill_value=0
        )
        .reindex(index=order[::-1], columns=keep, fill_value=0)
    )
    fig.add_heatmap(
        z=grid.values,
        x=[label(o, 22) for o in grid.columns],
        y=[label(names.get(i, i), 28) + " " * (n % 2) for n, i in enumerate(grid.index)],
        colorscale="Blues",
        texttemplate="%{z}",
        colorbar=dict(title="articles"),
        hovertemplate="%{y} in %{x}: %{z} article(s)<extra></extra>",
    )
    title = f"Actors by outlet (the {len(keep)} outlets with the most of them)"
    layout(fig, title, "", "", max(320, 24 * len(grid.index) + 200), margin={"b": 140})
    fig.update_xaxes(tickangle=-45)
    return fig


def statements_html(corpus: Corpus) -> str:
    """The statements most articles report: speaker, wording, dates, outlets, every report."""
    if corpus.statements.empty:
        return "<h2>Most-reported statements</h2><p><i>no statement is reported by two articles</i></p>"
    rows = []
    for r in corpus.statements.itertuples():
        reports = corpus.claims[corpus.claims["statement_id"] == r.statement_id]
        days = (
            human_date(r.first_date)
            if r.first_date == r.last_date
            else (f"{human_date(r.first_date)} \u2013 {human_date(r.last_date)}")
        )
        flag = (
            f' <a class="nd-flag" href="#qv-{safe_id(r.statement_id)}">reworded</a>'
            if r.quote_variant
            else ""
        )
        kind = f'<span class="nd-kind nd-kind-{safe_id(r.kind)}">{esc(r.kind)}</span>'
        rows.append(
            [
                esc(r.speaker),
                f"{kind} {esc(_short(r.content))}{flag}",
                esc(days) if r.first_date else "",
                f"{r.articles}<br><small>{r.variants} wording(s)</small>",
                _reports_html(corpus, reports, "claim_id"),
            ]
        )
    return "<h2>Most-reported statements</h2>" + _table(
        ["speaker", "statement", "when", "articles", "reported by (article, claim @ offsets)"],
        rows,
        "nd-statements",
    )


def marked_html(text: str, marks: str) -> str:
    """A quote's text with the words at the given 'start-end' ranges marked as differing."""
    ranges = sorted(tuple(int(x) for x in m.split("-")) for m in str(marks or "").split(";") if m)
    out, at = [], 0
    for start, end in ranges:
        if start < at or end > len(text):  # offsets that do not fit: show the text unmarked there
            continue
        out.append(esc(text[at:start]) + f'<mark class="nd-diff">{esc(text[start:end])}</mark>')
        at = end
    return "".join(out) + esc(text[at:])


def quote_variants_html(corpus: Corpus) -> str:
    """Each quote that reports word differently: its versions side by side, the differing words marked."""
    head = (
        "<h2>Quote variants</h2><p class='nd-intro'>Direct quotes that two reports give in different words. "
        "Version 1 is the wording that shares the most words with the others; "
        "<mark class='nd-diff'>marked</mark> words are worded differently by another version "
        "(in version 1: by any of them). A report that quotes less of the same words is not a variant.</p>"
    )
    if corpus.quote_variants.empty:
        return head + "<p><i>none: every quote reported twice is worded the same</i></p>"
    blocks = []
    for statement_id, versions in corpus.quote_variants.groupby("statement_id", sort=False):
        cells = []
        for v in versions.itertuples():
            reports = "; ".join(
                _report_link(corpus, *claim.split(":", 1), None, None)
                for claim in str(v.claims).split(";")
                if claim
            )
            cells.append(
                f'<div class="nd-version"><div class="nd-version-head">version {v.version} \u00b7 '
                f"{v.articles} article(s) \u00b7 {_outlets_cell(v.outlets)}</div>"
                f"<blockquote>{marked_html(str(v.content), str(v.marks))}</blockquote>"
                f'<div class="nd-note">{reports}</div></div>'
            )
        speaker = esc(versions["speaker"].iloc[0])
        anchor = f"qv-{safe_id(statement_id)}"
        blocks.append(f'<h3 id="{anchor}">{speaker}</h3><div class="nd-versions">{"".join(cells)}</div>')
    return head + "".join(blocks)


def story_timeline_chart(corpus: Corpus) -> go.Figure:
    """Dots on a date axis: each event reported by two or more articles, higher when more report it."""
    data = corpus.story_timeline
    days = data[data["date"].str.match(r"^\d{4}-\d{2}-\d{2}$")] if not data.empty else data
    fig = go.Figure()
    if not days.empty:
        fig.add_scatter(
            x=days["date"],
            y=days["articles"],
            mode="markers",
            marker=dict(
                size=[8 + 2 * min(int(e), 10) for e in days["events"]], color=OTHER_COLOUR, opacity=0.75
            ),
            text=[label(f"{a.split(';')[0]}: {e}", 90) for a, e in zip(days["actor_names"], days["event"])],
            hovertemplate="%{x}: %{text}<br>%{y} article(s)<extra></extra>",
        )
    return day_axis(fig, "Story timeline: events reported by two or more articles (days)", "articles")


def story_timeline_html(corpus: Corpus, actors: int = 4) -> str:
    """The story timeline in date order: the event as most articles word it, its actors and reports."""
    if corpus.story_timeline.empty:
        return "<h2>Story timeline</h2><p><i>no dated event is reported by two articles</i></p>"
    rows = []
    for r in corpus.story_timeline.itertuples():
        names = [n for n in str(r.actor_names).split(";") if n]
        more = f" +{len(names) - actors}" if len(names) > actors else ""
        reports = corpus.events[corpus.events["story_event_id"] == r.story_event_id]
        rows.append(
            [
                esc(human_date(r.date)),
                esc(_short(r.event, 240)),
                esc(", ".join(names[:actors])) + more,
                str(r.articles),
                _reports_html(corpus, reports, "event_id"),
            ]
        )
    return "<h2>Story timeline</h2>" + _table(
        ["date", "event", "actors", "articles", "reported by (article, event @ offsets)"],
        rows,
        "nd-story-timeline",
    )
