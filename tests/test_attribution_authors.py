"""A source of facts ('a study', 'a survey') that names its author speaks for that author; one that names
no author is no speaker."""

from __future__ import annotations

import pytest
from helpers import assert_claim

AUTHORED = [
    pytest.param(
        "A study by the Harbour Audit Board said the ferry fund had been poorly run for years.",
        "Harbour Audit Board",
        "said",
        "the ferry fund had been poorly run for years",
        "indirect",
        id="study-by-an-author",
    ),
    pytest.param(
        "A 2020 review by the Lakeside Water Authority said the pipes were “older than anyone had feared.”",
        "Lakeside Water Authority",
        "said",
        "the pipes were “older than anyone had feared.”",
        "mixed",
        id="dated-review-by-an-author",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), AUTHORED)
def test_a_source_of_facts_with_a_named_author_speaks_for_it(analyse_text, text, speaker, cue, content, kind):
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, kind)


@pytest.mark.parametrize(
    "text",
    [
        "The data suggests the ferry fund had been poorly run for years.",
        "A recent study said the ferry fund had been poorly run for years.",
    ],
)
def test_a_source_of_facts_without_an_author_is_no_speaker(analyse_text, text):
    assert analyse_text(text).claims == []
