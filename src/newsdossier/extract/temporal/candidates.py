"""Candidates: the patterns that find time expressions, overlaps resolved longest-first, and the
checks that reject matches which are not time expressions here (the modal may, amounts, names)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

MONTHS = ("january february march april may june july august september october november december").split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
MONTH_ABBR = {
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
NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORDS.update({"a": 1, "an": 1, "hundred": 100, **_TENS})
# counts written with a hyphen: "twenty-five years ago", "seventy-four years ago"
NUMBER_WORDS.update(
    {
        f"{t}-{w}": n + NUMBER_WORDS[w]
        for t, n in _TENS.items()
        for w in "one two three four five six seven eight nine".split()
    }
)
ORDINALS = {
    w: n
    for n, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
ORDINALS["twenty-first"] = 21
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}

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
_WDAY_NAMES = "|".join(w.capitalize() for w in WEEKDAYS)
_WDAY = r"(?P<wday>" + _WDAY_NAMES + ")"
# a count: digits or any number word, the longest first so that "twenty-five" is not read as "twenty"
_NUM = (
    r"(?P<num>\d+|"
    + "|".join(sorted((w for w in NUMBER_WORDS if w != "zero"), key=len, reverse=True))
    + r"|a hundred|several|a few|a couple of)"
)
_UNIT = r"(?P<unit>day|week|month|year|decade|century|centuries)s?"
_APPROX = r"(?:(?P<approx>almost|nearly|about|around|some|more than|less than|over|roughly|just|only)\s+)?"
_PART = r"(?P<part>morning|afternoon|evening|night)"
# "end-2022" and "start-June" are written with a hyphen only ("projects start 2022" is a verb); the
# words may open a sentence ("Late March", "The end of May"), so their case is free
_EDGE = (
    r"(?:(?P<edge>(?i:early|earlier|late|later|mid|end(?=-)|start(?=-)|the middle of|the end of"
    r"|the beginning of|the start of))[\s-]+)?"
)
# a time zone after a clock time: "UTC", "EST", "CEST", "ET" (a bare two-letter "ET", "PT" of the US)
_ZONE = r"(?:UTC|GMT|[A-Z]{2,4}T|[ECMP]T)(?![A-Za-z])"
# the day a clock time may name after it: "12:00 UTC Monday", "09:30 UTC today"
_CLOCK_DAY = r"(?:,?\s+" + _WDAY + r"|\s+(?P<deix>today|yesterday|tomorrow|tonight)\b)?"
_B = r"(?<![\w$.-])"  # a candidate never starts inside a word, a number or an amount
_W = r"(?<![\w-])"  # a word-led candidate never starts inside a word ("blast Friday")
# the second end of a range may follow a dash: "March 30-April 4", "1981-1989"
_AFTER_DAY_DASH = r"(?<=\d[-–])"
_AFTER_YEAR_DASH = r"(?<=(?<!\d)(?:1[5-9]|20)\d\d[-–])"


@dataclass(frozen=True)
class Candidate:
    """A matched expression before normalisation."""

    start: int
    end: int
    kind: str
    match: re.Match


def _rx(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile one pattern of the table."""
    return re.compile(pattern, flags)


# Words of judgement that make "it was a ... day" the day itself ("a historic day for the city").
_DAY_VERDICTS = set(
    "great historic historical sad proud dark good bad big special important momentous tragic landmark "
    "memorable terrible remarkable emotional happy joyous glorious black fine wonderful".split()
)


# the ordinal of a streak up to the story's time: "a third straight month", "the 11th consecutive session"
_STREAK_ORD = r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)"


