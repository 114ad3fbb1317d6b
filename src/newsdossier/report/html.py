"""The reader-facing dossier: its data, its summary, the highlighted article and the tables as safe HTML.

The article text is untrusted: everything taken from it (the text, the tables' cells, the title)
is escaped before it becomes HTML, and nothing from it ever becomes markup, an attribute name or a URL.
Links between the text and the tables are built from ids the dossier makes itself:
`span-C001` / `row-C001` (claims), `span-E001` / `row-E001` (timeline), `span-M0001` (the first
mention) / `row-A001` (actors).
"""

from __future__ import annotations

import html
import itertools
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from newsdossier import paths, tables
from newsdossier.paths import PACKAGE_DIR
from newsdossier.records import Actor, Claim, Edge, Event, Mention
from newsdossier.text.article import Article, parse_date
from newsdossier.text.folder import read_article
from newsdossier.timevalue import TimeValue

log = logging.getLogger(__name__)

STYLE_FILE = PACKAGE_DIR / "templates" / "dossier" / "dossier.css"
KINDS = ("claim", "date", "mention")  # outermost first when spans start and end together
KIND_LABELS = {"mention": "actor mention", "claim": "claim", "date": "dated expression"}
TYPE_LABELS = {
    "person": ("person", "people"),
    "organization": ("organisation", "organisations"),
    "location": ("place", "places"),
    "group": ("group", "groups"),
}
KEY_CLAIMS = 5
SALIENT_ACTORS = 5


@dataclass
class ReportData:
    """What the report shows, read from a run folder."""

    article: Article
    actors: pd.DataFrame
    mentions: pd.DataFrame
    claims: pd.DataFrame
    timeline: pd.DataFrame
    window: tuple[str, str] | None
    network: pd.DataFrame = field(default_factory=lambda: tables.empty_frame(Edge))


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of the article: [start, end) in the text, its element id and its row."""

    start: int
    end: int
    kind: str  # claim / date / mention
    span_id: str  # the id of the span's first element in the text
    row_id: str  # the id of the table row it links back to
    title: str = ""  # tooltip
    marker: str = ""  # a visible label at the span's start that links back (claims)


def timeline_window(
    out_dir: str | Path, window_start: str = "", window_end: str = ""
) -> tuple[str, str] | None:
    """The timeline's core window: the given days, else the one the timeline stage stored."""
    start = parse_date(window_start, what="window_start")
    end = parse_date(window_end, what="window_end")
    if start and end:
        return start.isoformat(), end.isoformat()
    path = Path(out_dir) / paths.WINDOW_JSON
    found = json.loads(path.read_text(encoding="utf-8"))["window"] if path.exists() else None
    if not found:
        return None
    return (start.isoformat() if start else found[0]), (end.isoformat() if end else found[1])


def load(out_dir: str | Path, *, window_start: str = "", window_end: str = "") -> ReportData:
    """Read everything the report needs from the run folder (files only: the report computes no data)."""
    out_dir = Path(out_dir)
    return ReportData(
        article=read_article(out_dir),
        actors=tables.read_table(out_dir / paths.ACTORS_CSV, Actor),
        mentions=tables.read_table(out_dir / paths.MENTIONS_CSV, Mention),
        claims=tables.read_table(out_dir / paths.CLAIMS_CSV, Claim),
        timeline=tables.read_table(out_dir / paths.TIMELINE_CSV, Event),
        window=timeline_window(out_dir, window_start, window_end),
        network=tables.read_table(out_dir / paths.NETWORK_CSV, Edge),
    )


