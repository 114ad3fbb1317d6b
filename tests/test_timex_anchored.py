"""Units counted from the last date the text gave, streaks, stretches up to publication, fiscal years."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdossier.extract.temporal import find_timexes
from newsdossier.records import Timex


@pytest.fixture(scope="module")
def tag(nlp):
    """Tag a text against a publication date and return its timexes by text."""

    def run(text: str, published: str) -> dict[str, Timex]:
        return {t.text: t for t in find_timexes(nlp(text), published=dt.date.fromisoformat(published))}

    return run


# (sentence, publication date, expression, value): "the previous year" and "the year before" count
# from the last date given, not from publication
UNITS_AROUND = [
    ("Exports rose in 2016 and fell the year before.", "2021-03-12", "the year before", "2015"),
    (
        "The dam was finished in 2004. The year after, the valley flooded.",
        "2021-03-12",
        "The year after",
        "2005",
    ),
    ("Rents rose in May 2018. The previous month they fell.", "2021-03-12", "The previous month", "2018-04"),
    ("The fair opened in 1999 and closed the following year.", "2021-03-12", "the following year", "2000"),
    # no earlier date: publication stands in
    ("Sales fell 4% from the previous year.", "2021-03-12", "the previous year", "2020"),
    # a year before a month: the month's year
    ("Vans sold well in June 2012, better than the year before.", "2021-03-12", "the year before", "2011"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), UNITS_AROUND)
def test_a_unit_before_or_after_counts_from_the_last_date(tag, text, published, expression, value):
    found = tag(text, published)
    assert expression in found, list(found)
    assert found[expression].value == value


@pytest.mark.parametrize(
    "text",
    [
        "The year before the flood, the river was low.",  # counted from the flood, an event
        "The month after she left, the shop closed.",
    ],
)
def test_a_unit_before_an_event_is_left_out(tag, text):
    assert not [t for t in tag(text, "2021-03-12") if "year" in t.lower() or "month" in t.lower()]


WHOLE_UNITS = [
    ("The mill lost money in the third quarter of 2019 and for the entire year.", "the entire year", "2019"),
    ("Sales were weak on May 4, 2017, and for the whole month.", "the whole month", "2017-05"),
]


@pytest.mark.parametrize(("text", "expression", "value"), WHOLE_UNITS)
def test_the_whole_unit_is_the_unit_of_the_last_date(tag, text, expression, value):
    assert tag(text, "2021-03-12")[expression].value == value


def test_the_whole_year_without_an_earlier_date_is_left_out(tag):
    assert "the full year" not in tag("The bakery expects a loss for the full year.", "2021-03-12")


STREAKS = [
    ("Wheat prices climbed for a fourth week in a row.", "2021-03-12", "a fourth week", "2021-W10"),
    ("Car sales fell for a third straight month.", "2021-03-12", "a third straight month", "2021-03"),
    ("The index slid for the second consecutive year.", "2021-03-12", "the second consecutive year", "2021"),
    ("The index gained for a third day in a row.", "2021-03-12", "a third day", "2021-03-12"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), STREAKS)
def test_a_streak_is_dated_by_the_unit_it_has_reached(tag, text, published, expression, value):
    found = tag(text, published)
    assert expression in found, list(found)
    assert found[expression].value == value


# "the last week / month / year": the unit that holds most of the stretch up to publication
STRETCHES = [
    ("The ferry has been idle for the last week.", "2021-03-12", "the last week", "2021-W10"),  # a Friday
    ("The ferry has been idle for the last week.", "2021-03-08", "the last week", "2021-W09"),  # a Monday
    ("Mortgage rates rose over the last year.", "2021-03-12", "the last year", "2020"),
    ("Mortgage rates rose over the last year.", "2021-10-20", "the last year", "2021"),
    ("Bread prices doubled in the last month.", "2021-03-25", "the last month", "2021-03"),
    # an amount after "of" is what was earned, not a part of the year
    ("Ticket sales in the last year of $12 million beat forecasts.", "2021-03-12", "the last year", "2020"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), STRETCHES)
def test_the_last_unit_is_the_unit_holding_most_of_it(tag, text, published, expression, value):
    assert tag(text, published)[expression].value == value


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose over the past decade.",
        "Growth will pick up in the coming year.",
        "He spent the last year of his life abroad.",
    ],
)
def test_stretches_that_are_durations_are_left_out(tag, text):
    assert not any("year" in t or "decade" in t for t in tag(text, "2021-03-12"))


THAT_TIME = [
    (
        "The sale must close by June 10. If no buyer is found by that time, the mill shuts.",
        "that time",
        "2021-06-10",
    ),
    ("The bridge opened in 1998. At that time it was the longest in the region.", "that time", "1998"),
]


@pytest.mark.parametrize(("text", "expression", "value"), THAT_TIME)
def test_that_time_is_the_last_date_given(tag, text, expression, value):
    assert tag(text, "2021-03-12")[expression].value == value


@pytest.mark.parametrize("text", ["That time she won easily.", "By that time of night the roads were empty."])
def test_that_time_as_an_occasion_is_left_out(tag, text):
    assert not [t for t in tag(text, "2021-03-12") if "time" in t.lower()]


FISCAL_YEARS = [
    ("The bakery sold more bread in fiscal 2020.", "fiscal 2020", "FY2020", ""),
    ("Costs rose in FY19 and again this spring.", "FY19", "FY2019", ""),
    ("The 2018 fiscal year ended with a small loss.", "2018 fiscal year", "FY2018", ""),
    ("Margins will narrow in the current financial year.", "the current financial year", "FY2021", ""),
    ("The board expects more orders next fiscal year.", "next fiscal year", "FY2022", ""),
    (
        "Orders slowed at the very end of the fiscal year.",
        "the very end of the fiscal year",
        "FY2021",
        "END",
    ),
    ("Hiring picks up at the end of fiscal year 2022.", "the end of fiscal year 2022", "FY2022", "END"),
]


@pytest.mark.parametrize(("text", "expression", "value", "mod"), FISCAL_YEARS)
def test_fiscal_years(tag, text, expression, value, mod):
    found = tag(text, "2021-03-12")
    assert expression in found, list(found)
    assert (found[expression].value, found[expression].precision, found[expression].mod) == (
        value,
        "fiscal",
        mod,
    )


def test_a_fiscal_year_does_not_move_the_anchor(tag):
    # "two days later" counts from March 3, not from the fiscal year named in between
    found = tag("The plant shut on March 3, in fiscal 2021. Two days later it reopened.", "2021-03-12")
    assert found["Two days later"].value == "2021-03-05"


YEAR_EARLIER = [
    (
        "Profit rose in the fourth quarter of 2020 from the year-earlier period.",
        "the year-earlier period",
        "2019-Q4",
    ),
    ("Orders in June 2018 beat the year-ago month.", "the year-ago month", "2017-06"),
]


@pytest.mark.parametrize(("text", "expression", "value"), YEAR_EARLIER)
def test_the_year_earlier_period_is_the_last_date_a_year_back(tag, text, expression, value):
    assert tag(text, "2021-03-12")[expression].value == value


def test_the_year_ago_period_without_an_earlier_date_is_left_out(tag):
    assert "the year-ago quarter" not in tag("Sales beat the year-ago quarter.", "2021-03-12")


CURRENT_AND_PAST_UNITS = [
    ("Sales will rise in the current quarter.", "the current quarter", "2021-Q1"),
    ("The mine expects a loss in the current year.", "the current year", "2021"),
    ("Prices fell this past week.", "this past week", "2021-W09"),
]


@pytest.mark.parametrize(("text", "expression", "value"), CURRENT_AND_PAST_UNITS)
def test_the_current_and_this_past_unit(tag, text, expression, value):
    assert tag(text, "2021-03-12")[expression].value == value


IN_THE_UNIT = [
    ("The deal was announced earlier in the week.", "earlier in the week", "2021-W10"),
    ("The mine shut in May 2019. Later in the year it reopened.", "Later in the year", "2019"),
]


@pytest.mark.parametrize(("text", "expression", "value"), IN_THE_UNIT)
def test_earlier_or_later_in_the_unit_is_the_unit_of_the_last_date(tag, text, expression, value):
    assert tag(text, "2021-03-12")[expression].value == value
