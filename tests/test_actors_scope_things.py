"""Actors scope: names of works, laws and events that the text marks only by their setting stay out."""

from __future__ import annotations

import pytest
from helpers import found_actors as found

from newsdossier.extract.actors import extract_actors
from newsdossier.text.nlp import sentences


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # after a thing's head word and "on": what the treaty or the lectures are about
        (
            "Both states signed the Treaty on the Ban of Landmines in 1999.",
            [(6, 9, "ORG")],
            "Ban of Landmines",
            False,
        ),
        ("Her Harlow Lectures on Metonymy were printed twice.", [(5, 6, "GPE")], "Metonymy", False),
        # before a capitalised run that ends in a thing's head word: part of the act's name
        (
            "The House passed the Mara Dunn Safety in Mining Act on Tuesday.",
            [(4, 7, "PERSON")],
            "Mara Dunn Safety",
            False,
        ),
        # an award "of" an association is given by it: the association is an actor
        (
            "She won the Gold Medal of the Kestrel Geological Society in 2001.",
            [(6, 9, "ORG")],
            "Kestrel Geological Society",
            True,
        ),
    ],
)
def test_name_inside_a_thing_name(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # one item of a list of films with their years
        (
            "Her later films include Dark Water (2007), Marlowe (2009) and Cold Lake (2013).",
            [(10, 11, "PERSON")],
            "Marlowe",
            False,
        ),
        # a single year after a one-off name is not enough
        ("The study by Marlowe (2009) was cited often.", [(3, 4, "PERSON")], "Marlowe", True),
        # places are listed with years too ("degrees from X (1910), Y (1925)")
        (
            "He held posts in Lisbon (1910), Madrid (1925) and Oslo (1931).",
            [(4, 5, "GPE"), (9, 10, "GPE"), (14, 15, "GPE")],
            "Madrid",
            True,
        ),
    ],
)
def test_names_listed_with_years(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # what was published, written or titled is a work
        ("His main work is Dendrologia, published in 1740.", [(4, 5, "GPE")], "Dendrologia", False),
        ("In 1902 she wrote Halvorsen Lane for the stage.", [(4, 6, "ORG")], "Halvorsen Lane", False),
        (
            "He filmed a pilot titled Old Harbour, which was never shown.",
            [(5, 7, "ORG")],
            "Old Harbour",
            False,
        ),
        ("I called it Threads, and nobody laughed.", [(3, 4, "GPE")], "Threads", False),
        # a known place "published" stays a place; a subject that acts is an actor
        ("The report was published in Oslo.", [(5, 6, "GPE")], "Oslo", True),
        ("Acmetron released a new phone.", [(0, 1, "ORG")], "Acmetron", True),
    ],
)
def test_made_and_titled_things(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, people",
    [
        # a reading list writes "Surname, Given.": one person, named by the surname, no row for the given name
        (
            "Reading list:\n\nHalvorsen, Jane. A Winter Garden",
            [(4, 5, "ORG"), (6, 7, "PERSON")],
            {"Halvorsen"},
        ),
    ],
)
def test_inverted_names_are_one_person(nlp, text, ents, people):
    actors = found(nlp, text, ents)
    assert {a for a, kind in actors.items() if kind == "person"} == people


def test_a_place_after_a_city_stays_a_place(nlp):
    # "Geelong, Victoria." opening a line: the second name is a place, though a given name too
    actors = found(nlp, "Tour dates:\n\nGeelong, Victoria.\n\nOslo, Norway.", [(4, 5, "GPE"), (6, 7, "GPE")])
    assert actors.get("Victoria") == "location"


@pytest.mark.parametrize(
    "text, group",
    [
        # "fellow" says who the speaker is with, not which group: the group is the plural's
        ("Tonight we vote beside our fellow Democrats on the bill.", "Democrats"),
        ("Several Norwegian officials declined to comment.", "Norwegian officials"),
    ],
)
def test_group_names_drop_quantifiers(nlp, text, group):
    doc = nlp(text)
    actors, _ = extract_actors(doc, sents=sentences(doc))
    assert [a.name for a in actors if a.type == "group"] == [group]


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # "a X": a description or a kind, not one named actor
        ("A Radical Centrist said no to the plan.", [(1, 3, "PERSON")], "Radical Centrist", False),
        ("Maps drawn then showed a united Germany.", [(5, 7, "GPE")], "united Germany", True),
        # a role noun, alone or in the plural, is no name
        ("She served as Rector of the academy from 1901.", [(3, 4, "ORG")], "Rector", False),
        (
            "Voters distrust bankers and Professors alike.",
            [(4, 5, "PERSON")],
            "Professors",
            False,
        ),
        # an acronym of lower-case words is a term; of a capitalised name, the name's
        (
            "The consumer price index (CPI) grew. CPI rose again, and CPI is high.",
            [(5, 6, "ORG"), (9, 10, "ORG"), (15, 16, "ORG")],
            "CPI",
            False,
        ),
        (
            "The Kestrel Mining Board (KMB) met on Monday.",
            [(1, 4, "ORG"), (5, 6, "ORG")],
            "Kestrel Mining Board",
            True,
        ),
        # a copula or "called" after a work noun says what the name is
        ("Starfall is a NASA mission to a comet.", [(0, 1, "PERSON"), (3, 4, "ORG")], "Starfall", False),
        ("He started a project called WordGrid in 1997.", [(5, 6, "ORG")], "WordGrid", False),
    ],
)
def test_names_that_name_nothing(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


def test_a_capital_given_as_an_example_is_the_city(nlp):
    # "cities such as Lisbon": an example of a place, not the government of Portugal
    actors = found(nlp, "He lived in cities such as Lisbon and Oslo.", [(6, 7, "GPE"), (8, 9, "GPE")])
    assert ("Lisbon" in actors, "Portugal" in actors) == (True, False)


def test_this_chamber_is_a_place(nlp):
    actors = found(nlp, "She was welcomed to this Chamber today.", [(5, 6, "PERSON")])
    assert actors.get("Chamber") == "location"
