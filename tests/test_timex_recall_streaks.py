"""Streaks that end on the story's day: any ordinal, and the trading day or session of market news."""

from __future__ import annotations

import pytest
from helpers import timex_values

STREAKS = [
    ("The lira fell for a seventh straight day.", "a seventh straight day"),
    ("The bourse slid for the ninth consecutive trading session.", "the ninth consecutive trading session"),
    ("Copper rose for a 12th successive day.", "a 12th successive day"),
    ("The index gained for a fourth trading day in a row.", "a fourth trading day"),
]


@pytest.mark.parametrize(("text", "expression"), STREAKS)
def test_a_streak_of_days_ends_on_the_story_day(tag, text, expression):
    assert timex_values(tag(text, "2013-04-19")) == {expression: "2013-04-19"}


def test_a_streak_of_games_is_no_date(tag):
    assert tag("The club won its seventh straight game.", "2013-04-19") == []
