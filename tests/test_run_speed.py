"""What makes `newsdossier run` fast changes nothing a reader or a notebook sees: kernels forked from the
fork server are fresh and separate, a server that cannot fork leaves an ordinary kernel, a failing
warm-up fails its step with the step's own clear error, and the PDF printed in the page that loaded
plotly.js ahead is the PDF of the page loaded as it is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdossier.errors import StepError
from newsdossier.paths import NOTEBOOKS_DIR
from newsdossier.run import runner
from newsdossier.run.forkserver import ForkServer
from newsdossier.run.steps import STEPS

pytestmark = pytest.mark.slow
DATA = Path(__file__).parent / "data"


def run_code(kernel: runner.Kernel, code: str) -> str:
    """What the code prints in the kernel."""
    client = kernel.ready().client()
    client.start_channels()
    out: list[str] = []
    try:
        reply = client.execute_interactive(
            code, timeout=60, output_hook=lambda m: out.append(m["content"].get("text", ""))
        )
    finally:
        client.stop_channels()
    assert reply["content"]["status"] == "ok", reply["content"]
    return "".join(out)


def test_forked_kernels_are_children_of_the_server_each_with_its_own_namespace(tmp_path):
    notebook = NOTEBOOKS_DIR / STEPS[1].notebook
    server = ForkServer("import json", tmp_path / "kernel.log", NOTEBOOKS_DIR)
    first = runner.Kernel(notebook, NOTEBOOKS_DIR, tmp_path / "kernel.log", server)
    second = runner.Kernel(notebook, NOTEBOOKS_DIR, tmp_path / "kernel.log", server)
    try:
        assert run_code(first, "import os; leak = 1; print(os.getppid())").strip() == str(server.proc.pid)
        # the server imported modules, nothing else: a name made in one kernel is in no other
        names = run_code(second, "print('leak' in globals(), 'pipeline' in globals(), 'json' in globals())")
        assert names.split() == ["False", "False", "False"]
        pid = first.manager.provisioner.pid
    finally:
        first.shutdown()
        second.shutdown()
        server.close()
    assert server.exit_code(pid) is not None  # the server reported the kernel's end
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_server_that_cannot_fork_leaves_an_ordinary_kernel(tmp_path):
    server = ForkServer("import json", tmp_path / "kernel.log", NOTEBOOKS_DIR)
    server.proc.kill()
    server.proc.wait()
    kernel = runner.Kernel(NOTEBOOKS_DIR / STEPS[1].notebook, NOTEBOOKS_DIR, tmp_path / "kernel.log", server)
    try:
        assert run_code(kernel, "import os; print(os.getppid())").strip() == str(os.getpid())
    finally:
        kernel.shutdown()
        server.close()


def test_a_failing_warm_up_fails_its_step_with_the_steps_own_error(tmp_path):
    with pytest.raises(StepError) as err:
        runner.run_article(
            DATA / "harbour.txt", tmp_path / "out", formats=(), model="no_such_model", progress=lambda m: None
        )
    message = str(err.value)
    assert "step 'article'" in message and "'no_such_model' is not installed" in message
    assert (tmp_path / "out" / "01_article.ipynb").exists()  # the executed notebook shows the error


def page_text(pdf: bytes, tmp_path: Path, name: str) -> str:
    """The text of a PDF, as pdftotext reads it."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


def test_the_pdf_printed_in_the_warm_page_is_the_pdf_of_the_page_itself(run_dir, tmp_path):
    from newsdossier.run.webpdf import plotly_script

    page = (run_dir / "report.html").read_text(encoding="utf-8")
    assert plotly_script() in page  # what the warm page stands in for
    warm = runner.pdf_printer()
    try:
        fast = warm.pdf(page)  # the first print uses the page that loaded plotly.js ahead
        assert warm._warm_used
        plain = warm.pdf(page)  # a second one loads the page as it is
    finally:
        warm.close()
    fast_text = page_text(fast, tmp_path, "fast")
    assert "Actors by mentions" in fast_text and "Claims per speaker" in fast_text  # chart titles drawn
    assert fast_text == page_text(plain, tmp_path, "plain")


def test_the_runner_skips_the_unused_iri_grammar_and_still_validates_notebooks():
    probe = (
        "import sys\n"
        "import newsdossier.run.runner, nbformat, papermill\n"
        "bad = nbformat.v4.new_notebook(); bad['cells'] = [{'cell_type': 'code'}]\n"
        "try:\n"
        "    nbformat.validate(bad); caught = False\n"
        "except nbformat.ValidationError:\n"
        "    caught = True\n"
        "print(sys.modules.get('rfc3987_syntax') is None, caught)\n"
    )
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", probe], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["True", "True"]  # no grammar built, and a broken notebook is still refused
