"""Plain helpers shared by test files (fixtures live in conftest.py)."""

from __future__ import annotations

from collections.abc import Iterable

from newsdossier.records import Claim


def one_claim(claims: Iterable[Claim], content: str) -> Claim:
    """The claim whose content is exactly `content` (a failure lists every claim found)."""
    claims = list(claims)
    hits = [c for c in claims if c.content == content]
    assert hits, f"no claim is exactly {content!r}: {[(c.speaker, c.cue, c.content) for c in claims]}"
    return hits[0]
