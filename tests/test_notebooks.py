"""The shipped notebooks: declared once in steps.py, thin, parameterised, committed without outputs."""

from __future__ import annotations

import ast

import nbformat
import pytest

from newsdossier.paths import NOTEBOOKS_DIR
from newsdossier.run.steps import CORPUS_NOTEBOOK, STEPS

NOTEBOOKS = sorted(p for p in NOTEBOOKS_DIR.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def test_every_notebook_is_a_declared_step_and_back():
    # the per-article steps, plus the corpus notebook that `newsdossier batch` runs once per batch
    declared = sorted([*(s.notebook for s in STEPS), CORPUS_NOTEBOOK])
    assert [p.relative_to(NOTEBOOKS_DIR).as_posix() for p in NOTEBOOKS] == declared
    assert CORPUS_NOTEBOOK not in {s.notebook for s in STEPS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(NOTEBOOKS_DIR).as_posix())
def test_notebook_has_a_commented_parameters_cell_and_no_outputs(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1
    for line in params[0].source.splitlines():
        if line.strip():
            node = ast.parse(line.split("#")[0]).body[0]
            assert isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Constant), line
            assert "  # " in line, f"parameter without a comment: {line}"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "commit notebooks without outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(NOTEBOOKS_DIR).as_posix())
def test_notebook_stays_thin(path):
    nb = nbformat.read(path, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    for source in code:
        tree = ast.parse(source)
        assert not any(
            isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.For, ast.While)) for n in ast.walk(tree)
        ), "logic belongs in the package"


def test_readme_lists_the_steps_in_their_declared_order():
    readme = (NOTEBOOKS_DIR.parent / "README.md").read_text(encoding="utf-8")
    positions = [readme.find(f"`{s.notebook.removesuffix('.ipynb')}`") for s in STEPS]
    assert -1 not in positions and positions == sorted(positions)


def test_the_steps_run_every_stage_once_in_the_declared_order():
    from newsdossier.extract.stages import STAGES

    assert [name for s in STEPS for name in s.stages] == [s.name for s in STAGES]


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.name)
def test_a_step_declares_the_files_its_stages_read_and_write(step):
    from newsdossier.extract.stages import STAGE, VALUES

    stored = {"article.json", "article.txt"}  # step 01 stores the article before its stages run
    for earlier in STEPS[: STEPS.index(step)]:
        stored |= set(earlier.outputs)
    writes = {VALUES[w].file for n in step.stages for w in STAGE[n].writes}
    reads = {VALUES[r].file for n in step.stages for r in STAGE[n].reads if VALUES[r].file} - writes
    if step is STEPS[0]:
        assert set(step.outputs) == writes | {"article.json", "article.txt"} and step.inputs == ()
    else:
        assert set(step.inputs) <= stored, "a step reads only what earlier steps wrote"
        if step.stages:
            assert (set(step.outputs), set(step.inputs)) == (writes, reads)


@pytest.mark.parametrize("step", [s for s in STEPS if s.stages], ids=lambda s: s.name)
def test_each_notebook_runs_its_steps_stages_in_one_call(step):
    nb = nbformat.read(NOTEBOOKS_DIR / step.notebook, as_version=4)
    calls = [
        node
        for cell in nb.cells
        if cell.cell_type == "code"
        for node in ast.walk(ast.parse(cell.source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr.endswith("_step")
        or isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "run_stages"
    ]
    assert len(calls) == 1, "one call per step"
    if calls[0].func.attr == "run_stages":
        assert tuple(a.value for a in calls[0].args[1:]) == step.stages
    else:
        from newsdossier.extract.pipeline import ARTICLE_STAGES

        assert calls[0].func.attr == "article_step" and ARTICLE_STAGES == step.stages
