"""Normalisation of dates counted from the publication date or the anchor ("last week", "Tuesday",
"two days later", "the first quarter", "the next day")."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from newsdossier.extract.temporal.calendar_rules import (
    holiday_date,
    iso_week,
    month_num,
    season_of,
    weekday_date,
)
from newsdossier.extract.temporal.candidates import (
    NUMBER_WORDS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAYS,
    Candidate,
    tokens_of,
)
from newsdossier.extract.temporal.tense import lead_tense, tense_of
from newsdossier.extract.temporal.values import Context, Value
from newsdossier.text.nlp import text_of
from newsdossier.text.parse import FUTURE, PAST, PRESENT, UNKNOWN, governing_verb
from newsdossier.timevalue import TimeValue


def norm_weekday(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "Tuesday", "last Friday", "Monday night": a day next to the publication date."""
    g = cand.match.groupdict()
    if ctx.published is None:
        return None
    rel = (g.get("rel") or "").lower()
    wday = WEEKDAYS.index(g["wday"].lower())
    if _story_weekday(ctx, cand, rel):
        if ctx.anchor.day is None:
            return None  # "in May 2019 ... the following Tuesday": which Tuesday the text does not say
        return with_part(_from_story_day(ctx.anchor.day, wday, rel).isoformat(), g.get("part"), "relative")
    tense = lead_tense(ctx.doc, cand)
    if not rel and tense in (PRESENT, UNKNOWN) and _possessive(ctx.doc, cand):
        tense = _possessive_tense(ctx, cand)
    day = weekday_date(ctx.published, wday, rel, tense)
    if not rel:
        day = _in_range_order(ctx, cand, wday, day)
    return with_part(day.isoformat(), g.get("part"), "relative")


def _story_weekday(ctx: Context, cand: Candidate, rel: str) -> bool:
    """True for a weekday counted from the story's last day, not from publication: "the following
    Tuesday", "the previous Monday", "the next Friday" and "that Sunday" point back to a day just told
    ("next Friday" alone is the one after publication)."""
    if ctx.anchor.start < 0:
        return False  # no date before it: publication is the only day to count from
    if rel in ("following", "previous"):
        return True
    span = tokens_of(ctx.doc, cand.start, cand.end)
    if span is None or span.start == 0 or rel not in ("next", ""):
        return False
    det = ctx.doc[span.start - 1]
    # "that" as the day's determiner, not the one opening a clause ("said that Monday was the deadline")
    word = "the" if rel else "that"
    return det.lower_ == word and det.dep_ == "det" and det.head.i in range(span.start, span.end)


def _from_story_day(day: dt.date, wday: int, rel: str) -> dt.date:
    """The weekday after the story's day ("the following Tuesday"), before it ("the previous Monday"),
    or in the days from it on ("that Sunday")."""
    if rel == "previous":
        return day - dt.timedelta(days=(day.weekday() - wday) % 7 or 7)
    ahead = (wday - day.weekday()) % 7
    return day + dt.timedelta(days=ahead or (7 if rel else 0))


_WDAY_WORDS = "|".join(WEEKDAYS)
# The start of a range of weekdays, before its end: "from Monday to Wednesday", "Monday through Friday",
# "between Monday and Wednesday" ("Monday and Wednesday" alone is a list of two days, not a range).
_RANGE_START = re.compile(
    r"\b(?:between\s+(?:on\s+)?(?:" + _WDAY_WORDS + r")\s+and"
    r"|(?:" + _WDAY_WORDS + r")(?:\s*[-–]|\s+(?:to|through|until|till)))\s+(?:on\s+)?$",
    re.I,
)


