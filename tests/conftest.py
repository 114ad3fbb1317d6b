"""Shared fixtures: one spaCy pipeline for the whole session, and helpers to analyse made-up text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsdossier.nlp import get_nlp

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The project's spaCy pipeline, loaded once."""
    return get_nlp()


@pytest.fixture(scope="session")
def analyse_text(nlp):
    """Analyse a made-up article text and return its Dossier."""
    from newsdossier.article import Article
    from newsdossier.pipeline import analyse

    def run(text: str, published: str | None = "2021-03-10"):
        pub = dt.date.fromisoformat(published) if published else None
        return analyse(Article(name="t", path="t.txt", text=text, published=pub), nlp=nlp)

    return run
