"""The TIMEX3 value type: every precision the tagger emits parses, sorts, goes on the axis, reads well."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from newsdossier.report import charts
from newsdossier.report import html as report
from newsdossier.timevalue import PRECISIONS, TimeValue

D = dt.date
# (value, precision, first day, last day, in words)
VALUES = [
    ("2024-02-26T08:00", "time", D(2024, 2, 26), D(2024, 2, 26), "26 Feb 2024, 08:00"),
    ("2009-12-15T18:00Z", "time", D(2009, 12, 15), D(2009, 12, 15), "15 Dec 2009, 18:00 UTC"),
    ("2024-02-26TMO", "time", D(2024, 2, 26), D(2024, 2, 26), "26 Feb 2024, morning"),
    ("2024-02-26", "day", D(2024, 2, 26), D(2024, 2, 26), "26 Feb 2024"),
    ("2021-W09-WE", "weekend", D(2021, 3, 6), D(2021, 3, 7), "the weekend of 6–7 Mar 2021"),
    ("2021-W09", "week", D(2021, 3, 1), D(2021, 3, 7), "week 9 of 2021"),
    ("2024-02", "month", D(2024, 2, 1), D(2024, 2, 29), "February 2024"),
    ("2024-WI", "season", D(2023, 12, 1), D(2024, 2, 29), "winter 2024"),
    ("2023-SU", "season", D(2023, 6, 1), D(2023, 8, 31), "summer 2023"),
    ("2020-Q4", "quarter", D(2020, 10, 1), D(2020, 12, 31), "Q4 2020"),
    ("2011-H2", "half", D(2011, 7, 1), D(2011, 12, 31), "second half of 2011"),
    ("2019", "year", D(2019, 1, 1), D(2019, 12, 31), "2019"),
    ("199X", "decade", D(1990, 1, 1), D(1999, 12, 31), "1990s"),
    ("18XX", "century", D(1800, 1, 1), D(1899, 12, 31), "1800s"),
    ("FY2007", "fiscal", None, None, "fiscal year 2007"),
    ("PAST_REF", "ref", None, None, "the past"),
    ("PRESENT_REF", "ref", None, None, "the present"),
    ("FUTURE_REF", "ref", None, None, "the future"),
    ("XXXX-02-26", "day", None, None, "26 Feb (year unknown)"),
    ("XXXX-XX-XXT12:00", "time", None, None, "XXXX-XX-XXT12:00"),
]


@pytest.mark.parametrize(("value", "precision", "first", "last", "words"), VALUES)
def test_every_precision_parses_and_reads_in_words(value, precision, first, last, words):
    v = TimeValue.parse(value)
    assert (v.precision, v.first, v.last) == (precision, first, last)
    assert v.human() == words
    assert report.human_date(value) == words


def test_the_cases_cover_every_precision():
    assert {p for _, p, *_ in VALUES} == set(PRECISIONS)


@pytest.mark.parametrize("value", ["2024-02-30", "2024-W54", "not a date", "", "2024-13"])
def test_impossible_or_foreign_values_are_shown_as_they_are(value):
    v = TimeValue.parse(value)
    assert (v.precision, v.placeable, v.human()) == ("", False, value)


@pytest.mark.parametrize(
    ("value", "mod", "words", "axis"),
    [
        ("2024-03", "START", "early March 2024", D(2024, 3, 1)),
        ("2011", "MID", "mid-2011", D(2011, 7, 2)),
        ("2023", "END", "late 2023", D(2023, 12, 31)),
        ("2009-Q1", "", "Q1 2009", D(2009, 1, 1)),
        ("2024-03-04", "APPROX", "about 4 Mar 2024", D(2024, 3, 4)),
        ("2020-H2", "BEFORE", "before second half of 2020", D(2020, 7, 1)),
    ],
)
def test_mod_in_words_and_on_the_axis(value, mod, words, axis):
    v = TimeValue.parse(value)
    assert (v.human(mod), v.axis_day(mod)) == (words, axis)


def test_sorting_puts_a_period_before_the_days_it_holds_and_unplaceable_values_last():
    values = ["2020-10-05", "PAST_REF", "2020-Q4", "2020", "2020-10", "XXXX-02-26", "2019-12-31"]
    ordered = [v.value for v in sorted(map(TimeValue.parse, values), key=TimeValue.sort_key)]
    assert ordered[:5] == ["2019-12-31", "2020", "2020-Q4", "2020-10", "2020-10-05"]
    assert set(ordered[5:]) == {"PAST_REF", "XXXX-02-26"}


def test_every_placeable_precision_is_drawn_on_the_timeline_chart():
    rows = pd.DataFrame(
        {
            "event_id": [f"E{i:03d}" for i in range(len(VALUES))],
            "date": [v for v, *_ in VALUES],
            "date_text": [v for v, *_ in VALUES],
            "event": [f"event {i}" for i in range(len(VALUES))],
            "start": list(range(len(VALUES))),
            "mod": [""] * len(VALUES),
            "ref": [v if v.endswith("_REF") else "" for v, *_ in VALUES],
        }
    )
    fig = charts.timeline_chart(rows)
    placeable = [v for v, _, first, *_ in VALUES if first is not None]
    drawn = list(fig.data[0].text)
    assert len(drawn) == len(placeable)
    assert {"Q4 2020", "the weekend of 6–7 Mar 2021", "second half of 2011"} <= set(drawn)
    refs = sum(v.endswith("_REF") for v, *_ in VALUES)
    assert fig.layout.title.text == (
        f"Timeline ({refs} vague references (now, recently …) and "
        f"{len(VALUES) - len(placeable) - refs} events without a placeable date left out)"
    )


@pytest.mark.parametrize(
    ("date", "ref", "mod", "shown"),
    [
        ("2024-03", "", "START", "early March 2024"),
        ("2020-Q4", "", "", "Q4 2020"),
        ("2021-W09-WE", "", "", "the weekend of 6–7 Mar 2021"),
        ("", "FUTURE_REF", "", "the future"),
    ],
)
def test_the_report_table_shows_the_date_in_words_with_its_value(date, ref, mod, shown):
    cell = report.timeline_date_html(date, ref, mod)
    assert f"<b>{shown}</b>" in cell
    assert (date or ref) in cell
