"""Values of time expressions whose span is found: day anaphors against the story's date, the tense a
participle borrows, the year named around a part of a year or a day (all sentences made up)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdossier.extract.temporal import find_timexes
from newsdossier.records import Timex

PUBLISHED = "2021-03-10"  # a Wednesday


@pytest.fixture(scope="module")
def tag(nlp):
    """Tag a text against the publication date and return its timexes by text."""

    def run(text: str) -> dict[str, Timex]:
        return {t.text: t for t in find_timexes(nlp(text), published=dt.date.fromisoformat(PUBLISHED))}

    return run


# "that day" / "the same day" after a day named only in a reported clause: that day, not publication
NAMED_DAY = [
    (
        "Officials said the ballot would take place on May 3. That day, schools will close.",
        "That day",
        "2021-05-03",
    ),
    (
        "The mayor warned that the bridge would shut on June 14. On the same day, buses will stop.",
        "the same day",
        "2021-06-14",
    ),
    (
        "Engineers said the pumps had failed on March 2. Later that day, the river rose.",
        "Later that day",
        "2021-03-02",
    ),
]


@pytest.mark.parametrize(("text", "expression", "value"), NAMED_DAY)
def test_that_day_points_back_to_the_day_just_named(tag, text, expression, value):
    found = tag(text)
    assert found[expression].value == value, found


def test_that_day_keeps_the_story_day_given_just_before(tag):
    found = tag("On Monday, the council said the vote would be on May 3. That same day, crowds gathered.")
    assert found["That same day"].value == "2021-03-08"


# a day anaphor when the story is at a month or a year: the day in it is unknown
COARSE_STORY = [
    (
        "The strike began last October. Workers walked out that same day.",
        "that same day",
        "2020-10-XX",
        "month",
    ),
    ("The mill shut in July 2018. The next day, the town protested.", "The next day", "2018-07-XX", "month"),
    ("In 2016, the union split. That same day, its leader resigned.", "That same day", "2016-XX-XX", "year"),
    (
        "Prices peaked in May 2019. The next evening, traders celebrated.",
        "The next evening",
        "2019-05-XXTEV",
        "month",
    ),
]


@pytest.mark.parametrize(("text", "expression", "value", "precision"), COARSE_STORY)
def test_a_day_anaphor_in_a_month_or_a_year_has_an_unknown_day(tag, text, expression, value, precision):
    found = tag(text)
    assert (found[expression].value, found[expression].precision) == (value, precision), found


@pytest.mark.parametrize(
    "text",
    [
        "Sales slumped in April 2019. The day was a loss for all.",
        "The firm was set up in 1990. Its shares rose by the close of the day.",
        "Fees rose in May 2014. Two banks raised them on the same day.",
    ],
)
def test_a_day_that_does_not_point_back_stays_out_after_a_month(tag, text):
    assert [t for t in tag(text) if "day" in t] == []


# a participle used as a preposition ("starting Monday") takes the tense of the clause it opens
PARTICIPLES = [
    ("Starting Monday, the road will be closed.", "Monday", "2021-03-15"),
    ("Beginning Friday, shops will shut at noon.", "Friday", "2021-03-12"),
    ("Starting Tuesday, the ferry ran twice a day.", "Tuesday", "2021-03-09"),
]


@pytest.mark.parametrize(("text", "expression", "value"), PARTICIPLES)
def test_a_participle_preposition_takes_the_tense_of_its_clause(tag, text, expression, value):
    assert tag(text)[expression].value == value


# the year of a part of a year named before it, in the possessive
YEARS_PARTS = [
    ("Sales rose in last year's second quarter.", "second quarter", "2020-Q2"),
    ("Margins shrank in next year's first quarter, the bank said.", "first quarter", "2022-Q1"),
    ("The deficit appeared in 2017's third quarter.", "third quarter", "2017-Q3"),
    ("Costs fell in this year's final quarter.", "final quarter", "2021-Q4"),
]


@pytest.mark.parametrize(("text", "expression", "value"), YEARS_PARTS)
def test_a_part_of_a_year_takes_the_year_named_before_it(tag, text, expression, value):
    assert tag(text)[expression].value == value


# a day named without a year, followed by "last year" / "next year"
DAY_THEN_YEAR = [
    ("Prices rose on March 8 last year.", "March 8", "2020-03-08"),
    ("The plant will open on May 2 next year.", "May 2", "2022-05-02"),
    ("The shop opened on Nov. 20, last year, after delays.", "Nov. 20", "2020-11-20"),
    ("The fair returns on June 4 this year.", "June 4", "2021-06-04"),
]


@pytest.mark.parametrize(("text", "expression", "value"), DAY_THEN_YEAR)
def test_a_day_takes_the_year_named_after_it(tag, text, expression, value):
    assert tag(text)[expression].value == value


def test_a_possessive_year_after_a_day_is_not_its_year(tag):
    assert tag("Prices rose on March 8, last year's peak.")["March 8"].value == "2021-03-08"


# a quarter that dates results is over, even when the results are still to come; one of a forecast is ahead
RESULTS_PERIODS = [
    ("Results for the fourth quarter will be released on Feb. 2.", "the fourth quarter", "2020-Q4"),
    ("The firm will report fourth-quarter earnings on Monday.", "fourth-quarter", "2020-Q4"),
    ("The lender is due to book a deficit for the fourth quarter.", "the fourth quarter", "2020-Q4"),
    ("Sales will rise in the fourth quarter, the chain said.", "the fourth quarter", "2021-Q4"),
    # a forecast looks ahead, even when it was made in the past
    ("The group forecast fourth-quarter earnings of $3 a share.", "fourth-quarter", "2021-Q4"),
    ("Analysts predicted a loss in the fourth quarter.", "the fourth quarter", "2021-Q4"),
]


@pytest.mark.parametrize(("text", "expression", "value"), RESULTS_PERIODS)
def test_a_quarter_of_results_is_past_and_one_of_a_forecast_ahead(nlp, text, expression, value):
    found = {t.text: t.value for t in find_timexes(nlp(text), published=dt.date(2021, 1, 20))}
    assert found[expression] == value, found


# "n units later/earlier" after a month or a year: counted from that month or year
COUNTED_FROM_A_PERIOD = [
    ("The bridge opened in 2009. Three years later it was closed.", "Three years later", "2012"),
    ("The fund lost money in June 2020. Two months later it recovered.", "Two months later", "2020-08"),
    ("The mill was sold in 2004. A decade earlier, it had burned.", "A decade earlier", "1994"),
]


@pytest.mark.parametrize(("text", "expression", "value"), COUNTED_FROM_A_PERIOD)
def test_units_later_count_from_the_last_month_or_year(tag, text, expression, value):
    assert tag(text)[expression].value == value


def test_days_later_after_a_year_stay_out(tag):
    assert "Five days later" not in tag("The bridge opened in 2009. Five days later it was closed.")


# a weekday in the possessive under a present-tense verb: the event is past, unless "ahead of" it
POSSESSIVE_WEEKDAYS = [
    ("The result of Wednesday's council ballot lets the mayor govern alone.", "Wednesday", "2021-03-10"),
    ("Monday's ruling allows the family to appeal.", "Monday", "2021-03-08"),
    ("Bakers stock up ahead of Monday's street fair.", "Monday", "2021-03-15"),
    ("Sunday's race will decide the title.", "Sunday", "2021-03-14"),
]


@pytest.mark.parametrize(("text", "expression", "value"), POSSESSIVE_WEEKDAYS)
def test_a_possessive_weekday_in_the_present_is_past(nlp, text, expression, value):
    found = {t.text: t.value for t in find_timexes(nlp(text), published=dt.date(2021, 3, 12))}  # a Friday
    assert found[expression] == value, found


# a day or month without a year, just after a date that wrote its year: the story goes on in that year
STORY_YEAR = [
    ("The hearing opened on Jan. 5, 2019, and closed on Feb. 20.", "Feb. 20", "2019-02-20"),
    ("The dam burst on June 2, 2018. On June 5, divers found the car.", "June 5", "2018-06-05"),
    ("The siege began in March 2003. By May, the town had fallen.", "May", "2003-05"),
    ("The count began on Dec. 28, 2019, and ended on Jan. 3.", "Jan. 3", "2020-01-03"),
]


@pytest.mark.parametrize(("text", "expression", "value"), STORY_YEAR)
def test_a_day_without_a_year_goes_on_in_the_story_year(tag, text, expression, value):
    assert tag(text)[expression].value == value


STORY_YEAR_LEFT = [
    # a bare year says no month to go on from
    ("The choir was formed in 1998. In June, it chose a conductor.", "June", "2020-06"),
    # before the dated month in its year: not a sequel to it
    ("The choir was formed in June 1998. On March 2, it chose a conductor.", "March 2", "2021-03-02"),
    # two sentences away: the story may have come back to the present
    (
        "The dam burst on June 2, 2018. The town was rebuilt. On June 5, a new dam opened.",
        "June 5",
        "2020-06-05",
    ),
]


@pytest.mark.parametrize(("text", "expression", "value"), STORY_YEAR_LEFT)
def test_a_day_without_a_year_otherwise_counts_from_publication(tag, text, expression, value):
    assert tag(text)[expression].value == value


def test_a_date_naming_a_past_event_does_not_set_the_story_year(nlp):
    text = (
        "Two clerks were accused over the March 4, 1987, blast at a depot. They agreed in April to testify."
    )
    found = {t.text: t.value for t in find_timexes(nlp(text), published=dt.date(1999, 6, 7))}
    assert found["April"] == "1999-04", found


def test_the_last_part_of_a_compound_count_is_not_dated(tag):
    found = tag("The forms were filed in March 2017. A year and four months later, the permit came.")
    assert "four months later" not in found, found


def test_units_later_do_not_count_from_a_year_sentences_back(tag):
    text = "Profits fell from a year ago. The board met. Staff were told. Sales rose 8% from a year earlier."
    assert "a year earlier" not in tag(text)


# a sentence in the past after one dated ahead of publication goes back to the story's day
AFTER_A_PLAN = [
    (
        "The council met on Monday. A ballot should follow on Friday. Late in the day, the mayor resigned.",
        "Late in the day",
        "2021-03-08",
    ),
    (
        "Divers reached the wreck on Sunday. Salvage should begin on Friday. The next day, the storm returned.",
        "The next day",
        "2021-03-08",
    ),
    # a day anaphor in the future after the plan counts from the plan
    (
        "Divers reached the wreck on Sunday. Salvage will begin on Friday. The next day, the hull will be lifted.",
        "The next day",
        "2021-03-13",
    ),
]


@pytest.mark.parametrize(("text", "expression", "value"), AFTER_A_PLAN)
def test_a_past_sentence_after_a_plan_narrates_the_story_day(tag, text, expression, value):
    found = tag(text)
    assert found[expression].value == value, found


# "the following Tuesday", "the previous Monday", "the next Friday", "that Sunday": from the story's day
STORY_WEEKDAYS = [
    (
        "The mill flooded on May 3, 2019. The following Tuesday, the army arrived.",
        "following Tuesday",
        "2019-05-07",
    ),
    ("The mill flooded on May 3, 2019. The next Tuesday, the army arrived.", "next Tuesday", "2019-05-07"),
    (
        "The mill flooded on May 3, 2019. The previous Monday, guards had seen cracks.",
        "previous Monday",
        "2019-04-29",
    ),
    ("The ballot was held on Nov. 3, 2020. That Friday, the count ended.", "Friday", "2020-11-06"),
    ("The ballot was held on Nov. 6, 2020. That Friday, the count ended.", "Friday", "2020-11-06"),
    # "that" opening a clause and "next" without "the" count from publication
    ("The mill flooded on May 3, 2019. Lia Varn said that Monday was the deadline.", "Monday", "2021-03-08"),
    ("Rain fell on March 1. Lia Varn said next Tuesday the roads reopen.", "next Tuesday", "2021-03-16"),
]


@pytest.mark.parametrize(("text", "expression", "value"), STORY_WEEKDAYS)
def test_an_anaphoric_weekday_counts_from_the_story_day(tag, text, expression, value):
    assert tag(text)[expression].value == value


def test_an_anaphoric_weekday_after_a_month_stays_out(tag):
    assert "following Monday" not in tag(
        "The talks began in June 2020. The following Monday, both sides left."
    )
