"""One TIMEX3 value type: parse a value, compare and sort it, place it on a date axis, say it in words.

The tagger, the timeline, the report and the charts all read TIMEX3 values (2024-02-26, 2024-W09-WE,
2020-Q4, 2011-H2, 2023-SP, 199X, 18XX, 2024-02-26T08:00, FY2024, PAST_REF ...) through
`TimeValue.parse`, so a precision is added in one place. A value whose year is unknown (XXXX-02-26),
a fiscal year (whose months depend on who keeps it) or no date at all (PAST_REF) parses, but has no
days: it cannot be placed on an axis.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# The precisions a value can have, finest first.
PRECISIONS = (
    "time",
    "day",
    "weekend",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "fiscal",
    "decade",
    "century",
    "ref",
)
# TIMEX3 season codes: (year shift, first month, last month); winter 2024 runs Dec 2023 - Feb 2024.
SEASONS = {"WI": (-1, 12, 2), "SP": (0, 3, 5), "SU": (0, 6, 8), "FA": (0, 9, 11)}
SEASON_WORDS = {"WI": "winter", "SP": "spring", "SU": "summer", "FA": "autumn"}
PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
REF_WORDS = {"PAST_REF": "the past", "PRESENT_REF": "the present", "FUTURE_REF": "the future"}
# TIMEX3 mod values in words, put before the date ("early March 2024").
MOD_WORDS = {
    "START": "early",
    "MID": "mid-",
    "END": "late",
    "APPROX": "about",
    "BEFORE": "before",
    "AFTER": "after",
    "ON_OR_BEFORE": "by",
    "ON_OR_AFTER": "from",
    "LESS_THAN": "less than",
    "MORE_THAN": "more than",
    "EQUAL_OR_LESS": "at most",
    "EQUAL_OR_MORE": "at least",
}
MODS = tuple(MOD_WORDS)
_ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth"}

_VALUE = re.compile(
    r"(?P<y>\d{4}|XXXX)(?:-(?:(?P<m>\d{2}|XX)(?:-(?P<d>\d{2}|XX))?"
    r"|W(?P<w>\d{2})(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>WI|SP|SU|FA)))?"
    r"(?:T(?:(?P<hh>\d{2}):(?P<mm>\d{2})(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?|(?P<part>MO|AF|EV|NI|DT)))?"
)
_FISCAL = re.compile(r"FY(?P<fy>\d{4})")
_DECADE = re.compile(r"(?P<dec>\d{3})X")
_CENTURY = re.compile(r"(?P<cent>\d{2})XX")


@dataclass(frozen=True)
class TimeValue:
    """A parsed TIMEX3 value: the text as written, its precision and the days it covers."""

    value: str
    precision: str  # one of PRECISIONS, or "" when the value is not a TIMEX3 value
    first: dt.date | None = None  # the first day covered (None: not placeable)
    last: dt.date | None = None  # the last day covered
    clock: str = ""  # HH:MM or a part of day (MO, AF ...) for a time value
    month: int | None = None  # a month known without its year (XXXX-02-26)
    day_of_month: int | None = None

    @classmethod
    def parse(cls, value: object) -> TimeValue:
        """Read a TIMEX3 value; anything else gives a TimeValue with an empty precision."""
        text = "" if value is None else str(value).strip()
        if text in REF_WORDS:
            return cls(text, "ref")
        if _FISCAL.fullmatch(text):  # a company's or a state's year: its months are not known here
            return cls(text, "fiscal")
        if m := _CENTURY.fullmatch(text):
            start = int(m["cent"]) * 100
            return cls(text, "century", dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31))
        if m := _DECADE.fullmatch(text):
            start = int(m["dec"]) * 10
            return cls(text, "decade", dt.date(max(start, 1), 1, 1), dt.date(start + 9, 12, 31))
        m = _VALUE.fullmatch(text)
        if not m:
            return cls(text, "")
        try:
            return cls._from_match(text, m)
        except ValueError:  # 2024-02-30, week 54: a value no calendar has
            return cls(text, "")

    @classmethod
    def _from_match(cls, text: str, m: re.Match) -> TimeValue:
        """The value of a matched date-like TIMEX3 string."""
        clock = m["part"] or (f"{m['hh']}:{m['mm']}" + _zone_words(m["zone"]) if m["hh"] else "")
        if m["hh"] and not (int(m["hh"]) <= 24 and int(m["mm"]) < 60):
            raise ValueError(text)
        if m["y"] == "XXXX":  # the year is unknown: keep the month and day for words, no axis place
            month = int(m["m"]) if m["m"] and m["m"] != "XX" else None
            day = int(m["d"]) if m["d"] and m["d"] != "XX" else None
            if month is not None:
                dt.date(2000, month, day or 1)  # raises for XXXX-02-30
            precision = "time" if clock else "day" if day else "month" if month else "year"
            return cls(text, precision, clock=clock, month=month, day_of_month=day)
        year = int(m["y"])
        if m["w"]:
            monday = dt.date.fromisocalendar(year, int(m["w"]), 1)
            if m["we"]:
                return cls(text, "weekend", monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
            return cls(text, "week", monday, monday + dt.timedelta(days=6))
        if m["q"]:
            q = int(m["q"])
            return cls(text, "quarter", dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q))
        if m["h"]:
            h = int(m["h"])
            return cls(text, "half", dt.date(year, 6 * h - 5, 1), _month_end(year, 6 * h))
        if m["s"]:
            shift, first_month, last_month = SEASONS[m["s"]]
            return cls(text, "season", dt.date(year + shift, first_month, 1), _month_end(year, last_month))
        if m["m"] and m["m"] != "XX":
            month = int(m["m"])
            if m["d"] and m["d"] != "XX":
                day = dt.date(year, month, int(m["d"]))
                return cls(text, "time" if clock else "day", day, day, clock, month, day.day)
            return cls(text, "month", dt.date(year, month, 1), _month_end(year, month), month=month)
        return cls(text, "year", dt.date(year, 1, 1), dt.date(year, 12, 31))

    @property
    def placeable(self) -> bool:
        """True when the value covers known days (it can go on a date axis)."""
        return self.first is not None

    @property
    def is_ref(self) -> bool:
        """True for the vague references PAST_REF, PRESENT_REF, FUTURE_REF."""
        return self.precision == "ref"

    @property
    def day(self) -> dt.date | None:
        """The day of a day- or time-precise value with a known year, else None."""
        return self.first if self.precision in ("day", "time") else None

    @property
    def day_precise(self) -> bool:
        """True for a day (or a time of a day), its year known or not (2024-02-26, XXXX-02-26)."""
        return self.precision in ("day", "time") and self.day_of_month is not None

    def sort_key(self) -> tuple:
        """Order by the first day covered, a wider period before the narrower ones it holds."""
        if self.first is None:
            return (1, dt.date.max, 0, self.value)
        return (0, self.first, -(self.last - self.first).days, self.clock, self.value)

    def axis_day(self, mod: str = "") -> dt.date | None:
        """Where the value goes on a date axis: its first day, its middle for MID, its last for END."""
        if self.first is None or self.last is None:
            return None
        if mod == "MID":
            return self.first + (self.last - self.first) / 2
        if mod in ("END", "ON_OR_BEFORE"):
            return self.last
        return self.first

    def human(self, mod: str = "") -> str:
        """The value for a reader: 26 Feb 2024, Q4 2020, second half of 2011; with mod, early March 2024."""
        words = self._words()
        if mod == "MID" and self.precision not in ("time", "ref", ""):
            return f"mid-{words}"
        if mod in MOD_WORDS and self.precision != "":
            return f"{MOD_WORDS[mod]} {words}"
        return words

    def _words(self) -> str:
        """The value in words, without a mod."""
        p, first = self.precision, self.first
        if p == "ref":
            return REF_WORDS[self.value]
        if p == "fiscal":
            return f"fiscal year {self.value[2:]}"
        if p == "":
            return self.value
        if first is None:  # the year is unknown
            if self.month is None:
                return self.value
            month = dt.date(2000, self.month, 1).strftime("%b")
            when = f"{self.day_of_month} {month}" if self.day_of_month else month
            return f"{when} (year unknown)" + (f", {self._clock_words()}" if self.clock else "")
        if p == "time":
            return f"{first.day} {first:%b %Y}, {self._clock_words()}"
        if p == "day":
            return f"{first.day} {first:%b %Y}"
        if p == "weekend":
            return f"the weekend of {first.day}–{self.last.day} {self.last:%b %Y}"
        if p == "week":
            return f"week {first.isocalendar()[1]} of {first.isocalendar()[0]}"
        if p == "month":
            return f"{first:%B %Y}"
        if p == "quarter":
            return f"Q{(first.month - 1) // 3 + 1} {first.year}"
        if p == "half":
            return f"{_ORDINAL_WORDS[(first.month - 1) // 6 + 1]} half of {first.year}"
        if p == "season":
            return f"{SEASON_WORDS[self.value[-2:]]} {self.value[:4]}"
        if p == "decade":
            return f"{self.value[:3]}0s"
        if p == "century":
            return f"{self.value[:2]}00s"
        return f"{first.year}"

    def _clock_words(self) -> str:
        """The time of day: 08:00, or morning for a part of day."""
        return PARTS_OF_DAY.get(self.clock, self.clock)


def _zone_words(zone: str | None) -> str:
    """A TIMEX3 zone suffix for a reader: Z -> " UTC", +08:00 -> " UTC+08:00"."""
    if not zone:
        return ""
    return " UTC" if zone == "Z" else f" UTC{zone}"


def _month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)
