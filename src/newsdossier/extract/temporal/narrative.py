"""The narrative date of each sentence: the day (or period) it reports, which "the day", "that day" and
"the next day" count from and which the claims made in it are dated by.

A sentence's own date counts when it dates the main clause (not what is reported: "said that in
2019 ..."); an undated sentence naming an event dated elsewhere takes that event's date; a statement
made at a press event right after a sentence dated to a day takes that day. The narrative day runs
on from sentence to sentence until a sentence gives another date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from newsdossier.extract.temporal.timeline import event_mentions
from newsdossier.records import Sentence, Timex
from newsdossier.text import quotes
from newsdossier.text.nlp import sentence_index, text_of
from newsdossier.text.parse import FUTURE_AUX, PAST, governing_verb, verb_tense
from newsdossier.timevalue import TimeValue

# Press events: a statement made at one, or told to reporters, belongs to the day just reported.
_PRESS_EVENTS = {"conference": {"press", "news"}, "briefing": {"press", "news", "media", ""}}
_THE_PRESS = {"reporters", "journalists", "press", "media"}


def sentence_dates(doc: Doc, *, sents: list[Sentence], timexes: list[Timex]) -> dict[int, tuple[str, str]]:
    """For each dated sentence, (date, basis) of what it reports: its own date, else its event's date.

    basis is "explicit" when the sentence gives a date itself and "context" when it names an event
    dated elsewhere, or reports a statement at a press event right after a sentence dated to a day.
    A date inside what is reported ("said that in 2019 ...", a quotation) is not the
    date of the saying.
    """
    out: dict[int, tuple[str, str]] = {}
    for t in sorted(timexes, key=_main_first(doc)):
        if TimeValue.parse(t.value).is_ref or _reported(doc, t.start, t.end) or _bound(doc, t):
            continue
        out.setdefault(sentence_index(sents, t.start), (t.value, "explicit"))
    for m in event_mentions(doc, sents=sents, timexes=timexes):
        if not _reported(doc, m.start, m.end):
            out.setdefault(m.sentence_id, (m.value, "context"))
    for sid in _said_to_the_press(doc, sents, out):
        out.setdefault(sid, (out[sid - 1][0], "context"))
    return dict(sorted(out.items()))


# A date after these words bounds a stretch of time ("its highest since last November"): it is not
# the time of what the sentence reports.
_BOUNDS = {"since", "until", "till"}


def _bound(doc: Doc, t: Timex) -> bool:
    """True for a date that only bounds a stretch of time: "since 2019", "until March"."""
    before = text_of(doc)[max(0, t.start - 12) : t.start].lower().split()
    return bool(before) and before[-1] in _BOUNDS


# Clauses that hold what someone says or wants, not when they said it.
_CONTENT_DEPS = {"ccomp", "xcomp", "parataxis"}


def _reported(doc: Doc, start: int, end: int) -> bool:
    """True when a stretch of text sits in a quotation or in the reported clause of its sentence."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    before = text_of(doc)[span.sent.start_char : start]
    if quotes.left_open(before):
        return True
    token = span.root
    while token.dep_ != "ROOT" and token.head.i != token.i:
        if token.dep_ in _CONTENT_DEPS:
            return True
        token = token.head
    return False


def _main_first(doc: Doc) -> Callable[[Timex], tuple[int, int]]:
    """Order a sentence's dates so that a date on its main verb comes before dates inside clauses."""

    def key(t: Timex) -> tuple[int, int]:
        """Main-verb dates first, then text order."""
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        verb = governing_verb(span.root) if span is not None else None
        on_root = verb is not None and verb.dep_ == "ROOT"
        return (0 if on_root else 1, t.start)

    return key


def _said_to_the_press(doc: Doc, sents: list[Sentence], dated: dict[int, tuple[str, str]]) -> list[int]:
    """Undated sentences whose statement is made at a press event, right after a day-dated sentence.

    A press event is held about what just happened: "Ministers met in Rome on June 3. The minister
    told reporters at a news conference that ..." reports the day just given. The sentence before
    must be in the same or the previous paragraph, be dated to a day by its own date or by the event
    it names ("the prime minister spoke at the opening of the summit"; a date given by this rule is
    not built on again) and report something that happened (not "the vote will be held on June 3").
    Other gatherings have days of their own: "at a trade fair", "at an industry conference".
    """
    out = []
    for s in sents:
        sid = s.sentence_id
        if sid in dated or sid - 1 not in dated:
            continue
        prev = sents[sid - 1]
        value, basis = dated[sid - 1]
        if not TimeValue.parse(value).day_precise or prev.paragraph_id < s.paragraph_id - 1:
            continue
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        prev_span = doc.char_span(prev.start, prev.end, alignment_mode="expand")
        if span is None or prev_span is None or _future(prev_span):
            continue
        if any(_press_event(t) and not _reported(doc, t.idx, t.idx + len(t)) for t in span):
            out.append(sid)
    return out


