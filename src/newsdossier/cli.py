"""The `newsdossier` command: run the notebooks, extract the tables, or process a batch."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from newsdossier.errors import InputError, OutputError, StepError, os_error_message
from newsdossier.text.article import parse_date

PROG = "newsdossier"


def fail(message: str) -> int:
    """Print a one-line error and return the exit code for bad input."""
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 2


def cmd_extract(args: argparse.Namespace) -> int:
    """Write actors.csv, claims.csv and timeline.csv (and mentions.csv) without notebooks."""
    from newsdossier import outdir
    from newsdossier.text.article import load_article

    out = Path(args.out)
    article = load_article(args.article, published=args.published)  # bad input: nothing written
    outdir.check_dir(out)
    # spaCy and the extractors take seconds to import: only once the input is known to be good
    from newsdossier.extract.pipeline import analyse, table_files, write_tables

    outdir.refuse_inputs_among_outputs([Path(args.article)], out, table_files())
    outdir.refuse_foreign_files(out, table_files())  # an analyst's own actors.csv is never replaced
    outdir.make_dir(out)
    with outdir.locked(out):  # two extracts into one folder would mix their tables
        dossier = analyse(article)
        write_tables(dossier, out)
    print(
        f"{len(dossier.actors)} actors, {len(dossier.claims)} claims, "
        f"{len(dossier.events)} timeline rows -> {out}"
    )
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Run the notebooks with papermill and render the report."""
    from newsdossier.paths import default_out_dir
    from newsdossier.text.article import load_article

    out = Path(args.out) if args.out else default_out_dir(Path(args.article))
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    bad = [f for f in formats if f not in ("html", "pdf")]
    if bad:
        raise InputError(f"--formats takes html and/or pdf, got {', '.join(bad)}")
    load_article(args.article, published=args.published)  # a bad article: one line, before the slow imports
    from newsdossier.run.runner import run_article

    written = run_article(Path(args.article), out, published=args.published, formats=formats)
    for path in written:
        print(path)
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    """Process a folder or manifest of articles: per-article tables, the corpus store, its report."""
    from newsdossier.batch.engine import FAILURES, parse_formats, run_batch

    # the corpus report only when asked; --reports dossiers in html and pdf unless told otherwise
    formats = parse_formats(args.formats) if args.formats is not None else None
    result = run_batch(
        args.input,
        Path(args.out),
        jobs=args.jobs,
        engine=args.engine,
        scheduler=args.scheduler,
        reports=args.reports,
        report_formats=formats if formats is not None else ("html", "pdf"),
        corpus_formats=formats or (),
    )
    failed = len({f.article for f in result.failures})
    rate = (
        f", {result.words / result.analyse_seconds:,.0f} words/s"
        if result.done and result.analyse_seconds
        else ""
    )
    print(
        f"{result.tasks} articles: {result.done} processed, {result.skipped} already done, "
        f"{failed} failed in {result.seconds:.1f} s{rate} -> {result.out_dir}",
        file=sys.stderr,
    )
    shown = 10  # a long list of failures belongs in failures.csv, not on the terminal
    for failure in result.failures[:shown]:
        print(f"{PROG}: failed ({failure.stage}): {failure.reason}", file=sys.stderr)
    if len(result.failures) > shown:
        print(f"{PROG}: ... and {len(result.failures) - shown} more", file=sys.stderr)
    if result.failures:
        print(f"{PROG}: every failure and its reason: {result.out_dir / FAILURES}", file=sys.stderr)
    for path in result.written:
        print(path)
    return 1 if result.failures else 0


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(prog=PROG, description="Turn a news article into an analyst's dossier.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each step does")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the notebooks and render report.html / report.pdf")
    run.add_argument("article", help="the article: a .txt or .html file")
    run.add_argument("--published", help="publication date YYYY-MM-DD (overrides the manifest)")
    run.add_argument("--out", help="run folder (default reports/<article-name>/)")
    run.add_argument(
        "--formats", default="html,pdf", help="report formats, comma-separated (default html,pdf)"
    )
    run.set_defaults(func=cmd_run)

    ex = sub.add_parser("extract", help="write the three tables without notebooks (fast path)")
    ex.add_argument("article", help="the article: a .txt or .html file")
    ex.add_argument("--published", help="publication date YYYY-MM-DD (overrides the manifest)")
    ex.add_argument("--out", required=True, help="folder for actors.csv, claims.csv, timeline.csv")
    ex.set_defaults(func=cmd_extract)

    batch = sub.add_parser("batch", help="process a folder or manifest of articles into a queryable corpus")
    batch.add_argument(
        "input",
        help="a folder of .txt/.html articles (manifest.csv inside gives dates) "
        "or a manifest .csv/.jsonl (path, published, title, source)",
    )
    batch.add_argument(
        "--out",
        required=True,
        help="output folder: OUT/<article>/*.csv, *.parquet, corpus.duckdb, corpus/report.html",
    )
    batch.add_argument("--jobs", type=int, default=1, help="worker processes (default 1: in this process)")
    batch.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes, or dask.distributed (default local)",
    )
    batch.add_argument(
        "--scheduler",
        help="dask scheduler address (with --engine dask; default: a LocalCluster "
        "of --jobs workers on 127.0.0.1)",
    )
    batch.add_argument(
        "--reports",
        action="store_true",
        help="also run the notebooks on each article and render its dossier (slow: kernels)",
    )
    batch.add_argument(
        "--formats",
        default=None,
        help="render the corpus report in these formats (html, pdf, comma-separated; re-rendered only "
        "when the corpus changed) and the --reports dossiers in them; default: no corpus report "
        "(the dossiers in html,pdf); 'none': no corpus report",
    )
    batch.set_defaults(func=cmd_batch)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )
    try:
        if getattr(args, "published", None) is not None:
            parse_date(args.published, what="--published")  # check before anything is loaded or written
        return args.func(args)
    except (InputError, OutputError) as err:
        return fail(str(err))
    except OSError as err:  # a write that failed outside the checks (full disk, read-only): one line, exit 2
        return fail(os_error_message(err))
    except StepError as err:
        print(f"{PROG}: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
