"""Actors: name boundaries around seats, regions, continents, slashes and a place's head word."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, ents, present, absent",
    [
        # a full name and "of" + a place: the person, and the seat as a place of its own
        (
            "Ann Marie Varga of Kestrelbrae founded the guild.",
            [(0, 5, "PERSON")],
            {"Ann Marie Varga": "person", "Kestrelbrae": "location"},
            "Ann Marie Varga of Kestrelbrae",
        ),
        # NER's person ends in "of", the seat tagged apart
        (
            "Ann Marie Varga of Kestrelbrae founded the guild.",
            [(0, 4, "PERSON"), (4, 5, "GPE")],
            {"Ann Marie Varga": "person", "Kestrelbrae": "location"},
            "Ann Marie Varga of",
        ),
        # one word before "of" is how that person is named
        ("Hilda of Brennow founded the guild.", [(0, 3, "PERSON")], {"Hilda of Brennow": "person"}, "Hilda"),
    ],
)
def test_a_seat_after_a_full_name(nlp, text, ents, present, absent):
    actors = found(nlp, text, ents)
    for name, kind in present.items():
        assert actors.get(name) == kind
    assert absent not in actors


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # an untagged country opens a region's name
        ("Storms hit the US Gulf Coast overnight.", [(4, 6, "LOC")], "US Gulf Coast"),
        ("Snow fell across the US Pacific Northwest all day.", [(5, 7, "LOC")], "US Pacific Northwest"),
        # a word that is no country stays out
        ("Snow fell across the Upper Pacific Northwest all day.", [(5, 7, "LOC")], "Pacific Northwest"),
    ],
)
def test_a_country_before_a_region(nlp, text, ents, name):
    assert name in found(nlp, text, ents)


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # a continent after "for X and Y in": the body's reach, inside its name
        (
            "The Forum for Water and Soil in Africa met in May.",
            [(1, 6, "ORG"), (7, 8, "LOC")],
            "Forum for Water and Soil in Africa",
        ),
        # a city after "in" is where the body is
        (
            "The Forum for Water and Soil in Leeds met in May.",
            [(1, 6, "ORG"), (7, 8, "GPE")],
            "Forum for Water and Soil",
        ),
    ],
)
def test_a_continent_ends_a_name(nlp, text, ents, name):
    assert found(nlp, text, ents).get(name) == "organization"


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # an acronym before a slash is a body
        ("Observers from KSRA/Office for Coastal Safety arrived.", [(2, 8, "ORG")], "KSRA", "organization"),
        # a name before a slash in a credit is a person
        ("Observers from Jane Doe/Coastal Press arrived.", [(2, 7, "PERSON")], "Jane Doe", "person"),
    ],
)
def test_the_left_of_a_slash(nlp, text, ents, name, kind):
    assert found(nlp, text, ents).get(name) == kind


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # a capitalised run NER left out opens the site it tagged by its head word alone
        (
            "Guests gathered in the Kestrel Court Arena on Monday.",
            [(6, 7, "ORG")],
            "Kestrel Court Arena",
        ),
        ("Crowds filled the Orvel Brae Stadium at dusk.", [(5, 6, "FAC")], "Orvel Brae Stadium"),
    ],
)
def test_a_run_before_a_place_head(nlp, text, ents, name):
    assert found(nlp, text, ents).get(name) == "location"


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # factories and lodges are places by their head word
        ("Workers walked out of the Brennow Glass Factory last week.", [], "Brennow Glass Factory"),
        ("The meeting was held at Kestrel Lodge No. 4 in spring.", [(5, 9, "ORG")], "Kestrel Lodge No. 4"),
    ],
)
def test_factories_and_lodges_are_places(nlp, text, ents, name):
    assert found(nlp, text, ents).get(name) == "location"


@pytest.mark.parametrize(
    "text, ents, names",
    [
        # two bodies joined by a spaced dash, each named by one head word
        ("Tickets for the Navy - Army final sold out fast.", [(3, 6, "ORG")], {"Navy", "Army"}),
        # a firm's double-barrelled name stays whole
        ("She joined Kestrel - Varga Holdings in May.", [(2, 6, "ORG")], {"Kestrel - Varga Holdings"}),
    ],
)
def test_bodies_joined_by_a_dash(nlp, text, ents, names):
    assert names <= set(found(nlp, text, ents))


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # archives are places by their head word, and "the" + a demonym opens the name after it
        (
            "Her logbooks are stored in the Latvian Fishery Records Archive at Riga.",
            [(6, 7, "NORP"), (11, 12, "GPE")],
            "Latvian Fishery Records Archive",
        ),
        ("The papers went to the Coastal Archives in May.", [(5, 7, "ORG")], "Coastal Archives"),
    ],
)
def test_archives_and_a_demonym_before_a_name(nlp, text, ents, name):
    assert found(nlp, text, ents).get(name) == "location"


def test_a_demonym_without_the_stays_apart(nlp):
    actors = found(nlp, "Latvian Fishery Records Archive staff left.", [(0, 1, "NORP")])
    assert "Latvian Fishery Records Archive" not in actors