def _in_range_order(ctx: Context, cand: Candidate, wday: int, day: dt.date) -> dt.date:
    """The end of a range of weekdays: the first such weekday after the range's start (the date just
    given), whatever its own tense says: "was shut from Tuesday to Thursday" told on a Wednesday ends on
    the Thursday after that Tuesday, and "from Monday until Wednesday" does not look ahead for "until"."""
    start = ctx.anchor.day
    near = text_of(ctx.doc)[max(0, ctx.anchor.start - 12) : cand.start]
    if start is None or not cand.start - 16 <= ctx.anchor.end <= cand.start or not _RANGE_START.search(near):
        return day
    return start + dt.timedelta(days=(wday - start.weekday()) % 7 or 7)


def _possessive(doc: Doc, cand: Candidate) -> bool:
    """True for a weekday in the possessive: "Wednesday's ruling"."""
    return text_of(doc)[cand.end : cand.end + 2] in ("'s", "’s")


def _possessive_tense(ctx: Context, cand: Candidate) -> str:
    """Which way "Wednesday's ruling" points when the verb is in the present: the sentence's tense says
    when it is told, not when the event was ("Monday's ruling allows an appeal"), and news reports what
    happened, so the past one; "ahead of Monday's vote" looks forward."""
    before = text_of(ctx.doc)[max(0, cand.start - 12) : cand.start].lower().split()
    if before[-2:] == ["ahead", "of"] or before[-1:] in (["before"], ["until"]):
        return FUTURE
    return PAST


def with_part(day: str, part: str | None, basis: str) -> Value:
    """A day value, with the TIMEX3 part of day when one is named."""
    if part:
        return Value(f"{day}{PARTS_OF_DAY[part.lower()]}", "time", basis)
    return Value(day, "day", basis)


def norm_deictic(cand: Candidate, ctx: Context) -> Value | None:
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
    return with_part(day, part, "relative")


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


