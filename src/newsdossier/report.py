"""The reader-facing dossier: its data, its summary and its tables as safe HTML.

The article text is untrusted: everything taken from it is escaped before it becomes HTML.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newsdossier.article import Article
from newsdossier.pipeline import read_article, timeline_window

ACTOR_COLUMNS = ["actor_id", "name", "type", "title", "mentions", "aliases"]
CLAIM_COLUMNS = ["claim_id", "speaker", "kind", "cue", "content", "date"]
TIMELINE_COLUMNS = ["event_id", "date", "date_text", "precision", "event", "basis"]


@dataclass
class ReportData:
    """What the report shows, read from a run folder."""

    article: Article
    actors: pd.DataFrame
    mentions: pd.DataFrame
    claims: pd.DataFrame
    timeline: pd.DataFrame
    window: tuple[str, str] | None


def read_table(path: Path) -> pd.DataFrame:
    """A table of the run folder, all values as strings except counts."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column in ("mentions", "start", "end", "sentence_id", "first_start"):
        if column in frame:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").fillna(-1).astype(int)
    return frame


def load(out_dir: str | Path, *, window_start: str = "", window_end: str = "") -> ReportData:
    """Read everything the report needs from the run folder."""
    out_dir = Path(out_dir)
    return ReportData(
        article=read_article(out_dir),
        actors=read_table(out_dir / "actors.csv"),
        mentions=read_table(out_dir / "mentions.csv"),
        claims=read_table(out_dir / "claims.csv"),
        timeline=read_table(out_dir / "timeline.csv"),
        window=timeline_window(out_dir, window_start, window_end),
    )


def esc(value: object) -> str:
    """Escape any value for HTML text or attributes."""
    return html.escape(str(value), quote=True)


def summary_html(data: ReportData) -> str:
    """The summary at the top: title, source, date, counts, salient actors, key claims, date range."""
    a = data.article
    top = data.actors.sort_values("salience", ascending=False, key=lambda s: pd.to_numeric(s, errors="coerce"))
    top_names = ", ".join(esc(n) for n in top["name"].head(5))
    dated = data.timeline[data.timeline["date"] != ""]["date"]
    span = f"{esc(dated.min())} to {esc(dated.max())}" if not dated.empty else "no dated events"
    window = f"{esc(data.window[0])} to {esc(data.window[1])}" if data.window else "none"
    published = esc(a.published) if a.published else "<b>unknown</b> (years left unresolved: XXXX)"
    key = "".join(f"<li><b>{esc(r.speaker or '(unknown)')}</b>: “{esc(r.content[:200])}”</li>"
                  for r in data.claims.head(5).itertuples())
    return f"""<h1>{esc(a.title or a.name)}</h1>
<p><b>Source:</b> {esc(a.source or 'unknown')} &nbsp; <b>Published:</b> {published} &nbsp; <b>File:</b> {esc(a.name)}</p>
<p><b>{len(data.actors)}</b> actors, <b>{len(data.claims)}</b> claims, <b>{len(data.timeline)}</b> timeline rows.
Dates run from {span}; core window {window}.</p>
<p><b>Most salient actors:</b> {top_names or 'none'}</p>
<p><b>Key claims:</b></p><ul>{key or '<li>none</li>'}</ul>"""


def table_html(frame: pd.DataFrame, columns: list[str]) -> str:
    """A table as escaped HTML."""
    cols = [c for c in columns if c in frame.columns]
    head = "".join(f"<th>{esc(c)}</th>" for c in cols)
    rows = "".join("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in row) + "</tr>"
                   for row in frame[cols].itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def section_html(title: str, frame: pd.DataFrame, columns: list[str]) -> str:
    """A titled section with its table."""
    return f"<h2>{esc(title)}</h2>" + table_html(frame, columns)
