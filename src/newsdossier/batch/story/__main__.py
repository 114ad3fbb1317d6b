"""`python -m newsdossier.batch.story DIR`: regroup a batch output folder's story tables in place.

The story step alone, on the combined tables a `newsdossier batch` run left in DIR: no article is
extracted again, so a change to the grouping rules is seen in seconds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsdossier.batch.story import build_story
from newsdossier.errors import InputError


def main(argv: list[str] | None = None) -> int:
    """Rebuild the story tables of one batch folder; exit 2 with a one-line message on bad input."""
    parser = argparse.ArgumentParser(
        prog="python -m newsdossier.batch.story", description=__doc__.splitlines()[0]
    )
    parser.add_argument("out_dir", type=Path, help="a `newsdossier batch` output folder (its --out)")
    args = parser.parse_args(argv)
    try:
        build_story(args.out_dir)
    except InputError as exc:
        sys.stderr.write(f"newsdossier: {exc}\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