def esc(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape(str(value), quote=True)


def safe_id(value: object) -> str:
    """An id fragment made only of safe characters (ids come from the tables, which are data)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", str(value))


def style_html() -> str:
    """The report's stylesheet, shown once at the top (so the notebook looks the same in JupyterLab)."""
    return f"<style>{STYLE_FILE.read_text(encoding='utf-8')}</style>"


# --- Dates ---


def human_date(value: str, mod: str = "") -> str:
    """A TIMEX3-style value for a reader (26 Feb 2024, Q4 2020, the weekend of 6–7 Mar 2021), with its
    mod in words (START -> early March 2024); a value that is no TIMEX3 value is shown as it is."""
    return TimeValue.parse(value).human("" if pd.isna(mod) else str(mod))


def date_range(timeline: pd.DataFrame) -> tuple[str, str] | None:
    """The earliest and latest placeable dates of the timeline, in time order (by their first day)."""
    values = [TimeValue.parse(v) for v in timeline.get("date", pd.Series(dtype=str))]
    values = [v for v in values if v.placeable]
    if not values:
        return None
    return min(values, key=TimeValue.sort_key).value, max(values, key=TimeValue.sort_key).value


def timeline_date_html(date: str, ref: str = "", mod: str = "") -> str:
    """A timeline row's date in words (its mod included), the TIMEX3 value beside it in small type."""
    date, ref, mod = ("" if pd.isna(v) else str(v) for v in (date, ref, mod))
    value = date or ref
    raw = value + (f" {mod}" if mod else "")
    return f"<b>{esc(human_date(value, mod))}</b><small> {esc(raw)}</small>"


# --- Spans and their links ---


def _in_text(start: int, end: int, text: str) -> bool:
    return 0 <= start < end <= len(text)


def mention_ids(mentions: pd.DataFrame) -> list[str]:
    """The element id of each mention, in the table's order."""
    return [f"span-M{n:04d}" for n in range(1, len(mentions) + 1)]


def find_spans(data: ReportData) -> tuple[list[Span], dict[str, int]]:
    """Every placeable span of the dossier, and how many rows of each kind could not be placed."""
    text = data.article.text
    names = dict(zip(data.actors["actor_id"], data.actors["name"]))
    types = dict(zip(data.actors["actor_id"], data.actors["type"]))
    out: list[Span] = []
    skipped = {kind: 0 for kind in KINDS}
    for span_id, m in zip(mention_ids(data.mentions), data.mentions.itertuples()):
        if not m.actor_id:
            continue  # a work's or event's name (how out_of_scope): no actor row to link it to
        if _in_text(m.start, m.end, text) and text[m.start : m.end] == m.text:
            title = (
                f"{names.get(m.actor_id, m.actor_id)} ({types.get(m.actor_id, '?')}, {m.actor_id}, {m.how})"
            )
            out.append(Span(m.start, m.end, "mention", span_id, f"row-{safe_id(m.actor_id)}", title))
        else:
            skipped["mention"] += 1
    for c in data.claims.itertuples():
        if _in_text(c.start, c.end, text):
            title = f"{c.claim_id}: {c.speaker or '(unknown)'}, {c.kind}"
            out.append(
                Span(
                    c.start,
                    c.end,
                    "claim",
                    f"span-{safe_id(c.claim_id)}",
                    f"row-{safe_id(c.claim_id)}",
                    title,
                    marker=str(c.claim_id),
                )
            )
        else:
            skipped["claim"] += 1
    for e in data.timeline.itertuples():
        if _in_text(e.start, e.end, text):
            title = f"{e.event_id}: {e.date} ({e.precision})"
            ident = safe_id(e.event_id)
            out.append(Span(e.start, e.end, "date", f"span-{ident}", f"row-{ident}", title))
        else:
            skipped["date"] += 1
    return out, skipped


_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*\n")


def _nesting_key(span: Span) -> tuple:
    # Earlier start outside, then longer outside, then claim > date > mention.
    return (span.start, -span.end, KINDS.index(span.kind), span.span_id)


def highlight(text: str, spans: Iterable[Span]) -> str:
    """The text as HTML with every span highlighted, as properly nested elements.

    Spans may nest (a mention inside a claim) or cross (a date that starts inside a claim and ends
    after it). The text is cut at every span boundary; each piece is wrapped in the spans covering
    it, outermost first, and a span that has to be closed to keep the nesting proper is reopened as a
    continuation. The span's id goes on its first element only; every element carries it as
    data-span. Links never nest: the text runs of mentions and dates are links to their rows (the
    innermost such span wins), and each claim starts with a small marker that links to its row.
    """
    spans = sorted({s for s in spans if _in_text(s.start, s.end, text)}, key=_nesting_key)
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[Span] = []
    opened: set[Span] = set()
    for lo, hi in itertools.pairwise(cuts):
        wanted = [s for s in spans if s.start <= lo and hi <= s.end]  # already in nesting order
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] == wanted[keep]:
            keep += 1
        for _ in stack[keep:]:
            out.append("</span>")
        stack = stack[:keep]
        for s in wanted[keep:]:
            first = s not in opened
            ident = f' id="{esc(s.span_id)}"' if first else ""
            cont = "" if first else " nd-cont"
            out.append(
                f'<span{ident} class="nd-hl nd-{s.kind}{cont}" data-span="{esc(s.span_id)}" '
                f'title="{esc(s.title)}">'
            )
            if first and s.marker:
                # The label is drawn by CSS from data-label, so copying the article's text does not copy it.
                out.append(
                    f'<a class="nd-marker" href="#{esc(s.row_id)}" data-label="{esc(s.marker)}" '
                    f'aria-label="{esc(s.marker)}"></a>'
                )
            opened.add(s)
            stack.append(s)
        piece = esc(_BLANK_LINES.sub("\n\n", text[lo:hi]))  # only the display: offsets cut the original text
        target = next((s for s in reversed(stack) if not s.marker), None)
        out.append(f'<a class="nd-run" href="#{esc(target.row_id)}">{piece}</a>' if target else piece)
    out.extend("</span>" for _ in stack)
    return "".join(out)


