"""Actors types: a one- or two-word name that owns what only a person has, or that "who" takes up, is a person."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # "X's memoirs": only a person writes memoirs
        ("In Varno's later memoirs, the war is told again.", [(1, 2, "ORG")], "Varno", "person"),
        # "four years X's junior"
        ("He was four years Orlan's junior.", [(4, 5, "ORG")], "Orlan", "person"),
        # "X's theory", a two-word name
        (
            "At the time he still held to Petra Wolden's theory of sound.",
            [(7, 9, "ORG")],
            "Petra Wolden",
            "person",
        ),
        # "X, who ...": the relative pronoun of a person
        (
            "Her publisher, Kestrow, who soon commissioned a new book, paid well.",
            [(3, 4, "ORG")],
            "Kestrow",
            "person",
        ),
        # the possessive elsewhere in the text types the one-word name where it stands alone
        (
            "Orlan wrote the poem in a week. Orlan's diary tells of it.",
            [(0, 1, "ORG")],
            "Orlan",
            "person",
        ),
        # "the X who": the clause is about the people there
        ("Families in the Orvane Marra who fear the sea spoke.", [(3, 5, "LOC")], "Orvane Marra", "location"),
        # "X was the first guy to ...": said to be a person, an acronym handle too
        ("By the way, KORV was the first guy I know of to do it.", [(4, 5, "GPE")], "KORV", "person"),
        ("Varlow is a novelist from the north.", [(0, 1, "ORG")], "Varlow", "person"),
        # said to be a firm, it stays one
        ("Varlow is a firm from the north.", [(0, 1, "ORG")], "Varlow", "organization"),
        # a firm's report is no person's
        ("Kestrow's report came out in May.", [(0, 1, "ORG")], "Kestrow", "organization"),
        # a name with an organisation's head word stays a body, even before "who"
        ("Orvane Council, who met on Monday, agreed.", [(0, 2, "ORG")], "Orvane Council", "organization"),
        # an acronym stays what NER said
        ("The KPLA, who met on Monday, agreed.", [(1, 2, "ORG")], "KPLA", "organization"),
    ],
)
def test_a_name_with_a_persons_possession_or_who(nlp, text, ents, name, kind):
    assert found(nlp, text, ents).get(name) == kind
