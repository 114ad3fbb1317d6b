"""Actors types: names listed after a news-media noun ("outlets such as X and Y") are organisations."""

from __future__ import annotations

import pytest
from helpers import found_actors as found

LISTED = (
    "The recipe was picked up by websites including: The Harbour Post, Quillet, Varno.us and Lamp Weekly."
)
LISTED_ENTS = [(9, 12, "ORG"), (13, 14, "GPE"), (15, 16, "GPE"), (17, 19, "ORG")]


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # NER read a place in a list of websites
        (LISTED, LISTED_ENTS, "Quillet", "organization"),
        (LISTED, LISTED_ENTS, "Varno.us", "organization"),
        # "such as" after a plural media noun, NER read a person
        (
            "He writes for outlets such as Quillet and Morrow.",
            [(6, 7, "PERSON"), (8, 9, "PERSON")],
            "Morrow",
            "organization",
        ),
        # a place listed after a noun that is no medium stays a place
        (
            "She toured cities such as Varnholt and Quillet.",
            [(5, 6, "GPE"), (7, 8, "GPE")],
            "Quillet",
            "location",
        ),
        # a gazetteer place keeps its type even after a media noun
        ("He sold papers including Leeds and Quillet.", [(4, 5, "GPE"), (6, 7, "ORG")], "Leeds", "location"),
    ],
)
def test_names_listed_after_a_media_noun(nlp, text, ents, name, kind):
    assert found(nlp, text, ents).get(name) == kind
