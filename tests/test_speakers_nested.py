"""Reported speech inside what another speaker is reported to have said stays that speaker's claim."""

from __future__ import annotations

import pytest
from helpers import assert_claim

# (text, expected speaker, cue, content, kind, speaker who must not get a claim of their own)
CASES = [
    pytest.param(
        "Senator Ivo Brandl's accusation that the mayor had hidden the audit was false, Mayor Tess Okoro said.",
        "Tess Okoro",
        "said",
        "Senator Ivo Brandl's accusation that the mayor had hidden the audit was false",
        "indirect",
        "Ivo Brandl",
        id="nominal-cue-inside-a-trailing-attribution",
    ),
    pytest.param(
        "Tess Okoro said that Ivo Brandl had told donors the plant would close by June.",
        "Tess Okoro",
        "said",
        "Ivo Brandl had told donors the plant would close by June",
        "indirect",
        "Ivo Brandl",
        id="speech-verb-inside-a-that-clause",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind", "inner"), CASES)
def test_nested_statement_is_the_outer_claim(analyse_text, text, speaker, cue, content, kind, inner):
    """The outer speaker's claim is kept whole; the speaker reported inside it gets no claim of their own."""
    claims = analyse_text(text).claims
    assert_claim(claims, text, speaker, cue, content, kind)
    assert not [c for c in claims if inner in c.speaker]
