"""End to end: the real notebooks run by papermill on a small article, rendered to HTML and PDF; the
notebook path and the fast path give the same tables; later steps never run the model."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from newsdossier import cli, tables
from newsdossier.errors import StepError
from newsdossier.extract import pipeline, stages
from newsdossier.paths import NOTEBOOKS_DIR, SEED_ARTICLE
from newsdossier.records import Actor, Claim, Event, Mention, value_set
from newsdossier.run.runner import run_article
from newsdossier.run.steps import STEPS
from newsdossier.text import nlp as nlp_module
from newsdossier.text.article import load_article

DATA = Path(__file__).parent / "data"
# The seed and two made-up articles (one with quotes and relative dates, one with no claim at all).
ARTICLES = [
    (SEED_ARTICLE, "2024-02-28"),
    (DATA / "ferry.txt", "2024-03-11"),
    (DATA / "orchard.txt", "2024-10-14"),
]
DOSSIER_FILES = ("actors.csv", "mentions.csv", "claims.csv", "timeline.csv")


@pytest.mark.slow
def test_every_step_leaves_its_executed_notebook_and_tables(run_dir):
    for step in STEPS:
        nb = nbformat.read(run_dir / step.notebook, as_version=4)
        errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
        assert not errors, step.notebook
        for name in step.outputs:
            assert (run_dir / name).stat().st_size > 0, name


@pytest.mark.slow
def test_html_report_is_self_contained_with_the_charts(run_dir):
    html = (run_dir / "report.html").read_text(encoding="utf-8")
    assert html.count('class="plotly-graph-div"') >= 3
    assert "Plotly.newPlot" in html
    srcs = re.findall(r"<script[^>]*\bsrc\s*=\s*[\"']([^\"']*)", html, flags=re.IGNORECASE)
    assert srcs == [], f"external scripts: {srcs}"
    assert not re.search(r"<link[^>]+href=[\"']https?://", html)
    assert "Linda Okafor" in html
    assert "charts.show(" not in html and "report.load(" not in html  # code cells are hidden


@pytest.mark.slow
def test_pdf_report_has_the_tables_and_chart_titles(run_dir):
    text = subprocess.run(
        ["pdftotext", "-layout", str(run_dir / "report.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in ("Actors by mentions", "Claims per speaker", "Timeline", "Linda Okafor", "speaker"):
        assert expected in text, expected


@pytest.mark.slow
def test_a_failing_step_stops_names_itself_and_leaves_no_report(tmp_path):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS_DIR, notebooks)
    broken = notebooks / "03_claims.ipynb"
    nb = nbformat.read(broken, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell('raise RuntimeError("claims exploded")'))
    nbformat.write(nb, broken)
    out = tmp_path / "out"
    out.mkdir()
    (out / ".newsdossier.lock").write_text("")  # the folder of an earlier run, with its report
    (out / "report.html").write_text("an old report")
    with pytest.raises(StepError, match=r"claims.*claims exploded"):
        run_article(
            DATA / "harbour.txt", out, formats=("html",), progress=lambda m: None, notebooks_dir=notebooks
        )
    assert (out / "03_claims.ipynb").exists()  # kept, with the error in it
    assert not (out / "04_timeline.ipynb").exists()
    assert not (out / "report.html").exists()


def no_model(*args, **kwargs):
    raise AssertionError("a step after 01 loaded or ran the spaCy model")


@pytest.mark.parametrize("path, published", ARTICLES, ids=lambda a: getattr(a, "stem", a))
def test_the_steps_over_the_run_folder_give_the_fast_paths_tables_without_the_model(
    nlp, tmp_path, monkeypatch, path, published
):
    fast = pipeline.analyse(load_article(path, published=published), nlp=nlp)
    pipeline.article_step(path, tmp_path, published=published)
    for name in ("get_nlp", "parse"):  # from here on the model must not be loaded, let alone run
        monkeypatch.setattr(stages, name, no_model)
        monkeypatch.setattr(nlp_module, name, no_model)
    monkeypatch.setattr("spacy.load", no_model)
    monkeypatch.setattr("spacy.language.Language.__call__", no_model)
    for step in STEPS[1:]:
        if step.stages:
            pipeline.run_stages(tmp_path, *step.stages)
    assert tables.read_records(tmp_path / "actors.csv", Actor) == fast.actors
    assert tables.read_records(tmp_path / "mentions.csv", Mention) == fast.mentions
    assert tables.read_records(tmp_path / "claims.csv", Claim) == fast.claims
    assert tables.read_records(tmp_path / "timeline.csv", Event) == fast.events
    assert stages.read_value("network", tmp_path) == fast.network
    assert stages.read_value("window", tmp_path) == fast.window
    for table, rows in (("actors", fast.actors), ("mentions", fast.mentions), ("claims", fast.claims)):
        cls = stages.VALUES[table].record
        for f in dataclasses.fields(cls):
            allowed = value_set(cls, f.name)
            if allowed:
                assert {getattr(r, f.name) for r in rows} <= set(allowed), (table, f.name)
    for cls, rows in (
        (Event, fast.events),
        (type(fast.timexes[0]), fast.timexes) if fast.timexes else (Event, []),
    ):
        for f in dataclasses.fields(cls):
            if allowed := value_set(cls, f.name):
                assert {getattr(r, f.name) for r in rows} <= set(allowed), (cls.__name__, f.name)


def test_the_made_up_articles_exercise_the_tables(nlp):
    ferry = pipeline.analyse(load_article(DATA / "ferry.txt", published="2024-03-11"), nlp=nlp)
    orchard = pipeline.analyse(load_article(DATA / "orchard.txt", published="2024-10-14"), nlp=nlp)
    assert ferry.claims and ferry.network and ferry.events and ferry.window
    assert orchard.claims == [] and orchard.network == [] and orchard.events


@pytest.mark.slow
@pytest.mark.parametrize("path, published", ARTICLES, ids=lambda a: getattr(a, "stem", a))
def test_extract_and_run_write_byte_identical_tables(tmp_path, path, published):
    assert cli.main(["extract", str(path), "--published", published, "--out", str(tmp_path / "x")]) == 0
    run = ["run", str(path), "--published", published, "--out", str(tmp_path / "r"), "--formats", ""]
    assert cli.main(run) == 0
    for name in DOSSIER_FILES:
        assert (tmp_path / "x" / name).read_bytes() == (tmp_path / "r" / name).read_bytes(), name
    assert not (tmp_path / "r" / "report.html").exists()  # no format asked, nothing rendered


def test_one_reader_types_columns_from_the_record_and_never_gives_nan(tmp_path):
    path = tmp_path / "mentions.csv"
    path.write_text("actor_id,start,text,how\nA001,4,NA,ner\nA002,,,alias\n")
    frame = tables.read_table(path, Mention)
    assert list(frame.columns) == [f.name for f in dataclasses.fields(Mention)]
    assert frame["start"].tolist() == [4, -1] and frame["start"].dtype == "int64"
    assert frame["text"].tolist() == ["NA", ""] and frame["end"].tolist() == [-1, -1]
    assert frame["sentence_id"].dtype == "int64" and not frame.isna().any().any()
    path.write_text("actor_id,name,type,title,aliases,mentions,first_start,salience\n")
    empty = tables.read_table(path, Actor)
    assert empty.empty and empty["salience"].dtype == "float64" and empty["mentions"].dtype == "int64"
    assert tables.read_records(path, Actor) == []
    frame = pd.DataFrame({"salience": [0.1 + 0.2]})
    assert tables.read_table(write(tmp_path, frame), Actor)["salience"].tolist() == [0.1 + 0.2]


def write(tmp_path: Path, frame: pd.DataFrame) -> Path:
    path = tmp_path / "t.csv"
    tables.write_csv(frame, path)
    return path


@pytest.mark.slow
def test_each_notebook_gets_a_fresh_kernel_with_nothing_in_it_but_its_own_names(tmp_path):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS_DIR, notebooks)
    actors = nbformat.read(notebooks / "02_actors.ipynb", as_version=4)
    actors.cells.append(nbformat.v4.new_code_cell("leak = 1"))
    nbformat.write(actors, notebooks / "02_actors.ipynb")
    claims = nbformat.read(notebooks / "03_claims.ipynb", as_version=4)
    first = next(i for i, c in enumerate(claims.cells) if c.cell_type == "code") + 1  # after the parameters
    # its kernel imported the notebook's modules ahead of time, but in a namespace of their own
    check = 'assert "leak" not in globals() and "pipeline" not in globals() and "pd" not in globals()'
    claims.cells.insert(first, nbformat.v4.new_code_cell(check))
    nbformat.write(claims, notebooks / "03_claims.ipynb")
    run_article(
        DATA / "harbour.txt", tmp_path / "out", formats=(), progress=lambda m: None, notebooks_dir=notebooks
    )
    assert (tmp_path / "out" / "timeline.csv").exists()
