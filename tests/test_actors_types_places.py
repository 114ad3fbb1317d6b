"""Actors types: former countries are places; a town written before its region and country is a place."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # NER reads "Union" as an organisation's head
        ("Trade with Yugoslavia grew in those years.", [(2, 3, "ORG")], "Yugoslavia"),
        ("She was born in East Germany in the winter.", [(4, 6, "ORG")], "East Germany"),
    ],
)
def test_former_countries_are_places(nlp, text, ents, name):
    assert found(nlp, text, ents).get(name) == "location"


@pytest.mark.parametrize(
    "text, ents, rows",
    [
        # a town before its region and country, and its short name later: one place
        (
            "At the moment she is in Castelvero Alto, Lombardy, Italy for a meeting. Castelvero was quiet.",
            [(6, 8, "ORG"), (9, 10, "GPE"), (11, 12, "GPE"), (16, 17, "GPE")],
            {"Castelvero Alto": "location", "Lombardy": "location", "Italy": "location"},
        ),
        # one place after the comma is no address: a firm and its city
        (
            "He works for Kestrel Foods, Leeds, a bakery.",
            [(3, 5, "ORG"), (6, 7, "GPE")],
            {"Kestrel Foods": "organization", "Leeds": "location"},
        ),
    ],
)
def test_a_town_before_its_region(nlp, text, ents, rows):
    assert found(nlp, text, ents) == rows


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # a county that is a given name too, after "in <town>,"
        (
            "He was born in Harlow, Kerry. He moved away at ten.",
            [(4, 5, "GPE"), (6, 7, "PERSON")],
            "Kerry",
            "location",
        ),
        # a given name after a place and a comma, with no preposition before the place: a person
        ("Sources: Leeds, Anna. Varga, Jan.", [(2, 3, "GPE"), (4, 5, "PERSON")], "Anna", "person"),
    ],
)
def test_a_county_after_its_town(nlp, text, ents, name, kind):
    assert found(nlp, text, ents).get(name) == kind
