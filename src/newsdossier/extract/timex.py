"""Time expressions: found by rules, normalised against the publication date (TIMEX3 values).

A small temporal tagger in the HeidelTime tradition: regular expressions find candidate
expressions, overlaps are resolved longest-first, and each candidate is normalised by hand
against the document creation time (the publication date) or, for anaphoric expressions such as
"two days later", against the last day-precise date mentioned before it. The parse supplies the
tense that decides whether "Tuesday" or "in March" points back or forward.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsdossier.records import Timex
from newsdossier.text.nlp import text_of
from newsdossier.text.parse import governing_verb

MONTHS = ("january february march april may june july august september october november december").split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update({"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100})
_ORDINALS = {
    w: n
    for n, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
_ORDINALS["twenty-first"] = 21
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}
# Moods that a tense can give a relative expression: which way to look from the anchor.
PAST, FUTURE, PRESENT, UNKNOWN = "past", "future", "present", ""
FUTURE_REACH_DAYS = 120

# --- Regular-expression building blocks (month and weekday names must be capitalised). ---
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![A-Za-z])"
)
# a month on its own is written out or abbreviated with a full stop ("Jan" alone is a name)
_MONTH_WORD = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?![A-Za-z])"
)
_WDAY = r"(?P<wday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = (
    r"(?P<num>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|a hundred|several|a few|a couple of)"
)
_UNIT = r"(?P<unit>day|week|month|year|decade|century|centuries)s?"
_APPROX = r"(?:(?:almost|nearly|about|around|some|more than|less than|over|roughly|just|only)\s+)?"
_PART = r"(?P<part>morning|afternoon|evening|night)"
_EDGE = (
    r"(?:(?P<edge>early|earlier|late|later|mid|the middle of|the end of|the beginning of|the start of)"
    r"[\s-]+)?"
)
_B = r"(?<![\w$.-])"  # a candidate never starts inside a word, a number or an amount
_W = r"(?<![\w-])"  # a word-led candidate never starts inside a word ("blast Friday")


@dataclass(frozen=True)
class Candidate:
    """A matched expression before normalisation."""

    start: int
    end: int
    kind: str
    match: re.Match


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


def _rx(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile one pattern of the table."""
    return re.compile(pattern, flags)


