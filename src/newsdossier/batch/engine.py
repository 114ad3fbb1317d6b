"""Batch runs over folders of articles: fault-isolated, resumable, on local processes or on Dask.

The unit of work is `process_chunk`: a few articles read, parsed together with `nlp.pipe` (a long
one in pieces, as `nlp.parse` does; the model is loaded once per worker process) and analysed one by
one with `pipeline.analyse`; a bad article becomes a failure record and never stops the others. Each
article's tables go to OUT/<article>/ as `extract` writes them, the chunk's rows to one part of the
corpus store (batch/corpus.py), then a done marker per article (written last, naming its part) says
the article is finished, so a re-run skips it. A worker that dies costs its own chunk only. At the
end the parent process brings the corpus files up to date (only when the corpus changed) and, when
asked, renders the corpus report. The whole batch holds OUT's lock (outdir.locked): one batch writes
at a time.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import functools
import hashlib
import json
import logging
import math
import multiprocessing
import os
import queue
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdossier import outdir, tables
from newsdossier.batch import corpus
from newsdossier.batch.corpus import CorpusArticle, CorpusFailure
from newsdossier.batch.work import Call, Outcome, Result
from newsdossier.errors import InputError, StepError
from newsdossier.paths import REPORT_FILES
from newsdossier.text.article import MANIFEST_NAME, Article, ManifestRow, load_article, parse_date
from newsdossier.text.article import read_manifest_rows as read_list_rows

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
ARTICLE_TABLES = ("actors.csv", "claims.csv", "timeline.csv", "mentions.csv")
DONE = "done.json"  # per-article marker, written last: its presence means the article is finished
REPORT_DIR = "report"  # OUT/<article>/report/: the article's notebooks and dossier (--reports)
FAILURES = corpus.FAILURES
ENGINES = ("local", "dask")
CHUNK = 8  # most articles per unit of work: enough for nlp.pipe to batch, small enough to spread the load
# A file each unit of work appends to when set: its process, start, end and CPU seconds (bench/bench.py
# reads it to show how the work spread over the processes: start-up, idle gaps, the parent's own share).
TRACE_ENV = "NEWSDOSSIER_BATCH_TRACE"
# Names the batch writes at the top of OUT: no article folder may take one of them.
RESERVED = frozenset({corpus.CORPUS_DIR, corpus.PARTS_DIR, FAILURES, "kernel.log", *corpus.OUTPUTS})


@dataclass(frozen=True)
class Task:
    """One article of a batch: its file, what the manifest says about it, its folder name in OUT."""

    name: str
    path: str
    published: str = ""  # YYYY-MM-DD or empty (unknown)
    title: str = ""  # empty: the page title or the first line
    source: str = ""


@dataclass
class BatchResult:
    """What a batch run did, for the CLI's summary."""

    out_dir: Path
    tasks: int
    done: int = 0
    skipped: int = 0
    words: int = 0
    seconds: float = 0.0
    analyse_seconds: float = 0.0  # reading, parsing and analysing: what words/s is measured on
    failures: list[CorpusFailure] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    changed: bool = False  # whether this run rewrote the corpus files (the corpus changed)


# --- Which articles: a folder or a manifest. ---


def read_manifest_rows(manifest: Path) -> tuple[list[ManifestRow], list[CorpusFailure]]:
    """Read a CSV or JSONL batch list; a broken row becomes a failure, a broken file an InputError."""
    rows, broken = read_list_rows(manifest)
    return rows, [
        CorpusFailure(f"{manifest.name}:{line}", str(manifest), "manifest", f"{manifest}, line {line}: {why}")
        for line, why in broken
    ]


def _unique_names(paths: Sequence[Path]) -> list[str]:
    """A folder name per article: its file stem, made unique (a.txt and a.html; one name in two folders)."""
    suffixes: dict[str, set[str]] = {}
    for path in paths:
        suffixes.setdefault(path.stem.lower(), set()).add(path.suffix.lower())
    names: list[str] = []
    taken: set[str] = set()
    for path in paths:
        stem = path.stem
        name = f"{stem}_{path.suffix.lstrip('.')}" if len(suffixes[stem.lower()]) > 1 else stem
        if name.lower() in RESERVED or name.startswith("."):
            name = f"{name}_article"
        base, n = name, 2
        while name.lower() in taken:
            name, n = f"{base}_{n}", n + 1
        taken.add(name.lower())
        names.append(name)
    return names


