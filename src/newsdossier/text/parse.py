"""Parse helpers shared by the extractors: walking the dependency tree of a spaCy parse."""

from __future__ import annotations

from spacy.tokens import Token


def governing_verb(token: Token) -> Token | None:
    """The verb a token depends on (itself when it is one), within a few steps."""
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None