def legend_html() -> str:
    """What the colours of the highlighted text mean."""
    items = "".join(f'<span class="nd-hl nd-{kind} nd-key">{esc(KIND_LABELS[kind])}</span>' for kind in KINDS)
    return (
        f'<p class="nd-legend">{items} <span class="nd-note">Click a highlight to jump to its row; '
        "click an id in a table to jump to the text.</span></p>"
    )


def article_html(data: ReportData) -> str:
    """The article text with actor mentions, claims and dated expressions highlighted, linked to rows."""
    found, skipped = find_spans(data)
    if any(skipped.values()):
        log.warning("rows whose offsets do not fit the article text were not highlighted: %s", skipped)
    notes = [f"{n} {KIND_LABELS[kind]}{'s' if n != 1 else ''}" for kind, n in skipped.items() if n]
    note = (
        f'<p class="nd-note">Not highlighted (offsets do not fit the text): {esc(", ".join(notes))}.</p>'
        if notes
        else ""
    )
    return (
        f'<h2 id="nd-article">The article</h2>{legend_html()}{note}'
        f'<div class="nd-article">{highlight(data.article.text, found)}</div>'
    )


# --- Summary ---


def _actor_link(actor_id: str, name: str) -> str:
    return f'<a href="#row-{safe_id(actor_id)}">{esc(name)}</a>'


def _claim_link(claim_id: str, placed: bool) -> str:
    return (
        f'<a class="nd-id" href="#span-{safe_id(claim_id)}">{esc(claim_id)}</a>' if placed else esc(claim_id)
    )


def salient_actors(actors: pd.DataFrame, n: int = SALIENT_ACTORS) -> pd.DataFrame:
    """The n most salient actors."""
    salience = pd.to_numeric(actors["salience"], errors="coerce").fillna(0)
    return (
        actors.assign(_s=salience).sort_values(["_s", "mentions"], ascending=False).head(n).drop(columns="_s")
    )


