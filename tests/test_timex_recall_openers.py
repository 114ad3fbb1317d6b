"""A relative or edge word that opens a sentence is part of the expression: "Last November", "Late
Tuesday", "The end of March" (the month or weekday keeps its capital)."""

from __future__ import annotations

import pytest

PUBLISHED = "2016-05-25"  # a Wednesday

OPENERS = [
    ("Late Tuesday, the council voted to shut the pool.", "Late Tuesday", "2016-05-24", "END"),
    ("Last November, the tannery shut.", "Last November", "2015-11", ""),
    ("Next March, the ferry will stop.", "Next March", "2017-03", ""),
    ("Early Monday, a barn burned.", "Early Monday", "2016-05-23", "START"),
    ("The end of March saw rents rise.", "The end of March", "2016-03", "END"),
]


@pytest.mark.parametrize(("text", "expression", "value", "mod"), OPENERS)
def test_a_word_opening_the_sentence_belongs_to_the_expression(tag, text, expression, value, mod):
    assert [(t.text, t.value, t.mod) for t in tag(text, PUBLISHED)] == [(expression, value, mod)]


def test_a_capitalised_month_is_still_required(tag):
    assert tag("Last may be first, the coach said.", PUBLISHED) == []
