"""The package's shape: imports point one way along the layers, `import newsdossier` stays light, and
pyproject.toml declares what the package imports."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from newsdossier.paths import PACKAGE_DIR, PROJECT_DIR

# base (top-level modules) < text < extract < run, batch < report < cli
LAYERS = {"base": 0, "text": 1, "extract": 2, "run": 3, "batch": 3, "report": 4, "cli": 5}
# Imports that the order above allows but the layers forbid: batch may run notebooks, run never
# imports batch; the report reads files and never computes with extraction or the runner.
FORBIDDEN = {("run", "batch"), ("report", "extract"), ("report", "run")}
# Installed and needed at run time, though no module imports them.
RUNTIME_ONLY = {
    "ipykernel": "the kernel papermill runs each notebook in",
    "pyarrow": "pandas' Parquet engine for the corpus store",
}


def layer(module: str) -> str:
    """The layer of a newsdossier module: its sub-package, cli, or base for the other top-level modules."""
    parts = module.split(".")
    if len(parts) > 2 and parts[1] in LAYERS:
        return parts[1]
    if parts[1:2] in (["cli"], ["__main__"]):
        return "cli"
    if len(parts) == 2 and parts[1] in LAYERS:  # newsdossier.text itself: its __init__
        return parts[1]
    return "base"


def module_name(path: Path) -> str:
    """The dotted name of a source file under src/."""
    rel = path.relative_to(PACKAGE_DIR.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports (top-level and inside functions), with its line; relative ones resolved."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            # `from newsdossier import tables` imports the module newsdossier.tables
            out += [(node.lineno, f"{module}.{a.name}") for a in node.names]
            out.append((node.lineno, module))
        elif _reads_package_data(node):  # importlib.resources.files("pkg"): pkg's data files are used
            out.append((node.lineno, node.args[0].value))
    return out


def _reads_package_data(node: ast.AST) -> bool:
    """True for a call importlib.resources.files("some_package")."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute | ast.Name)
        and getattr(node.func, "attr", getattr(node.func, "id", "")) == "files"
        and bool(node.args)
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    )


SOURCES = sorted(PACKAGE_DIR.rglob("*.py"))


def violations(path: Path) -> list[str]:
    """The imports of a source file that point up the layers or across a forbidden direction."""
    here = layer(module_name(path))
    found = []
    for line, target in imports(path):
        if not target.startswith("newsdossier."):
            continue
        there = layer(target)
        if LAYERS[there] > LAYERS[here] or (here, there) in FORBIDDEN:
            found.append(f"{path.relative_to(PROJECT_DIR)}:{line} ({here}) imports {target} ({there})")
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(PACKAGE_DIR).as_posix())
def test_imports_point_down_the_layers(path):
    assert violations(path) == []


@pytest.mark.parametrize(
    "here, source, bad",
    [
        ("text/x.py", "from newsdossier.extract import actors\n", True),
        ("extract/x.py", "def f():\n    from newsdossier.run import runner\n", True),
        ("report/x.py", "from newsdossier.extract.pipeline import analyse\n", True),
        ("report/x.py", "import newsdossier.run.steps\n", True),
        ("run/x.py", "from newsdossier.batch import engine\n", True),
        ("records_x.py", "from newsdossier.text import nlp\n", True),
        ("extract/x.py", "from ..report import html\n", True),
        ("batch/x.py", "from newsdossier.run.runner import run_article\n", False),
        (
            "report/x.py",
            "from newsdossier import tables\nfrom newsdossier.text.folder import read_article\n",
            False,
        ),
        ("cli_x.py", "from newsdossier.batch import engine\n", True),  # a new base module is not the cli
    ],
)
def test_the_layer_check_catches_an_arrow_up(tmp_path, monkeypatch, here, source, bad):
    root = tmp_path / "src" / "newsdossier"
    (root / here).parent.mkdir(parents=True, exist_ok=True)
    (root / here).write_text(source)
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE_DIR", root)
    monkeypatch.setattr(sys.modules[__name__], "PROJECT_DIR", tmp_path)
    assert bool(violations(root / here)) is bad


@pytest.mark.parametrize(
    "modules",
    [
        "newsdossier",
        "newsdossier.run.steps",  # the CLI's run command and the runner stay light: no model,
        "newsdossier.run.runner",  # so the first kernel boots while the runner starts
        "newsdossier.report.html, newsdossier.report.charts",  # the report step never needs spaCy
    ],
)
def test_importing_does_not_load_spacy(modules):
    code = f"import sys, {modules}; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def normalise(name: str) -> str:
    """A distribution name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_distributions() -> dict[str, str]:
    """The distributions the package's sources import (top-level names, stdlib left out), to a sample file."""
    names = packages_distributions()
    found: dict[str, str] = {}
    for path in SOURCES:
        for _, module in imports(path):
            top = module.split(".")[0]
            if not top or top in sys.stdlib_module_names or top == "newsdossier":
                continue
            assert top in names, f"{path}: {top} is imported but not installed"
            for dist in names[top]:
                found.setdefault(normalise(dist), str(path.relative_to(PROJECT_DIR)))
    return found


def declared_distributions() -> set[str]:
    """The distribution names of pyproject.toml's dependencies (extras and versions left out)."""
    project = tomllib.loads((PROJECT_DIR / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {normalise(re.match(r"[A-Za-z0-9_.-]+", d).group()) for d in project["dependencies"]}


def test_pyproject_declares_what_the_package_imports_and_nothing_else():
    imported = imported_distributions()
    declared = declared_distributions()
    missing = {d: where for d, where in imported.items() if d not in declared}
    assert missing == {}, "add these to pyproject.toml's dependencies"
    unused = declared - set(imported) - {normalise(d) for d in RUNTIME_ONLY}
    assert unused == set(), "nothing imports these: remove them (or say in RUNTIME_ONLY why they are needed)"
