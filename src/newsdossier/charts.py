"""Plotly charts of the dossier, and how they are shown so that nbconvert keeps them.

plotly >= 6 shows figures as its own JSON mime type, which nbconvert's HTML and PDF silently drop.
`show` emits an HTML bundle (plotly.js inline the first time, so the report works offline) next to
the plotly mime type that JupyterLab renders natively.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import plotly.graph_objects as go
from IPython.display import display

WIDTH, HEIGHT = 720, 420  # fixed, and narrow enough for an A4 page: autosized figures come out clipped in the PDF
TYPE_COLOURS = {"person": "#1f77b4", "organization": "#ff7f0e", "location": "#2ca02c", "group": "#7f7f7f"}
KIND_COLOURS = {"direct": "#d62728", "indirect": "#9467bd", "mixed": "#8c564b"}
_plotly_js_sent = False


def figure_html(fig: go.Figure, *, include_plotlyjs: bool) -> str:
    """A figure as an HTML fragment, with plotly.js inline or not, and no MathJax."""
    return fig.to_html(full_html=False, include_plotlyjs=include_plotlyjs, include_mathjax=False,
                       config={"displaylogo": False, "responsive": False})


def show(fig: go.Figure) -> None:
    """Display a figure in a notebook so that it survives nbconvert's HTML and PDF export."""
    global _plotly_js_sent  # plotly.js (~4.6 MB) goes into the first figure's output only
    html = figure_html(fig, include_plotlyjs=not _plotly_js_sent)
    _plotly_js_sent = True
    display({"text/html": html, "application/vnd.plotly.v1+json": fig.to_plotly_json()}, raw=True)


def _layout(fig: go.Figure, title: str, xtitle: str, ytitle: str, height: int = HEIGHT) -> go.Figure:
    fig.update_layout(title=title, xaxis_title=xtitle, yaxis_title=ytitle, width=WIDTH, height=height,
                      template="plotly_white", margin=dict(l=60, r=20, t=60, b=60), legend_title_text="")
    return fig


def actors_by_mentions(actors: pd.DataFrame, top: int = 15) -> go.Figure:
    """Bar chart: the most mentioned actors, coloured by type."""
    data = actors.sort_values(["mentions", "name"], ascending=[False, True]).head(top).iloc[::-1]
    fig = go.Figure()
    for kind, part in data.groupby("type", sort=False):
        fig.add_bar(x=part["mentions"], y=part["name"], orientation="h", name=kind,
                    marker_color=TYPE_COLOURS.get(kind, "#17becf"))
    fig.update_yaxes(categoryorder="array", categoryarray=list(data["name"]))
    return _layout(fig, "Actors by mentions", "mentions", "actor", height=max(300, 28 * len(data) + 120))


def claims_per_speaker(claims: pd.DataFrame) -> go.Figure:
    """Stacked bar chart: claims per speaker, split by kind."""
    fig = go.Figure()
    if not claims.empty:
        speakers = claims.assign(speaker=claims["speaker"].replace("", "(unknown)"))
        order = speakers["speaker"].value_counts().index.tolist()[::-1]
        counts = speakers.groupby(["speaker", "kind"]).size().unstack(fill_value=0).reindex(order)
        for kind in counts.columns:
            fig.add_bar(x=counts[kind], y=counts.index, orientation="h", name=kind,
                        marker_color=KIND_COLOURS.get(kind, "#17becf"))
        fig.update_layout(barmode="stack")
        height = max(300, 28 * len(order) + 120)
    else:
        height = 300
    return _layout(fig, "Claims per speaker", "claims", "speaker", height=height)


def plot_date(value: str) -> dt.date | None:
    """The first day a TIMEX3-style value covers (2024-02-26, 2024-02, 2024), or None if unplaceable."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T.*)?", str(value).strip())
    if not m:
        return None
    return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def timeline_chart(timeline: pd.DataFrame, window: tuple[str, str] | None = None) -> go.Figure:
    """Timeline on a date axis, the core window shaded; rows without a placeable date are left out."""
    rows = timeline.assign(when=timeline["date"].map(plot_date)).dropna(subset=["when"])
    fig = go.Figure()
    if not rows.empty:
        labels = rows["event"].str.slice(0, 90)
        fig.add_scatter(x=rows["when"], y=rows["precision"], mode="markers", marker=dict(size=12),
                        text=labels, customdata=rows["date_text"],
                        hovertemplate="%{x|%Y-%m-%d} (%{customdata})<br>%{text}<extra></extra>", name="event")
    if window and all(window):
        fig.add_vrect(x0=window[0], x1=window[1], fillcolor="#ffd54f", opacity=0.3, line_width=0,
                      annotation_text="core window", annotation_position="top left")
    return _layout(fig, "Timeline", "date", "precision")
