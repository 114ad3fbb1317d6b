"""The rows of the dossier's tables, as small immutable dataclasses.

Every record keeps character offsets into the article text, so each row can be traced back.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article, never crossing a paragraph break."""

    sentence_id: int
    paragraph_id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """A person, organisation or place, merged over all its surface forms."""

    actor_id: str
    name: str
    type: str  # person / organization / location / group
    title: str
    aliases: str  # every surface form, ';'-separated
    mentions: int
    first_start: int
    salience: float
    roles: str = ""  # every distinct role the text gives a person, ';'-separated (title is one of them)


@dataclass(frozen=True)
class Mention:
    """One place in the text where an actor is named or referred to."""

    actor_id: str
    start: int
    end: int
    text: str
    sentence_id: int
    how: str  # ner / alias / acronym / title / pronoun / demonym / group


@dataclass(frozen=True)
class Claim:
    """An attributed statement: who said what, how, and when."""

    claim_id: str
    speaker: str
    speaker_id: str
    speaker_text: str
    cue: str
    content: str
    kind: str  # direct / indirect / mixed
    date: str
    date_basis: str  # explicit / context / none
    start: int
    end: int
    sentence_id: int


@dataclass(frozen=True)
class Timex:
    """A time expression found in the text, with its TIMEX3-style value."""

    start: int
    end: int
    text: str
    value: str  # 2024-02-26, 2024-02, 2023, 18XX, XXXX-02-26, PAST_REF ...
    precision: str  # one of timevalue.PRECISIONS: time / day / weekend / week / month / season / quarter ...
    basis: str  # explicit / relative
    mod: str = ""  # TIMEX3 mod: START / MID / END / APPROX / BEFORE / AFTER ..., else empty


@dataclass(frozen=True)
class Event:
    """A dated event of the timeline."""

    event_id: str
    date: str
    date_text: str
    precision: str
    event: str
    actors: str  # actor ids, ';'-separated
    basis: str  # explicit / relative / context
    start: int
    end: int
    sentence_id: int
    ref: str = ""  # PAST_REF / PRESENT_REF / FUTURE_REF for vague references, else empty
    mod: str = ""  # TIMEX3 mod of the date: START ("early March") / MID / END / APPROX ..., else empty