# (kind, pattern) in priority order: on equal length the earlier kind wins.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", _rx(_B + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")),
    ("numeric", _rx(_B + r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")),
    (
        "month_day",
        _rx(
            _W
            + r"(?:"
            + _WDAY
            + r",?\s+)?(?:the\s+week\s+of\s+)?"
            + _MONTH
            + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<y>\d{4})(?!\d))?"
        ),
    ),
    (
        "day_month",
        _rx(
            r"(?:"
            + _WDAY
            + r",?\s+)?"
            + _B
            + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            + _MONTH
            + r"(?:,?\s+(?P<y>\d{4})(?!\d))?"
        ),
    ),
    ("month_year", _rx(_W + _EDGE + _MONTH + r",?\s+(?:of\s+)?(?P<y>\d{4})(?!\d)")),
    ("month", _rx(_W + r"(?:(?P<rel>last|next|this|past|coming)\s+)?" + _EDGE + _MONTH_WORD + r"(?!\s*\d)")),
    (
        "time",
        _rx(
            _B + r"(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m(?![a-z]))"
            r"(?:\s+(?P<tz>[A-Z]{2,4}T|GMT|UTC))?(?:,?\s+" + _WDAY + r")?"
        ),
    ),
    ("noon", _rx(r"\b(?P<noon>noon|midnight|midday)\b", re.I)),
    (
        "century",
        _rx(
            r"\b"
            + _EDGE
            + r"(?:the\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|"
            + "|".join(_ORDINALS)
            + r")\s+century\b",
            re.I,
        ),
    ),
    ("decade", _rx(_B + _EDGE + r"(?:the\s+)?(?P<dec>(?:1[0-9]|20)\d0|'\d0)'?s\b", re.I)),
    ("year", _rx(_B + _EDGE + r"(?:post-|pre-)?(?P<y>1[5-9]\d\d|20\d\d)(?![\d%])(?![.,]\d)", re.I)),
    (
        "weekday",
        _rx(
            _W + r"(?:(?P<rel>last|next|this|past|coming|previous|following)\s+)?"
            r"(?:(?P<edge>early|late)\s+)?" + _WDAY + r"(?:\s+" + _PART + r")?"
        ),
    ),
    (
        "deictic",
        _rx(
            r"\b(?P<word>the day before yesterday|the day after tomorrow|yesterday|today|tomorrow"
            r"|tonight)(?:\s+" + _PART + r")?\b",
            re.I,
        ),
    ),
    ("this_part", _rx(r"\b(?P<rel>this|last)\s+" + _PART + r"\b", re.I)),
    # "earlier this week" is tagged "this week" ("earlier" is a signal), "early this week" whole
    (
        "edge_rel",
        _rx(
            r"\b(?P<edge>early|late|mid)[\s-]+(?P<rel>this|last|next)\s+"
            r"(?P<unit>week|month|year)\b",
            re.I,
        ),
    ),
    (
        "rel_unit",
        _rx(
            r"\b(?P<rel>this|last|next|the past|the last|the coming|the next|the previous|"
            r"the following|past|coming|previous|following)\s+(?P<unit>week|weekend|month|year|decade"
            r"|century|quarter)\b(?!\s+(?:of|or|and)\b)",
            re.I,
        ),
    ),
    (
        "season",
        _rx(
            r"\b(?:(?P<rel>last|this|next|past|coming|early|late|the)\s+)?(?P<season>spring|summer|fall"
            r"|autumn|winter)(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b(?!\s+of\s+(?!\d))",
            re.I,
        ),
    ),
    # "two days before" counts from the last date; "two days before the vote" from an event: left out
    (
        "ago",
        _rx(
            r"\b" + _APPROX + _NUM + r"\s+" + _UNIT + r"\s+(?P<dir>ago|earlier|later|from now|hence"
            r"|(?:before|after)(?=\s*[.,;:)]))\b",
            re.I,
        ),
    ),
    (
        "anaphoric",
        _rx(
            r"\b(?P<phrase>(?:earlier|later) that (?:day|morning|evening|night)|that (?:same )?day"
            r"|the same day|the (?:next|following|previous) (?:day|morning|evening|night)"
            r"|(?:earlier|later) that (?:year|month)|that year"
            # "the day before the vote" is counted from the vote, not from the last date: left out
            r"|the (?:day|night) before(?!\s+\w))\b",
            re.I,
        ),
    ),
    (
        "holiday",
        _rx(
            r"\b(?:(?P<rel>last|next|this)\s+)?(?P<hol>Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)"
            r"|Thanksgiving(?: Day)?|Election Day|Halloween|Valentine's Day|Easter(?: Sunday)?)\b"
        ),
    ),
    (
        "ref",
        _rx(
            r"\b(?P<ref>right now|now|currently|current|nowadays|at present|these days|the present day"
            r"|the present|the past|recently|lately|in recent (?:years|months|weeks|days)|the future"
            r"|the near future|the coming (?:years|months|weeks|days|decades)|the years ahead"
            r"|the months ahead|soon)\b",
            re.I,
        ),
    ),
]

_REF_VALUES = {"the past": "PAST_REF", "recently": "PAST_REF", "lately": "PAST_REF"}
# A bare month or season is a date only when something says so: May is also a modal, June and August
# are names or adjectives, fall is a verb.
_MONTH_CUES = set(
    "in since until till by from to through of during before after last next this "
    "early late mid end beginning start middle between and or throughout as for on the mid-".split()
)


def find_timexes(doc: Doc, *, published: dt.date | None) -> list[Timex]:
    """Find dated expressions in a parsed article and give each a TIMEX3-style value."""
    out: list[Timex] = []
    anchor = Anchor()  # the last date the text gave, for "two days later" and "later that year"
    for cand in _select(_candidates(text_of(doc))):
        if not _plausible(doc, cand):
            continue
        value = _normalise(cand, Context(doc, published, anchor))
        if value is None:
            continue
        start, end, text = _trim(text_of(doc), cand.start, cand.end, cand.kind)
        out.append(Timex(start, end, text, value.value, value.precision, value.basis))
        anchor = _next_anchor(anchor, value, cand.kind)
    return _date_times(doc, _day_lists(text_of(doc), out), published)


_SECOND_DAY = re.compile(r"(?:\s*(?:-|–|and|to|through|or)\s*)(\d{1,2})(?![\d%])(?!\s*percent)")


