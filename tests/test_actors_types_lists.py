"""Actors types: a one-word name NER typed alone takes the kind of the names listed with it."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # two firms beside it make the third a firm
        (
            "The term ranked high on search engines including Kestrel, Orvane, and Brelt.",
            [(8, 9, "ORG"), (10, 11, "ORG"), (13, 14, "PERSON")],
            "Brelt",
            "organization",
        ),
        # one firm beside it is not enough
        (
            "She met Kestrel and Brelt at the fair.",
            [(2, 3, "ORG"), (4, 5, "PERSON")],
            "Brelt",
            "person",
        ),
        # a gazetteer place keeps its kind among firms
        (
            "The plan covers Kestrel, Orvane, and Leeds this year.",
            [(3, 4, "ORG"), (5, 6, "ORG"), (8, 9, "GPE")],
            "Leeds",
            "location",
        ),
    ],
)
def test_a_name_takes_the_kind_of_its_list(nlp, text, ents, name, kind):
    assert found(nlp, text, ents).get(name) == kind
