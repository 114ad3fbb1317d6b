"""Actors types: a one- or two-word name that owns what only a person has, is said to be a person or
that "who" takes up, is a person."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # "X's diary": only a person keeps a diary
        ("The storm is described in detail in Varno's diary.", [(7, 8, "ORG")], "Varno", "person"),
        # "ten years X's senior"
        ("The captain was ten years Orlan's senior.", [(5, 6, "ORG")], "Orlan", "person"),
        # "X's childhood", a two-word name
        (
            "Little is known of Petra Wolden's childhood in the hills.",
            [(4, 6, "ORG")],
            "Petra Wolden",
            "person",
        ),
        # the possessive elsewhere in the text types the one-word name where it stands alone
        (
            "Orlan sailed north in March. Orlan's widow kept the maps.",
            [(0, 1, "ORG")],
            "Orlan",
            "person",
        ),
        # "X, who ...": the relative pronoun of a person
        (
            "The ship was built by its designer, Kestrow, who then sailed it twice.",
            [(8, 9, "ORG")],
            "Kestrow",
            "person",
        ),
        # "the X who": the clause is about the people there
        (
            "Fishermen on the Orvane Marra who lost nets were paid.",
            [(3, 5, "LOC")],
            "Orvane Marra",
            "location",
        ),
        # said to be a person: a plain noun for one, an occupation, an acronym handle too
        ("Online, QUAZ is the fellow who runs the forum.", [(2, 3, "GPE")], "QUAZ", "person"),
        ("Varlow is a sculptor in a small town.", [(0, 1, "ORG")], "Varlow", "person"),
        # said to be a firm, it stays one
        ("Varlow is a firm in a small town.", [(0, 1, "ORG")], "Varlow", "organization"),
        # a firm's statement is no person's
        ("Kestrow's statement came out in May.", [(0, 1, "ORG")], "Kestrow", "organization"),
        # a name with an organisation's head word stays a body, even before "who"
        ("Orvane Council, who met on Monday, agreed.", [(0, 2, "ORG")], "Orvane Council", "organization"),
        # an acronym before "who" stays what NER said
        ("The KPLA, who met on Monday, agreed.", [(1, 2, "ORG")], "KPLA", "organization"),
    ],
)
def test_a_name_with_a_persons_possession_or_who(nlp, text, ents, name, kind):
    assert found(nlp, text, ents).get(name) == kind