def collect_tasks(source: str | Path) -> tuple[list[Task], list[CorpusFailure]]:
    """The articles of a folder (with its manifest.csv) or of a manifest file, and the broken rows."""
    source = Path(source)
    if source.is_dir():
        manifest = source / MANIFEST_NAME
        rows, broken = read_manifest_rows(manifest) if manifest.is_file() else ([], [])
        files = sorted(
            p.resolve()
            for p in source.iterdir()
            if p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
        )
        by_name = {p.name: p for p in files}
        for row in rows:  # a manifest row whose file is not there is reported as a missing file
            by_name.setdefault(Path(row.path).name, (source / row.path).resolve())
        paths = sorted(by_name.values())
        meta = {Path(row.path).name: row for row in rows}
        listed = [meta.get(p.name, ManifestRow(0, str(p))) for p in paths]
    elif source.is_file():
        rows, broken = read_manifest_rows(source)
        seen: dict[Path, int] = {}
        paths, listed = [], []
        for row in rows:
            path = (source.parent / row.path).resolve()
            if path in seen:
                broken.append(
                    CorpusFailure(
                        f"{source.name}:{row.line}",
                        str(path),
                        "manifest",
                        f"{source}, line {row.line}: {row.path} is listed already "
                        f"(line {seen[path]}); the first listing is used",
                    )
                )
                continue
            seen[path] = row.line
            paths.append(path)
            listed.append(row)
    else:
        raise InputError(
            f"{source}: no such folder or manifest; give a folder of articles or a manifest .csv/.jsonl"
        )
    tasks: list[Task] = []
    for name, path, row in zip(_unique_names(paths), paths, listed):
        try:
            parse_date(row.published)
        except InputError as err:
            where = f"{path.parent / MANIFEST_NAME if source.is_dir() else source}, line {row.line}"
            broken.append(CorpusFailure(name, str(path), "manifest", f"{where}: {err}"))
            continue
        tasks.append(Task(name, str(path), row.published, row.title, row.source))
    return tasks, broken


# --- The unit of work. ---


def fingerprint(task: Task, model: str) -> str:
    """What makes an article's tables what they are: its bytes, its metadata and the model."""
    digest = hashlib.sha256()
    try:
        digest.update(Path(task.path).read_bytes())
    except OSError:
        return ""  # unreadable: never "finished"; the worker will report why
    meta = json.dumps([task.path, task.published, task.title, task.source, model])
    digest.update(meta.encode("utf-8"))
    return digest.hexdigest()


def is_finished(task: Task, out_dir: Path, model: str) -> Outcome | None:
    """The article's outcome (record and part) if its done marker matches the article as it is now."""
    marker = out_dir / task.name / DONE
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    key = fingerprint(task, model)
    if not key or data.get("fingerprint") != key:
        return None
    if not all((out_dir / task.name / name).exists() for name in ARTICLE_TABLES):
        return None
    if not corpus.part_exists(out_dir, data.get("part", "")):  # its rows are not in the store
        return None
    try:
        return Outcome(task.name, "done", article=CorpusArticle(**data["article"]), part=data["part"])
    except (KeyError, TypeError):  # a marker from another version of newsdossier: do the article again
        return None


def _load(task: Task) -> Article:
    return load_article(
        task.path, published=task.published, title=task.title or None, source=task.source or None
    )


def _pipe_all(nlp: Any, texts: list[str], batch_size: int) -> Iterator[Any]:
    """Docs for texts via nlp.pipe; if the pipe breaks, the rest one by one, an error in a doc's place."""
    done = 0
    try:
        for doc in nlp.pipe(texts, batch_size=batch_size):
            done += 1
            yield doc
        return
    except Exception as err:  # a component failing on one text loses its whole pipe batch: redo them singly
        log.debug("nlp.pipe failed after %d texts: %s", done, err)
    for text in texts[done:]:
        try:
            yield nlp(text)
        except Exception as err:  # noqa: BLE001 - the error is that article's failure reason
            yield err


