"""The temporal tagger: each kind of expression, in a made-up sentence, against a publication date."""

from __future__ import annotations

import pytest

from newsdossier.records import Timex


def _values(timexes: list[Timex]) -> dict[str, str]:
    return {t.text: t.value for t in timexes}


# (sentence, publication date, expression as tagged, TIMEX3 value, precision)
CASES = [
    # month-day without a year: the nearest plausible year, across a year boundary
    ("The talks ended on December 30 without a deal.", "2021-01-02", "December 30", "2020-12-30", "day"),
    ("The vote is set for January 4.", "2020-12-29", "January 4", "2021-01-04", "day"),
    ("The ministers met on March 3.", "2022-03-05", "March 3", "2022-03-03", "day"),
    ("The plant was closed on Aug. 7 after the leak.", "2019-09-10", "Aug. 7", "2019-08-07", "day"),
    ("Lawyers met on 14 June to agree a plan.", "2017-06-20", "14 June", "2017-06-14", "day"),
    # explicit full dates
    ("The treaty was signed on July 4, 1998, in Rome.", "2021-03-10", "July 4, 1998", "1998-07-04", "day"),
    ("Records from 2016-05-02 were released.", "2021-03-10", "2016-05-02", "2016-05-02", "day"),
    # weekdays around the publication date (Wednesday 2021-03-10)
    ("The minister resigned on Tuesday.", "2021-03-10", "Tuesday", "2021-03-09", "day"),
    ("The minister spoke on Friday about the budget.", "2021-03-10", "Friday", "2021-03-05", "day"),
    ("The committee will vote on Friday.", "2021-03-10", "Friday", "2021-03-12", "day"),
    ("The board meets next Monday.", "2021-03-10", "next Monday", "2021-03-15", "day"),
    ("The strike began last Thursday.", "2021-03-10", "last Thursday", "2021-03-04", "day"),
    ("Officials said Wednesday that the bridge was safe.", "2021-03-10", "Wednesday", "2021-03-10", "day"),
    ("Police were called on Monday night.", "2021-03-10", "Monday night", "2021-03-08TNI", "time"),
    ("Rescuers have until Saturday to finish.", "2021-03-10", "Saturday", "2021-03-13", "day"),
    ("The committee meets on Friday to decide.", "2021-03-10", "Friday", "2021-03-12", "day"),
    ("The envoy could arrive as soon as Monday.", "2021-03-10", "Monday", "2021-03-15", "day"),
    ("Until Monday, the police had not named a suspect.", "2021-03-10", "Monday", "2021-03-08", "day"),
    ("Police have searched for him since the Oct. 23 attack.", "1999-05-06", "Oct. 23", "1998-10-23", "day"),
    ("The ruling of Nov. 25 surprised the lawyers.", "2000-01-07", "Nov. 25", "1999-11-25", "day"),
    ("The deadline of Feb. 10 stands.", "2000-01-07", "Feb. 10", "2000-02-10", "day"),
    # yesterday / today / tomorrow
    ("The mayor resigned yesterday.", "2021-03-10", "yesterday", "2021-03-09", "day"),
    ("The court ruled today that the law stands.", "2021-03-10", "today", "2021-03-10", "day"),
    ("The results are due tomorrow.", "2021-03-10", "tomorrow", "2021-03-11", "day"),
    # last / this / next week, month, year
    ("Prices rose last week.", "2021-03-10", "last week", "2021-W09", "week"),
    ("The union will strike this week.", "2021-03-10", "this week", "2021-W10", "week"),
    ("Exports fell last month.", "2021-03-10", "last month", "2021-02", "month"),
    ("The mine reopens next month.", "2021-12-10", "next month", "2022-01", "month"),
    ("The party lost last year.", "2021-03-10", "last year", "2020", "year"),
    ("The party won the vote earlier this year.", "2021-03-10", "this year", "2021", "year"),
    ("The bank cut rates late last year.", "2021-03-10", "late last year", "2020", "year"),
    # ago / earlier
    ("A year ago, the plant employed 500 workers.", "2021-03-10", "A year ago", "2020", "year"),
    ("The ship sank two years ago.", "2021-03-10", "two years ago", "2019", "year"),
    ("The company was founded almost four years ago.", "1999-03-12", "almost four years ago", "1995", "year"),
    ("The fire started three days ago.", "2021-03-10", "three days ago", "2021-03-07", "day"),
    ("The ceasefire broke down six months ago.", "2021-03-10", "six months ago", "2020-09", "month"),
    # seasons
    ("The law was passed last fall.", "1999-04-10", "last fall", "1998-FA", "season"),
    ("The bridge will open next spring.", "2021-03-10", "next spring", "2022-SP", "season"),
    ("Elections are planned for the summer of 2023.", "2021-03-10", "summer of 2023", "2023-SU", "season"),
    # months and periods
    ("The factory closed in January.", "2021-03-10", "January", "2021-01", "month"),
    ("The trial will start in May.", "2021-03-10", "May", "2021-05", "month"),
    ("Fighting resumed in November.", "2021-03-10", "November", "2020-11", "month"),
    ("The river flooded in March 2019.", "2021-03-10", "March 2019", "2019-03", "month"),
    ("The fort was built in the 18th century.", "2021-03-10", "18th century", "17XX", "century"),
    ("Crime fell sharply in the 1990s.", "2021-03-10", "1990s", "199X", "decade"),
    ("The dam was finished in 1962.", "2021-03-10", "1962", "1962", "year"),
    # holidays
    ("The deal was reached on Christmas Eve.", "2021-01-05", "Christmas Eve", "2020-12-24", "day"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value", "precision"), CASES)
def test_expression_value(tag, text, published, expression, value, precision):
    found = {t.text: t for t in tag(text, published)}
    assert expression in found, f"{expression!r} not tagged in {text!r}: {list(found)}"
    assert found[expression].value == value
    assert found[expression].precision == precision


def test_offsets_point_into_the_text(tag):
    text = "\nThe rebels withdrew on Friday, Oct. 23, officials said."
    (t,) = tag(text, "1998-10-25")
    assert text[t.start : t.end] == t.text == "Friday, Oct. 23"
    assert t.value == "1998-10-23"


def test_span_leaves_out_preposition(tag):
    (t,) = tag("The minister resigned on Friday.", "2021-03-10")
    assert t.text == "Friday"


def test_anaphoric_days_count_from_the_last_date(tag):
    values = _values(tag("The strike began on May 3, 2019. Two days later the mines closed.", "2021-03-10"))
    assert values["Two days later"] == "2019-05-05"


def test_the_next_day_counts_from_the_last_date(tag):
    values = _values(tag("The ship docked on June 2, 2018. The crew left the next day.", "2021-03-10"))
    assert values["the next day"] == "2018-06-03"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            "Rebels took the town on May 3, 2019, and the next day the army withdrew.",
            "the next day",
            "2019-05-04",
        ),
        (
            "The ferry sank on June 2, 2018. The captain had been warned the day before.",
            "the day before",
            "2018-06-01",
        ),
    ],
)
def test_anaphoric_day_phrases(tag, text, expression, value):
    assert _values(tag(text, "2021-03-10"))[expression] == value


