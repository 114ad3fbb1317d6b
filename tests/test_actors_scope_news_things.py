"""Actors scope: storms, operations, products and numbered models or indexes written like names."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # a storm's or an operation's name is an event, even when NER reads it as a body
        ("Hurricane Dolora hit the coast on Monday.", [(0, 2, "ORG")], "Hurricane Dolora", False),
        ("Tropical Storm Ernst is expected to weaken.", [(0, 3, "ORG")], "Tropical Storm Ernst", False),
        ("Operation Iron Shield began in the spring.", [(0, 3, "ORG")], "Operation Iron Shield", False),
        # the storm's word must open the name: a firm named after one is an actor
        ("Harbour Storm Insurance paid every claim.", [(0, 3, "ORG")], "Harbour Storm Insurance", True),
        # a plural after the word is a band's or a team's name
        ("Storm Kings, a local band, played at the arena.", [(0, 2, "ORG")], "Storm Kings", True),
    ],
)
def test_storms_and_operations(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # after a possessive, a name that modifies a product noun is the product
        ("Sales of its Corvane sedan fell sharply last year.", [(3, 4, "ORG")], "Corvane", False),
        # two words before the product noun: the maker and the model
        (
            "The Harlan Ridgeback pickup sold well in Texas.",
            [(1, 3, "PERSON"), (7, 8, "GPE")],
            "Harlan Ridgeback",
            False,
        ),
        # one bare word after "the" may be the maker, which is an actor
        ("Pilots praised the Vantor jets in the survey.", [(3, 4, "ORG")], "Vantor", True),
        # a firm that modifies a noun no product is stays
        ("Workers at its Corvane plant went on strike.", [(3, 4, "ORG")], "Corvane", True),
    ],
)
def test_product_names(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # a model or index number right after the name: an index or a product
        ("In Paris the Bourseo 40 slipped by one percent.", [(1, 2, "GPE"), (3, 4, "ORG")], "Bourseo", False),
        # a year after the name is no model number
        ("Kestrel Mining 2010 results were poor, the firm said.", [(0, 2, "ORG")], "Kestrel Mining", True),
        # a number that counts a noun after it ("Acme 500 jobs") is no model
        ("He said Kestrel cut 500 jobs in May.", [(2, 3, "ORG")], "Kestrel", True),
        # a body or a place numbered as its name stays
        ("She worked at Channel 9 for a decade.", [(3, 4, "ORG")], "Channel", True),
    ],
)
def test_model_numbers(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # a speech or a sermon is named by its head word: a work, not an actor
        ("Varga Budget Speech drew a large crowd.", [(0, 3, "ORG")], "Varga Budget Speech", False),
        ("The Harlow Sermon was printed in 1840.", [(1, 3, "ORG")], "Harlow Sermon", False),
        # the person who gave it is an actor
        ("Lena Varga gave the speech in May.", [(0, 2, "PERSON")], "Lena Varga", True),
    ],
)
def test_speech_names(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # a ship's prefix in capitals opens a vessel's name, even after a role-like noun
        (
            "The destroyer USS Kestrel docked in Norfolk.",
            [(2, 4, "PERSON"), (6, 7, "GPE")],
            "USS Kestrel",
            False,
        ),
        ("HMS Varna sailed at dawn.", [(0, 2, "ORG")], "HMS Varna", False),
        # the prefix alone, or written in lower case, is no ship
        ("Workers at Hms Logistics went on strike.", [(2, 4, "ORG")], "Hms Logistics", True),
    ],
)
def test_ship_names(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # a name ending in "Day" is a holiday or an event
        ("Crowds marked Harvest Day in the square.", [(2, 4, "ORG")], "Harvest Day", False),
        ("Kestrel Day is celebrated on May 1.", [(0, 2, "GPE")], "Kestrel Day", False),
        # a person of that surname stays: a given name opens it, or NER read a person
        ("Doris Day sang at the gala.", [(0, 2, "PERSON")], "Doris Day", True),
        ("Kwabe Day said the plan would work.", [(0, 2, "PERSON")], "Kwabe Day", True),
    ],
)
def test_holiday_names(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # a Roman numeral after a name that is no person's: an event's edition
        (
            "Fans flew to Harlow for Harvest Bowl XLIV on Sunday.",
            [(3, 4, "GPE"), (5, 8, "ORG")],
            "Harvest Bowl XLIV",
            False,
        ),
        # a ruler opens with a given name, or NER reads a person
        ("He served King Henry VIII of England.", [(3, 5, "PERSON"), (6, 7, "GPE")], "Henry VIII", True),
        # a fund or a body numbered as its name stays
        ("Investors in Kestrel Fund III lost money.", [(2, 5, "ORG")], "Kestrel Fund III", True),
    ],
)
def test_edition_names(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # abbreviations and a team of eleven are spelt with the same letters: no edition
        ("The Harlow XI won the match.", [(1, 3, "ORG")], "Harlow XI"),
        ("She moved to Brennow DC last year.", [(3, 5, "GPE")], "Brennow DC"),
    ],
)
def test_roman_lookalikes_stay(nlp, text, ents, name):
    assert name in found(nlp, text, ents)
