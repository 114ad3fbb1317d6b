"""Plotly charts of the dossier, and how they are shown so that nbconvert keeps them.

plotly >= 6 shows figures as its own JSON mime type, which nbconvert's HTML and PDF silently drop.
`show` emits an HTML bundle (plotly.js inline the first time, so the report works offline) next to
the plotly mime type that JupyterLab renders natively.

Labels come from the article, which is untrusted: plotly reads a few HTML tags in text (<b>, <br>,
<a href>), so every label is escaped (`label`) and shows literally.
"""

from __future__ import annotations

import datetime as dt
import html
import math

import pandas as pd
import plotly.graph_objects as go
from IPython.display import display

from newsdossier.report.notebook import no_math
from newsdossier.timevalue import TimeValue

WIDTH, HEIGHT = (
    680,
    420,
)  # fixed, and narrower than an A4 page's 718 px text width: autosized figures get clipped
TYPE_COLOURS = {
    "person": "#1f77b4",
    "organization": "#ff7f0e",
    "location": "#2ca02c",
    "group": "#7f7f7f",
    "unresolved": "#bbbbbb",
}
KIND_COLOURS = {"direct": "#d62728", "indirect": "#9467bd", "mixed": "#8c564b"}
OTHER_COLOUR = "#17becf"
_plotly_js_sent = False