def _day_lists(text: str, timexes: list[Timex]) -> list[Timex]:
    """Add the second day of "April 24 and 25" or "May 3-5", which borrows the first day's month."""
    out = []
    for t in timexes:
        out.append(t)
        m = _SECOND_DAY.match(text, t.end)
        if t.precision != "day" or not m or not t.text[-1:].isdigit():
            continue
        day = int(m.group(1))
        if not int(t.value[8:10]) < day <= 31:
            continue
        start, end = m.start(1), m.end(1)
        if any(o.start < end and start < o.end for o in timexes):
            continue
        out.append(Timex(start, end, m.group(1), f"{t.value[:8]}{day:02d}", "day", t.basis))
    return out


def _next_anchor(anchor: Anchor, value: Value, kind: str) -> Anchor:
    """Move the anchor to a newly found date (clock times without a day do not move it)."""
    if kind in ("time", "noon"):
        return anchor
    day = _as_date(value.value)
    year = int(value.value[:4]) if value.value[:4].isdigit() else anchor.year
    if day is None and anchor.day is not None and not anchor.day.isoformat().startswith(value.value):
        # "in June ... two days earlier": the story has left the last day, so no day to count from
        return Anchor(None, year)
    return Anchor(day or anchor.day, year)


def _candidates(text: str) -> list[Candidate]:
    """Every match of every pattern, overlapping ones included."""
    return [Candidate(m.start(), m.end(), kind, m) for kind, rx in _PATTERNS for m in rx.finditer(text)]


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidates that do not overlap, in text order."""
    order = {kind: i for i, (kind, _) in enumerate(_PATTERNS)}
    taken: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), order[c.kind], c.start)):
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _trim(text: str, start: int, end: int, kind: str) -> tuple[int, int, str]:
    """Drop a leading "the" of a period and a full stop that ends the sentence, not an abbreviation."""
    if kind in ("decade", "century", "year", "season") and text[start : start + 4].lower() == "the ":
        start += 4
    span = text[start:end]
    if span.endswith(".") and not re.search(r"(?:\b[A-Z][a-z]{2,3}|[ap]\.\s?m)\.$", span):
        end -= 1
    return start, end, text[start:end]


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering a character range (None when it falls outside the doc)."""
    return doc.char_span(start, end, alignment_mode="expand")


def _plausible(doc: Doc, cand: Candidate) -> bool:
    """Reject matches that are not time expressions here (the modal may, the verb fall, amounts)."""
    span = _tokens(doc, cand.start, cand.end)
    if span is None:
        return False
    g = cand.match.groupdict()
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if cand.kind == "month":
        if g.get("rel") or g.get("edge"):
            return True
        if before is None or before.lower_ not in _MONTH_CUES:
            return False
        return span[0].ent_type_ not in ("PERSON", "ORG", "WORK_OF_ART")
    if cand.kind == "year":
        return _plausible_year(span, before, after)
    if cand.kind == "season":
        if g.get("y"):
            return True
        if g.get("rel") == "the":
            return before is not None and before.lower_ in {"in", "during", "by", "until", "since", "through"}
        return bool(g.get("rel") or g.get("y")) or (before is not None and before.lower_ in {"in", "during"})
    if cand.kind == "ref":
        return _plausible_ref(span, g["ref"].lower(), after)
    if cand.kind == "rel_unit" and g["rel"].lower() in (
        "the past",
        "the last",
        "the coming",
        "the next",
        "past",
        "coming",
    ):
        # "the past week" and "the next year" are mostly stretches of time (durations), not dates
        return False
    if cand.kind in ("month_day", "day_month") and before is not None and before.text == "$":
        return False
    return True


def _plausible_year(span: Span, before: Token | None, after: Token | None) -> bool:
    """A four-digit number is a year unless it counts something or is an amount."""
    if before is not None and (before.text in ("$", "#") or before.lower_ in _NUMBERED_THINGS):
        return False  # "Resolution 1973", "Flight 1549"
    if span[-1].ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
        return False
    if (
        after is not None
        and after.tag_ == "NNS"
        and span[-1].ent_type_ != "DATE"
        and not span[0].lower_.startswith(("post", "pre"))
    ):
        return False  # "2000 troops"
    if after is not None and after.lower_ in ("percent", "%", "per", "hours", "gmt", "utc", "local"):
        return False
    return not (before is not None and before.like_num)


_NUMBERED_THINGS = set(
    "no. number resolution article flight route room model section chapter page bill law "
    "decree order item code unit highway interstate pp. p. vol. volume issue episode version".split()
)


