"""Normalisation: the TIMEX3 value of each candidate, against the publication date or the anchor."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from newsdossier.extract.temporal.candidates import (
    MONTH_ABBR,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAYS,
    Candidate,
    tokens_of,
)
from newsdossier.extract.temporal.tense import lead_tense, tense_of
from newsdossier.text.nlp import text_of
from newsdossier.text.parse import FUTURE, PAST, PRESENT, UNKNOWN, governing_verb

# A date named without a year is put in the future only when it is this close.
FUTURE_REACH_DAYS = 120
_REF_VALUES = {"the past": "PAST_REF", "recently": "PAST_REF", "lately": "PAST_REF"}


@dataclass(frozen=True)
class Anchor:
    """What anaphoric expressions count from: the last day and the last year the text gave."""

    day: dt.date | None = None
    year: int | None = None


@dataclass(frozen=True)
class Context:
    """What a candidate is normalised against: its parsed text, the publication date, the anchor."""

    doc: Doc
    published: dt.date | None
    anchor: Anchor


@dataclass(frozen=True)
class Value:
    """A normalised value with its precision and how it was reached."""

    value: str
    precision: str
    basis: str
    mod: str = ""  # TIMEX3 mod: START ("early March"), MID, END, APPROX ...
    narrative: int | None = None  # for "the next day": days after the sentence's narrative day


# --- Normalisation ---------------------------------------------------------------------------


def normalise(cand: Candidate, ctx: Context) -> Value | None:
    """The TIMEX3 value of one candidate, or None when it cannot be resolved without inventing."""
    value = _HANDLERS[cand.kind](cand, ctx)
    if value is None or value.mod or value.precision == "ref":
        return value
    g = cand.match.groupdict()
    mod = _EDGE_MODS.get((g.get("edge") or g.get("dedge") or g.get("dpart") or "").lower(), "")
    if not mod and (g.get("approx") or "").lower() in _APPROX_WORDS:
        mod = "APPROX"
    return dataclasses.replace(value, mod=mod) if mod else value


# TIMEX3 mods of the words that pick a part of a period ("earlier"/"later" only point: no mod).
_EDGE_MODS = {
    "early": "START",
    "the beginning of": "START",
    "the start of": "START",
    "start": "START",
    "mid": "MID",
    "the middle of": "MID",
    "late": "END",
    "the end of": "END",
    "end": "END",
    "close": "END",
}
_APPROX_WORDS = {"almost", "nearly", "about", "around", "some", "roughly"}


def _month_num(name: str) -> int:
    """The month number of a month name or abbreviation ("Sept." -> 9)."""
    key = name.lower().rstrip(".")
    return MONTHS.index(key) + 1 if key in MONTHS else MONTH_ABBR[key]


def _norm_iso(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "2016-05-02"."""
    g = cand.match.groupdict()
    return _day_value(int(g["y"]), int(g["m"]), int(g["d"]), "explicit")


def _norm_numeric(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "3/4/2019" read month first, as in US news."""
    g = cand.match.groupdict()
    year = int(g["y"])
    if year < 100:  # "3/4/98": two-digit years are taken in the century closest to the publication date
        base = ctx.published.year if ctx.published else 2000
        year += (base // 100) * 100
        if year > base + 20:
            year -= 100
    return _day_value(year, int(g["m"]), int(g["d"]), "explicit")


def _day_value(year: int, month: int, day: int, basis: str) -> Value | None:
    """A day value, or None for an impossible date ("February 30")."""
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    return Value(d.isoformat(), "day", basis)


def _norm_month_day(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "March 3", "3 March 2019", "Friday, Oct. 23"; no year: from publication."""
    g = cand.match.groupdict()
    month, day = _month_num(g["month"]), int(g["d"])
    if not 1 <= day <= 31:
        return None
    if g.get("y"):
        value = _day_value(int(g["y"]), month, day, "explicit")
    elif ctx.published is None:
        if day > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]:
            return None
        return Value(f"XXXX-{month:02d}-{day:02d}", "day", "explicit")
    else:
        year = _choose_year(ctx.published, month, day, lead_tense(ctx.doc, cand))
        value = _day_value(year, month, day, "explicit")
    if value and "week of" in cand.match.group(0):
        d = dt.date.fromisoformat(value.value)
        return Value(_iso_week(d), "week", value.basis)
    return value


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