def key_claims(data: ReportData, n: int = KEY_CLAIMS) -> pd.DataFrame:
    """Up to n claims that sum the article up: one per speaker, the most salient speakers first,
    direct and mixed quotes before reported speech, shown in the article's order."""
    claims = data.claims
    if claims.empty:
        return claims
    salience = dict(
        zip(data.actors["actor_id"], pd.to_numeric(data.actors["salience"], errors="coerce").fillna(0))
    )
    ranked = claims.assign(
        _salience=claims["speaker_id"].map(salience).fillna(0),
        _quoted=claims["kind"].isin(["direct", "mixed"]),
        _length=claims["content"].str.len(),
        _speaker=claims["speaker"].where(claims["speaker"] != "", claims["claim_id"]),
    ).sort_values(["_salience", "_quoted", "_length"], ascending=False)
    chosen = ranked.drop_duplicates("_speaker").head(n)
    return chosen.sort_values("start").drop(columns=["_salience", "_quoted", "_length", "_speaker"])


def _shorten(value: str, limit: int) -> str:
    value = str(value)
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _quoted(content: str) -> str:
    """A claim's content in quote marks (unless it brings its own), shortened and escaped."""
    text = _shorten(content, 220)
    return esc(text) if text[:1] in "“\"'‘" else f"“{esc(text)}”"


def summary_html(data: ReportData) -> str:
    """The summary at the top: title, source, date, counts, salient actors, key claims, date range."""
    a = data.article
    published = (
        esc(human_date(a.published.isoformat()))
        if a.published
        else "<b>unknown</b> (relative dates keep an unknown year: XXXX)"
    )
    by_type = data.actors["type"].value_counts()
    types = ", ".join(f"{n} {esc(TYPE_LABELS.get(t, (t, t))[n != 1])}" for t, n in by_type.items())
    by_kind = data.claims["kind"].value_counts()
    kinds = ", ".join(f"{n} {esc(k)}" for k, n in by_kind.items())
    speakers = data.claims["speaker"].replace("", pd.NA).dropna().nunique()
    outside = int((data.mentions["actor_id"] == "").sum())
    kept_out = f"; {outside} name{'s' if outside != 1 else ''} of works, events … kept out" if outside else ""
    stats = [
        (len(data.actors), "actors", types),
        (len(data.mentions) - outside, "mentions", "names, titles and pronouns" + kept_out),
        (len(data.claims), "claims", kinds),
        (speakers, "speakers", ""),
        (len(data.timeline), "dated events", ""),
    ]
    stat_html = "".join(
        f'<div class="nd-stat"><b>{n}</b> {label}<small>{detail}</small></div>' for n, label, detail in stats
    )
    span = date_range(data.timeline)
    unknown_year = sum(1 for v in data.timeline["date"] if str(v).startswith("XXXX"))
    when = (
        f"Dates run from <b>{esc(human_date(span[0]))}</b> to <b>{esc(human_date(span[1]))}</b>"
        if span
        else "No placeable dates"
    )
    if data.window:
        when += (
            f"; the core window (most events) is <b>{esc(human_date(data.window[0]))}</b> – "
            f"<b>{esc(human_date(data.window[1]))}</b>"
        )
    if unknown_year:
        when += f"; {unknown_year} with an unknown year"
    top = salient_actors(data.actors)
    chips = "".join(
        f'<a class="nd-chip nd-type-{safe_id(r.type)}" href="#row-{safe_id(r.actor_id)}">{esc(r.name)}'
        f"<small>{esc(r.type)}, {_count(r.mentions, 'mention')}</small></a>"
        for r in top.itertuples()
    )
    placed_ids = _placed_ids(data)
    key = "".join(
        f"<li>{_claim_link(r.claim_id, f'span-{safe_id(r.claim_id)}' in placed_ids)} "
        f'<b>{esc(r.speaker or "(unknown speaker)")}</b> <span class="nd-kind nd-kind-{safe_id(r.kind)}">'
        f"{esc(r.kind)}</span>: {_quoted(r.content)}</li>"
        for r in key_claims(data).itertuples()
    )
    return f"""<div class="nd-summary">
<h1 class="nd-title">{esc(a.title or a.name)}</h1>
<p class="nd-meta"><b>Source:</b> {esc(a.source or "unknown")} · <b>Published:</b> {published} ·
<b>File:</b> {esc(a.name)}</p>
<div class="nd-stats">{stat_html}</div>
<p class="nd-when">{when}.</p>
<h3>Most salient actors</h3><p class="nd-chips">{chips or "none"}</p>
<h3>Key claims</h3><ul class="nd-claims">{key or "<li>none found</li>"}</ul>
</div>"""