def _plausible_ref(span: Span, ref: str, after: Token | None) -> bool:
    """Keep vague references that are about time ("the current situation", not "current account")."""
    if ref == "current":  # only "current" as the time, not "current account"
        return after is None or after.lower_ in ("situation", "state", "time", "times", "period", "crisis")
    if ref == "the past" and after is not None and after.like_num:
        return False  # "the past three years" is a duration
    if ref == "soon":
        return after is None or after.lower_ not in ("after", "as")
    return True


# --- Normalisation ---------------------------------------------------------------------------


def _normalise(cand: Candidate, ctx: Context) -> Value | None:
    """The TIMEX3 value of one candidate, or None when it cannot be resolved without inventing."""
    return _HANDLERS[cand.kind](cand, ctx)


def _month_num(name: str) -> int:
    """The month number of a month name or abbreviation ("Sept." -> 9)."""
    key = name.lower().rstrip(".")
    return MONTHS.index(key) + 1 if key in MONTHS else _MONTH_ABBR[key]


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
        year = _choose_year(ctx.published, month, day, _lead_tense(ctx.doc, cand))
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
        year = _choose_month_year(ctx.published, month, _tense(ctx.doc, cand))
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
    number = int(re.sub(r"\D", "", n)) if n[0].isdigit() else _ORDINALS[n]
    if not 1 <= number <= 21:
        return None
    return Value(f"{number - 1:02d}XX", "century", "explicit")


def _norm_weekday(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "Tuesday", "last Friday", "Monday night": a day next to the publication date."""
    g = cand.match.groupdict()
    if ctx.published is None:
        return None
    rel = (g.get("rel") or "").lower()
    day = _weekday_date(ctx.published, WEEKDAYS.index(g["wday"].lower()), rel, _lead_tense(ctx.doc, cand))
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
        return Value(f"{day}{_PARTS_OF_DAY[part.lower()]}", "time", basis)
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
    span = _tokens(doc, cand.start, cand.end)
    if span is None:
        return False
    nxt = doc[span.end : span.end + 3]
    if len(nxt) >= 2 and nxt[0].text in ("'s", "’s"):
        noun = next((t for t in nxt[1:] if t.pos_ in ("NOUN", "PROPN")), None)
        return noun is not None and noun.lemma_.lower() not in _DAY_NOUNS
    if _tense(doc, cand) not in (UNKNOWN, PRESENT):
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
        return Value(_iso_week(d) + ("-WE" if unit == "weekend" else ""), "week", basis)
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
    step = {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
    return _shift_unit(ctx.published, g["unit"].lower(), step, "relative")


def _season_of(d: dt.date) -> tuple[int, str]:
    """TIMEX3 season of a date; December belongs to the winter of the next year."""
    if d.month == 12:
        return d.year + 1, "WI"
    return d.year, ["WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA"][d.month - 1]


def _norm_season(cand: Candidate, ctx: Context) -> Value | None:
    """Expressions like "last fall", "next spring", "the summer of 2023"."""
    g = cand.match.groupdict()
    code = _SEASONS[g["season"].lower()]
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
        tense = _tense(ctx.doc, cand)
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
    return _NUMBER_WORDS.get(word.replace("a hundred", "hundred"))


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
    if ctx.anchor.day is None:
        return None
    anchor_day = ctx.anchor.day
    shift = (
        1
        if ("next" in phrase or "following" in phrase)
        else -1
        if ("previous" in phrase or "before" in phrase)
        else 0
    )
    day = (anchor_day + dt.timedelta(days=shift)).isoformat()
    part = next((p for p in _PARTS_OF_DAY if phrase.endswith(p)), None)
    return _with_part(day, part, "relative")


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
        tense = _tense(ctx.doc, cand)
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
    hour = hour % 12 + (12 if pm else 0)
    day = "XXXX-XX-XX"
    if g.get("wday") and ctx.published is not None:
        day = _weekday_date(
            ctx.published, WEEKDAYS.index(g["wday"].lower()), "", _lead_tense(ctx.doc, cand)
        ).isoformat()
    return Value(f"{day}T{hour:02d}:{minute:02d}", "time", "explicit")


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
    if ref in _REF_VALUES or ref.startswith("in recent"):
        return Value(_REF_VALUES.get(ref, "PAST_REF"), "ref", "relative")
    if "future" in ref or "coming" in ref or "ahead" in ref or ref == "soon":
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
    "holiday": _norm_holiday,
    "ref": _norm_ref,
}


def _as_date(value: str) -> dt.date | None:
    """The day of a day-precise value (a time of day may follow), else None."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _date_times(doc: Doc, timexes: list[Timex], published: dt.date | None) -> list[Timex]:
    """Give a bare clock time the day of its sentence (a dated expression there, else publication)."""
    out = []
    for t in timexes:
        if t.value.startswith("XXXX-XX-XXT"):
            span = _tokens(doc, t.start, t.end)
            sent = span.sent if span is not None else None
            days = [
                _as_date(o.value)
                for o in timexes
                if sent is not None and sent.start_char <= o.start < sent.end_char and o is not t
            ]
            days = [d for d in days if d is not None]
            # else the day the story last spoke of, else the publication date
            earlier = [
                _as_date(o.value) for o in timexes if o.start < t.start and _as_date(o.value) is not None
            ]
            day = days[0] if days else earlier[-1] if earlier else published
            if day is None:
                out.append(t)
                continue
            t = Timex(t.start, t.end, t.text, day.isoformat() + t.value[10:], t.precision, t.basis)
        out.append(t)
    return out


# --- Tense --------------------------------------------------------------------------------------

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "going"}
_INTENT_LEMMAS = {"want", "seek", "try", "agree", "decide"}
_SCHEDULE_LEMMAS = {"expect", "schedule", "plan", "set", "due", "slate", "intend", "hope", "aim"}


