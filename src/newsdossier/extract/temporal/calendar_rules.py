"""Calendar arithmetic for the tagger: month names, ISO weeks, seasons, weekdays, holidays."""

from __future__ import annotations

import datetime as dt

from newsdossier.extract.temporal.candidates import MONTH_ABBR, MONTHS
from newsdossier.text.parse import FUTURE, PRESENT


def month_num(name: str) -> int:
    """The month number of a month name or abbreviation ("Sept." -> 9)."""
    key = name.lower().rstrip(".")
    return MONTHS.index(key) + 1 if key in MONTHS else MONTH_ABBR[key]


def iso_week(d: dt.date) -> str:
    """The ISO week of a day, as TIMEX3 writes it (2021-W09)."""
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def season_of(d: dt.date) -> tuple[int, str]:
    """TIMEX3 season of a date; December belongs to the winter of the next year."""
    if d.month == 12:
        return d.year + 1, "WI"
    return d.year, ["WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA"][d.month - 1]


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month."""
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


# Holidays on a fixed day, on the n-th weekday of a month (-1: the last), and counted from Easter.
_FIXED_HOLIDAYS = {
    "veterans day": (11, 11),
    "remembrance day": (11, 11),
    "boxing day": (12, 26),
    "bastille day": (7, 14),
    "canada day": (7, 1),
    "st. patrick's day": (3, 17),
    "st patrick's day": (3, 17),
    "may day": (5, 1),
}
_WEEKDAY_HOLIDAYS = {
    "labor day": (9, 0, 1),
    "labour day": (9, 0, 1),
    "memorial day": (5, 0, -1),
    "martin luther king day": (1, 0, 3),
    "martin luther king jr. day": (1, 0, 3),
    "presidents' day": (2, 0, 3),
    "presidents day": (2, 0, 3),
    "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3),
}
_EASTER_SHIFTS = {"good friday": -2, "easter monday": 1}


def holiday_date(name: str, year: int) -> dt.date:
    """The date of a named holiday in a year."""
    name = name.lower()
    if name in _FIXED_HOLIDAYS:
        return dt.date(year, *_FIXED_HOLIDAYS[name])
    if name in _WEEKDAY_HOLIDAYS:
        month, weekday, n = _WEEKDAY_HOLIDAYS[name]
        if n < 0:  # the last one: a week before the first of the next month's
            return nth_weekday(year + month // 12, month % 12 + 1, weekday, 1) - dt.timedelta(days=7)
        return nth_weekday(year, month, weekday, n)
    if name in _EASTER_SHIFTS:
        return easter(year) + dt.timedelta(days=_EASTER_SHIFTS[name])
    if name.startswith("christmas eve"):
        return dt.date(year, 12, 24)
    if name.startswith("christmas"):
        return dt.date(year, 12, 25)
    if name == "new year's eve":
        return dt.date(year, 12, 31)
    if name == "new year's day":
        return dt.date(year, 1, 1)
    if name.startswith("thanksgiving"):
        return nth_weekday(year, 11, 3, 4)
    if name == "election day":
        return nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    if name == "halloween":
        return dt.date(year, 10, 31)
    if name == "valentine's day":
        return dt.date(year, 2, 14)
    return easter(year)


def weekday_date(published: dt.date, weekday: int, rel: str, tense: str) -> dt.date:
    """The weekday in the days around publication: the last one, or the next one for the future."""
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if rel in ("last", "past", "previous"):
        return published - dt.timedelta(days=back or 7)
    if rel in ("next", "coming", "following"):
        return published + dt.timedelta(days=ahead or 7)
    if back == 0:
        return published  # news says "Friday" on a Friday for that very day
    # "the vote takes place Thursday", "is meeting Friday": news puts a weekday in the present ahead
    if rel == "this" or tense in (FUTURE, PRESENT):
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)
