"""Actors scope: names listed as examples of a work noun, and works named like places, stay out."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # every item of a list after "films, including"
        (
            "Early on she appeared in several television films, including Quiet Harbour, Far Meadow and Lost Brennow.",
            [(10, 12, "PERSON"), (13, 15, "ORG")],
            "Far Meadow",
            False,
        ),
        (
            "Early on she appeared in several television films, including Quiet Harbour, Far Meadow and Lost Brennow.",
            [(10, 12, "PERSON"), (13, 15, "ORG")],
            "Quiet Harbour",
            False,
        ),
        # "plays such as X"
        (
            "He took roles in plays such as Grey Orchard in those years.",
            [(7, 9, "ORG")],
            "Grey Orchard",
            False,
        ),
        # examples of a noun that is no work are actors
        (
            "She worked for agencies such as Harlow Relief in those years.",
            [(6, 8, "ORG")],
            "Harlow Relief",
            True,
        ),
        # "as" without "such" lists nothing
        ("He served as Kestrel Trust chair for a decade.", [(3, 5, "ORG")], "Kestrel Trust", True),
    ],
)
def test_examples_of_a_work_noun(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # a drama named like a building that no gazetteer knows
        (
            "He played a doctor in the period drama Kestrel Abbey for two seasons.",
            [(8, 10, "FAC")],
            "Kestrel Abbey",
            False,
        ),
        # a known place after a cue noun stays
        ("The documentary Porto was shot in the city itself.", [(2, 3, "GPE")], "Porto", True),
        # a building of no gazetteer without a work noun stays a place
        ("He was buried in Kestrel Abbey in the spring.", [(4, 6, "FAC")], "Kestrel Abbey", True),
    ],
)
def test_work_named_like_a_place(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept
