"""Recall of a bare month that something marks as a date ("come April", "heading into December",
"their crucial April poll"), with the names and modals that must stay untagged; made-up sentences."""

from __future__ import annotations

import pytest
from helpers import tag_timexes, timex_values


def found(nlp, text: str, published: str) -> dict[str, str]:
    """Expression -> value of a text tagged against a publication date."""
    return timex_values(tag_timexes(nlp, text, published))


# (sentence, publication date, month, value)
MONTHS = [
    ("The farmers held their crucial April poll in a barn.", "2013-08-15", "April", "2013-04"),
    ("Voters face a key March vote on the plan.", "2013-01-15", "March", "2013-03"),
    ("The ferry will sail again come September.", "2013-08-15", "September", "2013-09"),
    # "come" and "heading into" look ahead, even to a month more than half a year away
    ("The orchard is always bare come April.", "2019-05-10", "April", "2020-04"),
    ("The league looks open heading into December.", "2016-03-04", "December", "2016-12"),
    ("Talks ran well into March.", "2013-05-15", "March", "2013-03"),
]


@pytest.mark.parametrize(("text", "published", "month", "value"), MONTHS)
def test_a_month_marked_as_a_date_is_tagged(nlp, text, published, month, value):
    assert found(nlp, text, published).get(month) == value, found(nlp, text, published)


NOT_MONTHS = [
    "He phoned his old friend April Jones.",
    "The firm said it may cut jobs.",
    "Their new May campaign failed.",
]


@pytest.mark.parametrize("text", NOT_MONTHS)
def test_a_name_or_a_modal_is_no_month(nlp, text):
    assert found(nlp, text, "2013-05-15") == {}
