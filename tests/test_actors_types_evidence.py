"""Actors types: the context of a name overrules NER's label (territories, "the X", acronyms, word order)."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # the territory of a title held "of" it is a place
        ("He was made Earl of Brennowmere in 1961.", [(5, 6, "PERSON")], "Brennowmere", "location"),
        ("She became Countess of the Kestrel Marches.", [(5, 7, "ORG")], "Kestrel Marches", "location"),
        # not every "X of Y" is a territory: a chairman's company stays an organisation
        ("He is chairman of Halvex Holdings.", [(4, 6, "ORG")], "Halvex Holdings", "organization"),
    ],
)
def test_territory_of_a_title(nlp, text, ents, name, kind):
    assert found(nlp, text, ents).get(name) == kind


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # no person's name takes "the": a building after a locative preposition, else a body
        ("She studied painting in the Halvorium for a year.", [(5, 6, "PERSON")], "Halvorium", "location"),
        ("The plan was backed by the Quintet last week.", [(6, 7, "PERSON")], "Quintet", "organization"),
        # "the" on the word elsewhere in the text, where NER found no name
        (
            "The Sextet met on Monday. Ten states back the Sextet plan.",
            [(10, 11, "PERSON")],
            "Sextet",
            "organization",
        ),
        # "the" before another word of the phrase leaves the person alone
        ("Critics praised the Varga comedy.", [(3, 4, "PERSON")], "Varga", "person"),
    ],
)
def test_a_name_with_the_is_no_person(nlp, text, ents, name, kind):
    assert found(nlp, text, ents).get(name) == kind


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # an acronym nobody's name spells is an organisation, whatever NER said
        ("He trained with QXRT before the war.", [(3, 4, "PERSON")], "QXRT", "organization"),
        # a surname in a transcript's capitals stays a person
        ("Then HOLLIS asked for a vote.", [(1, 2, "PERSON")], "HOLLIS", "person"),
    ],
)
def test_acronyms_read_as_people(nlp, text, ents, name, kind):
    assert found(nlp, text, ents).get(name) == kind


def test_a_full_name_in_another_order_is_the_person(nlp):
    # "Tanaka Emi" beside "Emi Tanaka": one person, whichever order the text writes
    text = "Emi Tanaka wrote the report. Its author, Tanaka Emi, was born in Osaka."
    actors = found(nlp, text, [(0, 2, "PERSON"), (9, 11, "GPE"), (15, 16, "GPE")])
    assert [a for a, kind in actors.items() if "Tanaka" in a and kind == "person"] == ["Emi Tanaka"]
    assert not any("Tanaka" in a and kind != "person" for a, kind in actors.items())
