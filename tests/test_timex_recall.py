"""The tagger's recall: expressions it used to miss or misread, each in made-up sentences against a
publication date, with the near misses that must stay untagged."""

from __future__ import annotations

import pytest
from helpers import timex_values

# (sentence, publication date, expression, value): a unit followed by "and" or "or" is still a date
UNITS_BEFORE_A_CONJUNCTION = [
    ("The club won the league last year and signed two new players.", "2016-03-10", "last year", "2015"),
    ("She opened a bakery this year and hired six staff.", "2016-03-10", "this year", "2016"),
    ("The council meets next week or the week after.", "2016-03-10", "next week", "2016-W11"),
    ("Fares went up last month and again on Monday.", "2016-03-10", "last month", "2016-02"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), UNITS_BEFORE_A_CONJUNCTION)
def test_a_unit_before_and_or_or_is_a_date(tag, text, published, expression, value):
    assert timex_values(tag(text, published)).get(expression) == value, timex_values(tag(text, published))


# stretches of time: no date, and "the past" in them is no vague reference either
STRETCHES = [
    "Rents rose over the last year and a half.",
    "Prices have eased in the past year or so.",
    "The pier was shut for the last month or two.",
    "Output has grown in the past few weeks.",
]


@pytest.mark.parametrize("text", STRETCHES)
def test_a_stretch_of_time_is_not_tagged(tag, text):
    assert tag(text, "2016-03-10") == []


