"""The tagger on weeks of a month, months of a named year and clock times told in a second zone,
each in made-up sentences against a publication date."""

from __future__ import annotations

import pytest

# (sentence, publication date, expression, ISO week): a week belongs to the month holding its Thursday
WEEKS_OF_MONTHS = [
    ("Orders picked up in the last week of March.", "2015-04-02", "the last week of March", "2015-W13"),
    ("The fair opens in the first week of May 2010.", "2010-01-20", "the first week of May 2010", "2010-W18"),
    (
        "Crews worked through the second week of January.",
        "2014-02-01",
        "the second week of January",
        "2014-W02",
    ),
    ("The vote is due in the final week of June.", "2016-05-03", "the final week of June", "2016-W26"),
    ("They met in the fourth week of February.", "2021-03-10", "the fourth week of February", "2021-W08"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), WEEKS_OF_MONTHS)
def test_a_week_of_a_month_is_an_iso_week(tag, text, published, expression, value):
    found = {t.text: t.value for t in tag(text, published)}
    assert found.get(expression) == value, found


# (sentence, publication date, expression, value, mod): one expression, the month of that year
MONTHS_OF_NAMED_YEARS = [
    (
        "The council passed its budget in early October this year.",
        "2017-11-21",
        "early October this year",
        "2017-10",
        "START",
    ),
    ("Two more ferries enter service in April next year.", "2017-11-21", "April next year", "2018-04", ""),
    ("Rents began to climb in May last year, she said.", "2017-11-21", "May last year", "2016-05", ""),
]


@pytest.mark.parametrize(("text", "published", "expression", "value", "mod"), MONTHS_OF_NAMED_YEARS)
def test_a_month_with_its_relative_year_is_one_expression(tag, text, published, expression, value, mod):
    found = {t.text: t for t in tag(text, published)}
    assert expression in found, list(found)
    assert (found[expression].value, found[expression].mod) == (value, mod)
    assert not any(t.text.endswith("year") and t.text != expression for t in found.values())


# (sentence, publication date, clock times kept): the bracketed one is the same moment in another zone
ZONE_CONVERSIONS = [
    ("The ship sank at 6:15 a.m. (1015 GMT) Sunday, the navy said.", "2017-05-22", ["6:15 a.m."]),
    ("Polls close at 8 p.m. (0100 UTC), officials said.", "2017-05-22", ["8 p.m."]),
    ("Trading opens at 9 a.m. and closes at 4 p.m.", "2017-05-22", ["9 a.m.", "4 p.m."]),
]


@pytest.mark.parametrize(("text", "published", "kept"), ZONE_CONVERSIONS)
def test_a_bracketed_clock_time_in_another_zone_is_not_a_second_time(tag, text, published, kept):
    assert [t.text for t in tag(text, published) if t.precision == "time"] == kept


# (sentence, expression, value): a bare two-digit decade needs "the" or a decade before it
DECADES = [
    ("The disco records of the '70s and '80s sold out.", "'70s", "197X"),
    ("Phones of the 70s and 80s had cords.", "70s", "197X"),
    ("Phones of the 70s and 80s had cords.", "80s", "198X"),
    ("The band was big in the 1960s.", "1960s", "196X"),
]


@pytest.mark.parametrize(("text", "expression", "value"), DECADES)
def test_decades_written_short(tag, text, expression, value):
    found = {t.text: t.value for t in tag(text, "2007-02-09")}
    assert found.get(expression) == value, found


@pytest.mark.parametrize("text", ["She is in her 70s and still runs.", "He sold 80s to collectors."])
def test_an_age_or_a_count_is_not_a_decade(tag, text):
    assert [t.text for t in tag(text, "2007-02-09") if t.precision == "decade"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Traders still fear another Black Monday.",
        "Shops open early on Cyber Monday.",
        "The church was full on Good Friday.",
    ],
)
def test_a_named_day_is_not_a_day_of_this_week(tag, text):
    # "Good Friday" is a holiday with a date of its own; the Friday of this week is never meant
    assert [t.text for t in tag(text, "2007-02-07") if t.text in ("Monday", "Friday")] == []


# (sentence, publication date, expression, value): the hour read by the part of the day after it
HOURS_OF_PARTS = [
    ("The fire broke out at 4 in the morning.", "2012-06-05", "4 in the morning", "2012-06-05T04:00"),
    ("Talks went on until 10 in the evening.", "2012-06-05", "10 in the evening", "2012-06-05T22:00"),
    ("The train left at three in the afternoon.", "2012-06-05", "three in the afternoon", "2012-06-05T15:00"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), HOURS_OF_PARTS)
