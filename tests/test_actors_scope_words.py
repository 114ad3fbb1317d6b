"""Actors scope: a word given as a name ("took the name of X") and a language ("the X dialects") are no actors."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        ("The boat was given the name of Marisol after the war.", [(6, 7, "ORG")], "Marisol", False),
        ("Her surname Varnow came from her mother.", [(2, 3, "PERSON")], "Varnow", False),
        ("Few now speak the Varn dialects of the coast.", [(4, 5, "ORG")], "Varn", False),
        ("They speak the Orvane language at home.", [(3, 4, "ORG")], "Orvane", False),
        # a firm's name of several words after "name of" is the firm
        (
            "It traded under the name of Kestrel Holdings until 1990.",
            [(6, 8, "ORG")],
            "Kestrel Holdings",
            True,
        ),
        # a person who is not a word given as a name stays
        ("Marisol took a new job when she married.", [(0, 1, "PERSON")], "Marisol", True),
    ],
)
def test_a_word_given_as_a_name_or_a_language(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) == kept
