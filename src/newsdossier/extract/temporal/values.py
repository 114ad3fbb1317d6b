"""What normalisation works with: the anchor, the context of a candidate and the value it gets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(frozen=True)
class Anchor:
    """What anaphoric expressions count from: the last day, the last year and the last value the text gave."""

    day: dt.date | None = None
    year: int | None = None
    value: str = ""  # the last date at its own precision, for "the same month a year ago"
    written: bool = False  # the last date wrote its year out with its month ("June 2, 2018", "May 2019")
    start: int = -1  # where the last date is in the text
    end: int = -1


@dataclass(frozen=True)
class Context:
    """What a candidate is normalised against: its parsed text, the publication date, the anchor."""

    doc: Doc
    published: dt.date | None
    anchor: Anchor

    def anchor_just_before(self, start: int, end: int) -> bool:
        """True when the anchor's date lies before the text at start..end, in its sentence or the last."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not 0 <= self.anchor.end <= start:
            return False
        sent = span.sent
        first = self.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        return self.anchor.end >= first


@dataclass(frozen=True)
class Value:
    """A normalised value with its precision and how it was reached."""

    value: str
    precision: str
    basis: str
    mod: str = ""  # TIMEX3 mod: START ("early March"), MID, END, APPROX ...
    narrative: int | None = None  # for "the next day": days after the sentence's narrative day