# --- Tables ---


def _table(head: list[tuple[str, str]], rows: list[tuple[str, list[str]]], css: str) -> str:
    """head: (label, column class); rows: (row id, cells as HTML already escaped)."""
    cols = "".join(f'<col class="nd-c-{c}">' for _, c in head)
    ths = "".join(f"<th>{esc(label)}</th>" for label, _ in head)
    body = "".join(
        f'<tr id="{esc(row_id)}">' + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"
        for row_id, cells in rows
    )
    if not rows:
        body = f'<tr><td colspan="{len(head)}">none</td></tr>'
    return (
        f'<table class="nd-table {css}"><colgroup>{cols}</colgroup>'
        f"<thead><tr>{ths}</tr></thead><tbody>{body}</tbody></table>"
    )


def _placed_ids(data: ReportData) -> set[str]:
    return {s.span_id for s in find_spans(data)[0]}


def actors_table_html(data: ReportData) -> str:
    """The actors, each linked to its mentions in the text (and each mention links back here)."""
    placed = _placed_ids(data)
    where: dict[str, list[str]] = {}
    for span_id, actor_id in zip(mention_ids(data.mentions), data.mentions["actor_id"]):
        if span_id in placed:
            where.setdefault(actor_id, []).append(span_id)
    rows = []
    for r in data.actors.itertuples():
        links = where.get(r.actor_id, [])
        name = f'<a href="#{links[0]}">{esc(r.name)}</a>' if links else esc(r.name)
        marks = " ".join(f'<a href="#{s}">{n}</a>' for n, s in enumerate(links, start=1))
        aliases = "; ".join(esc(x) for x in str(r.aliases).split(";") if x)
        rows.append(
            (
                f"row-{safe_id(r.actor_id)}",
                [
                    esc(r.actor_id),
                    name,
                    f'<span class="nd-nowrap"><span class="nd-dot nd-type-{safe_id(r.type)}"></span>'
                    f"{esc(r.type)}</span>",
                    esc(r.title),
                    aliases,
                    str(r.mentions),
                    f'<span class="nd-where">{marks}</span>',
                ],
            )
        )
    head = [
        ("id", "id"),
        ("name", "name"),
        ("type", "type"),
        ("title", "title"),
        ("aliases", "aliases"),
        ("mentions", "num"),
        ("in the text", "where"),
    ]
    return _table(head, rows, "nd-actors")


def claims_table_html(data: ReportData) -> str:
    """The claims, each id linked to its highlighted span in the text."""
    placed = _placed_ids(data)
    known = set(data.actors["actor_id"])
    rows = []
    for r in data.claims.itertuples():
        speaker = (
            _actor_link(r.speaker_id, r.speaker) if r.speaker_id in known else esc(r.speaker or "(unknown)")
        )
        if r.speaker_text and r.speaker_text != r.speaker:
            speaker += f"<small> as “{esc(r.speaker_text)}”</small>"
        basis = getattr(r, "speaker_basis", "")
        if basis:
            speaker += f'<br><small class="nd-basis">by {esc(basis)}</small>'
        date = esc(r.date) + (f"<small> ({esc(r.date_basis)})</small>" if r.date and r.date_basis else "")
        rows.append(
            (
                f"row-{safe_id(r.claim_id)}",
                [
                    _claim_link(r.claim_id, f"span-{safe_id(r.claim_id)}" in placed),
                    speaker,
                    f'<span class="nd-kind nd-kind-{safe_id(r.kind)}">{esc(r.kind)}</span>',
                    esc(r.cue),
                    esc(r.content),
                    date,
                ],
            )
        )
    head = [
        ("id", "id"),
        ("speaker", "speaker"),
        ("kind", "kind"),
        ("cue", "cue"),
        ("content", "content"),
        ("date", "date"),
    ]
    return _table(head, rows, "nd-claims-table")