def label(value: object, limit: int | None = None) -> str:
    """Article text made safe for a plotly label: shortened, then escaped so plotly shows it literally."""
    text = " ".join(str(value).split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return html.escape(text, quote=False)


def figure_html(fig: go.Figure, *, include_plotlyjs: bool) -> str:
    """A figure as an HTML fragment, with plotly.js inline or not, and no MathJax."""
    return fig.to_html(
        full_html=False,
        include_plotlyjs=include_plotlyjs,
        include_mathjax=False,
        config={"displaylogo": False, "responsive": False},
    )


def show(fig: go.Figure) -> None:
    """Display a figure in a notebook so that it survives nbconvert's HTML and PDF export."""
    global _plotly_js_sent  # plotly.js (~4.6 MB) goes into the first figure's output only
    html_ = figure_html(fig, include_plotlyjs=not _plotly_js_sent)
    _plotly_js_sent = True
    bundle = {"text/html": no_math(html_), "application/vnd.plotly.v1+json": fig.to_plotly_json()}
    display(bundle, raw=True)


def layout(
    fig: go.Figure, title: str, xtitle: str, ytitle: str, height: int = HEIGHT, **more: object
) -> go.Figure:
    """The reports' figure layout: fixed size (see WIDTH), white template, titled axes; `more` adds to it
    or overrides it (a margin given there is merged into the default one)."""
    fig.update_layout(
        title=title,
        xaxis_title=xtitle,
        yaxis_title=ytitle,
        width=WIDTH,
        height=height,
        template="plotly_white",
        margin={"l": 60, "r": 20, "t": 60, "b": 60},
        legend_title_text="",
    )
    if more:
        fig.update_layout(**more)
    return fig


def day_axis(fig: go.Figure, title: str, ytitle: str, **more: object) -> go.Figure:
    """A chart of counts per day: a date axis (when it has data) under the reports' layout."""
    if fig.data:
        fig.update_xaxes(type="date")
    return layout(fig, title, "day", ytitle, height=380, **more)


def _empty(fig: go.Figure, message: str) -> go.Figure:
    fig.add_annotation(
        text=message,
        showarrow=False,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        font={"size": 14, "color": "#777"},
    )
    fig.update_xaxes(showticklabels=False)
    fig.update_yaxes(showticklabels=False)
    return fig


def actors_by_mentions(actors: pd.DataFrame, top: int = 15) -> go.Figure:
    """Bar chart: the most mentioned actors, coloured by type."""
    data = actors.sort_values(["mentions", "name"], ascending=[False, True]).head(top).iloc[::-1]
    names = [f"{label(n, 30)} " for n in data["name"]]  # the trailing space keeps equal names apart from ids
    names = [f"{n}({i})" if names.count(n) > 1 else n for n, i in zip(names, data["actor_id"])]
    data = data.assign(_label=names)
    fig = go.Figure()
    kinds = [k for k in TYPE_COLOURS if k in set(data["type"])] + sorted(
        set(data["type"]) - set(TYPE_COLOURS)
    )
    for kind in kinds:
        part = data[data["type"] == kind]
        fig.add_bar(
            x=part["mentions"],
            y=part["_label"],
            orientation="h",
            name=label(kind),
            marker_color=TYPE_COLOURS.get(kind, OTHER_COLOUR),
            hovertemplate="%{y}: %{x} mentions<extra></extra>",
        )
    fig.update_yaxes(categoryorder="array", categoryarray=names)
    title = "Actors by mentions" + (f" (top {top} of {len(actors)})" if len(actors) > top else "")
    fig = layout(
        fig, title, "mentions (names, titles, pronouns)", "actor", height=max(300, 26 * len(data) + 130)
    )
    return fig if not data.empty else _empty(fig, "no actors found")


def claims_per_speaker(claims: pd.DataFrame, top: int = 15) -> go.Figure:
    """Stacked bar chart: claims per speaker, split by kind."""
    fig = go.Figure()
    if claims.empty:
        return _empty(layout(fig, "Claims per speaker", "claims", "speaker", height=300), "no claims found")
    speakers = claims.assign(speaker=claims["speaker"].replace("", "(unknown)").map(lambda s: label(s, 30)))
    order = speakers["speaker"].value_counts().index.tolist()[:top][::-1]
    counts = speakers.groupby(["speaker", "kind"]).size().unstack(fill_value=0).reindex(order)
    kinds = [k for k in KIND_COLOURS if k in counts.columns] + [
        k for k in counts.columns if k not in KIND_COLOURS
    ]
    for kind in kinds:
        fig.add_bar(
            x=counts[kind],
            y=counts.index,
            orientation="h",
            name=label(kind),
            marker_color=KIND_COLOURS.get(kind, OTHER_COLOUR),
            hovertemplate="%{y}: %{x} " + label(kind) + "<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    title = "Claims per speaker" + (f" (top {top})" if speakers["speaker"].nunique() > top else "")
    return layout(fig, title, "claims", "speaker", height=max(300, 26 * len(order) + 130))


def timeline_chart(timeline: pd.DataFrame, window: tuple[str, str] | None = None) -> go.Figure:
    """The timeline on a date axis, one row per event, the core window shaded.

    With a core window the axis shows the window and a margin around it; events outside it are drawn
    as arrows at the edge, with their dates in the label. A period (a week, a quarter, a year) is
    drawn as a bar over the days it covers, its marker on its first day (its middle for mid-, its end
    for late). Rows without a placeable date (XXXX-02-26, PAST_REF) are left out and counted in the title.
    """
    values = timeline["date"].map(TimeValue.parse)
    mods = timeline["mod"] if "mod" in timeline else pd.Series("", index=timeline.index)
    rows = timeline.assign(
        when=[v.axis_day(str(m)) for v, m in zip(values, mods)],
        since=[v.first for v in values],
        until=[v.last for v in values],
        order=[v.sort_key() for v in values],
        shown=[v.human(str(m)) for v, m in zip(values, mods)],
    ).dropna(subset=["when"])
    rows = rows.sort_values(["order", "start"], kind="stable")
    fig = go.Figure()
    refs = int((timeline["ref"].astype(str) != "").sum()) if "ref" in timeline else 0
    left_out = len(timeline) - len(rows) - refs
    notes = [f"{left_out} event{'s' if left_out != 1 else ''} without a placeable date"] if left_out else []
    if refs:  # "now", "recently": kept in the table, no place on a date axis
        notes.insert(0, f"{refs} vague reference{'s' if refs != 1 else ''} (now, recently …)")
    title = "Timeline" + (f" ({' and '.join(notes)} left out)" if notes else "")
    if rows.empty:
        return _empty(layout(fig, title, "date", "event", height=300), "no placeable dates")
    lo = hi = None
    if window and all(window):
        w0, w1 = dt.date.fromisoformat(window[0]), dt.date.fromisoformat(window[1])
        pad = dt.timedelta(days=max(2, (w1 - w0).days // 3))
        lo, hi = w0 - pad, w1 + pad
    ylabels = [f"{label(r.event_id)} {label(r.event, 38)}" for r in rows.itertuples()]
    xs, symbols, notes = [], [], []
    for r in rows.itertuples():
        x, symbol, note = (
            dt.datetime.combine(r.when, dt.time(12)),
            "circle",
            "",
        )  # mid-day: inside its day's band
        if lo and r.when < lo:
            x, symbol, note = lo, "triangle-left", " (earlier, off the axis)"
        elif hi and r.when > hi:
            x, symbol, note = hi, "triangle-right", " (later, off the axis)"
        xs.append(x)
        symbols.append(symbol)
        notes.append(f"{label(r.shown)} “{label(r.date_text, 40)}”{note}")
    fig.add_scatter(
        x=xs,
        y=ylabels,
        mode="markers+text",
        marker={"size": 12, "symbol": symbols, "color": "#1f77b4"},
        text=[label(d) for d in rows["shown"]],
        textposition="middle right",
        textfont={"size": 10},
        customdata=notes,
        hovertemplate="%{customdata}<br>%{y}<extra></extra>",
        name="event",
        showlegend=False,
        cliponaxis=False,
    )
    bar_x: list[dt.date | None] = []
    bar_y: list[str | None] = []
    for r, y in zip(rows.itertuples(), ylabels):
        # a period longer than a day: a bar over its days (drawn after the markers: data[0] stays the events)
        if r.until > r.since:
            bar_x += [r.since, r.until + dt.timedelta(days=1), None]
            bar_y += [y, y, None]
    if bar_x:
        fig.add_scatter(
            x=bar_x,
            y=bar_y,
            mode="lines",
            line={"width": 6, "color": "rgba(31, 119, 180, 0.3)"},
            hoverinfo="skip",
            name="period",
            showlegend=False,
        )
    if lo:
        fig.add_vrect(
            x0=window[0],
            x1=(dt.date.fromisoformat(window[1]) + dt.timedelta(days=1)).isoformat(),
            fillcolor="#ffd54f",
            opacity=0.35,
            line_width=0,
            layer="below",
            annotation_text="core window",
            annotation_position="top left",
        )
        fig.update_xaxes(range=[lo.isoformat(), (hi + dt.timedelta(days=1)).isoformat()])
    fig.update_yaxes(
        autorange="reversed", categoryorder="array", categoryarray=ylabels, tickfont={"size": 10}
    )
    fig.update_xaxes(type="date", tickformat="%d %b\n%Y" if lo else None)
    fig = layout(
        fig,
        title,
        "date (each event at the first day its date covers)",
        "event",
        height=max(300, 30 * len(rows) + 140),
    )
    fig.update_layout(margin={"l": 260, "r": 40, "t": 60, "b": 70})
    return fig


def speaker_network(edges: pd.DataFrame) -> go.Figure:
    """Who speaks about whom: speakers on the left, the actors named in their claims on the right.

    edges: one row per speaker -> actor pair with the number of claims (report.speaker_targets).
    Drawn with plotly scatter and line traces only; line width grows with the number of claims.
    """
    fig = go.Figure()
    if edges.empty:
        return _empty(
            layout(fig, "Who speaks about whom", "", "", height=300), "no claim names another actor"
        )
    speakers = (
        edges.groupby(["speaker_key", "speaker", "speaker_type"], as_index=False)["claims"]
        .sum()
        .sort_values(["claims", "speaker"], ascending=[False, True])
    )
    targets = (
        edges.groupby(["target_id", "target", "target_type"], as_index=False)["claims"]
        .sum()
        .sort_values(["claims", "target"], ascending=[False, True])
    )
    n = max(len(speakers), len(targets))
    height = max(320, 30 * n + 120)

    def ys(count: int) -> list[float]:  # spread a column over the same height, top down
        return [1 - (i + 0.5) / count for i in range(count)]

    left = dict(zip(speakers["speaker_key"], ys(len(speakers))))
    right = dict(zip(targets["target_id"], ys(len(targets))))
    most = edges["claims"].max()
    for width in sorted(edges["claims"].unique()):  # one line trace per width
        part = edges[edges["claims"] == width]
        xs, ys_ = [], []
        for e in part.itertuples():
            xs += [0, 1, None]
            ys_ += [left[e.speaker_key], right[e.target_id], None]
        fig.add_scatter(
            x=xs,
            y=ys_,
            mode="lines",
            hoverinfo="skip",
            showlegend=False,
            line={"width": 1 + 5 * (width - 1) / max(1, most - 1), "color": "rgba(90,90,90,0.45)"},
        )
    mids = edges.assign(x=0.5, y=[(left[e.speaker_key] + right[e.target_id]) / 2 for e in edges.itertuples()])
    hover = [
        f"{label(e.speaker)} → {label(e.target)}: {_plural(e.claims, 'claim')} ({label(e.claim_ids)})"
        for e in edges.itertuples()
    ]
    fig.add_scatter(
        x=mids["x"],
        y=mids["y"],
        mode="markers",
        marker={"size": 6, "color": "rgba(0,0,0,0)"},
        showlegend=False,
        name="claims",
        customdata=hover,
        hovertemplate="%{customdata}<extra></extra>",
    )
    speaker_types = set(speakers["speaker_type"])

    def nodes(frame: pd.DataFrame, key: str, name: str, kind: str, x: float, pos: dict, side: str) -> None:
        for t, part in frame.groupby(kind, sort=False):
            fig.add_scatter(
                x=[x] * len(part),
                y=[pos[k] for k in part[key]],
                mode="markers+text",
                name=label(t),
                legendgroup=label(t),
                showlegend=side == "left" or t not in speaker_types,
                marker={
                    "size": [10 + 3 * math.sqrt(c) for c in part["claims"]],
                    "color": TYPE_COLOURS.get(t, OTHER_COLOUR),
                    "line": {"width": 1, "color": "#fff"},
                },
                text=[label(s, 28) for s in part[name]],
                textfont={"size": 11},
                cliponaxis=False,
                textposition="middle left" if side == "left" else "middle right",
                customdata=[
                    f"{label(s)}: {_plural(c, 'claim link')}" for s, c in zip(part[name], part["claims"])
                ],
                hovertemplate="%{customdata}<extra></extra>",
            )

    nodes(speakers, "speaker_key", "speaker", "speaker_type", 0, left, "left")
    nodes(targets, "target_id", "target", "target_type", 1, right, "right")
    fig.update_xaxes(range=[-0.9, 1.9], visible=False)
    fig.update_yaxes(range=[-0.02, 1.02], visible=False)
    for x, text in ((0, "<b>speaker</b>"), (1, "<b>named in their claims</b>")):
        fig.add_annotation(x=x, y=1.0, yref="paper", text=text, showarrow=False, yanchor="bottom")
    fig = layout(fig, "Who speaks about whom", "", "", height=height)
    fig.update_layout(
        margin={"l": 20, "r": 20, "t": 80, "b": 20}, legend={"orientation": "h", "y": -0.02, "yanchor": "top"}
    )
    return fig


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
