"""Actors scope: a word given as a name ("took the name of X") and a language ("the X dialects") are no actors."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        ("He took the additional name of Tobias when he married.", [(6, 7, "ORG")], "Tobias", False),
        ("Her surname Varnow came from her mother.", [(2, 3, "PERSON")], "Varnow", False),
        ("She began a survey of the Varn dialects in 1926.", [(6, 7, "ORG")], "Varn", False),
        ("They speak the Orvane language at home.", [(3, 4, "ORG")], "Orvane", False),
        # a firm's name of several words after "name of" is the firm
        (
            "It traded under the name of Kestrel Holdings until 1990.",
            [(6, 8, "ORG")],
            "Kestrel Holdings",
            True,
        ),
        # a person who is not a word given as a name stays
        ("Tobias took a new job when he married.", [(0, 1, "PERSON")], "Tobias", True),
    ],
)
def test_a_word_given_as_a_name_or_a_language(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) == kept
