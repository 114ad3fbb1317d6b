"""End to end: the real notebooks run by papermill on a small article, rendered to HTML and PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from newsdossier.errors import StepError
from newsdossier.paths import NOTEBOOKS_DIR
from newsdossier.run.runner import run_article
from newsdossier.run.steps import STEPS

DATA = Path(__file__).parent / "data"
pytestmark = pytest.mark.slow


def test_every_step_leaves_its_executed_notebook_and_tables(run_dir):
    for step in STEPS:
        nb = nbformat.read(run_dir / step.notebook, as_version=4)
        errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
        assert not errors, step.notebook
        for name in step.outputs:
            assert (run_dir / name).stat().st_size > 0, name


def test_html_report_is_self_contained_with_the_charts(run_dir):
    html = (run_dir / "report.html").read_text(encoding="utf-8")
    assert html.count('class="plotly-graph-div"') >= 3
    assert "Plotly.newPlot" in html
    srcs = re.findall(r"<script[^>]*\bsrc\s*=\s*[\"']([^\"']*)", html, flags=re.IGNORECASE)
    assert srcs == [], f"external scripts: {srcs}"
    assert not re.search(r"<link[^>]+href=[\"']https?://", html)
    assert "Linda Okafor" in html
    assert "charts.show(" not in html and "report.load(" not in html  # code cells are hidden


def test_pdf_report_has_the_tables_and_chart_titles(run_dir):
    text = subprocess.run(
        ["pdftotext", "-layout", str(run_dir / "report.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in ("Actors by mentions", "Claims per speaker", "Timeline", "Linda Okafor", "speaker"):
        assert expected in text, expected


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
