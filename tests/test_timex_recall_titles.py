"""The tagger's precision on names and counted days: "today" and weekdays inside titles of papers and
programmes, weekdays counted inside a month, counts written as any number word, and no half units."""

from __future__ import annotations

import pytest
from helpers import timex_values

PUBLISHED = "2016-05-25"  # a Wednesday

# "today" in the title of a paper or a programme is no day (the sentence's own weekday stays)
TODAY_IN_TITLES = [
    ("A NORTHLAND TODAY survey found that rents rose.", {}),
    ("She told Northland Today that she would run.", {}),
    ('He told the network\'s "Today" programme on Monday that he was sorry.', {"Monday": "2016-05-23"}),
    ("He spoke on “Today” on Monday.", {"Monday": "2016-05-23"}),
]


@pytest.mark.parametrize(("text", "expected"), TODAY_IN_TITLES)
def test_today_in_a_title_is_no_day(tag, text, expected):
    assert timex_values(tag(text, PUBLISHED)) == expected


# "today" as a day: in lower case, or opening a sentence (quoted or not)
TODAY_AS_A_DAY = [
    ("The mill said today that it would close.", "today"),
    ("Harlow Mills today named a new chief.", "today"),
    ('"Today, we are proud," the mayor said.', "Today"),
    ("Today the ferry runs on time.", "Today"),
]


@pytest.mark.parametrize(("text", "expression"), TODAY_AS_A_DAY)
def test_today_as_a_day_is_tagged(tag, text, expression):
    assert timex_values(tag(text, PUBLISHED)) == {expression: PUBLISHED}


# a weekday that opens a paper's or a programme's name ("Friday Night Showcase" style) is no day
WEEKDAYS_IN_TITLES = [
    ("The Sunday Herald ran the story on Tuesday.", {"Tuesday": "2016-05-24"}),
    ("She appeared on Friday Night Chatter with Pip Lowe.", {}),
    ('He hosted "Monday Evening Quiz" on Saturday.', {"Saturday": "2016-05-21"}),
]


@pytest.mark.parametrize(("text", "expected"), WEEKDAYS_IN_TITLES)
def test_a_weekday_in_a_title_is_no_day(tag, text, expected):
    assert timex_values(tag(text, PUBLISHED)) == expected


# the plain weekday with a part of the day stays a day
@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The barn burned on Saturday night.", "Saturday night", "2016-05-21TNI"),
        ("The Herald said on Sunday that the pier would shut.", "Sunday", "2016-05-22"),
    ],
)
def test_a_weekday_outside_a_title_stays_a_day(tag, text, expression, value):
    assert timex_values(tag(text, PUBLISHED)).get(expression) == value


# a weekday counted inside a month is not the weekday nearest publication: no wrong day is given
NTH_WEEKDAYS = [
    ("The council meets on the first Monday of every month.", {}),
    ("The fair opens on the second Saturday in July.", {"July": "2016-07"}),
    ("The race is run on the last Sunday of August.", {"August": "2016-08"}),
]


@pytest.mark.parametrize(("text", "expected"), NTH_WEEKDAYS)
def test_a_weekday_counted_in_a_month_is_not_a_nearby_day(tag, text, expected):
    assert timex_values(tag(text, PUBLISHED)) == expected


def test_last_weekday_stays_the_last_one(tag):
    assert timex_values(tag("The ferry sank last Friday.", PUBLISHED)) == {"last Friday": "2016-05-20"}


# counts written as any number word, hyphened ones whole
COUNTS = [
    ("The dam was built seventy-four years ago.", "seventy-four years ago", "1942"),
    ("The mill opened sixty years ago.", "sixty years ago", "1956"),
    ("The choir was founded thirteen years ago.", "thirteen years ago", "2003"),
    ("The bridge fell ninety years ago.", "ninety years ago", "1926"),
]


@pytest.mark.parametrize(("text", "expression", "value"), COUNTS)
def test_a_count_in_any_number_word(tag, text, expression, value):
    assert timex_values(tag(text, PUBLISHED)) == {expression: value}


# half a unit is no whole unit: no date rather than a wrong one
@pytest.mark.parametrize(
    "text", ["The mine shut half a century ago.", "The dock was sold more than half a year ago."]
)
def test_half_a_unit_ago_is_not_a_whole_unit(tag, text):
    assert tag(text, PUBLISHED) == []
