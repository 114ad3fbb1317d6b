"""Clock times read by the part of the day they are told with ("3:15 in the afternoon", "11:30 at
night"), in made-up sentences against a publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdossier.extract.temporal import find_timexes

# (sentence, publication date, expression, value)
PART_OF_DAY_CLOCKS = [
    ("The plane landed at 3:15 in the afternoon.", "2013-05-15", "3:15 in the afternoon", "2013-05-15T15:15"),
    (
        "The alarm rang at 4:40 in the morning on Monday.",
        "2013-05-15",
        "4:40 in the morning",
        "2013-05-13T04:40",
    ),
    ("They met at 11:30 at night.", "2013-05-15", "11:30 at night", "2013-05-15T23:30"),
    ("The call came at 2 at night.", "2013-05-15", "2 at night", "2013-05-15T02:00"),
    ("She left at 9 in the evening.", "2013-05-15", "9 in the evening", "2013-05-15T21:00"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), PART_OF_DAY_CLOCKS)
def test_a_clock_time_takes_the_part_of_day_told_after_it(nlp, text, published, expression, value):
    timexes = find_timexes(nlp(text), published=dt.date.fromisoformat(published))
    assert {t.text: t.value for t in timexes}.get(expression) == value, timexes


def test_at_night_alone_is_no_clock_time(nlp):
    assert find_timexes(nlp("He was home at night."), published=dt.date(2013, 5, 15)) == []
