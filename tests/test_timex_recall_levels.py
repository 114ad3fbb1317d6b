"""Four-digit numbers that are amounts in market news, not years: a level a price or an index moves to,
and a count of points or a currency; years next to those verbs stay years."""

from __future__ import annotations

import pytest
from helpers import timex_values

LEVELS = [
    "The Kestrel index fell 30 points to 1950 on the day.",
    "The Brava 40 closed at 1850, down 2%.",
    "The gauge rose above 2000 for the first time.",
    "The index shed 1999 points over the year.",
    "The stock traded at 2005 yen.",
]


@pytest.mark.parametrize("text", LEVELS)
def test_a_level_or_an_amount_is_no_year(tag, text):
    assert [t.text for t in tag(text, "2009-02-20") if t.text.isdigit()] == []


YEARS = [
    ("Prices fell to 2005 levels.", "2005"),
    ("The deficit rose to 2007's level.", "2007"),
    ("The launch was moved to 2011.", "2011"),
    ("The index closed at its highest level since 1998.", "1998"),
    ("Unemployment rose to 8.1% in 2008.", "2008"),
    ("The yard closed at the end of 2008.", "2008"),
]


@pytest.mark.parametrize(("text", "year"), YEARS)
def test_a_year_beside_a_verb_of_levels_stays_a_year(tag, text, year):
    assert year in timex_values(tag(text, "2009-02-20")).values()
