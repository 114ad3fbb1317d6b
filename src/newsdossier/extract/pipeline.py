"""The extraction pipeline: the stages of extract/stages.py run in memory (`extract`, `batch`) or a
few per notebook step over the run folder (`run`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from newsdossier import tables
from newsdossier.extract import stages
from newsdossier.records import Actor, Claim, Edge, Event, Mention, Sentence, SentenceDate, Timex
from newsdossier.text.article import Article, load_article
from newsdossier.text.folder import write_article
from newsdossier.text.nlp import get_nlp


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
    network: list[Edge] = field(default_factory=list)
    sentence_dates: list[SentenceDate] = field(default_factory=list)
    window: tuple[str, str] | None = None


def analyse(article: Article, *, nlp: Language | None = None, doc: Doc | None = None) -> Dossier:
    """Run every extraction stage on an article (parsed once, or already parsed) and return the dossier."""
    values: dict[str, Any] = {"article": article}
    if doc is not None:
        values["doc"] = doc

    def load(name: str) -> Any:
        if name == "nlp":
            return nlp or get_nlp()
        raise KeyError(f"no stage computes {name!r}")

    todo = tuple(s.name for s in stages.STAGES if not all(w in values for w in s.writes))
    v = stages.run(todo, values, load)
    return Dossier(
        article,
        v["sentences"],
        v["actors"],
        v["mentions"],
        v["claims"],
        v["timexes"],
        v["timeline"],
        v["network"],
        v["sentence_dates"],
        v["window"],
    )


def table_files() -> tuple[str, ...]:
    """The file names write_tables writes, so callers can check the folder before anything is written."""
    return tuple(stages.VALUES[name].file for name in stages.DOSSIER_TABLES)


def write_tables(dossier: Dossier, out_dir: Path) -> list[Path]:
    """Write the dossier's tables into out_dir (each file atomically) and return their paths."""
    data = {
        "actors": dossier.actors,
        "mentions": dossier.mentions,
        "claims": dossier.claims,
        "timeline": dossier.events,
        "timexes": dossier.timexes,
    }
    written = []
    for name in stages.DOSSIER_TABLES:  # no DataFrames: nothing reads them back (run_stages returns those)
        value = stages.VALUES[name]
        written.append(Path(out_dir) / value.file)
        tables.write_rows(data[name], value.record, written[-1])
    return written


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


# --- The notebook steps: each runs its stages over the run folder. ---


def run_stages(out_dir: str | Path, *names: str, model: str | None = None) -> tuple[Any, ...]:
    """Run the named stages on what earlier steps stored in out_dir; store and return what they write
    (tables as DataFrames), in the stages' order."""
    out_dir = Path(out_dir)
    values = stages.run(names, {}, lambda name: stages.read_value(name, out_dir, model=model))
    return tuple(
        stages.write_value(name, values[name], out_dir) for n in names for name in stages.STAGE[n].writes
    )


# The stages of step 01: everything that needs the spaCy model, so no later step loads it.
ARTICLE_STAGES = ("parse", "sentences", "timexes")


def article_step(
    path: str | Path,
    out_dir: str | Path,
    *,
    published: str | dt.date | None = None,
    title: str | None = None,
    source: str | None = None,
    model: str | None = None,
) -> tuple[Article, pd.DataFrame]:
    """Step 01: load the article, store it, parse it once and store the doc, sentences and timexes."""
    article = load_article(path, published=published or None, title=title or None, source=source or None)
    write_article(article, Path(out_dir))
    _, sents, *_ = run_stages(out_dir, *ARTICLE_STAGES, model=model)
    return article, sents
