"""Actors types: a surname listed first in a source line, and a name beside a noun only people are, are people."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


def test_a_surname_listed_first_stays_a_person_though_a_city_has_it(nlp):
    text = "Books we read this year:\n\nLisbon, Jane. The Quiet Orchard\n\nBrennow, Karl. Winter Roads\n"
    rows = found(nlp, text, [(7, 8, "PERSON"), (15, 16, "PERSON")])
    assert rows.get("Lisbon") == "person"


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # "X, a poet of ...": NER read a building
        (
            "She was moved by the influence of Tokai Bansho, a poet of the old court, whom she often quoted.",
            [(7, 9, "FAC")],
            "Tokai Bansho",
            "person",
        ),
        # "his wife, X": a kin word before the name
        ("His wife, Kestrel Varn, was a linguist.", [(3, 5, "ORG")], "Kestrel Varn", "person"),
        # a word firms are called too leaves the organisation alone
        ("Grey Orchard, a publisher, printed the book.", [(0, 2, "ORG")], "Grey Orchard", "organization"),
        # a town a parse hangs a person's noun on stays a town
        ("He grew up as a kid from Harlow, the son of a baker.", [(7, 8, "GPE")], "Harlow", "location"),
    ],
)
def test_a_name_in_apposition_with_a_personal_noun(nlp, text, ents, name, kind):
    assert found(nlp, text, ents).get(name) == kind


def test_a_birth_name_after_nee_is_the_persons(nlp):
    text = "She was the daughter of Katrin (née Vassel), a dancer, and Paul Orme, a baker."
    rows = found(nlp, text, [(5, 6, "PERSON"), (8, 9, "ORG"), (15, 17, "PERSON")])
    assert rows == {"Katrin": "person", "Paul Orme": "person"}


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # makers after "by" with a year ("by X and Y (2004)") are people, not dated titles
        (
            "The first chapter of the textbook by Varne and Ostrow (2004) sums up his work.",
            [(7, 8, "ORG"), (9, 10, "ORG")],
            "Ostrow",
            "person",
        ),
        (
            "The first chapter of the textbook by Varne and Ostrow (2004) sums up his work.",
            [(7, 8, "ORG"), (9, 10, "ORG")],
            "Varne",
            "person",
        ),
        # a caption's painter with the year of the work
        ("Saint Mark in the Garden, by Peter Lanzi (1505)", [(7, 9, "ORG")], "Peter Lanzi", "person"),
        # a firm cited alone with its year stays what NER said
        (
            "The report by Kestrel Aid (2004) was cited widely.",
            [(3, 5, "ORG")],
            "Kestrel Aid",
            "organization",
        ),
    ],
)
def test_makers_cited_by_name_and_year(nlp, text, ents, name, kind):
    assert found(nlp, text, ents).get(name) == kind