# (kind, pattern) in priority order: on equal length the earlier kind wins.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", _rx(_B + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")),
    ("numeric", _rx(_B + r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")),
    (
        "month_day",
        _rx(
            r"(?:"
            + _W
            + "|"
            + _AFTER_DAY_DASH
            + ")"
            # "the morning of Nov. 29": a part of that day (TIMEX3 ...TMO)
            + r"(?:(?i:the)\s+"
            + _PART
            + r"\s+of\s+)?"
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
    # "June this year", "early March next year", "8 March last year": the month (or day) of the year
    # named after it
    (
        "month_rel_year",
        _rx(
            _W
            + r"(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
            + _EDGE
            + _MONTH_WORD
            + r"\s+(?:of\s+)?(?P<yrel>this|next|last)\s+year\b"
        ),
    ),
    # "the final week of October", "the first week of May 2010": an ISO week of that month
    (
        "week_of_month",
        _rx(
            r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+"
            + _MONTH
            + r"(?:,?\s+(?P<y>\d{4})(?!\d))?",
            re.I,
        ),
    ),
    # the relative word may open a sentence ("Last November"); the month keeps its capital
    (
        "month",
        _rx(_W + r"(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?" + _EDGE + _MONTH_WORD + r"(?!\s*\d)"),
    ),
    (
        "time",
        _rx(
            _B + r"(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s*"
            # "6 p.m.", "6pm"; headlines and transcripts write "6:13 P.M.", "6 PM"
            r"(?P<ampm>[ap]\.\s?m\.?|[ap]m(?![a-z])|[AP]\.\s?M\.?|[AP]M(?![A-Za-z]))"
            r"(?:\s+(?P<tz>" + _ZONE + r")|\s+local time)?" + _CLOCK_DAY
        ),
    ),
    # a 24-hour clock is a time when a zone follows ("18:00 UTC", "0800 GMT") or "at" leads ("at 14:30")
    (
        "clock",
        _rx(
            _B + r"(?:(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\d:.])"
            r"(?:\s*(?P<tz>" + _ZONE + r")\b|\s+(?P<local>local time)\b)?"
            # "0800 UTC": four digits are a time only with their zone (else a year, a count)
            r"|(?P<h4>[01]\d|2[0-3])(?P<min4>[0-5]\d)(?:\s+hours)?(?:\s*(?P<tz4>UTC|GMT)\b"
            r"|\s+(?P<local4>local time)\b))" + _CLOCK_DAY
        ),
    ),
    # "6 in the morning", "at five in the afternoon", "3:15 in the afternoon", "11:30 at night"
    (
        "hour_part",
        _rx(
            _B + r"(?P<hw>(?:[1-9]|1[0-2])(?::(?P<min>[0-5]\d))?|one|two|three|four|five|six|seven|eight|nine"
            r"|ten|eleven|twelve)(?:\s+o['’]clock)?\s+(?:in\s+the|at(?=\s+night))\s+" + _PART + r"\b",
            re.I,
        ),
    ),
    ("noon", _rx(r"\b(?P<noon>noon|midnight|midday)\b", re.I)),
    (
        "century",
        _rx(
            r"\b"
            + _EDGE
            + r"(?:the\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|"
            + "|".join(ORDINALS)
            + r")\s+century\b",
            re.I,
        ),
    ),
    # "the 1990s", "the '70s", "the 60s and 90s" (a bare "70s" needs "the" or a decade before it:
    # "in her 70s" is an age)
    (
        "decade",
        _rx(
            _B + _EDGE + r"(?:the\s+)?(?P<dec>(?:1[0-9]|20)\d0|['’]\d0|(?<=the )\d0"
            r"|(?<=0s and )\d0|(?<=0s or )\d0|(?<=0s to )\d0)['’]?s\b",
            re.I,
        ),
    ),
    (
        "year",
        _rx(
            r"(?:" + _B + "|" + _AFTER_YEAR_DASH + ")" + _EDGE + r"(?:post-|pre-)?(?P<y>1[5-9]\d\d|20\d\d)"
            r"(?![\d%])(?![.,]\d)",
            re.I,
        ),
    ),
    (
        "weekday",
        _rx(
            _W + r"(?:(?P<rel>(?i:last|next|this|past|coming|previous|following))\s+)?"
            # "on Mondays" is every Monday (a TIMEX3 SET), not one day; "Late Tuesday" may open a sentence
            r"(?:(?P<edge>(?i:early|late))\s+)?" + _WDAY + r"(?!s\b)(?:\s+" + _PART + r")?"
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
            r"\b(?P<edge>early|late|mid|the end of|the beginning of|the start of|the middle of)[\s-]+"
            r"(?P<rel>this|last|next|the)\s+(?P<unit>week|month|year|quarter)\b(?!\s+(?:of|before|after)\b)",
            re.I,
        ),
    ),
    # "fares fell 3% in June against the same week a year earlier": the last date, a year back
    (
        "same_last_year",
        _rx(
            r"\b(?:the same (?P<same>day|week|month|quarter|period|time) (?:a year (?:ago|earlier|before)"
            r"|last year|of (?:the )?(?:previous|prior|last) year|the (?:previous|prior) year)"
            # "from the year-earlier quarter", "the year-ago period"
            r"|the year[- ](?:earlier|ago) (?P<same2>day|week|month|quarter|period)"
            # "the same month of 2008", "the same quarter in 2019": the last date's part, in that year
            r"|the same (?P<same3>day|month|quarter|period) (?:of|in) (?P<sy>(?:1[5-9]|20)\d\d)(?!\d))\b",
            re.I,
        ),
    ),
    ("the_weekend", _rx(r"\b(?:the|this past)\s+weekend\b(?!\s+(?:of|before|after)\b)", re.I)),
    # parts of a year: "the first quarter of 2009", "the second half of the year", "the final quarter"
    (
        "part_of",
        _rx(
            r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
            r"(?P<pu>quarter|half)(?:\s+of\s+(?:(?P<y>\d{4})(?!\d)|(?P<rel>this|last|next|the|the current"
            r"|the previous)\s+(?:fiscal\s+|financial\s+)?year)(?:\s+(?P<y2>\d{4})(?!\d))?)?\b",
            re.I,
        ),
    ),
    # fiscal years: "fiscal 2007", "FY2010", "the 2009 fiscal year", "the current financial year"
    (
        "fiscal",
        _rx(
            r"\b(?:(?P<edge>early|late|mid|the end of|the beginning of|the start of|the middle of)[\s-]+"
            r"|the\s+very\s+(?P<vedge>beginning|start|end)\s+of\s+)?"
            r"(?:(?:fiscal(?:\s+year)?|financial\s+year|FY)\s*(?P<y>\d{4}|['’]\d{2}|(?<=FY)\d{2})(?!\d)"
            r"|(?P<y4>\d{4})\s+(?:fiscal|financial)\s+year"
            r"|(?:the\s+)?(?P<rel>this|next|last|current|previous|coming|the)\s+(?:fiscal|financial)\s+year)\b",
            re.I,
        ),
    ),
    # "the December quarter": the calendar quarter that ends in that month
    ("month_quarter", _rx(r"\bthe\s+(?P<qmonth>March|June|September|December)\s+quarter\b(?![-'’])")),
    ("q_code", _rx(r"\b(?P<code>Q[1-4]|H[12])(?:\s+(?P<y>\d{4})(?!\d)|(?P<yy>-\d{4}|/\d{2}(?!\d)))?\b")),
    # "the year before", "the month after": a unit next to the last date the text gave ("the year
    # before the war" counts from the war: left out)
    (
        "unit_around",
        _rx(
            r"\bthe\s+(?P<unit>week|month|year)\s+(?P<dir>before|previous|earlier|after|later)\b(?![ \t]+\w)",
            re.I,
        ),
    ),
    # "for the entire year", "the whole month", "that week", "the same month": the unit of the last
    # date the text gave ("that year" is an anaphor of its own, which any date with a year anchors).
    # "the same year as the war", "that month after month", "the same week that" count from something else.
    (
        "whole_unit",
        _rx(
            r"\b(?:the\s+(?:entire|whole|full|same)|that(?=\s+(?:week|month|quarter)\b))"
            r"\s+(?P<unit>week|month|year|quarter)\b(?![-'’])"
            r"(?!\s+(?:of|to|as|when|that|which|in which|before|earlier|later|ago|ahead|or|and a half"
            r"|after\s+(?:week|month|quarter|year))\b)",
            re.I,
        ),
    ),
    # a streak up to the time of the story: "for a fourth week in a row", "a third straight month"
    (
        "streak",
        _rx(
            r"\b(?:(?:a|the)\s+)?(?P<ord>" + _STREAK_ORD + ")"
            r"\s+(?:(?:consecutive|straight|successive)\s+(?P<unit>week|month|year|quarter)"
            r"|(?P<unit2>week|month|year|quarter)(?=\s+in\s+a\s+row\b))\b",
            re.I,
        ),
    ),
    # "earlier in the week", "later in the year": the unit of the last date the text gave ("earlier in
    # the day" is left out: TimeML corpora seldom tag it)
    ("in_the_unit", _rx(r"\b(?:earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)\b", re.I)),
    # "by that time", "at that time": the last date the text gave (the preposition is checked in plausible)
    ("that_time", _rx(r"\bthat\s+time\b(?!\s+(?:of|when)\b)", re.I)),
    (
        "rel_unit",
        _rx(
            r"\b(?P<rel>this past|this|last|next|the past|the last|the coming|the next|the previous|"
            r"the current|the following|the prior|past|coming|previous|following)\s+"
            # "the last year of the lease" is part of a stretch; "sales in the last year of $12m" is not;
            # "the last month or two" and "the past year and a half" are stretches, "last year and
            # the year before" names the year
            r"(?P<unit>week|weekend|month|year|decade|century|quarter)\b"
            r"(?!\s+(?:of(?!\s+(?:US|C|A)?[$£€¥\d])|or\s+(?:so|two|three|more|longer)|and\s+a\s+half)\b)",
            re.I,
        ),
    ),
    (
        "season",
        _rx(
            r"\b(?:(?P<rel>last|this|next|past|coming|early|late|the|that)\s+)?(?P<season>spring|summer|fall"
            # "the spring of last year": the season of the year named after it
            r"|autumn|winter)(?:\s+(?:of\s+)?(?P<y>\d{4})|\s+of\s+(?P<yrel>last|this|next)\s+year)?\b"
            r"(?!\s+of\s+(?!\d))",
            re.I,
        ),
    ),
    # "two days before" counts from the last date; "two days before the vote" from an event: left out;
    # "two years later than planned" is a delay, no date
    (
        "ago",
        _rx(
            # never inside a hyphened number ("Seventy-four years ago" is not "four years ago")
            r"(?<![\w-])"
            + _APPROX
            + _NUM
            + r"\s+"
            + _UNIT
            + r"\s+(?P<dir>ago|earlier(?!\s+than\b)|later(?!\s+than\b)"
            r"|from now|hence|(?:before|after)(?=\s*[.,;:)]))\b",
            re.I,
        ),
    ),
    (
        "anaphoric",
        _rx(
            r"\b(?P<phrase>(?:earlier|later) that (?:day|morning|afternoon|evening|night)"
            # "that evening" is checked in plausible: "said that morning trade was thin" is no time
            r"|that (?:same )?(?:day|morning|afternoon|evening|night)"
            r"|the same day|the (?:next|following|previous) (?:day|morning|afternoon|evening|night)"
            # "a historic day" said of the story's own day, tagged "day" (checked in plausible)
            r"|an? (?:" + "|".join(sorted(_DAY_VERDICTS)) + r") (?P<dword>day)(?![-\w])"
            r"|(?:earlier|later) that (?:year|month)|that year"
            r"|(?:a|the) (?:" + _STREAK_ORD + r") (?:consecutive|straight|successive)"
            r" (?:trading )?(?:day|session)|(?:a|the) (?:" + _STREAK_ORD + r") (?:trading )?(?:day|session)"
            r"(?= in a row)"
            r"|(?P<dedge>early|late) in the day|the (?P<dpart>start|end|close) of the day"
            # "ending the day up 2%", "on the day": the day the story is on (checked in plausible)
            r"|the day(?!\s+(?:before|after|of|when|that|which|and|in|on|to|" + _WDAY_NAMES + r")\b)"
            r"(?![\'’]s)"
            # "the day before the vote" is counted from the vote, not from the last date: left out
            r"|the (?:day|night) before(?!\s+\w))\b",
            re.I,
        ),
    ),
    (
        "holiday",
        _rx(
            r"\b(?:(?P<rel>last|next|this)\s+)?(?P<hol>Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)"
            r"|Thanksgiving(?: Day)?|Election Day|Halloween|Valentine's Day"
            r"|Easter(?: Sunday| Monday| [Ww]eek)?|Holy Week|Good Friday|Veterans Day|Remembrance Day"
            r"|Boxing Day|Bastille Day|Canada Day"
            r"|St\.? Patrick's Day|May Day|Labou?r Day|Memorial Day|Martin Luther King(?: Jr\.)? Day"
            r"|Presidents'? Day|Mother's Day|Father's Day)(?![\w'])"
        ),
    ),
    (
        "ref",
        _rx(
            r"\b(?P<ref>right now|now|currently|current|nowadays|at present|these days|the present day"
            r"|the present|the past|recently|lately|in recent (?:years|months|weeks|days)|the future"
            r"|the near future|the coming (?:years|months|weeks|days|decades)|the years ahead"
            r"|the months ahead|soon|the time being|at the moment"
            r"|in the (?:long|short|medium|near) (?:term|run)"
            r"|recent (?:years|months|weeks|days))\b"
            # a word of a hyphened compound modifies a noun: "the soon-to-open hall", "a now-closed mine"
            r"(?!-)",
            re.I,
        ),
    ),
]

# A bare month or season is a date only when something says so: May is also a modal, June and August
# are names or adjectives, fall is a verb.
_MONTH_CUES = set(
    "in since until till by from to through of during before after last next this "
    "early late mid end beginning start middle between and or throughout as for on the mid- into come".split()
)


def candidates(text: str) -> list[Candidate]:
    """Every match of every pattern, overlapping ones included."""
    return [Candidate(m.start(), m.end(), kind, m) for kind, rx in _PATTERNS for m in rx.finditer(text)]


def select(cands: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidates that do not overlap, in text order."""
    order = {kind: i for i, (kind, _) in enumerate(_PATTERNS)}
    taken: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), order[c.kind], c.start)):
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def trim(text: str, cand: Candidate) -> tuple[int, int, str]:
    """Drop a leading "the" of a period and a full stop that ends the sentence, not an abbreviation;
    of "a great day" keep "day" and of "the night of Nov. 29" the date, as TimeML does."""
    start, end, kind = cand.start, cand.end, cand.kind
    if cand.match.groupdict().get("dword"):
        start = cand.match.start("dword")
    if kind == "month_day" and cand.match.group("part"):
        # "the night of Nov. 29": TimeML corpora tag the date alone; its value keeps the part of day
        start = cand.match.start("wday") if cand.match.group("wday") else cand.match.start("month")
    if (
        kind in ("decade", "century", "year", "season")
        and text[start : start + 4].lower() == "the "
        and not re.match(r"(?:end|beginning|start|middle) of", text[start + 4 : start + 20], re.I)
    ):
        start += 4
    span = text[start:end]
    if span.endswith(".") and not re.search(r"(?:\b[A-Z][a-z]{2,3}|[apAP]\.\s?[mM])\.$", span):
        end -= 1
    return start, end, text[start:end]


def tokens_of(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering a character range (None when it falls outside the doc)."""
    return doc.char_span(start, end, alignment_mode="expand")


def plausible(doc: Doc, cand: Candidate) -> bool:
    """Reject matches that are not time expressions here (the modal may, the verb fall, amounts)."""
    span = tokens_of(doc, cand.start, cand.end)
    if span is None:
        return False
    g = cand.match.groupdict()
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if cand.kind == "month":
        if g.get("rel") or g.get("edge"):
            return True
        if span[0].ent_type_ in ("PERSON", "ORG", "WORK_OF_ART"):
            return False
        if before is not None and (before.lower_ in _MONTH_CUES or before.tag_ == "PRP$"):
            return True  # "in May", "their June results"; not "May I"
        return _month_as_modifier(span, before, after)
    if cand.kind == "year":
        return _plausible_year(span, before, after)
    if cand.kind == "season":
        if g.get("y") or g.get("yrel"):
            return True
        if (g.get("rel") or "").lower() == "that":  # "that spring", not "said that summer jobs ..."
            return _that_is_determiner(span)
        if g.get("rel") == "the":
            if before is not None and before.lower_ in _SEASON_PREPS:
                return True
            # "throughout the winter", "the end of the summer"; not "after the fall in prices" (a drop)
            return g["season"].lower() != "fall" and _season_cue(span, before)
        if g.get("rel") or (
            before is not None and (before.lower_ in {"in", "during"} or before.tag_ == "PRP$")
        ):
            return True
        # a bare season as the subject ("spring brought rain"); "a hot spring feeds the pool" has a det
        root = span.root
        return (
            root.dep_ == "nsubj" and root.pos_ == "NOUN" and not any(c.dep_ == "det" for c in root.children)
        )
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
        # "the past week" and "the next decade" are mostly stretches of time (durations), not dates;
        # "the last week / month / year" is dated in TimeML corpora, by the unit that holds most of it;
        # "The next year, ..." opening a sentence steps on from the story's date, like "the following"
        if g["rel"].lower() == "the next":
            return _next_unit_steps_on(span)
        return g["rel"].lower() == "the last" and g["unit"].lower() in ("week", "month", "year")
    if cand.kind in ("month_day", "day_month") and before is not None and before.text == "$":
        return False
    if cand.kind == "clock":
        return _plausible_clock(g, before)
    if cand.kind == "weekday" and before is not None and before.text in _NAMED_DAY_WORDS:
        return False  # "Black Monday", "Good Friday": a day with a name, not a day of this week
    if cand.kind == "ago" and before is not None and before.lower_ == "half":
        return False  # "half a century ago": only the last part of the count was found
    if cand.kind == "weekday" and _weekday_in_a_title(span, after):
        return False
    if cand.kind == "weekday" and _nth_weekday_of_month(span, before):
        return False
    if cand.kind == "deictic" and _deictic_in_a_name(span, before, after):
        return False
    if cand.kind == "weekday" and before is not None and before.lower_ in ("every", "each"):
        return False  # "every Monday" repeats (a TIMEX3 SET): no one day of the timeline
    if cand.kind == "part_of" and g["pu"].lower() == "half" and not (g.get("y") or g.get("rel")):
        return False  # "in the second half" is as often a match's half as a year's
    if cand.kind == "anaphoric" and g["phrase"].lower() == "the day":
        return _plausible_the_day(before)
    if (cand.kind == "anaphoric" and g["phrase"].lower().startswith("that ")) or (
        cand.kind == "whole_unit" and span[0].lower_ == "that"
    ):
        return _that_is_determiner(span)
    if cand.kind == "anaphoric" and g.get("dword"):
        return _day_in_verdict(span)
    if cand.kind == "that_time":  # "by that time" is a time; "that time she won" is a count of occasions
        return before is not None and before.lower_ in _THAT_TIME_PREPS
    if cand.kind in ("holiday", "century") and _starts_a_name(span, after):
        return False
    if cand.kind == "holiday" and before is not None and before.lower_ in _GREETINGS:
        return False  # "Happy Easter", "Happy Thanksgiving" wish well: no day of the story
    return True


# Capitalised words after a holiday or a century that go on telling its time, not a name.
_TIME_NOUNS = set("week weekend eve day night morning afternoon evening holiday holidays season".split())
_GREETINGS = {"merry", "happy"}


def _starts_a_name(span: Span, after: Token | None) -> bool:
    """True when a holiday or a capitalised century is the first word of a name: "Easter Bay",
    "the Christmas Creek Mine", "21st Century Lumber" (a weekday, month or time noun after it is no
    name: "Christmas Eve Friday", "Labor Day Weekend")."""
    if after is None or not after.text[:1].isupper() or after.is_sent_start:
        return False
    if not span[-1].text[:1].isupper():
        return False  # "the 20th century Europe": lower case is the century itself
    word = after.lower_.rstrip(".")
    return word not in _TIME_NOUNS and word not in WEEKDAYS and word not in MONTHS and word not in MONTH_ABBR


_SEASON_PREPS = {"in", "during", "by", "until", "since", "through"}
_SEASON_MORE_PREPS = {"over", "throughout", "after", "before"}
_PERIOD_EDGES = {"end", "start", "beginning", "middle", "rest", "height", "depths"}


def _season_cue(span: Span, before: Token | None) -> bool:
    """'the summer' is a season after "over", "throughout", "after", "before" or as the part of one
    ("the end of the winter", "the rest of the summer")."""
    if before is None:
        return False
    if before.lower_ in _SEASON_MORE_PREPS:
        return True
    doc = span.doc
    edge = doc[before.i - 1] if before.i > 0 else None
    return before.lower_ == "of" and edge is not None and edge.lower_ in _PERIOD_EDGES


def _next_unit_steps_on(span: Span) -> bool:
    """True for "the next year" or "the next month" that opens its sentence, set off by a comma ("The
    next year, the mill closed"): a step on from the story's date, not a stretch ahead ("in the next
    year")."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (
        span[0].is_sent_start
        and span[-1].lower_ in ("week", "month", "year")
        and after is not None
        and after.text == ","
    )


def _that_is_determiner(span: Span) -> bool:
    """'that evening' names a time when "that" is its determiner, not the conjunction of "said that
    morning traffic was light" (where the part of day modifies the next noun)."""
    that, noun = span[0], span[-1]
    return that.dep_ == "det" and that.head.i == noun.i and noun.dep_ != "compound"


def _day_in_verdict(span: Span) -> bool:
    """'a great day' is the story's day when something is said to be it ("it is a historic day"), not
    when one is hoped for ("it will be a great day"), had ("a good day at work"), or when the subject
    already names the day ("Monday was a sad day": one date, tagged once)."""
    day = span[-1]
    verb = day.head
    if day.dep_ != "attr" or verb.lemma_ != "be":
        return False
    # the parser reads the "Monday" of "Monday was a sad day" as a subject or as npadvmod
    subjects = [c for c in verb.lefts if c.dep_ in ("nsubj", "npadvmod")]
    if any(s.lower_ in _DAY_WORDS or s.ent_type_ in ("DATE", "TIME") for s in subjects):
        return False
    return not any(c.dep_ == "aux" and c.lower_ in _NOT_YET for c in verb.children)


_DAY_WORDS = set(WEEKDAYS) | {"today", "yesterday", "tomorrow", "tonight"}


_NOT_YET = set("will would could might may should shall 'll".split())


_THAT_TIME_PREPS = set("by at until till since from after before around".split())


def _month_as_modifier(span: Span, before: Token | None, after: Token | None) -> bool:
    """A month that dates a noun: "a March meeting", "that October night", "their key April poll",
    "October's rise" (not "April's mother": April, May and June are given names too)."""
    if after is None:
        return False
    if after.text in ("'s", "’s"):
        return span[0].lower_ not in _GIVEN_NAME_MONTHS
    if before is None or after.pos_ != "NOUN":
        return False
    if before.lower_ in _MONTH_DETERMINERS:
        return True
    # "their crucial April poll", "a key March vote": a modifier between the determiner and the month
    # ("the new May government" is as often a leader's as the month's)
    first = before.doc[before.i - 1] if before.i > 0 else None
    return (
        span[0].lower_ != "may"
        and before.pos_ in ("ADJ", "NOUN")
        and before.is_lower
        and first is not None
        and (first.lower_ in _MONTH_CUES or first.tag_ == "PRP$" or first.lower_ in _MONTH_DETERMINERS)
    )


_MONTH_DETERMINERS = {"a", "an", "that"}
_GIVEN_NAME_MONTHS = {"april", "may", "june"}


def _plausible_clock(g: dict, before: Token | None) -> bool:
    """A 24-hour clock is a time with a zone ("18:00 UTC"), "local time", or "at" before it ("at 14:30")."""
    if g.get("tz") or g.get("local") or g.get("h4"):
        return True
    if before is not None and before.lower_ in _ROUGHLY and before.i > 0:
        before = before.doc[before.i - 1]  # "at about 4:15", "at around 23:40"
    return bool(g.get("h")) and before is not None and before.lower_ == "at"


_ROUGHLY = {"about", "around", "approximately", "roughly", "precisely", "exactly", "just"}


# Capitalised words that make a weekday the name of one day in history or the calendar.
_NAMED_DAY_WORDS = set("Black Cyber Good Ash Holy Bloody Super Maundy Easter Palm".split())

# Capitalised words after a weekday that make it the title of a paper or a programme ("The Sunday
# Times", "Monday Night Football"), not a day of the story.
_PAPER_WORDS = set("Times Telegraph Mirror Herald Express Post Tribune Independent Observer".split())
_SHOW_PARTS = set("Night Morning Evening Afternoon".split())


def _weekday_in_a_title(span: Span, after: Token | None) -> bool:
    """True for the weekday of a title: a paper's name ("Sunday Times"), or a programme named by the
    weekday, a capitalised part of the day and a further capitalised word ("Friday Night Showcase")."""
    if after is None or span[-1].lower_ not in WEEKDAYS:
        return False
    if after.text in _PAPER_WORDS:
        return True
    nxt = after.doc[after.i + 1] if after.i + 1 < len(after.doc) else None
    return after.text in _SHOW_PARTS and nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha


_WEEKDAY_ORDINALS = set("first second third fourth fifth last final".split())


def _nth_weekday_of_month(span: Span, before: Token | None) -> bool:
    """True for the weekday of "the first Monday in July", "the last Friday of the month": a day
    counted inside a month (or every month), not the weekday nearest the story."""
    if span[0].lower_ == "last":  # "the last Friday of March": "last" here counts, it is no "last Friday"
        return before is not None and before.lower_ == "the"
    return before is not None and before.lower_ in _WEEKDAY_ORDINALS


_OPENING_QUOTES = set("\"“‘'`")
_CLOSING_QUOTES = set("\"”’'")


def _deictic_in_a_name(span: Span, before: Token | None, after: Token | None) -> bool:
    """True for "today" as (part of) a title: capitalised after a proper name ("USA Today") or alone in
    quotation marks (the “Today” show), not at the start of a sentence."""
    word = span[0]
    if not word.text[:1].isupper() or word.is_sent_start or before is None:
        return False
    if before.text in _OPENING_QUOTES:
        return after is not None and after.text in _CLOSING_QUOTES
    return before.pos_ == "PROPN" and before.text[:1].isupper() and before.lower_ not in _DATE_WORDS


# "the day" is the story's day after these words ("on the day", "ended the day up 2%")
_THE_DAY_PREPS = set("on for during over throughout across through".split())
_THE_DAY_VERBS = set("end finish close start open begin spend".split())


def _plausible_the_day(before: Token | None) -> bool:
    """'the day' names the story's day only after a preposition of time or a verb of the trading day."""
    if before is None:
        return False
    return before.lower_ in _THE_DAY_PREPS or (before.pos_ == "VERB" and before.lemma_ in _THE_DAY_VERBS)


def _plausible_year(span: Span, before: Token | None, after: Token | None) -> bool:
    """A four-digit number is a year unless it counts something or is an amount."""
    if before is not None and (before.text in ("$", "#") or before.lower_ in _NUMBERED_THINGS):
        return False  # "Resolution 1973", "Flight 1549"
    if before is not None and span[0].text[:1].isdigit() and _name_like(before):
        return False  # "Russell 2000", "Windows 2000", "Agenda 2030": the number is part of a name
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
    if after is not None and after.lower_ in _AMOUNT_NOUNS:
        return False  # "fell 1999 points", "traded at 2005 yen": an amount, whatever the parser says
    if before is not None and span[0].text[:1].isdigit() and _at_a_level(before, after):
        return False
    if after is not None and after.lower_ in _COUNTED_UNITS:
        return False  # "for 1500 days", "2000 years of history": a count of units, whatever the parser says
    if after is not None and after.lower_ == "block" and _next_is(after, "of"):
        return False  # "the 1600 block of Elm Street": US police news gives an address by its block
    if before is not None and before.lower_ in _ADDRESS_PREPS and _street_follows(span):
        return False  # "the office at 1600 Elm Avenue": a house number
    return not (before is not None and before.like_num)


_AMOUNT_NOUNS = set("points yen euros dollars pounds francs shares barrels tonnes tons".split())

# Verbs whose "at", "to", "above" or "below" gives a level a price or an index reaches ("closed at 1850").
_LEVEL_VERBS = set(
    "close end finish open trade stand rise fall climb drop slip jump gain sink surge plunge tumble slide "
    "hover settle peak top dip rally recover rebound retreat edge soar".split()
)
_LEVEL_PREPS = set("at to above below near around".split())


def _at_a_level(before: Token, after: Token | None) -> bool:
    """True for a four-digit number that a price or an index moves to: "the index closed at 1850",
    "fell 30 points to 1950", "rose above 2000" (not "fell to 2005 levels" or "to 2005's level": the
    year dates a noun)."""
    if before.lower_ not in _LEVEL_PREPS or before.head.lemma_.lower() not in _LEVEL_VERBS:
        return False
    return after is None or (after.pos_ not in ("NOUN", "PROPN") and after.text not in ("'s", "’s"))


_COUNTED_UNITS = set("seconds minutes days weeks months years decades centuries millennia".split())


def _next_is(token: Token, word: str) -> bool:
    """True when the token after this one is the given word."""
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == word


_ADDRESS_PREPS = {"at", "to", "from", "near", "outside"}
_STREET_WORDS = set("street st. avenue ave. road rd. boulevard blvd. lane drive way place square".split())


def _street_follows(span: Span) -> bool:
    """True when capitalised words ending in a street noun follow the number ("2040 Mill Road")."""
    for tok in span.doc[span.end : span.end + 4]:
        if not tok.text[:1].isupper():
            return False
        if tok.lower_ in _STREET_WORDS:
            return True
    return False


# Capitalised words that may stand before a year without making it part of a name.
_DATE_WORDS = (
    set(MONTHS)
    | set(WEEKDAYS)
    | set(SEASONS)
    | {m.rstrip(".") for m in MONTH_ABBR}
    | set(
        "fy fiscal financial year years class season christmas easter summer spring autumn winter "
        "early late mid end since until by before after in on of from through during".split()
    )
)


# Events held once a year or so, named with the year they are held in.
_EDITION_NOUNS = set(
    "cup games olympics olympiad expo championship championships summit conference festival awards "
    "census budget election elections fair show open tour congress convention forum".split()
)


def _name_like(token: Token) -> bool:
    """True for a capitalised word of a name ("Russell", "Windows"), not a date word or a sentence opener."""
    if not token.text[:1].isupper() or token.lower_.rstrip(".") in _DATE_WORDS:
        return False
    if (token.text.isupper() and len(token.text) > 1) or token.lower_ in _EDITION_NOUNS:
        return False  # an event's edition is its year: "KTX 2005", "World Cup 2010", "Expo 2020"
    if token.is_sent_start or token.pos_ not in ("PROPN", "NOUN", "ADJ", "X"):
        return False
    return not token.like_num


_NUMBERED_THINGS = set(
    "no. number resolution article flight route room model section chapter page bill law "
    "decree order item code unit highway interstate pp. p. vol. volume issue episode version".split()
)


# Words after "the past" that make it a stretch of time, not the past as such.
_STRETCH_WORDS = set(
    "few several couple hour hours day days week weeks weekend month months year years decade decades "
    "century centuries quarter quarters session sessions".split()
)


# Nouns that "current" dates to the present: "the current crisis", "current economic conditions".
_NOW_NOUNS = set("situation state time times period crisis climate conditions environment downturn".split())


def _plausible_ref(span: Span, ref: str, after: Token | None) -> bool:
    """Keep vague references that are about time ("the current situation", not "current account")."""
    if ref == "current":  # only "current" as the time ("the current weak state"), not "current account"
        doc = span.doc
        noun = next((t for t in doc[span.end : span.end + 3] if t.pos_ not in ("ADJ", "ADV", "PUNCT")), None)
        return after is None or (noun is not None and noun.lower_ in _NOW_NOUNS)
    if ref == "the past" and after is not None and (after.like_num or after.lower_ in _STRETCH_WORDS):
        return False  # "the past three years", "the past year or so" are durations
    if ref == "soon":
        return after is None or after.lower_ not in ("after", "as")
    return True
