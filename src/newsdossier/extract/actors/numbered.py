"""Names written with a number: team names made of a number and a plural ending, and numbered roads.

spaCy's small model reads "the 21ers" as a number and drops it, and cuts "State Route 12" before
its number; both are repaired here, on the candidates the boundary and recall passes give:

* a number with a plural ending ("21ers"), with the capitalised words or the place right before it
  ("Harlow 21ers"), is an organisation (a team); a bare decade ("the 1990s") is not one;
* a road head word ("Route", "Highway", "Interstate") followed by a number is a place whose name
  holds the number, with the capitalised words before it ("State Route 12", "County Road 7").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsdossier.extract.actors.spans import Cand, Cluster
from newsdossier.extract.lexicon.load import load

_DATA = load("numbered")
ROAD_HEADS = _DATA["road_heads"]
_PLURAL_NUMBER = re.compile(r"\d+(?:" + "|".join(sorted(_DATA["plural_number_endings"])) + r")", re.I)
_ROAD_NUMBER = re.compile(r"\d{1,4}[A-Za-z]?")


def _capitalised_start(doc: Doc, end: int, taken: set[int]) -> int:
    """Where the run of capitalised proper nouns ending before token ``end`` starts (``end`` if none)."""
    start = end
    while (
        start > 0
        and start - 1 not in taken
        and doc[start - 1].text[:1].isupper()
        and doc[start - 1].pos_ == "PROPN"
        and not doc[start - 1].is_sent_start
    ):
        start -= 1
    if (
        start > 0
        and start - 1 not in taken
        and doc[start - 1].is_sent_start
        and doc[start - 1].pos_ == "PROPN"
    ):
        start -= 1  # the sentence's first word may open the name too
    return start


def _road_ends(doc: Doc, cands: list[Cand], taken: set[int]) -> list[Cand]:
    """Give a road its number back, or find a numbered road no entity covers; return the new ones."""
    by_end = {c.end: c for c in cands if not c.chars}
    found = []
    for token in doc[:-1]:
        number = doc[token.i + 1]
        if (
            token.lower_ not in ROAD_HEADS
            or not token.text[:1].isupper()
            or not _ROAD_NUMBER.fullmatch(number.text)
            or number.i in taken
        ):
            continue
        cand = by_end.get(token.i + 1)
        if cand is not None:
            cand.end, cand.label = number.i + 1, "FAC"
        elif token.i not in taken:
            found.append(Cand(_capitalised_start(doc, token.i, taken), number.i + 1, "FAC", how="rule"))
        taken.update(range(token.i, number.i + 1))
    return found


def _teams(doc: Doc, cands: list[Cand], taken: set[int]) -> list[Cand]:
    """Teams named by a number and a plural ending ("Harlow 21ers"); return the new candidates."""
    by_end = {c.end: c for c in cands if not c.chars}
    for cand in cands:  # "the Harlow 21ers" read whole as a place or a person: the team
        if _PLURAL_NUMBER.fullmatch(doc[cand.end - 1].text) and cand.label in {"GPE", "LOC", "FAC", "PERSON"}:
            cand.label = "ORG"
    found = []
    for token in doc:
        if token.i in taken or not _PLURAL_NUMBER.fullmatch(token.text):
            continue
        before = by_end.get(token.i)
        if before is not None and before.label in {"GPE", "LOC", "ORG", "PERSON"}:
            before.end, before.label = token.i + 1, "ORG"  # "Harlow" + "21ers": the city's team
        else:
            found.append(Cand(_capitalised_start(doc, token.i, taken), token.i + 1, "ORG", how="rule"))
        taken.add(token.i)
    return found


def numbered_names(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """The candidates with numbered roads and teams repaired or added (see the module docstring)."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    found = _road_ends(doc, cands, taken)
    found += _teams(doc, cands, taken)
    return sorted(cands + found, key=lambda c: c.start)


def is_numbered_name(doc: Doc, cluster: Cluster) -> bool:
    """A cluster named as a numbered road or a numbered team: the name itself says it is an actor."""
    for cand in cluster.cands:
        last = doc[cand.end - 1]
        if _PLURAL_NUMBER.fullmatch(last.text) or (
            cand.end - cand.start > 1
            and _ROAD_NUMBER.fullmatch(last.text)
            and doc[cand.end - 2].lower_ in ROAD_HEADS
        ):
            return True
    return False
