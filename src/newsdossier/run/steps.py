"""The notebook steps and their order, declared once for the runner, the CLI, the tests and the README."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One notebook of the pipeline: what it reads from the run folder and what it writes there."""

    name: str
    notebook: str
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]
    about: str
    stages: tuple[str, ...] = ()  # the extraction stages it runs (extract/stages.py), in order


STEPS: tuple[Step, ...] = (
    Step(
        "article",
        "01_article.ipynb",
        (),
        ("article.json", "article.txt", "doc.spacy", "sentences.csv", "timexes.csv", "sentence_dates.csv"),
        "load and clean the article, split it into paragraphs and sentences, parse it once",
        ("parse", "sentences", "timexes"),
    ),
    Step(
        "actors",
        "02_actors.ipynb",
        ("doc.spacy", "sentences.csv"),
        ("actors.csv", "mentions.csv"),
        "people, organisations and places, merged over their aliases",
        ("actors",),
    ),
    Step(
        "claims",
        "03_claims.ipynb",
        ("doc.spacy", "sentences.csv", "actors.csv", "mentions.csv", "sentence_dates.csv"),
        ("claims.csv", "network.csv"),
        "who said what: direct, indirect and mixed speech, speakers resolved, dated",
        ("claims",),
    ),
    Step(
        "timeline",
        "04_timeline.ipynb",
        ("doc.spacy", "sentences.csv", "timexes.csv", "mentions.csv"),
        ("timeline.csv", "window.json"),
        "dated events normalised against the publication date",
        ("timeline",),
    ),
    Step(
        "report",
        "05_report.ipynb",
        (
            "article.json",
            "actors.csv",
            "mentions.csv",
            "claims.csv",
            "timeline.csv",
            "network.csv",
            "window.json",
        ),
        (),
        "the reader-facing dossier: summary, tables, charts",
    ),
)

REPORT_STEP = STEPS[-1]

# Not a per-article step: `newsdossier batch` runs it once over the whole batch's output folder.
CORPUS_STEP = Step(
    "corpus",
    "corpus/corpus.ipynb",
    ("corpus.duckdb",),
    (),
    "the corpus: most-quoted speakers, actors across articles, claims per day",
)
CORPUS_NOTEBOOK = CORPUS_STEP.notebook
TABLES = ("actors.csv", "claims.csv", "timeline.csv")


def step(name: str) -> Step:
    """The step called name."""
    for s in STEPS:
        if s.name == name:
            return s
    raise KeyError(f"no step named {name!r}; steps are {', '.join(s.name for s in STEPS)}")
