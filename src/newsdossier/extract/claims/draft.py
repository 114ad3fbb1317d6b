"""What the passes share: the draft claim they build and the token helpers they all use."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsdossier.text.quotes import Quote


@dataclass(frozen=True)
class Speaker:
    """Who made a claim: canonical name, actor id (may be empty), the words as written, how it was found."""

    name: str
    actor_id: str
    text: str
    basis: str  # one of SPEAKER_BASES


# How a speaker was found, as the claims table's speaker_basis says it.
SPEAKER_BASES = ("name", "alias", "pronoun", "description", "previous claim", "unresolved")

DASHES = "-–—"


@dataclass
class Draft:
    """A claim before numbering and dating; its speaker may still be filled from context."""

    start: int
    end: int
    kind: str
    cue: str
    speaker: Speaker | None
    speaker_tok: Token | None
    anchor: int  # offset used to date the claim (the cue when there is one)
    # (start, end) of each piece when the attribution stands inside the statement ("A, she said, B"):
    # the content is the pieces joined by a space, and start/end are their outer bounds
    pieces: tuple[tuple[int, int], ...] = ()
    # quoted words inside a clause, taken only when no other pass gives a claim that holds them
    fallback: bool = False


def content_of(draft: Draft, text: str) -> str:
    """The words of a claim: its span, or its pieces joined by a space when its attribution stands inside."""
    if not draft.pieces:
        return text[draft.start : draft.end]
    return " ".join(text[a:b] for a, b in draft.pieces)


def tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens lying within [start, end)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def in_quotes(tok: Token, quotes: list[Quote]) -> bool:
    """True when a token lies between quotation marks."""
    return any(q.open <= tok.idx < q.close for q in quotes)