def test_an_hour_in_a_part_of_the_day(tag, text, published, expression, value):
    found = {t.text: t.value for t in tag(text, published)}
    assert found.get(expression) == value, found


def test_the_same_hour_said_twice_in_brackets_is_kept(tag):
    text = "The convoy sets off at 5 in the morning (5 a.m. CDT Friday), a spokesman said."
    assert [t.text for t in tag(text, "2012-06-05") if t.precision == "time"] == [
        "5 in the morning",
        "5 a.m. CDT Friday",
    ]


BARE_SEASONS = [
    ("Winter brought heavy snow to the valley.", "2021-03-12", "Winter", "2021-WI"),
    ("Prices will ease as summer arrives.", "2021-03-12", "summer", "2021-SU"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), BARE_SEASONS)
def test_a_bare_season_as_the_subject_is_a_date(tag, text, published, expression, value):
    assert {t.text: t.value for t in tag(text, published)}.get(expression) == value


@pytest.mark.parametrize(
    "text", ["A hot spring feeds the pool.", "Spring water is sold here.", "Summer Smith spoke."]
)
def test_a_spring_of_water_or_a_name_is_not_a_season(tag, text):
    assert tag(text, "2021-03-12") == []


HOLY_WEEKS = [
    ("Pilgrims gathered as Holy Week began.", "2021-03-30", "Holy Week", "2021-W13"),
    ("Shops close during Easter week.", "2021-03-30", "Easter week", "2021-W13"),
    ("The church was full at Easter.", "2021-03-30", "Easter", "2020-04-12"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), HOLY_WEEKS)
def test_easter_week_is_the_iso_week_that_ends_on_easter_sunday(tag, text, published, expression, value):
    assert {t.text: t.value for t in tag(text, published)}.get(expression) == value


# (sentence, expression, value) told on 2021-03-10: a quarter, half or season named without a year takes
# the year of the date just before it, when its tense allows; else the one nearest publication
STORY_YEAR_PARTS = [
    ("Ferry fares rose 5% in 2019. In the fourth quarter, they fell.", "the fourth quarter", "2019-Q4"),
    (
        "Orvane lost $2 billion in 2019, including $1 billion in the fourth quarter.",
        "the fourth quarter",
        "2019-Q4",
    ),
    (
        "Orvane lost $3 billion in the year to June 30, 2019. In the third quarter, it recovered.",
        "the third quarter",
        "2019-Q3",
    ),
    ("Sales will rise in 2022. In the first quarter, they will fall.", "the first quarter", "2022-Q1"),
    ("In 2019, the mill was sold. In the spring, its owner resigned.", "spring", "2019-SP"),
    ("In 2019, the mill was sold. In the summer, its owner resigned.", "summer", "2019-SU"),
    # a day without its year, or a tense that contradicts the year, leaves publication to decide
    ("Orvane said on Tuesday that it lost money in the fourth quarter.", "the fourth quarter", "2020-Q4"),
    ("Sales rose this year. In the fourth quarter, they fell.", "the fourth quarter", "2020-Q4"),
    ("The plan was approved in 2019. It will be finished in the summer.", "summer", "2021-SU"),
    ("The club was founded in 1990. Its next match is in the summer.", "summer", "2021-SU"),
    # a year in a side clause or after "since" is background; one in the sentence before counts only for a
    # part that opens its own sentence
    ("Founded in 1990, the mill lost money in the fourth quarter.", "the fourth quarter", "2020-Q4"),
    (
        "The mill, which went public in 2004, lost money in the fourth quarter.",
        "the fourth quarter",
        "2020-Q4",
    ),
    (
        "The mill has grown every year since 2004. It lost money in the fourth quarter.",
        "the fourth quarter",
        "2020-Q4",
    ),
    (
        "The mill went public in 2004. It lost money in the fourth quarter, it said.",
        "the fourth quarter",
        "2020-Q4",
    ),
    ("Sales fell in 2019 and rose in the fourth quarter.", "the fourth quarter", "2019-Q4"),
]


@pytest.mark.parametrize(("text", "expression", "value"), STORY_YEAR_PARTS)
def test_a_part_of_a_year_without_one_takes_the_story_year(tag, text, expression, value):
    found = {t.text: t.value for t in tag(text, "2021-03-10")}
    assert found.get(expression) == value, found
