"""Shared fixtures: one spaCy pipeline and one end-to-end run for the whole session, and helpers to
analyse made-up text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsdossier.text.nlp import get_nlp

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    """The project's spaCy pipeline, loaded once."""
    return get_nlp()


@pytest.fixture(scope="session")
def analyse_text(nlp):
    """Analyse a made-up article text and return its Dossier."""
    from newsdossier.extract.pipeline import analyse
    from newsdossier.text.article import Article

    def run(text: str, published: str | None = "2021-03-10"):
        pub = dt.date.fromisoformat(published) if published else None
        return analyse(Article(name="t", path="t.txt", text=text, published=pub), nlp=nlp)

    return run


@pytest.fixture(scope="session")
def tag(nlp):
    """Tag a made-up text against a publication date (ISO string or None) and return its timexes."""
    from helpers import tag_timexes

    return lambda text, published: tag_timexes(nlp, text, published)


@pytest.fixture(scope="session")
def run_dir(tmp_path_factory):
    """One full run of every notebook on tests/data/harbour.txt, rendered to HTML and PDF, shared by
    the end-to-end, report and browser tests."""
    from newsdossier.run.runner import run_article
    from newsdossier.run.steps import STEPS

    out = tmp_path_factory.mktemp("run")
    messages: list[str] = []
    run_article(DATA / "harbour.txt", out, formats=("html", "pdf"), progress=messages.append)
    assert any(m.startswith(f"[{len(STEPS)}/") for m in messages)  # progress names every step
    return out
