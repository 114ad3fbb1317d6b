"""Actors scope: an everyday word capitalised only because it opens its sentence names no one."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # an interjection before a comma and a pronoun
        ("The hotel was cold. Yep, we left on the second night.", [(5, 6, "PERSON")], "Yep", False),
        # an order: the parse reads the base form of a verb
        ("The gates open at noon. Bring water and a hat.", [(6, 7, "PERSON")], "Bring", False),
        # a firm named by an everyday word, as a subject, stays
        ("Apple said it would grow.", [(0, 1, "ORG")], "Apple", True),
        # a given name before a comma and a pronoun is someone spoken to
        ("It was late. Maria, you must go.", [(4, 5, "PERSON")], "Maria", True),
        # a rare word before a comma and a pronoun is a name
        ("It was late. Kestrow, we hear, has left.", [(4, 5, "ORG")], "Kestrow", True),
    ],
)
def test_an_everyday_word_opening_its_sentence(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) == kept
