"""Re-run the actors and claims stages over the quote development sets from cached parses, then score.

    python scripts/dev_claims.py CACHE OUT [SET ...]      (sets: quotes polnear; default both)

The first run parses every document (the slow part) and stores the parse, sentences and dates in
CACHE/<set>/<doc>.pkl; later runs only redo the actors and claims stages, so a change to the speaker
rules is measured in a minute or two rather than a full extraction. The tables land in OUT/<set>/<doc>/
as `dev_extract.py` writes them, and the official scorers are run on them. The cache holds parses of
the development texts: keep it under /tmp, never in the project.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsdossier.extract import stages
from newsdossier.extract.pipeline import Dossier, write_tables
from newsdossier.text.article import load_article
from newsdossier.text.nlp import doc_from_bytes, doc_to_bytes, get_nlp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_extract import DEV, EVAL, published  # noqa: E402 - the dev set's location, one definition

QUOTE_SETS = ("quotes", "polnear")
_PARSED = ("parse", "sentences", "timexes")


def cached_values(cache: Path, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(doc id, stage values up to the dates) for every document of a set, parsing those not cached."""
    nlp = None
    for gold in sorted((DEV / name / "gold").glob("*.yaml")):
        path = cache / name / f"{gold.stem}.pkl"
        if path.exists():
            stored = pickle.loads(path.read_bytes())
            stored["doc"] = doc_from_bytes(stored["doc"])
            yield gold.stem, stored
            continue
        nlp = nlp or get_nlp()
        article = load_article(DEV / name / "docs" / f"{gold.stem}.txt", published=published(gold))
        values = stages.run(_PARSED, {"article": article, "nlp": nlp}, _no_load)
        kept = {k: values[k] for k in ("article", "doc", "sentences", "timexes", "sentence_dates")}
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps({**kept, "doc": doc_to_bytes(kept["doc"])}))
        yield gold.stem, kept


def _no_load(name: str) -> Any:
    raise KeyError(f"no cached value {name!r}")


def run_claims(values: dict[str, Any]) -> dict[str, Any]:
    """The actors and claims stages on cached values (a copy: the cache is left as it was)."""
    return stages.run(("actors", "claims"), dict(values), _no_load)


def write_set(cache: Path, out: Path, name: str) -> None:
    """Every document's tables of one set, from the cache, in OUT/<set>/<doc>/."""
    for doc_id, values in cached_values(cache, name):
        v = run_claims(values)
        folder = out / name / doc_id
        folder.mkdir(parents=True, exist_ok=True)
        write_tables(Dossier(v["article"], v["sentences"], v["actors"], v["mentions"], v["claims"]), folder)


def main(argv: list[str]) -> int:
    """Write every document's tables from the cache, then score the sets."""
    if len(argv) < 2:
        raise SystemExit(__doc__)
    cache, out = Path(argv[0]), Path(argv[1])
    names = argv[2:] or list(QUOTE_SETS)
    for name in names:
        if name not in QUOTE_SETS:
            raise SystemExit(f"unknown set {name!r}: choose from {', '.join(QUOTE_SETS)}")
        write_set(cache, out, name)
    scorer = {"quotes": "score_quotes.py", "polnear": "score_polnear.py"}
    for name in names:
        report = out / f"score_{name}.txt"
        with report.open("w", encoding="utf-8") as f:
            subprocess.call([sys.executable, str(EVAL / scorer[name]), str(out / name)], stdout=f)
        print(f"{name}: {report.read_text(encoding='utf-8').strip().splitlines()[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
