"""Run `newsdossier extract` in one process over the development sets, then score them.

    python scripts/dev_extract.py OUT [SET ...]      (sets: quotes polnear actors timex timex-meantime)

Writes OUT/<set>/<doc>/ exactly as `../shared/eval/run_dev.sh OUT` does, but loads the spaCy model
once instead of once per document, then runs run_dev.sh with SCORE_ONLY=1 to score. The development
texts are read from ../shared/dev at run time and never copied into the project.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newsdossier.extract.pipeline import extract
from newsdossier.paths import PROJECT_DIR
from newsdossier.text.nlp import get_nlp


def shared_dir() -> Path:
    """The shared folder beside the project (or beside a folder above it, as for a git worktree)."""
    if os.environ.get("NEWSDOSSIER_SHARED"):
        return Path(os.environ["NEWSDOSSIER_SHARED"])
    for folder in PROJECT_DIR.parents:
        if (folder / "shared" / "dev").is_dir():
            return folder / "shared"
    raise SystemExit("no shared/dev folder found above the project; set NEWSDOSSIER_SHARED")


DEV = shared_dir() / "dev"
EVAL = shared_dir() / "eval"
ALL_SETS = ("quotes", "polnear", "actors", "timex", "timex-meantime")


def published(gold: Path) -> str:
    """The publication date a gold file gives its document."""
    if gold.suffix == ".json":
        return json.loads(gold.read_text(encoding="utf-8"))["dct"]
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.startswith("published:"):
            return line.split(":", 1)[1].strip().strip("'\"")
    raise ValueError(f"{gold}: no published: line")


def run_set(name: str, out: Path) -> int:
    """Extract every document of one development set into out/<name>/; return the failures."""
    nlp = get_nlp()
    failures = 0
    for gold in sorted((DEV / name / "gold").glob("*.*")):
        doc = DEV / name / "docs" / f"{gold.stem}.txt"
        try:
            extract(doc, out / name / gold.stem, published=published(gold), nlp=nlp)
        except Exception as err:  # noqa: BLE001 - a dev run reports every failure and goes on
            failures += 1
            print(f"failed: {doc}: {type(err).__name__}: {err}", file=sys.stderr)
    return failures


def main(argv: list[str]) -> int:
    """Extract the named sets (all by default) and score them."""
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0]).resolve()
    sets = argv[1:] or list(ALL_SETS)
    for name in sets:
        run_set(name, out)
    env = dict(os.environ, SCORE_ONLY="1", SETS=" ".join(sets))
    return subprocess.call(["bash", str(EVAL / "run_dev.sh"), str(out)], env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
