"""Values that name one point or none (all sentences made up): "since the start of" a period is its first
day, "a week ago" is a day, a day that "has come" is now, the tense a weekday takes from "due", from the
verb its own verb is joined to, from the verb of saying right before it or from "is to", the ends of a
weekday range, counts after "and" and the mod of a bounded count."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdossier.extract.temporal import find_timexes
from newsdossier.records import Timex

PUBLISHED = dt.date(2022, 6, 15)  # a Wednesday, in ISO week 24


@pytest.fixture(scope="module")
def tag(nlp):
    """Tag a text against the publication date and return its timexes by text."""

    def run(text: str) -> dict[str, Timex]:
        return {t.text: t for t in find_timexes(nlp(text), published=PUBLISHED)}

    return run


SINCE_OPENING = [
    (
        "Fares have doubled since the start of the year, riders say.",
        "the start of the year",
        "2022-01-01",
        "",
    ),
    ("The dam has leaked since the beginning of May.", "the beginning of May", "2022-05-01", ""),
    ("Rents have climbed since the start of this month.", "the start of this month", "2022-06-01", ""),
    ("The pool has been shut since the start of the week.", "the start of the week", "2022-06-13", ""),
    # not after "since": the early part of the period, with its mod
    ("The pool was shut at the start of the year.", "the start of the year", "2022", "START"),
    # "early May" is some day in the first part of the month, not its first day
    ("The dam has leaked since early May.", "early May", "2022-05", "START"),
]


@pytest.mark.parametrize(("text", "expression", "value", "mod"), SINCE_OPENING)
def test_since_the_start_of_a_period_is_its_first_day(tag, text, expression, value, mod):
    found = tag(text)
    assert (found[expression].value, found[expression].mod) == (value, mod), found


ONE_WEEK = [
    ("The ferry sank a week ago, officials said.", "a week ago", "2022-06-08"),
    ("The ferry sank one week ago.", "one week ago", "2022-06-08"),
    ("The ferry sank three weeks ago.", "three weeks ago", "2022-W21"),
    ("The levee broke on June 2. A week later, the water fell.", "A week later", "2022-06-09"),
]


@pytest.mark.parametrize(("text", "expression", "value"), ONE_WEEK)
def test_a_week_from_a_day_is_a_day(tag, text, expression, value):
    assert tag(text)[expression].value == value


DAY_AS_FIGURE = [
    ('"I said I would leave if we lost, and that day has come," the coach wrote.', "that day", "PRESENT_REF"),
    ('"The league is ours, and that day will come soon," the coach wrote.', "that day", "FUTURE_REF"),
    ("The bakery reopened on May 9. That day, a queue formed.", "That day", "2022-05-09"),
]


@pytest.mark.parametrize(("text", "expression", "value"), DAY_AS_FIGURE)
def test_a_day_that_comes_is_now_or_ahead(tag, text, expression, value):
    assert tag(text)[expression].value == value


WEEKDAY_TENSE = [
    # "due" points ahead whatever the tense of the sentence
    ("The kiln was lit on Sunday, with the pots due on Friday.", "Friday", "2022-06-17"),
    ("The kiln was lit on Sunday.", "Sunday", "2022-06-12"),
    # a verb joined to a past one shares its tense, so "by" does not point ahead
    (
        "The river rose on Monday morning and receded by Tuesday afternoon.",
        "Tuesday afternoon",
        "2022-06-14TAF",
    ),
    ("The river will recede by Tuesday afternoon.", "Tuesday afternoon", "2022-06-21TAF"),
]


@pytest.mark.parametrize(("text", "expression", "value"), WEEKDAY_TENSE)
def test_weekday_tense_from_due_and_joined_verbs(tag, text, expression, value):
    assert tag(text)[expression].value == value


COARSE_ANCHOR = [
    # the story is only at a month: "the following week" in the past cannot be the week after publication
    ("The shop opened in March. The following week, it was robbed.", "The following week", None),
    ("The shop opened in March. The week after, it was robbed.", "The week after", None),
    # a day before it says which week
    ("The shop opened on March 7. The following week, it was robbed.", "The following week", "2022-W11"),
    # a year is fine enough for "the following year"
    ("The shop opened in 2018. The following year, it was robbed.", "The following year", "2019"),
]


@pytest.mark.parametrize(("text", "expression", "value"), COARSE_ANCHOR)
def test_anaphoric_unit_not_counted_from_publication_against_its_tense(tag, text, expression, value):
    found = tag(text)
    assert (found[expression].value if expression in found else None) == value, found


CLOCK_DAY = [
    # a bare clock time takes the day written right after it, before another day of its sentence
    ("The bus left at 22:40 on Sunday and arrived at 05:20 on Monday.", "05:20", "2022-06-13T05:20"),
    ("The bus left at 22:40 on Sunday and arrived at 05:20 on Monday.", "22:40", "2022-06-12T22:40"),
    # no day right after it: the day its sentence gives
    ("On Monday the hearing opened, and at 9 a.m. the judge spoke.", "9 a.m.", "2022-06-13T09:00"),
]


@pytest.mark.parametrize(("text", "expression", "value"), CLOCK_DAY)
def test_clock_time_takes_the_day_written_with_it(tag, text, expression, value):
    assert tag(text)[expression].value == value


COUNT_AFTER_AND = [
    # "and" joins a clause: the count stands on its own, from the day before it
    ("The mill flooded on June 2, and a week later it reopened.", "a week later", "2022-06-09"),
    (
        "The pier collapsed on June 4, and two days later divers found the wreck.",
        "two days later",
        "2022-06-06",
    ),
    # "and" joins two parts of one count: the part found alone is not dated
    ("The lease was signed on June 4. A year and two days later, it ran out.", "two days later", None),
]


@pytest.mark.parametrize(("text", "expression", "value"), COUNT_AFTER_AND)
def test_a_count_after_and_is_dated_unless_it_ends_a_compound_count(tag, text, expression, value):
    found = tag(text)
    assert (found[expression].value if expression in found else None) == value, found


DAY_AFTER_PAST_VERB = [
    # the day right after "said" is the day of the saying, whatever the reported clause holds
    ("A spokeswoman said Monday the bakery would reopen.", "Monday", "2022-06-13"),
    ("The guild announced Thursday the fair would be held in the autumn.", "Thursday", "2022-06-09"),
    ("A spokeswoman said Monday the bakery would reopen Friday.", "Friday", "2022-06-17"),
    # a weekday that is the subject of what follows is not the day of the verb
    ("The coach said Sunday will be decisive.", "Sunday", "2022-06-19"),
]


@pytest.mark.parametrize(("text", "expression", "value"), DAY_AFTER_PAST_VERB)
def test_a_day_right_after_a_past_verb_is_its_day(tag, text, expression, value):
    assert tag(text)[expression].value == value


INFINITIVE_AHEAD = [
    ("The poet is to be honoured Thursday.", "Thursday", "2022-06-16"),
    ("The two rowers are to race on Monday.", "Monday", "2022-06-20"),
    ("The survey, to be published on Monday, covers ten towns.", "Monday", "2022-06-20"),
    # an active infinitive after a noun is no event of its own: a possessive day in it dates its noun
    ("Tenants said they had a plan to fight Monday's verdict.", "Monday", "2022-06-13"),
    # without "to" the participle after a noun is past
    ("The survey, published on Monday, covers ten towns.", "Monday", "2022-06-13"),
    # an infinitive under a verb or an adjective in the present looks ahead of it
    ("The gale is forecast to reach the islands on Friday.", "Friday", "2022-06-17"),
    ("The ferry is likely to sail on Friday.", "Friday", "2022-06-17"),
    ("The club needs to win on Sunday.", "Sunday", "2022-06-19"),
    ("Grain prices are poised to climb in August.", "August", "2022-08"),
    # under a past or present-perfect verb, or as a perfect infinitive, it does not
    ("The mayor flew to Oslo to open a clinic on Friday.", "Friday", "2022-06-10"),
    ("The index has continued to slide on Monday.", "Monday", "2022-06-13"),
    ("Exports continue to fall in May, the figures show.", "May", "2022-05"),
    ("The envoy is said to have quit on Friday.", "Friday", "2022-06-10"),
    # a possessive day dates its noun, not the infinitive
    ("Traders continue to weigh Friday's jobs figures.", "Friday", "2022-06-10"),
]


@pytest.mark.parametrize(("text", "expression", "value"), INFINITIVE_AHEAD)
def test_an_infinitive_of_what_is_to_happen_points_ahead(tag, text, expression, value):
    assert tag(text)[expression].value == value


# PUBLISHED is a Wednesday: the end of a range of weekdays is the first such day after its start, even
# where its own tense or "until" would put it before the start or a week on
WEEKDAY_RANGES = [
    (
        "The ferry was suspended from Thursday to Tuesday.",
        {"Thursday": "2022-06-09", "Tuesday": "2022-06-14"},
    ),
    (
        "The ferry was suspended from Tuesday to Thursday.",
        {"Tuesday": "2022-06-14", "Thursday": "2022-06-16"},
    ),
    (
        "The ferry was suspended between Tuesday and Thursday.",
        {"Tuesday": "2022-06-14", "Thursday": "2022-06-16"},
    ),
    ("The ferry was suspended from Friday until Sunday.", {"Friday": "2022-06-10", "Sunday": "2022-06-12"}),
    (
        "The ferry will be suspended from Thursday to Tuesday.",
        {"Thursday": "2022-06-16", "Tuesday": "2022-06-21"},
    ),
    (
        "The ferry will be suspended from Monday to Tuesday.",
        {"Monday": "2022-06-20", "Tuesday": "2022-06-21"},
    ),
    ("The ferry will run Monday through Friday.", {"Monday": "2022-06-20", "Friday": "2022-06-24"}),
    # two days joined by "and" without "between" are a list, each dated on its own
    ("The ferry sailed on Tuesday and Thursday.", {"Tuesday": "2022-06-14", "Thursday": "2022-06-09"}),
]


@pytest.mark.parametrize(("text", "values"), WEEKDAY_RANGES)
def test_the_ends_of_a_weekday_range_come_in_order(tag, text, values):
    found = tag(text)
    assert {k: found[k].value for k in values} == values, found


BOUNDED_COUNTS = [
    ("The well ran dry more than two years ago.", "more than two years ago", "2020", "BEFORE"),
    ("The well ran dry less than a year ago.", "less than a year ago", "2021", "AFTER"),
    (
        "The well ran dry in 2015. Over three years later, it filled.",
        "Over three years later",
        "2018",
        "AFTER",
    ),
    (
        "The well ran dry in 2015. Less than two years later, it filled.",
        "Less than two years later",
        "2017",
        "BEFORE",
    ),
    ("The well ran dry almost two years ago.", "almost two years ago", "2020", "APPROX"),
]


@pytest.mark.parametrize(("text", "expression", "value", "mod"), BOUNDED_COUNTS)
def test_a_bounded_count_points_before_or_after(tag, text, expression, value, mod):
    found = tag(text)
    assert (found[expression].value, found[expression].mod) == (value, mod), found


# a title's present tense tells what just happened, its infinitive what is to come (told on Wed 2022-06-15)
HEADLINES = [
    ("Grain prices tumble on Monday\n\nTraders blamed the rain.", "Monday", "2022-06-13"),
    ("Orvane cuts 500 jobs on Friday\n\nThe mill said it would cut jobs.", "Friday", "2022-06-10"),
    ("Orvane to cut 500 jobs on Friday\n\nThe mill said it would cut jobs.", "Friday", "2022-06-17"),
    ("Orvane will cut 500 jobs on Friday\n\nThe mill said it would cut jobs.", "Friday", "2022-06-17"),
    # a sentence of the body in the present still looks ahead
    ("Grain prices tumble\n\nThe index falls on Monday, traders say.", "Monday", "2022-06-20"),
    ("The index falls on Monday, traders say.", "Monday", "2022-06-20"),
]


@pytest.mark.parametrize(("text", "expression", "value"), HEADLINES)
def test_a_headline_in_the_present_tells_the_past(tag, text, expression, value):
    assert tag(text)[expression].value == value
