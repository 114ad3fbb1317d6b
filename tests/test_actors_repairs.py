"""Actors: names NER cut after a joining word, and given names written with accents."""

from __future__ import annotations

import pytest
from helpers import found_actors as found

from newsdossier.extract import lexicon


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # cut after "of": the name goes on over the capitalised words, and stops at "in"
        (
            "He joined the Institute of Phonetics of Academia Harlowensis in Brennow.",
            [(3, 7, "ORG"), (7, 9, "ORG"), (10, 11, "GPE")],
            "Institute of Phonetics of Academia Harlowensis",
        ),
        # cut after "and"
        (
            "She taught at the University of Arts and Crafts Brennow for years.",
            [(4, 8, "ORG")],
            "University of Arts and Crafts Brennow",
        ),
        # nothing capitalised follows: the dangling word goes
        ("The Brennow Society of met in May.", [(1, 4, "ORG")], "Brennow Society"),
        # a numbered lodge or branch keeps its number
        ("He joined Kestrel Council No. 8 that year.", [(2, 5, "ORG")], "Kestrel Council No. 8"),
    ],
)
def test_name_cut_after_a_joining_word(nlp, text, ents, name):
    assert name in found(nlp, text, ents)


@pytest.mark.parametrize(
    "word, given", [("Gérard", True), ("Siméon", False), ("Zoë", True), ("Brennow", False)]
)
def test_given_names_without_accents(word, given):
    assert lexicon.is_given_name(word) is given


def test_accented_given_name_makes_a_person(nlp):
    text = "Gérard Lavoisne joined the board. Lavoisne spoke first."
    assert found(nlp, text, [(0, 2, "ORG"), (6, 7, "ORG")]).get("Gérard Lavoisne") == "person"


@pytest.mark.parametrize(
    "text, ents, name",
    [
        ("The cup went to the Brennow Rowing Club as expected.", [(5, 10, "ORG")], "Brennow Rowing Club"),
        ("She thanked Marla Green - have you met her?", [(2, 6, "PERSON")], "Marla Green"),
        # particles of family names and joiners stay inside
        ("Ludwig van Brennow wrote it in May.", [(0, 3, "PERSON")], "Ludwig van Brennow"),
        ("The Bank of Harlow raised rates.", [(1, 4, "ORG")], "Bank of Harlow"),
    ],
)
def test_name_ends_before_a_lower_case_word(nlp, text, ents, name):
    assert name in found(nlp, text, ents)


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # a "place" no gazetteer knows, cited with a year: a work
        (
            "She starred in Tidewater (2013) and Kestrel (2015).",
            [(3, 4, "GPE"), (8, 9, "GPE")],
            "Tidewater",
            False,
        ),
        # a known city with a year stays a place
        (
            "He painted in Vienna (1931) and later in Lisbon.",
            [(3, 4, "GPE"), (10, 11, "GPE")],
            "Vienna",
            True,
        ),
    ],
)
def test_place_cited_with_a_year(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "name, known",
    [
        ("Lancashire", True),  # an English county (ISO 3166-2)
        ("Scotland", True),  # a nation of the United Kingdom
        ("Eastern Cape", True),  # a South African province
        ("Central", False),  # a region's name that is an everyday word
        ("North-West", False),
        ("Clare", False),  # an Irish county that is a given name too
    ],
)
def test_regions_in_the_gazetteer(name, known):
    assert lexicon.place_named(name) is known


@pytest.mark.parametrize(
    "name, country",
    [
        ("Democratic Republic of the Congo", "Democratic Republic of the Congo"),  # ISO: "Congo, The ..."
        ("Republic of Korea", "South Korea"),  # ISO: "Korea, Republic of"
        ("Plurinational State of Bolivia", "Bolivia"),
    ],
)
def test_inverted_iso_country_names(name, country):
    found = lexicon.country_named(name)
    assert found is not None and found.name == country