def test_day_before_an_event_is_not_counted_from_the_last_date(tag):
    values = _values(
        tag("The ferry sank on June 2, 2018. Crowds gathered the day before the vote.", "2021-03-10")
    )
    assert "the day before" not in values


def test_second_day_of_a_range(tag):
    values = _values(tag("The summit will be held on May 12 and 13.", "2021-03-10"))
    assert values == {"May 12": "2021-05-12", "13": "2021-05-13"}


NON_DATES = [
    "The war has lasted four years.",
    "Deliveries are always five to seven weeks late.",
    "The fund is worth $75 billion over ten years.",
    "The company hired 2000 workers and paid $1998 each.",
    "We may see more protests, and we will respond.",
    "Investors may march on the capital in protest.",
    "The fall of the government surprised everyone.",
    "Resolution 1973 was adopted by the council.",
]


@pytest.mark.parametrize("text", NON_DATES)
def test_non_dates_are_not_tagged(tag, text):
    assert [t.text for t in tag(text, "2021-03-10") if not t.value.endswith("_REF")] == []


VAGUE = [
    ("Prices could rise sharply in the coming decades.", "the coming decades", "FUTURE_REF"),
    ("The bakery recently changed its owner.", "recently", "PAST_REF"),
    ("Prices are now falling.", "now", "PRESENT_REF"),
    (
        "Today the plan has few friends among the people who backed it when the crisis began.",
        "Today",
        "PRESENT_REF",
    ),
    ("The crisis is a lesson for today's youth.", "today", "PRESENT_REF"),
]


@pytest.mark.parametrize(("text", "expression", "ref"), VAGUE)
def test_vague_references_carry_no_date(tag, text, expression, ref):
    found = {t.text: t.value for t in tag(text, "2021-03-10")}
    assert found.get(expression) == ref


def test_today_in_a_quote_with_a_past_reporting_verb_is_the_day(tag):
    values = _values(tag("“Today we face a hard choice,” the minister told lawmakers.", "2021-03-10"))
    assert values["Today"] == "2021-03-10"