def _norm_day_month(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "14 June": normalised as "June 14"."""
    return _norm_month_day(cand, ctx)


def _norm_month_year(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "March 2019"."""
    g = cand.match.groupdict()
    return Value(f"{int(g['y']):04d}-{_month_num(g['month']):02d}", "month", "explicit")


def _norm_month(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "in January", "last November": the year from the publication date."""
    g = cand.match.groupdict()
    month = _month_num(g["month"])
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
        year = _choose_month_year(ctx.published, month, tense_of(ctx.doc, cand))
    return Value(f"{year:04d}-{month:02d}", "month", "relative" if rel else "explicit")


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


def _norm_year(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "1962"."""
    return Value(cand.match.group("y"), "year", "explicit")


def _norm_decade(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "the 1990s" -> 199X, "the '90s" in the century of the publication date."""
    dec = cand.match.group("dec")
    if dec.startswith("'"):  # "the '90s": the most recent such decade before the publication year
        base = ctx.published.year if ctx.published else None
        if base is None:
            return Value(f"XX{dec[1]}X", "decade", "explicit")
        century = base // 100 * 100
        year = century + int(dec[1:3])
        if year > base:
            year -= 100
        dec = str(year)
    return Value(dec[:3] + "X", "decade", "explicit")


def _norm_century(cand: Candidate, ctx: Context) -> Value | None:
    """Centuries: "the 20th century" -> 19XX."""
    n = cand.match.group("n").lower()
    number = int(re.sub(r"\D", "", n)) if n[0].isdigit() else ORDINALS[n]
    if not 1 <= number <= 21:
        return None
    return Value(f"{number - 1:02d}XX", "century", "explicit")


def _norm_weekday(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "Tuesday", "last Friday", "Monday night": a day next to the publication date."""
    g = cand.match.groupdict()
    if ctx.published is None:
        return None
    rel = (g.get("rel") or "").lower()
    day = _weekday_date(ctx.published, WEEKDAYS.index(g["wday"].lower()), rel, lead_tense(ctx.doc, cand))
    return _with_part(day.isoformat(), g.get("part"), "relative")


def _weekday_date(published: dt.date, weekday: int, rel: str, tense: str) -> dt.date:
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


def _with_part(day: str, part: str | None, basis: str) -> Value:
    """A day value, with the TIMEX3 part of day when one is named."""
    if part:
        return Value(f"{day}{PARTS_OF_DAY[part.lower()]}", "time", basis)
    return Value(day, "day", basis)


def _norm_deictic(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "yesterday", "today", "tomorrow night"."""
    g = cand.match.groupdict()
    word = g["word"].lower()
    if word == "today" and _generic_today(ctx.doc, cand):
        return Value("PRESENT_REF", "ref", "relative")
    if ctx.published is None:
        return None
    shift = {
        "the day before yesterday": -2,
        "yesterday": -1,
        "today": 0,
        "tonight": 0,
        "tomorrow": 1,
        "the day after tomorrow": 2,
    }[word]
    day = (ctx.published + dt.timedelta(days=shift)).isoformat()
    part = g.get("part") or ("night" if word == "tonight" else None)
    return _with_part(day, part, "relative")


# "today's meeting" is the day's meeting; "today's youth" are the young of our time
_DAY_NOUNS = set(
    "meeting vote decision ruling announcement talks attack game match election hearing session summit "
    "speech deadline edition paper report event rally protest ceremony statement news briefing agreement "
    "deal visit trading".split()
)


def _generic_today(doc: Doc, cand: Candidate) -> bool:
    """'Today' in the sense of 'nowadays': "today's youth", or present tense set against a past."""
    span = tokens_of(doc, cand.start, cand.end)
    if span is None:
        return False
    nxt = doc[span.end : span.end + 3]
    if len(nxt) >= 2 and nxt[0].text in ("'s", "’s"):
        noun = next((t for t in nxt[1:] if t.pos_ in ("NOUN", "PROPN")), None)
        return noun is not None and noun.lemma_.lower() not in _DAY_NOUNS
    if tense_of(doc, cand) not in (UNKNOWN, PRESENT):
        return False
    sent = span.sent
    if span.start != sent.start and not all(t.is_punct for t in doc[sent.start : span.start]):
        return False
    # the past it is set against lies in its own clause, not in a reporting "he said" around it
    verb = governing_verb(span.root)
    clause = verb.subtree if verb is not None else sent
    return any(t.tag_ == "VBD" for t in clause if t.i not in range(span.start, span.end))


def _norm_this_part(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "this morning", "last night"."""
    g = cand.match.groupdict()
    if ctx.published is None:
        return None
    shift = -1 if g["rel"].lower() == "last" else 0
    return _with_part((ctx.published + dt.timedelta(days=shift)).isoformat(), g["part"], "relative")


def _norm_rel_unit(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "last week", "this month", "next year"."""
    g = cand.match.groupdict()
    if ctx.published is None:
        return None
    rel = g["rel"].lower().replace("the ", "")
    step = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}[rel]
    return _shift_unit(ctx.published, g["unit"].lower(), step, "relative")


def _shift_unit(base: dt.date, unit: str, step: int, basis: str) -> Value | None:
    """base moved by step units, written at the unit's precision."""
    if unit in ("day",):
        return Value((base + dt.timedelta(days=step)).isoformat(), "day", basis)
    if unit in ("week", "weekend"):
        d = base + dt.timedelta(weeks=step)
        return Value(_iso_week(d) + ("-WE" if unit == "weekend" else ""), unit, basis)
    if unit == "month":
        m = base.year * 12 + base.month - 1 + step
        return Value(f"{m // 12:04d}-{m % 12 + 1:02d}", "month", basis)
    if unit == "quarter":
        q = base.year * 4 + (base.month - 1) // 3 + step
        return Value(f"{q // 4:04d}-Q{q % 4 + 1}", "quarter", basis)
    if unit == "year":
        return Value(f"{base.year + step:04d}", "year", basis)
    if unit == "decade":
        return Value(f"{(base.year // 10 + step):03d}X", "decade", basis)
    if unit in ("century", "centuries"):
        return Value(f"{(base.year // 100 + step):02d}XX", "century", basis)
    return None


def _iso_week(d: dt.date) -> str:
    """The ISO week of a day, as TIMEX3 writes it (2021-W09)."""
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _norm_edge_rel(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "early this week", "late last year": the modifier does not change the value."""
    g = cand.match.groupdict()
    if ctx.published is None:
        return None
    step = {"this": 0, "the": 0, "last": -1, "next": 1}[g["rel"].lower()]
    return _shift_unit(ctx.published, g["unit"].lower(), step, "relative")


def _season_of(d: dt.date) -> tuple[int, str]:
    """TIMEX3 season of a date; December belongs to the winter of the next year."""
    if d.month == 12:
        return d.year + 1, "WI"
    return d.year, ["WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA"][d.month - 1]


def _norm_season(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "last fall", "next spring", "the summer of 2023"."""
    g = cand.match.groupdict()
    code = SEASONS[g["season"].lower()]
    if g.get("y"):
        return Value(f"{g['y']}-{code}", "season", "explicit")
    if ctx.published is None:
        return None
    order = ["WI", "SP", "SU", "FA"]
    year, now = _season_of(ctx.published)
    rel = (g.get("rel") or "").lower()
    diff = order.index(code) - order.index(now)  # seasons from now to the named one within this year
    if rel in ("last", "past"):
        year_of = year if diff < 0 else year - 1
    elif rel in ("next", "coming"):
        year_of = year if diff > 0 else year + 1
    elif rel == "this" or diff == 0:
        year_of = year
    else:
        tense = tense_of(ctx.doc, cand)
        if tense == PAST:
            year_of = year if diff < 0 else year - 1
        elif tense == FUTURE:
            year_of = year if diff > 0 else year + 1
        else:
            year_of = year
    return Value(f"{year_of:04d}-{code}", "season", "relative")


def _count(word: str) -> int | None:
    """The number a count word stands for, or None for "several"."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word.replace("a hundred", "hundred"))


def _norm_ago(cand: Candidate, ctx: Context) -> Value | None:
    """Counted periods: "two years ago", "three days later" (from the last date the text gave)."""
    g = cand.match.groupdict()
    n = _count(g["num"])
    if n is None:
        return None  # "several days ago": no date without inventing one
    direction = g["dir"].lower()
    if direction in ("ago",):
        base, sign, basis = ctx.published, -1, "relative"
    elif direction in ("from now", "hence"):
        base, sign, basis = ctx.published, 1, "relative"
    else:  # "two days earlier": counted from the last date the text gave
        base, sign, basis = ctx.anchor.day, (-1 if direction in ("earlier", "before") else 1), "relative"
    if base is None:
        return None
    unit = g["unit"].lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    if unit == "decade":
        unit, n = "year", n * 10
    if unit == "century":
        unit, n = "year", n * 100
    return _shift_unit(base, unit, sign * n, basis)


def _norm_anaphoric(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "the next day", "that same day", "later that year": counted from the anchor."""
    phrase = cand.match.group("phrase").lower()
    if phrase.endswith("year") or phrase.endswith("month"):
        if ctx.anchor.year is None:
            return None
        if phrase.endswith("month") and ctx.anchor.day is not None:
            return Value(ctx.anchor.day.isoformat()[:7], "month", "relative")
        return Value(f"{ctx.anchor.year:04d}", "year", "relative") if phrase.endswith("year") else None
    # a day: counted from the narrative day of the sentence, which the tagger fills in afterwards
    shift = (
        1
        if ("next" in phrase or "following" in phrase)
        else -1
        if ("previous" in phrase or "before" in phrase)
        else 0
    )
    part = next((p for p in PARTS_OF_DAY if phrase.endswith(p)), None)
    return dataclasses.replace(_with_part("XXXX-XX-XX", part, "relative"), narrative=shift)


def _norm_the_weekend(cand: Candidate, ctx: Context) -> Value | None:
    """ "The weekend": the one before publication in the past tense, the coming one in the future,
    else the nearest (a story out on a weekend day means that weekend)."""
    if ctx.published is None:
        return None
    wd = ctx.published.weekday()
    saturday = ctx.published + dt.timedelta(days=5 - wd)  # this ISO week's Saturday
    if wd < 5:  # a weekday: this week's weekend is ahead, last week's behind
        tense = tense_of(ctx.doc, cand)
        ahead = tense == FUTURE or (tense != PAST and wd >= 3)
        if not ahead or "past" in cand.match.group(0).lower():
            saturday -= dt.timedelta(days=7)
    return Value(_iso_week(saturday) + "-WE", "weekend", "relative")


_ORDINAL_PARTS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _norm_part_of(cand: Candidate, ctx: Context) -> Value | None:
    """Parts of a year: "the first quarter of 2009", "the second half of the year", "the last quarter"."""
    g = cand.match.groupdict()
    unit, word = g["pu"].lower(), g["ord"].lower()
    size = 4 if unit == "quarter" else 2
    year = _year_of_part(g, ctx)
    if word in ("final", "last") and (year is not None or word == "final"):
        n = size
    elif word == "last":  # "the last quarter": the one before the publication's quarter
        if ctx.published is None:
            return None
        return _shift_unit(ctx.published, "quarter", -1, "relative") if unit == "quarter" else None
    else:
        n = _ORDINAL_PARTS[word]
    if n > size:
        return None
    return _part_value(n, size, year, cand, ctx)


def _norm_q_code(cand: Candidate, ctx: Context) -> Value | None:
    """Codes like "Q3 2009", "H1", "Q4-2010"."""
    g = cand.match.groupdict()
    code = g["code"]
    year = int(g["y"]) if g.get("y") else int(g["yy"][1:]) if (g.get("yy") or "").startswith("-") else None
    return _part_value(int(code[1]), 4 if code[0] == "Q" else 2, year, cand, ctx)


def _year_of_part(g: dict, ctx: Context) -> int | None:
    """The year a part of a year belongs to: written, or "this/the/last/next year" from publication."""
    if g.get("y") or g.get("y2"):
        return int(g.get("y") or g["y2"])
    rel = (g.get("rel") or "").lower()
    if not rel or ctx.published is None:
        return None
    return ctx.published.year + {"last": -1, "the previous": -1, "next": 1}.get(rel, 0)


def _part_value(n: int, size: int, year: int | None, cand: Candidate, ctx: Context) -> Value | None:
    """The n-th quarter (size 4) or half (size 2); no year: the one nearest publication the tense allows."""
    letter = "Q" if size == 4 else "H"
    if year is not None:
        return Value(f"{year:04d}-{letter}{n}", "quarter" if size == 4 else "half", "explicit")
    if ctx.published is None:
        return None
    now = ctx.published.year * size + (ctx.published.month - 1) * size // 12
    options = [y * size + n - 1 for y in (ctx.published.year - 1, ctx.published.year, ctx.published.year + 1)]
    tense = tense_of(ctx.doc, cand)
    if tense == PAST:  # results told in the past: the latest such part that has begun
        options = [o for o in options if o <= now]
    elif tense == FUTURE:
        options = [o for o in options if o >= now]
    year = min(options, key=lambda o: (abs(o - now), o)) // size
    return Value(f"{year:04d}-{letter}{n}", "quarter" if size == 4 else "half", "relative")


def _easter(year: int) -> dt.date:
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


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month."""
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _holiday(name: str, year: int) -> dt.date:
    """The date of a named holiday in a year."""
    name = name.lower()
    if name.startswith("christmas eve"):
        return dt.date(year, 12, 24)
    if name.startswith("christmas"):
        return dt.date(year, 12, 25)
    if name == "new year's eve":
        return dt.date(year, 12, 31)
    if name == "new year's day":
        return dt.date(year, 1, 1)
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if name == "election day":
        return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    if name == "halloween":
        return dt.date(year, 10, 31)
    if name == "valentine's day":
        return dt.date(year, 2, 14)
    return _easter(year)


def _norm_holiday(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "Christmas Eve", "last Thanksgiving": the occurrence nearest publication."""
    g = cand.match.groupdict()
    if ctx.published is None:
        return None
    rel = (g.get("rel") or "").lower()
    options = [
        _holiday(g["hol"], y) for y in (ctx.published.year - 1, ctx.published.year, ctx.published.year + 1)
    ]
    if rel == "last":
        day = max(d for d in options if d < ctx.published)
    elif rel == "next":
        day = min(d for d in options if d > ctx.published)
    else:
        tense = tense_of(ctx.doc, cand)
        if tense == PAST:
            day = max(d for d in options if d <= ctx.published)
        elif tense == FUTURE:
            day = min(d for d in options if d >= ctx.published)
        else:
            day = min(options, key=lambda d: abs((d - ctx.published).days))
    return Value(day.isoformat(), "day", "relative")


def _norm_time(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "10:35 a.m.", "9 a.m. EST Tuesday"; a bare time gets its day later."""
    g = cand.match.groupdict()
    hour, minute = int(g["h"]), int(g["min"] or 0)
    if not (1 <= hour <= 12 and minute < 60):
        return None
    pm = g["ampm"].lower().startswith("p")
    return _clock_value(hour % 12 + (12 if pm else 0), minute, cand, ctx)


def _norm_clock(cand: Candidate, ctx: Context) -> Value | None:
    """24-hour clock times: "18:00 UTC", "0800 GMT", "12:00 UTC Monday", "at 14:30"."""
    g = cand.match.groupdict()
    hour, minute = (int(g["h"]), int(g["min"])) if g.get("h") else (int(g["h4"]), int(g["min4"]))
    return _clock_value(hour, minute, cand, ctx)


def _clock_value(hour: int, minute: int, cand: Candidate, ctx: Context) -> Value:
    """A time of day with the day it names (a weekday, "today"), UTC written Z; no day: filled in later."""
    g = cand.match.groupdict()
    day = "XXXX-XX-XX"
    if g.get("wday") and ctx.published is not None:
        day = _weekday_date(
            ctx.published, WEEKDAYS.index(g["wday"].lower()), "", lead_tense(ctx.doc, cand)
        ).isoformat()
    elif g.get("deix") and ctx.published is not None:
        shift = {"yesterday": -1, "tomorrow": 1}.get(g["deix"].lower(), 0)
        day = (ctx.published + dt.timedelta(days=shift)).isoformat()
    zone = "Z" if (g.get("tz") or g.get("tz4") or "") in ("UTC", "GMT") else ""
    return Value(f"{day}T{hour:02d}:{minute:02d}{zone}", "time", "explicit")


def _norm_noon(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "noon", "midnight"; a bare time gets its day later."""
    word = cand.match.group("noon").lower()
    if (
        word == "noon"
        and cand.start > 0
        and text_of(ctx.doc)[max(0, cand.start - 5) : cand.start].lower().strip() == "high"
    ):
        return None  # "high noon" is a figure of speech
    return Value("XXXX-XX-XXT" + ("24:00" if word == "midnight" else "12:00"), "time", "explicit")


def _norm_ref(cand: Candidate, ctx: Context) -> Value | None:
    """Vague references: "now", "recently", "the years ahead" are never a date."""
    ref = cand.match.group("ref").lower()
    if ref in _REF_VALUES or ref.startswith(("in recent", "recent")):
        return Value(_REF_VALUES.get(ref, "PAST_REF"), "ref", "relative")
    if "future" in ref or "coming" in ref or "ahead" in ref or ref == "soon" or ref.endswith(("term", "run")):
        return Value("FUTURE_REF", "ref", "relative")
    return Value("PRESENT_REF", "ref", "relative")


_HANDLERS: dict[str, Callable[[Candidate, Context], Value | None]] = {
    "iso": _norm_iso,
    "numeric": _norm_numeric,
    "month_day": _norm_month_day,
    "day_month": _norm_day_month,
    "month_year": _norm_month_year,
    "month": _norm_month,
    "time": _norm_time,
    "noon": _norm_noon,
    "century": _norm_century,
    "decade": _norm_decade,
    "year": _norm_year,
    "weekday": _norm_weekday,
    "deictic": _norm_deictic,
    "this_part": _norm_this_part,
    "edge_rel": _norm_edge_rel,
    "rel_unit": _norm_rel_unit,
    "season": _norm_season,
    "ago": _norm_ago,
    "anaphoric": _norm_anaphoric,
    "part_of": _norm_part_of,
    "the_weekend": _norm_the_weekend,
    "q_code": _norm_q_code,
    "clock": _norm_clock,
    "holiday": _norm_holiday,
    "ref": _norm_ref,
}
