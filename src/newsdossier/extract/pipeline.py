"""The extraction pipeline: one function per step, shared by the notebooks, the CLI and batch runs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from newsdossier import tables
from newsdossier.extract.actors import extract_actors
from newsdossier.extract.claims import extract_claims
from newsdossier.extract.coref import add_pronoun_mentions
from newsdossier.extract.timeline import build_timeline, sentence_dates
from newsdossier.extract.timex import find_timexes
from newsdossier.records import Actor, Claim, Event, Mention, Sentence, Timex
from newsdossier.text.article import Article, load_article, parse_date
from newsdossier.text.nlp import get_nlp, parse, sentences

ARTICLE_JSON = "article.json"


@dataclass
class Dossier:
    """Everything extracted from one article."""

    article: Article
    sentences: list[Sentence]
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def analyse(article: Article, *, nlp: Language | None = None, doc: Doc | None = None) -> Dossier:
    """Run every extraction step on an article (parsed once) and return the dossier."""
    doc = doc if doc is not None else parse(article.text, nlp)
    sents = sentences(doc)
    actors, mentions = extract_actors(doc, sents=sents)
    actors, mentions = add_pronoun_mentions(doc, sents=sents, actors=actors, mentions=mentions)
    timexes = find_timexes(doc, published=article.published)
    dates = sentence_dates(doc, sents=sents, timexes=timexes)
    claims = extract_claims(doc, sents=sents, actors=actors, mentions=mentions, dates=dates)
    events = build_timeline(doc, sents=sents, timexes=timexes, mentions=mentions)
    return Dossier(article, sents, actors, mentions, claims, timexes, events)


def write_tables(dossier: Dossier, out_dir: Path) -> dict[str, pd.DataFrame]:
    """Write the dossier's tables into out_dir (each file atomically) and return them."""
    out_dir = Path(out_dir)
    frames = {
        "actors.csv": tables.to_frame(dossier.actors, Actor),
        "mentions.csv": tables.to_frame(dossier.mentions, Mention),
        "claims.csv": tables.to_frame(dossier.claims, Claim),
        "timeline.csv": tables.to_frame(dossier.events, Event),
    }
    for name, frame in frames.items():
        tables.write_csv(frame, out_dir / name)
    return frames


# --- The notebook steps: each reads the run folder, computes, writes its tables, returns them. ---


def article_to_json(article: Article) -> dict:
    """The article as stored in the run folder."""
    return {
        "name": article.name,
        "path": article.path,
        "published": article.published,
        "title": article.title,
        "source": article.source,
        "format": article.format,
        "text": article.text,
    }


def read_article(out_dir: Path) -> Article:
    """The article that step 01 stored in the run folder."""
    import json

    data = json.loads((Path(out_dir) / ARTICLE_JSON).read_text(encoding="utf-8"))
    data["published"] = parse_date(data.get("published"))
    return Article(**data)


def article_step(
    path: str | Path,
    out_dir: str | Path,
    *,
    published: str | dt.date | None = None,
    title: str | None = None,
    source: str | None = None,
) -> tuple[Article, pd.DataFrame]:
    """Step 01: load the article, store it and its sentences in the run folder."""
    article = load_article(path, published=published or None, title=title or None, source=source or None)
    out_dir = Path(out_dir)
    tables.write_json(article_to_json(article), out_dir / ARTICLE_JSON)
    tables.atomic_write_text(out_dir / "article.txt", article.text)
    sents = sentences(parse(article.text))
    frame = tables.write_records(sents, Sentence, out_dir / "sentences.csv")
    return article, frame


def _parsed(out_dir: Path, model: str | None) -> tuple[Article, Doc, list[Sentence]]:
    article = read_article(out_dir)
    doc = parse(article.text, get_nlp(model))
    return article, doc, sentences(doc)


def actors_step(out_dir: str | Path, *, model: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Step 02: actors and their mentions."""
    out_dir = Path(out_dir)
    _, doc, sents = _parsed(out_dir, model)
    actors, mentions = extract_actors(doc, sents=sents)
    actors, mentions = add_pronoun_mentions(doc, sents=sents, actors=actors, mentions=mentions)
    return (
        tables.write_records(actors, Actor, out_dir / "actors.csv"),
        tables.write_records(mentions, Mention, out_dir / "mentions.csv"),
    )


def claims_step(out_dir: str | Path, *, model: str | None = None) -> pd.DataFrame:
    """Step 03: claims, with speakers resolved against the actors of step 02."""
    out_dir = Path(out_dir)
    article, doc, sents = _parsed(out_dir, model)
    actors = tables.read_records(out_dir / "actors.csv", Actor)
    mentions = tables.read_records(out_dir / "mentions.csv", Mention)
    timexes = find_timexes(doc, published=article.published)
    dates = sentence_dates(doc, sents=sents, timexes=timexes)
    claims = extract_claims(doc, sents=sents, actors=actors, mentions=mentions, dates=dates)
    return tables.write_records(claims, Claim, out_dir / "claims.csv")


def timeline_step(out_dir: str | Path, *, model: str | None = None) -> pd.DataFrame:
    """Step 04: the timeline."""
    out_dir = Path(out_dir)
    article, doc, sents = _parsed(out_dir, model)
    mentions = tables.read_records(out_dir / "mentions.csv", Mention)
    timexes = find_timexes(doc, published=article.published)
    events = build_timeline(doc, sents=sents, timexes=timexes, mentions=mentions)
    return tables.write_records(events, Event, out_dir / "timeline.csv")


def extract(
    path: str | Path,
    out_dir: str | Path,
    *,
    published: str | dt.date | None = None,
    nlp: Language | None = None,
) -> Dossier:
    """The fast path: load, analyse and write the tables without notebooks."""
    article = load_article(path, published=published)
    dossier = analyse(article, nlp=nlp)
    write_tables(dossier, Path(out_dir))
    return dossier


def timeline_window(
    out_dir: str | Path, window_start: str = "", window_end: str = ""
) -> tuple[str, str] | None:
    """The timeline's core window: the given days, or the span of the main day-precise events."""
    from newsdossier.extract import timeline

    start = parse_date(window_start, what="window_start")
    end = parse_date(window_end, what="window_end")
    if start and end:
        return start.isoformat(), end.isoformat()
    events = tables.read_records(Path(out_dir) / "timeline.csv", Event)
    found = timeline.core_window(events) if hasattr(timeline, "core_window") else None
    if not found:
        return None
    return (start.isoformat() if start else found[0]), (end.isoformat() if end else found[1])