def _parse_all(nlp: Any, texts: list[str], batch_size: int) -> Iterator[Any]:
    """Docs for texts in order: short ones batched through nlp.pipe, a long one in pieces as nlp.parse does.

    A long text on one Doc would take time and memory faster than its length (and spaCy refuses one over
    its max_length); in pieces of whole paragraphs it costs in proportion to its length.
    """
    from newsdossier.text import nlp as nlp_text

    limit = nlp_text.PIECE_CHARS
    short = _pipe_all(nlp, [text for text in texts if len(text) <= limit], batch_size)
    for text in texts:
        if len(text) <= limit:
            yield next(short)
            continue
        try:
            yield nlp_text.parse(text, nlp)
        except Exception as err:  # noqa: BLE001 - the error is that article's failure reason
            yield err


@contextlib.contextmanager
def traced(what: str, articles: int = 0) -> Iterator[None]:
    """Append one JSON line to $NEWSDOSSIER_BATCH_TRACE, if set: which process did what, when, at what CPU."""
    path = os.environ.get(TRACE_ENV)
    began, cpu = time.time(), time.process_time()
    try:
        yield
    finally:
        if path:
            row = {"what": what, "pid": os.getpid(), "start": began, "end": time.time()}
            row |= {"cpu": time.process_time() - cpu, "articles": articles}
            with open(path, "a", encoding="utf-8") as trace:  # one short append: whole, however many write
                trace.write(json.dumps(row) + "\n")


def _failed(task: Task, out_dir: Path, stage: str, reason: str) -> Outcome:
    for name in ARTICLE_TABLES:  # tables of an earlier run no longer describe this input
        (out_dir / task.name / name).unlink(missing_ok=True)
    return Outcome(task.name, "failed", failure=CorpusFailure(task.name, task.path, stage, reason))


def process_chunk(
    tasks: Sequence[Task], out_dir: str | Path, *, model: str | None = None, batch_size: int = CHUNK
) -> list[Outcome]:
    """Read, parse (nlp.pipe) and analyse some articles: their tables, one store part, their done markers."""
    from newsdossier.text.nlp import model_name

    with traced("chunk", len(tasks)):
        return _process_chunk(tasks, Path(out_dir), model or model_name(), batch_size)


def _process_chunk(tasks: Sequence[Task], out_dir: Path, model: str, batch_size: int) -> list[Outcome]:
    """process_chunk's work."""
    # spaCy and the extractors load in the worker
    from newsdossier.extract.pipeline import Dossier, analyse, write_tables
    from newsdossier.text.nlp import get_nlp

    nlp = get_nlp(model)  # cached: loaded once per worker process (or already in the forkserver's memory)
    outcomes: dict[str, Outcome] = {}
    loaded: list[tuple[Task, Article]] = []
    for task in tasks:
        folder = out_dir / task.name
        (folder / DONE).unlink(missing_ok=True)  # until it is rewritten, the article is unfinished
        for tmp in folder.glob(".*.tmp"):  # left by a worker killed mid-write (renames never half-happen)
            tmp.unlink(missing_ok=True)
        try:
            loaded.append((task, _load(task)))
        except InputError as err:
            outcomes[task.name] = _failed(task, out_dir, "read", str(err))
    analysed: list[tuple[Task, CorpusArticle, Dossier]] = []
    docs = _parse_all(nlp, [article.text for _, article in loaded], batch_size)
    for (task, article), doc in zip(loaded, docs):
        if isinstance(doc, Exception):
            reason = f"{task.path}: spaCy failed: {type(doc).__name__}: {doc}"
            outcomes[task.name] = _failed(task, out_dir, "analyse", reason)
            continue
        try:
            dossier = analyse(article, doc=doc)
            write_tables(dossier, out_dir / task.name)
        except Exception as err:  # noqa: BLE001 - one article's bug must not sink the batch; it is reported
            log.debug("analysing %s failed", task.path, exc_info=True)
            reason = f"{task.path}: {type(err).__name__}: {err}"
            outcomes[task.name] = _failed(task, out_dir, "analyse", reason)
            continue
        published = article.published.isoformat() if article.published else ""
        words = len(article.text.split())
        record = CorpusArticle(
            task.name, task.path, published, article.title, article.source, article.format, words
        )
        analysed.append((task, record, dossier))
    if analysed:
        part = corpus.new_part_id()
        corpus.write_part(
            out_dir,
            part,
            {
                "articles": [(t.name, [record]) for t, record, _ in analysed],
                "actors": [(t.name, d.actors) for t, _, d in analysed],
                "claims": [(t.name, d.claims) for t, _, d in analysed],
                "timeline": [(t.name, d.events) for t, _, d in analysed],
            },
        )
        for task, record, _ in analysed:  # last: each marker says the article's tables and part are whole
            marker = {
                "fingerprint": fingerprint(task, model),
                "model": model,
                "part": part,
                "article": dataclasses.asdict(record),
            }
            tables.write_json(marker, out_dir / task.name / DONE)
            outcomes[task.name] = Outcome(task.name, "done", article=record, part=part)
    return [outcomes[task.name] for task in tasks]


