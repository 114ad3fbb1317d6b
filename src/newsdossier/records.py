"""The rows of the dossier's tables, as small immutable dataclasses.

Every record keeps character offsets into the article text, so each row can be traced back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args, get_origin, get_type_hints

from newsdossier.timevalue import PRECISIONS as _PRECISIONS

# Closed value sets: each column's allowed values, declared once as a type and a tuple of values.
# A new value is added here, in the Literal, and nowhere else.
ActorType = Literal["person", "organization", "location", "group"]
MentionHow = Literal[
    "ner", "alias", "acronym", "title", "pronoun", "demonym", "group", "rule", "out_of_scope"
]
ClaimKind = Literal["direct", "indirect", "mixed"]
ClaimDateBasis = Literal["explicit", "context", "none"]
# The precisions are declared once, in timevalue.PRECISIONS (finest first): the type is built from them.
Precision = Literal[_PRECISIONS]  # type: ignore[valid-type]
TimexBasis = Literal["explicit", "relative"]
EventBasis = Literal["explicit", "relative", "context"]
SentenceDateBasis = Literal["explicit", "context"]
SpeakerType = Literal["person", "organization", "location", "group", "unresolved"]

ACTOR_TYPES: tuple[ActorType, ...] = get_args(ActorType)
MENTION_HOWS: tuple[MentionHow, ...] = get_args(MentionHow)
CLAIM_KINDS: tuple[ClaimKind, ...] = get_args(ClaimKind)
CLAIM_DATE_BASES: tuple[ClaimDateBasis, ...] = get_args(ClaimDateBasis)
PRECISIONS: tuple[Precision, ...] = get_args(Precision)
TIMEX_BASES: tuple[TimexBasis, ...] = get_args(TimexBasis)
EVENT_BASES: tuple[EventBasis, ...] = get_args(EventBasis)
SENTENCE_DATE_BASES: tuple[SentenceDateBasis, ...] = get_args(SentenceDateBasis)
SPEAKER_TYPES: tuple[SpeakerType, ...] = get_args(SpeakerType)


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
    type: ActorType
    title: str
    aliases: str  # every surface form, ';'-separated
    mentions: int
    first_start: int
    salience: float
    roles: str = ""  # every distinct role the text gives a person, ';'-separated (title is one of them)


@dataclass(frozen=True)
class Mention:
    """One place in the text where an actor is named or referred to (or a non-actor's name, see how)."""

    actor_id: str  # empty for how == "out_of_scope": the name of a work, event, product... not an actor
    start: int
    end: int
    text: str
    sentence_id: int
    how: MentionHow


@dataclass(frozen=True)
class Claim:
    """An attributed statement: who said what, how, and when."""

    claim_id: str
    speaker: str
    speaker_id: str
    speaker_text: str
    cue: str
    content: str
    kind: ClaimKind
    date: str
    date_basis: ClaimDateBasis
    start: int
    end: int
    sentence_id: int
    # how the speaker was found: name / alias / pronoun / description / previous claim / unresolved
    speaker_basis: str = ""  # empty in tables written before the column existed


@dataclass(frozen=True)
class Timex:
    """A time expression found in the text, with its TIMEX3-style value."""

    start: int
    end: int
    text: str
    value: str  # 2024-02-26, 2024-02, 2023, 18XX, XXXX-02-26, PAST_REF ...
    precision: Precision
    basis: TimexBasis
    mod: str = ""  # TIMEX3 mod: START / MID / END / APPROX / BEFORE / AFTER ..., else empty


@dataclass(frozen=True)
class Event:
    """A dated event of the timeline."""

    event_id: str
    date: str
    date_text: str
    precision: Precision
    event: str
    actors: str  # actor ids, ';'-separated
    basis: EventBasis
    start: int
    end: int
    sentence_id: int
    ref: str = ""  # PAST_REF / PRESENT_REF / FUTURE_REF for vague references, else empty
    mod: str = ""  # TIMEX3 mod of the date: START ("early March") / MID / END / APPROX ..., else empty


# --- The story across articles (batch/story): one row per group found over a batch's articles. ---


@dataclass(frozen=True)
class CorpusActor:
    """One actor across the articles of a batch: the article-level actors that name it, merged."""

    corpus_actor_id: str
    name: str
    type: str
    title: str  # the title most articles give, empty when none does
    aliases: str  # every surface form in every article, ';'-separated
    articles: int
    outlets: str  # the sources reporting it, ';'-separated (empty when the batch knows none)
    mentions: int
    in_articles: str  # the articles, ';'-separated


@dataclass(frozen=True)
class Statement:
    """One statement as several claims report it: one corpus speaker, near-identical content."""

    statement_id: str
    speaker: str
    corpus_actor_id: str  # the speaker's, empty when the speaker is not an actor of the corpus
    kind: str  # direct when any report quotes it directly, else the claims' kind
    content: str  # the wording most articles give (the longest of those)
    first_date: str  # YYYY-MM-DD: the claim's own day when the article dates it, else the article's
    last_date: str
    articles: int
    outlets: str
    in_articles: str
    claims: int
    variants: int  # distinct wordings (case and punctuation aside)
    quote_variant: bool  # two reports give one direct quote in different words


@dataclass(frozen=True)
class QuoteVariant:
    """One wording of a direct quote that the reports give differently, for a side-by-side view."""

    statement_id: str
    version: int  # 1: the wording most articles give; the others are compared with it
    content: str
    differing: str  # this version's words that the other wording(s) do not have, ' '-separated
    marks: str  # where they are: 'start-end' character ranges into content, ';'-separated
    articles: int
    outlets: str
    claims: str  # the reporting claims, 'article:claim_id', ';'-separated


@dataclass(frozen=True)
class StoryEvent:
    """One dated event across articles: the articles' events on one date sharing actors, merged."""

    story_event_id: str
    date: str
    precision: str
    event: str  # the wording most articles give
    actors: str  # corpus_actor_ids, ';'-separated
    actor_names: str  # their names, ';'-separated
    articles: int
    outlets: str
    in_articles: str
    events: int  # article-level events merged


@dataclass(frozen=True)
class SentenceDate:
    """The date a sentence reports (its own, or its event's), read by the claims stage."""

    sentence_id: int
    date: str
    basis: SentenceDateBasis


@dataclass(frozen=True)
class Edge:
    """Who speaks about whom: a speaker and an actor named inside their claims."""

    speaker_key: str  # the speaker's actor id, or "speaker:<their words>" when unresolved
    speaker: str
    speaker_type: SpeakerType
    target_id: str
    target: str
    target_type: ActorType
    claims: int
    claim_ids: str  # ", "-separated


def value_set(cls: type, column: str) -> tuple[str, ...] | None:
    """The closed set of values a record's column allows (its Literal type), or None for an open column."""
    hint = get_type_hints(cls)[column]
    return get_args(hint) if get_origin(hint) is Literal else None