def _press_event(token: Token) -> bool:
    """True for "at a news conference", "at a (press) briefing", "told reporters", "said to journalists"."""
    if token.dep_ == "pobj" and token.head.lower_ in ("at", "during") and token.lemma_ in _PRESS_EVENTS:
        kinds = {c.lower_ for c in token.children if c.dep_ == "compound"} or {""}
        return kinds <= _PRESS_EVENTS[token.lemma_]
    if token.lower_ not in _THE_PRESS or token.dep_ == "compound":
        return False
    if token.dep_ == "dobj":
        return token.head.lemma_ == "tell"
    return token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.pos_ == "VERB"


def _future(sent: Span) -> bool:
    """True when the main verb of a sentence speaks of the future ("will be held")."""
    return any(c.lower_ in FUTURE_AUX for c in sent.root.children if c.dep_ == "aux")


def narrative_values(
    doc: Doc, *, sents: list[Sentence], timexes: list[Timex], published: dt.date | None
) -> dict[int, tuple[str, int | None]]:
    """The date each sentence narrates, at its own precision, with the sentence that gave it: its own
    date, else the one of the sentence before; before any date, the publication date (given by no
    sentence; "" when there is none)."""
    dates = sentence_dates(doc, sents=sents, timexes=timexes)
    out: dict[int, tuple[str, int | None]] = {}
    current: tuple[str, int | None] = (published.isoformat() if published is not None else "", None)
    told = current  # the last date narrated that is not still ahead of publication
    for s in sents:
        if s.sentence_id in dates:
            current = (dates[s.sentence_id][0], s.sentence_id)
            if not _ahead(current[0], published):
                told = current
        out[s.sentence_id] = (
            told if s.sentence_id not in dates and _past_after_ahead(doc, s, current, published) else current
        )
    return out


def _ahead(value: str, published: dt.date | None) -> bool:
    """True for a date that begins after publication: a plan or a forecast, not yet narrated."""
    first = TimeValue.parse(value).first
    return published is not None and first is not None and first > published


def _past_after_ahead(
    doc: Doc, sent: Sentence, current: tuple[str, int | None], published: dt.date | None
) -> bool:
    """True for a sentence in the past after one dated ahead of publication: "The ferry should sail on
    Friday. ... Late in the day, the pier was closed" goes back to the story's day, not to the plan's."""
    if not _ahead(current[0], published):
        return False
    span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
    return span is not None and verb_tense(span.root) == PAST


def narrative_days(
    doc: Doc, *, sents: list[Sentence], timexes: list[Timex], published: dt.date | None
) -> dict[int, dt.date | None]:
    """The day each sentence narrates: its own date when that is a day; None when its own date is a
    coarser period (the story has left the day: "in 2019"); else the day of the sentence before; before
    any date, the publication date."""
    values = narrative_values(doc, sents=sents, timexes=timexes, published=published)
    return {sid: TimeValue.parse(value).day for sid, (value, _) in values.items()}


# The words of a day anaphor that point back to the story's time ("that same day", "the next day");
# "on the same day" alone is as often "on one day" ("two payments made on the same day").
_POINTING_WORDS = {"that", "next", "following", "previous", "before"}


def anaphor_value(
    doc: Doc,
    *,
    sents: list[Sentence],
    timexes: list[Timex],
    published: dt.date | None,
    anaphor: Timex,
    shift: int,
) -> str | None:
    """The value of a day anaphor ("the next day", "that same day"), tagged XXXX-XX-XX with `shift` days
    to add: counted from the day its sentence narrates.

    "That day" and "the same day" point back to a day just named: when the story's date was not given
    in this sentence or the one before, the last day named there counts, even one that only a
    reported clause gives ("officials said the vote is on May 3. That day, ..."). When the story is at
    a month or a year ("last October ... that same day"), the day in it is unknown: 1998-10-XX. Only
    words that point back say so: "the day", "the same day" or "the end of the day" after a coarser
    date is left out, as it is as often a day of its own ("the index ended the day higher").
    """
    sid = sentence_index(sents, anaphor.start)
    suffix = anaphor.value[10:]  # a part of the day: "that night"
    words = anaphor.text.lower().split()
    narration = narrative_values(doc, sents=sents, timexes=timexes, published=published)
    value, given_in = narration.get(sid, ("", None))
    if ("that" in words or "same" in words) and given_in not in (sid, sid - 1):
        named = [
            day
            for t in timexes
            if t.end <= anaphor.start
            and sentence_index(sents, t.start) in (sid, sid - 1)
            and (day := TimeValue.parse(t.value).day) is not None
        ]
        if named:
            return (named[-1] + dt.timedelta(days=shift)).isoformat() + suffix
    narrated = TimeValue.parse(value)
    if narrated.day is not None:
        return (narrated.day + dt.timedelta(days=shift)).isoformat() + suffix
    if not _POINTING_WORDS.intersection(words) or narrated.precision not in ("month", "year"):
        return None
    month = narrated.value[:7] if narrated.precision == "month" else narrated.value[:4] + "-XX"
    return f"{month}-XX{suffix}"