def report_one(
    task: Task, out_dir: str | Path, *, formats: Sequence[str] = ("html", "pdf"), model: str | None = None
) -> list[Outcome]:
    """Run the notebooks on one article and render its dossier into OUT/<article>/report/."""
    from newsdossier.run.runner import run_article

    target = Path(out_dir) / task.name / REPORT_DIR
    try:
        run_article(
            Path(task.path),
            target,
            published=task.published or None,
            title=task.title or None,
            source=task.source or None,
            formats=formats,
            model=model,
            progress=log.debug,
        )
    except (InputError, StepError) as err:
        return [Outcome(task.name, "failed", failure=CorpusFailure(task.name, task.path, "report", str(err)))]
    return [Outcome(task.name, "done")]


def report_finished(task: Task, out_dir: Path, formats: Sequence[str]) -> bool:
    """Whether the article's dossier is rendered in every format asked for."""
    return all((out_dir / task.name / REPORT_DIR / REPORT_FILES[f]).exists() for f in formats)


# --- Engines: the same unit of work on local processes or on Dask. ---

WARM = "newsdossier.batch.warm"  # the module a forkserver preloads: the extractors and the model (warm.py)


def forkserver(preload: Sequence[str] | str) -> Any:
    """The forkserver context worker processes start from, with its server started (it preloads meanwhile).

    A server already running (started earlier in this process) is the one used: its preload stays.
    """
    from multiprocessing import forkserver as server

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([preload] if isinstance(preload, str) else list(preload))
    server.ensure_running()
    return context


def _outcome_of(future: Any) -> list[Outcome] | BaseException:
    """A pool call's outcomes, or the ProcessExpired of a worker that died running it."""
    from pebble import ProcessExpired

    try:
        return future.result()
    except ProcessExpired as err:  # its worker died (killed, out of memory): this call only
        return err


