"""Quoted words that are a nickname or a title rather than words said: a few capitalised words, no sentence
inside. The attribution around a quote runs past them."""

from __future__ import annotations

import pytest

from newsdossier.text.nlp import sentences
from newsdossier.text.quotes import find_quotes, name_like

NAMES = [
    pytest.param('Councillor Jo "Ace" Reed spoke first.', "Ace", True, id="nickname"),
    pytest.param(
        "She said so on Channel Four’s “Coffee and Friends.”", "Coffee and Friends.", True, id="title"
    ),
    pytest.param("He read “The Rise of North Pier” twice.", "The Rise of North Pier", True, id="long-title"),
    pytest.param("She called it “silly” on Monday.", "silly", False, id="lower-case-word"),
    pytest.param(
        "“We Will Win. Vote Now.” was the slogan.", "We Will Win. Vote Now.", False, id="two-sentences"
    ),
    pytest.param(
        "“Vote For The Best Mayor In The Whole Valley” was printed on it.",
        "Vote For The Best Mayor In The Whole Valley",
        False,
        id="too-many-words",
    ),
]


@pytest.mark.parametrize(("text", "quoted", "expected"), NAMES)
def test_nicknames_and_titles_are_told_from_words_said(nlp, text, quoted, expected):
    quote = next(q for q in find_quotes(text, sentences(nlp(text))) if text[q.start : q.end] == quoted)
    assert name_like(text, quote) is expected
