"""Quotation marks paired when they are typed wrongly: a curly mark the wrong way round, a single mark
closing a double quote. Each case gives the quotes found and the direct claim built on them."""

from __future__ import annotations

import pytest
from helpers import assert_claim

from newsdossier.text.nlp import sentences
from newsdossier.text.quotes import find_quotes

PAIRINGS = [
    pytest.param(
        "“It is unusual,“ said Jo Fenwick, a lawyer in the town. “It is hard to do.”",
        ["It is unusual", "It is hard to do."],
        id="opening-mark-used-to-close",
    ),
    pytest.param(
        "”We will appeal the ruling,” said Tomas Brel.",
        ["We will appeal the ruling"],
        id="closing-mark-used-to-open",
    ),
    pytest.param(
        "Marta Quill wrote: “Come along. We can fix the pier.’ Quill was at the harbour on Monday.",
        ["Come along. We can fix the pier."],
        id="single-mark-closes-a-double-quote",
    ),
    pytest.param(
        "“He told me, ‘Wait here.’ So I waited for an hour,” said Ada Penn.",
        ["He told me, ‘Wait here.’ So I waited for an hour"],
        id="nested-single-quote-is-not-a-close",
    ),
    pytest.param(
        "“The pupils’ books were wet. We dried them.” The head teacher left.",
        ["The pupils’ books were wet. We dried them."],
        id="possessive-mark-is-not-a-close",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PAIRINGS)
def test_wrongly_typed_marks_are_paired(nlp, text, expected):
    doc = nlp(text)
    found = [text[q.start : q.end] for q in find_quotes(text, sentences(doc)) if q.depth == 0]
    assert found == expected


CLAIMS = [
    pytest.param(
        "“It is unusual,“ said Jo Fenwick, a lawyer in the town. “It is hard to do.”",
        "Jo Fenwick",
        "said",
        "It is unusual",
        id="opening-mark-used-to-close",
    ),
    pytest.param(
        "”We will appeal the ruling,” said Tomas Brel.",
        "Tomas Brel",
        "said",
        "We will appeal the ruling",
        id="closing-mark-used-to-open",
    ),
    pytest.param(
        "Marta Quill wrote: “Come along. We can fix the pier.’ Quill was at the harbour on Monday.",
        "Marta Quill",
        "wrote",
        "Come along. We can fix the pier.",
        id="single-mark-closes-a-double-quote",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), CLAIMS)
def test_a_quote_with_a_wrongly_typed_mark_is_one_claim(analyse_text, text, speaker, cue, content):
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, "direct")