def _run_local(calls: Sequence[Call], jobs: int) -> Iterator[Result]:
    """Run the calls in this process and, with jobs > 1, on jobs - 1 worker processes too, as they finish."""
    if jobs <= 1 or len(calls) <= 1:
        for i, (fn, args, kwargs) in enumerate(calls):
            yield i, fn(*args, **kwargs)
        return
    from concurrent.futures import CancelledError
    from concurrent.futures.process import BrokenProcessPool

    from pebble import ProcessPool

    # This process works too, from the first second, while the workers start: jobs processes in all.
    # forkserver: workers start clean (no threads or locks copied from this process), forked from a server
    # that has imported spaCy and the extractors and loaded the model once (batch/warm.py). pebble's pool
    # replaces a worker that dies and fails only the call it was running; a worker that dies idle breaks
    # it, and a new pool takes over the calls it held.
    context = forkserver(WARM)
    pending = collections.deque(enumerate(calls))
    lock = threading.Lock()
    finished: queue.SimpleQueue = queue.SimpleQueue()  # (index, future) of the pool's finished calls
    broken = threading.Event()  # the current pool broke: the loop below replaces it
    current: list[Any] = []

    def take() -> tuple[int, Call] | None:
        with lock:
            return pending.popleft() if pending else None

    def put_back(item: tuple[int, Call], pool: Any) -> None:
        with lock:
            pending.appendleft(item)
            if pool is current[-1]:  # not a pool this loop has stopped itself
                broken.set()

    def feed(pool: Any) -> None:  # the pool's next call; runs again as each one ends, so no worker idles
        item = take()
        if item is None:
            return
        try:
            future = pool.schedule(item[1][0], args=item[1][1], kwargs=item[1][2])
        except RuntimeError:  # the pool is broken or stopped
            put_back(item, pool)
            return
        future.add_done_callback(lambda f: done(pool, item, f))

    def done(pool: Any, item: tuple[int, Call], future: Any) -> None:
        try:
            future.exception()
        except CancelledError:
            put_back(item, pool)
            return
        if isinstance(future.exception(), BrokenProcessPool):  # not run: the pool broke around it
            put_back(item, pool)
            return
        finished.put((item[0], future))
        feed(pool)

    def start() -> Any:  # its first schedule waits for the forkserver's imports: not in this thread
        pool = ProcessPool(max_workers=jobs - 1, context=context)
        current.append(pool)
        threading.Thread(target=lambda: [feed(pool) for _ in range(jobs - 1)], daemon=True).start()
        return pool

    pool = start()
    left = len(calls)
    try:
        while left:
            if broken.is_set():  # the calls it held are back in `pending`
                current.append(None)  # what its stop cancels is not a new break
                pool.stop()
                pool.join()
                broken.clear()
                pool = start()
            while not finished.empty():  # the pool's results first, so progress shows them at once
                i, future = finished.get()
                left -= 1
                yield i, _outcome_of(future)
            mine = take()
            if mine is not None:
                i, (fn, args, kwargs) = mine
                left -= 1
                yield i, fn(*args, **kwargs)
            elif left:
                try:
                    i, future = finished.get(timeout=0.2)  # only the pool's calls are left
                except queue.Empty:
                    continue
                left -= 1
                yield i, _outcome_of(future)
    except BaseException:
        pool.stop()
        pool.join()
        raise
    pool.close()
    pool.join()


def run_calls(
    calls: Sequence[Call], *, engine: str, jobs: int, scheduler: str | None, model: str | None = None
) -> Iterator[Result]:
    """Run the calls on the chosen engine, yielding (index, outcomes or the error that lost them)."""
    if not calls:  # nothing to do: no pool, no cluster
        return iter(())
    if engine == "dask":
        from newsdossier.batch.cluster import run_dask
        from newsdossier.text.nlp import model_name

        return run_dask(calls, jobs, scheduler, model=model or model_name())
    return _run_local(calls, jobs)


def _lost(task: Task, err: BaseException) -> Outcome:
    """The outcome of an article whose worker was lost before it finished."""
    code = getattr(err, "exitcode", None)
    how = f" (exit code {code})" if code is not None else ""
    reason = (
        f"{task.path}: the worker processing it was lost{how}: {type(err).__name__}: {err}; "
        "re-run the batch to process it again"
    )
    return Outcome(task.name, "failed", failure=CorpusFailure(task.name, task.path, "worker", reason))


def _chunks(tasks: Sequence[Task], jobs: int) -> list[list[Task]]:
    """Units of work of up to CHUNK articles, smaller towards the end when several processes share them.

    Each unit is at most half a process's share of the articles still left (and two at least, or what is
    left), so the last units are short and the processes finish together instead of one parsing a full
    chunk while the others idle.
    """
    groups: list[list[Task]] = []
    begin = 0
    while begin < len(tasks):
        if jobs > 1:
            size = max(2, min(CHUNK, math.ceil((len(tasks) - begin) / (2 * jobs))))
        else:  # one process: one size, nobody waits at the end
            size = max(1, min(CHUNK, math.ceil(len(tasks) / 4)))
        groups.append(list(tasks[begin : begin + size]))
        begin += size
    return groups


def _progress(total: int, initial: int, desc: str, enabled: bool) -> Any:
    from tqdm import tqdm

    # stderr, so the CLI's stdout stays clean; count, rate and ETA are tqdm's default bar
    return tqdm(
        total=total,
        initial=initial,
        desc=desc,
        unit="article",
        file=sys.stderr,
        disable=not enabled,
        dynamic_ncols=True,
    )


