"""Actors types: a city that stands for its team is the team; a city NER cut off a team's name is an organisation."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, ents, rows",
    [
        # "games for Harlow" beside "Harlow Comets": the team, one row
        (
            "He joined the Harlow Comets in May. He played ten games for Harlow and scored twice.",
            [(3, 5, "ORG"), (13, 14, "GPE")],
            {"Harlow Comets": "organization"},
        ),
        # "in Harlow" is the city, a row of its own
        (
            "He joined the Harlow Comets in May. He bought a house in Harlow and scored twice.",
            [(3, 5, "ORG"), (13, 14, "GPE")],
            {"Harlow Comets": "organization", "Harlow": "location"},
        ),
        # a university's name holds an organisation head: no team, the city stays
        (
            "He studied at Harlow University. He played ten games for Harlow that year.",
            [(3, 5, "ORG"), (11, 12, "GPE")],
            {"Harlow University": "organization", "Harlow": "location"},
        ),
    ],
)
def test_a_city_standing_for_its_team(nlp, text, ents, rows):
    assert found(nlp, text, ents) == rows


def test_a_city_cut_off_a_team_name_is_the_team(nlp):
    # NER took "Leeds" alone out of "Leeds Rovers"
    text = "He signed with Triple-A Leeds Rovers in May."
    assert found(nlp, text, [(6, 7, "GPE")]).get("Leeds") == "organization"


@pytest.mark.parametrize(
    "text, ents, rows",
    [
        # "at Harlow" beside "Harlow College": the college
        (
            "She moved to Leeds, where she attended Harlow College. At Harlow she studied law.",
            [(3, 4, "GPE"), (8, 10, "ORG"), (12, 13, "GPE")],
            {"Leeds": "location", "Harlow College": "organization"},
        ),
        # "in Harlow" is the town
        (
            "She grew up near Harlow College. In Harlow she studied law.",
            [(4, 6, "ORG"), (8, 9, "GPE")],
            {"Harlow College": "organization", "Harlow": "location"},
        ),
    ],
)
def test_a_town_after_at_is_the_school_named_after_it(nlp, text, ents, rows):
    assert found(nlp, text, ents) == rows
