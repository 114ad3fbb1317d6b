"""Anaphoric units, seasons, quarters and parts of days that news text uses after a date it gave."""

from __future__ import annotations

import pytest
from helpers import timex_values

PUB = "2010-06-15"  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # "The next year, ..." opening a sentence steps on from the story's date, like "the following"
        (
            "The Brantley mill opened in March 2004. The next year, it doubled its output.",
            "The next year",
            "2005",
        ),
        ("The Brantley mill opened in 2004. The next year, it doubled its output.", "The next year", "2005"),
        ("The Orvel plant shut in March 2004. The next month, it reopened.", "The next month", "2004-04"),
        # "that spring": the season of the year the text last gave
        ("The Corliss dam was built in 2004. That spring, floods closed the road.", "That spring", "2004-SP"),
        ("Ms. Padgett moved to Halden in 2001. That summer, she opened a bakery.", "That summer", "2001-SU"),
        # "the prior year": the year before publication in the past tense
        ("Sales at Fenmore rose 4% from the prior year, the company said.", "the prior year", "2009"),
        # "the spring of last year": the season of the year named after it
        ("Kessler Foods reported a loss in the spring of last year.", "spring of last year", "2009-SP"),
        ("The Tarvin bridge will open in the autumn of next year.", "autumn of next year", "2011-FA"),
        # "the December quarter": the calendar quarter ending in that month
        ("Sales at Ombra rose 5% in the December quarter.", "the December quarter", "2009-Q4"),
        ("Ombra expects a loss in the September quarter.", "the September quarter", "2010-Q3"),
        # "the same month of 2008": the last date's month in the year named
        (
            "In March 2010 sales at Pelham fell. That was worse than the same month of 2008.",
            "the same month of 2008",
            "2008-03",
        ),
        # "the morning of Nov. 29": the date is tagged (as TimeML corpora do), its value has the part of day
        ("The fire at the Danvers depot broke out on the morning of Nov. 29.", "Nov. 29", "2009-11-29TMO"),
        ("The Halvey family fled on the night of June 3.", "June 3", "2010-06-03TNI"),
        ("Ms. Orr left on the evening of Friday, June 4.", "Friday, June 4", "2010-06-04TEV"),
        # "a year earlier" before any date: counted from publication
        ("Profit at Brisco rose 5% from a year earlier.", "a year earlier", "2009"),
    ],
)
def test_gap_values(tag, text: str, expr: str, value: str) -> None:
    """Each expression is tagged with the value the text and its publication date give."""
    assert timex_values(tag(text, PUB)).get(expr) == value


@pytest.mark.parametrize(
    ("text", "expr"),
    [
        # a stretch ahead, not a step on from a date
        ("In the next year, Vantorp Corp. will hire 500 workers.", "the next year"),
        ("Vantorp Corp. will hire 500 workers over the next year.", "the next year"),
        # "that" as a conjunction, not a determiner of the season
        ("Ms. Quint said that summer jobs were scarce.", "that summer"),
        # no year was given before: which spring is not said
        ("That spring, floods closed the road to Ashby.", "That spring"),
        # "a year later" before any date has nothing to count from
        ("A year later, the Ashby road reopened.", "A year later"),
    ],
)
def test_gap_not_tagged(tag, text: str, expr: str) -> None:
    """Stretches ahead, conjunctions and anaphors with nothing to count from are not tagged."""
    assert expr not in timex_values(tag(text, PUB))


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # the day the sentence narrates, not a date in a side clause just before
        (
            "The fire broke out on Monday in a warehouse that inspectors had cleared on May 27. "
            "Crews arrived at 3 p.m.",
            "3 p.m.",
            "2010-06-14T15:00",
        ),
        ("The storm hit Kelso on Monday. Power returned at 9 p.m.", "9 p.m.", "2010-06-14T21:00"),
        # a day told in the clock time's own sentence still wins
        (
            "The storm hit Kelso on Monday. Power returned at 9 p.m. on Wednesday.",
            "9 p.m.",
            "2010-06-09T21:00",
        ),
    ],
)
def test_clock_time_takes_narrative_day(tag, text: str, expr: str, value: str) -> None:
    """A bare clock time takes the day its sentence narrates."""
    assert timex_values(tag(text, PUB)).get(expr) == value