def _run_stage(
    calls: list[Call],
    groups: list[list[Task]],
    *,
    desc: str,
    engine: str,
    jobs: int,
    scheduler: str | None,
    model: str,
    progress: bool,
    skipped: int,
    total: int,
) -> list[Outcome]:
    """Run one stage's calls with a progress bar; a lost call fails its own articles only."""
    outcomes: list[Outcome] = []
    failed = 0
    # articles already done count from the start, so the rate and the ETA are those of the real work
    with _progress(total, skipped, desc, progress) as bar:
        for i, result in run_calls(calls, engine=engine, jobs=jobs, scheduler=scheduler, model=model):
            if isinstance(result, BaseException):
                result = [_lost(t, result) for t in groups[i]]
            outcomes += result
            failed += sum(o.status == "failed" for o in result)
            bar.update(len(groups[i]))
            if failed:
                bar.set_postfix(failed=failed, refresh=False)
    return outcomes


def run_batch(
    source: str | Path,
    out_dir: str | Path,
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    reports: bool = False,
    report_formats: Sequence[str] = ("html", "pdf"),
    corpus_formats: Sequence[str] = (),
    model: str | None = None,
    progress: bool = True,
) -> BatchResult:
    """Process every article of a folder or manifest into OUT, bring the corpus up to date, render its report.

    The corpus report is rendered only when corpus_formats asks for it, and then only when the corpus
    changed or the report is missing; a report left from an earlier corpus is removed.
    """
    if engine not in ENGINES:
        raise InputError(f"--engine takes {' or '.join(ENGINES)}, got {engine!r}")
    if jobs < 1:
        raise InputError(f"--jobs must be at least 1, got {jobs}")
    if scheduler and engine != "dask":
        raise InputError("--scheduler needs --engine dask")
    began = time.monotonic()
    out_dir = Path(out_dir).resolve()
    tasks, failures = collect_tasks(source)
    if engine == "dask" and not scheduler:
        # The LocalCluster's workers fork from a forkserver that imports distributed and the extractors and
        # loads the model: started now, it does so on the other core while this process imports spaCy and
        # distributed, reads the markers and starts the scheduler, instead of after all that.
        forkserver(("distributed", WARM))
    from newsdossier.text.nlp import model_name  # spaCy's import: after the forkserver has started

    model = model or model_name()
    outdir.make_dir(out_dir)
    with outdir.locked(out_dir):  # two batches into one folder would both write its corpus
        return _run_locked(
            tasks,
            failures,
            out_dir,
            began,
            model=model,
            jobs=jobs,
            engine=engine,
            scheduler=scheduler,
            reports=reports,
            report_formats=report_formats,
            corpus_formats=corpus_formats,
            progress=progress,
        )


def _run_locked(
    tasks: list[Task],
    failures: list[CorpusFailure],
    out_dir: Path,
    began: float,
    *,
    model: str,
    jobs: int,
    engine: str,
    scheduler: str | None,
    reports: bool,
    report_formats: Sequence[str],
    corpus_formats: Sequence[str],
    progress: bool,
) -> BatchResult:
    """run_batch's work, with the folder's lock held."""
    result = BatchResult(out_dir, len(tasks))
    stage = {"engine": engine, "jobs": jobs, "scheduler": scheduler, "model": model, "progress": progress}

    finished = {t.name: done for t in tasks if (done := is_finished(t, out_dir, model))}
    todo = [t for t in tasks if t.name not in finished]
    groups = _chunks(todo, jobs)  # spaCy's parse does not depend on the batch a text is in
    calls: list[Call] = [(process_chunk, (group, str(out_dir)), {"model": model}) for group in groups]
    outcomes = _run_stage(calls, groups, desc="articles", skipped=len(finished), total=len(tasks), **stage)
    result.analyse_seconds = time.monotonic() - began
    done = dict(finished)
    for outcome in outcomes:
        if outcome.status == "done":
            done[outcome.name] = outcome
        if outcome.failure is not None:
            failures.append(outcome.failure)
    result.skipped, result.done = len(finished), len(done) - len(finished)

    if reports:
        redo = [
            t
            for t in tasks
            if t.name in done and not (t.name in finished and report_finished(t, out_dir, report_formats))
        ]
        options = {"formats": tuple(report_formats), "model": model}
        report_calls: list[Call] = [(report_one, (t, str(out_dir)), options) for t in redo]
        report_outcomes = _run_stage(
            report_calls,
            [[t] for t in redo],
            desc="reports",
            skipped=len(done) - len(redo),
            total=len(done),
            **stage,
        )
        failures += [o.failure for o in report_outcomes if o.failure is not None]

    result.failures = sorted(failures, key=dataclasses.astuple)
    result.words = sum(o.article.words for name, o in done.items() if name not in finished and o.article)
    current = {name: o.part for name, o in sorted(done.items())}
    repoint = functools.partial(_repoint_markers, out_dir)
    with traced("corpus"):
        result.changed = bool(corpus.update(out_dir, current, result.failures, repoint=repoint))
    result.written = [out_dir / name for name in (FAILURES, *corpus.OUTPUTS)]
    report_dir = out_dir / corpus.CORPUS_DIR
    if corpus_formats:
        missing = not all((report_dir / REPORT_FILES[f]).exists() for f in corpus_formats)
        if result.changed or missing:
            result.written += corpus_report(out_dir, corpus_formats)
    elif result.changed:
        remove_corpus_report(out_dir)
    result.seconds = time.monotonic() - began
    return result