def claims_to_check(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims whose speaker could not be resolved (speaker_basis 'unresolved'), in text order."""
    if "speaker_basis" not in claims:
        return claims.iloc[0:0]
    return claims[claims["speaker_basis"] == "unresolved"]


def claims_to_check_html(data: ReportData, limit: int = 80) -> str:
    """A short 'to check' list: each claim whose speaker is a guess or a bare reference, linked to its row."""
    rows = claims_to_check(data.claims)
    if rows.empty:
        return (
            "<p>To check: none; every claim's speaker was found by a name, alias, pronoun or description.</p>"
        )
    items = "".join(
        f'<li><a href="#row-{safe_id(r.claim_id)}">{esc(r.claim_id)}</a> '
        f"{esc(r.speaker or '(unknown)')}"
        + (f"<small> as “{esc(r.speaker_text)}”</small>" if r.speaker_text else "")
        + f": {esc(_shorten(r.content, limit))}</li>"
        for r in rows.itertuples()
    )
    return (
        f"<h3>To check: {_count(len(rows), 'claim')} whose speaker could not be resolved</h3>"
        f'<ul class="nd-to-check">{items}</ul>'
    )


def timeline_table_html(data: ReportData) -> str:
    """The timeline in date order, each id linked to its dated expression in the text."""
    placed = _placed_ids(data)
    names = dict(zip(data.actors["actor_id"], data.actors["name"]))
    rows = []
    order = data.timeline["date"].map(lambda v: TimeValue.parse(v).sort_key())
    for r in data.timeline.assign(_order=order).sort_values(["_order", "start"], kind="stable").itertuples():
        span_id = f"span-{safe_id(r.event_id)}"
        ident = (
            f'<a class="nd-id" href="#{span_id}">{esc(r.event_id)}</a>'
            if span_id in placed
            else esc(r.event_id)
        )
        actors = ", ".join(
            _actor_link(x, names[x]) if x in names else esc(x) for x in str(r.actors).split(";") if x
        )
        rows.append(
            (
                f"row-{safe_id(r.event_id)}",
                [
                    ident,
                    timeline_date_html(r.date, getattr(r, "ref", ""), getattr(r, "mod", "")),
                    esc(r.date_text),
                    esc(r.event),
                    actors,
                    esc(r.basis),
                ],
            )
        )
    head = [
        ("id", "id"),
        ("date", "tdate"),
        ("as written", "datetext"),
        ("event", "event"),
        ("actors", "tactors"),
        ("basis", "basis"),
    ]
    return _table(head, rows, "nd-timeline-table")


def section_html(title: str, intro: str = "") -> str:
    """A section heading with a line saying what it shows."""
    anchor = safe_id(title.lower())
    return f'<h2 id="nd-{anchor}">{esc(title)}</h2>' + (
        f'<p class="nd-intro">{esc(intro)}</p>' if intro else ""
    )


# --- Who speaks about whom ---


def speaker_targets(data: ReportData) -> pd.DataFrame:
    """Edges speaker -> actor named inside their claims, as the claims stage wrote them (network.csv).

    Columns: speaker_key, speaker, speaker_type, target_id, target, target_type, claims, claim_ids.
    """
    return data.network
