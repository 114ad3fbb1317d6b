"""False dates: holidays and centuries that begin a name ("Easter Bay", "21st Century Lumber"), a
greeting ("Happy Easter") or a delay ("a year later than planned") are no date; the same words telling
a time still are. Made-up sentences."""

from __future__ import annotations

import pytest
from helpers import tag_timexes


def texts(nlp, text: str, published: str = "2013-05-15") -> list[str]:
    """The expressions tagged in a text."""
    return [t.text for t in tag_timexes(nlp, text, published)]


# (sentence, the word that must not be tagged)
NAMES = [
    ("Walkers reached Easter Bay by noon.", "Easter"),
    ("Miners left the Christmas Creek Mine in a storm.", "Christmas"),
    ("The ferry to Thanksgiving Point sank.", "Thanksgiving"),
    ("A mill owned by 21st Century Lumber cut the beams.", "21st Century"),
    ("The 21st Century Fund gave the grant.", "21st Century"),
    ('"Happy Easter," he told the choir.', "Easter"),
    ('"Happy Thanksgiving to all of you," she wrote.', "Thanksgiving"),
]


@pytest.mark.parametrize(("text", "word"), NAMES)
def test_a_holiday_or_century_in_a_name_or_greeting_is_no_date(nlp, text, word):
    assert not any(word in t for t in texts(nlp, text)), texts(nlp, text)


# (sentence, expression that stays tagged): a weekday, a month or a time noun after the holiday
# and a century in lower case or at the start of a clause go on telling a time
TIMES = [
    ("The pool opens on Labor Day Weekend.", "Labor Day"),
    ("The choir sings again on Christmas Eve Friday.", "Christmas Eve"),
    ("The show aired on Christmas.", "Christmas"),
    ("Prices rose after Easter.", "Easter"),
    ("The Labor Day parade drew crowds.", "Labor Day"),
    ("Europe changed in the 20th century.", "20th century"),
    ("The 19th Century brought railways to the valley.", "19th Century"),
]


@pytest.mark.parametrize(("text", "expression"), TIMES)
def test_a_holiday_or_century_telling_a_time_stays_a_date(nlp, text, expression):
    assert expression in texts(nlp, text)


# (sentence, publication date, expressions tagged in order): "later than" and "earlier than" compare
# with a plan (a delay, no date); "two years later" on its own still counts from the last date
COMPARED = [
    ("Deliveries will start in 2015, two years later than planned.", "2013-05-15", ["2015"]),
    ("The line opened a month earlier than expected.", "2013-05-15", []),
    ("The plant opened in 2010. Two years later it closed.", "2013-05-15", ["2010", "Two years later"]),
]


@pytest.mark.parametrize(("text", "published", "expected"), COMPARED)
def test_later_than_planned_is_a_delay_not_a_date(nlp, text, published, expected):
    assert texts(nlp, text, published) == expected


# (sentence, expressions tagged in order): a four-digit number before a plural unit of time counts
# the units, and before "block of" gives an address; a year before other nouns stays a year
COUNTS_AND_BLOCKS = [
    ("He was jailed for 1500 days.", []),
    ("The city has 2000 years of history.", []),
    ("Police were called to the 1600 block of Elm Street.", []),
    ("A fire broke out in the 1900 block of Main Avenue on Monday.", ["Monday"]),
    ("The firm's 2012 results beat forecasts.", ["2012"]),
    ("The 2010 block grant was cut.", ["2010"]),
]


@pytest.mark.parametrize(("text", "expected"), COUNTS_AND_BLOCKS)
def test_a_count_of_days_or_a_street_block_is_no_year(nlp, text, expected):
    assert texts(nlp, text) == expected
