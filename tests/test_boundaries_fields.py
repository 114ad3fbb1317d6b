"""Boundaries: an organisation's name NER cut before "in" and a plural field of study."""

from __future__ import annotations

import pytest
from helpers import found_actors


@pytest.mark.parametrize(
    "text, ents, name, absent",
    [
        # "for X in the Y": the plural field after "in" ends the organisation's name
        (
            "She was a fellow at the Institute for Policy Research in the Social Sciences last year.",
            [(5, 10, "ORG"), (11, 14, "ORG"), (14, 16, "DATE")],
            "Institute for Policy Research in the Social Sciences",
            "Social Sciences",
        ),
        (
            "He chaired the Society for Advanced Study in Applied Languages for a decade.",
            [(3, 7, "FAC"), (8, 10, "ORG")],
            "Society for Advanced Study in Applied Languages",
            "Applied Languages",
        ),
    ],
)
def test_field_after_in_joins_the_name(nlp, text, ents, name, absent):
    found = found_actors(nlp, text, ents)
    assert name in found
    assert absent not in found


@pytest.mark.parametrize(
    "text, ents, first, second",
    [
        # a body or a place after "in" is where the organisation is, a name of its own
        (
            "They joined the Council for Economic Growth in the Kestrian Assembly.",
            [(3, 7, "ORG"), (9, 11, "ORG")],
            "Council for Economic Growth",
            "Kestrian Assembly",
        ),
        (
            "She studied at the Centre for Marine Studies in the Netherlands.",
            [(4, 8, "ORG"), (10, 11, "GPE")],
            "Centre for Marine Studies",
            "Netherlands",
        ),
    ],
)
def test_body_or_place_after_in_stays_apart(nlp, text, ents, first, second):
    found = found_actors(nlp, text, ents)
    assert first in found and second in found