def test_relative_weekday_needs_publication_date(tag):
    assert tag("The minister resigned on Tuesday.", None) == []


def test_missing_publication_date_leaves_year_unknown(tag):
    values = _values(
        tag("Talks opened on April 9 and will end in May 2025; the ministers met yesterday.", None)
    )
    assert values == {"April 9": "XXXX-04-09", "May 2025": "2025-05"}


def test_clock_time_takes_the_day_of_its_sentence(tag):
    values = _values(tag("The blast happened at 10:35 a.m. on Friday.", "1998-08-08"))
    assert values["10:35 a.m."] == "1998-08-07T10:35"
    assert values["Friday"] == "1998-08-07"


# --- Issue 16: one rule per class, each with its own sentences ------------------------------------

# (sentence, publication date, expression, value, mod)
VAGUE_MORE = [
    ("Rates will stay where they are for the time being.", "the time being", "PRESENT_REF"),
    ("In the long term, the reform should pay for itself.", "In the long term", "FUTURE_REF"),
    ("Costs may fall in the short term.", "in the short term", "FUTURE_REF"),
    ("The town has grown fast over recent years.", "recent years", "PAST_REF"),
    ("The mayor is currently abroad.", "currently", "PRESENT_REF"),
    ("Nobody can say what the future holds.", "the future", "FUTURE_REF"),
]


@pytest.mark.parametrize(("text", "expression", "ref"), VAGUE_MORE)
def test_more_vague_references(tag, text, expression, ref):
    found = {t.text: t for t in tag(text, "2021-03-10")}
    assert found[expression].value == ref
    assert found[expression].precision == "ref"


ANAPHORIC_DAYS = [
    # the story's day, from the sentence before
    ("Markets fell on Tuesday. The main index ended the day 2% lower.", "the day", "2021-03-09"),
    ("Shares slid on Tuesday. Bonds were steady on the day.", "the day", "2021-03-09"),
    ("Protesters gathered on March 3. Police made arrests that day.", "that day", "2021-03-03"),
    ("The ship sank on March 3. A second ship sank the same day.", "the same day", "2021-03-03"),
    ("The court met on Monday. The following day, the judge ruled.", "The following day", "2021-03-09"),
    (
        "Oil rose on Monday. It rose for a second consecutive day on news of cuts.",
        "a second consecutive day",
        "2021-03-08",
    ),
    ("Oil fell on Friday. Prices recovered late in the day.", "late in the day", "2021-03-05"),
    # no date before: the story's day is the publication day
    ("Stocks closed higher for a third straight day.", "a third straight day", "2021-03-10"),
    # "the next day ... the following day" walks on from day to day
    (
        "The summit opened on March 2. The next day, leaders met. The following day they left.",
        "The following day",
        "2021-03-04",
    ),
]


@pytest.mark.parametrize(("text", "expression", "value"), ANAPHORIC_DAYS)
def test_anaphoric_days_count_from_the_narrative_day(tag, text, expression, value):
    found = _values(tag(text, "2021-03-10"))
    assert found.get(expression) == value, found


@pytest.mark.parametrize(
    "text",
    [
        "The day before the vote, talks broke down.",  # counted from an event, not from the story's day
        "She remembers the day of the attack.",
        "The firm was founded in 2019. The index ended the day higher.",  # the story has left the day
    ],
)
def test_the_day_of_an_event_or_after_a_coarser_date_is_left_out(tag, text):
    assert [t.text for t in tag(text, "2021-03-10") if t.text.lower().endswith("day")] == []


PARTS_OF_PERIODS = [
    ("Profits fell in the first quarter of 2009.", "the first quarter of 2009", "2009-Q1", ""),
    ("Sales should rise in the second half of the year.", "the second half of the year", "2021-H2", ""),
    ("The plant opened in mid-2011.", "mid-2011", "2011", "MID"),
    ("Work began in early March.", "early March", "2021-03", "START"),
    ("The firm lost money late last year.", "late last year", "2020", "END"),
    ("The mine closed at the end of 2018.", "the end of 2018", "2018", "END"),
    ("The law takes effect at the beginning of next year.", "the beginning of next year", "2022", "START"),
    ("Growth slowed in the final quarter of 2019.", "the final quarter of 2019", "2019-Q4", ""),
    ("Revenue rose 4% in the fourth quarter.", "the fourth quarter", "2020-Q4", ""),
    ("Shipments will start in the third quarter.", "the third quarter", "2021-Q3", ""),
    ("The bank earned more in the last quarter.", "the last quarter", "2020-Q4", ""),
    ("Results for Q2 2020 were weak.", "Q2 2020", "2020-Q2", ""),
    ("Prices were high in the late 1990s.", "late 1990s", "199X", "END"),
    ("Debt will peak by end-2022.", "end-2022", "2022", "END"),
    ("Orders slowed at end-January.", "end-January", "2021-01", "END"),
]


