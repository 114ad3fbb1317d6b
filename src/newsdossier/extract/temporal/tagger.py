"""The tagger: candidates found, checked, normalised in text order with a moving anchor; then the
day anaphors ("the next day") resolved against the narrative day of their sentence."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from spacy.tokens import Doc

from newsdossier.extract.temporal.candidates import Candidate, candidates, plausible, select, tokens_of, trim
from newsdossier.extract.temporal.narrative import anaphor_value, narrative_days
from newsdossier.extract.temporal.normalise import normalise
from newsdossier.extract.temporal.values import Anchor, Context, Value
from newsdossier.records import Timex
from newsdossier.text.nlp import sentence_index, sentences, text_of
from newsdossier.timevalue import TimeValue


def find_timexes(doc: Doc, *, published: dt.date | None) -> list[Timex]:
    """Find dated expressions in a parsed article and give each a TIMEX3-style value."""
    out: list[Timex] = []
    pending: dict[int, int] = {}  # index in out -> days after the narrative day ("the next day")
    anchor = Anchor()  # the last date the text gave, for "two days later" and "later that year"
    for cand in select(candidates(text_of(doc))):
        if not plausible(doc, cand):
            continue
        value = normalise(cand, Context(doc, published, anchor))
        if value is None:
            continue
        start, end, text = trim(text_of(doc), cand)
        if value.narrative is not None:
            pending[len(out)] = value.narrative
        else:
            anchor = _next_anchor(anchor, value, cand)
        out.append(Timex(start, end, text, value.value, value.precision, value.basis, value.mod))
    out = _without_conversions(text_of(doc), _narrative_anaphors(doc, out, pending, published))
    return _date_times(doc, _day_lists(text_of(doc), out), published)


_IN_BRACKETS = re.compile(r"\s*\(\s*")


def _without_conversions(text: str, timexes: list[Timex]) -> list[Timex]:
    """Drop a clock time in brackets right after another one: "11:20 a.m. (0920 GMT)" is one moment
    told in a second zone, not a second time ("6 in the morning (6 a.m. CDT)" says the same hour twice:
    both kept)."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        if (
            prev is not None
            and t.precision == prev.precision == "time"
            and _IN_BRACKETS.fullmatch(text[prev.end : t.start])
            and _clock(prev.value) != _clock(t.value)
        ):
            continue
        out.append(t)
    return out


def _narrative_anaphors(
    doc: Doc, timexes: list[Timex], pending: dict[int, int], published: dt.date | None
) -> list[Timex]:
    """Give "the day", "that day", "the next day" the narrative day of their sentence (plus their shift),
    one after the other, so that "the next day ... the following day" walks on; unresolved ones go."""
    if not pending:
        return timexes
    sents = sentences(doc)
    done = [t for i, t in enumerate(timexes) if i not in pending]
    for i, shift in sorted(pending.items()):
        t = timexes[i]
        value = anaphor_value(doc, sents=sents, timexes=done, published=published, anaphor=t, shift=shift)
        if value is None:
            continue
        value += t.value[10:] if len(value) == 10 else ""  # keep a time of day ("that evening")
        done.append(dataclasses.replace(t, value=value, precision=TimeValue.parse(value).precision))
        done.sort(key=lambda x: x.start)
    return done


_SECOND_DAY = re.compile(r"(?:\s*(?:-|–|and|to|through|or)\s*)(\d{1,2})(?![\d%])(?!\s*percent)")


def _day_lists(text: str, timexes: list[Timex]) -> list[Timex]:
    """Add the second day of "June 8 and 9" or "May 3-5", which borrows the first day's month."""
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


def _clock(value: str) -> str:
    """The hour and minute of a time value ("2000-04-06T04:00Z" -> "04:00")."""
    return value.partition("T")[2][:5]


def _next_anchor(anchor: Anchor, value: Value, cand: Candidate) -> Anchor:
    """Move the anchor to a newly found date (clock times without a day, vague references and fiscal
    years, whose months are unknown, do not)."""
    if cand.kind in ("time", "noon", "clock", "hour_part") or value.precision in ("ref", "fiscal"):
        return anchor
    day = _as_date(value.value)
    year = int(value.value[:4]) if value.value[:4].isdigit() else anchor.year
    written = bool(cand.match.groupdict().get("y")) and value.precision in ("day", "month", "time")
    if day is None and anchor.day is not None and not anchor.day.isoformat().startswith(value.value):
        # "in June ... two days earlier": the story has left the last day, so no day to count from
        return Anchor(None, year, value.value, written, cand.start, cand.end)
    return Anchor(day or anchor.day, year, value.value, written, cand.start, cand.end)


_DAY_AFTER = re.compile(r",?\s*(?:on\s+)?", re.I)  # "06:10 on Tuesday", "9 a.m., Monday"


def _as_date(value: str) -> dt.date | None:
    """The day of a day-precise value (a time of day may follow), else None."""
    return TimeValue.parse(value).day


def _date_times(doc: Doc, timexes: list[Timex], published: dt.date | None) -> list[Timex]:
    """Give a bare clock time the day of its sentence: a day told there, else the day the sentence
    narrates (not a date in a side or reported clause just before), else the last day, else publication."""
    out = []
    narrated: dict[int, dt.date | None] | None = None
    for t in timexes:
        if t.value.startswith("XXXX-XX-XXT"):
            span = tokens_of(doc, t.start, t.end)
            sent = span.sent if span is not None else None
            # the day it is told with, "at 6 a.m. on Tuesday" before any other day of the sentence
            near = sorted(
                (o for o in timexes if sent is not None and sent.start_char <= o.start < sent.end_char),
                key=lambda o: not (o.start >= t.end and _DAY_AFTER.fullmatch(text_of(doc)[t.end : o.start])),
            )
            days = [d for o in near if o is not t and (d := _as_date(o.value)) is not None]
            # else the day the story last spoke of, else the publication date
            earlier = [
                _as_date(o.value) for o in timexes if o.start < t.start and _as_date(o.value) is not None
            ]
            if narrated is None:
                sents = sentences(doc)
                dated = [o for o in timexes if not o.value.startswith("XXXX-XX-XXT")]
                narrated = narrative_days(doc, sents=sents, timexes=dated, published=published)
            own = narrated.get(sentence_index(sents, t.start))
            day = days[0] if days else own if own else earlier[-1] if earlier else published
            if day is None:
                out.append(t)
                continue
            t = dataclasses.replace(t, value=day.isoformat() + t.value[10:])
        out.append(t)
    return out