def _lead_tense(doc: Doc, cand: Candidate) -> str:
    """The tense, overridden by a word just before the expression: "last", or "until"/"by" of a deadline."""
    before = text_of(doc)[max(0, cand.start - 20) : cand.start].lower().split()
    word = before[-1] if before else ""
    if word in ("last", "past", "previous", "since"):
        return PAST
    if " ".join(before[-3:]) in ("as soon as", "as early as"):
        return FUTURE
    tense = _tense(doc, cand)
    if word in ("next", "coming") or (
        word in ("by", "until", "till") and not _past_perfect(doc, cand) and (word != "by" or tense != PAST)
    ):
        return FUTURE
    return tense


def _past_perfect(doc: Doc, cand: Candidate) -> bool:
    """True when the governing verb is in the past perfect ("until Monday they had not ...")."""
    span = _tokens(doc, cand.start, cand.end)
    verb = governing_verb(span.root) if span is not None else None
    return verb is not None and any(
        c.lower_ in ("had", "'d") for c in verb.children if c.dep_ in ("aux", "auxpass")
    )


def _tense(doc: Doc, cand: Candidate) -> str:
    """Past / future / unknown, read from the verb that governs the expression."""
    span = _tokens(doc, cand.start, cand.end)
    if span is None:
        return UNKNOWN
    verb = governing_verb(span.root)
    if verb is None:
        return UNKNOWN
    return _verb_tense(verb)


def _verb_tense(verb: Token) -> str:
    """Past / future / unknown from a verb, its auxiliaries and a few scheduling verbs."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX or (words & {"would"} and verb.head.lemma_ in ("say", "announce", "tell")):
        return FUTURE
    if verb.lemma_ in _SCHEDULE_LEMMAS and verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        head_verb = governing_verb(verb.head)
        return _verb_tense(head_verb) if head_verb is not None and head_verb.i != verb.i else UNKNOWN
    # "planned a rally on Saturday": a plan told in the past is still for a day ahead ("set" in
    # the past tense is mostly "set Friday as the deadline", already passed)
    if (
        verb.lemma_ in _SCHEDULE_LEMMAS
        and verb.dep_ != "xcomp"
        and not (verb.lemma_ == "set" and verb.tag_ == "VBD")
    ):
        return FUTURE
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _SCHEDULE_LEMMAS | _INTENT_LEMMAS:
        return FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if verb.tag_ in ("VBN", "VBG") and words & {"has", "have", "'ve"}:
        return PAST
    if words & {"might", "may", "should", "must", "would"} and not words & {"have", "'ve"}:
        return FUTURE  # "might come on Tuesday"; "could" is as often a past ability
    if verb.tag_ == "VBN" and verb.dep_ in ("relcl", "acl"):
        return PAST
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and words & {"is", "are", "'s", "'re", "am"}):
        return PRESENT
    return UNKNOWN
