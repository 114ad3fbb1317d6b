"""The wording of quotes and events compared across articles: tokens with offsets, keys, differences."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

OVERLAP_MIN = 0.5  # share of the shorter quote's words that must line up for two versions of one quote
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


@dataclass(frozen=True)
class Word:
    """One word of a text, lower-cased, with its character offsets in the text."""

    text: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    """The words of a text (punctuation dropped, apostrophes kept inside words)."""
    return [Word(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _WORD.finditer(str(text))]


def wording(text: str) -> str:
    """A text's words joined: two texts with one wording differ only in case, spacing or punctuation."""
    return " ".join(w.text for w in words(text))


def _opcodes(mine: list[Word], theirs: list[Word]) -> list[tuple[str, int, int, int, int]] | None:
    """difflib's edit script between two word lists, or None when they are not one quote: fewer than
    OVERLAP_MIN of the shorter one's words line up (two different parts of a longer statement)."""
    matcher = difflib.SequenceMatcher(None, [w.text for w in mine], [w.text for w in theirs], autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    if not mine or not theirs or shared < OVERLAP_MIN * min(len(mine), len(theirs)):
        return None
    return matcher.get_opcodes()


def differences(text: str, other: str) -> list[Word] | None:
    """The words of text that other words differently, inside the stretch both quote; None when the
    two are not versions of one quote.

    A report that quotes only part of a longer quote gives the same wording for that part: words
    before or after what the shorter one quotes are not differences.
    """
    mine, theirs = words(text), words(other)
    found = _opcodes(mine, theirs)
    if found is None:
        return None
    codes = list(found)
    while codes and codes[0][0] in ("insert", "delete"):  # one starts the quote later: not a rewording
        codes = codes[1:]
    while codes and codes[-1][0] in ("insert", "delete"):  # one stops earlier
        codes = codes[:-1]
    if codes and codes[0][0] == "replace":  # where the other starts: only as many words as it gives differ
        _, i1, i2, j1, j2 = codes[0]
        codes[0] = ("replace", max(i1, i2 - (j2 - j1)), i2, j1, j2)
    if codes and codes[-1][0] == "replace":  # where the other stops: likewise
        _, i1, i2, j1, j2 = codes[-1]
        codes[-1] = ("replace", i1, min(i2, i1 + (j2 - j1)), j1, j2)
    return [mine[i] for tag, i1, i2, _, _ in codes if tag in ("replace", "delete") for i in range(i1, i2)]


def shared_words(text: str, other: str) -> int:
    """How many words two texts give in the same order (0 when they are not versions of one quote)."""
    mine, theirs = words(text), words(other)
    if _opcodes(mine, theirs) is None:
        return 0
    return sum(i2 - i1 for tag, i1, i2, _, _ in _opcodes(mine, theirs) or [] if tag == "equal")


def reworded(text: str, other: str) -> bool:
    """Whether two reports of one quote give it in different words (not merely one quoting less)."""
    return bool(differences(text, other) or differences(other, text))
