"""Speakers: who a claim's speaker phrase names, on made-up sentences (speaker, cue, content, kind)."""

from __future__ import annotations

import pytest

# (text, expected speaker, cue, content, kind)
CASES = [
    pytest.param(
        "Senator Mary Walsh spoke in Ohio on Monday. The Walsh campaign said the rally drew ten thousand people.",
        "The Walsh campaign",
        "said",
        "the rally drew ten thousand people",
        "indirect",
        id="campaign-of-a-named-person",
    ),
    pytest.param(
        "Governor Tom Reilly won the vote. Reilly aides insisted the count was fair.",
        "Reilly aides",
        "insisted",
        "the count was fair",
        "indirect",
        id="aides-of-a-named-person",
    ),
    pytest.param(
        "President Ann Cole met the press. The Cole administration said it would appeal the ruling.",
        "The Cole administration",
        "said",
        "it would appeal the ruling",
        "indirect",
        id="administration-of-a-named-person",
    ),
    pytest.param(
        "House Speaker Jane Doe said the bill would pass this week.",
        "Jane Doe",
        "said",
        "the bill would pass this week",
        "indirect",
        id="title-before-the-name",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), CASES)
def test_speaker_of_claim(analyse_text, text, speaker, cue, content, kind):
    """The one claim holding the content has the expected speaker, cue, exact content span and kind."""
    claims = [c for c in analyse_text(text).claims if content in c.content]
    assert claims, f"no claim holds {content!r}"
    c = claims[0]
    assert (c.speaker, c.cue, c.content, c.kind) == (speaker, cue, content, kind)
    assert text[c.start : c.end] == c.content
