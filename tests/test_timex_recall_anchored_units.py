"""Recall of the units that take the last date the text gave ("that week", "the same month"), and
of the near misses that must stay untagged, in made-up sentences against a publication date."""

from __future__ import annotations

import pytest
from helpers import timex_values

# (sentence, publication date, expression, value): "that" or "the same" before a unit names the unit
# of the last date the text gave
THAT_UNITS = [
    (
        "The depot opened on April 7, 2014. It flooded that week after heavy rain.",
        "2016-03-10",
        "that week",
        "2014-W15",
    ),
    (
        "The mill was sold in June 2009, and its staff were laid off that month.",
        "2016-03-10",
        "that month",
        "2009-06",
    ),
    (
        "Exports rose in the third quarter of 2012; imports fell that quarter too.",
        "2016-03-10",
        "that quarter",
        "2012-Q3",
    ),
    ("The mayor quit in March 2010 and left the city the same year.", "2016-03-10", "the same year", "2010"),
    (
        "The firm floated in October 2011 and cut jobs the same month.",
        "2016-03-10",
        "the same month",
        "2011-10",
    ),
    (
        "Ferries stopped on May 4, 2012, and sailed again the same week.",
        "2016-03-10",
        "the same week",
        "2012-W18",
    ),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), THAT_UNITS)
def test_that_or_the_same_unit_is_the_unit_of_the_last_date(tag, text, published, expression, value):
    assert timex_values(tag(text, published)).get(expression) == value, timex_values(tag(text, published))


# "that" is a conjunction, the unit is repeated or part of a compound, the unit is compared with
# another thing's, or no date came before that is fine enough to say which unit is meant
NOT_THAT_UNITS = [
    ("He said that month after month the bills kept growing.", "that month"),
    ("The strike began in 2011. Officials said that week-long talks had failed.", "that week"),
    ("She was born in 1970, the same year as her cousin.", "the same year"),
    ("The firm was founded in 1990; its rival opened the same year that the law passed.", "the same year"),
    ("The fund lost money in 2012 and said that quarter of its clients had left.", "that quarter"),
    ("The plant shut that week after a fire.", "that week"),
    ("The bridge opened in 2015 and the tunnel the same month.", "the same month"),
]


@pytest.mark.parametrize(("text", "expression"), NOT_THAT_UNITS)
def test_that_unit_without_a_date_to_take_is_not_tagged(tag, text, expression):
    assert expression not in timex_values(tag(text, "2016-03-10"))
