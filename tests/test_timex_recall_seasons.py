"""Recall of "the summer", "the winter" after more prepositions and as the part of a period, with the
near misses (a drop in "the fall", a hot spring), in made-up sentences."""

from __future__ import annotations

import pytest
from helpers import tag_timexes, timex_values


def found(nlp, text: str, published: str = "2013-05-15") -> dict[str, str]:
    """Expression -> value of a text tagged against a publication date."""
    return timex_values(tag_timexes(nlp, text, published))


# (sentence, expression, value) against a publication date in May 2013
SEASONS = [
    ("The lake level dropped over the summer.", "summer", "2012-SU"),
    ("Sales were strong throughout the winter.", "winter", "2013-WI"),
    ("The plant will reopen after the summer.", "summer", "2013-SU"),
    ("Crops failed during the rest of the summer.", "summer", "2012-SU"),
]


@pytest.mark.parametrize(("text", "expression", "value"), SEASONS)
def test_the_season_after_a_preposition_of_time_is_a_date(nlp, text, expression, value):
    assert found(nlp, text).get(expression) == value, found(nlp, text)


NOT_SEASONS = [
    "Shares slid after the fall in prices.",
    "The hot spring fed the pool.",
]


@pytest.mark.parametrize("text", NOT_SEASONS)
def test_a_drop_or_a_water_spring_is_no_season(nlp, text):
    assert found(nlp, text) == {}
