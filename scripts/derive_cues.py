"""Derive candidate cue words from the annotated cues of the development sets.

    python scripts/derive_cues.py [--min-docs N] [--dev DIR] [SET ...]   (sets: quotes polnear; default both)

Reads the `cue` field of every gold claim (required and optional) under ../shared/dev/<set>/gold,
lemmatises it with the project's spaCy pipeline and counts, per lemma, the documents whose cues use
it. Only generic words are candidates: lower-case alphabetic verbs and nouns used in at least N
documents (default 3), so that no name or phrase of one article can come through. It prints each
candidate with its document count, marking whether cues.toml lists it already; a person then adds
the right ones to src/newsdossier/extract/lexicon/cues.toml by topic. Nothing from the development
texts is written anywhere.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

from newsdossier.extract.lexicon import cues
from newsdossier.paths import PROJECT_DIR
from newsdossier.text.nlp import get_nlp

DEV = PROJECT_DIR.parent / "shared" / "dev"
SETS = ("quotes", "polnear")


def gold_cues(dev: Path, name: str) -> list[tuple[str, str]]:
    """(document id, cue text) for every annotated claim of one development set."""
    out = []
    for gold in sorted((dev / name / "gold").glob("*.yaml")):
        data = yaml.safe_load(gold.read_text(encoding="utf-8"))
        for claim in (data.get("claims") or []) + (data.get("claims_optional") or []):
            cue = str(claim.get("cue") or "").strip()
            if cue:
                out.append((gold.stem, cue))
    return out


def candidates(pairs: list[tuple[str, str]]) -> tuple[Counter[str], Counter[str]]:
    """Document counts of the verb lemmas and of the noun lemmas used in the cues."""
    nlp = get_nlp()
    verbs: dict[str, set[str]] = {}
    nouns: dict[str, set[str]] = {}
    for (doc_id, _), parsed in zip(pairs, nlp.pipe(cue for _, cue in pairs)):
        for tok in parsed:
            lemma = tok.lemma_.lower()
            if not lemma.isalpha() or not tok.text.islower() or len(lemma) < 3:
                continue
            if tok.pos_ == "VERB":
                verbs.setdefault(lemma, set()).add(doc_id)
            elif tok.pos_ == "NOUN":
                nouns.setdefault(lemma, set()).add(doc_id)
    return Counter({k: len(v) for k, v in verbs.items()}), Counter({k: len(v) for k, v in nouns.items()})


def main(argv: list[str]) -> int:
    """Print the candidate cue lemmas, most widely used first."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", help=f"any of {', '.join(SETS)} (default: all)")
    parser.add_argument("--dev", type=Path, default=DEV, help="the development sets' folder")
    parser.add_argument("--min-docs", type=int, default=3, help="documents a lemma must be used in")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.sets) - set(SETS))
    if unknown:
        parser.error(f"unknown set {', '.join(unknown)}: choose from {', '.join(SETS)}")
    pairs = [p for name in args.sets or SETS for p in gold_cues(args.dev, name)]
    if not pairs:
        print(f"no gold cues found under {args.dev}: give the folder with --dev", file=sys.stderr)
        return 1
    verbs, nouns = candidates(pairs)
    known_nouns = cues.DOCUMENT_NOUNS | cues.STATEMENT_NOUNS | cues.SPEAKER_NOUNS
    for label, counts, known in (("verb", verbs, cues.SPEECH_VERBS), ("noun", nouns, known_nouns)):
        for lemma, n in counts.most_common():
            if n >= args.min_docs:
                print(f"{label}\t{lemma}\t{n}\t{'listed' if lemma in known else 'NEW'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
