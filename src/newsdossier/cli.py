"""The `newsdossier` command: run the notebooks, extract the tables, or process a batch."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from newsdossier.article import parse_date
from newsdossier.errors import InputError, StepError

PROG = "newsdossier"


def fail(message: str) -> int:
    """Print a one-line error and return the exit code for bad input."""
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 2


def cmd_extract(args: argparse.Namespace) -> int:
    """Write actors.csv, claims.csv and timeline.csv (and mentions.csv) without notebooks."""
    from newsdossier.pipeline import extract

    out = Path(args.out)
    dossier = extract(args.article, out, published=args.published)
    print(f"{len(dossier.actors)} actors, {len(dossier.claims)} claims, {len(dossier.events)} timeline rows -> {out}")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Run the notebooks with papermill and render the report."""
    from newsdossier.paths import default_out_dir
    from newsdossier.runner import run_article

    out = Path(args.out) if args.out else default_out_dir(Path(args.article))
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    bad = [f for f in formats if f not in ("html", "pdf")]
    if bad:
        raise InputError(f"--formats takes html and/or pdf, got {', '.join(bad)}")
    written = run_article(Path(args.article), out, published=args.published, formats=formats)
    for path in written:
        print(path)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(prog=PROG, description="Turn a news article into an analyst's dossier.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each step does")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the notebooks and render report.html / report.pdf")
    run.add_argument("article", help="the article: a .txt or .html file")
    run.add_argument("--published", help="publication date YYYY-MM-DD (overrides the manifest)")
    run.add_argument("--out", help="run folder (default reports/<article-name>/)")
    run.add_argument("--formats", default="html,pdf", help="report formats, comma-separated (default html,pdf)")
    run.set_defaults(func=cmd_run)

    ex = sub.add_parser("extract", help="write the three tables without notebooks (fast path)")
    ex.add_argument("article", help="the article: a .txt or .html file")
    ex.add_argument("--published", help="publication date YYYY-MM-DD (overrides the manifest)")
    ex.add_argument("--out", required=True, help="folder for actors.csv, claims.csv, timeline.csv")
    ex.set_defaults(func=cmd_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    try:
        if getattr(args, "published", None) is not None:
            parse_date(args.published, what="--published")  # check before anything is loaded or written
        return args.func(args)
    except InputError as err:
        return fail(str(err))
    except StepError as err:
        print(f"{PROG}: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
