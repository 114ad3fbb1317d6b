"""The extraction stages, declared once: what each one reads, what it computes, what it writes.

`pipeline.analyse` runs them all in memory (the `extract` and `batch` fast path); the notebook
steps run a few each, reading what earlier steps wrote into the run folder and writing their own
values there. Both go through `run`, so the two paths cannot drift. Every value has one file in
the run folder (`VALUES`); only `nlp`, the spaCy pipeline, is never stored: the parse stage is
the one that runs the model, and later steps read the stored doc with the vocabulary only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from newsdossier import paths, tables
from newsdossier.extract.actors import extract_actors
from newsdossier.extract.claims import extract_claims
from newsdossier.extract.coref import add_pronoun_mentions
from newsdossier.extract.network import speaker_edges
from newsdossier.extract.temporal import build_timeline, core_window, find_timexes, sentence_dates
from newsdossier.records import (
    Actor,
    Claim,
    Edge,
    Event,
    Mention,
    Sentence,
    SentenceDate,
    Timex,
)
from newsdossier.text.article import Article
from newsdossier.text.folder import read_article
from newsdossier.text.nlp import doc_from_bytes, doc_to_bytes, get_nlp, parse, sentences

Window = tuple[str, str] | None


@dataclass(frozen=True)
class Value:
    """A value the stages pass on: its file in the run folder and, for a table, its record class."""

    name: str
    file: str | None  # None: never stored
    record: type | None = None


VALUES: dict[str, Value] = {
    v.name: v
    for v in (
        Value("article", paths.ARTICLE_JSON),
        Value("nlp", None),
        Value("doc", paths.DOC_FILE),
        Value("sentences", paths.SENTENCES_CSV, Sentence),
        Value("timexes", paths.TIMEXES_CSV, Timex),
        Value("sentence_dates", paths.SENTENCE_DATES_CSV, SentenceDate),
        Value("actors", paths.ACTORS_CSV, Actor),
        Value("mentions", paths.MENTIONS_CSV, Mention),
        Value("claims", paths.CLAIMS_CSV, Claim),
        Value("network", paths.NETWORK_CSV, Edge),
        Value("timeline", paths.TIMELINE_CSV, Event),
        Value("window", paths.WINDOW_JSON),
    )
}
# The dossier's tables: what `extract` and `batch` write for each article (the run folder of
# `newsdossier run` holds these and every other value, for the report).
DOSSIER_TABLES = ("actors", "mentions", "claims", "timeline", "timexes")


@dataclass(frozen=True)
class Stage:
    """One extraction stage: function(**reads) returns the values named by writes, in that order."""

    name: str
    function: Callable[..., tuple]
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    about: str


def _parse(article: Article, nlp: Language) -> tuple[Doc]:
    return (parse(article.text, nlp),)


def _sentences(doc: Doc) -> tuple[list[Sentence]]:
    return (sentences(doc),)


def _timexes(doc: Doc, sentences: list[Sentence], article: Article) -> tuple[list[Timex], list[SentenceDate]]:
    timexes = find_timexes(doc, published=article.published)
    dates = sentence_dates(doc, sents=sentences, timexes=timexes)
    return timexes, [SentenceDate(sid, date, basis) for sid, (date, basis) in dates.items()]


def _actors(doc: Doc, sentences: list[Sentence]) -> tuple[list[Actor], list[Mention]]:
    actors, mentions = extract_actors(doc, sents=sentences)
    return add_pronoun_mentions(doc, sents=sentences, actors=actors, mentions=mentions)


def _claims(
    doc: Doc,
    sentences: list[Sentence],
    actors: list[Actor],
    mentions: list[Mention],
    sentence_dates: list[SentenceDate],
) -> tuple[list[Claim], list[Edge]]:
    dates = {d.sentence_id: (d.date, d.basis) for d in sentence_dates}
    claims = extract_claims(doc, sents=sentences, actors=actors, mentions=mentions, dates=dates)
    return claims, speaker_edges(actors, mentions, claims)


def _timeline(
    doc: Doc, sentences: list[Sentence], timexes: list[Timex], mentions: list[Mention]
) -> tuple[list[Event], Window]:
    events = build_timeline(doc, sents=sentences, timexes=timexes, mentions=mentions)
    return events, core_window(events)


STAGES: tuple[Stage, ...] = (
    Stage("parse", _parse, ("article", "nlp"), ("doc",), "parse the text with the spaCy model"),
    Stage("sentences", _sentences, ("doc",), ("sentences",), "sentences with paragraph ids"),
    Stage(
        "timexes",
        _timexes,
        ("doc", "sentences", "article"),
        ("timexes", "sentence_dates"),
        "time expressions and the date each sentence reports",
    ),
    Stage("actors", _actors, ("doc", "sentences"), ("actors", "mentions"), "actors and their mentions"),
    Stage(
        "claims",
        _claims,
        ("doc", "sentences", "actors", "mentions", "sentence_dates"),
        ("claims", "network"),
        "claims with their speakers and dates, and who speaks about whom",
    ),
    Stage(
        "timeline",
        _timeline,
        ("doc", "sentences", "timexes", "mentions"),
        ("timeline", "window"),
        "dated events and the timeline's core window",
    ),
)
STAGE: dict[str, Stage] = {s.name: s for s in STAGES}


def run(names: tuple[str, ...], values: dict[str, Any], load: Callable[[str], Any]) -> dict[str, Any]:
    """Run the named stages in order on values (updated in place); what is missing comes from load(name)."""
    for name in names:
        stage = STAGE[name]
        for read in stage.reads:
            if read not in values:
                values[read] = load(read)
        out = stage.function(**{read: values[read] for read in stage.reads})
        values.update(zip(stage.writes, out, strict=True))
    return values


# --- Values in the run folder ---


def read_value(name: str, out_dir: Path, *, model: str | None = None) -> Any:
    """A value as an earlier step stored it in the run folder (the spaCy pipeline: loaded)."""
    value = VALUES[name]
    path = Path(out_dir) / value.file if value.file else None
    if name == "nlp":
        return get_nlp(model)
    if name == "article":
        return read_article(out_dir)
    if name == "doc":
        return doc_from_bytes(path.read_bytes())
    if name == "window":
        found = json.loads(path.read_text(encoding="utf-8"))["window"]
        return tuple(found) if found else None
    return tables.read_records(path, value.record)


def write_value(name: str, data: Any, out_dir: Path) -> Any:
    """Store a value in the run folder (atomically); tables come back as the DataFrame written."""
    value = VALUES[name]
    if value.file is None or name == "article":
        raise ValueError(f"{name!r} is not written by a stage")
    path = Path(out_dir) / value.file
    if name == "doc":
        tables.atomic_write_bytes(path, doc_to_bytes(data))
        return data
    if name == "window":
        tables.write_json({"window": list(data) if data else None}, path)
        return data
    frame: pd.DataFrame = tables.write_records(data, value.record, path)
    return frame