def _repoint_markers(out_dir: Path, current: Mapping[str, str]) -> None:
    """Record in each article's done marker the part that now holds its rows (after the store compacted)."""
    for name, part in current.items():
        marker = out_dir / name / DONE
        data = json.loads(marker.read_text(encoding="utf-8"))
        if data.get("part") != part:
            tables.write_json({**data, "part": part}, marker)


def remove_corpus_report(out_dir: Path) -> list[Path]:
    """Remove the corpus report of an earlier corpus, so no stale report sits beside new tables."""
    from newsdossier.run.steps import CORPUS_STEP

    run_dir = Path(out_dir) / corpus.CORPUS_DIR
    stale = [run_dir / name for name in (*REPORT_FILES.values(), Path(CORPUS_STEP.notebook).name)]
    removed = [path for path in stale if path.is_file()]
    for path in removed:
        path.unlink()
    if removed:
        log.info("removed the corpus report of an earlier corpus: %s", ", ".join(map(str, removed)))
    return removed


def corpus_report(out_dir: Path, formats: Sequence[str]) -> list[Path]:
    """Run the corpus notebook once on OUT and render it to OUT/corpus/report.html and .pdf."""
    from newsdossier.run.runner import execute_step, render
    from newsdossier.run.steps import CORPUS_STEP

    run_dir = out_dir / corpus.CORPUS_DIR
    run_dir.mkdir(parents=True, exist_ok=True)
    for name in REPORT_FILES.values():  # a failed run must not leave an old report that looks current
        (run_dir / name).unlink(missing_ok=True)
    target = out_dir / CORPUS_STEP.notebook
    # papermill rewrites its output notebook after every cell: run it in a scratch folder and rename the
    # result into place, so an interrupt never leaves a half-written notebook.
    scratch = Path(tempfile.mkdtemp(prefix=".run-", suffix=".tmp", dir=run_dir))

    def keep() -> None:  # the finished notebook (with its error, if the step failed) and the kernel's log
        if (scratch / CORPUS_STEP.notebook).exists():
            os.replace(scratch / CORPUS_STEP.notebook, target)
        if (scratch / "kernel.log").exists():
            os.replace(scratch / "kernel.log", run_dir / "kernel.log")

    try:
        (scratch / CORPUS_STEP.notebook).parent.mkdir(parents=True, exist_ok=True)
        try:
            execute_step(CORPUS_STEP, scratch, {"corpus_dir": str(out_dir)})
        except StepError:
            keep()
            raise
        keep()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return [target, *render(target, run_dir, formats)]


def parse_formats(value: str) -> tuple[str, ...]:
    """'html,pdf' -> ('html', 'pdf'); empty or 'none' -> (); anything else is an InputError."""
    formats = tuple(f.strip() for f in value.split(",") if f.strip() and f.strip() != "none")
    bad = [f for f in formats if f not in ("html", "pdf")]
    if bad:
        raise InputError(f"formats are html and/or pdf (or none), got {', '.join(bad)}")
    return formats
