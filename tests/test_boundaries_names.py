"""Actors: name boundaries repaired where NER cut a name, split it in two, or joined it to other words."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # one word owns a head word: the possessive is inside the name
        ("She taught at Queen's College for a decade.", [(3, 6, "ORG")], "Queen's College"),
        ("He was treated at St Brenna's Hospital last week.", [(4, 8, "FAC")], "St Brenna's Hospital"),
    ],
)
def test_possessive_inside_a_name(nlp, text, ents, name):
    assert name in found(nlp, text, ents)


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # "St." opens a city's name in a team's name: no title before a person
        (
            "The Yankees lost to the St. Orvel Hawks in five games.",
            [(4, 8, "ORG")],
            "St. Orvel Hawks",
            "organization",
        ),
        (
            "Fans of Saint Marlo Rovers gathered outside.",
            [(2, 5, "ORG")],
            "Saint Marlo Rovers",
            "organization",
        ),
    ],
)
def test_saint_opens_an_organisation_name(nlp, text, ents, name, kind):
    assert found(nlp, text, ents).get(name) == kind


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # a title and "of" read into an organisation: the organisation is what follows
        (
            "She thanked the Chair of the Harbour Safety Committee for his work.",
            [(3, 9, "ORG")],
            "Harbour Safety Committee",
        ),
        ("The Head of Brennow Water Board resigned.", [(1, 6, "ORG")], "Brennow Water Board"),
    ],
)
def test_title_of_before_an_organisation(nlp, text, ents, name):
    assert name in found(nlp, text, ents)


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # a city and the site NER tagged apart are one place
        (
            "Crowds filled the Orvel Opera House on Friday.",
            [(3, 4, "GPE"), (4, 6, "ORG")],
            "Orvel Opera House",
            "location",
        ),
        # a country and a region
        (
            "Storms hit the US West Coast overnight.",
            [(3, 4, "GPE"), (4, 6, "LOC")],
            "US West Coast",
            "location",
        ),
        # a person's long name NER cut in two
        (
            "Their daughter Ann Marie Rose Varnet was born in May.",
            [(2, 4, "PERSON"), (4, 6, "PERSON")],
            "Ann Marie Rose Varnet",
            "person",
        ),
    ],
)
def test_touching_entities_are_one_name(nlp, text, ents, name, kind):
    assert found(nlp, text, ents).get(name) == kind


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # a surname with an elided particle left out of the person's entity
        ("My brother, Thomas D’Arvelo, was mayor then.", [(3, 4, "PERSON")], "Thomas D’Arvelo"),
        ("The coach, Ellen O'Marrick, said little.", [(3, 4, "PERSON")], "Ellen O'Marrick"),
    ],
)
def test_elided_surname_belongs_to_the_name(nlp, text, ents, name):
    assert name in found(nlp, text, ents)


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # NER stopped at an adjective after "for": the name goes on over "and ..."
        (
            "The Centre for Baltic and Nordic Studies published the survey.",
            [(0, 4, "ORG"), (5, 6, "NORP")],
            "Centre for Baltic and Nordic Studies",
        ),
        (
            "She joined the Institute for Irish and Welsh Music in 2001.",
            [(3, 6, "ORG"), (7, 8, "NORP")],
            "Institute for Irish and Welsh Music",
        ),
    ],
)
def test_name_does_not_end_in_an_adjective(nlp, text, ents, name):
    assert name in found(nlp, text, ents)


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # a surname before a body noun names the body, an organisation
        ("He was born into the Varnet family of bankers.", [(5, 6, "PERSON")], "Varnet family"),
        ("The Kettering administration cut the budget.", [(1, 2, "PERSON")], "Kettering administration"),
    ],
)
def test_surname_names_a_family_or_administration(nlp, text, ents, name):
    assert found(nlp, text, ents).get(name) == "organization"


@pytest.mark.parametrize(
    "text, ents, people, not_names",
    [
        # a reading list written surname first: the surname is the person, the given names no one else
        (
            "Books to read:\n\nVarnet, Jane. The Long Winter Road\n\nVarko, Karl and Delmar, Friedrich. A Red Pamphlet",
            [(7, 8, "PERSON"), (16, 17, "PERSON"), (20, 21, "PERSON")],
            {"Varnet", "Delmar"},
            {"Jane", "Karl", "Friedrich"},
        ),
    ],
)
def test_surname_first_list_lines(nlp, text, ents, people, not_names):
    actors = found(nlp, text, ents)
    assert {n for n in people if actors.get(n) == "person"} == people
    assert not not_names & set(actors)


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # a capitalised hyphenated word opens the organisation's name, whichever side of the hyphen NER cut
        (
            "He was named to the All-Brennow Regional Team in May.",
            [(7, 10, "ORG")],
            "All-Brennow Regional Team",
        ),
        ("In June he joined the High-A Orvel Marauders.", [(8, 10, "ORG")], "High-A Orvel Marauders"),
    ],
)
def test_hyphenated_word_opens_an_organisation_name(nlp, text, ents, name):
    assert name in found(nlp, text, ents)
