"""Running the notebooks with papermill and rendering the report with nbconvert."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import nbformat
import papermill as pm
from nbconvert import HTMLExporter
from papermill.exceptions import PapermillExecutionError

from newsdossier import outdir
from newsdossier.errors import OutputError, StepError, os_error_message
from newsdossier.paths import NOTEBOOKS_DIR
from newsdossier.run.steps import REPORT_STEP, STEPS, Step
from newsdossier.run.webpdf import TEMPLATES_DIR, ChromiumPDFExporter
from newsdossier.tables import atomic_write_bytes, atomic_write_text
from newsdossier.text.article import Article, load_article

log = logging.getLogger(__name__)
KERNEL = "python3"
REPORT_FILES = {"html": "report.html", "pdf": "report.pdf"}
# Everything a run writes into its folder: the only files it may replace or delete there.
RUN_FILES = frozenset(
    {
        *(s.notebook for s in STEPS),
        *(name for s in STEPS for name in s.outputs),
        "article.txt",
        "kernel.log",
        *REPORT_FILES.values(),
    }
)


def stderr_progress(message: str) -> None:
    """Show progress on stderr, one line per event."""
    print(message, file=sys.stderr, flush=True)


@contextlib.contextmanager
def stderr_to(path: Path):
    """Send this process's stderr (and so the kernel's, which inherits it) to a log file."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(path, "ab") as log_file:
        os.dup2(log_file.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


def notebook_parameters(notebook: Path) -> set[str]:
    """The names a notebook declares in its parameters cell."""
    return set(pm.inspect_notebook(str(notebook)))


def execute_step(
    step: Step, out_dir: Path, values: dict[str, object], *, notebooks_dir: Path = NOTEBOOKS_DIR
) -> Path:
    """Execute one notebook into the run folder; a failure keeps the executed notebook and says why."""
    source = notebooks_dir / step.notebook
    target = out_dir / step.notebook
    # papermill rewrites its output after every cell: it writes a hidden file that replaces the
    # notebook only once it is whole, so a full disk or a kill never leaves a truncated notebook.
    partial = target.with_name(f".{target.stem}.partial.ipynb")
    wanted = notebook_parameters(source)
    params = {k: v for k, v in values.items() if k in wanted}
    try:
        # The kernel's own warnings go to kernel.log in the run folder, not into the progress lines.
        with stderr_to(out_dir / "kernel.log"):
            pm.execute_notebook(
                str(source),
                str(partial),
                parameters=params,
                kernel_name=KERNEL,
                progress_bar=False,
                cwd=str(notebooks_dir),
                log_output=False,
            )
    except PapermillExecutionError as err:
        _keep_executed(partial, target)
        raise StepError(
            f"step '{step.name}' ({step.notebook}) failed: {err.ename}: {err.evalue} "
            f"- the executed notebook with the error is {target}"
        ) from err
    except OSError as err:
        partial.unlink(missing_ok=True)
        named = OSError(err.errno, err.strerror, str(target))  # the notebook, not its hidden partial copy
        raise OutputError(f"step '{step.name}': {os_error_message(named)}") from err
    except BaseException:  # Ctrl-C: keep what ran, if it was written whole
        _keep_executed(partial, target)
        raise
    os.replace(partial, target)
    missing = [name for name in step.outputs if not (out_dir / name).exists()]
    if missing:
        raise StepError(
            f"step '{step.name}' ({step.notebook}) did not write {', '.join(missing)} - see {target}"
        )
    return target


def _keep_executed(partial: Path, target: Path) -> None:
    """Keep a partly executed notebook (it shows the error) if it was written whole; else drop it."""
    try:
        nbformat.read(partial, as_version=4)
    except Exception:  # noqa: BLE001 - missing, truncated or invalid: nothing worth keeping
        partial.unlink(missing_ok=True)
        return
    os.replace(partial, target)


def html_exporter() -> HTMLExporter:
    """The report's HTML exporter: code hidden, self-contained template."""
    return HTMLExporter(
        template_name="dossier",
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )


def report_title(out_dir: Path) -> str | None:
    """The report's title, "Dossier: <the article's title>", or None without an article in out_dir."""
    try:
        article = json.loads((Path(out_dir) / "article.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    title = article.get("title") or article.get("name")
    return f"Dossier: {title}" if title else None


def render(executed: Path, out_dir: Path, formats: Sequence[str]) -> list[Path]:
    """Render the executed report notebook as HTML and/or PDF, each written atomically."""
    nb = nbformat.read(executed, as_version=4)
    title = report_title(out_dir)
    if title:
        nb.metadata["title"] = title  # the page's <title> and the PDF's title (the template escapes it)
    written = []
    for fmt in formats:
        target = out_dir / REPORT_FILES[fmt]
        if fmt == "html":
            body, _ = html_exporter().from_notebook_node(nb)
            atomic_write_text(target, body)
        else:
            exporter = ChromiumPDFExporter(
                exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True
            )
            try:
                data, _ = exporter.from_notebook_node(nb)
            except Exception as err:  # playwright/chromium errors come in many types
                raise StepError(f"rendering the PDF failed: {err}") from err
            atomic_write_bytes(target, data)
        written.append(target)
    return written


def run_article(
    article: Path,
    out_dir: Path,
    *,
    published: str | dt.date | None = None,
    formats: Sequence[str] = ("html", "pdf"),
    model: str | None = None,
    progress: Callable[[str], None] = stderr_progress,
    notebooks_dir: Path = NOTEBOOKS_DIR,
) -> list[Path]:
    """Run every notebook step on an article, then render the report; returns the files written."""
    loaded = load_article(article, published=published)  # bad input fails here, before anything is written
    out_dir = Path(out_dir).resolve()
    outdir.check_dir(out_dir)
    outdir.refuse_inputs_among_outputs([Path(article)], out_dir, RUN_FILES)
    outdir.refuse_foreign_files(out_dir, RUN_FILES)
    outdir.make_dir(out_dir)
    with outdir.locked(out_dir):  # two runs into one folder would mix their files
        return _run_steps(loaded, Path(article), out_dir, formats, model, progress, notebooks_dir)


def _run_steps(
    loaded: Article,
    article: Path,
    out_dir: Path,
    formats: Sequence[str],
    model: str | None,
    progress: Callable[[str], None],
    notebooks_dir: Path,
) -> list[Path]:
    """The steps and the rendering, in a run folder that this process holds."""
    try:
        # An earlier run's files go first: a failed run must not leave an old report that looks
        # complete, nor old tables beside new ones.
        for name in RUN_FILES:
            (out_dir / name).unlink(missing_ok=True)
        for partial in out_dir.glob(".*.partial.ipynb"):  # left by a run that was killed
            partial.unlink()
    except OSError as err:
        raise OutputError(os_error_message(err)) from err
    values: dict[str, object] = {
        "article": str(Path(article).resolve()),
        "published": loaded.published.isoformat() if loaded.published else "",
        "out_dir": str(out_dir),
        "model": model or "",
    }
    total = len(STEPS) + len(formats)
    executed: dict[str, Path] = {}
    for n, step in enumerate(STEPS, start=1):
        began = time.monotonic()
        progress(f"[{n}/{total}] {step.name}: {step.about} ...")
        executed[step.name] = execute_step(step, out_dir, values, notebooks_dir=notebooks_dir)
        progress(f"[{n}/{total}] {step.name}: done in {time.monotonic() - began:.1f} s")
    written = []
    for n, fmt in enumerate(formats, start=len(STEPS) + 1):
        began = time.monotonic()
        progress(f"[{n}/{total}] render {fmt} ...")
        written += render(executed[REPORT_STEP.name], out_dir, [fmt])
        progress(f"[{n}/{total}] render {fmt}: done in {time.monotonic() - began:.1f} s")
    return [
        *(out_dir / name for name in ("actors.csv", "claims.csv", "timeline.csv")),
        *executed.values(),
        *written,
    ]