# (sentence, publication date, expected (expression, value) in order): both ends of a dashed range
RANGES = [
    (
        "The festival ran from June 28-July 3 on the river bank.",
        "2016-07-20",
        [("June 28", "2016-06-28"), ("July 3", "2016-07-03")],
    ),
    (
        "He chaired the board, 1974-1979, before he retired.",
        "2016-04-20",
        [("1974", "1974"), ("1979", "1979")],
    ),
    ("Crews drew up a 2031-2035 road budget.", "2017-01-05", [("2031", "2031"), ("2035", "2035")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), RANGES)
def test_the_second_end_of_a_dashed_range_is_a_date(tag, text, published, expected):
    assert [(t.text, t.value) for t in tag(text, published)] == expected


# a dash after a number that is no year does not start a year
NOT_RANGES = ["Call 555-2016 for tickets.", "The code was 10423-2019 on the label."]


@pytest.mark.parametrize("text", NOT_RANGES)
def test_a_number_after_a_dash_needs_a_year_before_it(tag, text):
    assert tag(text, "2016-04-20") == []


# (sentence, publication date, expression, value): capitals, as in transcripts and headlines
CAPITAL_CLOCKS = [
    ("The session opened at 7:25 P.M. on Friday.", "2016-03-10", "7:25 P.M.", "2016-03-04T19:25"),
    ("Doors opened at 9 AM on Saturday.", "2016-03-10", "9 AM", "2016-03-05T09:00"),
    ("Remarks began at 10:05 A.M. Tuesday.", "2016-03-10", "10:05 A.M. Tuesday", "2016-03-08T10:05"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), CAPITAL_CLOCKS)
def test_a_clock_time_in_capitals_is_read_with_its_half_of_the_day(tag, text, published, expression, value):
    assert timex_values(tag(text, published)).get(expression) == value, timex_values(tag(text, published))


# (text, publication date, expression, value): "that evening" is the narrative day's evening
THAT_PART_OF_DAY = [
    (
        "Crews came on Tuesday. That evening, the bridge reopened.",
        "2016-03-10",
        "That evening",
        "2016-03-08TEV",
    ),
    (
        "The mayor spoke on Monday. Police arrived that morning.",
        "2016-03-10",
        "that morning",
        "2016-03-07TMO",
    ),
    (
        "She won on June 2. Later that afternoon she flew home.",
        "2016-06-10",
        "Later that afternoon",
        "2016-06-02TAF",
    ),
    ("The vote came on Friday. They left that same night.", "2016-03-10", "that same night", "2016-03-04TNI"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), THAT_PART_OF_DAY)
def test_that_evening_is_the_evening_of_the_narrative_day(tag, text, published, expression, value):
    assert timex_values(tag(text, published)).get(expression) == value, timex_values(tag(text, published))


# "that" is a conjunction here, and the part of day modifies the next noun
THAT_CONJUNCTIONS = [
    "He said that morning traffic was light.",
    "She argued that night shifts were too long.",
]


@pytest.mark.parametrize("text", THAT_CONJUNCTIONS)
def test_that_before_a_part_of_day_used_as_a_modifier_is_no_time(tag, text):
    assert tag(text, "2016-03-10") == []


# (text, publication date, values in order): "it was a great day" is the story's day, tagged "day"
VERDICT_DAYS = [
    (
        "The treaty was signed on Friday. He said it was a historic day for the region.",
        "2016-03-10",
        [("Friday", "2016-03-04"), ("day", "2016-03-04")],
    ),
    ("It is a proud day for the town, the mayor said.", "2016-03-10", [("day", "2016-03-10")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), VERDICT_DAYS)
def test_a_day_judged_is_the_day_of_the_story(tag, text, published, expected):
    assert [(t.text, t.value) for t in tag(text, published)] == expected


# (text, expected): the subject names the day already, so the day is tagged once
DAYS_NAMED_BY_THEIR_SUBJECT = [
    ("Monday was a sad day for the club.", [("Monday", "2016-03-07")]),
    ("Today is a dark day for the league.", [("Today", "2016-03-10")]),
]


@pytest.mark.parametrize(("text", "expected"), DAYS_NAMED_BY_THEIR_SUBJECT)
def test_a_day_judged_whose_subject_is_a_date_is_tagged_once(tag, text, expected):
    assert [(t.text, t.value) for t in tag(text, "2016-03-10")] == expected


# hoped for, or had: no day of the story
NOT_VERDICT_DAYS = [
    "It will be a great day for all of us.",
    "She had a good day at the office.",
    "We hope for a sad day never to come.",
]


@pytest.mark.parametrize("text", NOT_VERDICT_DAYS)
def test_a_day_hoped_for_or_had_is_no_date(tag, text):
    assert tag(text, "2016-03-10") == []


# (sentence, publication date, expression, value): a bare month that dates a noun
MONTHS_AS_MODIFIERS = [
    ("An August audit showed long delays.", "2016-03-10", "August", "2015-08"),
    ("Members voted to sell at a January meeting.", "2016-03-10", "January", "2016-01"),
    ("Sales beat October's figures.", "2016-03-10", "October", "2015-10"),
    ("The firm missed a November deadline.", "2016-03-10", "November", "2015-11"),
    ("Delegates met at a May conference.", "2016-08-10", "May", "2016-05"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), MONTHS_AS_MODIFIERS)
def test_a_month_that_dates_a_noun_is_a_date(tag, text, published, expression, value):
    assert timex_values(tag(text, published)).get(expression) == value, timex_values(tag(text, published))


# given names and the modal stay untagged
MONTH_NAMES = ["April's mother said she was fine.", "June's brother called the police.", "May I come in?"]


@pytest.mark.parametrize("text", MONTH_NAMES)
def test_a_month_that_is_a_name_is_no_date(tag, text):
    assert tag(text, "2016-03-10") == []


# (text, publication date, expression, value): the same day, in a month whose day is not told
DAYS_IN_A_MONTH = [
    (
        "Two clerks were hurt, the last in October when a fire broke out. The shop shut that same day.",
        "2016-03-10",
        "that same day",
        "2015-10-XX",
    ),
    (
        "The strike began in early May. Later that day the union met.",
        "2016-06-10",
        "Later that day",
        "2016-05-XX",
    ),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), DAYS_IN_A_MONTH)
def test_that_day_in_a_month_keeps_the_month(tag, text, published, expression, value):
    assert timex_values(tag(text, published)).get(expression) == value, timex_values(tag(text, published))


def test_the_end_of_the_day_after_a_month_is_left_out(tag):
    text = "Sales fell in March. At the end of the day, what counts is trust."
    assert timex_values(tag(text, "2016-06-10")) == {"March": "2016-03"}


# (sentence, publication date, expression, value): holidays on fixed days, n-th weekdays and around Easter
HOLIDAYS = [
    ("Crowds lined the beach on Memorial Day.", "2019-06-03", "Memorial Day", "2019-05-27"),
    ("The parade went ahead on Labor Day despite rain.", "2015-09-20", "Labor Day", "2015-09-07"),
    ("Shops opened early on Boxing Day.", "2018-12-28", "Boxing Day", "2018-12-26"),
    ("Bakers sold out of bread on Bastille Day.", "2016-07-20", "Bastille Day", "2016-07-14"),
    ("The banks were shut on Good Friday.", "2017-04-20", "Good Friday", "2017-04-14"),
    ("Florists sold out before Mother's Day.", "2020-05-12", "Mother's Day", "2020-05-10"),
    ("Veterans marched on Remembrance Day.", "2021-11-15", "Remembrance Day", "2021-11-11"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), HOLIDAYS)
def test_a_holiday_is_its_day_nearest_publication(tag, text, published, expression, value):
    assert timex_values(tag(text, published)).get(expression) == value, timex_values(tag(text, published))


# a vague reference inside a hyphened compound only modifies a noun
COMPOUND_REFERENCES = [
    "Crowds queued at the soon-to-open gallery on the quay.",
    "The now-closed quarry employed forty people.",
    "Visitors praised the recently-built footbridge.",
]


@pytest.mark.parametrize("text", COMPOUND_REFERENCES)
def test_a_reference_word_in_a_hyphened_compound_is_no_time(tag, text):
    assert tag(text, "2016-03-10") == []


# (sentence, publication date, expression, value): a clock time keeps the zone named after it
CLOCK_ZONES = [
    ("The vote closed at 8 p.m. ET Tuesday.", "2016-03-10", "8 p.m. ET Tuesday", "2016-03-08T20:00"),
    ("Trading halted at 14:45 CET in the capital.", "2016-03-10", "14:45 CET", "2016-03-10T14:45"),
    ("The satellite separated at 06:20 EDT Friday.", "2016-03-10", "06:20 EDT Friday", "2016-03-04T06:20"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), CLOCK_ZONES)
def test_a_clock_time_takes_in_its_zone(tag, text, published, expression, value):
    assert timex_values(tag(text, published)).get(expression) == value, timex_values(tag(text, published))


# a four-digit house number before a street name is no year; a year before a street name still is
ADDRESSES = [
    ("Protesters gathered outside 1820 Harbour Road at dawn.", None),
    ("The parcel went to 2011 Linden Avenue by mistake.", None),
    ("In 2011 Linden Avenue was repaved.", "2011"),
]


@pytest.mark.parametrize(("text", "year"), ADDRESSES)
def test_a_house_number_is_no_year(tag, text, year):
    years = [t.value for t in tag(text, "2016-03-10") if t.precision == "year"]
    assert years == ([year] if year else []), years


# a weekday that repeats ("every Monday", "on Mondays": a TIMEX3 SET) is no day of the timeline
REPEATED_WEEKDAYS = [
    "The library lends toys on Saturdays.",
    "A choir rehearses every Thursday in the hall.",
    "The canal boat leaves each Sunday morning.",
]


@pytest.mark.parametrize("text", REPEATED_WEEKDAYS)
def test_a_repeated_weekday_is_no_date(tag, text):
    assert tag(text, "2016-03-10") == []


# (sentence, publication date, expression, value): days and times that were cut or misread
DAYS_AND_TIMES = [
    ("The lease ends on 30 June next year.", "2016-03-10", "30 June next year", "2017-06-30"),
    ("The orchard was sold on 2 May last year.", "2016-03-10", "2 May last year", "2015-05-02"),
    ("The accord was sealed on 28/11/2014 in the capital.", "2016-03-10", "28/11/2014", "2014-11-28"),
    ("The accord was sealed on 11/28/2014 in the capital.", "2016-03-10", "11/28/2014", "2014-11-28"),
    ("The final kicks off at 8:15 tonight.", "2016-03-10", "8:15 tonight", "2016-03-10T20:15"),
    ("A siren sounded at about 23:40 near the dock.", "2016-03-10", "23:40", "2016-03-10T23:40"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), DAYS_AND_TIMES)
def test_days_and_times_read_whole(tag, text, published, expression, value):
    assert timex_values(tag(text, published)).get(expression) == value, timex_values(tag(text, published))
