"""Normalisation of dates that name their day, month, year or time ("March 3", "2019", "18:00 UTC"),
and of vague references ("now", "recently")."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from newsdossier.extract.temporal.calendar_rules import iso_week, month_num, weekday_date
from newsdossier.extract.temporal.candidates import (
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    WEEKDAYS,
    Candidate,
    tokens_of,
)
from newsdossier.extract.temporal.tense import lead_tense, tense_of
from newsdossier.extract.temporal.values import Context, Value
from newsdossier.text.nlp import text_of
from newsdossier.text.parse import FUTURE, PAST
from newsdossier.timevalue import TimeValue

# A date named without a year is put in the future only when it is this close.
FUTURE_REACH_DAYS = 120


_REF_VALUES = {"the past": "PAST_REF", "recently": "PAST_REF", "lately": "PAST_REF"}


def norm_iso(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "2016-05-02"."""
    g = cand.match.groupdict()
    return _day_value(int(g["y"]), int(g["m"]), int(g["d"]), "explicit")


def norm_numeric(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "3/4/2019" read month first, as in US news; "31/12/2019" (no month 31) day first."""
    g = cand.match.groupdict()
    month, day = int(g["m"]), int(g["d"])
    if month > 12 >= day:
        month, day = day, month
    return _day_value(_full_year(g["y"], ctx), month, day, "explicit")


def _full_year(text: str, ctx: Context) -> int:
    """A year as written; two digits ("98", "'07") are taken in the century closest to publication."""
    year = int(text.lstrip("'’"))
    if year < 100:
        base = ctx.published.year if ctx.published else 2000
        year += (base // 100) * 100
        if year > base + 20:
            year -= 100
    return year


_FISCAL_SHIFT = {"next": 1, "coming": 1, "last": -1, "previous": -1}


def norm_fiscal(cand: Candidate, ctx: Context) -> Value | None:
    """Fiscal years: "fiscal 2007", "FY10", "the 2009 fiscal year" -> FY2009; "the current financial
    year" is the one named after the publication year (whose months it covers depends on who keeps it)."""
    g = cand.match.groupdict()
    mod = {"beginning": "START", "start": "START", "end": "END"}.get((g.get("vedge") or "").lower(), "")
    if g.get("y") or g.get("y4"):
        return Value(f"FY{_full_year(g.get('y') or g['y4'], ctx):04d}", "fiscal", "explicit", mod)
    if ctx.published is None:
        return None
    year = ctx.published.year + _FISCAL_SHIFT.get(g["rel"].lower(), 0)
    return Value(f"FY{year:04d}", "fiscal", "relative", mod)


def _day_value(year: int, month: int, day: int, basis: str) -> Value | None:
    """A day value, or None for an impossible date ("February 30")."""
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    return Value(d.isoformat(), "day", basis)


def norm_month_day(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "March 3", "3 March 2019", "Monday, Nov. 14"; no year: from publication."""
    g = cand.match.groupdict()
    month, day = month_num(g["month"]), int(g["d"])
    if not 1 <= day <= 31:
        return None
    if g.get("y"):
        value = _day_value(int(g["y"]), month, day, "explicit")
    elif ctx.published is None:
        if day > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]:
            return None
        return Value(f"XXXX-{month:02d}-{day:02d}", "day", "explicit")
    elif m := _YEAR_AFTER.match(text_of(ctx.doc), cand.end):
        value = _day_value(ctx.published.year + _YEAR_SHIFT[m["rel"].lower()], month, day, "relative")
    else:
        year = _story_year(ctx, cand, month, day) or _choose_year(
            ctx.published, month, day, lead_tense(ctx.doc, cand)
        )
        value = _day_value(year, month, day, "explicit")
    if value and "week of" in cand.match.group(0):
        d = dt.date.fromisoformat(value.value)
        return Value(iso_week(d), "week", value.basis)
    if value and g.get("part"):  # "the night of March 3"
        return Value(value.value + PARTS_OF_DAY[g["part"].lower()], "time", value.basis)
    return value


# "March 8 last year": the year the words after the day name, counted from publication.
_YEAR_AFTER = re.compile(r",?\s+(?P<rel>last|this|next)\s+year\b(?!['’])", re.I)
_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}


# How far after a date written with its year a day or month named without one may lie and still be
# read in that date's year ("opened on Jan. 5, 2019, and ended on Feb. 20").
STORY_REACH_DAYS = 183


def _story_year(ctx: Context, cand: Candidate, month: int, day: int) -> int | None:
    """The year of a day or month named without one, from a date just before it that wrote its year.

    "The trial opened on Jan. 5, 2019, and ended on Feb. 20", "The war began in March 2003. By May,
    ...": a story told from a dated past goes on in that past. The date must date a verb, be in the
    same sentence or the one before, and the day or month lie within half a year after it (into the next year:
    "Dec. 28, 2019 ... on Jan. 3"); a future verb counts from publication instead.
    """
    last = TimeValue.parse(ctx.anchor.value)
    if not ctx.anchor.written or last.first is None or not ctx.anchor_just_before(cand.start, cand.end):
        return None
    if not _dates_a_verb(ctx.doc, ctx.anchor.start, ctx.anchor.end):
        return None  # "sued over the March 4, 1987, blast": a past event named, not the story's time
    if tense_of(ctx.doc, cand) == FUTURE:
        return None
    for year in (last.first.year, last.first.year + 1):
        try:
            gap = (dt.date(year, month, day) - last.first).days
        except ValueError:
            return None
        if 0 <= gap <= STORY_REACH_DAYS:
            return year
    return None


def _dates_a_verb(doc: Doc, start: int, end: int) -> bool:
    """True when a date tells when a verb's event happened ("opened on Jan. 5, 2019", "began in March
    2003"), not when a noun's did ("the March 4, 1987, blast")."""
    span = tokens_of(doc, start, end)
    if span is None or (span.start > 0 and doc[span.start - 1].tag_ in ("DT", "PRP$", "POS")):
        return False  # "the June 2 vote", "its May 2019 report": the date is a noun's
    head = span.root.head
    if span.root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return head.pos_ in ("VERB", "AUX") and span.root.dep_ not in ("compound", "nmod", "amod")


def _choose_year(published: dt.date, month: int, day: int, tense: str) -> int:
    """The year that puts month-day nearest the publication date, in the direction the tense points."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return published.year
    if tense == PAST:
        past = [d for d in options if d <= published]
        # a past-tense verb with a date only days ahead is usually a schedule told in the past
        if past and (published - max(past)).days <= 300:
            return max(past).year
    if tense == FUTURE:
        future = [d for d in options if d >= published]
        if future and (min(future) - published).days <= 300:
            return min(future).year
    # no tense: the nearest, but news looks back more than ahead, so a date is only put in the
    # future when it is a few months away at most
    near = [d for d in options if (d - published).days <= FUTURE_REACH_DAYS]
    return min(near or options, key=lambda d: abs((d - published).days)).year


def norm_day_month(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "14 June": normalised as "June 14"."""
    return norm_month_day(cand, ctx)


def norm_month_year(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "March 2019"."""
    g = cand.match.groupdict()
    return Value(f"{int(g['y']):04d}-{month_num(g['month']):02d}", "month", "explicit")


def norm_month_rel_year(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "June this year", "March next year": the month in the year counted from
    publication."""
    g = cand.match.groupdict()
    if ctx.published is None:
        return None
    year = ctx.published.year + {"this": 0, "next": 1, "last": -1}[g["yrel"]]
    if g.get("d"):
        return _day_value(year, month_num(g["month"]), int(g["d"]), "relative")
    return Value(f"{year:04d}-{month_num(g['month']):02d}", "month", "relative")


_WEEK_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def norm_week_of_month(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "the final week of October": the ISO week whose Thursday is the month's first,
    n-th or last Thursday (a week belongs to the month that holds most of its days, as in ISO 8601)."""
    g = cand.match.groupdict()
    month = month_num(g["month"])
    if g.get("y"):
        year = int(g["y"])
    elif ctx.published is not None:
        year = _choose_month_year(ctx.published, month, tense_of(ctx.doc, cand))
    else:
        return None
    n = _WEEK_ORDINALS[g["ord"].lower()]
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    thursday = (
        last - dt.timedelta(days=(last.weekday() - 3) % 7)
        if n < 0
        else dt.date(year, month, 1)
        + dt.timedelta(days=(3 - dt.date(year, month, 1).weekday()) % 7 + 7 * (n - 1))
    )
    if thursday.month != month:
        return None  # no fifth week
    return Value(iso_week(thursday), "week", "explicit" if g.get("y") else "relative")


def norm_month(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "in January", "last November": the year from the publication date."""
    g = cand.match.groupdict()
    month = month_num(g["month"])
    if ctx.published is None:
        return Value(f"XXXX-{month:02d}", "month", "explicit")
    rel = (g.get("rel") or "").lower()
    if rel in ("last", "past"):
        year = ctx.published.year if month < ctx.published.month else ctx.published.year - 1
    elif rel in ("next", "coming"):
        year = ctx.published.year if month > ctx.published.month else ctx.published.year + 1
    elif rel == "this":
        year = ctx.published.year
    else:
        ahead = _AHEAD.search(text_of(ctx.doc), max(0, cand.start - 20), cand.start)
        year = _story_year(ctx, cand, month, 1) or _choose_month_year(
            ctx.published, month, FUTURE if ahead else tense_of(ctx.doc, cand)
        )
    return Value(f"{year:04d}-{month:02d}", "month", "relative" if rel else "explicit")


# Words that only look ahead to the month after them: "come April", "heading into December".
_AHEAD = re.compile(r"\b(?:come|(?:going|heading|head|go|goes|headed) into)\s+$", re.I)


def _choose_month_year(published: dt.date, month: int, tense: str) -> int:
    """The year of a month named without one: the nearest, unless the tense says which way."""
    if month == published.month:
        return published.year
    past_year = published.year if month < published.month else published.year - 1
    future_year = published.year if month > published.month else published.year + 1
    if tense == PAST:
        return past_year
    if tense == FUTURE:
        return future_year
    ahead = (month - published.month) % 12
    return future_year if ahead < 6 else past_year


def norm_year(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "1962"."""
    return Value(cand.match.group("y"), "year", "explicit")


def norm_decade(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "the 1990s" -> 199X, "the '90s" in the century of the publication date."""
    dec = cand.match.group("dec").lstrip("'’")
    if len(dec) == 2:  # "the '90s": the most recent such decade before the publication year
        base = ctx.published.year if ctx.published else None
        if base is None:
            return Value(f"XX{dec[0]}X", "decade", "explicit")
        century = base // 100 * 100
        year = century + int(dec)
        if year > base:
            year -= 100
        dec = str(year)
    return Value(dec[:3] + "X", "decade", "explicit")


def norm_century(cand: Candidate, ctx: Context) -> Value | None:
    """Centuries: "the 20th century" -> 19XX."""
    n = cand.match.group("n").lower()
    number = int(re.sub(r"\D", "", n)) if n[0].isdigit() else ORDINALS[n]
    if not 1 <= number <= 21:
        return None
    return Value(f"{number - 1:02d}XX", "century", "explicit")


def norm_time(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "11:20 a.m.", "8 a.m. PST Friday"; a bare time gets its day later."""
    g = cand.match.groupdict()
    hour, minute = int(g["h"]), int(g["min"] or 0)
    if not (1 <= hour <= 12 and minute < 60):
        return None
    pm = g["ampm"].lower().startswith("p")
    return _clock_value(hour % 12 + (12 if pm else 0), minute, cand, ctx)


def norm_clock(cand: Candidate, ctx: Context) -> Value | None:
    """24-hour clock times: "18:00 UTC", "0800 GMT", "12:00 UTC Monday", "at 14:30"."""
    g = cand.match.groupdict()
    hour, minute = (int(g["h"]), int(g["min"])) if g.get("h") else (int(g["h4"]), int(g["min4"]))
    return _clock_value(hour, minute, cand, ctx)


def _clock_value(hour: int, minute: int, cand: Candidate, ctx: Context) -> Value:
    """A time of day with the day it names (a weekday, "today"), UTC written Z; no day: filled in later."""
    g = cand.match.groupdict()
    day = "XXXX-XX-XX"
    if g.get("wday") and ctx.published is not None:
        day = weekday_date(
            ctx.published, WEEKDAYS.index(g["wday"].lower()), "", lead_tense(ctx.doc, cand)
        ).isoformat()
    elif g.get("deix") and ctx.published is not None:
        shift = {"yesterday": -1, "tomorrow": 1}.get(g["deix"].lower(), 0)
        day = (ctx.published + dt.timedelta(days=shift)).isoformat()
    if (g.get("deix") or "").lower() == "tonight" and hour < 12:
        hour += 12  # "7:30 tonight" is in the evening
    zone = "Z" if (g.get("tz") or g.get("tz4") or "") in ("UTC", "GMT") else ""
    return Value(f"{day}T{hour:02d}:{minute:02d}{zone}", "time", "explicit")


def norm_hour_part(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "6 in the morning", "3:15 in the afternoon": a clock time read by the part of day."""
    g = cand.match.groupdict()
    word = g["hw"].lower().partition(":")[0]
    hour = int(word) if word.isdigit() else NUMBER_WORDS[word]
    part = g["part"].lower()
    if part in ("afternoon", "evening") or (part == "night" and hour >= 6):
        hour = hour % 12 + 12
    else:
        hour %= 12
    return _clock_value(hour, int(g.get("min") or 0), cand, ctx)


def norm_noon(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "noon", "midnight"; a bare time gets its day later."""
    word = cand.match.group("noon").lower()
    if (
        word == "noon"
        and cand.start > 0
        and text_of(ctx.doc)[max(0, cand.start - 5) : cand.start].lower().strip() == "high"
    ):
        return None  # "high noon" is a figure of speech
    return Value("XXXX-XX-XXT" + ("24:00" if word == "midnight" else "12:00"), "time", "explicit")


def norm_ref(cand: Candidate, ctx: Context) -> Value | None:
    """Vague references: "now", "recently", "the years ahead" are never a date."""
    ref = cand.match.group("ref").lower()
    if ref in _REF_VALUES or ref.startswith(("in recent", "recent")):
        return Value(_REF_VALUES.get(ref, "PAST_REF"), "ref", "relative")
    if "future" in ref or "coming" in ref or "ahead" in ref or ref == "soon" or ref.endswith(("term", "run")):
        return Value("FUTURE_REF", "ref", "relative")
    return Value("PRESENT_REF", "ref", "relative")
