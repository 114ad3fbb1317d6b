"""Plain helpers shared by test files (fixtures live in conftest.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from spacy.tokens import Span

from newsdossier.extract.actors import extract_actors
from newsdossier.extract.temporal import find_timexes
from newsdossier.records import Claim, Timex
from newsdossier.text.nlp import sentences


def one_claim(claims: Iterable[Claim], content: str) -> Claim:
    """The claim whose content is exactly `content` (a failure lists every claim found)."""
    claims = list(claims)
    hits = [c for c in claims if c.content == content]
    assert hits, f"no claim is exactly {content!r}: {[(c.speaker, c.cue, c.content) for c in claims]}"
    return hits[0]


def assert_claim(claims: Iterable[Claim], text: str, speaker: str, cue: str, content: str, kind: str) -> None:
    """The claim with exactly this content has this speaker (a substring of its name), cue, span and kind.

    The span is the content itself, or, for a statement split by its attribution ("A, she said, B"), runs
    from the content's first piece to its last: the content is the pieces joined by a space.
    """
    claim = one_claim(claims, content)
    assert speaker in claim.speaker
    assert claim.cue == cue
    span = text[claim.start : claim.end]
    assert span == content or any(
        span.startswith(content[:k]) and span.endswith(content[k + 1 :])
        for k, ch in enumerate(content)
        if ch == " "
    ), f"{content!r} is not the text at {claim.start}:{claim.end} ({span!r}), whole or in two pieces"
    assert claim.kind == kind


def found_actors(nlp, text: str, ents: list[tuple[int, int, str]]) -> dict[str, str]:
    """Actor name -> type, with ents (token start, end, label) as NER's entities (none: NER found nothing)."""
    doc = nlp(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    actors, _ = extract_actors(doc, sents=sentences(doc))
    return {a.name: a.type for a in actors}


def tag_timexes(nlp, text: str, published: str | dt.date | None) -> list[Timex]:
    """The time expressions of a made-up text told on a publication date (ISO string, date or None)."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    return find_timexes(nlp(text), published=published)


def timex_values(timexes: Iterable[Timex]) -> dict[str, str]:
    """Expression -> value."""
    return {t.text: t.value for t in timexes}
