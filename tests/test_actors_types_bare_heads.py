"""Actors merging: a bare head word ("the Agency") is the short name of the one organisation it heads."""

from __future__ import annotations

import pytest

from newsdossier.extract.actors import extract_actors
from newsdossier.text.nlp import sentences


def _rows(nlp, text: str) -> dict[str, set[str]]:
    """Actor name -> its aliases, as the step finds them in the text."""
    doc = nlp(text)
    actors, _ = extract_actors(doc, sents=sentences(doc))
    return {a.name: set(a.aliases.split(";")) for a in actors}


@pytest.mark.parametrize(
    "text, full, short, merged",
    [
        # the head first: "House of X" ... "the House"
        (
            "The House of Delegates met in May. Later the House voted on the plan.",
            "House of Delegates",
            "House",
            True,
        ),
        # the head last: "X Agency" ... "the Agency"
        (
            "The Kestrel Water Agency set new rules. The Agency said prices would rise.",
            "Kestrel Water Agency",
            "Agency",
            True,
        ),
        # two bodies with that head: the bare head is neither's
        (
            "The Kestrel Water Agency and the Harlow Roads Agency met. The Agency said prices would rise.",
            "Kestrel Water Agency",
            "Agency",
            False,
        ),
    ],
)
def test_bare_head_merges_into_its_one_body(nlp, text, full, short, merged):
    rows = _rows(nlp, text)
    assert full in rows
    assert (short in rows[full]) is merged