def norm_this_part(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "this morning", "last night"."""
    g = cand.match.groupdict()
    if ctx.published is None:
        return None
    shift = -1 if g["rel"].lower() == "last" else 0
    return with_part((ctx.published + dt.timedelta(days=shift)).isoformat(), g["part"], "relative")


def norm_rel_unit(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "last week", "this month", "next year"; "the previous year" and "the following
    month" count from the last date the text gave; "the last year" is the stretch up to publication."""
    g = cand.match.groupdict()
    unit = g["unit"].lower()
    rel = g["rel"].lower()
    if rel == "the last" and ctx.published is not None and unit in _STRETCH_DAYS:
        return _stretch_unit(ctx.published, unit)
    if rel == "the next":  # only "The next year, ..." gets here: a step on from the story's date
        rel = "following"
    rel = rel.removeprefix("the ")
    step = {
        "this": 0,
        "current": 0,
        "last": -1,
        "past": -1,
        "this past": -1,
        "previous": -1,
        "prior": -1,
        "next": 1,
        "coming": 1,
        "following": 1,
    }[rel]
    anaphoric = rel in ("previous", "prior", "following")
    base = _anchor_date(ctx, unit) if anaphoric else ctx.published
    if base is None or (anaphoric and _against_tense(ctx, cand, base, step)):
        return None
    return _shift_unit(base, unit, step, "relative")


# How long "the last week / month / year" lasts, in days up to publication.
_STRETCH_DAYS = {"week": 7, "month": 30, "year": 365}


def _stretch_unit(published: dt.date, unit: str) -> Value | None:
    """ "The last week" written at the unit that holds most of the days it covers up to publication:
    on a Friday that is this week, on a Monday the week before; "the last year" in January is last year."""
    days = [published - dt.timedelta(days=n) for n in range(_STRETCH_DAYS[unit])]
    keys = {
        "week": lambda d: d.isocalendar()[:2],
        "month": lambda d: (d.year, d.month),
        "year": lambda d: d.year,
    }
    counts = Counter(keys[unit](d) for d in days)
    best = max(counts, key=lambda k: (counts[k], k))  # on a tie the later unit: it holds publication
    holder = next(d for d in days if keys[unit](d) == best)
    return _shift_unit(holder, unit, 0, "relative")


# The precisions fine enough for a date to stand for the unit it falls in ("in May ... the previous
# year" counts from May's year; "in 2019 ... the previous month" has no month to count from).
_FINE_ENOUGH = {
    "week": {"week", "weekend", "day", "time"},
    "weekend": {"week", "weekend", "day", "time"},
    "month": {"month", "day", "time"},
    "quarter": {"quarter", "month", "day", "time"},
    "year": {"year", "half", "quarter", "month", "week", "weekend", "day", "time"},
}


def _anchor_date(ctx: Context, unit: str) -> dt.date | None:
    """The day an anaphoric unit counts from: the last date the text gave when it is fine enough to
    say which unit it falls in, else publication."""
    last = TimeValue.parse(ctx.anchor.value)
    if last.placeable and last.precision in _FINE_ENOUGH.get(unit, set()):
        return last.first if last.precision != "weekend" else last.last
    return ctx.published


def norm_unit_around(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "the year before", "the month after": one unit from the last date the text gave."""
    g = cand.match.groupdict()
    unit = g["unit"].lower()
    base = _anchor_date(ctx, unit)
    if base is None:
        return None
    step = -1 if g["dir"].lower() in ("before", "previous", "earlier") else 1
    if _against_tense(ctx, cand, base, step):
        return None
    return _shift_unit(base, unit, step, "relative")


def _against_tense(ctx: Context, cand: Candidate, base: dt.date, step: int) -> bool:
    """True when an anaphoric unit could only be counted from publication (the text gave no date fine
    enough) and that would contradict its tense: "in April ... the following week, it closed" is not
    the week after publication, and which week it is the text does not say."""
    if base != ctx.published:
        return False
    tense = tense_of(ctx.doc, cand)
    return (step > 0 and tense == PAST) or (step < 0 and tense == FUTURE)


def norm_in_the_unit(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "earlier in the week", "later in the year": the unit of the last date the text
    gave, else of publication."""
    unit = cand.match.group("unit").lower()
    base = _anchor_date(ctx, unit)
    return None if base is None else _shift_unit(base, unit, 0, "relative")


def norm_whole_unit(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "the entire year", "the whole month": the unit of the last date the text gave."""
    unit = cand.match.group("unit").lower()
    last = TimeValue.parse(ctx.anchor.value)
    if not (last.placeable and last.precision in _FINE_ENOUGH[unit]):
        return None  # no date before it: which year is meant is not said
    return _shift_unit(last.first, unit, 0, "relative")


def norm_streak(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "a fourth week in a row", "a third straight month": the unit the streak has
    reached, the one of publication."""
    g = cand.match.groupdict()
    if ctx.published is None:
        return None
    return _shift_unit(ctx.published, (g.get("unit") or g["unit2"]).lower(), 0, "relative")


def norm_that_time(cand: Candidate, ctx: Context) -> Value | None:
    """ "By that time", "at that time": the last date the text gave, at its own precision."""
    last = TimeValue.parse(ctx.anchor.value)
    if not last.placeable:
        return None
    return Value(last.value, last.precision, "relative")


def _shift_unit(base: dt.date, unit: str, step: int, basis: str) -> Value | None:
    """base moved by step units, written at the unit's precision."""
    if unit in ("day",):
        return Value((base + dt.timedelta(days=step)).isoformat(), "day", basis)
    if unit in ("week", "weekend"):
        d = base + dt.timedelta(weeks=step)
        return Value(iso_week(d) + ("-WE" if unit == "weekend" else ""), unit, basis)
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


def norm_edge_rel(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "early this week", "late last year": the modifier does not change the value."""
    g = cand.match.groupdict()
    if ctx.published is None:
        return None
    step = {"this": 0, "the": 0, "last": -1, "next": 1}[g["rel"].lower()]
    return _shift_unit(ctx.published, g["unit"].lower(), step, "relative")


def norm_season(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "last fall", "next spring", "the summer of 2023"."""
    g = cand.match.groupdict()
    code = SEASONS[g["season"].lower()]
    if g.get("y"):
        return Value(f"{g['y']}-{code}", "season", "explicit")
    rel = (g.get("rel") or "").lower()
    if rel == "that":  # "that summer": the season of the year the text last gave
        year = ctx.anchor.year
        return None if year is None else Value(f"{year:04d}-{code}", "season", "relative")
    if ctx.published is None:
        return None
    if g.get("yrel"):  # "the spring of last year"
        year = ctx.published.year + {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()]
        return Value(f"{year:04d}-{code}", "season", "relative")
    order = ["WI", "SP", "SU", "FA"]
    year, now = season_of(ctx.published)
    diff = order.index(code) - order.index(now)  # seasons from now to the named one within this year
    # "in the spring", "late summer" after a date in a past year: that year's ("last spring" counts from now)
    story = _story_year_of(ctx, cand) if rel in ("", "the", "early", "late") else None
    if story is not None:
        # a season's first month: a winter begins in the December before its year
        first = dt.date(story - 1, 12, 1) if code == "WI" else dt.date(story, 3 * order.index(code), 1)
        if _tense_allows(tense_of(ctx.doc, cand), first, _month_after(first, 3), story, ctx.published):
            return Value(f"{story:04d}-{code}", "season", "relative")
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


def norm_ago(cand: Candidate, ctx: Context) -> Value | None:
    """Counted periods: "two years ago", "three days later" (from the last date the text gave)."""
    g = cand.match.groupdict()
    n = _count(g["num"])
    if n is None:
        return None  # "several days ago": no date without inventing one
    if _COUNT_AND_BEFORE.search(text_of(ctx.doc)[max(0, cand.start - 30) : cand.start]):
        return None  # "a year and ten months later": only the last part of the count was found
    unit = g["unit"].lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    if unit == "decade":
        unit, n = "year", n * 10
    if unit == "century":
        unit, n = "year", n * 100
    direction = g["dir"].lower()
    if direction in ("ago",):
        base, sign = ctx.published, -1
    elif direction in ("from now", "hence"):
        base, sign = ctx.published, 1
    else:  # "two days earlier": counted from the last date the text gave
        base, sign = _last_date_for(ctx, unit, cand), (-1 if direction in ("earlier", "before") else 1)
        if base is None and sign < 0 and not ctx.anchor.value:
            base = ctx.published  # "up from a year earlier" before any date: the story's time is its own
    if base is None:
        return None
    if unit == "week" and n == 1 and (direction in ("ago", "from now", "hence") or ctx.anchor.day == base):
        # "a week ago" from a day is that weekday a week back; "three weeks ago" is a week
        return Value((base + dt.timedelta(weeks=sign)).isoformat(), "day", "relative")
    return _shift_unit(base, unit, sign * n, "relative")


# A count of units joined by "and" to the one found ("a year and ten months later"); a clause joined by
# "and" ("ruled on May 3, and a week later ...") counts on its own.
_COUNT_AND_BEFORE = re.compile(
    r"\b(?:\d+|several|few|" + "|".join(NUMBER_WORDS) + r")"
    r"\s+(?:day|week|month|year|decade|hour)s?\s+and\s+$",
    re.I,
)


def _last_date_for(ctx: Context, unit: str, cand: Candidate) -> dt.date | None:
    """The last date the text gave, to count units from: its day, else a month or year fine enough to
    say which unit it falls in, given in the same sentence or the one before ("in 2009 ... three years
    later", "in March 2020 ... a year later"; a year sentences back is no longer the story's time)."""
    if ctx.anchor.day is not None:
        return ctx.anchor.day
    last = TimeValue.parse(ctx.anchor.value)
    if (
        last.placeable
        and last.precision in _FINE_ENOUGH.get(unit, set())
        and ctx.anchor_just_before(cand.start, cand.end)
    ):
        return last.first
    return None


def norm_anaphoric(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "later that year" (from the anchor) and "the next day", "that same day", "the day"
    (from the narrative day of their sentence, which the tagger fills in)."""
    phrase = cand.match.group("phrase").lower()
    if phrase.endswith("year") or phrase.endswith("month"):
        if ctx.anchor.year is None:
            return None
        if phrase.endswith("month") and ctx.anchor.day is not None:
            return Value(ctx.anchor.day.isoformat()[:7], "month", "relative")
        return Value(f"{ctx.anchor.year:04d}", "year", "relative") if phrase.endswith("year") else None
    if ref := _day_arriving(ctx.doc, cand):
        return Value(ref, "ref", "relative")
    # a day: counted from the narrative day of the sentence, which the tagger fills in afterwards
    shift = (
        1
        if ("next" in phrase or "following" in phrase)
        else -1
        if ("previous" in phrase or "before" in phrase)
        else 0
    )
    part = next((p for p in PARTS_OF_DAY if phrase.endswith(p)), None)
    return dataclasses.replace(with_part("XXXX-XX-XX", part, "relative"), narrative=shift)


def _day_arriving(doc: Doc, cand: Candidate) -> str | None:
    """ "That day has come" (the moment is now) and "the day will come" (some time ahead) use the day
    as a figure of speech, not a date: their TIMEX3 reference, else None."""
    span = tokens_of(doc, cand.start, cand.end)
    if span is None or span.root.dep_ != "nsubj" or span.root.head.lemma_ not in ("come", "arrive"):
        return None
    verb = span.root.head
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if auxes & {"has", "have", "'s"} or verb.tag_ == "VBZ":
        return "PRESENT_REF"
    return "FUTURE_REF" if tense_of(doc, cand) == FUTURE or verb.tag_ == "VBG" else None


_SAME_CUT = {"day": 10, "month": 7}  # how much of the last date "the same day/month" keeps


def norm_same_last_year(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "the same quarter a year before", "the same period last year": the last date the
    text gave (at the precision asked for), a year earlier; "the same month of 2008" in that year."""
    last = TimeValue.parse(ctx.anchor.value)
    g = cand.match.groupdict()
    unit = (g.get("same") or g.get("same2") or g["same3"]).lower()
    if not last.placeable or last.precision in ("decade", "century"):
        return None
    if unit in ("period", "time") and last.precision in ("day", "time"):
        return None  # "the same period" is a stretch: a day before it does not say which
    if unit == "week" or (unit == "quarter" and last.precision != "quarter"):
        return None  # a week a year back has another week number; a quarter needs a quarter before it
    value = last.value[: _SAME_CUT.get(unit, 10)] if unit in _SAME_CUT else last.value
    if unit in _SAME_CUT and len(value) < _SAME_CUT[unit]:
        return None  # "the same day" after a month: no day to go back to
    value = value.split("T")[0]
    year = int(g["sy"]) if g.get("sy") else int(value[:4]) - 1
    return Value(f"{year:04d}{value[4:]}", TimeValue.parse(value).precision, "relative")


def norm_the_weekend(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "the weekend": the one before publication in the past tense, the coming one in
    the future, else the nearest (a story out on a weekend day means that weekend)."""
    if ctx.published is None:
        return None
    wd = ctx.published.weekday()
    saturday = ctx.published + dt.timedelta(days=5 - wd)  # this ISO week's Saturday
    if wd < 5:  # a weekday: this week's weekend is ahead, last week's behind
        tense = tense_of(ctx.doc, cand)
        ahead = tense == FUTURE or (tense != PAST and wd >= 3)
        if not ahead or "past" in cand.match.group(0).lower():
            saturday -= dt.timedelta(days=7)
    return Value(iso_week(saturday) + "-WE", "weekend", "relative")


_ORDINAL_PARTS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def norm_part_of(cand: Candidate, ctx: Context) -> Value | None:
    """Parts of a year: "the first quarter of 2009", "the second half of the year", "the last quarter"."""
    g = cand.match.groupdict()
    unit, word = g["pu"].lower(), g["ord"].lower()
    size = 4 if unit == "quarter" else 2
    year = _year_of_part(g, ctx, text_of(ctx.doc)[max(0, cand.start - 20) : cand.start])
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


def norm_q_code(cand: Candidate, ctx: Context) -> Value | None:
    """Codes like "Q3 2009", "H1", "Q4-2010"."""
    g = cand.match.groupdict()
    code = g["code"]
    year = int(g["y"]) if g.get("y") else int(g["yy"][1:]) if (g.get("yy") or "").startswith("-") else None
    return _part_value(int(code[1]), 4 if code[0] == "Q" else 2, year, cand, ctx)


def norm_month_quarter(cand: Candidate, ctx: Context) -> Value | None:
    """ "The December quarter": the calendar quarter ending in that month, in the year the tense allows."""
    quarter = month_num(cand.match.group("qmonth")) // 3
    return _part_value(quarter, 4, None, cand, ctx)


# A year named before a part of it: "this year's first quarter", "2019's second half".
_YEARS_PART = re.compile(r"(?:\b(?P<rel>this|last|next|the)\s+year|\b(?P<y>\d{4}))['’]s\s+$", re.I)


def _year_of_part(g: dict, ctx: Context, before: str = "") -> int | None:
    """The year a part of a year belongs to: written, or "this/the/last/next year" from publication,
    after the part ("the first quarter of last year") or before it ("last year's first quarter")."""
    if g.get("y") or g.get("y2"):
        return int(g.get("y") or g["y2"])
    if not g.get("rel") and (m := _YEARS_PART.search(before)):
        g = m.groupdict()
        if g["y"]:
            return int(g["y"])
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
    story = _story_year_of(ctx, cand)
    if story is not None:
        first = dt.date(story, (n - 1) * 12 // size + 1, 1)
        after = _month_after(first, 12 // size)
        if _tense_allows(_part_tense(ctx.doc, cand), first, after, story, ctx.published):
            return Value(f"{story:04d}-{letter}{n}", "quarter" if size == 4 else "half", "relative")
    now = ctx.published.year * size + (ctx.published.month - 1) * size // 12
    options = [y * size + n - 1 for y in (ctx.published.year - 1, ctx.published.year, ctx.published.year + 1)]
    tense = _part_tense(ctx.doc, cand)
    if tense == PAST:  # results told in the past: the latest such part that has begun
        options = [o for o in options if o <= now]
    elif tense == FUTURE:
        options = [o for o in options if o >= now]
    year = min(options, key=lambda o: (abs(o - now), o)) // size
    return Value(f"{year:04d}-{letter}{n}", "quarter" if size == 4 else "half", "relative")


def _tense_allows(tense: str, first: dt.date, after: dt.date, story_year: int, published: dt.date) -> bool:
    """True when a period from `first` up to `after` fits its tense against publication: begun when told
    in the past, not over when told in the future; in the present it must be in the year of publication."""
    if tense == PAST:
        return first <= published
    if tense == FUTURE:
        return after > published
    return story_year == published.year


def _month_after(first: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after the month of `first`."""
    m = first.year * 12 + first.month - 1 + months
    return dt.date(m // 12, m % 12 + 1, 1)


# The precisions of a last date that say which year the story is in: a year, a part of one, or a day or
# month whose year is written ("in 2019 ... in the fourth quarter"; "on Tuesday ... in the fourth
# quarter" counts from publication, by the tense).
_STORY_YEAR_PRECISIONS = {"year", "half", "quarter", "season"}


def _story_year_of(ctx: Context, cand: Candidate) -> int | None:
    """The year of a part of a year or a season named without one, from the story's last date: one that
    dates the main clause of the same sentence ("lost $2 billion in 2019, including $1 billion in the
    fourth quarter") or of the sentence before, when the part opens its own ("Sales rose in 2019. In the
    fourth quarter, ..."). A date in a side clause is background ("the firm, founded in 1990, lost money
    in the fourth quarter"), and one after "since" bounds a stretch, not the story's time."""
    last = TimeValue.parse(ctx.anchor.value)
    if not last.placeable or last.first is None or not ctx.anchor_just_before(cand.start, cand.end):
        return None
    written = ctx.anchor.written and last.precision in ("day", "month")
    if last.precision not in _STORY_YEAR_PRECISIONS and not written:
        return None
    date = tokens_of(ctx.doc, ctx.anchor.start, ctx.anchor.end)
    span = tokens_of(ctx.doc, cand.start, cand.end)
    if date is None or span is None or not _dates_main_clause(date):
        return None
    if date.sent.start != span.sent.start and not _opens_sentence(span):
        return None
    return last.first.year


_BOUNDING_WORDS = {"since", "until", "till", "from"}


def _dates_main_clause(date: Span) -> bool:
    """True for a date on the main verb of its sentence (or a verb joined to it), not after "since"."""
    doc = date.doc
    if date.start > 0 and doc[date.start - 1].lower_ in _BOUNDING_WORDS:
        return False
    verb = governing_verb(date.root)
    return verb is not None and (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))


def _opens_sentence(span: Span) -> bool:
    """True for an expression at the head of its sentence, after at most a preposition ("In the fourth
    quarter, ...")."""
    lead = [t for t in span.doc[span.sent.start : span.start] if not (t.is_punct or t.is_space)]
    return len(lead) <= 1 and all(t.pos_ == "ADP" for t in lead)


# Nouns and verbs of accounts given for a period that is over ("fourth-quarter results", "will post a
# loss for the second quarter"): the period is the latest one begun, whatever the tense of the telling.
_RESULTS_NOUNS = {"result", "results", "earning", "earnings", "figure", "figures", "accounts", "statement"}
_REPORTING_VERBS = {"report", "post", "release", "publish", "announce", "unveil", "book"}
# Words of results still to come ("forecast fourth-quarter earnings"): the period is ahead.
_FORECAST_WORDS = set("forecast expect predict project estimate target guidance outlook anticipate".split())


def _part_tense(doc: Doc, cand: Candidate) -> str:
    """Which way a quarter or half points: ahead when it dates a forecast, back to the latest begun when
    it dates results ("fourth-quarter earnings", "results for the first half", "(will) report a loss for
    the second quarter"), else by the tense of its verb."""
    span = tokens_of(doc, cand.start, cand.end)
    root = span.root if span is not None else None
    noun = None if root is None else root.head.head if root.dep_ == "pobj" else root.head
    if root is None or noun is None or noun.i == root.i or noun.pos_ not in ("NOUN", "PROPN"):
        return tense_of(doc, cand)
    if _forecast(noun, noun.head, *noun.children):  # "forecast fourth-quarter earnings"
        return FUTURE
    if noun.lemma_.lower() in _RESULTS_NOUNS or noun.lower_ in _RESULTS_NOUNS:
        return PAST
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in _REPORTING_VERBS:
        return PAST  # "is due to book a deficit for the third quarter": only the report is to come
    if _forecast(*noun.ancestors):  # "analysts expect a loss in the first quarter"
        return FUTURE
    return tense_of(doc, cand)


def _forecast(*tokens: Token) -> bool:
    """True when one of the tokens is a word of forecasting."""
    return any(t.lemma_.lower() in _FORECAST_WORDS for t in tokens)


def norm_holiday(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "Christmas Eve", "last Thanksgiving": the occurrence nearest publication."""
    g = cand.match.groupdict()
    if ctx.published is None:
        return None
    rel = (g.get("rel") or "").lower()
    week = g["hol"].lower().endswith("week")  # "Easter week", "Holy Week": the ISO week up to Easter Sunday
    options = [
        holiday_date("easter", y) - dt.timedelta(days=6) if week else holiday_date(g["hol"], y)
        for y in (ctx.published.year - 1, ctx.published.year, ctx.published.year + 1)
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
    if week:
        return Value(iso_week(day), "week", "relative")
    return Value(day.isoformat(), "day", "relative")