@pytest.mark.parametrize(("text", "expression", "value", "mod"), PARTS_OF_PERIODS)
def test_parts_of_periods_carry_value_and_mod(tag, text, expression, value, mod):
    found = {t.text: t for t in tag(text, "2021-03-10")}
    assert expression in found, list(found)
    assert (found[expression].value, found[expression].mod) == (value, mod)


def test_start_before_a_year_without_a_hyphen_is_a_verb(tag):
    assert [(t.text, t.mod) for t in tag("Works start 2022 with a new road.", "2021-03-10")] == [("2022", "")]


def test_a_half_without_a_year_is_not_a_date(tag):
    # "the second half" of a match is as common as that of a year
    assert tag("The visitors scored twice in the second half.", "2021-03-10") == []


CLOCK_TIMES = [
    ("The rocket lifts off at 0800 UTC.", "0800 UTC", "2021-03-10T08:00Z"),
    ("The polls close at 12:00 UTC Monday.", "12:00 UTC Monday", "2021-03-15T12:00Z"),
    ("The strike begins at 3 p.m. local time.", "3 p.m. local time", "2021-03-10T15:00"),
    ("At 09:30 UTC today, the minister spoke.", "09:30 UTC today", "2021-03-10T09:30Z"),
    ("The quake struck on Sunday at 14:35 GMT.", "14:35 GMT", "2021-03-07T14:35Z"),
    ("The train left at 18:05 on Monday.", "18:05", "2021-03-08T18:05"),
]


@pytest.mark.parametrize(("text", "expression", "value"), CLOCK_TIMES)
def test_clock_times_with_zones_and_days(tag, text, expression, value):
    found = {t.text: t for t in tag(text, "2021-03-10")}
    assert expression in found, list(found)
    assert (found[expression].value, found[expression].precision) == (value, "time")


@pytest.mark.parametrize(
    "text",
    [
        "The team won 3:2 at home.",  # a score is no time
        "The index lost 1850 points.",
    ],
)
def test_clock_like_numbers_are_not_times(tag, text):
    assert [t for t in tag(text, "2021-03-10") if t.precision == "time"] == []


FALSE_YEARS = [
    "The Russell 2000 index fell 3%.",
    "Many offices still ran Windows 2000.",
    "Ministers signed up to Agenda 2030.",
    "Fans queued for the Galaxy 2021 launch party.",
]


@pytest.mark.parametrize("text", FALSE_YEARS)
def test_numbers_inside_names_are_not_years(tag, text):
    assert [t.text for t in tag(text, "2021-03-10")] == []


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("In 2019 the firm moved.", "2019"),
        ("Since 2015, prices have doubled.", "2015"),
        ("The Class of 2020 graduated online.", "2020"),
        ("Summer 2019 was hot.", "Summer 2019"),
        ("Fans flocked to the World Cup 2010 final.", "2010"),
        ("Brennow Mobile showed the phone at KTX 2007.", "2007"),
    ],
)
def test_years_after_date_words_and_openers_stay_years(tag, text, expression):
    assert expression in _values(tag(text, "2021-03-10"))


def test_the_weekend_points_by_tense(tag):
    past = _values(tag("The talks continued over the weekend.", "2021-03-10"))
    future = _values(tag("The talks will continue over the weekend.", "2021-03-10"))
    assert (past["the weekend"], future["the weekend"]) == ("2021-W09-WE", "2021-W10-WE")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Sales fell 9% in January from the same month a year ago.", "the same month a year ago", "2020-01"),
        (
            "Profit rose in the third quarter of 2020 from the same period a year earlier.",
            "the same period a year earlier",
            "2019-Q3",
        ),
        ("Traffic on March 1 was up on the same day last year.", "the same day last year", "2020-03-01"),
    ],
)
def test_the_same_period_a_year_back_counts_from_the_last_date(tag, text, expression, value):
    assert _values(tag(text, "2021-03-10")).get(expression) == value


def test_a_vague_reference_does_not_move_the_anchor(tag):
    values = _values(
        tag("The strike began on March 1. Talks are now stalled; two days later they resumed.", "2021-03-10")
    )
    assert values["two days later"] == "2021-03-03"
